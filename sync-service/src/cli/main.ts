// The sync-service command line. Keep this file a table of contents: each subcommand lives in
// its own file and is registered here with one line (registerPlanCommand now; `run` and
// `doctor` join the same way).

import { Command, CommanderError } from 'commander';
import { INVALID_INPUT_EXIT_CODE, registerPlanCommand } from './planCommand.ts';
import { registerRunCommand } from './runCommand.ts';
import { registerDoctorCommand } from './doctorCommand.ts';
import { registerDemoCommand } from './demoCommand.ts';

const program = new Command('sync-service')
  .description(
    'Sales Campaigns sync service: plans campaigns, opens tasks, sends emails, writes outcomes to the org.',
  )
  .exitOverride();

registerPlanCommand(program);
registerRunCommand(program);
registerDoctorCommand(program);
registerDemoCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Commander has already printed its one-line message; --help and --version exit 0.
  if (!(error instanceof CommanderError)) throw error;
  process.exitCode = error.exitCode === 0 ? 0 : INVALID_INPUT_EXIT_CODE;
}
