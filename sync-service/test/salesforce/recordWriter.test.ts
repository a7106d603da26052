// Batched writes through Composite + sObject Collections against the emulator with injected
// faults: every record is written exactly once, and record-level errors never stop the batch.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectOrg } from '../../src/salesforce/orgConnection.ts';
import { JsforceCampaignOrg } from '../../src/salesforce/jsforceCampaignOrg.ts';
import { quietLogger, startTestOrg, type TestOrg } from '../support/testOrg.ts';
import { createCampaign, createContact, enroll } from '../support/scenario.ts';

describe('org writes under faults', () => {
  let org: TestOrg;
  let campaignOrg: JsforceCampaignOrg;
  let enrollmentIds: string[];
  let stepId: string;
  beforeAll(async () => {
    org = await startTestOrg({ start: '2026-04-30T10:00:00Z' });
    const session = await connectOrg(org.orgConfig, quietLogger());
    campaignOrg = new JsforceCampaignOrg(session, {
      clock: org.clock,
      logger: quietLogger(),
      bulkThreshold: 100_000,
    });
    const campaign = await createCampaign(org.screen, {
      steps: [{ key: 'call', day: 1, order: 1, type: 'Call' }],
    });
    stepId = campaign.stepIds.call!;
    enrollmentIds = [];
    for (let i = 0; i < 3; i += 1) {
      const contact = await createContact(org.screen, `W${i}`);
      enrollmentIds.push(
        await enroll(org.screen, {
          campaignId: campaign.id,
          personId: contact,
          ownerId: org.emulator.repUserId,
          launchedAt: org.clock.now(),
        }),
      );
    }
  });
  afterAll(async () => org?.stop());
  beforeEach(() => org.emulator.faults.clear());

  const steps = (n: number, offset = 0) =>
    Array.from({ length: n }, (_, i) => {
      const enrollmentId = enrollmentIds[(i + offset) % enrollmentIds.length]!;
      return {
        Step_Key__c: `${enrollmentId}:${stepId}:${i + offset}`,
        Enrollment__c: enrollmentId,
        Step__c: stepId,
        Status__c: 'Scheduled',
      };
    });
  const stored = () => org.emulator.inspect.records('Enrollment_Step__c');

  it('writes 1,200 records in two API calls (1,000 records a Composite call)', async () => {
    org.emulator.inspect.resetApiCalls();
    const before = campaignOrg.apiCalls();
    const outcomes = await campaignOrg.upsertEnrollmentSteps(steps(1200));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(campaignOrg.apiCalls() - before).toBe(2);
    expect(new Set(stored().map((r) => r.Step_Key__c)).size).toBe(stored().length);
  });

  it('retries whole-call lock errors, 500s, 503s and the request limit, and writes each record once', async () => {
    const count = stored().length;
    org.emulator.faults.add({ route: 'composite', kind: 'UNABLE_TO_LOCK_ROW', times: 1 });
    org.emulator.faults.add({ route: 'composite', kind: 'SERVER_ERROR', status: 503, times: 1 });
    org.emulator.faults.add({ route: 'composite', kind: 'SERVER_ERROR', status: 500, times: 1 });
    org.emulator.faults.add({ route: 'composite', kind: 'REQUEST_LIMIT_EXCEEDED', times: 1 });
    const outcomes = await campaignOrg.upsertEnrollmentSteps(steps(50, 5000));
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    expect(stored().length).toBe(count + 50);
    // Replaying the same upsert creates nothing new.
    await campaignOrg.upsertEnrollmentSteps(steps(50, 5000));
    expect(stored().length).toBe(count + 50);
  });

  it('retries records that hit a row lock, record by record', async () => {
    const count = stored().length;
    org.emulator.faults.add({
      route: 'composite',
      kind: 'UNABLE_TO_LOCK_ROW',
      perRecord: true,
      times: 2,
    } as never);
    const outcomes = await campaignOrg.upsertEnrollmentSteps(steps(10, 7000));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(stored().length).toBe(count + 10);
  });

  it('logs in again when the session expires, and carries on', async () => {
    org.emulator.faults.expireTokens();
    const outcomes = await campaignOrg.upsertEnrollmentSteps(steps(5, 8000));
    expect(outcomes.every((o) => o.ok)).toBe(true);
  });

  it('reports a record-level error for that record only', async () => {
    const batch = steps(3, 9000);
    batch[1] = { ...batch[1]!, Status__c: 'Not_A_Status' };
    const outcomes = await campaignOrg.upsertEnrollmentSteps(batch);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    expect(outcomes[1]).toMatchObject({
      ok: false,
      errors: [{ code: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST' }],
    });
  });
});
