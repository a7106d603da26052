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

/** A dispatch batch's org write-back, kept in the store until it has landed (the write-back
 * outbox): saved with the batch's outcomes in one transaction, deleted once written, replayed
 * after a crash or while the org refuses it. */
export interface WriteBackEntry {
  id: string;
  /** The batch as plain JSON (WriteBackBatch.toJSON(), which carries its format version). */
  payload: unknown;
  createdAt: number;
  /** Attempts started so far; the batch's own write is the first. */
  attempts: number;
  lastAttemptAt: number | null;
  lastError: string | null;
}

export interface NewWriteBack {
  payload: unknown;
  at: number;
  /** The batch writes its entry back itself at once, so it holds it (a lease) meanwhile. */
  owner: string;
  leaseMs: number;
}

export interface WriteBackClaimRequest {
  now: number;
  /** Only entries created at or before this instant (a grace period for batches still writing). */
  createdBefore: number;
  owner: string;
  leaseMs: number;
  limit: number;
}

export interface WriteBackFailure {
  /** Only the holder's failure is recorded (a lease lost to another instance stays theirs). */
  owner: string;
  error: string;
  at: number;
  /** Not tried again before this instant. */
  retryAt: number;
  /** What is still to write, when less than the whole entry; absent keeps the payload. */
  payload?: unknown;
}

export interface WriteBackOutboxDepth {
  /** Entries not yet written back. */
  pending: number;
  /** Of those, entries whose last attempt failed. */
  failing: number;
  oldestCreatedAt: number | null;
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

  /** Saves a dispatch batch's outcomes and its org write-back (if any) in one transaction, so
   * neither exists without the other; returns the outbox entry's id. Patches that give a step a
   * finished status are remembered with the entry (see `writeBackOutcomes`). */
  recordOutcomes(patches: PlanItemPatch[], writeBack: NewWriteBack | null): Promise<string | null>;
  /** Claims up to `limit` entries no one holds and not waiting for their retry moment, oldest
   * first, counting an attempt on each. PostgreSQL uses `FOR UPDATE SKIP LOCKED`. */
  claimWriteBacks(request: WriteBackClaimRequest): Promise<WriteBackEntry[]>;
  /** The entry has landed: deletes it. */
  finishWriteBack(id: string): Promise<void>;
  /** Keeps the entry with its error (and what is left to write), releases it until `retryAt`. */
  failWriteBack(id: string, failure: WriteBackFailure): Promise<void>;
  /** Of the given steps, those whose finished status a pending entry has not written to the org
   * yet, with that status: the org still shows them as before, so they must not be acted on. */
  writeBackOutcomes(stepKeys: string[]): Promise<Map<string, StepStatus>>;
  writeBackOutboxDepth(): Promise<WriteBackOutboxDepth>;

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
