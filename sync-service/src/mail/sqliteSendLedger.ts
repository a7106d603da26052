// The send ledger on a SQLite file (better-sqlite3). Durable before it answers: WAL with
// synchronous=FULL, so a markSending that returned survives a crash or power loss, which is
// what makes the "before DATA" promise mean anything.
import Database from 'better-sqlite3';
import type { LedgerEntry, LedgerState, SendLedger, SendingClaim } from './sendLedger.ts';

interface Row {
  step_key: string;
  message_id: string;
  state: LedgerState;
  attempts: number;
  updated_at: number;
  detail: string | null;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS send_ledger (
    step_key   TEXT PRIMARY KEY,
    message_id TEXT NOT NULL,
    state      TEXT NOT NULL CHECK (state IN ('Sending','Sent','Deferred','Bounced','Failed','Uncertain')),
    attempts   INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    detail     TEXT
  );
  CREATE INDEX IF NOT EXISTS send_ledger_sending ON send_ledger (state) WHERE state = 'Sending';
`;

export class SqliteSendLedger implements SendLedger {
  private readonly db: Database.Database;
  private readonly claim: Database.Statement;
  private readonly transition: Database.Statement;
  private readonly reopenStatement: Database.Statement;
  private readonly selectOne: Database.Statement;
  private readonly selectSending: Database.Statement;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(SCHEMA);
    // Claims a new step, or a Deferred one; a step in any other state stays as it is.
    this.claim = this.db.prepare(`
      INSERT INTO send_ledger (step_key, message_id, state, attempts, updated_at, detail)
      VALUES (@stepKey, @messageId, 'Sending', 1, @at, NULL)
      ON CONFLICT (step_key) DO UPDATE SET
        state = 'Sending', message_id = excluded.message_id, attempts = attempts + 1,
        updated_at = excluded.updated_at, detail = NULL
      WHERE send_ledger.state = 'Deferred'`);
    // Only a step being sent can move on: a late answer never overwrites a decided state.
    this.transition = this.db.prepare(`
      UPDATE send_ledger SET state = @state, updated_at = @at, detail = @detail
      WHERE step_key = @stepKey AND state = 'Sending'`);
    this.reopenStatement = this.db.prepare(`
      UPDATE send_ledger SET state = 'Deferred', updated_at = @at, detail = 'reopened for a retry'
      WHERE step_key = @stepKey AND state IN ('Failed', 'Uncertain', 'Bounced')`);
    this.selectOne = this.db.prepare('SELECT * FROM send_ledger WHERE step_key = ?');
    this.selectSending = this.db.prepare(
      "SELECT * FROM send_ledger WHERE state = 'Sending' ORDER BY updated_at",
    );
  }

  async markSending(claim: SendingClaim): Promise<boolean> {
    return (
      this.claim.run({ stepKey: claim.stepKey, messageId: claim.messageId, at: claim.at.getTime() })
        .changes === 1
    );
  }

  async markSent(stepKey: string, at: Date, response: string): Promise<void> {
    this.move(stepKey, 'Sent', at, response);
  }

  async markDeferred(stepKey: string, at: Date, reason: string): Promise<void> {
    this.move(stepKey, 'Deferred', at, reason);
  }

  async markFailed(stepKey: string, at: Date, state: 'Bounced' | 'Failed', reason: string): Promise<void> {
    this.move(stepKey, state, at, reason);
  }

  async markUncertain(stepKey: string, at: Date, reason: string): Promise<void> {
    this.move(stepKey, 'Uncertain', at, reason);
  }

  async listInDoubt(): Promise<LedgerEntry[]> {
    return (this.selectSending.all() as Row[]).map(toEntry);
  }

  async reopen(stepKey: string, at: Date): Promise<void> {
    this.reopenStatement.run({ stepKey, at: at.getTime() });
  }

  async get(stepKey: string): Promise<LedgerEntry | null> {
    const row = this.selectOne.get(stepKey) as Row | undefined;
    return row ? toEntry(row) : null;
  }

  close(): void {
    this.db.close();
  }

  private move(stepKey: string, state: LedgerState, at: Date, detail: string): void {
    const changes = this.transition.run({ stepKey, state, at: at.getTime(), detail }).changes;
    if (changes !== 1) throw new Error(`send ledger: step ${stepKey} is not Sending, cannot become ${state}`);
  }
}

function toEntry(row: Row): LedgerEntry {
  return {
    stepKey: row.step_key,
    messageId: row.message_id,
    state: row.state,
    attempts: row.attempts,
    updatedAt: new Date(row.updated_at),
    detail: row.detail,
  };
}
