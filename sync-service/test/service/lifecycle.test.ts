// A person's campaign over time, against the org emulator: expiry both ways, pause and resume,
// removal, edited steps, duplicates. Thursday 30 April 2026, 12:00 in Paris, skip weekends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../support/testStores.ts';
import { startTestOrg, type TestOrg } from '../support/testOrg.ts';
import { startTestService, waitFor } from '../support/testService.ts';
import {
  createCampaign,
  createContact,
  enroll,
  enrollmentRecord,
  enrollmentSteps,
  iso,
  stepOf,
  tasksOf,
  update,
  type CampaignSpec,
} from '../support/scenario.ts';
import type { RunningSyncService } from '../../src/service/syncService.ts';

const LAUNCH = Date.parse('2026-04-30T10:00:00Z');

describe('sync service: a campaign over time', () => {
  let org: TestOrg;
  let testStore: TestStore;
  let service: RunningSyncService;
  beforeAll(async () => {
    org = await startTestOrg({ start: '2026-04-30T10:00:00Z', tokenLifetimeMs: 365 * 86_400_000 });
    testStore = await openTestStore('sqlite');
    service = await startTestService(org, testStore.store);
    await service.tick();
  });
  afterAll(async () => {
    await service?.stop();
    await testStore?.destroy();
    await org?.stop();
  });

  async function launched(spec: CampaignSpec, extra: { sendAt?: number; withKey?: boolean } = {}) {
    org.emulator.clock.set(LAUNCH);
    const campaign = await createCampaign(org.screen, spec);
    const contact = await createContact(org.screen, `P${Math.random().toString(36).slice(2, 8)}`);
    const enrollmentId = await enroll(org.screen, {
      campaignId: campaign.id,
      personId: contact,
      ownerId: org.emulator.repUserId,
      launchedAt: LAUNCH,
      ...extra,
    });
    const steps = await waitFor(async () => {
      const records = await enrollmentSteps(org.screen, enrollmentId);
      return records.length === spec.steps.length && records;
    }, 'the plan');
    return { campaign, contact, enrollmentId, steps };
  }

  it('writes the right times for each send option', async () => {
    const { campaign, steps } = await launched({
      defaultSendTime: '10:00',
      steps: [
        { key: 'first', day: 1, order: 1, type: 'Email', sendOption: 'At_Time', sendTime: '14:00' },
        { key: 'same', day: 2, order: 1, type: 'Email', sendOption: 'Same_Time_As_Previous' },
        { key: 'fixed', day: 3, order: 1, type: 'Email', sendOption: 'At_Time', sendTime: '08:15' },
        { key: 'manual', day: 4, order: 1, type: 'Email', sendOption: 'Manual_Task' },
        { key: 'thread', day: 5, order: 1, type: 'Email', sendOption: 'Thread_Previous' },
      ],
    });
    const at = (key: string) => iso(stepOf(steps, campaign.stepIds[key]).Scheduled_At__c);
    expect(at('first')).toBe('2026-04-30T12:00:00Z'); // 14:00 Paris today: not passed yet
    expect(at('same')).toBe('2026-05-01T12:00:00Z'); // Friday, Day 1's time
    expect(at('fixed')).toBe('2026-05-04T06:15:00Z'); // Monday (weekend skipped)
    expect(stepOf(steps, campaign.stepIds.manual)).toMatchObject({
      Due_Date__c: '2026-05-05',
      Status__c: 'Scheduled',
    });
    // Behind the manual email, at the Default Send Time until it is sent (DESIGN §2.2).
    expect(stepOf(steps, campaign.stepIds.thread)).toMatchObject({ Status__c: 'Pending' });
    expect(at('thread')).toBe('2026-05-06T08:00:00Z');
  });

  it('expires a task with Skip_Step: the rest moves on', async () => {
    const { campaign, enrollmentId } = await launched({
      taskExpiryDays: 1,
      onTaskExpiry: 'Skip_Step',
      steps: [
        { key: 'call', day: 1, order: 1, type: 'Call' },
        { key: 'email', day: 2, order: 1, type: 'Email', sendOption: 'At_Time', sendTime: '10:00' },
      ],
    });
    await service.tick(); // opens the call
    org.emulator.clock.set(Date.parse('2026-05-01T21:59:00Z'));
    await service.tick();
    expect(stepOf(await enrollmentSteps(org.screen, enrollmentId), campaign.stepIds.call).Status__c).toBe(
      'Task_Open',
    );
    org.emulator.clock.set(Date.parse('2026-05-01T22:00:00Z')); // end of Friday, Paris
    await service.tick();
    const steps = await enrollmentSteps(org.screen, enrollmentId);
    expect(stepOf(steps, campaign.stepIds.call).Status__c).toBe('Expired');
    expect(stepOf(steps, campaign.stepIds.email).Status__c).toBe('Scheduled');
    expect(iso(stepOf(steps, campaign.stepIds.email).Scheduled_At__c)).toBe('2026-05-04T08:00:00Z');
    const [task] = await tasksOf(org.screen, `${enrollmentId}:${campaign.stepIds.call}`);
    expect(task).toMatchObject({ IsClosed: true });
    expect(
      org.emulator.inspect
        .platformEvents()
        .some((e) => e.payload.Kind__c === 'task_expired' && e.payload.Enrollment_Id__c === enrollmentId),
    ).toBe(true);
  });

  it('expires a task with End_Campaign: the person’s campaign ends with the reason', async () => {
    const { campaign, enrollmentId } = await launched({
      taskExpiryDays: 0,
      onTaskExpiry: 'End_Campaign',
      steps: [
        { key: 'call', day: 1, order: 1, type: 'Call' },
        { key: 'email', day: 2, order: 1, type: 'Email', sendOption: 'At_Time', sendTime: '10:00' },
      ],
    });
    await service.tick();
    org.emulator.clock.set(Date.parse('2026-04-30T22:00:00Z')); // end of the due day
    await service.tick();
    const steps = await enrollmentSteps(org.screen, enrollmentId);
    expect(stepOf(steps, campaign.stepIds.call).Status__c).toBe('Expired');
    expect(stepOf(steps, campaign.stepIds.email)).toMatchObject({ Status__c: 'Cancelled' });
    expect(String(stepOf(steps, campaign.stepIds.email).Error__c)).toMatch(/Task expired/);
    const enrollment = await enrollmentRecord(org.screen, enrollmentId);
    expect(enrollment).toMatchObject({ Status__c: 'Completed', Unique_Key__c: null });
    expect(String(enrollment.Ended_Reason__c)).toMatch(/^Task expired/);
  });

  it('holds every pending step while paused and shifts by the campaign days that began', async () => {
    const { campaign, enrollmentId } = await launched({
      steps: [
        { key: 'd1', day: 1, order: 1, type: 'Email', sendOption: 'At_Time', sendTime: '09:00' },
        { key: 'd2', day: 2, order: 1, type: 'Email', sendOption: 'At_Time', sendTime: '09:00' },
      ],
    });
    // 09:00 had passed at launch: Day 1 is Friday 1 May.
    org.emulator.clock.set(Date.parse('2026-04-30T11:00:00Z'));
    await update(org.screen, 'Campaign_Enrollment__c', {
      Id: enrollmentId,
      Status__c: 'Paused',
      Paused_At__c: new Date(org.clock.now()).toISOString(),
    });
    await waitFor(
      async () => (await enrollmentSteps(org.screen, enrollmentId)).every((s) => s.Status__c === 'Pending'),
      'steps held',
    );
    // Resumed Tuesday 5 May 10:00 Paris: Fri 1, Mon 4 and Tue 5 began while paused.
    org.emulator.clock.set(Date.parse('2026-05-05T08:00:00Z'));
    await update(org.screen, 'Campaign_Enrollment__c', { Id: enrollmentId, Status__c: 'Active' });
    const steps = await waitFor(async () => {
      const records = await enrollmentSteps(org.screen, enrollmentId);
      return records.every((s) => s.Status__c === 'Scheduled') && records;
    }, 'steps released');
    expect(iso(stepOf(steps, campaign.stepIds.d1).Scheduled_At__c)).toBe('2026-05-06T07:00:00Z');
    expect(iso(stepOf(steps, campaign.stepIds.d2).Scheduled_At__c)).toBe('2026-05-07T07:00:00Z');
    expect(await enrollmentRecord(org.screen, enrollmentId)).toMatchObject({ Shift_Days__c: 3 });
  });

  it('cancels pending steps with the reason when the rep removes the person, and frees the key', async () => {
    const { enrollmentId } = await launched({
      steps: [
        { key: 'd1', day: 1, order: 1, type: 'Email', sendOption: 'At_Time', sendTime: '15:00' },
        { key: 'd2', day: 2, order: 1, type: 'Call' },
      ],
    });
    await update(org.screen, 'Campaign_Enrollment__c', { Id: enrollmentId, Status__c: 'Removed' });
    const steps = await waitFor(async () => {
      const records = await enrollmentSteps(org.screen, enrollmentId);
      return records.every((s) => s.Status__c === 'Cancelled') && records;
    }, 'steps cancelled');
    expect(String(steps[0]!.Error__c)).toMatch(/Cancelled: campaign removed/);
    expect(await enrollmentRecord(org.screen, enrollmentId)).toMatchObject({ Unique_Key__c: null });
    expect(await testStore.store.planItemsOf(enrollmentId)).toEqual([]);
  });

  it('re-plans only unsent steps when the campaign is edited', async () => {
    const { campaign, enrollmentId, steps } = await launched({
      steps: [
        { key: 'd1', day: 1, order: 1, type: 'Email', sendOption: 'At_Time', sendTime: '15:00' },
        { key: 'd2', day: 2, order: 1, type: 'Email', sendOption: 'At_Time', sendTime: '15:00' },
      ],
    });
    const first = stepOf(steps, campaign.stepIds.d1);
    org.emulator.clock.set(Date.parse('2026-04-30T13:00:00Z'));
    await update(org.screen, 'Enrollment_Step__c', {
      Id: first.Id,
      Status__c: 'Sent',
      Sent_At__c: '2026-04-30T13:00:00.000Z',
    });
    await update(org.screen, 'Campaign_Step__c', { Id: campaign.stepIds.d1, Send_Time__c: '11:00:00.000Z' });
    await update(org.screen, 'Campaign_Step__c', { Id: campaign.stepIds.d2, Send_Time__c: '11:00:00.000Z' });
    const after = await waitFor(async () => {
      const records = await enrollmentSteps(org.screen, enrollmentId);
      return iso(stepOf(records, campaign.stepIds.d2).Scheduled_At__c) === '2026-05-01T09:00:00Z' && records;
    }, 'the unsent step re-planned');
    expect(stepOf(after, campaign.stepIds.d1)).toMatchObject({ Status__c: 'Sent' });
    expect(iso(stepOf(after, campaign.stepIds.d1).Scheduled_At__c)).toBe('2026-04-30T13:00:00Z');
  });

  it('fills a missing Unique_Key__c and ends a duplicate enrollment with a clear reason', async () => {
    const { campaign, contact, enrollmentId } = await launched(
      { steps: [{ key: 'd1', day: 1, order: 1, type: 'Email', sendOption: 'At_Time', sendTime: '15:00' }] },
      { withKey: false },
    );
    expect(await enrollmentRecord(org.screen, enrollmentId)).toMatchObject({
      Unique_Key__c: `${campaign.id}:${contact}`,
    });
    const duplicate = await enroll(org.screen, {
      campaignId: campaign.id,
      personId: contact,
      ownerId: org.emulator.repUserId,
      launchedAt: LAUNCH,
      withKey: false,
    });
    const record = await waitFor(async () => {
      const r = await enrollmentRecord(org.screen, duplicate);
      return r.Status__c === 'Failed' && r;
    }, 'the duplicate ended');
    expect(String(record.Ended_Reason__c)).toBe(
      `Duplicate: ${contact} is already in this campaign (enrollment ${enrollmentId})`,
    );
    expect(await enrollmentSteps(org.screen, duplicate)).toEqual([]);
  });

  it('holds every enrollment of a paused campaign and shifts them on resume', async () => {
    const { campaign, enrollmentId } = await launched({
      steps: [{ key: 'd1', day: 1, order: 1, type: 'Email', sendOption: 'At_Time', sendTime: '09:00' }],
    });
    org.emulator.clock.set(Date.parse('2026-04-30T12:00:00Z'));
    await update(org.screen, 'Sales_Campaign__c', { Id: campaign.id, Status__c: 'Paused' });
    await waitFor(
      async () => (await enrollmentSteps(org.screen, enrollmentId))[0]!.Status__c === 'Pending',
      'held',
    );
    // Resumed Monday 4 May 08:00 Paris: Friday 1 and Monday 4 began while paused.
    org.emulator.clock.set(Date.parse('2026-05-04T06:00:00Z'));
    await update(org.screen, 'Sales_Campaign__c', { Id: campaign.id, Status__c: 'Active' });
    const [step] = await waitFor(async () => {
      const records = await enrollmentSteps(org.screen, enrollmentId);
      return records[0]!.Status__c === 'Scheduled' && records;
    }, 'released');
    expect(iso(step!.Scheduled_At__c)).toBe('2026-05-05T07:00:00Z');
  });
});
