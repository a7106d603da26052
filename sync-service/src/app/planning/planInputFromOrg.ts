// Builds the planner's input for one enrollment from the org's records (the system of record)
// and the service's remembered input (step definitions already acted on, pauses). The planner
// decides everything else; this only translates field values into its terms.
import {
  firstEmailStep,
  planEnrollment,
  stepsEdited,
  isTaskStep,
  type Campaign,
  type CampaignStep,
  type EnrollmentPlan,
  type IsoDate,
  type OnTaskExpiry,
  type Pause,
  type PlanInput,
  type SendOption,
  type StepProgress,
  type StepType,
} from '../../domain/index.ts';
import type {
  CampaignRecord,
  CampaignStepRecord,
  EnrollmentRecord,
  EnrollmentStepRecord,
} from '../ports/campaignOrg.ts';
import type { OrgDefaults } from './orgReferenceData.ts';

export interface EnrollmentFacts {
  enrollment: EnrollmentRecord;
  campaign: CampaignRecord;
  steps: CampaignStepRecord[];
  enrollmentSteps: EnrollmentStepRecord[];
  timeZone: string;
  holidays: ReadonlySet<IsoDate> | undefined;
  defaults: OrgDefaults;
  /** The input remembered from the last plan, if the store has it. */
  remembered: PlanInput | null;
  /** When the current pause state was observed (the change event's commit time, or now). */
  observedAt: number;
}

export function instantOf(value: string | null | undefined): number | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

export function campaignStepFrom(record: CampaignStepRecord): CampaignStep {
  return {
    id: record.Id,
    day: Number(record.Day__c),
    order: Number(record.Order__c),
    type: record.Type__c as StepType,
    sendOption: (record.Send_Option__c as SendOption | null) ?? null,
    sendTime: record.Send_Time__c ?? null,
    subject: record.Subject__c ?? null,
  };
}

export function campaignFrom(
  campaign: CampaignRecord,
  steps: CampaignStepRecord[],
  defaults: OrgDefaults,
): Campaign {
  return {
    skipWeekends: Boolean(campaign.Skip_Weekends__c),
    skipHolidays: Boolean(campaign.Skip_Holidays__c),
    defaultSendTime: campaign.Default_Send_Time__c ?? defaults.defaultSendTime,
    taskExpiryDays: campaign.Task_Expiry_Days__c ?? defaults.taskExpiryDays,
    onTaskExpiry: (campaign.On_Task_Expiry__c as OnTaskExpiry | null) ?? 'Skip_Step',
    steps: steps.map(campaignStepFrom),
  };
}

/** What has happened to each step, read from its Enrollment_Step__c. Failed, cancelled and
 * uncertain emails release the campaign like a skip: they were not sent, nothing waits on them. */
export function progressFrom(
  enrollmentSteps: EnrollmentStepRecord[],
  steps: ReadonlyMap<string, CampaignStep>,
): Record<string, StepProgress> {
  const progress: Record<string, StepProgress> = {};
  for (const record of enrollmentSteps) {
    const step = steps.get(record.Step__c);
    if (!step) continue;
    const task = isTaskStep(step);
    const touched = instantOf(record.SystemModstamp) ?? 0;
    const completedAt = instantOf(record.Completed_At__c);
    const sentAt = instantOf(record.Sent_At__c);
    switch (record.Status__c) {
      case 'Sent':
        progress[step.id] = { sentAt: sentAt ?? completedAt ?? touched };
        break;
      case 'Completed':
        progress[step.id] = task
          ? { completedAt: completedAt ?? touched }
          : { sentAt: sentAt ?? completedAt ?? touched };
        break;
      case 'Expired':
        if (task) progress[step.id] = { expiredAt: instantOf(record.Expires_At__c) ?? touched };
        break;
      case 'Skipped':
      case 'Failed':
      case 'Cancelled':
      case 'Uncertain':
        progress[step.id] = { skippedAt: completedAt ?? touched };
        break;
      case 'Task_Open':
      case 'Send_Requested':
      case 'Sending':
        if (task) progress[step.id] = { taskOpenedAt: instantOf(record.Scheduled_At__c) ?? touched };
        break;
      default:
        break;
    }
  }
  return progress;
}

/** Pauses: the remembered ones, with the current state applied (a new pause opened, or the open
 * one closed). A campaign paused as a whole holds every enrollment in it. */
export function pausesFrom(facts: EnrollmentFacts): Pause[] {
  const pauses: Pause[] = [...(facts.remembered?.pauses ?? [])].map((p) => ({ ...p }));
  const open = pauses.find((p) => p.resumedAt == null);
  const pausedNow = facts.enrollment.Status__c === 'Paused' || facts.campaign.Status__c === 'Paused';
  if (pausedNow && !open) {
    const lastResume = Math.max(-Infinity, ...pauses.map((p) => p.resumedAt ?? -Infinity));
    const recorded =
      facts.enrollment.Status__c === 'Paused' ? instantOf(facts.enrollment.Paused_At__c) : null;
    const pausedAt = recorded !== null && recorded > lastResume ? recorded : facts.observedAt;
    pauses.push({ pausedAt, resumedAt: null });
  } else if (!pausedNow && open) {
    open.resumedAt = Math.max(open.pausedAt, facts.observedAt);
  }
  return pauses;
}

export interface PlannedEnrollment {
  input: PlanInput;
  plan: EnrollmentPlan;
}

/** Plans the enrollment. Step definitions already acted on keep their remembered form (domain
 * stepsEdited): editing a live campaign re-plans only what was not sent or tasked yet. */
export function planFromFacts(facts: EnrollmentFacts): PlannedEnrollment {
  const campaign = campaignFrom(facts.campaign, facts.steps, facts.defaults);
  const stepsById = new Map(campaign.steps.map((s) => [s.id, s]));
  for (const step of facts.remembered?.campaign.steps ?? [])
    if (!stepsById.has(step.id)) stepsById.set(step.id, step);
  const launchedAt = instantOf(facts.enrollment.Launched_At__c) ?? instantOf(facts.enrollment.CreatedDate)!;
  const input: PlanInput = {
    campaign,
    timeZone: facts.timeZone,
    launchedAt,
    sendAt: sendAtOf(facts.enrollment, campaign, launchedAt),
    progress: progressFrom(facts.enrollmentSteps, stepsById),
    pauses: pausesFrom(facts),
    ...(campaign.skipHolidays && facts.holidays ? { holidays: facts.holidays } : {}),
  };
  if (facts.remembered) {
    const base: PlanInput = { ...input, campaign: { ...campaign, steps: facts.remembered.campaign.steps } };
    return stepsEdited(base, campaign.steps);
  }
  return { input, plan: planEnrollment(input) };
}

/** The rep's Send At. An empty one means "start now" when the first email is Choose_At_Launch
 * (DESIGN §3, who writes what): the screens leave it empty for "start now", so it is the launch
 * moment — the planner itself insists on an explicit Send At for that option. */
function sendAtOf(enrollment: EnrollmentRecord, campaign: Campaign, launchedAt: number): number | null {
  const chosen = instantOf(enrollment.Send_At__c);
  if (chosen !== null) return chosen;
  return firstEmailStep(campaign.steps)?.sendOption === 'Choose_At_Launch' ? launchedAt : null;
}

/** The input as remembered in the store: holidays are org data, re-read, not remembered. */
export function rememberedForm(input: PlanInput): string {
  const { holidays: _holidays, ...rest } = input;
  return JSON.stringify(rest);
}
