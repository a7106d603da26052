// Turns a plan into Enrollment_Step__c writes: only what differs from the org is written, only
// statuses the plan owns are touched (Pending, Scheduled, and the dates of an open task), and
// anything a rep or the dispatcher has taken over (Send_Requested, Sending, Sent, Completed,
// Skipped …) is left alone.
import { formatInstant, type EnrollmentPlan, type PlanItem as PlannedItem } from '../../domain/index.ts';
import type { EnrollmentRecord, EnrollmentStepRecord, OrgRecord } from '../ports/campaignOrg.ts';
import type { PlanItem, StepStatus } from '../ports/syncStore.ts';
import { instantOf } from './planInputFromOrg.ts';

const PLAN_OWNED: ReadonlySet<string> = new Set(['Pending', 'Scheduled']);
const LIVE: ReadonlySet<string> = new Set(['Pending', 'Scheduled', 'Task_Open']);

export function stepKeyOf(enrollmentId: string, stepId: string): string {
  return `${enrollmentId}:${stepId}`;
}

interface DesiredStep {
  status: StepStatus;
  scheduledAt: number | null;
  dueDate: string | null;
  expiresAt: number | null;
  error: string | null;
}

function desiredFor(item: PlannedItem, endedReason: string | null): DesiredStep | null {
  const dates =
    item.kind === 'send'
      ? { scheduledAt: item.at, dueDate: null, expiresAt: null }
      : { scheduledAt: item.opensAt, dueDate: item.due, expiresAt: item.expiresAt };
  switch (item.state) {
    case 'scheduled':
      return { status: 'Scheduled', ...dates, error: null };
    case 'waiting':
    case 'held':
      return { status: 'Pending', ...dates, error: null };
    case 'open':
      return { status: 'Task_Open', ...dates, error: null };
    case 'ended':
      return {
        status: 'Cancelled',
        ...dates,
        error: endedReason ?? 'Cancelled: the campaign ended for this person',
      };
    default:
      return null; // sent, completed, expired, skipped: facts the org already holds
  }
}

const sameInstant = (a: string | null, b: number | null) => instantOf(a) === b;

export interface StepWritePlan {
  /** Upserts by Step_Key__c. */
  upserts: OrgRecord[];
  /** The store's mirror of every step of the enrollment, as it will be once the upserts land. */
  items: PlanItem[];
}

export function stepWritesFor(
  enrollment: EnrollmentRecord,
  plan: EnrollmentPlan,
  existing: EnrollmentStepRecord[],
  endedReason: string | null,
  now: number,
): StepWritePlan {
  const byStep = new Map(existing.map((r) => [r.Step__c, r]));
  const upserts: OrgRecord[] = [];
  const items: PlanItem[] = [];
  for (const planned of plan.items) {
    const record = byStep.get(planned.stepId);
    const stepKey = stepKeyOf(enrollment.Id, planned.stepId);
    const desired = desiredFor(planned, endedReason);
    let status = (record?.Status__c ?? 'Pending') as StepStatus;
    let scheduledAt = instantOf(record?.Scheduled_At__c);
    let dueDate = record?.Due_Date__c ?? null;
    let expiresAt = instantOf(record?.Expires_At__c);

    const owned = !record || PLAN_OWNED.has(record.Status__c);
    const openTask = record?.Status__c === 'Task_Open';
    if (
      desired &&
      (owned || (openTask && (desired.status === 'Task_Open' || desired.status === 'Cancelled')))
    ) {
      const write: OrgRecord = { Step_Key__c: stepKey };
      if (!record) Object.assign(write, { Enrollment__c: enrollment.Id, Step__c: planned.stepId });
      if (!record || record.Status__c !== desired.status) write.Status__c = desired.status;
      // An open task keeps its due date; its expiry still follows pauses.
      if (!openTask && !sameInstant(record?.Scheduled_At__c ?? null, desired.scheduledAt)) {
        write.Scheduled_At__c = desired.scheduledAt === null ? null : formatInstant(desired.scheduledAt);
      }
      if (!openTask && (record?.Due_Date__c ?? null) !== desired.dueDate) write.Due_Date__c = desired.dueDate;
      if (!sameInstant(record?.Expires_At__c ?? null, desired.expiresAt)) {
        write.Expires_At__c = desired.expiresAt === null ? null : formatInstant(desired.expiresAt);
      }
      if (desired.error && record?.Error__c !== desired.error) write.Error__c = desired.error;
      if (Object.keys(write).length > 1) upserts.push(write);
      status = desired.status;
      if (!openTask) {
        scheduledAt = desired.scheduledAt;
        dueDate = desired.dueDate;
      }
      expiresAt = desired.expiresAt;
    }
    items.push({
      stepKey,
      enrollmentId: enrollment.Id,
      stepId: planned.stepId,
      campaignId: enrollment.Campaign__c,
      ownerId: enrollment.OwnerId,
      recordId: record?.Id ?? null,
      kind: planned.kind,
      status,
      dueAt: scheduledAt,
      dueDate,
      expiresAt,
      taskId: record?.Task_Id__c ?? null,
      dependsOn: planned.dependsOn,
      updatedAt: now,
    });
  }
  return { upserts, items };
}

/** Steps to cancel when the person's campaign has ended (removed, replied, bounced …). */
export function cancellationsFor(existing: EnrollmentStepRecord[], reason: string): OrgRecord[] {
  return existing
    .filter((r) => LIVE.has(r.Status__c))
    .map((r) => ({ Step_Key__c: r.Step_Key__c, Status__c: 'Cancelled', Error__c: reason }));
}

/** True when every step has happened (sent, completed, expired or skipped). */
export function allStepsDone(plan: EnrollmentPlan): boolean {
  return plan.items.every((i) => ['sent', 'completed', 'expired', 'skipped'].includes(i.state));
}
