// Stream ownership on PostgreSQL: a session-level advisory lock held on a dedicated connection
// (not the kysely pool, whose connections come and go) for as long as this instance consumes the
// change stream. PostgreSQL frees the lock the moment that session ends, so an instance that dies
// or loses its connection gives the stream up at once, however long its ticks take, and another
// takes it on its next attempt. A lease renewed by the loop could not promise that: a tick
// blocked past the lease let a second instance subscribe.
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Logger } from 'pino';
import type { StreamOwnership } from '../app/ports/syncStore.ts';

/** Advisory locks are per database, not per schema: deployments (and tests) that share a
 * database through DATABASE_SCHEMA each get their own stream. */
export function streamLockKey(schema: string): bigint {
  return createHash('sha256').update(`sales-campaigns:stream:${schema}`).digest().readBigInt64BE(0);
}

export interface AdvisoryLockOptions {
  url: string;
  schema: string;
  owner: string;
  logger?: Logger | undefined;
  /** Connect and query timeout on the dedicated connection. */
  timeoutMs?: number;
}

export class AdvisoryLockStreamOwnership implements StreamOwnership {
  private readonly key: string;
  private client: pg.Client | null = null;
  private holding = false;

  constructor(private readonly options: AdvisoryLockOptions) {
    this.key = streamLockKey(options.schema).toString();
  }

  async tryAcquire(): Promise<boolean> {
    if (this.client && this.holding) {
      // A live session still holds its lock: nothing but this session can unlock it.
      try {
        await this.client.query('SELECT 1');
        return true;
      } catch (error) {
        this.options.logger?.warn({ error: (error as Error).message }, 'stream lock connection failed');
        await this.drop();
      }
    }
    try {
      const client = this.client ?? (await this.connect());
      const { rows } = await client.query<{ acquired: boolean }>(
        'SELECT pg_try_advisory_lock($1::bigint) AS acquired',
        [this.key],
      );
      this.holding = rows[0]?.acquired === true;
      return this.holding;
    } catch (error) {
      // No session, no lock: not holding is the safe answer (the loop stops its subscription).
      this.options.logger?.warn(
        { error: (error as Error).message },
        'cannot reach PostgreSQL for the stream lock',
      );
      await this.drop();
      return false;
    }
  }

  async release(): Promise<void> {
    const client = this.client;
    if (!client) return;
    if (this.holding) {
      await client.query('SELECT pg_advisory_unlock($1::bigint)', [this.key]).catch(() => undefined);
    }
    await this.drop();
  }

  private async connect(): Promise<pg.Client> {
    const timeoutMs = this.options.timeoutMs ?? 10_000;
    const client = new pg.Client({
      connectionString: this.options.url,
      application_name: `sales-campaigns stream ${this.options.owner}`.slice(0, 63),
      connectionTimeoutMillis: timeoutMs,
      query_timeout: timeoutMs,
      keepAlive: true,
    });
    // The session ended under us (server restart, pg_terminate_backend, network): the lock is
    // gone with it. Without a listener the error would crash the process.
    client.on('error', (error) => {
      if (this.client !== client) return;
      this.options.logger?.warn({ error: error.message }, 'lost the stream lock connection');
      this.client = null;
      this.holding = false;
      client.end().catch(() => undefined);
    });
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
    return client;
  }

  private async drop(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.holding = false;
    await client?.end().catch(() => undefined);
  }
}
