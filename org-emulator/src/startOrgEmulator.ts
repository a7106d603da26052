// Starts a local org: schema from force-app, records in memory (or a SQLite file), the REST and
// OAuth API, the Streaming API, and the control endpoints, on an HTTP port. Tests call this;
// the CLI wraps it (DESIGN §6).
import { randomUUID } from 'node:crypto';
import type { PackageModel } from '@sales-campaigns/metadata';
import { createChangeFeed, type ChangeFeed } from './core/changeFeed.ts';
import { type ClockOptions, type ControllableClock, createClock, parseClockSpec } from './core/clock.ts';
import { createIdGenerator } from './core/ids.ts';
import { RecordStore } from './core/recordStore.ts';
import { createTransactionFactory } from './core/transaction.ts';
import { registerControlRoutes } from './control/controlRoutes.ts';
import {
  type FaultsHandle,
  type InspectHandle,
  createFaultsHandle,
  createInspectHandle,
} from './control/emulatorHandles.ts';
import { FaultRegistry } from './control/faults.ts';
import type { Org } from './records/org.ts';
import { buildApp } from './rest/buildApp.ts';
import { BulkJobStore } from './rest/bulk/bulkJobs.ts';
import type { EmulatorCredentials, ServerContext } from './rest/context.ts';
import { ApiUsage } from './rest/limits/apiUsage.ts';
import { SessionStore } from './rest/oauth/sessions.ts';
import { QueryCursors } from './rest/query/queryCursors.ts';
import { defaultForceAppDir, loadPackageModel } from './schema/loadPackageModel.ts';
import { OrgSchema } from './schema/orgSchema.ts';
import { createDefaultRecords } from './seed/defaultRecords.ts';
import { importSeed } from './seed/importTree.ts';
import { registerStreamingRoutes } from './streaming/index.ts';
import type { StreamingHandle } from './streaming/deps.ts';

export const DEFAULT_CREDENTIALS: EmulatorCredentials = {
  username: 'integration@sales-campaigns.example',
  password: 'emulator-password',
  clientId: 'org-emulator-client-id',
  clientSecret: 'org-emulator-client-secret',
};

const HOUR = 3_600_000;

export interface OrgEmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** The package source; defaults to the repository's force-app. */
  forceAppDir?: string;
  /** A package model to use instead of reading force-app (tests). */
  packageModel?: PackageModel;
  /** sObject tree plan files or tree files to import at start (on an empty org only). */
  seed?: string | string[];
  /** `fast:<factor>`, `real`, `frozen`, or { start, factor }. */
  clock?: string | ClockOptions;
  /** Keep records in this SQLite file across restarts. */
  persistFile?: string;
  credentials?: Partial<EmulatorCredentials>;
  apiVersion?: string;
  /** Access token lifetime on the emulator clock (default 2 hours, Salesforce's default session). */
  tokenLifetimeMs?: number;
  /** The daily API request allowance (default 100 000). */
  dailyApiLimit?: number;
  /** PEM certificate (or SPKI public key) of the connected app, for the JWT bearer grant. */
  jwtCertificate?: string;
  /** Event retention for the Streaming API (default 72 hours). */
  retentionMs?: number;
  /** Objects whose standard CDC channel is enabled (default: the package channels' members). */
  cdcEntities?: string[];
  /** Streaming long-poll hold in real ms (Salesforce: 110 s). */
  streamingLongPollMs?: number;
  /** Streaming: forget a silent CometD client after this many real ms (Salesforce: 40 s). */
  streamingClientTimeoutMs?: number;
  /** Log lines (start-up facts, seed results). Silent by default. */
  log?: (line: string) => void;
}

export interface OrgEmulator {
  url: string;
  apiVersion: string;
  username: string;
  password: string;
  clientId: string;
  clientSecret: string;
  orgId: string;
  /** The integration user the default credentials log in as. */
  integrationUserId: string;
  /** A second active user (a sales rep) for ownership scenarios. */
  repUserId: string;
  clock: ControllableClock;
  inspect: InspectHandle;
  faults: FaultsHandle;
  /** Every committed change and published event, as the Streaming API hears them. */
  feed: ChangeFeed;
  streaming: StreamingHandle;
  /** Mints a refresh token (as the web-server flow would) for the refresh_token grant. */
  issueRefreshToken(username?: string): string;
  stop(): Promise<void>;
}

