// Reads the environment (and CLI flags, which win) into a validated ServiceConfig. Bad or missing
// values fail here, at start-up, with one line per problem naming the variable to set.
import { hostname } from 'node:os';
import path from 'node:path';
import { configSchema, DEFAULTS, type OrgAuthConfig, type ServiceConfig } from './configSchema.ts';
import { describeDispatchIssue, dispatchFromEnv } from './dispatchFromEnv.ts';

export type Env = Record<string, string | undefined>;

/** Overrides from the command line; each wins over its environment variable. */
export interface ConfigFlags {
  loginUrl?: string;
  databaseUrl?: string;
  port?: number;
  logLevel?: string;
  instanceId?: string;
  /** false: `--no-dispatch` (wins over DISPATCH). */
  dispatch?: boolean;
}

export interface LoadOptions {
  /** `sync-service run`: a relay (SMTP_URL) or DISPATCH=off must be configured. */
  dispatchRequired?: boolean;
}

export class ConfigError extends Error {
  readonly code = 'CONFIG.INVALID';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Which variable each config path comes from, so errors tell the operator what to set. */
const SOURCE_OF: Record<string, string> = {
  'org.loginUrl': 'SF_LOGIN_URL (or --login-url)',
  'org.apiVersion': 'SF_API_VERSION',
  'org.clientName': 'SF_CLIENT_NAME',
  'org.auth.clientId': 'SF_CLIENT_ID',
  'org.auth.clientSecret': 'SF_CLIENT_SECRET',
  'org.auth.username': 'SF_USERNAME',
  'org.auth.password': 'SF_PASSWORD',
  'org.auth.keyFile': 'SF_JWT_KEY_FILE',
  'org.auth.audience': 'SF_JWT_AUDIENCE',
  'database.url': 'DATABASE_URL (or --database-url)',
  'database.schema': 'DATABASE_SCHEMA',
  'http.port': 'PORT (or --port)',
  logLevel: 'LOG_LEVEL (or --log-level)',
  instanceId: 'SYNC_INSTANCE_ID',
  'writes.bulkThreshold': 'SYNC_BULK_THRESHOLD',
};

function numberFrom(raw: string | undefined, name: string, problems: string[]): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) {
    problems.push(`${name}=${JSON.stringify(raw)} is not a number`);
    return undefined;
  }
  return value;
}

function authFrom(env: Env, problems: string[]): OrgAuthConfig | undefined {
  const requested = env.SF_AUTH;
  const kind =
    requested ??
    (env.SF_JWT_KEY_FILE
      ? 'jwt'
      : env.SF_USERNAME && env.SF_PASSWORD
        ? 'password'
        : env.SF_CLIENT_SECRET
          ? 'client_credentials'
          : undefined);
  switch (kind) {
    case 'jwt':
      return {
        kind,
        clientId: env.SF_CLIENT_ID ?? '',
        username: env.SF_USERNAME ?? '',
        keyFile: env.SF_JWT_KEY_FILE ?? '',
        ...(env.SF_JWT_AUDIENCE ? { audience: env.SF_JWT_AUDIENCE } : {}),
      };
    case 'client_credentials':
      return { kind, clientId: env.SF_CLIENT_ID ?? '', clientSecret: env.SF_CLIENT_SECRET ?? '' };
    case 'password':
      return {
        kind,
        username: env.SF_USERNAME ?? '',
        password: env.SF_PASSWORD ?? '',
        ...(env.SF_CLIENT_ID ? { clientId: env.SF_CLIENT_ID } : {}),
        ...(env.SF_CLIENT_SECRET ? { clientSecret: env.SF_CLIENT_SECRET } : {}),
      };
    case undefined:
      problems.push(
        'no org login configured: set SF_JWT_KEY_FILE + SF_CLIENT_ID + SF_USERNAME (JWT bearer, real orgs), ' +
          'or SF_CLIENT_ID + SF_CLIENT_SECRET (client credentials), or SF_USERNAME + SF_PASSWORD',
      );
      return undefined;
    default:
      problems.push(`SF_AUTH=${JSON.stringify(requested)} is not one of jwt, client_credentials, password`);
      return undefined;
  }
}

/** `postgres://…` or `postgresql://…` selects PostgreSQL; anything else is a SQLite file path
 * (a `sqlite:` or `file:` prefix is accepted and dropped). */
