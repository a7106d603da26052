// What the planner takes and returns. Instants are epoch milliseconds (EpochMs), dates are
// `YYYY-MM-DD` in the person's send time zone.

import type { Campaign } from './campaign.ts';
import type { IsoDate } from './calendarDate.ts';
import type { EpochMs } from './zonedTime.ts';

/** What has really happened to one step of one person's campaign (Enrollment_Step__c). */
export interface StepProgress {
  /** An email went out (automatic, or a Manual_Task email sent by the rep). */
  sentAt?: EpochMs | null;
  /** A task was completed (for a Manual_Task email, same as sentAt). */
  completedAt?: EpochMs | null;
  /** A task was closed as expired. */
  expiredAt?: EpochMs | null;
  /** The rep skipped the step. A skipped task releases the campaign like a completion. */
  skippedAt?: EpochMs | null;
  /** The Salesforce Task was created. Its due date no longer changes when steps are edited. */
  taskOpenedAt?: EpochMs | null;
}

export interface Pause {
  pausedAt: EpochMs;
  /** Absent while the person's campaign is still paused. */
  resumedAt?: EpochMs | null;
}

export interface PlanInput {
  campaign: Campaign;
  /** The person's send time zone (IANA name). */
  timeZone: string;
  /**
   * Dates that are not campaign days, `YYYY-MM-DD`. Pass the org's holidays (see expandHolidays)
   * only when the campaign's Skip holidays is on. Treat the collection as immutable: calendars
   * are cached per collection object.
   */
  holidays?: Iterable<IsoDate>;
  /** Launched_At__c (CreatedDate when missing). */
  launchedAt: EpochMs;
  /** The Send At moment chosen at launch, if any. Required when the first email is Choose_At_Launch. */
  sendAt?: EpochMs | null;
  /** Facts per step id. */
  progress?: Readonly<Record<string, StepProgress>>;
  /** Pauses in any order; at most the last one may be open. */
  pauses?: readonly Pause[];
}

/**
 * What the service may do with an item:
 * - `scheduled`: a send goes at `at`; a task opens at `opensAt`.
 * - `waiting`: behind an open task (`dependsOn`); projected as if that task is done on time.
 * - `open`: the task exists in Salesforce and is not done yet.
 * - `held`: the person's campaign is paused; the moments are those before the pause.
 * - `sent`, `completed`, `expired`, `skipped`: done; the moments are the real ones.
 * - `ended`: the person's campaign ended before this step (`endedReason`).
 */
export type PlanItemState =
  'scheduled' | 'waiting' | 'open' | 'held' | 'sent' | 'completed' | 'expired' | 'skipped' | 'ended';

export type EndedReason = 'TASK_EXPIRED';

interface PlanItemBase {
  stepId: string;
  /** The step's Day (its position), not a count of calendar days. */
  day: number;
  order: number;
  /** Local date of `at` for a send, the due date for a task. */
  date: IsoDate;
  /** For Thread_Previous: the step id it replies to; null when it goes as a new message. */
  threadOf: string | null;
  /** The latest earlier task step still holding the campaign, else null. */
  dependsOn: string | null;
  state: PlanItemState;
  endedReason?: EndedReason;
}

export interface PlannedSend extends PlanItemBase {
  kind: 'send';
  /** When the email goes (or went, for `sent`). */
  at: EpochMs;
}

export interface PlannedTask extends PlanItemBase {
  kind: 'task';
  due: IsoDate;
  /** The local midnight that ends the task's last allowed day. */
  expiresAt: EpochMs;
  /** When the service creates the Salesforce Task: at launch for Day 1, else when its due day begins or it is unblocked. */
  opensAt: EpochMs;
  completedAt?: EpochMs;
}

export type PlanItem = PlannedSend | PlannedTask;

export interface EnrollmentPlan {
  timeZone: string;
  day1: IsoDate;
  /** Send At when chosen, else the launch moment. */
  campaignStart: EpochMs;
  /** Campaign days every step after the last done one has moved (Shift_Days__c). */
  shiftDays: number;
  /** Set when the person's campaign ended on a task expiry (End_Campaign). */
  ended: { reason: EndedReason; stepId: string; at: EpochMs } | null;
  /** True while a pause has no resume. */
  paused: boolean;
  /** One item per step, in campaign order. */
  items: PlanItem[];
}