export async function startOrgEmulator(options: OrgEmulatorOptions = {}): Promise<OrgEmulator> {
  const log = options.log ?? (() => undefined);
  const apiVersion = options.apiVersion ?? '62.0';
  const credentials: EmulatorCredentials = {
    ...DEFAULT_CREDENTIALS,
    ...stripUndefined(options.credentials ?? {}),
  };
  const clockOptions =
    typeof options.clock === 'string' ? parseClockSpec(options.clock) : (options.clock ?? {});
  const clock = createClock(clockOptions);
  const model = options.packageModel ?? loadPackageModel(options.forceAppDir ?? defaultForceAppDir(), log);
  const schema = new OrgSchema(model);
  const store = new RecordStore(options.persistFile);
  // Unique and external id fields for uniqueness checks and upserts (compared as the field says)
  // and for SOQL filters (which ignore case); lookups for SOQL filters, child subqueries and
  // cascades. So none of these scans every record of an object.
  for (const object of schema.list()) {
    for (const f of object.fields) {
      if (f.system) continue;
      if (f.type === 'reference') store.defineIndex(object.name, f.name, 'id');
      else if (f.unique || f.externalId) {
        store.defineIndex(object.name, f.name, 'lowercase');
        if (f.caseSensitive) store.defineIndex(object.name, f.name, 'exact');
      }
    }
  }
  const ids = createIdGenerator();
  for (const id of store.allIds()) ids.observe(id);
  const feed = createChangeFeed();
  const persistedOrg = store.all('Organization')[0]?.Id;
  const org: Org = {
    schema,
    store,
    ids,
    clock,
    begin: createTransactionFactory(store, feed, clock.now),
    orgId: persistedOrg ?? ids.next('00D'),
    autoNumbers: new Map(),
  };
  const fresh = store.isEmpty();
  const users = createDefaultRecords(org, credentials.username, model.customMetadataRecords);
  if (fresh) {
    for (const file of typeof options.seed === 'string' ? [options.seed] : (options.seed ?? [])) {
      const summary = importSeed(org, users.integrationUserId, file);
      log(`org-emulator: seeded ${summary.created} records from ${file}`);
    }
  } else if (options.seed) log('org-emulator: persistent org already has records; --seed skipped');

  let baseUrl = '';
  const ctx: ServerContext = {
    apiVersion,
    credentials,
    jwtVerificationKey: options.jwtCertificate,
    org,
    feed,
    sessions: new SessionStore(org.orgId, clock.now, options.tokenLifetimeMs ?? 2 * HOUR),
    usage: new ApiUsage(options.dailyApiLimit ?? 100_000, clock.now),
    faults: new FaultRegistry(),
    // Locator lifetime is about server resources, not business time: real milliseconds.
    cursors: new QueryCursors(() => Date.now()),
    bulkJobs: new BulkJobStore(org),
    emails: [],
    events: [],
    integrationUserId: users.integrationUserId,
    internalSecret: randomUUID(),
    baseUrl: () => baseUrl,
  };
  const app = buildApp(ctx);
  const channelObjects = model.channels
    .flatMap((c) => c.members)
    .map((m) => m.replace(/__ChangeEvent$/, '__c').replace(/ChangeEvent$/, ''));
  const streaming = registerStreamingRoutes(app, {
    apiVersion,
    feed,
    clock,
    verifyAccessToken: (token) => {
      const session = ctx.sessions.verify(token);
      return session ? { userId: session.userId, orgId: session.orgId } : null;
    },
    channels: model.channels,
    cdcEntities: options.cdcEntities ?? [...new Set(channelObjects)],
    platformEvents: schema
      .list()
      .filter((o) => o.kind === 'platformEvent')
      .map((o) => o.name),
    retentionMs: options.retentionMs ?? 72 * HOUR,
    ...(options.streamingLongPollMs !== undefined ? { longPollTimeoutMs: options.streamingLongPollMs } : {}),
    ...(options.streamingClientTimeoutMs !== undefined
      ? { clientTimeoutMs: options.streamingClientTimeoutMs }
      : {}),
  });
  const inspect = createInspectHandle(ctx);
  const faults = createFaultsHandle(ctx, () => streaming);
  registerControlRoutes(app, { ctx, inspect, faults, clock, streaming: () => streaming });

  const address = await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  baseUrl = address.replace('[::1]', 'localhost');
  log(`org-emulator: listening on ${baseUrl} (org ${org.orgId}, ${schema.list().length} objects)`);

  let stopped = false;
  return {
    url: baseUrl,
    apiVersion,
    ...credentials,
    orgId: org.orgId,
    integrationUserId: users.integrationUserId,
    repUserId: users.repUserId,
    clock,
    inspect,
    faults,
    feed,
    streaming,
    issueRefreshToken(username = credentials.username) {
      const user = store.all('User').find((u) => String(u.Username).toLowerCase() === username.toLowerCase());
      if (!user) throw new Error(`No user ${username}`);
      return ctx.sessions.issueRefreshToken(user.Id, credentials.clientId);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await streaming.close();
      await app.close();
      store.close();
    },
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