export function databaseFrom(url: string | undefined, cwd: string): ServiceConfig['database'] {
  const raw = url && url !== '' ? url : DEFAULTS.sqliteFile;
  if (/^postgres(ql)?:\/\//.test(raw)) return { dialect: 'postgres', url: raw };
  const file = raw.replace(/^(sqlite|file):(\/\/)?/, '');
  return { dialect: 'sqlite', url: file === ':memory:' ? file : path.resolve(cwd, file) };
}

export function loadConfig(
  env: Env,
  flags: ConfigFlags = {},
  cwd = process.cwd(),
  options: LoadOptions = {},
): ServiceConfig {
  const problems: string[] = [];
  const auth = authFrom(env, problems);
  const database = databaseFrom(flags.databaseUrl ?? env.DATABASE_URL, cwd);
  if (env.DATABASE_SCHEMA) database.schema = env.DATABASE_SCHEMA;
  const candidate = {
    org: {
      loginUrl: flags.loginUrl ?? env.SF_LOGIN_URL ?? '',
      apiVersion: env.SF_API_VERSION ?? DEFAULTS.apiVersion,
      clientName: env.SF_CLIENT_NAME ?? DEFAULTS.clientName,
      auth,
    },
    database,
    http: {
      host: env.HOST ?? DEFAULTS.httpHost,
      port: flags.port ?? numberFrom(env.PORT, 'PORT', problems) ?? DEFAULTS.httpPort,
    },
    logLevel: flags.logLevel ?? env.LOG_LEVEL ?? DEFAULTS.logLevel,
    instanceId: flags.instanceId ?? env.SYNC_INSTANCE_ID ?? `${hostname()}-${process.pid}`,
    streaming: {
      channel: env.SYNC_CHANNEL ?? DEFAULTS.channel,
      retentionMs: DEFAULTS.retentionMs,
    },
    intervals: {
      heartbeatMs: DEFAULTS.heartbeatMs,
      taskPollMs: numberFrom(env.SYNC_TASK_POLL_MS, 'SYNC_TASK_POLL_MS', problems) ?? DEFAULTS.taskPollMs,
      settingsRefreshMs: DEFAULTS.settingsRefreshMs,
      planBatchWindowMs: DEFAULTS.planBatchWindowMs,
      tickMs: numberFrom(env.SYNC_TICK_MS, 'SYNC_TICK_MS', problems) ?? DEFAULTS.tickMs,
      leaseMs: DEFAULTS.leaseMs,
    },
    writes: {
      bulkThreshold:
        numberFrom(env.SYNC_BULK_THRESHOLD, 'SYNC_BULK_THRESHOLD', problems) ?? DEFAULTS.bulkThreshold,
    },
    dispatch: dispatchFromEnv(
      env,
      { flag: flags.dispatch, required: options.dispatchRequired ?? false, cwd },
      problems,
    ),
  };
  if (!candidate.org.loginUrl) {
    problems.push(
      'SF_LOGIN_URL is not set: use https://login.salesforce.com, https://test.salesforce.com, or the org emulator URL',
    );
  }
  const parsed = configSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const where = issue.path.join('.');
      if (where === 'org.loginUrl' && !candidate.org.loginUrl) continue; // already explained
      if (where === 'org.auth' && !auth) continue;
      if (issue.path[0] === 'dispatch') {
        problems.push(describeDispatchIssue(issue.path.slice(1).join('.'), issue.message, env));
        continue;
      }
      const source = SOURCE_OF[where] ?? where;
      problems.push(`${source}: ${issue.message}`);
    }
  }
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  return parsed.data;
}

/** The configuration with secrets replaced, safe to log or print. */
export function redactConfig(config: ServiceConfig): unknown {
  const auth: Record<string, unknown> = { ...config.org.auth };
  for (const secret of ['clientSecret', 'password']) if (secret in auth) auth[secret] = '***';
  const url = config.database.url.replace(/(postgres(?:ql)?:\/\/[^:/@]+:)[^@]*@/, '$1***@');
  return {
    ...config,
    org: { ...config.org, auth },
    database: { ...config.database, url },
    ...(config.dispatch ? { dispatch: redactDispatch(config.dispatch) } : {}),
  };
}

function redactDispatch(dispatch: NonNullable<ServiceConfig['dispatch']>): unknown {
  const unsubscribe = dispatch.unsubscribe ? { ...dispatch.unsubscribe, secret: '***' } : undefined;
  if (!dispatch.enabled) return { ...dispatch, ...(unsubscribe ? { unsubscribe } : {}) };
  const { auth } = dispatch.smtp;
  return {
    ...dispatch,
    smtp: { ...dispatch.smtp, ...(auth ? { auth: { user: auth.user, pass: '***' } } : {}) },
    ...(dispatch.dkim ? { dkim: { ...dispatch.dkim, privateKey: '***' } } : {}),
    ...(unsubscribe ? { unsubscribe } : {}),
  };
}
