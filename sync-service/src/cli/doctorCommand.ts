// `sync-service doctor`: one line per check, what is missing and how to fix it; exit 1 if any fails.
import { Command } from 'commander';
import pino from 'pino';
import { runDoctor } from '../service/doctor.ts';
import { loadConfigOrExit, withCommonFlags, type CommonFlags } from './runCommand.ts';

export function registerDoctorCommand(program: Command): void {
  withCommonFlags(
    program
      .command('doctor')
      .description(
        'Check the configuration, the store, the org login, permissions, settings and the CDC channel.',
      ),
  ).action(async (options: CommonFlags) => {
    const config = loadConfigOrExit(options);
    const checks = await runDoctor(config, pino({ level: 'silent' }));
    for (const check of checks)
      process.stdout.write(`${check.ok ? 'ok  ' : 'FAIL'}  ${check.name}: ${check.detail}\n`);
    const failed = checks.filter((c) => !c.ok).length;
    process.stdout.write(failed ? `\n${failed} check(s) failed.\n` : '\nAll checks passed.\n');
    process.exit(failed ? 1 : 0);
  });
}
