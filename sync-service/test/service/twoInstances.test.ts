// Two service processes sharing one PostgreSQL store: only one consumes the change stream; when
// it dies (its lease lapses), the other takes over and nothing is missed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import type { SyncStore } from '../../src/app/ports/syncStore.ts';
import { openTestStore, storeDialects, type TestStore } from '../support/testStores.ts';
import { startTestOrg, type TestOrg } from '../support/testOrg.ts';
import { startTestService, testConfig, waitFor } from '../support/testService.ts';
import { createCampaign, createContact, enroll, enrollmentSteps } from '../support/scenario.ts';
import type { RunningSyncService } from '../../src/service/syncService.ts';

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
    const a = await startTestService(org, shared.store, { config: { ...testConfig(org), instanceId: 'a' } });
    const b = await startTestService(org, secondStore, { config: { ...testConfig(org), instanceId: 'b' } });
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

    // a dies without releasing its lease (no stop()): its subscription just goes quiet.
    a.stream!['disconnect']();
    const second = await enroll(org.screen, {
      campaignId: campaign.id,
      personId: await createContact(org.screen, 'Second'),
      ownerId: org.emulator.repUserId,
      launchedAt: org.clock.now(),
    });
    await b.tick();
    expect(b.stream).toBeNull(); // a's lease has not lapsed yet
    org.emulator.clock.advance(31_000);
    await b.tick();
    expect(b.stream?.status().connected).toBe(true);
    await waitFor(async () => (await enrollmentSteps(org.screen, second)).length === 1, 'planned by b');
    expect(org.emulator.inspect.records('Enrollment_Step__c')).toHaveLength(2);
  });
});
