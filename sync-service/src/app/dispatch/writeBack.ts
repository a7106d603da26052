// Writes a dispatch batch's outcomes to the org in a handful of calls: the logged Tasks, the
// manual emails' own tasks completed, the Enrollment_Step__c updates, the enrollments that ended
// and the Live Feed events — each kind one batched write (sObject Collections inside Composite)
// whatever the batch size. A record that fails is reported on its step's Error__c in one more
// batched update and never stops the others.
//
// The batch also lives in the store's write-back outbox (saved with the outcomes in one
// transaction, see SyncStore.recordOutcomes): given its entry, a write-back deletes it once
// everything landed, and otherwise keeps in it exactly what failed for a passing reason (locks,
// 5xx, limits, an unreachable org) for replayWriteBacks.ts to try again. So the org never stays
// `Scheduled` for an email the store knows was sent.
import type { Logger } from 'pino';
import type { CampaignOrg, OrgRecord, RecordOutcome } from '../ports/campaignOrg.ts';
import type { Clock } from '../ports/clock.ts';
import type { SyncStore } from '../ports/syncStore.ts';
import { createLoggedTasks } from './createLoggedTasks.ts';
import { nextWriteBackAttemptAt } from './writeBackRetry.ts';
import { WriteBackBatch } from './writeBackBatch.ts';

export interface WriteBackReport {
  recordErrors: number;
  /** Writes that failed for a passing reason and stay in the outbox for a replay. */
  deferred: number;
}

export interface WriteBackDeps {
  org: CampaignOrg;
  store: SyncStore;
  clock: Clock;
  logger: Logger;
  now: number;
  /** The outbox entry holding this batch; `attempts` counts this one. Without an entry, a write
   * that failed for a passing reason is reported on its step like any other failure. */
  outbox?: { entryId: string; owner: string; attempts: number } | undefined;
  /** A replay: an interrupted attempt may have created some logged Tasks already. */
  replay?: boolean;
}

function describe(outcome: RecordOutcome): string {
  return outcome.ok ? '' : outcome.errors.map((e) => `${e.code}: ${e.message}`).join('; ');
}

/** A failure worth another try later: it kept failing for a reason that passes, or a create
 * may have committed (a replay looks the Task up before creating it again). */
function passing(outcome: RecordOutcome): boolean {
  return !outcome.ok && (outcome.transient === true || outcome.unknownOutcome === true);
}

export async function writeBack(batch: WriteBackBatch, deps: WriteBackDeps): Promise<WriteBackReport> {
  const { store, outbox } = deps;
  try {
    const { report, left, deferred } = await writeAll(batch, deps);
    if (outbox && left.isEmpty) await store.finishWriteBack(outbox.entryId);
    else if (outbox) {
      const at = deps.clock.now();
      await store.failWriteBack(outbox.entryId, {
        owner: outbox.owner,
        error: `${deferred.length} writes did not land: ${deferred.slice(0, 5).join(' | ')}`,
        at,
        retryAt: nextWriteBackAttemptAt(at, outbox.attempts),
        payload: left.toJSON(),
      });
      deps.logger.warn(
        { entryId: outbox.entryId, deferred: deferred.length, attempts: outbox.attempts },
        'some org writes failed for a passing reason; kept in the write-back outbox',
      );
    }
    return report;
  } catch (error) {
    // Thrown (not a record-level failure): keep the whole entry as it was for a replay.
    if (outbox) {
      const at = deps.clock.now();
      await store
        .failWriteBack(outbox.entryId, {
          owner: outbox.owner,
          error: (error as Error)?.message ?? String(error),
          at,
          retryAt: nextWriteBackAttemptAt(at, outbox.attempts),
        })
        .catch((stored: unknown) =>
          deps.logger.error(
            { entryId: outbox.entryId, err: (stored as Error).message },
            'could not record a failed write-back; it is replayed once its lease runs out',
          ),
        );
    }
    throw error;
  }
}

