// Expires tasks not completed by the end of their last allowed day (DESIGN §2.3): claims open
// task items whose Expires_At__c has passed, re-checks them in the org (a task closed in the
// task UI moments ago is a completion, not an expiry), marks the steps Expired, closes the Tasks,
// reports them to Live Feed, and re-plans: the planner applies the campaign's On task expiry
// (Skip_Step shifts the rest, End_Campaign ends the person's campaign).
import type { Logger } from 'pino';
import type { ActivityEvent } from '../ports/campaignOrg.ts';
import type { EnrollmentReconciler } from '../planning/reconcileEnrollments.ts';
import type { TaskUseCaseDeps } from './openDueTasks.ts';

export class TaskExpirer {
  private readonly log: Logger;
  constructor(private readonly deps: TaskUseCaseDeps & { reconciler: EnrollmentReconciler }) {
    this.log = deps.logger.child({ component: 'expire-tasks' });
  }

  async expireDue(limit = 200): Promise<number> {
    const { org, store, clock } = this.deps;
    const now = clock.now();
    const claimed = await store.claimDue({
      kind: 'task',
      statuses: ['Task_Open'],
      dueField: 'expiresAt',
      now,
      limit,
      owner: this.deps.owner,
      leaseMs: this.deps.leaseMs,
    });
    if (claimed.length === 0) return 0;
    try {
      const steps = await org.enrollmentStepsByKeys(claimed.map((c) => c.stepKey));
      const stillOpen = steps.filter(
        (s) => s.Status__c === 'Task_Open' && (Date.parse(s.Expires_At__c ?? '') || Infinity) <= now,
      );
      const tasks = await org.tasksByIds(
        stillOpen.map((s) => s.Task_Id__c).filter((id): id is string => Boolean(id)),
      );
      const closedTaskIds = new Set(tasks.filter((t) => t.IsClosed).map((t) => t.Id));
      const expiring = stillOpen.filter((s) => !s.Task_Id__c || !closedTaskIds.has(s.Task_Id__c));
      for (const item of claimed) {
        const current = steps.find((s) => s.Step_Key__c === item.stepKey);
        if (current && current.Status__c !== item.status) {
          await store.updatePlanItems([{ stepKey: item.stepKey, status: current.Status__c as never }]);
        }
      }
      if (expiring.length === 0) return 0;

      const outcomes = await org.upsertEnrollmentSteps(
        expiring.map((s) => ({ Step_Key__c: s.Step_Key__c, Status__c: 'Expired' })),
      );
      const expired = expiring.filter((_, i) => outcomes[i]?.ok);
      const openTasks = expired
        .map((s) => s.Task_Id__c)
        .filter((id): id is string => Boolean(id) && !closedTaskIds.has(id!));
      if (openTasks.length) {
        await org.updateTasks(
          openTasks.map((id) => ({
            Id: id,
            Status: 'Completed',
            Description: 'Expired: not completed in time (Sales Campaigns)',
          })),
        );
      }
      const ownerOf = new Map(claimed.map((c) => [c.stepKey, c.ownerId]));
      const events: ActivityEvent[] = expired.map((s) => ({
        Kind__c: 'task_expired',
        Enrollment_Id__c: s.Enrollment__c,
        Enrollment_Step_Id__c: s.Id,
        Owner_Id__c: ownerOf.get(s.Step_Key__c) ?? '',
      }));
      if (events.length) await org.publishActivities(events);
      await store.updatePlanItems(
        expired.map((s) => ({ stepKey: s.Step_Key__c, status: 'Expired' as const, updatedAt: now })),
      );
      await this.deps.reconciler.reconcile([...new Set(expired.map((s) => s.Enrollment__c))]);
      this.deps.metrics.add('tasks_expired_total', expired.length);
      this.log.info({ expired: expired.length }, 'tasks expired');
      return expired.length;
    } finally {
      await store.releaseClaims(
        claimed.map((c) => c.stepKey),
        this.deps.owner,
      );
    }
  }
}
