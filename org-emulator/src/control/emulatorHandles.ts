// The programmatic inspection and fault handles a test holds, over the same state the
// `/__emulator` control endpoints expose.
import type { PublishedEvent } from '../core/changeFeed.ts';
import type { SRecord } from '../core/recordStore.ts';
import type { CapturedEmail, ServerContext } from '../rest/context.ts';
import type { ApiCallCounts, ApiCallRecord } from '../rest/limits/apiUsage.ts';
import type { StreamingHandle } from '../streaming/deps.ts';
import type { ActiveFault, FaultSpec } from './faults.ts';

export interface InspectHandle {
  /** Live records of an object (`includeDeleted` for the recycle bin too). */
  records(object: string, options?: { includeDeleted?: boolean }): SRecord[];
  /** How many live records of an object meet `where`, without copying them (a poll over tens of
   * thousands of records stays cheap). `where` sees the stored records: it must not change them. */
  count(object: string, where?: (record: Readonly<SRecord>) => boolean): number;
  record(id: string): SRecord | undefined;
  emails(): CapturedEmail[];
  platformEvents(): PublishedEvent[];
  apiCalls(): ApiCallCounts;
  /** The newest counted calls (up to 1000) with route, client name and status. */
  recentApiCalls(): ApiCallRecord[];
  resetApiCalls(): void;
}

export interface FaultsHandle {
  add(spec: FaultSpec): ActiveFault;
  remove(id: number): void;
  clear(): void;
  list(): ActiveFault[];
  /** Revokes one token, or every access and refresh token. */
  revokeTokens(token?: string): number;
  /** Expires every access token now (refresh tokens keep working). */
  expireTokens(): number;
  exhaustDailyApiLimit(): void;
  setDailyApiLimit(max: number, usedToday?: number): void;
  setTokenLifetime(ms: number): void;
  dropStreamingClients(): void;
  restartStreaming(): void;
}

export function createInspectHandle(ctx: ServerContext): InspectHandle {
  return {
    records(object, options = {}) {
      const schema = ctx.org.schema.find(object);
      if (!schema) throw new Error(`No such object ${object}`);
      return ctx.org.store
        .all(schema.name)
        .filter((r) => options.includeDeleted || r.IsDeleted !== true)
        .map((r) => ({ ...r }));
    },
    count(object, where = () => true) {
      const schema = ctx.org.schema.find(object);
      if (!schema) throw new Error(`No such object ${object}`);
      let n = 0;
      for (const r of ctx.org.store.each(schema.name)) if (r.IsDeleted !== true && where(r)) n += 1;
      return n;
    },
    record(id) {
      const found = ctx.org.store.find(id);
      return found ? { ...found.record } : undefined;
    },
    emails: () => ctx.emails.map((e) => ({ ...e })),
    platformEvents: () => ctx.events.map((e) => ({ ...e })),
    apiCalls: () => ctx.usage.counts(),
    recentApiCalls: () => ctx.usage.recentCalls(),
    resetApiCalls: () => ctx.usage.resetCounts(),
  };
}

export function createFaultsHandle(
  ctx: ServerContext,
  streaming: () => StreamingHandle | undefined,
): FaultsHandle {
  return {
    add: (spec) => ctx.faults.add(spec),
    remove: (id) => ctx.faults.remove(id),
    clear: () => ctx.faults.clear(),
    list: () => ctx.faults.list(),
    revokeTokens: (token) => ctx.sessions.revoke(token),
    expireTokens: () => ctx.sessions.expireAll(),
    exhaustDailyApiLimit: () => ctx.usage.exhaust(),
    setDailyApiLimit(max, usedToday) {
      ctx.usage.dailyLimit = max;
      if (usedToday !== undefined) ctx.usage.setUsedToday(usedToday);
    },
    setTokenLifetime(ms) {
      ctx.sessions.lifetimeMs = ms;
    },
    dropStreamingClients: () => streaming()?.dropClients(),
    restartStreaming: () => streaming()?.restart(),
  };
}
