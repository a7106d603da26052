// Stream ownership on the real PostgreSQL: a session advisory lock on a dedicated connection.
// Several stores on one schema stand for several service processes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { StreamOwnership, SyncStore } from '../../src/app/ports/syncStore.ts';
import { openStore, streamLockKey } from '../../src/store/index.ts';
import { openTestStore, storeDialects, TEST_POSTGRES_URL, type TestStore } from '../support/testStores.ts';

/** The sessions holding a schema's stream lock, as pg_locks shows a bigint advisory key. */
async function lockHolders(admin: pg.Client, schema: string): Promise<number[]> {
  const key = BigInt.asUintN(64, streamLockKey(schema));
  const { rows } = await admin.query<{ pid: number }>(
    `SELECT pid FROM pg_locks
      WHERE locktype = 'advisory' AND granted AND objsubid = 1 AND classid = $1::oid AND objid = $2::oid`,
    [(key >> 32n).toString(), (key & 0xffffffffn).toString()],
  );
  return rows.map((r) => r.pid);
}

async function waitUntil(probe: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(!storeDialects().includes('postgres'))('stream ownership on PostgreSQL', () => {
  let shared: TestStore;
  let schema: string;
  let admin: pg.Client;
  const stores: SyncStore[] = [];
  const open = async (): Promise<SyncStore> => {
    const store = await openStore(shared.database);
    stores.push(store);
    return store;
  };
  const ownership = (store: SyncStore, owner: string): StreamOwnership =>
    // now/ttlMs are SQLite's lease: a clock that never moves shows PostgreSQL does not use them.
    store.streamOwnership({ owner, now: () => 0, ttlMs: 1 });

  beforeEach(async () => {
    shared = await openTestStore('postgres');
    schema = shared.database.schema!;
    admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
  });
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close().catch(() => undefined);
    await admin.end();
    await shared.destroy();
  });

  it('gives the stream to exactly one of two instances, for as long as it lives', async () => {
    const a = ownership(await open(), 'a');
    const b = ownership(await open(), 'b');
    const results = await Promise.all([a.tryAcquire(), b.tryAcquire()]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const [owner, other] = results[0] ? [a, b] : [b, a];
    for (let i = 0; i < 3; i++) {
      expect(await owner.tryAcquire()).toBe(true); // confirmed each tick, not stacked
      expect(await other.tryAcquire()).toBe(false);
    }
    expect(await lockHolders(admin, schema)).toHaveLength(1);
    await owner.release();
    expect(await lockHolders(admin, schema)).toHaveLength(0); // one unlock was enough
    expect(await other.tryAcquire()).toBe(true);
  });

  it("frees the stream when the owner's connection dies; the other takes it on its next attempt", async () => {
    const a = ownership(await open(), 'a');
    const b = ownership(await open(), 'b');
    expect(await a.tryAcquire()).toBe(true);
    expect(await b.tryAcquire()).toBe(false);
    const [pid] = await lockHolders(admin, schema);
    const { rows } = await admin.query<{ application_name: string }>(
      'SELECT application_name FROM pg_stat_activity WHERE pid = $1',
      [pid],
    );
    expect(rows[0]?.application_name).toBe('sales-campaigns stream a');

    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    // The backend exits (and its locks go) just after pg_terminate_backend returns.
    await waitUntil(async () => (await lockHolders(admin, schema)).length === 0);
    expect(await b.tryAcquire()).toBe(true);
    expect(await a.tryAcquire()).toBe(false); // a notices it lost the stream
    expect(await lockHolders(admin, schema)).toHaveLength(1);
  });

  it('frees the stream when the owning store closes (the process stops)', async () => {
    const first = await open();
    const a = ownership(first, 'a');
    const b = ownership(await open(), 'b');
    expect(await a.tryAcquire()).toBe(true);
    await first.close();
    expect(await b.tryAcquire()).toBe(true);
  });

  it('keeps schemas that share a database apart', async () => {
    const other = await openTestStore('postgres');
    try {
      expect(await ownership(await open(), 'a').tryAcquire()).toBe(true);
      expect(await ownership(other.store, 'b').tryAcquire()).toBe(true);
    } finally {
      await other.destroy();
    }
  });
});
