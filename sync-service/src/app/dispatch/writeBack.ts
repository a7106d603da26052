// Writes a dispatch batch's outcomes to the org in a handful of calls: the logged Tasks, the
// manual emails' own tasks completed, the Enrollment_Step__c updates, the enrollments that ended
// and the Live Feed events — each kind one batched write (sObject Collections inside Composite)
// whatever the batch size. A record that fails is reported on its step's Error__c in one more
// batched update and never stops the others.
import type { Logger } from 'pino';
import type { ActivityEvent, CampaignOrg, OrgRecord, RecordOutcome } from '../ports/campaignOrg.ts';
import type { Clock } from '../ports/clock.ts';
import type { SyncStore } from '../ports/syncStore.ts';
import { createLoggedTasks } from './createLoggedTasks.ts';

export interface LoggedTask {
  stepKey: string;
  /** The step's Enrollment_Step__c id, to carry the new task's id and any error. */
  stepRecordId: string;
  record: OrgRecord;
}

export class WriteBackBatch {
  readonly stepUpdates = new Map<string, OrgRecord>();
  readonly taskCreates: LoggedTask[] = [];
  readonly taskCompletions: Array<{ stepRecordId: string; record: OrgRecord }> = [];
  readonly enrollmentUpdates = new Map<string, { stepRecordId: string | null; record: OrgRecord }>();
  readonly events: ActivityEvent[] = [];

  updateStep(record: OrgRecord & { Id: string }): void {
    this.stepUpdates.set(record.Id, { ...(this.stepUpdates.get(record.Id) ?? {}), ...record });
  }

  updateEnrollment(record: OrgRecord & { Id: string }, stepRecordId: string | null): void {
    const known = this.enrollmentUpdates.get(record.Id);
    this.enrollmentUpdates.set(record.Id, {
      stepRecordId: known?.stepRecordId ?? stepRecordId,
      record: { ...(known?.record ?? {}), ...record },
    });
  }

  get isEmpty(): boolean {
    return (
      this.stepUpdates.size +
        this.taskCreates.length +
        this.taskCompletions.length +
        this.enrollmentUpdates.size +
        this.events.length ===
      0
    );
  }
}

export interface WriteBackReport {
  recordErrors: number;
}

function describe(outcome: RecordOutcome): string {
  return outcome.ok ? '' : outcome.errors.map((e) => `${e.code}: ${e.message}`).join('; ');
}

export async function writeBack(
  batch: WriteBackBatch,
  deps: { org: CampaignOrg; store: SyncStore; clock: Clock; logger: Logger; now: number },
): Promise<WriteBackReport> {
  const { org, store, logger } = deps;
  const errors = new Map<string, string[]>();
  const noteError = (stepRecordId: string | null, what: string, outcome: RecordOutcome) => {
    logger.warn({ stepRecordId, what, error: describe(outcome) }, 'record-level write failed');
    if (stepRecordId)
      errors.set(stepRecordId, [...(errors.get(stepRecordId) ?? []), `${what}: ${describe(outcome)}`]);
  };

  if (batch.taskCreates.length > 0) {
    const outcomes = await createLoggedTasks(batch.taskCreates, { org, clock: deps.clock });
    for (const [i, task] of batch.taskCreates.entries()) {
      const outcome = outcomes[i]!;
      if (outcome.ok) {
        await store.recordTaskId(task.stepKey, outcome.id, deps.now);
        batch.updateStep({ Id: task.stepRecordId, Task_Id__c: outcome.id });
      } else noteError(task.stepRecordId, 'logging the email as a Task', outcome);
    }
  }

  if (batch.taskCompletions.length > 0) {
    const outcomes = await org.updateTasks(batch.taskCompletions.map((t) => t.record));
    outcomes.forEach(
      (o, i) => o.ok || noteError(batch.taskCompletions[i]!.stepRecordId, 'completing the email task', o),
    );
  }

  const steps = [...batch.stepUpdates.values()];
  if (steps.length > 0) {
    const outcomes = await org.updateEnrollmentSteps(steps);
    outcomes.forEach((o, i) => o.ok || noteError(String(steps[i]!.Id), 'updating the step', o));
  }

  const enrollments = [...batch.enrollmentUpdates.values()];
  if (enrollments.length > 0) {
    const outcomes = await org.updateEnrollments(enrollments.map((e) => e.record));
    outcomes.forEach(
      (o, i) =>
        o.ok ||
        noteError(
          enrollments[i]!.stepRecordId,
          `updating enrollment ${String(enrollments[i]!.record.Id)}`,
          o,
        ),
    );
  }

  if (batch.events.length > 0) {
    const outcomes = await org.publishActivities(batch.events);
    const failed = outcomes.filter((o) => !o.ok).length;
    // Live Feed also reads recent steps, so a lost event is logged rather than put on a record.
    if (failed > 0)
      logger.warn(
        { failed, events: batch.events.length },
        'some Campaign_Activity__e events were not published',
      );
  }

  if (errors.size > 0) {
    const records = [...errors].map(([Id, messages]) => ({
      Id,
      Error__c: messages.join('\n').slice(0, 32_000),
    }));
    const outcomes = await org.updateEnrollmentSteps(records);
    outcomes.forEach(
      (o, i) =>
        o.ok ||
        logger.error(
          { stepRecordId: records[i]!.Id, error: describe(o) },
          'could not record a write error on its step',
        ),
    );
  }
  return { recordErrors: errors.size };
}
