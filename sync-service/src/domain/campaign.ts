// The campaign as the planner sees it (DESIGN §2, §3): settings and an ordered list of steps.
// Values are the picklist API names, the same strings in the org, in JSON and in code.
import {
  CAMPAIGN_STEP_SEND_OPTION_VALUES,
  CAMPAIGN_STEP_TYPE_VALUES,
  SALES_CAMPAIGN_ON_TASK_EXPIRY_VALUES,
} from '@sales-campaigns/metadata/schema';

// The picklist values come from the package itself (generated from force-app), so a value
// renamed in Salesforce breaks this build instead of a plan in production.
export const STEP_TYPES = CAMPAIGN_STEP_TYPE_VALUES;
export type StepType = (typeof STEP_TYPES)[number];

export const SEND_OPTIONS = CAMPAIGN_STEP_SEND_OPTION_VALUES;
export type SendOption = (typeof SEND_OPTIONS)[number];

export const ON_TASK_EXPIRY = SALES_CAMPAIGN_ON_TASK_EXPIRY_VALUES;
export type OnTaskExpiry = (typeof ON_TASK_EXPIRY)[number];

/** Org defaults (Campaign_Setting__mdt) used when a campaign leaves a setting empty. */
export const DEFAULT_TASK_EXPIRY_DAYS = 2;
export const DEFAULT_ON_TASK_EXPIRY: OnTaskExpiry = 'Skip_Step';
export const DEFAULT_SEND_TIME = '09:00';

export interface CampaignStep {
  id: string;
  /** Position in the campaign: Day 3 is the third campaign day (1-based). */
  day: number;
  /** Order within the day. */
  order: number;
  type: StepType;
  /** Emails only. */
  sendOption?: SendOption | null;
  /** `HH:mm` (or Salesforce's `HH:mm:ss.SSSZ`); required for `At_Time`. */
  sendTime?: string | null;
  subject?: string | null;
  body?: string | null;
}

export interface CampaignSettings {
  skipWeekends?: boolean;
  /** Whether the org's Holiday records are non-campaign days; the caller applies it (see planEnrollment). */
  skipHolidays?: boolean;
  /** `HH:mm`; DEFAULT_SEND_TIME when absent. */
  defaultSendTime?: string | null;
  /** Campaign days a task may stay open after its due date; DEFAULT_TASK_EXPIRY_DAYS when absent. */
  taskExpiryDays?: number | null;
  onTaskExpiry?: OnTaskExpiry | null;
}

export interface Campaign extends CampaignSettings {
  steps: readonly CampaignStep[];
}

/** Steps that create a Salesforce Task and gate the campaign (DESIGN §2.3). */
export function isTaskStep(step: Pick<CampaignStep, 'type' | 'sendOption'>): boolean {
  return step.type !== 'Email' || step.sendOption === 'Manual_Task';
}

/** Campaign order: (Day, Order). Ties keep the input order. */
export function inCampaignOrder<T extends Pick<CampaignStep, 'day' | 'order'>>(steps: readonly T[]): T[] {
  return steps
    .map((step, index) => ({ step, index }))
    .sort((a, b) => a.step.day - b.step.day || a.step.order - b.step.order || a.index - b.index)
    .map(({ step }) => step);
}

/**
 * The first email step (DESIGN §2.2): the email with the lowest (Day, Order) when it is also the
 * first step of Day 1. Null when Day 1 does not start with an email.
 */
export function firstEmailStep<T extends Pick<CampaignStep, 'day' | 'order' | 'type'>>(
  steps: readonly T[],
): T | null {
  const first = inCampaignOrder(steps)[0];
  return first && first.day === 1 && first.type === 'Email' ? first : null;
}
