// End to end: the demo itself — org emulator, the real sync service with its dispatcher, a real
// SMTP server — played through, then what prospects received read back with mailparser.
// Covers every send option, threaded follow-ups, a rep's edited Command Center email, an
// opt-out, a one-click unsubscribe, a bounce and both task-expiry policies (see demoScript.ts).
import { describe, expect, it } from 'vitest';
import { completeUpTo, OrderedTimeline } from '../../src/demo/orderedTimeline.ts';
import type { OrgLook, TimelineEvent } from '../../src/demo/timeline.ts';
import { stampsGoingBackwards, timelineStamps } from '../support/timelineOrder.ts';
import { playDemo, recipientOf } from './playDemo.ts';

const to = recipientOf;

describe('the demo', () => {
  it('plays the sample campaign out as designed, and says so', async () => {
    const { result, lines, mails } = await playDemo();

    expect(result.problems).toEqual([]);
    expect(result.exitCode).toBe(0);
    const summary = lines.join('\n');
    expect(summary).toMatch(/At_Time\s+3\n/);
    expect(summary).toMatch(/Same_Time_As_Previous\s+3\n/);
    expect(summary).toMatch(/Thread_Previous\s+5\n/);
    expect(summary).toMatch(/Choose_At_Launch\s+3\n/);
    expect(summary).toMatch(/Manual_Task\s+3\n/);
    expect(summary).toMatch(/expired\s+2\n/);
    expect(summary).toContain('The campaign played out as expected.');
    expect(summary).toMatch(/API calls: \d+ by the sync service/);

    // The live timeline reads in business-time order, though its lines reach the org at
    // different real moments (write-backs after sends, task completions noticed by polling).
    expect(timelineStamps(lines).length).toBeGreaterThan(50);
    expect(stampsGoingBackwards(lines)).toEqual([]);

    // Each email once; none to the person who opted out or the unknown mailbox.
    expect(mails).toHaveLength(17);
    const keys = mails.map((m) => `${to(m)} ${m.subject}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(mails.some((m) => to(m).startsWith('marcus.reed'))).toBe(false);
    expect(mails.some((m) => to(m).startsWith('arjun.mehta'))).toBe(false);
    // Emily unsubscribed from her first email: nothing after it.
    expect(mails.filter((m) => to(m).startsWith('emily.carter'))).toHaveLength(1);

    // Thread_Previous follow-ups reply to the email before them, quoting it.
    const ava = mails.filter((m) => to(m) === 'ava.thompson@acme.example.com');
    expect(ava.map((m) => m.subject)).toEqual([
      'Quick question, Ava',
      'How a 40-person ops team got Fridays back',
      'Re: How a 40-person ops team got Fridays back',
      'An idea for Acme Robotics, Ava',
    ]);
    const [, caseStudy, bump, personal] = ava;
    expect(bump!.inReplyTo).toBe(caseStudy!.messageId);
    expect(bump!.references).toBe(caseStudy!.messageId);
    expect(bump!.html).toContain('<blockquote');
    expect(bump!.text).toMatch(/wrote:\s*\n> /);
    expect(bump!.text).toContain('> Here is the two-page case study');
    // The rep's edited Command Center email went as edited, merged, not threaded.
    expect(personal!.text).toContain('Your Boston team could route carrier updates');
    expect(personal!.inReplyTo).toBeUndefined();

    const olivia = mails.filter((m) => to(m) === 'olivia.nguyen@harbourside.example.com');
    expect(olivia.map((m) => m.subject)).toEqual([
      'Great meeting you at the show, Olivia',
      'Re: Great meeting you at the show, Olivia',
    ]);
    expect(olivia[1]!.inReplyTo).toBe(olivia[0]!.messageId);
    expect(olivia[1]!.text).toContain('> Thanks for stopping by our booth');

    // Every automatic email can be unsubscribed from in one click.
    for (const mail of mails) {
      expect(
        mail.headerLines.some(
          (h) => h.key === 'list-unsubscribe-post' && h.line.includes('List-Unsubscribe=One-Click'),
        ),
      ).toBe(true);
    }
  }, 120_000);
});

describe("the demo's timeline", () => {
  const at = (hhmm: string) => Date.parse(`2026-12-07T${hhmm}:00Z`);
  const event = (hhmm: string, person: string, what: string): TimelineEvent => ({
    at: at(hhmm),
    person,
    what,
    detail: '',
  });
  const printer = () => {
    const lines: string[] = [];
    let real = 0;
    const timeline = new OrderedTimeline({
      write: (line) => lines.push(line),
      timeZone: 'UTC',
      maxHoldMs: 5000,
      realNow: () => real,
    });
    return { lines, timeline, pass: (ms: number) => void (real += ms) };
  };
  const look = (steps: OrgLook['steps']): OrgLook => ({
    enrollments: [{ Id: 'e1', Status__c: 'Active' }],
    steps: steps.map((s) => ({ Enrollment__c: 'e1', ...s })),
  });

  it('holds a line while an earlier fact is on its way, then prints both in order', () => {
    const { lines, timeline } = printer();
    // 11:04: Lucas's campaign ends; Camille's InMail, closed in the task UI at 11:00, is not on
    // its step yet (the service polls Task).
    timeline.add([event('11:04', 'Lucas', 'ended: Completed')]);
    timeline.release(completeUpTo(look([]), at('11:05'), [at('11:00')]));
    expect(lines).toEqual([]);
    timeline.add([event('11:00', 'Camille', 'task done')]);
    timeline.release(completeUpTo(look([]), at('11:06'), []));
    expect(lines.map((l) => l.slice(0, 30))).toEqual([
      'Mon 07 Dec 11:00  Camille     ',
      'Mon 07 Dec 11:04  Lucas       ',
    ]);
  });

  it('waits for an email that is due but not written back yet', () => {
    const { lines, timeline } = printer();
    const due = look([
      { Id: 's1', Status__c: 'Scheduled', Scheduled_At__c: new Date(at('10:00')).toISOString() },
    ]);
    timeline.add([event('10:02', 'Ava', 'task opened')]);
    timeline.release(completeUpTo(due, at('10:03')));
    expect(lines).toEqual([]);
    timeline.add([event('10:01', 'Priya', 'email sent')]);
    timeline.release(completeUpTo(look([{ Id: 's1', Status__c: 'Sent' }]), at('10:04')));
    expect(lines.map((l) => l.slice(18, 30).trim())).toEqual(['Priya', 'Ava']);
  });

  it('never holds a line for long, and never prints a stamp earlier than the line before', () => {
    const { lines, timeline, pass } = printer();
    timeline.add([event('09:30', 'Ava', 'task opened')]);
    timeline.release(completeUpTo(look([]), at('09:31'), [at('09:00')]));
    expect(lines).toEqual([]);
    pass(5000);
    timeline.release(completeUpTo(look([]), at('09:40'), [at('09:00')]));
    expect(lines).toHaveLength(1);
    timeline.add([event('09:00', 'Camille', 'task done')]);
    timeline.flush();
    expect(lines[1]).toMatch(/^Mon 07 Dec 09:30 {2}Camille .*task done.*\(at Mon 07 Dec 09:00, seen late\)$/);
    expect(stampsGoingBackwards(lines)).toEqual([]);
  });
});
