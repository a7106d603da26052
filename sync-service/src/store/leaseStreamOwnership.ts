// Stream ownership on SQLite: a lease row the loop renews every tick. SQLite serves one process
// (the file's write lock serialises every writer), so there is no fleet to fail over to; the row
// only keeps a second process started by mistake on the same file from subscribing too. A
// holder that stops renewing (it died) loses the role when `ttlMs` has passed.
import type { Kysely } from 'kysely';
import type { StreamOwnership, StreamOwnershipRequest } from '../app/ports/syncStore.ts';
import type { StoreDatabase } from './schema.ts';

const STREAM_ROLE = 'change-stream';

export class LeaseStreamOwnership implements StreamOwnership {
  constructor(
    private readonly db: Kysely<StoreDatabase>,
    private readonly request: StreamOwnershipRequest,
  ) {}

  async tryAcquire(): Promise<boolean> {
    const { owner, ttlMs } = this.request;
    const now = this.request.now();
    // Insert, or take over when the holder is this owner or its lease has lapsed; one statement,
    // so two processes racing for the role cannot both win.
    const rows = await this.db
      .insertInto('named_lease')
      .values({ name: STREAM_ROLE, owner, expires_at: now + ttlMs })
      .onConflict((oc) =>
        oc
          .column('name')
          .doUpdateSet({ owner, expires_at: now + ttlMs })
          .where((eb) =>
            eb.or([eb('named_lease.owner', '=', owner), eb('named_lease.expires_at', '<=', now)]),
          ),
      )
      .returning('owner')
      .execute();
    return rows.some((r) => r.owner === owner);
  }

  async release(): Promise<void> {
    await this.db
      .deleteFrom('named_lease')
      .where('name', '=', STREAM_ROLE)
      .where('owner', '=', this.request.owner)
      .execute();
  }
}
