// The org misbehaving while emails go out — record locks, 5xx answers, an expired session, the
// daily request limit pushing back — and every email still reaching its person exactly once,
// with every outcome written back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrol, startDispatchWorld, stepIdOf, type DispatchWorld } from './harness.ts';

const OUTBOUND = 'Q3 Outbound — every send option';
const EVENT = 'Trade show follow-up';

describe('dispatching through org faults', () => {
  let world: DispatchWorld;
  beforeAll(async () => {
    world = await startDispatchWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('sends every email exactly once and writes every outcome back', async () => {
    const caseStudy = stepIdOf(world, OUTBOUND, 2);
    const eventFirst = stepIdOf(world, EVENT, 1);
    const due = world.clock.now() - 1;
    const people = [
      { campaign: OUTBOUND, person: 'Ava', step: caseStudy },
      { campaign: OUTBOUND, person: 'Camille', step: caseStudy },
      { campaign: OUTBOUND, person: 'Olivia', step: caseStudy },
      { campaign: EVENT, person: 'Lucas', step: eventFirst },
      { campaign: EVENT, person: 'Arjun', step: eventFirst },
      { campaign: EVENT, person: 'Emily', step: eventFirst },
    ];
    const enrolled = [];
    for (const p of people)
      enrolled.push({
        ...p,
        ...(await enrol(world, { campaign: p.campaign, person: p.person, dueAt: { [p.step]: due } })),
      });

    const { faults } = world.emulator;
    faults.add({ route: 'composite', kind: 'UNABLE_TO_LOCK_ROW', times: 2 });
    faults.add({ route: 'query', kind: 'SERVER_ERROR', status: 503, times: 2 });
    faults.add({ route: 'composite', kind: 'SERVER_ERROR', status: 500, times: 1 });
    faults.add({ route: 'composite', kind: 'REQUEST_LIMIT_EXCEEDED', times: 1 });
    faults.expireTokens();

    for (let pass = 0; pass < 5; pass += 1) {
      try {
        await world.dispatcher.tick();
      } catch {
        // The service's loop logs and tries again, as here.
      }
    }
    // Every injected fault fired (each removes itself once used up).
    expect(faults.list()).toEqual([]);

    for (const e of enrolled) {
      const step = world.emulator.inspect.record(e.stepRecords[e.step]!)!;
      expect(step.Status__c, `${e.person}'s email`).toBe('Sent');
    }
    const addresses = world.mailbox.received.flatMap((m) => m.envelopeTo);
    expect(addresses).toHaveLength(people.length);
    expect(new Set(addresses).size).toBe(people.length);
    const tasks = world.emulator.inspect
      .records('Task')
      .filter((t) => String(t.Subject).startsWith('Email:'));
    expect(tasks).toHaveLength(people.length);
  });
});
