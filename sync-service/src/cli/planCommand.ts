// `sync-service plan` (DESIGN §5): prints one person's plan for a campaign file. Every problem
// with the input is reported, one line each on stderr, and the command exits with status 2.

import { Command } from 'commander';
import {
  checkPlanInput,
  compileCampaign,
  isValidTimeZone,
  parseInstant,
  parseIsoDate,
  planEnrollment,
  type PlanInput,
  type StepProgress,
} from '../domain/index.ts';
import { readCampaignFile } from './campaignFile.ts';
import { formatPlan } from './planOutput.ts';

export const INVALID_INPUT_EXIT_CODE = 2;

interface PlanOptions {
  launch?: string;
  sendAt?: string;
  tz?: string;
  complete?: string[];
  holidays?: string[];
}

const EXAMPLES = `
Instants are ISO 8601 with a Z or an offset: 2026-04-30T10:00:00Z, 2026-04-30T12:00:00+02:00.
The plan is printed as JSON: {"timeZone", "day1", "items": [...]}, one item per step in campaign
order, instants in UTC to the second. Invalid input exits with status 2, one line per problem.

Examples:
  $ npx sync-service plan campaign.json --launch 2026-04-30T10:00:00Z
  $ npx sync-service plan campaign.json --launch 2026-04-30T10:00:00Z --send-at now --tz America/New_York
  $ npx sync-service plan campaign.json --launch 2026-04-30T10:00:00Z --complete call=2026-05-07T15:00:00Z
  $ npx sync-service plan campaign.json --launch 2026-04-30T10:00:00Z --holidays 2026-05-08,2026-05-14`;

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerPlanCommand(program: Command): Command {
  return program
    .command('plan')
    .description(
      "Print one person's campaign plan (dates, send moments, task due dates and expiries) as JSON.",
    )
    .argument(
      '<campaign.json>',
      'campaign file: timeZone, skipWeekends, holidays, defaultSendTime, taskExpiryDays, onTaskExpiry, steps',
    )
    .option(
      '--launch <instant>',
      'required: when the person was added to the campaign (Launched_At__c), e.g. 2026-04-30T10:00:00Z',
    )
    .option(
      '--send-at <instant|now>',
      'the Send At moment chosen at launch; "now" means the launch moment. Required when the first email is Choose_At_Launch, e.g. --send-at 2026-05-04T07:00:00Z',
    )
    .option(
      '--tz <zone>',
      "the person's send time zone (IANA name), overriding the file's timeZone, e.g. --tz America/New_York",
    )
    .option(
      '--complete <stepId=instant>',
      'a task step was completed (or a manual email sent) at that instant; repeatable, e.g. --complete call=2026-05-07T15:00:00Z',
      collect,
    )
    .option(
      '--holidays <dates>',
      "extra non-campaign dates, comma-separated YYYY-MM-DD, added to the file's holidays; repeatable, e.g. --holidays 2026-05-08,2026-05-14",
      collect,
    )
    .addHelpText('after', EXAMPLES)
    .action((campaignPath: string, options: PlanOptions) => {
      const { problems, output } = runPlan(campaignPath, options);
      if (problems.length > 0) {
        process.stderr.write(problems.map((line) => `error: ${line}\n`).join(''));
        process.exitCode = INVALID_INPUT_EXIT_CODE;
        return;
      }
      process.stdout.write(output);
    });
}

