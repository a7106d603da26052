// `sync-service demo`: the whole product on a laptop in about a minute (see src/demo/runDemo.ts).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import pino from 'pino';
import { DEMO_DEFAULT_SPEED, DEMO_HORIZON_DAYS, emulatorHooks, realOrgHooks } from '../demo/demoHooks.ts';
import { REPO_ROOT, runDemo } from '../demo/runDemo.ts';

function speedFactor(value: string): number {
  const factor = Number(value);
  if (!Number.isFinite(factor) || factor <= 0)
    throw new InvalidArgumentError(`--speed ${value}: give a positive number, e.g. 600`);
  return factor;
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'Run the product end to end: a local org (seeded with data/), the sync service on SQLite and a local SMTP server ' +
        'saving .eml files, on a fast clock; a scripted rep adds the sample people and works their tasks while a live ' +
        'timeline prints. Exits 0 when every campaign ends as expected.',
    )
    .option(
      '--speed <factor>',
      `simulated seconds per real second (default ${DEMO_DEFAULT_SPEED}; quiet stretches are skipped)`,
      speedFactor,
    )
    .option('--real-time', 'run on the real clock (no acceleration, no skipping); the campaign takes weeks')
    .option('--forever', 'keep running after the campaign has played out (stop with Ctrl-C)')
    .option(
      '--org',
      'use a real org from SF_LOGIN_URL, SF_USERNAME, SF_PASSWORD (+ SF_CLIENT_ID/SECRET) instead of the emulator; runs in real time, emails still go to the local SMTP server',
    )
    .option('--dir <path>', 'where the store, the logs and the .eml files go', path.join(REPO_ROOT, '.demo'))
    .addHelpText(
      'after',
      '\nExamples:\n  npm run demo\n  npm run demo -- --speed 1200\n  npm run demo -- --forever\n  SF_LOGIN_URL=… SF_USERNAME=… SF_PASSWORD=… npm run demo -- --org',
    )
    .action(
      async (opts: { speed?: number; realTime?: boolean; forever?: boolean; org?: boolean; dir: string }) => {
        const dir = path.resolve(opts.dir);
        mkdirSync(dir, { recursive: true });
        const realTime = Boolean(opts.realTime || opts.org);
        const speed = realTime ? 1 : (opts.speed ?? DEMO_DEFAULT_SPEED);
        const logger = pino(
          { level: process.env.LOG_LEVEL ?? 'info' },
          pino.destination({ dest: path.join(dir, 'service.log'), sync: true }),
        );
        const stopping = new AbortController();
        const onSignal = () => stopping.abort();
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        try {
          const result = await runDemo(
            {
              speed,
              forever: Boolean(opts.forever),
              dir,
              write: (line) => process.stdout.write(`${line}\n`),
              logger,
              maxSimulatedDays: DEMO_HORIZON_DAYS,
              refreshMs: 25,
              timeLapse: !realTime,
              signal: stopping.signal,
            },
            opts.org ? realOrgHooks(process.env) : emulatorHooks(),
          );
          process.exitCode = result.exitCode;
        } catch (error) {
          process.stderr.write(
            `demo failed: ${(error as Error).message}\n(see ${path.join(dir, 'service.log')})\n`,
          );
          process.exitCode = 1;
        } finally {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
        }
        // Everything is stopped; a client library's lingering reconnect timer must not keep the
        // command alive after its verdict.
        process.stdout.write('', () => process.exit(process.exitCode ?? 0));
      },
    );
}
