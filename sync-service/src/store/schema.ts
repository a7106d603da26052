// Table types of the local store, shared by both dialects. Instants are epoch milliseconds
// (bigint columns read back as numbers), dates are `YYYY-MM-DD` text, JSON is text.
export interface EnrollmentStateTable {
  enrollment_id: string;
  campaign_id: string;
  owner_id: string;
  /** Contact or lead id. */
  person_id: string;
  status: string;
  time_zone: string | null;
  shift_days: number;
  paused_at: number | null;
  /** SystemModstamp of the org record when last applied, to ignore stale events. */
  org_modstamp: number | null;
  plan_input_json: string | null;
  updated_at: number;
}

export interface PlanItemTable {
  step_key: string;
  enrollment_id: string;
  step_id: string;
  campaign_id: string;
  owner_id: string;
  /** The org's Enrollment_Step__c id once known. */
  record_id: string | null;
  kind: string;
  status: string;
  /** When the item is due: a send's moment, or the instant a task's day begins. */
  due_at: number | null;
  due_date: string | null;
  expires_at: number | null;
  task_id: string | null;
  depends_on: string | null;
  lease_owner: string | null;
  lease_expires_at: number | null;
  updated_at: number;
}

export interface KnownTaskTable {
  step_key: string;
  task_id: string;
  recorded_at: number;
}

export interface StreamPositionTable {
  channel: string;
  replay_id: number;
  /** When the last applied event was committed in the org (for lag and retention checks). */
  event_at: number | null;
  saved_at: number;
}

export interface PollCursorTable {
  name: string;
  value: string;
  saved_at: number;
}

export interface NamedLeaseTable {
  name: string;
  owner: string;
  expires_at: number;
}

export interface SettingsCacheTable {
  key: string;
  value_json: string;
  fetched_at: number;
}

export interface SendLedgerTable {
  step_key: string;
  message_id: string;
  /** Sending, Sent, Deferred, Bounced, Failed, Uncertain. */
  state: string;
  attempts: number;
  updated_at: number;
  detail: string | null;
}

/** One dispatch batch's org write-back not yet landed (see migration 0004). */
export interface WriteBackOutboxTable {
  id: string;
  /** The batch as WriteBackBatch.toJSON() wrote it (versioned). */
  payload_json: string;
  created_at: number;
  /** Attempts started, the batch's own first write included. */
  attempts: number;
  last_attempt_at: number | null;
  last_error: string | null;
  /** After a failed attempt: not tried again before this instant. */
  next_attempt_at: number | null;
  lease_owner: string | null;
  lease_expires_at: number | null;
}

/** A step whose finished status (Sent, Failed, Cancelled …) an outbox entry still has to write. */
export interface WriteBackStepTable {
  entry_id: string;
  step_key: string;
  status: string;
}

export interface StoreDatabase {
  enrollment_state: EnrollmentStateTable;
  plan_item: PlanItemTable;
  known_task: KnownTaskTable;
  stream_position: StreamPositionTable;
  poll_cursor: PollCursorTable;
  named_lease: NamedLeaseTable;
  settings_cache: SettingsCacheTable;
  send_ledger: SendLedgerTable;
  write_back_outbox: WriteBackOutboxTable;
  write_back_step: WriteBackStepTable;
}
