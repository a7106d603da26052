// A campaign prepared once for planning many people: steps in campaign order with their parsed
// times, the settings with the org defaults filled in, and the validation result. Cached per
// campaign object, so treat campaigns as immutable once planned.

import {
  DEFAULT_ON_TASK_EXPIRY,
  DEFAULT_SEND_TIME,
  DEFAULT_TASK_EXPIRY_DAYS,
  firstEmailStep,
  inCampaignOrder,
  isTaskStep,
  type Campaign,
  type CampaignStep,
  type OnTaskExpiry,
  type SendOption,
} from './campaign.ts';
import type { CampaignProblem } from './planErrors.ts';
import { parseTimeOfDay, type MinuteOfDay } from './timeOfDay.ts';
import { validateCampaign } from './validateCampaign.ts';

export interface CompiledStep {
  id: string;
  day: number;
  order: number;
  isEmail: boolean;
  /** Creates a Salesforce Task and gates the campaign. */
  isTask: boolean;
  option: SendOption | null;
  /** The step's Send Time, for At_Time. */
  sendMinute: MinuteOfDay | null;
  isFirstEmail: boolean;
  definition: CampaignStep;
}

export interface CompiledCampaign {
  steps: readonly CompiledStep[];
  byId: ReadonlyMap<string, CompiledStep>;
  firstEmail: CompiledStep | null;
  skipWeekends: boolean;
  defaultSendMinute: MinuteOfDay;
  taskExpiryDays: number;
  onTaskExpiry: OnTaskExpiry;
  problems: readonly CampaignProblem[];
}

const cache = new WeakMap<Campaign, CompiledCampaign>();

export function compileCampaign(campaign: Campaign): CompiledCampaign {
  const cached = cache.get(campaign);
  if (cached) return cached;
  const problems = validateCampaign(campaign);
  const first = problems.length === 0 ? firstEmailStep(campaign.steps) : null;
  const steps =
    problems.length === 0
      ? inCampaignOrder(campaign.steps).map((step) => compileStep(step, step === first))
      : [];
  const compiled: CompiledCampaign = {
    steps,
    byId: new Map(steps.map((step) => [step.id, step])),
    firstEmail: steps.find((step) => step.isFirstEmail) ?? null,
    skipWeekends: campaign.skipWeekends === true,
    defaultSendMinute: parseTimeOfDay(campaign.defaultSendTime ?? DEFAULT_SEND_TIME) ?? 9 * 60,
    taskExpiryDays: campaign.taskExpiryDays ?? DEFAULT_TASK_EXPIRY_DAYS,
    onTaskExpiry: campaign.onTaskExpiry ?? DEFAULT_ON_TASK_EXPIRY,
    problems,
  };
  cache.set(campaign, compiled);
  return compiled;
}

function compileStep(step: CampaignStep, isFirstEmail: boolean): CompiledStep {
  const isEmail = step.type === 'Email';
  const option = isEmail ? (step.sendOption ?? null) : null;
  return {
    id: step.id,
    day: step.day,
    order: step.order,
    isEmail,
    isTask: isTaskStep(step),
    option,
    sendMinute: option === 'At_Time' && step.sendTime ? parseTimeOfDay(step.sendTime) : null,
    isFirstEmail,
    definition: step,
  };
}
