// One suite for both databases (STORE_DIALECT picks; default both): what the use cases rely on.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlanItem, SyncStore } from '../../src/app/ports/syncStore.ts';
import { openTestStore, reopenTestStore, storeDialects, type TestStore } from '../support/testStores.ts';

const T0 = Date.parse('2026-05-04T06:00:00Z');

function item(n: number, overrides: Partial<PlanItem> = {}): PlanItem {
  return {
    stepKey: `a0E${n}:a0S${n}`,
    enrollmentId: `a0E${n}`,
    stepId: `a0S${n}`,
    campaignId: 'a0C1',
    ownerId: '005A',
    recordId: null,
    kind: 'send',
    status: 'Scheduled',
    dueAt: T0 + n * 1000,
    dueDate: '2026-05-04',
    expiresAt: null,
    taskId: null,
    dependsOn: null,
    updatedAt: T0,
    ...overrides,
  };
}

describe.each(storeDialects())('store on %s', (dialect) => {
  let testStore: TestStore;
  let store: SyncStore;
  beforeEach(async () => {
    testStore = await openTestStore(dialect);
    store = testStore.store;
  });
  afterEach(async () => {
    await testStore.destroy();
  });

  it('keeps enrollment state and its plan items across a restart', async () => {
    await store.saveEnrollment({
      enrollmentId: 'a0E1',
      campaignId: 'a0C1',
      ownerId: '005A',
      personId: '003P',
      status: 'Active',
      timeZone: 'Europe/Paris',
      shiftDays: 0,
      pausedAt: null,
      orgModstamp: T0,
      planInputJson: '{"timeZone":"Europe/Paris"}',
      updatedAt: T0,
    });
    await store.savePlanItems([
      item(1),
      item(1, { stepKey: 'a0E1:a0S2', stepId: 'a0S2', kind: 'task', status: 'Pending', dueAt: null }),
    ]);
    await testStore.close();
    const reopened = await reopenTestStore(testStore.database);
    try {
      expect((await reopened.enrollment('a0E1'))?.timeZone).toBe('Europe/Paris');
      expect((await reopened.enrollment('a0E1'))?.planInputJson).toBe('{"timeZone":"Europe/Paris"}');
      const items = await reopened.planItemsOf('a0E1');
      expect(items.map((i) => [i.stepKey, i.kind, i.status, i.dueAt]).sort()).toEqual([
        ['a0E1:a0S1', 'send', 'Scheduled', T0 + 1000],
        ['a0E1:a0S2', 'task', 'Pending', null],
      ]);
      expect(await reopened.enrollmentsOfCampaign('a0C1')).toHaveLength(1);
    } finally {
      await reopened.close();
    }
  });

  it('a plan read from the org never undoes Sending: a crashed send stays in doubt, not due again', async () => {
    await store.savePlanItems([item(1), item(2)]);
    await store.updatePlanItems([{ stepKey: item(1).stepKey, status: 'Sending' }]);
    // The sweep after a restart re-plans from the org, which still says Scheduled for both.
    await store.savePlanItems([item(1, { dueAt: T0 + 9000 }), item(2, { status: 'Cancelled' })]);
    const [sending] = await store.planItemsOf(item(1).enrollmentId);
    expect(sending).toMatchObject({ status: 'Sending', dueAt: T0 + 9000 });
    expect((await store.planItemsOf(item(2).enrollmentId))[0]!.status).toBe('Cancelled');
    const due = await store.claimDue({
      kind: 'send',
      statuses: ['Scheduled'],
      dueField: 'dueAt',
      now: T0 + 60_000,
      limit: 10,
      owner: 'w1',
      leaseMs: 60_000,
    });
    expect(due).toEqual([]);
  });

  it('re-saving a plan item replaces its plan but keeps a lease held on it', async () => {
    await store.savePlanItems([item(1)]);
    const [claimed] = await store.claimDue({
      kind: 'send',
      statuses: ['Scheduled'],
      dueField: 'dueAt',
      now: T0 + 5000,
      limit: 10,
      owner: 'w1',
      leaseMs: 60_000,
    });
    expect(claimed?.stepKey).toBe('a0E1:a0S1');
    await store.savePlanItems([item(1, { dueAt: T0 + 2000 })]);
    expect((await store.planItem('a0E1:a0S1'))?.dueAt).toBe(T0 + 2000);
    const again = await store.claimDue({
      kind: 'send',
      statuses: ['Scheduled'],
      dueField: 'dueAt',
      now: T0 + 5000,
      limit: 10,
      owner: 'w2',
      leaseMs: 60_000,
    });
    expect(again).toEqual([]);
  });

  it('claims only due, unleased items of the asked kind and status, earliest first, up to the limit', async () => {
    await store.savePlanItems([
      item(3),
      item(1),
      item(2),
      item(4, { status: 'Pending' }),
      item(5, { kind: 'task' }),
      item(9, { dueAt: T0 + 60_000 }),
    ]);
    const claim = {
      kind: 'send' as const,
      statuses: ['Scheduled' as const],
      dueField: 'dueAt' as const,
      now: T0 + 10_000,
      leaseMs: 30_000,
    };
    const first = await store.claimDue({ ...claim, limit: 2, owner: 'w1' });
    expect(first.map((i) => i.stepId)).toEqual(['a0S1', 'a0S2']);
    const second = await store.claimDue({ ...claim, limit: 10, owner: 'w2' });
    expect(second.map((i) => i.stepId)).toEqual(['a0S3']);
    // w1 dies: its lease lapses and the items become claimable again.
    const later = await store.claimDue({ ...claim, now: T0 + 45_000, limit: 10, owner: 'w3' });
    expect(later.map((i) => i.stepId).sort()).toEqual(['a0S1', 'a0S2', 'a0S3']);
    await store.releaseClaims(['a0E1:a0S1'], 'w3');
    const afterRelease = await store.claimDue({ ...claim, now: T0 + 46_000, limit: 10, owner: 'w4' });
    expect(afterRelease.map((i) => i.stepId)).toEqual(['a0S1']);
  });

  it('claims tasks to expire by their expiry instant', async () => {
    await store.savePlanItems([
      item(1, { kind: 'task', status: 'Task_Open', expiresAt: T0 }),
      item(2, { kind: 'task', status: 'Task_Open', expiresAt: T0 + 86_400_000 }),
    ]);
    const due = await store.claimDue({
      kind: 'task',
      statuses: ['Task_Open'],
      dueField: 'expiresAt',
      now: T0,
      limit: 10,
      owner: 'w',
      leaseMs: 1000,
    });
    expect(due.map((i) => i.stepId)).toEqual(['a0S1']);
  });

  it('never hands one item to two concurrent claimers', async () => {
    await store.savePlanItems(Array.from({ length: 60 }, (_, n) => item(n)));
    const claim = {
      kind: 'send' as const,
      statuses: ['Scheduled' as const],
      dueField: 'dueAt' as const,
      now: T0 + 100_000,
      leaseMs: 60_000,
      limit: 7,
    };
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, w) => store.claimDue({ ...claim, owner: `w${w}` })),
    );
    const keys = results.flat().map((i) => i.stepKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe(42);
  });

  it('updates single fields of plan items without touching the rest', async () => {
    await store.savePlanItems([item(1, { kind: 'task' })]);
    await store.updatePlanItems([
      { stepKey: 'a0E1:a0S1', status: 'Task_Open', taskId: '00T1', recordId: 'a0X1' },
    ]);
    const updated = await store.planItem('a0E1:a0S1');
    expect(updated).toMatchObject({
      status: 'Task_Open',
      taskId: '00T1',
      recordId: 'a0X1',
      dueAt: T0 + 1000,
    });
    expect(await store.countPlanItemsByStatus()).toEqual({ Task_Open: 1 });
  });

  it('remembers every task id seen for a step key and finds the key of a task', async () => {
    await store.recordTaskId('a0E1:a0S1', '00T1', T0);
    await store.recordTaskId('a0E1:a0S1', '00T1', T0 + 1);
    await store.recordTaskId('a0E1:a0S1', '00T2', T0 + 2);
    expect(await store.taskIdsFor('a0E1:a0S1')).toEqual(['00T1', '00T2']);
    expect(await store.stepKeyOfTask('00T2')).toBe('a0E1:a0S1');
    expect(await store.stepKeyOfTask('00T9')).toBeNull();
  });

  it('stores the replay position and poll cursors', async () => {
    expect(await store.replayPosition('/data/Sales_Campaigns__chn')).toBeNull();
    await store.saveReplayPosition({
      channel: '/data/Sales_Campaigns__chn',
      replayId: 41,
      eventAt: T0,
      savedAt: T0,
    });
    await store.saveReplayPosition({
      channel: '/data/Sales_Campaigns__chn',
      replayId: 42,
      eventAt: T0 + 1,
      savedAt: T0 + 2,
    });
    expect(await store.replayPosition('/data/Sales_Campaigns__chn')).toEqual({
      channel: '/data/Sales_Campaigns__chn',
      replayId: 42,
      eventAt: T0 + 1,
      savedAt: T0 + 2,
    });
    await store.clearReplayPosition('/data/Sales_Campaigns__chn');
    expect(await store.replayPosition('/data/Sales_Campaigns__chn')).toBeNull();
    await store.saveCursor('task-poll', '2026-05-04T06:00:00.000Z', T0);
    expect(await store.cursor('task-poll')).toBe('2026-05-04T06:00:00.000Z');
  });

  // PostgreSQL's advisory lock has its own suite (streamOwnership.test.ts).
  it.skipIf(dialect !== 'sqlite')(
    'on SQLite, gives the stream to one owner until its lease lapses',
    async () => {
      let now = T0;
      const lease = (owner: string) => store.streamOwnership({ owner, now: () => now, ttlMs: 10_000 });
      const [a, b] = [lease('a'), lease('b')];
      expect(await a.tryAcquire()).toBe(true);
      now = T0 + 5_000;
      expect(await b.tryAcquire()).toBe(false);
      expect(await a.tryAcquire()).toBe(true); // renewal
      now = T0 + 14_000;
      expect(await b.tryAcquire()).toBe(false);
      now = T0 + 15_000;
      expect(await b.tryAcquire()).toBe(true); // a died
      expect(await a.tryAcquire()).toBe(false);
      await b.release();
      now = T0 + 16_000;
      expect(await a.tryAcquire()).toBe(true);
    },
  );

  it('caches settings as JSON with their fetch time', async () => {
    await store.cacheSetting('campaign-settings', { defaultSendTime: '09:00', taskExpiryDays: 2 }, T0);
    expect(await store.cachedSetting('campaign-settings')).toEqual({
      value: { defaultSendTime: '09:00', taskExpiryDays: 2 },
      fetchedAt: T0,
    });
  });

  it('forgets an enrollment with its plan items', async () => {
    await store.saveEnrollment({
      enrollmentId: 'a0E1',
      campaignId: 'a0C1',
      ownerId: '005A',
      personId: '003P',
      status: 'Active',
      timeZone: null,
      shiftDays: 0,
      pausedAt: null,
      orgModstamp: null,
      planInputJson: null,
      updatedAt: T0,
    });
    await store.savePlanItems([item(1)]);
    await store.forgetEnrollment('a0E1');
    expect(await store.enrollment('a0E1')).toBeNull();
    expect(await store.planItemsOf('a0E1')).toEqual([]);
  });
});
