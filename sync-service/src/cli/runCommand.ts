// `sync-service run`: validates the configuration (environment + flags), starts the service and
// keeps it running until SIGINT or SIGTERM, then stops cleanly (subscription, leases, store).
// It sends emails through SMTP_URL, or refuses to start unless told DISPATCH=off / --no-dispatch.
import { Command } from 'commander';
import pino from 'pino';
import {
  ConfigError,
  DISPATCH_DEFAULTS,
  loadConfig,
  type ConfigFlags,
  type LoadOptions,
} from '../config/index.ts';
import { startSyncService } from '../service/syncService.ts';
import { defaultExtensions } from '../service/defaultExtensions.ts';

export const CONFIG_EXIT_CODE = 2;

export interface CommonFlags {
  loginUrl?: string;
  databaseUrl?: string;
  port?: string;
  logLevel?: string;
  instanceId?: string;
  /** false with `--no-dispatch`. */
  dispatch?: boolean;
}

export function configFlags(options: CommonFlags): ConfigFlags {
  const flags: ConfigFlags = {};
  if (options.loginUrl) flags.loginUrl = options.loginUrl;
  if (options.databaseUrl) flags.databaseUrl = options.databaseUrl;
  if (options.port !== undefined) flags.port = Number(options.port);
  if (options.logLevel) flags.logLevel = options.logLevel;
  if (options.instanceId) flags.instanceId = options.instanceId;
  if (options.dispatch === false) flags.dispatch = false;
  return flags;
}

export function withCommonFlags(command: Command): Command {
  return command
    .option('--login-url <url>', 'org login URL (SF_LOGIN_URL)')
    .option('--database-url <url>', 'SQLite file or postgres:// URL (DATABASE_URL)')
    .option('--port <port>', 'HTTP port for /healthz, /readyz, /metrics (PORT)')
    .option('--log-level <level>', 'fatal, error, warn, info, debug, trace or silent (LOG_LEVEL)')
    .option('--instance-id <id>', 'this process in Sync_Service_Status__c and leases (SYNC_INSTANCE_ID)');
}

/** Loads the configuration or prints every problem and exits with status 2. */
export function loadConfigOrExit(options: CommonFlags, loadOptions: LoadOptions = {}) {
  try {
    return loadConfig(process.env, configFlags(options), process.cwd(), loadOptions);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(CONFIG_EXIT_CODE);
  }
}

const D = DISPATCH_DEFAULTS;
const SENDING_HELP = `
Sending (environment variables; the full table is in sync-service/README.md, "Configuration"):
  SMTP_URL                     the relay: smtp://user:password@host:587 (STARTTLS) or
                               smtps://user:password@host:465 (TLS); required unless DISPATCH=off
  DISPATCH                     on (default) or off: run without sending (as --no-dispatch)
  SENDING_DOMAIN               Message-ID domain (default: the sender's address domain)
  UNSUBSCRIBE_BASE_URL         public https URL of this service's unsubscribe route, e.g.
                               https://sync.example.com/u/ (set both or neither)
  UNSUBSCRIBE_SECRET           ${D.unsubscribeSecretMinLength}+ characters signing the links (openssl rand -hex 32)
  DKIM_SELECTOR, DKIM_DOMAIN   DKIM signing; DKIM_DOMAIN defaults to SENDING_DOMAIN
  DKIM_PRIVATE_KEY_FILE        PEM private key file (or DKIM_PRIVATE_KEY: the PEM itself)
  SMTP_REQUIRE_TLS             true/false (default: true when SMTP_URL has a login and a remote host)
  SMTP_EHLO_NAME               host name announced in EHLO
  SMTP_MAX_CONNECTIONS         ${D.maxConnections}; SMTP_MAX_MESSAGES_PER_CONNECTION ${D.maxMessagesPerConnection}
  SMTP_CONNECTION_TIMEOUT_MS   ${D.connectionTimeoutMs}; SMTP_GREETING_TIMEOUT_MS ${D.greetingTimeoutMs}; SMTP_SOCKET_TIMEOUT_MS ${D.socketTimeoutMs}
  DISPATCH_BATCH_SIZE          ${D.batchSize}; SEND_CONCURRENCY ${D.sendConcurrency}; DISPATCH_POLL_MS ${D.pollIntervalMs}
`;

export function registerRunCommand(program: Command): void {
  withCommonFlags(
    program
      .command('run')
      .description('Run the sync service: stream, sweep, plan, open and expire tasks, dispatch, heartbeat.'),
  )
    .option(
      '--no-dispatch',
      'send no emails (DISPATCH=off): plan and open tasks only; logged loudly and shown on the heartbeat',
    )
    .addHelpText('after', SENDING_HELP)
    .action(async (options: CommonFlags) => {
      const config = loadConfigOrExit(options, { dispatchRequired: true });
      const logger = pino({ level: config.logLevel });
      const service = await startSyncService({ config, logger, ...(await defaultExtensions(config)) });
      const stop = async (signal: string) => {
        logger.info({ signal }, 'stopping');
        await service.stop();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop('SIGINT'));
      process.once('SIGTERM', () => void stop('SIGTERM'));
    });
}
