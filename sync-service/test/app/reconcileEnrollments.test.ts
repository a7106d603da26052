// Planning against the org emulator over HTTP: the documented example (DESIGN §5) planned for a
// real enrollment, written as Enrollment_Step__c records.
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
} from '../support/scenario.ts';

describe('reconcile enrollments (planning writes)', () => {
  let harness: PlanningHarness;
  let org: TestOrg;
  let reconciler: EnrollmentReconciler;
  beforeAll(async () => {
    harness = await startPlanningHarness({ bulkThreshold: 5000 });
    ({ org, reconciler } = harness);
  });
  afterAll(() => harness?.stop());

  it('plans the documented example: intro Monday 08:30 Paris, call due Tuesday, bump Wednesday', async () => {
    const campaign = await createCampaign(org.screen, {
      skipWeekends: true,
      steps: [
        { key: 'intro', day: 1, order: 1, type: 'Email', sendOption: 'At_Time', sendTime: '08:30' },
        { key: 'call', day: 2, order: 1, type: 'Call' },
        { key: 'bump', day: 3, order: 1, type: 'Email', sendOption: 'Thread_Previous' },
      ],
    });
    const contact = await createContact(org.screen);
    const enrollmentId = await enroll(org.screen, {
      campaignId: campaign.id,
      personId: contact,
      ownerId: org.emulator.repUserId,
      launchedAt: Date.parse('2026-04-30T10:00:00Z'),
    });
    const summary = await reconciler.reconcile([enrollmentId]);
    expect(summary).toMatchObject({ planned: 1, stepsWritten: 3, recordErrors: 0 });

    const steps = await enrollmentSteps(org.screen, enrollmentId);
    const byStep = Object.fromEntries(steps.map((s) => [s.Step__c, s]));
    // 1 May is not a holiday here (Skip holidays off), so Day 1 is Friday 1 May.
    expect(iso(byStep[campaign.stepIds.intro!]!.Scheduled_At__c)).toBe('2026-05-01T06:30:00Z');
    expect(byStep[campaign.stepIds.intro!]!.Status__c).toBe('Scheduled');
    expect(byStep[campaign.stepIds.call!]).toMatchObject({
      Status__c: 'Scheduled',
      Due_Date__c: '2026-05-04',
    });
    expect(byStep[campaign.stepIds.bump!]).toMatchObject({ Status__c: 'Pending' });
    expect(iso(byStep[campaign.stepIds.bump!]!.Scheduled_At__c)).toBe('2026-05-05T06:30:00Z');
    expect(await enrollmentRecord(org.screen, enrollmentId)).toMatchObject({
      Status__c: 'Active',
      Time_Zone__c: 'Europe/Paris',
    });

    // Idempotent: a second pass writes nothing.
    const again = await reconciler.reconcile([enrollmentId]);
    expect(again.stepsWritten).toBe(0);
  });
});
