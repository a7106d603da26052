// Routes a batch of change events from the CDC channel to the use cases. The whole batch becomes
// one re-plan of the enrollments it touches (bursts coalesce: one query per kind of record per
// batch). The service's own writes are skipped: every one of them was made by a use case that
// already updated its own state.
import type { Logger } from 'pino';
import type { ChangeEvent } from '../ports/changeStream.ts';
import type { CampaignOrg, EnrollmentStepRecord } from '../ports/campaignOrg.ts';
import type { SyncStore } from '../ports/syncStore.ts';
import type { SyncMetrics } from '../syncMetrics.ts';
import { retryIfTransient, type EnrollmentReconciler } from '../planning/reconcileEnrollments.ts';
import type { TaskCompletions } from '../tasks/applyTaskCompletions.ts';

export interface ChangeEventDeps {
  org: CampaignOrg;
  store: SyncStore;
  logger: Logger;
  metrics: SyncMetrics;
  reconciler: EnrollmentReconciler;
  completions: TaskCompletions;
  /** Steps whose status a screen changed (Send_Requested, Cancelled …), for the dispatcher. */
  onStepRecords?: (records: EnrollmentStepRecord[]) => Promise<void>;
}

/** Step statuses the dispatcher owns: they do not change the plan by themselves. */
const DISPATCH_STATUSES = new Set(['Send_Requested', 'Sending']);

/** Campaign fields whose change re-plans every enrollment of the campaign. */
const CAMPAIGN_PLANNING_FIELDS = new Set([
  'Status__c',
  'Skip_Weekends__c',
  'Skip_Holidays__c',
  'Default_Send_Time__c',
  'Task_Expiry_Days__c',
  'On_Task_Expiry__c',
]);

export class ChangeEventApplier {
  private readonly log: Logger;
  constructor(private readonly deps: ChangeEventDeps) {
    this.log = deps.logger.child({ component: 'apply-change-events' });
  }

  async apply(events: ChangeEvent[]): Promise<void> {
    const { org, store, metrics } = this.deps;
    const enrollments = new Map<string, number>(); // id → latest commit time seen
    const touch = (id: string, at: number) => enrollments.set(id, Math.max(enrollments.get(id) ?? 0, at));
    const statusChangedStepIds = new Set<string>();
    const changedStepIds = new Set<string>();
    const campaigns = new Set<string>();
    let own = 0;

    for (const event of events) {
      if (event.ownWrite) {
        own += 1;
        continue;
      }
      switch (event.entityName) {
        case 'Campaign_Enrollment__c':
          if (event.changeType === 'DELETE')
            for (const id of event.recordIds) await store.forgetEnrollment(id);
          else for (const id of event.recordIds) touch(id, event.commitTimestamp);
          break;
        case 'Enrollment_Step__c':
          // Command Center: completed, skipped, or a manual email sent (Completed); the
          // dispatcher handles Send_Requested itself.
          if (event.changeType === 'UPDATE' && event.changedFields.includes('Status__c')) {
            for (const id of event.recordIds) statusChangedStepIds.add(id);
          }
          break;
        case 'Campaign_Step__c':
          if (typeof event.fields.Campaign__c === 'string') campaigns.add(event.fields.Campaign__c);
          else for (const id of event.recordIds) changedStepIds.add(id);
          break;
        case 'Sales_Campaign__c':
          if (
            event.changeType === 'UPDATE' &&
            event.changedFields.some((f) => CAMPAIGN_PLANNING_FIELDS.has(f))
          ) {
            for (const id of event.recordIds) campaigns.add(id);
          }
          break;
        default:
          break;
      }
    }
    metrics.add('own_events_skipped_total', own);

    if (statusChangedStepIds.size > 0) {
      const steps = await org.enrollmentStepsByIds([...statusChangedStepIds]);
      await this.deps.completions.closeTasksOfFinishedSteps(steps);
      if (this.deps.onStepRecords) await this.deps.onStepRecords(steps);
      const at = Math.max(...events.map((e) => e.commitTimestamp));
      for (const step of steps) if (!DISPATCH_STATUSES.has(step.Status__c)) touch(step.Enrollment__c, at);
    }
    if (changedStepIds.size > 0)
      for (const id of await org.campaignIdsOfSteps([...changedStepIds])) campaigns.add(id);
    if (campaigns.size > 0) {
      const at = Math.max(...events.map((e) => e.commitTimestamp));
      for (const id of await org.enrollmentIdsOfCampaigns([...campaigns])) touch(id, at);
    }
    if (enrollments.size > 0) {
      const summary = await this.deps.reconciler.reconcile([...enrollments.keys()], {
        observedAt: Math.max(...enrollments.values()),
      });
      // A write that kept failing for a passing reason fails the batch: the stream retries it
      // and its replay position does not move past it.
      retryIfTransient(summary, 'change events');
    }
    metrics.add('events_applied_total', events.length - own);
    this.log.debug(
      { events: events.length, own, enrollments: enrollments.size, campaigns: campaigns.size },
      'change events applied',
    );
  }
}
