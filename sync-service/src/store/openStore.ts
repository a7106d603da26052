// Opens the local store for the configured database, runs pending migrations, and returns the
// SyncStore the use cases use. SQLite is the default (one process); PostgreSQL lets several
// processes share due work.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import type { ServiceConfig } from '../config/index.ts';
import type { SyncStore } from '../app/ports/syncStore.ts';
import { storeMigrations } from './migrations.ts';
import type { StoreDatabase } from './schema.ts';
import { KyselyStore } from './kyselyStore.ts';

const INT8_OID = 20;

function postgresPool(url: string, schema: string | undefined): pg.Pool {
  return new pg.Pool({
    connectionString: url,
    max: 5,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
    // Instants are bigint epoch milliseconds: read them back as numbers, not strings.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as never,
    },
  });
}

export class StoreOpenError extends Error {
  readonly code = 'STORE.OPEN_FAILED';
}

export async function openStore(database: ServiceConfig['database'], logger?: Logger): Promise<SyncStore> {
  let db: Kysely<StoreDatabase>;
  if (database.dialect === 'postgres') {
    if (database.schema) {
      // The schema must exist before connections put it on their search_path.
      const admin = new pg.Client({ connectionString: database.url });
      try {
        await admin.connect();
        await admin.query(`CREATE SCHEMA IF NOT EXISTS "${database.schema}"`);
      } catch (error) {
        throw new StoreOpenError(
          `Cannot reach PostgreSQL at DATABASE_URL (${redact(database.url)}): ${(error as Error).message}`,
          { cause: error },
        );
      } finally {
        await admin.end().catch(() => {});
      }
    }
    db = new Kysely<StoreDatabase>({
      dialect: new PostgresDialect({ pool: postgresPool(database.url, database.schema) }),
    });
  } else {
    if (database.url !== ':memory:') mkdirSync(path.dirname(database.url), { recursive: true });
    let file: Database.Database;
    try {
      file = new Database(database.url);
    } catch (error) {
      throw new StoreOpenError(
        `Cannot open SQLite file ${database.url} (DATABASE_URL): ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
    file.pragma('journal_mode = WAL');
    file.pragma('busy_timeout = 5000');
    // The send ledger's "marked Sending before the message leaves" must survive power loss.
    file.pragma('synchronous = FULL');
    db = new Kysely<StoreDatabase>({ dialect: new SqliteDialect({ database: file }) });
  }

  const migrator = new Migrator({
    db,
    provider: storeMigrations,
    // kysely looks for its migration tables in every schema unless told which: a second schema in
    // the same database would find the first one's and skip creating its own.
    ...(database.dialect === 'postgres' && database.schema ? { migrationTableSchema: database.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  for (const result of results ?? []) {
    logger?.info({ migration: result.migrationName, status: result.status }, 'store migration');
  }
  if (error) {
    await db.destroy();
    throw new StoreOpenError(
      `Store migration failed on ${database.dialect}: ${String((error as Error).message ?? error)}`,
      {
        cause: error,
      },
    );
  }
  return new KyselyStore(
    db,
    database.dialect,
    database.dialect === 'postgres'
      ? {
          url: database.url,
          schema: database.schema ?? 'public',
          logger: logger?.child({ component: 'stream-lock' }),
        }
      : undefined,
  );
}

function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}

/** Drops a PostgreSQL schema (tests clean up their own). */
export async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
