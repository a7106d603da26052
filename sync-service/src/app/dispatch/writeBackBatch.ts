// A dispatch batch's writes to the org, gathered while outcomes are applied, and their JSON form
// for the write-back outbox (versioned: an instance meeting a version it does not know leaves the
// entry for one that does).
import type { ActivityEvent, OrgRecord } from '../ports/campaignOrg.ts';

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
