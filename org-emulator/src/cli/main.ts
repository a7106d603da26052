// `npx org-emulator [--port N] [--seed <plan or tree JSON>] [--clock fast:<factor>]` (DESIGN §6):
// prints exactly one JSON "ready" line on stdout once the org accepts requests; everything else
// goes to stderr; SIGINT/SIGTERM stop it cleanly.
import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { startOrgEmulator } from '../startOrgEmulator.ts';

const env = process.env;

function integer(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new InvalidArgumentError(`expected a non-negative integer, got ${value}`);
  return n;
}

const program = new Command()
  .name('org-emulator')
  .description('A local Salesforce org over the real REST, OAuth and Streaming APIs.')
  .option('--port <n>', 'port to listen on (0 = any free port)', integer, Number(env.ORG_EMULATOR_PORT ?? 0))
  .option('--host <host>', 'interface to bind', env.ORG_EMULATOR_HOST ?? '127.0.0.1')
  .option('--seed <file...>', 'sObject tree plan file(s) or tree JSON to import at start')
  .option('--clock <spec>', 'fast:<factor>, real or frozen', env.ORG_EMULATOR_CLOCK)
  .option('--clock-start <iso>', 'the instant the clock starts at', env.ORG_EMULATOR_CLOCK_START)
  .option(
    '--force-app <dir>',
    'package source directory (default: the repository force-app)',
    env.ORG_EMULATOR_FORCE_APP,
  )
  .option('--persist <file>', 'keep records in this SQLite file', env.ORG_EMULATOR_PERSIST)
  .option('--username <u>', 'login username', env.ORG_EMULATOR_USERNAME)
  .option('--password <p>', 'login password', env.ORG_EMULATOR_PASSWORD)
  .option('--client-id <id>', 'connected app client id', env.ORG_EMULATOR_CLIENT_ID)
  .option('--client-secret <s>', 'connected app client secret', env.ORG_EMULATOR_CLIENT_SECRET)
  .option('--jwt-cert <file>', 'PEM certificate for the JWT bearer grant', env.ORG_EMULATOR_JWT_CERT)
  .option(
    '--token-lifetime <seconds>',
    'access token lifetime',
    integer,
    env.ORG_EMULATOR_TOKEN_LIFETIME ? Number(env.ORG_EMULATOR_TOKEN_LIFETIME) : undefined,
  )
  .option(
    '--daily-api-limit <n>',
    'daily API request allowance',
    integer,
    env.ORG_EMULATOR_DAILY_API_LIMIT ? Number(env.ORG_EMULATOR_DAILY_API_LIMIT) : undefined,
  );

program.parse();
const opts = program.opts<{
  port: number;
  host: string;
  seed?: string[];
  clock?: string;
  clockStart?: string;
  forceApp?: string;
  persist?: string;
  username?: string;
  password?: string;
  clientId?: string;
  clientSecret?: string;
  jwtCert?: string;
  tokenLifetime?: number;
  dailyApiLimit?: number;
}>();

const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

try {
  const clock =
    opts.clock?.startsWith('fast:') || opts.clock === 'real' || opts.clock === 'frozen'
      ? opts.clock
      : undefined;
  if (opts.clock && !clock) throw new Error(`--clock ${opts.clock}: expected fast:<factor>, real or frozen`);
  const factor =
    clock === undefined ? 1 : clock === 'real' ? 1 : clock === 'frozen' ? 0 : Number(clock.slice(5));
  const emulator = await startOrgEmulator({
    port: opts.port,
    host: opts.host,
    seed: opts.seed,
    clock: { factor, ...(opts.clockStart ? { start: opts.clockStart } : {}) },
    forceAppDir: opts.forceApp,
    persistFile: opts.persist,
    credentials: {
      username: opts.username,
      password: opts.password,
      clientId: opts.clientId,
      clientSecret: opts.clientSecret,
    },
    jwtCertificate: opts.jwtCert ? readFileSync(opts.jwtCert, 'utf8') : undefined,
    tokenLifetimeMs: opts.tokenLifetime === undefined ? undefined : opts.tokenLifetime * 1000,
    dailyApiLimit: opts.dailyApiLimit,
    log,
  });
  process.stdout.write(
    `${JSON.stringify({
      event: 'ready',
      url: emulator.url,
      apiVersion: emulator.apiVersion,
      username: emulator.username,
      password: emulator.password,
      clientId: emulator.clientId,
      clientSecret: emulator.clientSecret,
    })}\n`,
  );
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log(`org-emulator: ${signal} received, stopping`);
    emulator.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log(`org-emulator: error while stopping: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
} catch (error) {
  log(`org-emulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
