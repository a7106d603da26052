// What planning reads from the org besides the campaign: Holiday records (Skip holidays) and the
// recipient's time zone (Time_Zone_Mode__c = Recipient, field named by Campaign_Setting__mdt);
// and how few API calls a batch's reads take when the independent ones go out together.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollmentReconciler } from '../../src/app/planning/reconcileEnrollments.ts';
import type { TestOrg } from '../support/testOrg.ts';
import { startPlanningHarness, type PlanningHarness } from './planningHarness.ts';
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
  let harness: PlanningHarness;
  let org: TestOrg;
  let reconciler: EnrollmentReconciler;
  beforeAll(async () => {
    harness = await startPlanningHarness();
    ({ org, reconciler } = harness);
  });
  afterAll(() => harness?.stop());

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

  it('reads a batch in three calls: its enrollments, what they name, what their campaigns ask for', async () => {
    const campaign = await createCampaign(org.screen, {
      timeZoneMode: 'Recipient',
      skipHolidays: true,
      steps: [{ key: 'intro', day: 1, order: 1, type: 'Email', sendOption: 'At_Time', sendTime: '09:00' }],
    });
    const ids = [
      await enroll(org.screen, {
        campaignId: campaign.id,
        personId: await createContact(org.screen, 'Reads', 'America/New_York'),
        ownerId: org.emulator.repUserId,
        launchedAt: org.clock.now(),
        withKey: false,
      }),
      await enroll(org.screen, {
        campaignId: campaign.id,
        personId: await createContact(org.screen, 'Reads2'),
        ownerId: org.emulator.repUserId,
        launchedAt: org.clock.now(),
        withKey: false,
      }),
    ];
    // Nothing cached: the org's settings, the owner's time zone and the holidays are read too.
    const cold = harness.coldReconciler();
    org.emulator.inspect.resetApiCalls();
    expect(await cold.reconcile(ids)).toMatchObject({ planned: 2, failed: 0, stepsWritten: 2 });
    // Reads: the enrollments (a GET); their campaigns, steps, the settings, the owner's time zone
    // and the holders of their keys (one Composite); the holidays and the recipients' time zones
    // their campaigns ask for (one Composite). Writes: the enrollments, then their steps. Read one
    // kind at a time, the reads were six calls.
    expect(org.emulator.inspect.apiCalls().byClientAndRoute[org.orgConfig.clientName]).toEqual({
      'GET query': 1,
      'POST composite': 4,
    });
  });
});
