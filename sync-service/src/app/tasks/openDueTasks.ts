// Opens the Salesforce Task of each manual step whose day has begun (Day 1 tasks at launch):
// claims due task items with a lease, re-checks them in the org, looks each step key up before
// creating (a retried or crashed create may already have made the Task), creates the rest in one
// batch, then marks the steps Task_Open with Task_Id__c and announces them to Live Feed.
import type { Logger } from 'pino';
import type { ActivityEvent, CampaignOrg, OrgRecord } from '../ports/campaignOrg.ts';
import type { Clock } from '../ports/clock.ts';
import type { PlanItem, SyncStore } from '../ports/syncStore.ts';
import type { SyncMetrics } from '../syncMetrics.ts';
import { LIVE_STATUSES } from '../planning/loadEnrollmentBatch.ts';
import { taskRecordFor } from './taskContent.ts';

export interface TaskUseCaseDeps {
  org: CampaignOrg;
  store: SyncStore;
  clock: Clock;
  logger: Logger;
  metrics: SyncMetrics;
  /** Lease holder name (the instance id). */
  owner: string;
  leaseMs: number;
}

export class DueTaskOpener {
  private readonly log: Logger;
  constructor(private readonly deps: TaskUseCaseDeps) {
    this.log = deps.logger.child({ component: 'open-due-tasks' });
  }

  /** Opens up to `limit` due tasks; returns how many were opened (or found already open). */
  async openDue(limit = 200): Promise<number> {
    const { store, clock } = this.deps;
    const now = clock.now();
    const claimed = await store.claimDue({
      kind: 'task',
      statuses: ['Scheduled'],
      dueField: 'dueAt',
      now,
      limit,
      owner: this.deps.owner,
      leaseMs: this.deps.leaseMs,
    });
    if (claimed.length === 0) return 0;
    try {
      return await this.open(claimed, now);
    } finally {
      await store.releaseClaims(
        claimed.map((c) => c.stepKey),
        this.deps.owner,
      );
    }
  }

  private async open(claimed: PlanItem[], now: number): Promise<number> {
    const { org, store } = this.deps;
    const keys = claimed.map((c) => c.stepKey);
    const [orgSteps, enrollments, steps, existingTasks] = await Promise.all([
      org.enrollmentStepsByKeys(keys),
      org.enrollments([...new Set(claimed.map((c) => c.enrollmentId))]),
      org.stepsByIds([...new Set(claimed.map((c) => c.stepId))]),
      org.tasksByStepKeys(keys),
    ]);
    const stepByKey = new Map(orgSteps.map((s) => [s.Step_Key__c, s]));
    const enrollmentById = new Map(enrollments.map((e) => [e.Id, e]));
    const stepById = new Map(steps.map((s) => [s.Id, s]));
    const taskByKey = new Map<string, string>();
    for (const task of existingTasks)
      if (task.Campaign_Step_Key__c) taskByKey.set(task.Campaign_Step_Key__c, task.Id);

    const toCreate: Array<{ item: PlanItem; record: OrgRecord }> = [];
    const opened: Array<{ item: PlanItem; taskId: string }> = [];
    for (const item of claimed) {
      const orgStep = stepByKey.get(item.stepKey);
      const enrollment = enrollmentById.get(item.enrollmentId);
      const step = stepById.get(item.stepId);
      if (
        !orgStep ||
        orgStep.Status__c !== 'Scheduled' ||
        !enrollment ||
        enrollment.Status__c !== 'Active' ||
        !step
      ) {
        // Taken over (skipped, completed, paused …) since it was planned: mirror the org's status.
        if (orgStep && orgStep.Status__c !== item.status)
          await store.updatePlanItems([
            { stepKey: item.stepKey, status: orgStep.Status__c as PlanItem['status'] },
          ]);
        if (enrollment && !LIVE_STATUSES.has(enrollment.Status__c))
          await store.forgetEnrollment(enrollment.Id);
        continue;
      }
      const known = taskByKey.get(item.stepKey) ?? (await store.taskIdsFor(item.stepKey))[0];
      if (known) opened.push({ item, taskId: known });
      else
        toCreate.push({
          item,
          record: taskRecordFor({
            enrollment,
            step,
            stepKey: item.stepKey,
            dueDate: item.dueDate ?? orgStep.Due_Date__c ?? '',
          }),
        });
    }

    if (toCreate.length > 0) {
      const outcomes = await org.createTasks(toCreate.map((t) => t.record));
      const errors: OrgRecord[] = [];
      for (const [i, outcome] of outcomes.entries()) {
        const { item } = toCreate[i]!;
        if (outcome.ok) {
          await store.recordTaskId(item.stepKey, outcome.id, now);
          opened.push({ item, taskId: outcome.id });
        } else if (outcome.unknownOutcome) {
          // Maybe created: the next round looks the key up before creating again.
          this.log.warn({ stepKey: item.stepKey }, 'task create outcome unknown; will look it up next round');
        } else {
          const message = outcome.errors.map((e) => `${e.code}: ${e.message}`).join('; ');
          this.log.error({ stepKey: item.stepKey, error: message }, 'task create refused');
          errors.push({ Step_Key__c: item.stepKey, Error__c: `Task not created: ${message}`.slice(0, 255) });
        }
      }
      if (errors.length) await org.upsertEnrollmentSteps(errors);
    }
    if (opened.length === 0) return 0;

    const stepOutcomes = await org.upsertEnrollmentSteps(
      opened.map(({ item, taskId }) => ({
        Step_Key__c: item.stepKey,
        Status__c: 'Task_Open',
        Task_Id__c: taskId,
      })),
    );
    const events: ActivityEvent[] = [];
    let count = 0;
    for (const [i, outcome] of stepOutcomes.entries()) {
      const { item, taskId } = opened[i]!;
      await store.recordTaskId(item.stepKey, taskId, now);
      if (!outcome.ok) {
        this.log.error(
          { stepKey: item.stepKey, errors: outcome.errors },
          'could not mark the step Task_Open',
        );
        continue;
      }
      await store.updatePlanItems([
        {
          stepKey: item.stepKey,
          status: 'Task_Open',
          taskId,
          recordId: outcome.id || item.recordId,
          updatedAt: now,
        },
      ]);
      events.push({
        Kind__c: 'task_opened',
        Enrollment_Id__c: item.enrollmentId,
        Enrollment_Step_Id__c: outcome.id || item.recordId,
        Owner_Id__c: item.ownerId,
      });
      count += 1;
    }
    if (events.length) await org.publishActivities(events);
    this.deps.metrics.add('tasks_opened_total', count);
    this.log.info({ opened: count }, 'tasks opened');
    return count;
  }
}
