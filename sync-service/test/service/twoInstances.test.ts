// Two service processes sharing one PostgreSQL store: only one consumes the change stream (it
// holds an advisory lock on its own connection); when it dies, its session ends, the lock goes with
// it, and the other takes over on its next tick, with nothing missed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openStore } from '../../src/store/index.ts';
import type { SyncStore } from '../../src/app/ports/syncStore.ts';
import { openTestStore, storeDialects, TEST_POSTGRES_URL, type TestStore } from '../support/testStores.ts';
import { startTestOrg, type TestOrg } from '../support/testOrg.ts';
import { startTestService, testConfig, waitFor } from '../support/testService.ts';
import { createCampaign, createContact, enroll, enrollmentSteps } from '../support/scenario.ts';
import type { RunningSyncService } from '../../src/service/syncService.ts';

// Unique per test process: the test finds a's session by its application_name across the database.
const A = `a-${process.pid}`;
const B = `b-${process.pid}`;

describe.skipIf(!storeDialects().includes('postgres'))('two instances on one PostgreSQL store', () => {
  let org: TestOrg;
  let shared: TestStore;
  let secondStore: SyncStore;
  const services: RunningSyncService[] = [];
  beforeEach(async () => {
    org = await startTestOrg({ start: '2026-04-30T10:00:00Z', tokenLifetimeMs: 30 * 86_400_000 });
    shared = await openTestStore('postgres');
    secondStore = await openStore(shared.database);
  });
  afterEach(async () => {
    for (const s of services.splice(0)) await s.stop().catch(() => undefined);
    await secondStore.close();
    await shared.destroy();
    await org.stop();
  });

  it('one holds the stream; the other takes over when the first dies', async () => {
    const a = await startTestService(org, shared.store, { config: { ...testConfig(org), instanceId: A } });
    const b = await startTestService(org, secondStore, { config: { ...testConfig(org), instanceId: B } });
    services.push(a, b);
    await a.tick();
    await b.tick();
    expect(a.stream?.status().connected).toBe(true);
    expect(b.stream).toBeNull();

    const campaign = await createCampaign(org.screen, {
      steps: [{ key: 'd1', day: 1, order: 1, type: 'Email', sendOption: 'At_Time', sendTime: '15:00' }],
    });
    const first = await enroll(org.screen, {
      campaignId: campaign.id,
      personId: await createContact(org.screen, 'First'),
      ownerId: org.emulator.repUserId,
      launchedAt: org.clock.now(),
    });
    await waitFor(async () => (await enrollmentSteps(org.screen, first)).length === 1, 'planned by a');

    // However long the clock runs (a tick blocked past any lease), a live holder keeps the stream.
    org.emulator.clock.advance(10 * 60_000);
    await b.tick();
    expect(b.stream).toBeNull();

    // a dies without stop(): its subscription goes quiet and its database session ends.
    a.stream!['disconnect']();
    await terminateStreamLockSession(A);
    const second = await enroll(org.screen, {
      campaignId: campaign.id,
      personId: await createContact(org.screen, 'Second'),
      ownerId: org.emulator.repUserId,
      launchedAt: org.clock.now(),
    });
    await b.tick();
    expect(b.stream?.status().connected).toBe(true);
    await waitFor(async () => (await enrollmentSteps(org.screen, second)).length === 1, 'planned by b');
    expect(org.emulator.inspect.records('Enrollment_Step__c')).toHaveLength(2);
    // Had a only lost its connection, its next tick would see the stream is b's and let go.
    await a.tick();
    expect(a.stream).toBeNull();
  });

  it('gives the stream up on stop; the other takes it on its next tick', async () => {
    const a = await startTestService(org, shared.store, { config: { ...testConfig(org), instanceId: A } });
    const b = await startTestService(org, secondStore, { config: { ...testConfig(org), instanceId: B } });
    services.push(a, b);
    await a.tick();
    await b.tick();
    expect(a.stream).not.toBeNull();
    expect(b.stream).toBeNull();
    await a.stop();
    await b.tick();
    expect(b.stream?.status().connected).toBe(true);
  });

  /** What a crash does to the instance's stream lock: its PostgreSQL session ends. */
  async function terminateStreamLockSession(instanceId: string): Promise<void> {
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    try {
      const application = `sales-campaigns stream ${instanceId}`;
      const { rows } = await admin.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`,
        [application],
      );
      expect(rows).toHaveLength(1);
      await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
      // The backend exits, and frees its locks, just after pg_terminate_backend returns.
      await waitFor(
        async () =>
          (await admin.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [rows[0]!.pid])).rowCount === 0,
        'the session to end',
      );
    } finally {
      await admin.end();
    }
  }
});
