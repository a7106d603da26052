// The write-back outbox on both databases (STORE_DIALECT picks; default both): a batch's
// outcomes and its org write-back are saved together or not at all, an entry is replayed by one
// instance at a time and only after its writer let go of it, and it survives a restart.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlanItem, SyncStore } from '../../src/app/ports/syncStore.ts';
import { openTestStore, reopenTestStore, storeDialects, type TestStore } from '../support/testStores.ts';

const T0 = Date.parse('2026-05-04T06:00:00Z');
const LEASE = 60_000;

function item(n: number, overrides: Partial<PlanItem> = {}): PlanItem {
  return {
    stepKey: `a0E${n}:a0S${n}`,
    enrollmentId: `a0E${n}`,
    stepId: `a0S${n}`,
    campaignId: 'a0C1',
    ownerId: '005A',
    recordId: `a0X${n}`,
    kind: 'send',
    status: 'Sending',
    dueAt: T0 - 1000,
    dueDate: null,
    expiresAt: null,
    taskId: null,
    dependsOn: null,
    updatedAt: T0,
    ...overrides,
  };
}

const payload = (n: number) => ({ version: 1, stepUpdates: [{ Id: `a0X${n}`, Status__c: 'Sent' }] });

describe.each(storeDialects())('write-back outbox on %s', (dialect) => {
  let testStore: TestStore;
  let store: SyncStore;
  beforeEach(async () => {
    testStore = await openTestStore(dialect);
    store = testStore.store;
  });
  afterEach(async () => {
    await testStore.destroy();
  });

  const claim = (now: number, owner = 'replayer', limit = 10) =>
    store.claimWriteBacks({ now, createdBefore: now - 5_000, owner, leaseMs: LEASE, limit });

  it('saves the outcomes and the write-back together and keeps them across a restart', async () => {
    await store.savePlanItems([item(1), item(2)]);
    const id = await store.recordOutcomes(
      [
        { stepKey: 'a0E1:a0S1', status: 'Sent' },
        { stepKey: 'a0E2:a0S2', status: 'Scheduled', dueAt: T0 + 60_000 },
      ],
      { payload: payload(1), at: T0, owner: 'dispatcher', leaseMs: LEASE },
    );
    expect(id).toEqual(expect.any(String));
    await testStore.close();

    const reopened = await reopenTestStore(testStore.database);
    try {
      expect((await reopened.planItem('a0E1:a0S1'))?.status).toBe('Sent');
      expect((await reopened.planItem('a0E2:a0S2'))?.dueAt).toBe(T0 + 60_000);
      expect(await reopened.writeBackOutboxDepth()).toEqual({
        pending: 1,
        failing: 0,
        oldestCreatedAt: T0,
      });
      // Only finished statuses are held back from the dispatcher; a reschedule is not an outcome.
      expect(await reopened.writeBackOutcomes(['a0E1:a0S1', 'a0E2:a0S2', 'a0E9:a0S9'])).toEqual(
        new Map([['a0E1:a0S1', 'Sent']]),
      );
      // The writer's lease has run out (it died): the entry is replayed with its payload intact.
      const [entry] = await reopened.claimWriteBacks({
        now: T0 + LEASE,
        createdBefore: T0 + LEASE,
        owner: 'replayer',
        leaseMs: LEASE,
        limit: 10,
      });
      expect(entry).toMatchObject({ id, payload: payload(1), createdAt: T0, attempts: 2 });
    } finally {
      await reopened.close();
    }
  });

  it('saves neither the outcomes nor the write-back when the write-back cannot be saved', async () => {
    await store.savePlanItems([item(1)]);
    const unserialisable = { version: 1, size: 10n };
    await expect(
      store.recordOutcomes([{ stepKey: 'a0E1:a0S1', status: 'Sent' }], {
        payload: unserialisable,
        at: T0,
        owner: 'dispatcher',
        leaseMs: LEASE,
      }),
    ).rejects.toThrow();
    expect((await store.planItem('a0E1:a0S1'))?.status).toBe('Sending');
    expect((await store.writeBackOutboxDepth()).pending).toBe(0);
  });

  it('records outcomes alone when there is nothing to write back', async () => {
    await store.savePlanItems([item(1)]);
    expect(await store.recordOutcomes([{ stepKey: 'a0E1:a0S1', status: 'Failed' }], null)).toBeNull();
    expect((await store.planItem('a0E1:a0S1'))?.status).toBe('Failed');
    expect((await store.writeBackOutboxDepth()).pending).toBe(0);
  });

  it('leaves a batch its own entry while it writes it, and new entries for a grace period', async () => {
    const id = (await store.recordOutcomes([], {
      payload: payload(1),
      at: T0,
      owner: 'dispatcher',
      leaseMs: LEASE,
    }))!;
    // Past the grace period but inside the writer's lease: still the writer's.
    expect(await claim(T0 + 10_000)).toEqual([]);
    // The writer's attempt failed: it lets go, and the entry waits for its retry moment.
    await store.failWriteBack(id, {
      owner: 'dispatcher',
      error: 'ERROR_HTTP_503: Service Unavailable',
      at: T0 + 10_000,
      retryAt: T0 + 40_000,
    });
    expect(await claim(T0 + 39_999)).toEqual([]);
    const [entry] = await claim(T0 + 40_000);
    expect(entry).toMatchObject({ id, attempts: 2, lastError: 'ERROR_HTTP_503: Service Unavailable' });
    await store.finishWriteBack(id);

    // A fresh entry is not replayed during its grace period, even when no one holds it.
    await store.recordOutcomes([], { payload: payload(2), at: T0 + 200_000, owner: 'd', leaseMs: 0 });
    expect(await claim(T0 + 204_999)).toEqual([]);
    expect(await claim(T0 + 205_000)).toHaveLength(1);
  });

  it('keeps a failed entry with its error and what is left to write, and deletes a finished one', async () => {
    await store.savePlanItems([item(1)]);
    const id = (await store.recordOutcomes([{ stepKey: 'a0E1:a0S1', status: 'Sent' }], {
      payload: payload(1),
      at: T0,
      owner: 'dispatcher',
      leaseMs: LEASE,
    }))!;
    const left = { version: 1, events: [{ Kind__c: 'email_sent' }] };
    await store.failWriteBack(id, {
      owner: 'dispatcher',
      error: 'events: REQUEST_LIMIT_EXCEEDED',
      at: T0 + 1_000,
      retryAt: T0 + 31_000,
      payload: left,
    });
    expect(await store.writeBackOutboxDepth()).toEqual({ pending: 1, failing: 1, oldestCreatedAt: T0 });
    // Someone who does not hold the entry cannot overwrite what the holder recorded.
    await store.failWriteBack(id, {
      owner: 'stranger',
      error: 'not mine',
      at: T0 + 2_000,
      retryAt: T0,
      payload: {},
    });
    const [entry] = await claim(T0 + 31_000);
    expect(entry).toMatchObject({
      id,
      payload: left,
      attempts: 2,
      lastAttemptAt: T0 + 31_000,
      lastError: 'events: REQUEST_LIMIT_EXCEEDED',
    });

    await store.finishWriteBack(id);
    expect(await store.writeBackOutboxDepth()).toEqual({ pending: 0, failing: 0, oldestCreatedAt: null });
    expect(await store.writeBackOutcomes(['a0E1:a0S1'])).toEqual(new Map());
  });

  it('hands each entry to one replayer only, oldest first', async () => {
    for (let n = 0; n < 30; n += 1)
      await store.recordOutcomes([], { payload: payload(n), at: T0 + n, owner: 'd', leaseMs: 0 });
    const now = T0 + 100_000;
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, w) =>
        store.claimWriteBacks({ now, createdBefore: now, owner: `w${w}`, leaseMs: LEASE, limit: 4 }),
      ),
    );
    const ids = results.flat().map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(24);
    const [first] = await store.claimWriteBacks({
      now: now + LEASE,
      createdBefore: now,
      owner: 'late',
      leaseMs: LEASE,
      limit: 1,
    });
    expect(first?.createdAt).toBe(T0);
  });
});