export function runPlan(campaignPath: string, options: PlanOptions): { problems: string[]; output: string } {
  const problems: string[] = [];
  const fail = (lines: string[]) => ({ problems: lines, output: '' });

  const launchedAt = options.launch === undefined ? null : parseInstant(options.launch);
  if (options.launch === undefined)
    problems.push('--launch <instant> is required (e.g. --launch 2026-04-30T10:00:00Z)');
  else if (launchedAt === null)
    problems.push(`--launch ${options.launch}: not an instant (expected e.g. 2026-04-30T10:00:00Z)`);

  let sendAt: number | null = null;
  if (options.sendAt !== undefined) {
    sendAt = options.sendAt === 'now' ? launchedAt : parseInstant(options.sendAt);
    if (options.sendAt !== 'now' && sendAt === null)
      problems.push(
        `--send-at ${options.sendAt}: not an instant or "now" (expected e.g. 2026-05-04T07:00:00Z)`,
      );
  }

  const extraHolidays = (options.holidays ?? [])
    .flatMap((list) => list.split(','))
    .map((date) => date.trim())
    .filter((date) => date !== '');
  for (const date of extraHolidays) {
    if (parseIsoDate(date) === null) problems.push(`--holidays ${date}: not a date (expected YYYY-MM-DD)`);
  }

  const completions: Array<[stepId: string, at: number]> = [];
  for (const entry of options.complete ?? []) {
    const separator = entry.indexOf('=');
    const stepId = separator > 0 ? entry.slice(0, separator) : '';
    const at = separator > 0 ? parseInstant(entry.slice(separator + 1)) : null;
    if (separator <= 0)
      problems.push(`--complete ${entry}: expected <stepId>=<instant>, e.g. call=2026-05-07T15:00:00Z`);
    else if (at === null)
      problems.push(`--complete ${entry}: ${entry.slice(separator + 1)} is not an instant`);
    else if (completions.some(([known]) => known === stepId))
      problems.push(`--complete ${entry}: step ${stepId} is already completed by an earlier --complete`);
    else completions.push([stepId, at]);
  }

  const read = readCampaignFile(campaignPath);
  if (!read.ok) return fail([...problems, ...read.problems]);
  const { campaign, timeZone: fileZone, holidays: fileHolidays } = read.file;
  const timeZone = options.tz ?? fileZone;
  // A bad zone is reported with where it came from: the flag or the file.
  const zoneSource = options.tz !== undefined ? `--tz ${options.tz}` : `${campaignPath}: timeZone`;
  const describe = (p: { code: string; message: string }): string =>
    p.code === 'PLAN.UNKNOWN_TIME_ZONE'
      ? `${zoneSource}: ${p.message} (${p.code})`
      : `${p.message} (${p.code})`;
  if (timeZone === undefined)
    problems.push(`no time zone: set "timeZone" in ${campaignPath} or pass --tz <zone>`);

  const compiled = compileCampaign(campaign);
  const progress: Record<string, StepProgress> = {};
  for (const [stepId, at] of completions) {
    const step = compiled.byId.get(stepId);
    if (compiled.problems.length > 0) break;
    if (!step)
      problems.push(
        `--complete ${stepId}: no step ${stepId} in the campaign (steps: ${[...compiled.byId.keys()].join(', ')})`,
      );
    else if (!step.isTask)
      problems.push(`--complete ${stepId}: step ${stepId} is not a task (it is an automatic email)`);
    else progress[stepId] = { completedAt: at };
  }

  if (launchedAt === null || timeZone === undefined) {
    // Without a launch moment the plan cannot be checked further; report what can be known.
    const zoneProblem =
      timeZone !== undefined && !isValidTimeZone(timeZone)
        ? [`${zoneSource}: Unknown time zone ${JSON.stringify(timeZone)} (PLAN.UNKNOWN_TIME_ZONE)`]
        : [];
    return fail([...problems, ...zoneProblem, ...compiled.problems.map((p) => `${p.message} (${p.code})`)]);
  }
  // The file lists its holidays explicitly, so they count whatever skipHolidays says (DESIGN §5).
  const input: PlanInput = {
    campaign,
    timeZone,
    holidays: [...fileHolidays, ...extraHolidays.filter((date) => parseIsoDate(date) !== null)],
    launchedAt,
    sendAt,
    progress,
  };
  problems.push(...checkPlanInput(input).map(describe));
  if (problems.length > 0) return fail(problems);
  return { problems, output: formatPlan(planEnrollment(input)) };
}
