// `sync-service run`: validates the configuration (environment + flags), starts the service and
// keeps it running until SIGINT or SIGTERM, then stops cleanly (subscription, leases, store).
import { Command } from 'commander';
import pino from 'pino';
import { ConfigError, loadConfig, type ConfigFlags } from '../config/index.ts';
import { startSyncService } from '../service/syncService.ts';
import { defaultExtensions } from '../service/defaultExtensions.ts';

export const CONFIG_EXIT_CODE = 2;

export interface CommonFlags {
  loginUrl?: string;
  databaseUrl?: string;
  port?: string;
  logLevel?: string;
  instanceId?: string;
}

export function configFlags(options: CommonFlags): ConfigFlags {
  const flags: ConfigFlags = {};
  if (options.loginUrl) flags.loginUrl = options.loginUrl;
  if (options.databaseUrl) flags.databaseUrl = options.databaseUrl;
  if (options.port !== undefined) flags.port = Number(options.port);
  if (options.logLevel) flags.logLevel = options.logLevel;
  if (options.instanceId) flags.instanceId = options.instanceId;
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
export function loadConfigOrExit(options: CommonFlags) {
  try {
    return loadConfig(process.env, configFlags(options));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(CONFIG_EXIT_CODE);
  }
}

export function registerRunCommand(program: Command): void {
  withCommonFlags(
    program
      .command('run')
      .description('Run the sync service: stream, sweep, plan, open and expire tasks, dispatch, heartbeat.'),
  ).action(async (options: CommonFlags) => {
    const config = loadConfigOrExit(options);
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
