// The at-most-once send ledger (DESIGN §2.5), as a port: the store implements it on SQLite or
// PostgreSQL; sqliteSendLedger.ts is the reference implementation the tests run against.
//
// Every send of an enrollment step goes through it:
//   markSending   durably, before the message can reach a server. Refused (false) unless the
//                 step is new, Deferred or reopened — so two workers, or a restart, never send
//                 the same step twice.
//   markSent      after the server accepted it.
//   markDeferred  nothing was delivered (4xx, connection refused or lost before the content
//                 went out): the step may be sent again.
//   markFailed    permanent: Bounced (recipient) or Failed (sender side).
//   markUncertain the content went out and no reply came, or a crash left the step Sending:
//                 it may have been delivered. Never resent automatically.
//   listInDoubt   steps still Sending — after a crash, recoverInDoubt() turns them Uncertain.
//   reopen        an admin chose to retry a Failed or Uncertain email (step Send_Requested).

export type LedgerState = 'Sending' | 'Sent' | 'Deferred' | 'Bounced' | 'Failed' | 'Uncertain';

export interface LedgerEntry {
  readonly stepKey: string;
  readonly messageId: string;
  readonly state: LedgerState;
  /** How many times the step was claimed for sending. */
  readonly attempts: number;
  readonly updatedAt: Date;
  /** The server's reply or the reason of the last transition. */
  readonly detail: string | null;
}

export interface SendingClaim {
  readonly stepKey: string;
  readonly messageId: string;
  readonly at: Date;
}

export interface SendLedger {
  markSending(claim: SendingClaim): Promise<boolean>;
  markSent(stepKey: string, at: Date, response: string): Promise<void>;
  markDeferred(stepKey: string, at: Date, reason: string): Promise<void>;
  markFailed(stepKey: string, at: Date, state: 'Bounced' | 'Failed', reason: string): Promise<void>;
  markUncertain(stepKey: string, at: Date, reason: string): Promise<void>;
  listInDoubt(): Promise<LedgerEntry[]>;
  reopen(stepKey: string, at: Date): Promise<void>;
  get(stepKey: string): Promise<LedgerEntry | null>;
}
