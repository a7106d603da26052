// Plans one person's campaign (DESIGN §2.1–2.3): every step's date and moment, from the launch
// facts and whatever has really happened since (sends, task completions, expiries, skips,
// pauses). Pure and deterministic: the same input always gives the same plan, so the service
// re-plans by calling it again with one more fact (see replan.ts).
//
// The walk goes through the steps in campaign order, carrying:
// - shift: campaign days every later step has moved (late completions, expiries, pauses);
// - floor: the earliest moment the next step may have (campaign order; a step unblocked by a
//   completion or a resume after its moment goes at once);
// - gate: the latest task still holding the campaign (the next steps' dependsOn);
// - the time of day of the last email of the current and of the previous Day, for
//   Same_Time_As_Previous, and the last email that counts as sent, for Thread_Previous.

import { campaignCalendar, type CampaignCalendar } from './campaignCalendar.ts';
import { formatIsoDate, type DayNumber } from './calendarDate.ts';
import { checkPlanInput } from './checkPlanInput.ts';
import { compileCampaign, type CompiledCampaign, type CompiledStep } from './compiledCampaign.ts';
import { PlanError } from './planErrors.ts';
import type {
  EnrollmentPlan,
  Pause,
  PlanInput,
  PlanItem,
  PlannedSend,
  PlannedTask,
  StepProgress,
} from './planTypes.ts';
import type { MinuteOfDay } from './timeOfDay.ts';
import { timeZoneRules, type EpochMs, type ZoneRules } from './zonedTime.ts';

const NO_PROGRESS: StepProgress = {};
const NO_PAUSES: readonly Pause[] = [];

export function planEnrollment(input: PlanInput): EnrollmentPlan {
  const problems = checkPlanInput(input);
  if (problems.length > 0) throw new PlanError(problems);
  return new EnrollmentWalk(input, compileCampaign(input.campaign)).run();
}

/** Day 1 (DESIGN §2.1) for a launch, as a day number in the person's zone. */
export function dayOneOf(
  campaign: CompiledCampaign,
  calendar: CampaignCalendar,
  zone: ZoneRules,
  launchedAt: EpochMs,
  sendAt: EpochMs | null,
): DayNumber {
  // An explicit Send At is honoured even on a weekend or a holiday.
  if (sendAt !== null) return zone.dayOf(sendAt);
  const launchDay = zone.dayOf(launchedAt);
  let launchDayWorks = calendar.isCampaignDay(launchDay);
  const first = campaign.firstEmail;
  if (launchDayWorks && first?.option === 'At_Time' && first.sendMinute !== null) {
    launchDayWorks = zone.instantOf(launchDay, first.sendMinute) >= launchedAt;
  }
  return launchDayWorks ? launchDay : calendar.nextCampaignDayAfter(launchDay);
}

interface Release {
  /** When the expired task was closed. */
  at: EpochMs;
  expiryDay: DayNumber;
  /** The first campaign day from the expiry on: where steps passed by the expiry go. */
  day: DayNumber;
}

class EnrollmentWalk {
  private readonly zone: ZoneRules;
  private readonly calendar: CampaignCalendar;
  private readonly progress: Readonly<Record<string, StepProgress>>;
  private readonly pauses: readonly Pause[];
  private readonly day1: DayNumber;
  private readonly campaignStart: EpochMs;

  private shift = 0;
  private floor = -Infinity;
  private gate: string | null = null;
  private nextPause = 0;
  private held = false;
  private release: Release | null = null;
  private ended: EnrollmentPlan['ended'] = null;

  private currentDay = 0;
  private currentDayEmailMinute: MinuteOfDay | null = null;
  private earlierDayEmailMinute: MinuteOfDay | null = null;
  private lastSentEmail: string | null = null;

  // Memo of the last position → date lookup; positions only grow along the walk.
  private memoPosition = 0;
  private memoDate: DayNumber;

  constructor(
    private readonly input: PlanInput,
    private readonly campaign: CompiledCampaign,
  ) {
    this.zone = timeZoneRules(input.timeZone);
    this.calendar = campaignCalendar(campaign.skipWeekends, input.holidays);
    this.progress = input.progress ?? {};
    this.pauses =
      input.pauses && input.pauses.length > 1
        ? [...input.pauses].sort((a, b) => a.pausedAt - b.pausedAt)
        : (input.pauses ?? NO_PAUSES);
    const sendAt = input.sendAt ?? null;
    this.campaignStart = sendAt ?? input.launchedAt;
    this.day1 = dayOneOf(campaign, this.calendar, this.zone, input.launchedAt, sendAt);
    this.memoDate = this.day1;
  }

