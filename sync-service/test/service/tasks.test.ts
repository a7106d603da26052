// Manual steps against the org emulator: the Task opens on its day (Day 1 at launch), a late
// completion in Salesforce's task UI shifts the rest, a Command Center completion closes the Task.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../support/testStores.ts';
import { startTestOrg, type TestOrg } from '../support/testOrg.ts';
import { startTestService, waitFor } from '../support/testService.ts';
import {
  createCampaign,
  createContact,
  createLead,
  enroll,
  enrollmentRecord,
  enrollmentSteps,
  iso,
  stepOf,
  tasksOf,
  update,
} from '../support/scenario.ts';
import type { RunningSyncService } from '../../src/service/syncService.ts';

describe('sync service: tasks', () => {
  let org: TestOrg;
  let testStore: TestStore;
  let service: RunningSyncService;
  beforeAll(async () => {
    org = await startTestOrg({ start: '2026-04-30T10:00:00Z' }); // Thursday, 12:00 in Paris
    testStore = await openTestStore('sqlite');
    service = await startTestService(org, testStore.store);
    await service.tick();
  });
  afterAll(async () => {
    await service?.stop();
    await testStore?.destroy();
    await org?.stop();
  });

  it('opens Day 1 tasks at launch, completes late from the task UI with a shift, and closes Command Center completions', async () => {
    const campaign = await createCampaign(org.screen, {
      steps: [
        { key: 'call', day: 1, order: 1, type: 'Call', subject: 'Intro call' },
        { key: 'email', day: 2, order: 1, type: 'Email', sendOption: 'Same_Time_As_Previous' },
        { key: 'linkedin', day: 3, order: 1, type: 'Custom_Task', subject: 'Connect on LinkedIn' },
      ],
    });
    const contact = await createContact(org.screen);
    const enrollmentId = await enroll(org.screen, {
      campaignId: campaign.id,
      personId: contact,
      ownerId: org.emulator.repUserId,
      launchedAt: org.clock.now(),
    });
    await waitFor(async () => (await enrollmentSteps(org.screen, enrollmentId)).length === 3, 'the plan');

    await service.tick(); // the Day 1 call opens at launch
    const callKey = `${enrollmentId}:${campaign.stepIds.call}`;
    const [task] = await tasksOf(org.screen, callKey);
    expect(task).toMatchObject({
      OwnerId: org.emulator.repUserId,
      WhoId: contact,
      WhatId: enrollmentId,
      ActivityDate: '2026-04-30',
      Type: 'Call',
      Subject: 'Call: Intro call',
      IsClosed: false,
    });
    let steps = await enrollmentSteps(org.screen, enrollmentId);
    expect(stepOf(steps, campaign.stepIds.call)).toMatchObject({
      Status__c: 'Task_Open',
      Task_Id__c: task!.Id,
    });
    expect(stepOf(steps, campaign.stepIds.email)).toMatchObject({ Status__c: 'Pending' });
    await service.tick();
    expect(await tasksOf(org.screen, callKey)).toHaveLength(1); // never twice

    // Completed on Monday 4 May in the standard task UI: two campaign days late (Fri 1, Mon 4).
    org.emulator.clock.set(Date.parse('2026-05-04T08:00:00Z'));
    await update(org.screen, 'Task', { Id: task!.Id, Status: 'Completed' });
    await service.tick();
    steps = await enrollmentSteps(org.screen, enrollmentId);
    expect(stepOf(steps, campaign.stepIds.call)).toMatchObject({ Status__c: 'Completed' });
    expect(stepOf(steps, campaign.stepIds.email)).toMatchObject({ Status__c: 'Scheduled' });
    // Day 2 was Friday 1 May at the default 09:00 Paris; two days later it is Tuesday 5 May.
    expect(iso(stepOf(steps, campaign.stepIds.email).Scheduled_At__c)).toBe('2026-05-05T07:00:00Z');
    expect(stepOf(steps, campaign.stepIds.linkedin)).toMatchObject({
      Due_Date__c: '2026-05-06',
      Status__c: 'Scheduled',
    });
    expect(await enrollmentRecord(org.screen, enrollmentId)).toMatchObject({ Shift_Days__c: 2 });

    // Day 3's task opens when its day begins (Wednesday 6 May, midnight in Paris), not before.
    org.emulator.clock.set(Date.parse('2026-05-05T21:59:00Z'));
    await service.tick();
    const linkedinKey = `${enrollmentId}:${campaign.stepIds.linkedin}`;
    expect(await tasksOf(org.screen, linkedinKey)).toHaveLength(0);
    org.emulator.clock.set(Date.parse('2026-05-05T22:00:00Z'));
    await service.tick();
    const [linkedinTask] = await tasksOf(org.screen, linkedinKey);
    expect(linkedinTask).toMatchObject({ ActivityDate: '2026-05-06', Type: 'Other', IsClosed: false });

    // Completed from Command Center: the step says Completed, the service closes the Task.
    const linkedinStep = stepOf(await enrollmentSteps(org.screen, enrollmentId), campaign.stepIds.linkedin);
    await update(org.screen, 'Enrollment_Step__c', {
      Id: linkedinStep.Id,
      Status__c: 'Completed',
      Completed_At__c: new Date(org.clock.now()).toISOString(),
    });
    await waitFor(
      async () => (await tasksOf(org.screen, linkedinKey))[0]?.IsClosed === true,
      'the Task closed',
    );
    expect(
      org.emulator.inspect.platformEvents().filter((e) => e.payload.Kind__c === 'task_opened'),
    ).toHaveLength(2);
  });

  it("gives a lead's task no WhatId", async () => {
    const campaign = await createCampaign(org.screen, {
      steps: [{ key: 'call', day: 1, order: 1, type: 'Call' }],
    });
    const lead = await createLead(org.screen);
    org.emulator.clock.set(Date.parse('2026-05-06T08:00:00Z'));
    const enrollmentId = await enroll(org.screen, {
      campaignId: campaign.id,
      personId: lead,
      ownerId: org.emulator.repUserId,
      launchedAt: org.clock.now(),
    });
    await waitFor(async () => (await enrollmentSteps(org.screen, enrollmentId)).length === 1, 'the plan');
    await service.tick();
    const [task] = await tasksOf(org.screen, `${enrollmentId}:${campaign.stepIds.call}`);
    expect(task).toMatchObject({ WhoId: lead, WhatId: null });
  });

  it('titles a personal email task with field names, never a raw merge token', async () => {
    const campaign = await createCampaign(org.screen, {
      steps: [
        {
          key: 'email',
          day: 1,
          order: 1,
          type: 'Email',
          sendOption: 'Manual_Task',
          subject: 'An idea for {!Contact.Account.Name}, {{{Recipient.FirstName}}}',
        },
      ],
    });
    const contact = await createContact(org.screen);
    const enrollmentId = await enroll(org.screen, {
      campaignId: campaign.id,
      personId: contact,
      ownerId: org.emulator.repUserId,
      launchedAt: org.clock.now(),
    });
    await waitFor(async () => (await enrollmentSteps(org.screen, enrollmentId)).length === 1, 'the plan');
    await service.tick();
    const [task] = await tasksOf(org.screen, `${enrollmentId}:${campaign.stepIds.email}`);
    expect(task).toMatchObject({ Type: 'Email', Subject: 'Email: An idea for [Account.Name], [FirstName]' });
  });
});