async function writeAll(
  batch: WriteBackBatch,
  deps: WriteBackDeps,
): Promise<{ report: WriteBackReport; left: WriteBackBatch; deferred: string[] }> {
  const { org, store, logger } = deps;
  const errors = new Map<string, string[]>();
  const left = new WriteBackBatch();
  const deferred: string[] = [];
  const noteError = (stepRecordId: string | null, what: string, outcome: RecordOutcome) => {
    logger.warn({ stepRecordId, what, error: describe(outcome) }, 'record-level write failed');
    if (stepRecordId)
      errors.set(stepRecordId, [...(errors.get(stepRecordId) ?? []), `${what}: ${describe(outcome)}`]);
  };
  /** Keeps a failed write for a replay when it may pass later, else reports it on its step. */
  const failed = (stepRecordId: string | null, what: string, outcome: RecordOutcome, keep: () => void) => {
    if (deps.outbox && passing(outcome)) {
      deferred.push(`${what}: ${describe(outcome)}`);
      keep();
    } else noteError(stepRecordId, what, outcome);
  };

  if (batch.taskCreates.length > 0) {
    const outcomes = await createLoggedTasks(batch.taskCreates, {
      org,
      clock: deps.clock,
      lookUpFirst: deps.replay === true,
    });
    for (const [i, task] of batch.taskCreates.entries()) {
      const outcome = outcomes[i]!;
      if (outcome.ok) {
        await store.recordTaskId(task.stepKey, outcome.id, deps.now);
        batch.updateStep({ Id: task.stepRecordId, Task_Id__c: outcome.id });
      } else
        failed(task.stepRecordId, 'logging the email as a Task', outcome, () => left.taskCreates.push(task));
    }
  }

  if (batch.taskCompletions.length > 0) {
    const outcomes = await org.updateTasks(batch.taskCompletions.map((t) => t.record));
    outcomes.forEach((o, i) => {
      const completion = batch.taskCompletions[i]!;
      if (!o.ok)
        failed(completion.stepRecordId, 'completing the email task', o, () =>
          left.taskCompletions.push(completion),
        );
    });
  }

  const steps = [...batch.stepUpdates.values()];
  if (steps.length > 0) {
    const outcomes = await org.updateEnrollmentSteps(steps);
    outcomes.forEach((o, i) => {
      const step = steps[i]! as OrgRecord & { Id: string };
      if (!o.ok) failed(step.Id, 'updating the step', o, () => left.updateStep(step));
    });
  }

  const enrollments = [...batch.enrollmentUpdates.values()];
  if (enrollments.length > 0) {
    const outcomes = await org.updateEnrollments(enrollments.map((e) => e.record));
    outcomes.forEach((o, i) => {
      const update = enrollments[i]!;
      if (!o.ok)
        failed(update.stepRecordId, `updating enrollment ${String(update.record.Id)}`, o, () =>
          left.updateEnrollment(update.record as OrgRecord & { Id: string }, update.stepRecordId),
        );
    });
  }

  if (batch.events.length > 0) {
    // A replay may publish an event a second time (an interrupted attempt may have published it):
    // Live Feed tolerates that, its events carry ids only and it re-reads the records they name.
    const outcomes = await org.publishActivities(batch.events);
    let lost = 0;
    outcomes.forEach((o, i) => {
      if (o.ok) return;
      if (deps.outbox && passing(o)) {
        deferred.push(`publishing ${batch.events[i]!.Kind__c}: ${describe(o)}`);
        left.events.push(batch.events[i]!);
      } else lost += 1;
    });
    // Live Feed also reads recent steps, so a lost event is logged rather than put on a record.
    if (lost > 0)
      logger.warn(
        { failed: lost, events: batch.events.length },
        'some Campaign_Activity__e events were not published',
      );
  }

  if (errors.size > 0) {
    const records = [...errors].map(([Id, messages]) => ({
      Id,
      Error__c: messages.join('\n').slice(0, 32_000),
    }));
    const outcomes = await org.updateEnrollmentSteps(records);
    outcomes.forEach((o, i) => {
      if (o.ok) return;
      if (deps.outbox && passing(o)) {
        deferred.push(`recording an error on step ${records[i]!.Id}: ${describe(o)}`);
        left.updateStep(records[i]!);
      } else
        logger.error(
          { stepRecordId: records[i]!.Id, error: describe(o) },
          'could not record a write error on its step',
        );
    });
  }
  return { report: { recordErrors: errors.size, deferred: deferred.length }, left, deferred };
}
