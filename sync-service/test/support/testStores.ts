// Real databases for tests: a temp SQLite file, or a fresh PostgreSQL schema per store on
// 127.0.0.1:5432 (db `test`). STORE_DIALECT=sqlite|postgres picks one; the default runs both.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { openStore, dropPostgresSchema } from '../../src/store/index.ts';
import type { SyncStore } from '../../src/app/ports/syncStore.ts';

export type StoreDialect = 'sqlite' | 'postgres';

export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export function storeDialects(): StoreDialect[] {
  const chosen = process.env.STORE_DIALECT;
  if (chosen === 'sqlite' || chosen === 'postgres') return [chosen];
  if (chosen && chosen !== 'both') throw new Error(`STORE_DIALECT=${chosen}: use sqlite, postgres or both`);
  return ['sqlite', 'postgres'];
}

export interface TestStore {
  store: SyncStore;
  database: { dialect: StoreDialect; url: string; schema?: string };
  /** Closes the store; the data stays until `destroy`. */
  close(): Promise<void>;
  /** Closes the store and deletes its file or schema. */
  destroy(): Promise<void>;
}

export async function openTestStore(dialect: StoreDialect): Promise<TestStore> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'sync-store-'));
    const database = { dialect, url: path.join(dir, 'store.sqlite') } as const;
    const store = await openStore(database);
    let closed = false;
    const close = async () => {
      if (!closed) await store.close();
      closed = true;
    };
    return {
      store,
      database,
      close,
      destroy: async () => (await close(), rmSync(dir, { recursive: true, force: true })),
    };
  }
  const schema = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const database = { dialect, url: TEST_POSTGRES_URL, schema } as const;
  const store = await openStore(database);
  let closed = false;
  const close = async () => {
    if (!closed) await store.close();
    closed = true;
  };
  return {
    store,
    database,
    close,
    destroy: async () => {
      await close();
      await dropPostgresSchema(TEST_POSTGRES_URL, schema);
    },
  };
}

/** Reopens the same database (a restart of the service). */
export async function reopenTestStore(database: TestStore['database']): Promise<SyncStore> {
  return openStore(database);
}
