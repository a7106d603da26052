// Preparing ahead: the dispatcher reads and composes an email a few seconds before its moment,
// then waits for the moment itself — never sending early, and sending what is due together.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrol, startDispatchWorld, stepIdOf, type DispatchWorld } from './harness.ts';

const OUTBOUND = 'Q3 Outbound — every send option';
const DAY = 24 * 3_600_000;

describe('sending on time', () => {
  let world: DispatchWorld;
  beforeAll(async () => {
    world = await startDispatchWorld({ prepareAheadMs: 10_000, sleepsAdvance: true });
  });
  afterAll(async () => {
    await world?.close();
  });

  it('prepares emails due in the next seconds, then sends each at its moment, not before', async () => {
    const intro = stepIdOf(world, OUTBOUND, 1);
    const later = stepIdOf(world, OUTBOUND, 2);
    const start = world.clock.now();
    const ava = await enrol(world, {
      campaign: OUTBOUND,
      person: 'Ava',
      dueAt: { [intro]: start + 4_000, [later]: start + DAY },
    });
    const camille = await enrol(world, {
      campaign: OUTBOUND,
      person: 'Camille',
      dueAt: { [intro]: start + 7_000, [later]: start + DAY },
    });

    const report = await world.dispatcher.tick();

    expect(report.sent).toBe(2);
    // One wait per moment: 4 s to Ava's, 3 s more to Camille's.
    expect(world.clock.slept).toEqual([4_000, 3_000]);
    const sentAt = (stepRecordId: string) =>
      Date.parse(String(world.emulator.inspect.record(stepRecordId)!.Sent_At__c));
    expect(sentAt(ava.stepRecords[intro]!)).toBe(start + 4_000);
    expect(sentAt(camille.stepRecords[intro]!)).toBe(start + 7_000);
    expect(world.mailbox.received.map((m) => m.parsed.date?.getTime())).toEqual([
      start + 4_000,
      start + 7_000,
    ]);
    // The Day 2 emails are a day away: not claimed, not read, not sent.
    expect(world.emulator.inspect.record(ava.stepRecords[later]!)!.Status__c).toBe('Scheduled');
  });
});
