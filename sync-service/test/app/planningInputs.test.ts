// What planning reads from the org besides the campaign: Holiday records (Skip holidays) and the
// recipient's time zone (Time_Zone_Mode__c = Recipient, field named by Campaign_Setting__mdt).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectOrg } from '../../src/salesforce/orgConnection.ts';
import { JsforceCampaignOrg } from '../../src/salesforce/jsforceCampaignOrg.ts';
import { EnrollmentReconciler } from '../../src/app/planning/reconcileEnrollments.ts';
import { OrgReferenceData } from '../../src/app/planning/orgReferenceData.ts';
import { SyncMetrics } from '../../src/app/syncMetrics.ts';
import { openTestStore, type TestStore } from '../support/testStores.ts';
import { quietLogger, startTestOrg, type TestOrg } from '../support/testOrg.ts';
import {
  createCampaign,
  createContact,
  enroll,
  enrollmentRecord,
  enrollmentSteps,
  iso,
  stepOf,
} from '../support/scenario.ts';

describe('planning inputs from the org', () => {
  let org: TestOrg;
  let testStore: TestStore;
  let reconciler: EnrollmentReconciler;
  beforeAll(async () => {
    org = await startTestOrg({ start: '2026-04-30T10:00:00Z' });
    testStore = await openTestStore('sqlite');
    const logger = quietLogger();
    const session = await connectOrg(org.orgConfig, logger);
    const campaignOrg = new JsforceCampaignOrg(session, { clock: org.clock, logger, bulkThreshold: 10_000 });
    const reference = new OrgReferenceData({
      org: campaignOrg,
      store: testStore.store,
      clock: org.clock,
      logger,
      refreshMs: 60_000,
    });
    reconciler = new EnrollmentReconciler({
      org: campaignOrg,
      store: testStore.store,
      reference,
      clock: org.clock,
      logger,
      metrics: new SyncMetrics(),
    });
  });
  afterAll(async () => {
    await testStore?.destroy();
    await org?.stop();
  });

  it('plans the documented example exactly (DESIGN §5): 1 May is a Holiday record', async () => {
    const holiday = await org.screen
      .sobject('Holiday')
      .create({ Name: 'Labour Day', ActivityDate: '2026-05-01', IsAllDay: true });
    expect(holiday.success).toBe(true);
    const campaign = await createCampaign(org.screen, {
      skipWeekends: true,
      skipHolidays: true,
      steps: [
        { key: 'intro', day: 1, order: 1, type: 'Email', sendOption: 'At_Time', sendTime: '08:30' },
        { key: 'call', day: 2, order: 1, type: 'Call' },
        { key: 'bump', day: 3, order: 1, type: 'Email', sendOption: 'Thread_Previous' },
      ],
    });
    const contact = await createContact(org.screen, 'Golden');
    const id = await enroll(org.screen, {
      campaignId: campaign.id,
      personId: contact,
      ownerId: org.emulator.repUserId,
      launchedAt: Date.parse('2026-04-30T10:00:00Z'),
    });
    await reconciler.reconcile([id]);
    const steps = await enrollmentSteps(org.screen, id);
    expect(iso(stepOf(steps, campaign.stepIds.intro).Scheduled_At__c)).toBe('2026-05-04T06:30:00Z');
    expect(stepOf(steps, campaign.stepIds.call)).toMatchObject({ Due_Date__c: '2026-05-05' });
    expect(iso(stepOf(steps, campaign.stepIds.call).Expires_At__c)).toBe('2026-05-07T22:00:00Z');
    expect(iso(stepOf(steps, campaign.stepIds.bump).Scheduled_At__c)).toBe('2026-05-06T06:30:00Z');
  });

  it("uses the recipient's time zone in Recipient mode, and the owner's when the person has none", async () => {
    const campaign = await createCampaign(org.screen, {
      timeZoneMode: 'Recipient',
      steps: [{ key: 'intro', day: 1, order: 1, type: 'Email', sendOption: 'At_Time', sendTime: '09:00' }],
    });
    const inNewYork = await enroll(org.screen, {
      campaignId: campaign.id,
      personId: await createContact(org.screen, 'Nyc', 'America/New_York'),
      ownerId: org.emulator.repUserId,
      launchedAt: org.clock.now(),
    });
    const noZone = await enroll(org.screen, {
      campaignId: campaign.id,
      personId: await createContact(org.screen, 'Nozone'),
      ownerId: org.emulator.repUserId,
      launchedAt: org.clock.now(),
    });
    await reconciler.reconcile([inNewYork, noZone]);
    // 06:00 in New York at launch: 09:00 today is still ahead.
    expect(iso((await enrollmentSteps(org.screen, inNewYork))[0]!.Scheduled_At__c)).toBe(
      '2026-04-30T13:00:00Z',
    );
    expect(await enrollmentRecord(org.screen, inNewYork)).toMatchObject({ Time_Zone__c: 'America/New_York' });
    // The owner is in Paris: 09:00 has passed, so Friday 1 May 09:00 Paris.
    expect(iso((await enrollmentSteps(org.screen, noZone))[0]!.Scheduled_At__c)).toBe('2026-05-01T07:00:00Z');
    expect(await enrollmentRecord(org.screen, noZone)).toMatchObject({ Time_Zone__c: 'Europe/Paris' });
  });
});
