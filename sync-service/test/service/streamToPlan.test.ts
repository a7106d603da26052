// The running service against the org emulator: an enrollment added by the screen reaches the
// service over CDC and its plan is written; a restart resumes from the stored replay position.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, storeDialects, type TestStore } from '../support/testStores.ts';
import { startTestOrg, type TestOrg } from '../support/testOrg.ts';
import { startTestService, waitFor } from '../support/testService.ts';
import {
  createCampaign,
  createContact,
  enroll,
  enrollmentRecord,
  enrollmentSteps,
  iso,
} from '../support/scenario.ts';
import type { RunningSyncService } from '../../src/service/syncService.ts';

describe.each(storeDialects())('sync service on %s: stream → plan', (dialect) => {
  let org: TestOrg;
  let testStore: TestStore;
  let service: RunningSyncService;
  beforeAll(async () => {
    org = await startTestOrg({ start: '2026-04-30T10:00:00Z' });
    testStore = await openTestStore(dialect);
    service = await startTestService(org, testStore.store);
    await service.tick(); // subscribes and sweeps
  });
  afterAll(async () => {
    await service?.stop();
    await testStore?.destroy();
    await org?.stop();
  });

  it('plans an enrollment the screen adds, from its change event', async () => {
    expect(service.stream?.status().connected).toBe(true);
    const campaign = await createCampaign(org.screen, {
      steps: [
        { key: 'intro', day: 1, order: 1, type: 'Email', sendOption: 'Choose_At_Launch' },
        { key: 'call', day: 2, order: 1, type: 'Call' },
        { key: 'follow', day: 3, order: 1, type: 'Email', sendOption: 'Same_Time_As_Previous' },
      ],
    });
    const contact = await createContact(org.screen);
    const sendAt = Date.parse('2026-05-04T13:15:00Z');
    const enrollmentId = await enroll(org.screen, {
      campaignId: campaign.id,
      personId: contact,
      ownerId: org.emulator.repUserId,
      launchedAt: org.clock.now(),
      sendAt,
    });
    const steps = await waitFor(async () => {
      const records = await enrollmentSteps(org.screen, enrollmentId);
      return records.length === 3 && records;
    }, 'the plan written from the CDC event');
    const byStep = Object.fromEntries(steps.map((s) => [s.Step__c, s]));
    expect(iso(byStep[campaign.stepIds.intro!]!.Scheduled_At__c)).toBe('2026-05-04T13:15:00Z');
    expect(byStep[campaign.stepIds.call!]).toMatchObject({
      Due_Date__c: '2026-05-05',
      Status__c: 'Scheduled',
    });
    expect(iso(byStep[campaign.stepIds.follow!]!.Scheduled_At__c)).toBe('2026-05-06T13:15:00Z');
    expect(await enrollmentRecord(org.screen, enrollmentId)).toMatchObject({ Status__c: 'Active' });
    await waitFor(async () => service.context.metrics.get('plans_written_total') >= 1, 'the plan counted');
  });

  it('reads an empty Send At on a Choose_At_Launch campaign as "start now" (the first email at launch)', async () => {
    const campaign = await createCampaign(org.screen, {
      steps: [
        { key: 'intro', day: 1, order: 1, type: 'Email', sendOption: 'Choose_At_Launch' },
        { key: 'follow', day: 2, order: 1, type: 'Email', sendOption: 'Same_Time_As_Previous' },
      ],
    });
    const contact = await createContact(org.screen);
    const launchedAt = org.clock.now();
    const enrollmentId = await enroll(org.screen, {
      campaignId: campaign.id,
      personId: contact,
      ownerId: org.emulator.repUserId,
      launchedAt,
      sendAt: null,
    });
    const steps = await waitFor(async () => {
      const records = await enrollmentSteps(org.screen, enrollmentId);
      return records.length === 2 && records;
    }, 'the plan of a "start now" launch');
    const intro = steps.find((s) => s.Step__c === campaign.stepIds.intro)!;
    // The launch moment, to the second (plans keep whole seconds).
    expect(Math.abs(Date.parse(String(intro.Scheduled_At__c)) - launchedAt)).toBeLessThan(1000);
    expect(intro.Error__c ?? null).toBeNull();
    expect(await enrollmentRecord(org.screen, enrollmentId)).toMatchObject({ Status__c: 'Active' });
  });
});
