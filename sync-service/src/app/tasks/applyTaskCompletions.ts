// Task completions from both places a rep can complete one:
// - Salesforce's own task UI: Task is not on CDC, so tasks carrying Campaign_Step_Key__c are
//   polled by SystemModstamp; a closed task completes its step (Completed_At__c = when it closed);
// - Command Center: the screen marks the step Completed or Skipped (seen on CDC); the service
//   then closes the Salesforce Task so the rep's task list agrees.
// Either way the enrollment is re-planned (a late completion shifts the rest, DESIGN §2.3).
import type { Logger } from 'pino';
import { formatInstant } from '../../domain/index.ts';
import type { CampaignOrg, EnrollmentStepRecord } from '../ports/campaignOrg.ts';
import type { Clock } from '../ports/clock.ts';
import type { SyncStore } from '../ports/syncStore.ts';
import type { SyncMetrics } from '../syncMetrics.ts';
import { retryIfTransient, type EnrollmentReconciler } from '../planning/reconcileEnrollments.ts';

const CURSOR = 'task-poll.systemModstamp';
/** SystemModstamp is not strictly monotonic across transactions: re-read a small overlap. */
const OVERLAP_MS = 60_000;
/** On first start, look this far back for completions. */
const FIRST_LOOKBACK_MS = 7 * 24 * 3_600_000;

export interface TaskCompletionDeps {
  org: CampaignOrg;
  store: SyncStore;
  clock: Clock;
  logger: Logger;
  metrics: SyncMetrics;
  reconciler: EnrollmentReconciler;
}

export class TaskCompletions {
  private readonly log: Logger;
  constructor(private readonly deps: TaskCompletionDeps) {
    this.log = deps.logger.child({ component: 'task-completions' });
  }

  /** Polls tasks changed since the saved cursor; returns how many steps were completed. */
  async poll(): Promise<number> {
    const { org, store, clock } = this.deps;
    const saved = await store.cursor(CURSOR);
    const since = saved ? Date.parse(saved) - OVERLAP_MS : clock.now() - FIRST_LOOKBACK_MS;
    const tasks = await org.campaignTasksChangedSince(formatInstant(Math.max(0, since)));
    const closed = tasks.filter((t) => t.IsClosed && t.Campaign_Step_Key__c);
    let completed = 0;
    if (closed.length > 0) {
      const steps = await org.enrollmentStepsByKeys(closed.map((t) => t.Campaign_Step_Key__c!));
      const byKey = new Map(steps.map((s) => [s.Step_Key__c, s]));
      const writes = [];
      const enrollmentIds = new Set<string>();
      for (const task of closed) {
        const step = byKey.get(task.Campaign_Step_Key__c!);
        // Only an open task step completes; an expired or Command-Center-completed one is done.
        if (!step || step.Status__c !== 'Task_Open') continue;
        if (step.Task_Id__c && step.Task_Id__c !== task.Id) continue; // a stray duplicate task
        const at = task.CompletedDateTime ?? task.LastModifiedDate ?? task.SystemModstamp;
        writes.push({ Step_Key__c: step.Step_Key__c, Status__c: 'Completed', Completed_At__c: at });
        enrollmentIds.add(step.Enrollment__c);
      }
      if (writes.length > 0) {
        const outcomes = await org.upsertEnrollmentSteps(writes);
        completed = outcomes.filter((o) => o.ok).length;
        for (const [i, outcome] of outcomes.entries()) {
          if (!outcome.ok)
            this.log.error(
              { stepKey: writes[i]!.Step_Key__c, errors: outcome.errors },
              'could not complete the step',
            );
        }
        // The cursor stays put if re-planning could not be written: the next poll does it again.
        retryIfTransient(await this.deps.reconciler.reconcile([...enrollmentIds]), 'task completions');
        this.deps.metrics.add('tasks_completed_total', completed);
        this.log.info({ completed }, 'task completions from the task UI applied');
      }
    }
    // The cursor moves only after the completions above are written and re-planned.
    const newest = tasks.reduce(
      (max, t) => Math.max(max, Date.parse(t.SystemModstamp) || 0),
      saved ? Date.parse(saved) : 0,
    );
    if (newest > 0) await store.saveCursor(CURSOR, formatInstant(newest), clock.now());
    else if (!saved) await store.saveCursor(CURSOR, formatInstant(Math.max(0, since)), clock.now());
    return completed;
  }

  /** The sweep's check: open Tasks whose step is already done (a Command Center completion
   * whose change event was missed during an outage) are closed. */
  async closeTasksOfDoneSteps(): Promise<number> {
    const open = await this.deps.org.openCampaignTasks();
    if (open.length === 0) return 0;
    const steps = await this.deps.org.enrollmentStepsByKeys(open.map((t) => t.Campaign_Step_Key__c!));
    const withTask = steps.map((s) => {
      const task = open.find((t) => t.Campaign_Step_Key__c === s.Step_Key__c);
      return { ...s, Task_Id__c: s.Task_Id__c ?? task?.Id ?? null };
    });
    const before = this.deps.metrics.get('tasks_completed_total');
    await this.closeTasksOfFinishedSteps(withTask);
    return this.deps.metrics.get('tasks_completed_total') - before;
  }

  /** Steps Command Center marked Completed or Skipped: close their still-open Tasks. */
  async closeTasksOfFinishedSteps(steps: EnrollmentStepRecord[]): Promise<void> {
    const finished = steps.filter(
      (s) => (s.Status__c === 'Completed' || s.Status__c === 'Skipped') && s.Task_Id__c,
    );
    if (finished.length === 0) return;
    const tasks = await this.deps.org.tasksByIds(finished.map((s) => s.Task_Id__c!));
    const open = tasks.filter((t) => !t.IsClosed);
    if (open.length === 0) return;
    const outcomes = await this.deps.org.updateTasks(open.map((t) => ({ Id: t.Id, Status: 'Completed' })));
    this.deps.metrics.add('tasks_completed_total', finished.length);
    const failed = outcomes.filter((o) => !o.ok).length;
    if (failed) this.log.warn({ failed }, 'some tasks completed in Command Center could not be closed');
  }
}
