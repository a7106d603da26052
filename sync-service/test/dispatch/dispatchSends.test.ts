// The dispatcher against the org emulator and a real SMTP server: what the prospect receives and
// what the rep sees in the org after each kind of send.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrol, findRecord, startDispatchWorld, stepIdOf, type DispatchWorld } from './harness.ts';

const OUTBOUND = 'Q3 Outbound — every send option';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('dispatching due emails', () => {
  let world: DispatchWorld;
  beforeAll(async () => {
    world = await startDispatchWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('sends a due email once, with merge fields resolved, and logs it in the org', async () => {
    const intro = stepIdOf(world, OUTBOUND, 1);
    const caseStudy = stepIdOf(world, OUTBOUND, 2);
    const { enrollmentId, stepRecords } = await enrol(world, {
      campaign: OUTBOUND,
      person: 'Ava',
      dueAt: { [intro]: world.clock.now() - 1000, [caseStudy]: world.clock.now() + DAY },
    });

    await world.dispatcher.tick();
    await world.dispatcher.tick();

    const mails = world.mailbox.received.filter((m) =>
      m.envelopeTo.includes('ava.thompson@acme.example.com'),
    );
    expect(mails).toHaveLength(1);
    const mail = mails[0]!.parsed;
    expect(mail.subject).toBe('Quick question, Ava');
    expect(mail.html).toContain('Acme');
    expect(mail.text).toContain('Hi Ava');
    const header = (name: string) =>
      (mail.headerLines.find((h) => h.key === name)?.line ?? '').replace(/\r?\n\s+/g, ' ');
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(header('list-unsubscribe')).toMatch(/^List-Unsubscribe: <http:\/\/127\.0\.0\.1:1\/u\/[^>]+>$/);

    const step = world.emulator.inspect.record(stepRecords[intro]!)!;
    expect(step.Status__c).toBe('Sent');
    expect(step.Message_Id__c).toBe(mail.messageId);
    expect(step.Body__c).toContain('Hi Ava');
    expect(step.Sent_At__c).toBeTruthy();
    const task = findRecord(world, 'Task', (t) => t.Campaign_Step_Key__c === `${enrollmentId}:${intro}`);
    expect(task).toMatchObject({ Type: 'Email', Status: 'Completed', Subject: 'Email: Quick question, Ava' });
    expect(step.Task_Id__c).toBe(task.Id);
    const events = world.emulator.inspect
      .platformEvents()
      .filter((e) => JSON.stringify(e).includes(enrollmentId));
    expect(events.some((e) => JSON.stringify(e).includes('email_sent'))).toBe(true);
    // The Day 2 email is not due yet.
    expect(world.emulator.inspect.record(stepRecords[caseStudy]!)!.Status__c).toBe('Scheduled');
  });

  it('threads a Thread_Previous follow-up onto the email sent before it, quoting it', async () => {
    const caseStudy = stepIdOf(world, OUTBOUND, 2);
    const bump = stepIdOf(world, OUTBOUND, 4);
    const intro = stepIdOf(world, OUTBOUND, 1);
    await enrol(world, {
      campaign: OUTBOUND,
      person: 'Camille',
      dueAt: {
        [intro]: world.clock.now() - 3000,
        [caseStudy]: world.clock.now() - 2000,
        [bump]: world.clock.now() + 2 * DAY,
      },
    });
    await world.dispatcher.tick();
    world.clock.advance(2 * DAY + 1000);
    await world.dispatcher.tick();

    const mails = world.mailbox.received
      .filter((m) => m.envelopeTo.includes('camille.durand@lumiere.example.com'))
      .map((m) => m.parsed);
    expect(mails.map((m) => m.subject)).toEqual([
      'Quick question, Camille',
      'How a 40-person ops team got Fridays back',
      'Re: How a 40-person ops team got Fridays back',
    ]);
    const [, previous, followUp] = mails;
    expect(followUp!.inReplyTo).toBe(previous!.messageId);
    expect(followUp!.references).toEqual(previous!.messageId);
    expect(followUp!.html).toContain('<blockquote');
    expect(followUp!.html).toContain('11 hours a week saved');
    expect(followUp!.text).toMatch(/^> .*11 hours a week saved/m);
  });

  it('does not send to a person who opted out a moment before, and ends their campaign', async () => {
    const intro = stepIdOf(world, OUTBOUND, 1);
    const caseStudy = stepIdOf(world, OUTBOUND, 2);
    const { enrollmentId, stepRecords } = await enrol(world, {
      campaign: OUTBOUND,
      person: 'Priya',
      dueAt: { [intro]: world.clock.now() - 1000, [caseStudy]: world.clock.now() + DAY },
    });
    const priya = findRecord(world, 'Contact', (c) => c.FirstName === 'Priya');
    await world.session.connection
      .sobject('Contact')
      .update({ Id: String(priya.Id), HasOptedOutOfEmail: true });

    await world.dispatcher.tick();

    expect(world.mailbox.received.some((m) => m.envelopeTo.includes(String(priya.Email)))).toBe(false);
    const enrollment = world.emulator.inspect.record(enrollmentId)!;
    expect(enrollment.Status__c).toBe('Unsubscribed');
    expect(enrollment.Unique_Key__c ?? null).toBeNull();
    expect(world.emulator.inspect.record(stepRecords[intro]!)!.Status__c).toBe('Cancelled');
    const later = world.emulator.inspect.record(stepRecords[caseStudy]!)!;
    expect(later.Status__c).toBe('Cancelled');
    expect(String(later.Error__c)).toContain('Opted out');
  });

  it("sends a rep's Send_Requested email with their edited content and completes the email task", async () => {
    const personal = stepIdOf(world, OUTBOUND, 6);
    const { enrollmentId, stepRecords, stepKeys } = await enrol(world, {
      campaign: OUTBOUND,
      person: 'Lucas',
      dueAt: {},
    });
    const conn = world.session.connection;
    const lucas = findRecord(world, 'Lead', (l) => l.FirstName === 'Lucas');
    const task = (await conn.sobject('Task').create({
      OwnerId: world.emulator.repUserId,
      WhoId: lucas.Id,
      Subject: 'Email: An idea',
      Status: 'Not Started',
      Campaign_Step_Key__c: stepKeys[personal],
    })) as { id: string };
    await conn.sobject('Enrollment_Step__c').update({
      Id: stepRecords[personal]!,
      Status__c: 'Send_Requested',
      Task_Id__c: task.id,
      Subject__c: 'An idea for Martin & Fils, {{{Recipient.FirstName}}}',
      Body__c: '<p>Lucas — I wrote this one myself.</p>',
    });

    await world.dispatcher.tick();

    const mail = world.mailbox.received.find((m) =>
      m.envelopeTo.includes('lucas.martin@martinfils.example.com'),
    )?.parsed;
    expect(mail?.subject).toBe('An idea for Martin & Fils, Lucas');
    expect(mail?.text).toContain('I wrote this one myself');
    expect(world.emulator.inspect.record(stepRecords[personal]!)!.Status__c).toBe('Sent');
    expect(world.emulator.inspect.record(task.id)!.Status).toBe('Completed');
    // No second Task is logged for an email that had its own.
    expect(
      world.emulator.inspect.records('Task').filter((t) => t.Campaign_Step_Key__c === stepKeys[personal]),
    ).toHaveLength(1);
    expect(enrollmentId).toBeTruthy();
  });

  it('a scheduled Command Center send waits for its moment', async () => {
    const personal = stepIdOf(world, OUTBOUND, 6);
    const { stepRecords } = await enrol(world, { campaign: OUTBOUND, person: 'Arjun', dueAt: {} });
    await world.session.connection.sobject('Enrollment_Step__c').update({
      Id: stepRecords[personal]!,
      Status__c: 'Send_Requested',
      Scheduled_At__c: new Date(world.clock.now() + HOUR).toISOString(),
      Subject__c: 'Later, {{{Recipient.FirstName}}}',
      Body__c: '<p>Scheduled.</p>',
    });
    await world.dispatcher.tick();
    expect(world.mailbox.received.some((m) => m.parsed.subject === 'Later, Arjun')).toBe(false);
    world.clock.advance(HOUR);
    await world.dispatcher.tick();
    expect(world.mailbox.received.filter((m) => m.parsed.subject === 'Later, Arjun')).toHaveLength(1);
  });
});
