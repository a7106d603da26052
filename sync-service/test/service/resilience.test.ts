// The service when things go wrong, against the org emulator: a restart mid-stream, an outage
// longer than the stream's retention, faults on every write, and a lost store.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../support/testStores.ts';
import { startTestOrg, type TestOrg } from '../support/testOrg.ts';
import { startTestService, waitFor } from '../support/testService.ts';
import {
  createCampaign,
  createContact,
  enroll,
  enrollmentSteps,
  stepOf,
  tasksOf,
  update,
  type CreatedCampaign,
} from '../support/scenario.ts';
import type { RunningSyncService } from '../../src/service/syncService.ts';

const HOUR = 3_600_000;
const STEPS = [
  { key: 'd1', day: 1, order: 1, type: 'Email' as const, sendOption: 'At_Time', sendTime: '15:00' },
  { key: 'd2', day: 2, order: 1, type: 'Call' as const },
  { key: 'd3', day: 3, order: 1, type: 'Email' as const, sendOption: 'Same_Time_As_Previous' },
];

describe('sync service: resilience', () => {
  let org: TestOrg;
  let testStore: TestStore;
  let service: RunningSyncService | null;
  let campaign: CreatedCampaign;
  beforeEach(async () => {
    org = await startTestOrg({
      start: '2026-04-30T10:00:00Z',
      retentionMs: 2 * HOUR,
      tokenLifetimeMs: 30 * 24 * HOUR,
    });
    testStore = await openTestStore('sqlite');
    campaign = await createCampaign(org.screen, { steps: STEPS });
  });
  afterEach(async () => {
    await service?.stop();
    service = null;
    await testStore.destroy();
    await org.stop();
  });

  async function addPeople(n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i += 1) {
      const contact = await createContact(org.screen, `R${Math.random().toString(36).slice(2, 9)}`);
      ids.push(
        await enroll(org.screen, {
          campaignId: campaign.id,
          personId: contact,
          ownerId: org.emulator.repUserId,
          launchedAt: org.clock.now(),
        }),
      );
    }
    return ids;
  }
  /** Every enrollment planned exactly once: one Enrollment_Step__c per step, no more. */
  function expectPlannedOnce(enrollmentIds: string[]) {
    const records = org.emulator.inspect.records('Enrollment_Step__c');
    for (const id of enrollmentIds) {
      const mine = records.filter((r) => r.Enrollment__c === id);
      expect(mine.map((r) => r.Step__c).sort()).toEqual(Object.values(campaign.stepIds).sort());
    }
    expect(new Set(records.map((r) => r.Step_Key__c)).size).toBe(records.length);
  }
  const allPlanned = (ids: string[]) =>
    waitFor(
      async () => {
        for (const id of ids)
          if ((await enrollmentSteps(org.screen, id)).length !== STEPS.length) return false;
        return true;
      },
      'every plan written',
      20_000,
    );

  it('a restart mid-stream replays what it missed: nothing missed, nothing twice', async () => {
    service = await startTestService(org, testStore.store);
    await service.tick();
    const before = await addPeople(3);
    await allPlanned(before);
    const position = await testStore.store.replayPosition('/data/Sales_Campaigns__chn');
    await service.stop();
    const during = await addPeople(3); // while the service is down
    service = await startTestService(org, testStore.store);
    await service.tick();
    await allPlanned(during);
    expect(service.context.metrics.get('events_applied_total')).toBeGreaterThanOrEqual(3);
    expect((await testStore.store.replayPosition('/data/Sales_Campaigns__chn'))!.replayId).toBeGreaterThan(
      position!.replayId,
    );
    expectPlannedOnce([...before, ...during]);
  });

  it('after an outage longer than retention, the sweep catches up', async () => {
    service = await startTestService(org, testStore.store);
    await service.tick();
    await allPlanned(await addPeople(1));
    await service.stop();
    const missed = await addPeople(2);
    org.emulator.clock.advance(3 * HOUR);
    service = await startTestService(org, testStore.store);
    await service.tick();
    await allPlanned(missed);
    expect(service.context.metrics.get('sweeps_total')).toBe(1);
    expectPlannedOnce(missed);
  });

  it('with lock errors, 5xx and expired tokens on the way, every plan is written exactly once', async () => {
    service = await startTestService(org, testStore.store);
    await service.tick();
    org.emulator.faults.add({ route: 'composite', kind: 'UNABLE_TO_LOCK_ROW', rate: 0.3 });
    org.emulator.faults.add({ route: 'composite', kind: 'SERVER_ERROR', status: 503, rate: 0.2 });
    org.emulator.faults.add({ route: 'query', kind: 'SERVER_ERROR', status: 500, times: 3 });
    const ids = await addPeople(12);
    org.emulator.faults.expireTokens();
    // A batch whose writes kept failing is retried by the stream and by the loop's next ticks.
    const planned = allPlanned(ids);
    const ticking = (async () => {
      for (
        let i = 0;
        i < 40 && !(await Promise.race([planned.then(() => true), Promise.resolve(false)]));
        i += 1
      ) {
        await service!.tick();
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    await planned;
    await ticking;
    org.emulator.faults.clear();
    await service.sweep.run('check'); // a later pass changes nothing
    expectPlannedOnce(ids);
  });

  it('losing the store loses nothing: the sweep on start rebuilds it', async () => {
    service = await startTestService(org, testStore.store);
    await service.tick();
    const ids = await addPeople(2);
    await allPlanned(ids);
    await service.tick(); // nothing due yet; remember what the store knows
    const remembered = (await testStore.store.planItemsOf(ids[0]!))
      .map(({ updatedAt: _u, ...item }) => item)
      .sort((a, b) => a.stepKey.localeCompare(b.stepKey));
    await service.stop();
    await testStore.destroy();

    testStore = await openTestStore('sqlite'); // an empty store
    service = await startTestService(org, testStore.store);
    await service.tick();
    const rebuilt = (await testStore.store.planItemsOf(ids[0]!))
      .map(({ updatedAt: _u, ...item }) => item)
      .sort((a, b) => a.stepKey.localeCompare(b.stepKey));
    expect(rebuilt).toEqual(remembered);
    expectPlannedOnce(ids);
  });

  it('a Command Center completion missed during a long outage: the sweep closes the Task', async () => {
    const withCall = await createCampaign(org.screen, {
      steps: [
        { key: 'call', day: 1, order: 1, type: 'Call' },
        { key: 'mail', day: 2, order: 1, type: 'Email', sendOption: 'At_Time', sendTime: '09:00' },
      ],
    });
    service = await startTestService(org, testStore.store);
    await service.tick();
    const contact = await createContact(org.screen, 'Outage');
    const enrollmentId = await enroll(org.screen, {
      campaignId: withCall.id,
      personId: contact,
      ownerId: org.emulator.repUserId,
      launchedAt: org.clock.now(),
    });
    await waitFor(async () => (await enrollmentSteps(org.screen, enrollmentId)).length === 2, 'the plan');
    await service.tick(); // opens the call
    const key = `${enrollmentId}:${withCall.stepIds.call}`;
    expect(await tasksOf(org.screen, key)).toMatchObject([{ IsClosed: false }]);
    await service.stop();
    const call = stepOf(await enrollmentSteps(org.screen, enrollmentId), withCall.stepIds.call);
    await update(org.screen, 'Enrollment_Step__c', {
      Id: call.Id,
      Status__c: 'Completed',
      Completed_At__c: new Date(org.clock.now()).toISOString(),
    });
    org.emulator.clock.advance(3 * HOUR);
    service = await startTestService(org, testStore.store);
    await service.tick();
    expect(await tasksOf(org.screen, key)).toMatchObject([{ IsClosed: true }]);
    expect(stepOf(await enrollmentSteps(org.screen, enrollmentId), withCall.stepIds.mail).Status__c).toBe(
      'Scheduled',
    );
  });

  it('writes that keep failing past every retry are tried again until they land', async () => {
    service = await startTestService(org, testStore.store);
    await service.tick();
    // Every write locked until the writer gives up; reads (also Composite calls) go through.
    const locked = org.emulator.faults.add({
      route: 'composite',
      kind: 'UNABLE_TO_LOCK_ROW',
      perRecord: true,
    });
    const ids = await addPeople(2);
    await waitFor(
      async () => service!.context.metrics.get('record_errors_total') > 0,
      'a write that gave up',
    );
    org.emulator.faults.remove(locked.id);
    await service.tick();
    await allPlanned(ids);
    expectPlannedOnce(ids);
  });
});
