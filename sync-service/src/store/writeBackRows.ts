// Converts the write-back outbox's rows into the port's entries: the payload parsed back from
// its JSON text, instants as numbers (PostgreSQL bigint columns may arrive as strings).
import type { Selectable } from 'kysely';
import type { WriteBackEntry } from '../app/ports/syncStore.ts';
import type { WriteBackOutboxTable } from './schema.ts';

export function writeBackEntryFromRow(row: Selectable<WriteBackOutboxTable>): WriteBackEntry {
  return {
    id: row.id,
    payload: JSON.parse(row.payload_json) as unknown,
    createdAt: Number(row.created_at),
    attempts: Number(row.attempts),
    lastAttemptAt: row.last_attempt_at === null ? null : Number(row.last_attempt_at),
    lastError: row.last_error,
  };
}
