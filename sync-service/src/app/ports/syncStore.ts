// The service's working memory as the use cases see it: what is due when, leases on due work,
// stream and poll positions, task ids per step key, cached settings. Implemented by src/store for
// SQLite and PostgreSQL. Losing it loses no customer data: the reconciliation sweep rebuilds it.

import type { SendLedger } from '../../mail/sendLedger.ts';

export type PlanItemKind = 'send' | 'task';

/** Enrollment_Step__c.Status__c values (DESIGN §3). */
export type StepStatus =
  | 'Pending'
  | 'Scheduled'
  | 'Task_Open'
  | 'Send_Requested'
  | 'Sending'
  | 'Sent'
  | 'Completed'
  | 'Failed'
  | 'Expired'
  | 'Cancelled'
  | 'Skipped'
  | 'Uncertain';

export const FINISHED_STEP_STATUSES: readonly StepStatus[] = [
  'Sent',
  'Completed',
  'Failed',
  'Expired',
  'Cancelled',
  'Skipped',
  'Uncertain',
];

export interface EnrollmentState {
  enrollmentId: string;
  campaignId: string;
  ownerId: string;
  personId: string;
  status: string;
  timeZone: string | null;
  shiftDays: number;
  pausedAt: number | null;
  orgModstamp: number | null;
  /** The planner's input (JSON), the service's memory of facts and acted-on step definitions. */
  planInputJson: string | null;
  updatedAt: number;
}

/** One step of one person's plan, mirrored from (and written to) its Enrollment_Step__c. */
export interface PlanItem {
  stepKey: string;
  enrollmentId: string;
  stepId: string;
  campaignId: string;
  ownerId: string;
  recordId: string | null;
  kind: PlanItemKind;
  status: StepStatus;
  /** A send's moment, or the instant a task's due day begins (when it opens). */
  dueAt: number | null;
  dueDate: string | null;
  expiresAt: number | null;
  taskId: string | null;
  /** The step id of the task this item waits for, if any. */
  dependsOn: string | null;
  updatedAt: number;
}

export type PlanItemPatch = Pick<PlanItem, 'stepKey'> & Partial<Omit<PlanItem, 'stepKey'>>;

export interface ClaimRequest {
  kind: PlanItemKind;
  statuses: readonly StepStatus[];
  /** Which instant makes an item due: `dueAt` (sends, tasks to open) or `expiresAt` (expiry). */
  dueField: 'dueAt' | 'expiresAt';
  now: number;
  /** Items due up to this instant are claimed (default `now`): the dispatcher looks a little
   * ahead so it can prepare an email before its moment and send it on time. */
  dueBy?: number;
  limit: number;
  /** Who claims: the lease holder until `now + leaseMs` or release. */
  owner: string;
  leaseMs: number;
}

export interface ReplayPosition {
  channel: string;
  replayId: number;
  /** Commit time of the last applied event, when known. */
  eventAt: number | null;
  savedAt: number;
}

/** Only one instance consumes the change stream. PostgreSQL: a session advisory lock on a
 * dedicated connection, freed by the database the moment the holder's process or connection dies.
 * SQLite (one process): a lease row in the store. */
export interface StreamOwnership {
  /** Takes the stream if no one holds it, or confirms this instance still does. Called every tick;
   * false means another instance owns it (or this one just lost it). */
  tryAcquire(): Promise<boolean>;
  /** Gives the stream up (on stop) so another instance can take it on its next attempt. */
  release(): Promise<void>;
}

export interface StreamOwnershipRequest {
  /** The instance id: names the holder for operators (PostgreSQL `application_name`, lease row). */
  owner: string;
  /** SQLite's lease only: its clock and how long a holder that stopped renewing keeps it. */
  now(): number;
  ttlMs: number;
}

export interface SyncStore {
  readonly dialect: 'sqlite' | 'postgres';
  /** The mail module's at-most-once ledger, in the same database. */
  readonly sendLedger: SendLedger;

  saveEnrollment(state: EnrollmentState): Promise<void>;
  enrollment(enrollmentId: string): Promise<EnrollmentState | null>;
  enrollmentsByIds(enrollmentIds: string[]): Promise<EnrollmentState[]>;
  /** Saves many enrollments with their plan items in one transaction (a planning batch). */
  saveEnrollmentPlans(plans: Array<{ state: EnrollmentState; items: PlanItem[] }>): Promise<void>;
  enrollmentsOfCampaign(campaignId: string): Promise<EnrollmentState[]>;
  /** Forgets an enrollment and its plan items (the org keeps the records). */
  forgetEnrollment(enrollmentId: string): Promise<void>;

  /** Inserts or replaces items by step key; leases held on them are kept. */
  savePlanItems(items: PlanItem[]): Promise<void>;
  updatePlanItems(patches: PlanItemPatch[]): Promise<void>;
  planItem(stepKey: string): Promise<PlanItem | null>;
  planItemsOf(enrollmentId: string): Promise<PlanItem[]>;
  planItemsByKeys(stepKeys: string[]): Promise<PlanItem[]>;
  countPlanItemsByStatus(): Promise<Record<string, number>>;

  /** Claims up to `limit` due items no one else holds, earliest first. PostgreSQL uses
   * `FOR UPDATE SKIP LOCKED`, so concurrent workers never claim the same item. */
  claimDue(request: ClaimRequest): Promise<PlanItem[]>;
  releaseClaims(stepKeys: string[], owner: string): Promise<void>;

  recordTaskId(stepKey: string, taskId: string, at: number): Promise<void>;
  taskIdsFor(stepKey: string): Promise<string[]>;
  stepKeyOfTask(taskId: string): Promise<string | null>;

  replayPosition(channel: string): Promise<ReplayPosition | null>;
  saveReplayPosition(position: ReplayPosition): Promise<void>;
  clearReplayPosition(channel: string): Promise<void>;

  cursor(name: string): Promise<string | null>;
  saveCursor(name: string, value: string, at: number): Promise<void>;

  /** The right to consume the change stream, held by one instance at a time (see StreamOwnership). */
  streamOwnership(request: StreamOwnershipRequest): StreamOwnership;

  cachedSetting<T>(key: string): Promise<{ value: T; fetchedAt: number } | null>;
  cacheSetting(key: string, value: unknown, at: number): Promise<void>;

  close(): Promise<void>;
}
