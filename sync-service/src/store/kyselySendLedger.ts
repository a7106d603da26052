// The mail module's at-most-once SendLedger (src/mail/sendLedger.ts) on the service's store, for
// SQLite and PostgreSQL alike. Each transition is one conditional statement, so two workers (or
// a restart) can never both claim a step: the database decides, not the caller.
import type { Kysely } from 'kysely';
import type { LedgerEntry, LedgerState, SendLedger, SendingClaim } from '../mail/sendLedger.ts';
import type { StoreDatabase } from './schema.ts';

type Row = StoreDatabase['send_ledger'];

function toEntry(row: Row): LedgerEntry {
  return {
    stepKey: row.step_key,
    messageId: row.message_id,
    state: row.state as LedgerState,
    attempts: Number(row.attempts),
    updatedAt: new Date(Number(row.updated_at)),
    detail: row.detail,
  };
}

export class KyselySendLedger implements SendLedger {
  constructor(private readonly db: Kysely<StoreDatabase>) {}

  async markSending(claim: SendingClaim): Promise<boolean> {
    const at = claim.at.getTime();
    // New step, or a Deferred one (nothing was delivered); any other state stays as it is.
    const result = await this.db
      .insertInto('send_ledger')
      .values({
        step_key: claim.stepKey,
        message_id: claim.messageId,
        state: 'Sending',
        attempts: 1,
        updated_at: at,
        detail: null,
      })
      .onConflict((oc) =>
        oc
          .column('step_key')
          .doUpdateSet((eb) => ({
            state: 'Sending',
            message_id: eb.ref('excluded.message_id'),
            attempts: eb('send_ledger.attempts', '+', 1),
            updated_at: eb.ref('excluded.updated_at'),
            detail: null,
          }))
          .where('send_ledger.state', '=', 'Deferred'),
      )
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  markSent(stepKey: string, at: Date, response: string): Promise<void> {
    return this.move(stepKey, 'Sent', at, response);
  }

  markDeferred(stepKey: string, at: Date, reason: string): Promise<void> {
    return this.move(stepKey, 'Deferred', at, reason);
  }

  markFailed(stepKey: string, at: Date, state: 'Bounced' | 'Failed', reason: string): Promise<void> {
    return this.move(stepKey, state, at, reason);
  }

  markUncertain(stepKey: string, at: Date, reason: string): Promise<void> {
    return this.move(stepKey, 'Uncertain', at, reason);
  }

  async listInDoubt(): Promise<LedgerEntry[]> {
    const rows = await this.db
      .selectFrom('send_ledger')
      .selectAll()
      .where('state', '=', 'Sending')
      .orderBy('updated_at')
      .execute();
    return rows.map(toEntry);
  }

  async reopen(stepKey: string, at: Date): Promise<void> {
    await this.db
      .updateTable('send_ledger')
      .set({ state: 'Deferred', updated_at: at.getTime(), detail: 'reopened for a retry' })
      .where('step_key', '=', stepKey)
      .where('state', 'in', ['Failed', 'Uncertain', 'Bounced'])
      .execute();
  }

  async get(stepKey: string): Promise<LedgerEntry | null> {
    const row = await this.db
      .selectFrom('send_ledger')
      .selectAll()
      .where('step_key', '=', stepKey)
      .executeTakeFirst();
    return row ? toEntry(row) : null;
  }

  /** Only a step being sent can move on: a late answer never overwrites a decided state. */
  private async move(stepKey: string, state: LedgerState, at: Date, detail: string): Promise<void> {
    const result = await this.db
      .updateTable('send_ledger')
      .set({ state, updated_at: at.getTime(), detail })
      .where('step_key', '=', stepKey)
      .where('state', '=', 'Sending')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1)
      throw new Error(`send ledger: step ${stepKey} is not Sending, cannot become ${state}`);
  }
}
