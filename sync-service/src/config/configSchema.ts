// The service's whole configuration, validated once at start-up. Every value has a default or a
// message that says how to provide it; nothing else in the service reads the environment.
import { z } from 'zod';
import { MINUTE, SECOND, HOUR } from './units.ts';
import { dispatchSchema } from './dispatchSchema.ts';

const durationMs = z.number().int().positive();

export const jwtAuthSchema = z.object({
  kind: z.literal('jwt'),
  clientId: z.string().min(1, 'set SF_CLIENT_ID to the connected app consumer key'),
  username: z.string().min(1, 'set SF_USERNAME to the integration user the JWT is issued for'),
  keyFile: z.string().min(1, 'set SF_JWT_KEY_FILE to the PEM private key of the connected app certificate'),
  /** The JWT audience: https://login.salesforce.com, https://test.salesforce.com, or the login URL. */
  audience: z.string().url().optional(),
});

export const clientCredentialsAuthSchema = z.object({
  kind: z.literal('client_credentials'),
  clientId: z.string().min(1, 'set SF_CLIENT_ID'),
  clientSecret: z.string().min(1, 'set SF_CLIENT_SECRET'),
});

export const passwordAuthSchema = z.object({
  kind: z.literal('password'),
  clientId: z.string().optional(),
  clientSecret: z.string().optional(),
  username: z.string().min(1, 'set SF_USERNAME'),
  password: z.string().min(1, 'set SF_PASSWORD (with the security token appended for real orgs)'),
});

export const orgAuthSchema = z.discriminatedUnion('kind', [
  jwtAuthSchema,
  clientCredentialsAuthSchema,
  passwordAuthSchema,
]);

export const configSchema = z.object({
  org: z.object({
    loginUrl: z
      .string()
      .url('SF_LOGIN_URL must be a URL such as https://login.salesforce.com or the emulator URL'),
    apiVersion: z.string().regex(/^\d+\.0$/, 'SF_API_VERSION looks like 62.0'),
    /** Sent as `Sforce-Call-Options: client=<name>` on every call and read back from CDC
     * `changeOrigin` to recognise the service's own writes. */
    clientName: z.string().regex(/^[A-Za-z0-9_-]+$/, 'SF_CLIENT_NAME may hold letters, digits, _ and -'),
    auth: orgAuthSchema,
  }),
  database: z.object({
    dialect: z.enum(['sqlite', 'postgres']),
    /** A SQLite file path, or a postgres:// connection string. */
    url: z.string().min(1),
    /** PostgreSQL schema holding the service's tables (tests give each run its own). */
    schema: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/)
      .optional(),
  }),
  http: z.object({
    host: z.string().min(1),
    port: z.number().int().min(0).max(65535),
  }),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  /** Names this process in Sync_Service_Status__c and in leases. */
  instanceId: z.string().min(1).max(80),
  streaming: z.object({
    channel: z.string().startsWith('/data/'),
    /** How long the org keeps change events; a longer outage means a sweep. */
    retentionMs: durationMs,
  }),
  intervals: z.object({
    heartbeatMs: durationMs,
    taskPollMs: durationMs,
    settingsRefreshMs: durationMs,
    /** Enrollments arriving within this window are planned in one batch. */
    planBatchWindowMs: durationMs,
    /** How often due work (tasks to open, tasks to expire) is looked at. */
    tickMs: durationMs,
    /** How long a claimed item stays with one worker before others may take it. */
    leaseMs: durationMs,
  }),
  writes: z.object({
    /** Records per write above which Bulk API 2.0 is used instead of Composite collections. */
    bulkThreshold: z.number().int().positive(),
  }),
  /** Sending (DESIGN §2.5). Absent: not configured — `sync-service run` refuses to start, while
   * tests, the demo and the benchmark bring their own dispatcher. */
  dispatch: dispatchSchema.optional(),
});

export type ServiceConfig = z.infer<typeof configSchema>;
export type OrgAuthConfig = z.infer<typeof orgAuthSchema>;

export const DEFAULTS = {
  apiVersion: '62.0',
  clientName: 'sales-campaigns-sync',
  sqliteFile: '.data/sync-service.sqlite',
  httpHost: '127.0.0.1',
  httpPort: 8787,
  logLevel: 'info',
  channel: '/data/Sales_Campaigns__chn',
  retentionMs: 72 * HOUR,
  heartbeatMs: 1 * MINUTE,
  taskPollMs: 30 * SECOND,
  settingsRefreshMs: 15 * MINUTE,
  planBatchWindowMs: 250,
  tickMs: 5 * SECOND,
  leaseMs: 2 * MINUTE,
  // Measured (test/salesforce/measureBulkThreshold.ts, README "Writes"): a Bulk API 2.0 job costs
  // 8 calls whatever its size, Composite collections one call per 1,000 records; calls break even
  // at 8,000 and Composite was faster at every size up to 10,000, so Bulk starts above 10,000.
  bulkThreshold: 10_000,
} as const;