  run(): EnrollmentPlan {
    const items: PlanItem[] = [];
    for (const step of this.campaign.steps) {
      if (step.day !== this.currentDay) {
        if (this.currentDayEmailMinute !== null) this.earlierDayEmailMinute = this.currentDayEmailMinute;
        this.currentDayEmailMinute = null;
        this.currentDay = step.day;
      }
      items.push(step.isTask ? this.planTask(step) : this.planSend(step));
    }
    return {
      timeZone: this.input.timeZone,
      day1: formatIsoDate(this.day1),
      campaignStart: this.campaignStart,
      shiftDays: this.shift,
      ended: this.ended,
      paused: this.held,
      items,
    };
  }

  private planSend(step: CompiledStep): PlannedSend {
    const facts = this.progress[step.id] ?? NO_PROGRESS;
    const threadOf = step.option === 'Thread_Previous' ? this.lastSentEmail : null;
    const dependsOn = this.gate;
    const sentAt = facts.sentAt ?? null;
    let at = this.sendMoment(step);
    while (this.applyPauses(sentAt ?? at)) at = this.sendMoment(step);
    if (this.release && at < this.release.at)
      at = this.zone.instantOf(this.release.day, this.zone.minuteOf(at));
    if (at < this.floor) at = this.floor;

    let state: PlannedSend['state'];
    if (sentAt !== null) {
      at = sentAt;
      state = 'sent';
    } else if (facts.skippedAt != null) {
      state = 'skipped';
    } else {
      state = this.ended ? 'ended' : this.held ? 'held' : dependsOn !== null ? 'waiting' : 'scheduled';
    }
    if (state !== 'skipped' && state !== 'ended') {
      // In a plan an automatic email counts as sent at its planned moment (DESIGN §2.2).
      this.floor = Math.max(this.floor, at);
      this.currentDayEmailMinute = this.zone.minuteOf(at);
      this.lastSentEmail = step.id;
    }
    const item: PlannedSend = {
      stepId: step.id,
      day: step.day,
      order: step.order,
      kind: 'send',
      date: formatIsoDate(this.zone.dayOf(at)),
      at,
      threadOf,
      dependsOn,
      state,
    };
    if (state === 'ended') item.endedReason = this.ended!.reason;
    return item;
  }

  /** The moment a send step would have from its option alone, on its (shifted) day. */
  private sendMoment(step: CompiledStep): EpochMs {
    const date = this.dateOfPosition(step.day - 1 + this.shift);
    if (step.isFirstEmail) {
      // Choose_At_Launch, or At_Time replaced by a Send At chosen at launch.
      const chosen = this.input.sendAt ?? this.zone.instantOf(this.day1, step.sendMinute!);
      return this.zone.dayOf(chosen) === date
        ? chosen
        : this.zone.instantOf(date, this.zone.minuteOf(chosen));
    }
    if (step.option === 'At_Time') return this.zone.instantOf(date, step.sendMinute!);
    // Same_Time_As_Previous and Thread_Previous.
    if (this.earlierDayEmailMinute !== null) return this.zone.instantOf(date, this.earlierDayEmailMinute);
    if (step.day === 1) {
      // Day 1 goes at campaign start; moved to another date (a weekend launch, a shift), it keeps
      // campaign start's time of day, as a chosen Send At does.
      return this.zone.dayOf(this.campaignStart) === date
        ? this.campaignStart
        : this.zone.instantOf(date, this.zone.minuteOf(this.campaignStart));
    }
    return this.zone.instantOf(date, this.campaign.defaultSendMinute);
  }

