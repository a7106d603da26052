// Everything that must hold before one person's campaign can be planned: the campaign itself
// (validateCampaign) plus the launch facts — time zone, instants, Send At, holidays, and
// progress facts that name real steps of the right kind.

import { parseIsoDate } from './calendarDate.ts';
import { compileCampaign } from './compiledCampaign.ts';
import { problem, type PlanProblem } from './planErrors.ts';
import type { PlanInput } from './planTypes.ts';
import { isValidTimeZone } from './zonedTime.ts';

export function checkPlanInput(input: PlanInput): PlanProblem[] {
  const compiled = compileCampaign(input.campaign);
  const problems: PlanProblem[] = compiled.problems.length > 0 ? [...compiled.problems] : [];
  if (typeof input.timeZone !== 'string' || !isValidTimeZone(input.timeZone)) {
    problems.push(
      problem(
        'PLAN.UNKNOWN_TIME_ZONE',
        `Unknown time zone ${JSON.stringify(input.timeZone)} (expected an IANA name such as Europe/Paris)`,
      ),
    );
  }
  if (!isInstant(input.launchedAt)) {
    problems.push(
      problem('PLAN.INVALID_INSTANT', `Launch moment ${String(input.launchedAt)} is not an instant`),
    );
  }
  const sendAt = input.sendAt ?? null;
  if (sendAt !== null && !isInstant(sendAt)) {
    problems.push(problem('PLAN.INVALID_INSTANT', `Send At ${String(sendAt)} is not an instant`));
  }
  if (sendAt === null && compiled.firstEmail?.option === 'Choose_At_Launch') {
    problems.push(
      problem(
        'PLAN.MISSING_SEND_AT',
        `Step ${compiled.firstEmail.id}: Send At is required at launch for Choose_At_Launch`,
        compiled.firstEmail.id,
      ),
    );
  }
  if (input.holidays) problems.push(...checkHolidays(input.holidays));
  if (input.progress) problems.push(...checkProgress(input, compiled));
  if (input.pauses && input.pauses.length > 0) problems.push(...checkPauses(input));
  return problems;
}

// Many people share one holiday list: check each list object once.
const checkedHolidays = new WeakMap<object, PlanProblem[]>();

function checkHolidays(holidays: Iterable<string>): PlanProblem[] {
  const known = checkedHolidays.get(holidays);
  if (known) return known;
  const problems: PlanProblem[] = [];
  for (const date of holidays) {
    if (typeof date !== 'string' || parseIsoDate(date) === null) {
      problems.push(
        problem('PLAN.INVALID_HOLIDAY', `Holiday ${JSON.stringify(date)} is not a date (YYYY-MM-DD)`),
      );
    }
  }
  checkedHolidays.set(holidays, problems);
  return problems;
}

function checkProgress(input: PlanInput, compiled: ReturnType<typeof compileCampaign>): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (compiled.problems.length > 0) return problems;
  for (const [stepId, facts] of Object.entries(input.progress ?? {})) {
    const step = compiled.byId.get(stepId);
    if (!step) {
      problems.push(problem('PLAN.UNKNOWN_STEP', `Step ${stepId}: no such step in the campaign`, stepId));
      continue;
    }
    for (const [name, value] of Object.entries(facts)) {
      if (value !== undefined && value !== null && !isInstant(value)) {
        problems.push(
          problem(
            'PLAN.INVALID_INSTANT',
            `Step ${stepId}: ${name} ${String(value)} is not an instant`,
            stepId,
          ),
        );
      }
    }
    const taskFacts = ['completedAt', 'expiredAt', 'taskOpenedAt'] as const;
    for (const name of taskFacts) {
      if (facts[name] != null && !step.isTask) {
        problems.push(
          problem(
            'PLAN.NOT_A_TASK',
            `Step ${stepId}: ${name} given, but the step is not a task (it is an automatic email)`,
            stepId,
          ),
        );
      }
    }
    if (facts.sentAt != null && !step.isEmail) {
      problems.push(
        problem(
          'PLAN.NOT_AN_EMAIL',
          `Step ${stepId}: sentAt given, but the step is a ${step.definition.type}, not an email`,
          stepId,
        ),
      );
    }
  }
  return problems;
}

function checkPauses(input: PlanInput): PlanProblem[] {
  const pauses = [...(input.pauses ?? [])].sort((a, b) => a.pausedAt - b.pausedAt);
  const problems: PlanProblem[] = [];
  pauses.forEach((pause, index) => {
    const resumedAt = pause.resumedAt ?? null;
    if (!isInstant(pause.pausedAt) || (resumedAt !== null && !isInstant(resumedAt))) {
      problems.push(
        problem('PLAN.INVALID_PAUSE', `Pause ${index + 1}: pausedAt and resumedAt must be instants`),
      );
    } else if (resumedAt !== null && resumedAt < pause.pausedAt) {
      problems.push(problem('PLAN.INVALID_PAUSE', `Pause ${index + 1}: resumed before it was paused`));
    } else if (resumedAt === null && index < pauses.length - 1) {
      problems.push(
        problem('PLAN.INVALID_PAUSE', `Pause ${index + 1}: never resumed, yet another pause follows`),
      );
    } else if (resumedAt !== null && index < pauses.length - 1 && pauses[index + 1]!.pausedAt < resumedAt) {
      problems.push(problem('PLAN.INVALID_PAUSE', `Pause ${index + 1}: overlaps the next pause`));
    }
  });
  return problems;
}

function isInstant(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
