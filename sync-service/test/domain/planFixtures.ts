// Small builders for planning tests: campaigns written as tables, instants written as local
// wall times with their offset (checked by hand), plans summarised as readable rows.
import type {
  Campaign,
  CampaignStep,
  EnrollmentPlan,
  PlanInput,
  PlanItem,
  SendOption,
} from '../../src/domain/index.ts';
import { formatInstant, parseInstant, planEnrollment } from '../../src/domain/index.ts';

export function email(
  id: string,
  day: number,
  order: number,
  sendOption: SendOption,
  sendTime?: string,
): CampaignStep {
  return sendTime === undefined
    ? { id, day, order, type: 'Email', sendOption }
    : { id, day, order, type: 'Email', sendOption, sendTime };
}

export function task(
  id: string,
  day: number,
  order: number,
  type: 'Call' | 'InMail' | 'Custom_Task' = 'Call',
): CampaignStep {
  return { id, day, order, type };
}

export function campaign(steps: CampaignStep[], settings: Omit<Campaign, 'steps'> = {}): Campaign {
  return {
    skipWeekends: true,
    defaultSendTime: '09:00',
    taskExpiryDays: 2,
    onTaskExpiry: 'Skip_Step',
    ...settings,
    steps,
  };
}

/** An instant from `2026-05-04T08:30+02:00`-style text (offset required, written by hand). */
export function instant(text: string): number {
  const parsed = parseInstant(text);
  if (parsed === null) throw new Error(`test instant ${text} is not an instant`);
  return parsed;
}

/** The UTC `…Z` form the plan uses, from a hand-written local time with offset. */
export function utc(text: string): string {
  return formatInstant(instant(text));
}

export function plan(input: Omit<PlanInput, 'timeZone'> & { timeZone?: string }): EnrollmentPlan {
  return planEnrollment({ timeZone: 'Europe/Paris', ...input });
}

/** `stepId date at|due state`, the columns the rules talk about. */
export function row(item: PlanItem): string {
  const when = item.kind === 'send' ? formatInstant(item.at) : `due ${item.due}`;
  return `${item.stepId} ${item.date} ${when} ${item.state}`;
}

export function item(result: EnrollmentPlan, stepId: string): PlanItem {
  const found = result.items.find((candidate) => candidate.stepId === stepId);
  if (!found) throw new Error(`no item ${stepId}`);
  return found;
}

export function sendAt(result: EnrollmentPlan, stepId: string): string {
  const found = item(result, stepId);
  if (found.kind !== 'send') throw new Error(`${stepId} is not a send`);
  return formatInstant(found.at);
}
