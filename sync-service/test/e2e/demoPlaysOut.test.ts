// End to end: the demo itself — org emulator, the real sync service with its dispatcher, a real
// SMTP server — played through, then what prospects received read back with mailparser.
// Covers every send option, threaded follow-ups, a rep's edited Command Center email, an
// opt-out, a one-click unsubscribe, a bounce and both task-expiry policies (see demoScript.ts).
import { describe, expect, it } from 'vitest';
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
