// What each SMTP outcome does to a person's campaign (DESIGN §2.4, §2.5), the one-click
// unsubscribe, and a restart with an email left in doubt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrol, findRecord, startDispatchWorld, stepIdOf, type DispatchWorld } from './harness.ts';

const OUTBOUND = 'Q3 Outbound — every send option';
const DAY = 24 * 3_600_000;

describe('delivery outcomes', () => {
  let world: DispatchWorld;
  beforeAll(async () => {
    world = await startDispatchWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('a recipient rejected permanently bounces the campaign; later steps are cancelled with the reason', async () => {
    const intro = stepIdOf(world, OUTBOUND, 1);
    const caseStudy = stepIdOf(world, OUTBOUND, 2);
    world.mailbox.behaviour.bounce.add('ava.thompson@acme.example.com');
    const { enrollmentId, stepRecords } = await enrol(world, {
      campaign: OUTBOUND,
      person: 'Ava',
      dueAt: { [intro]: world.clock.now() - 1, [caseStudy]: world.clock.now() + DAY },
    });
    await world.dispatcher.tick();
    world.mailbox.behaviour.bounce.clear();

    const enrollment = world.emulator.inspect.record(enrollmentId)!;
    expect(enrollment.Status__c).toBe('Bounced');
    expect(String(enrollment.Ended_Reason__c)).toContain('5.1.1');
    const step = world.emulator.inspect.record(stepRecords[intro]!)!;
    expect(step.Status__c).toBe('Failed');
    expect(String(step.Error__c)).toContain('Mailbox unavailable');
    expect(world.emulator.inspect.record(stepRecords[caseStudy]!)!.Status__c).toBe('Cancelled');
  });

  it('a sender-side refusal fails only that email, with the server reply, and the campaign goes on', async () => {
    const intro = stepIdOf(world, OUTBOUND, 1);
    const caseStudy = stepIdOf(world, OUTBOUND, 2);
    world.mailbox.behaviour.failSender = true;
    const { enrollmentId, stepRecords } = await enrol(world, {
      campaign: OUTBOUND,
      person: 'Camille',
      dueAt: { [intro]: world.clock.now() - 1, [caseStudy]: world.clock.now() + DAY },
    });
    await world.dispatcher.tick();
    world.mailbox.behaviour.failSender = false;

    expect(world.emulator.inspect.record(enrollmentId)!.Status__c).toBe('Active');
    const step = world.emulator.inspect.record(stepRecords[intro]!)!;
    expect(step.Status__c).toBe('Failed');
    expect(String(step.Error__c)).toContain('5.7.1 Sender not allowed by policy');
    expect(world.metrics.lastSenderFailure?.reply).toContain('5.7.1');
    expect(world.emulator.inspect.record(stepRecords[caseStudy]!)!.Status__c).toBe('Scheduled');
  });

  it('a temporary refusal is retried later and the email goes once', async () => {
    const intro = stepIdOf(world, OUTBOUND, 1);
    world.mailbox.behaviour.tempFailNext = 1;
    const { stepRecords } = await enrol(world, {
      campaign: OUTBOUND,
      person: 'Priya',
      dueAt: { [intro]: world.clock.now() - 1 },
    });
    await world.dispatcher.tick();
    expect(world.emulator.inspect.record(stepRecords[intro]!)!.Status__c).toBe('Scheduled');
    world.clock.advance(61_000);
    await world.dispatcher.tick();
    expect(world.emulator.inspect.record(stepRecords[intro]!)!.Status__c).toBe('Sent');
    expect(
      world.mailbox.received.filter((m) => m.envelopeTo.includes('priya.raman@saffron.example.com')),
    ).toHaveLength(1);
  });

  it('one-click unsubscribe opts the person out and ends the campaign; a second click changes nothing', async () => {
    const caseStudy = stepIdOf(world, OUTBOUND, 2);
    const { enrollmentId, stepRecords } = await enrol(world, {
      campaign: OUTBOUND,
      person: 'Emily',
      dueAt: { [caseStudy]: world.clock.now() + DAY },
    });
    const emily = findRecord(world, 'Lead', (l) => l.FirstName === 'Emily');
    const claims = {
      personId: String(emily.Id),
      campaignId: String(world.emulator.inspect.record(enrollmentId)!.Campaign__c),
      enrollmentId,
    };

    expect(await world.dispatcher.unsubscribe(claims)).toEqual({ optedOut: true, campaignEnded: true });
    expect(await world.dispatcher.unsubscribe(claims)).toEqual({ optedOut: true, campaignEnded: false });

    expect(world.emulator.inspect.record(String(emily.Id))!.HasOptedOutOfEmail).toBe(true);
    expect(world.emulator.inspect.record(enrollmentId)!.Status__c).toBe('Unsubscribed');
    expect(world.emulator.inspect.record(stepRecords[caseStudy]!)!.Status__c).toBe('Cancelled');
    world.clock.advance(DAY + 1);
    await world.dispatcher.tick();
    expect(world.mailbox.received.some((m) => m.envelopeTo.includes(String(emily.Email)))).toBe(false);
  });

  it('after a restart, an email left Sending becomes Uncertain and is never resent; the rest go once', async () => {
    const intro = stepIdOf(world, OUTBOUND, 1);
    const caseStudy = stepIdOf(world, OUTBOUND, 2);
    const { stepRecords, stepKeys } = await enrol(world, {
      campaign: OUTBOUND,
      person: 'Arjun',
      dueAt: { [intro]: world.clock.now() - 1, [caseStudy]: world.clock.now() + 1000 },
    });
    // A worker claimed the intro, marked it Sending, and died before the server answered.
    const [claimed] = await world.store.claimDue({
      kind: 'send',
      statuses: ['Scheduled'],
      dueField: 'dueAt',
      now: world.clock.now(),
      limit: 1,
      owner: 'dead-worker',
      leaseMs: 30_000,
    });
    expect(claimed?.stepKey).toBe(stepKeys[intro]);
    await world.store.updatePlanItems([{ stepKey: claimed!.stepKey, status: 'Sending' }]);

    await world.restart();
    await world.dispatcher.tick();
    // Still leased by the dead worker: nothing happens to it yet.
    expect(world.emulator.inspect.record(stepRecords[intro]!)!.Status__c).toBe('Scheduled');
    world.clock.advance(31_000);
    await world.dispatcher.tick();
    await world.dispatcher.tick();

    expect(world.emulator.inspect.record(stepRecords[intro]!)!.Status__c).toBe('Uncertain');
    expect(world.emulator.inspect.record(stepRecords[caseStudy]!)!.Status__c).toBe('Sent');
    const toArjun = world.mailbox.received.filter((m) =>
      m.envelopeTo.includes('arjun.mehta@monsoon.example.com'),
    );
    expect(toArjun.map((m) => m.parsed.subject)).toEqual(['How a 40-person ops team got Fridays back']);
  });
});
