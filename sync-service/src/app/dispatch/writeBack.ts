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
import type { ActivityEvent, CampaignOrg, OrgRecord, RecordOutcome } from '../ports/campaignOrg.ts';
import type { Clock } from '../ports/clock.ts';
import type { SyncStore } from '../ports/syncStore.ts';
import { createLoggedTasks } from './createLoggedTasks.ts';
import { nextWriteBackAttemptAt } from './writeBackRetry.ts';

export interface LoggedTask {
  stepKey: string;
  /** The step's Enrollment_Step__c id, to carry the new task's id and any error. */
  stepRecordId: string;
  record: OrgRecord;
}

/** The outbox's format of a batch. Bump the version when the shape changes: an instance meeting
 * a version it does not know leaves the entry for one that does. */
export const WRITE_BACK_FORMAT_VERSION = 1;

export interface WriteBackJson {
  version: typeof WRITE_BACK_FORMAT_VERSION;
  stepUpdates: Array<OrgRecord & { Id: string }>;
  taskCreates: LoggedTask[];
  taskCompletions: Array<{ stepRecordId: string; record: OrgRecord }>;
  enrollmentUpdates: Array<{ stepRecordId: string | null; record: OrgRecord & { Id: string } }>;
  events: ActivityEvent[];
}

export class WriteBackFormatError extends Error {
  readonly code = 'DISPATCH.WRITE_BACK_FORMAT';
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

  /** Plain JSON for the outbox (the maps become lists of records, each carrying its Id). */
  toJSON(): WriteBackJson {
    return {
      version: WRITE_BACK_FORMAT_VERSION,
      stepUpdates: [...this.stepUpdates].map(([Id, record]) => ({ ...record, Id })),
      taskCreates: this.taskCreates.map((t) => ({ ...t, record: { ...t.record } })),
      taskCompletions: this.taskCompletions.map((t) => ({ ...t, record: { ...t.record } })),
      enrollmentUpdates: [...this.enrollmentUpdates].map(([Id, update]) => ({
        stepRecordId: update.stepRecordId,
        record: { ...update.record, Id },
      })),
      events: this.events.map((e) => ({ ...e })),
    };
  }

  /** The batch an outbox entry holds; `where` names the entry in errors. */
  static fromJSON(json: unknown, where: string): WriteBackBatch {
    const bad = (what: string): never => {
      throw new WriteBackFormatError(`${where}: ${what}`);
    };
    if (!isObject(json)) return bad(`not a write-back batch: ${JSON.stringify(json)?.slice(0, 80)}`);
    if (json.version !== WRITE_BACK_FORMAT_VERSION)
      return bad(
        `format version ${JSON.stringify(json.version)} is not ${WRITE_BACK_FORMAT_VERSION}; ` +
          'an instance of the matching service version must replay it',
      );
    const list = (key: keyof WriteBackJson): unknown[] =>
      Array.isArray(json[key]) ? (json[key] as unknown[]) : bad(`${key} is not a list`);
    const record = (value: unknown, what: string, needsId: boolean): OrgRecord => {
      if (!isObject(value) || (needsId && typeof value.Id !== 'string'))
        return bad(`${what} is not a record${needsId ? ' with an Id' : ''}: ${JSON.stringify(value)}`);
      return { ...value };
    };
    const batch = new WriteBackBatch();
    list('stepUpdates').forEach((value, i) => {
      batch.updateStep(record(value, `stepUpdates[${i}]`, true) as OrgRecord & { Id: string });
    });
    list('taskCreates').forEach((value, i) => {
      if (!isObject(value) || typeof value.stepKey !== 'string' || typeof value.stepRecordId !== 'string')
        bad(`taskCreates[${i}] lacks its stepKey or stepRecordId`);
      const task = value as Record<string, unknown>;
      batch.taskCreates.push({
        stepKey: task.stepKey as string,
        stepRecordId: task.stepRecordId as string,
        record: record(task.record, `taskCreates[${i}].record`, false),
      });
    });
    list('taskCompletions').forEach((value, i) => {
      if (!isObject(value) || typeof value.stepRecordId !== 'string')
        bad(`taskCompletions[${i}] lacks its stepRecordId`);
      const completion = value as Record<string, unknown>;
      batch.taskCompletions.push({
        stepRecordId: completion.stepRecordId as string,
        record: record(completion.record, `taskCompletions[${i}].record`, true),
      });
    });
    list('enrollmentUpdates').forEach((value, i) => {
      const stepRecordId = isObject(value) ? value.stepRecordId : undefined;
      if (stepRecordId !== null && typeof stepRecordId !== 'string')
        bad(`enrollmentUpdates[${i}] lacks its stepRecordId`);
      const update = record(
        (value as Record<string, unknown>).record,
        `enrollmentUpdates[${i}].record`,
        true,
      );
      batch.updateEnrollment(update as OrgRecord & { Id: string }, stepRecordId as string | null);
    });
    list('events').forEach((value, i) => {
      const event = record(value, `events[${i}]`, false);
      if (typeof event.Kind__c !== 'string' || typeof event.Enrollment_Id__c !== 'string')
        bad(`events[${i}] is not a Campaign_Activity__e: ${JSON.stringify(value)}`);
      batch.events.push(event as unknown as ActivityEvent);
    });
    return batch;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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