  private planTask(step: CompiledStep): PlannedTask {
    const facts = this.progress[step.id] ?? NO_PROGRESS;
    const dependsOn = this.gate;
    const completedAt = facts.completedAt ?? (step.isEmail ? (facts.sentAt ?? null) : null);
    const skippedAt = completedAt === null ? (facts.skippedAt ?? null) : null;
    const expiredAt = completedAt === null && skippedAt === null ? (facts.expiredAt ?? null) : null;
    const doneAt = completedAt ?? skippedAt ?? expiredAt;

    let due = this.dateOfPosition(step.day - 1 + this.shift);
    while (this.applyPauses(doneAt ?? Infinity)) due = this.dateOfPosition(step.day - 1 + this.shift);
    if (this.release && due < this.release.expiryDay) due = this.release.day;
    if (this.floor > -Infinity) due = Math.max(due, this.zone.dayOf(this.floor));

    const expiresAt = this.zone.instantOf(
      this.calendar.addCampaignDays(due, this.campaign.taskExpiryDays) + 1,
      0,
    );
    const opensFrom =
      step.day === 1 && due === this.day1 ? this.input.launchedAt : this.zone.instantOf(due, 0);
    const item: PlannedTask = {
      stepId: step.id,
      day: step.day,
      order: step.order,
      kind: 'task',
      date: formatIsoDate(due),
      due: formatIsoDate(due),
      expiresAt,
      opensAt: Math.max(opensFrom, this.floor),
      threadOf: null,
      dependsOn,
      state: 'scheduled',
    };

    if (completedAt !== null || skippedAt !== null) {
      const at = (completedAt ?? skippedAt)!;
      item.state = completedAt !== null ? 'completed' : 'skipped';
      if (completedAt !== null) item.completedAt = completedAt;
      // Late: the rest moves by the campaign days from the due date up to and including the
      // completion date; early or on time: nothing moves (campaignDaysBetween gives 0).
      this.shift += this.calendar.campaignDaysBetween(due, this.zone.dayOf(at));
      this.floor = Math.max(this.floor, at);
      if (completedAt !== null && step.isEmail) {
        this.currentDayEmailMinute = this.zone.minuteOf(completedAt);
        this.lastSentEmail = step.id;
      }
    } else if (expiredAt !== null) {
      item.state = 'expired';
      if (this.campaign.onTaskExpiry === 'End_Campaign') {
        this.ended ??= { reason: 'TASK_EXPIRED', stepId: step.id, at: expiredAt };
      } else {
        this.shift += this.campaign.taskExpiryDays;
        const expiryDay = this.zone.dayOf(expiredAt);
        this.release = { at: expiredAt, expiryDay, day: this.calendar.firstCampaignDayFrom(expiryDay) };
      }
    } else if (this.ended) {
      // A task the campaign never reached gates nothing.
      item.state = 'ended';
      item.endedReason = this.ended.reason;
    } else {
      item.state = this.held
        ? 'held'
        : facts.taskOpenedAt != null
          ? 'open'
          : dependsOn !== null
            ? 'waiting'
            : 'scheduled';
      // Until it is sent, a Manual_Task email projects the Default Send Time for its followers.
      if (step.isEmail) this.currentDayEmailMinute = this.campaign.defaultSendMinute;
      this.gate = step.id;
    }
    return item;
  }

  /**
   * Applies the pauses that began before a step happens (or, for a pending task, any pause: it
   * holds the task too). Returns true when the shift changed, so the caller recomputes.
   */
  private applyPauses(happensAt: EpochMs): boolean {
    let changed = false;
    while (!this.held && this.nextPause < this.pauses.length) {
      const pause = this.pauses[this.nextPause]!;
      if (pause.pausedAt > happensAt) break;
      const resumedAt = pause.resumedAt ?? null;
      if (resumedAt === null) {
        this.held = true;
        break;
      }
      // Campaign days that began while paused: those whose local midnight falls in the pause.
      const begun = this.calendar.campaignDaysBetween(
        this.zone.dayOf(pause.pausedAt),
        this.zone.dayOf(resumedAt),
      );
      this.shift += begun;
      this.floor = Math.max(this.floor, resumedAt);
      this.nextPause++;
      changed = changed || begun > 0;
    }
    return changed;
  }

  /** Date of a campaign position: position 0 is Day 1, position n is n campaign days later. */
  private dateOfPosition(position: number): DayNumber {
    if (position < this.memoPosition) {
      this.memoPosition = 0;
      this.memoDate = this.day1;
    }
    this.memoDate = this.calendar.addCampaignDays(this.memoDate, position - this.memoPosition);
    this.memoPosition = position;
    return this.memoDate;
  }
}
