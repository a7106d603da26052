import { LightningElement, api } from 'lwc';
import USER_TIME_ZONE from '@salesforce/i18n/timeZone';
import LOCALE from '@salesforce/i18n/locale';
import { isValidTimeZone, planEnrollment } from 'c/planningEngine';
import { toEngineCampaign } from 'c/campaignModel';
import { STEP_TYPE, SEND_OPTION, sortSteps, stepTypeLabel } from 'c/sendOptions';

const MINUTE = 60 * 1000;

/**
 * Presentational: the schedule one person would get for a sample launch, planned by the sync
 * service's own engine (c/planningEngine). `settings` and `steps` in (plain values from
 * c/campaignModel); the sample launch, Send At, time zone and holidays are local inputs. No events.
 */
export default class SchedulePreview extends LightningElement {
  @api settings;
  @api steps = [];

  /** ISO instant of the sample launch; defaults to the moment the preview opens. */
  @api
  get sampleLaunch() {
    return this.launch;
  }
  set sampleLaunch(value) {
    this.launch = value;
  }

  launch = new Date().toISOString();
  sendAt = null;
  timeZone = USER_TIME_ZONE;
  holidaysText = '';

  /** The zone the date-time inputs show; the rep's own while the typed one is not a valid zone. */
  get inputTimeZone() {
    return isValidTimeZone(this.timeZone) ? this.timeZone : USER_TIME_ZONE;
  }

  get hasSteps() {
    return (this.steps ?? []).length > 0;
  }

  get firstStepChoosesAtLaunch() {
    const first = sortSteps(this.steps)[0];
    return !!first && first.type === STEP_TYPE.EMAIL && first.sendOption === SEND_OPTION.CHOOSE_AT_LAUNCH;
  }

  get sendAtHelp() {
    return this.firstStepChoosesAtLaunch
      ? 'The first email is chosen at launch: empty means "start now".'
      : 'Optional: a Send At chosen at launch moves Day 1 to its date.';
  }

  get holidays() {
    return this.holidaysText
      .split(/[\s,]+/)
      .map((d) => d.trim())
      .filter((d) => d);
  }

  get holidaysNote() {
    return this.settings?.skipHolidays
      ? "This campaign skips the org's holidays: list sample holidays to see their effect."
      : 'This campaign does not skip holidays.';
  }

  /** { rows, problems } from the engine. */
  get result() {
    const byId = new Map((this.steps ?? []).map((s) => [s.id, s]));
    const position = (id) => {
      const step = byId.get(id);
      return step ? `${step.day}.${step.order}` : id;
    };
    const launchedAt = Date.parse(this.launch);
    const chosen = this.sendAt ? Date.parse(this.sendAt) : null;
    const sendAt = chosen ?? (this.firstStepChoosesAtLaunch ? launchedAt : null);
    try {
      const plan = planEnrollment({
        campaign: toEngineCampaign(this.settings, this.steps, {
          timeZone: this.timeZone,
          holidays: this.holidays,
        }),
        timeZone: this.timeZone,
        holidays: this.settings?.skipHolidays ? this.holidays : [],
        launchedAt,
        sendAt,
      });
      return {
        rows: plan.items.map((item) => this.row(item, byId.get(item.stepId), position)),
        problems: [],
      };
    } catch (error) {
      const problems = error.problems ?? [{ message: error.message }];
      return {
        rows: [],
        problems: problems.map((p, i) => ({
          key: `${i}`,
          // Messages name steps by id; a rep knows them by position (Day.Order).
          text: [...byId.keys()].reduce((message, id) => message.split(id).join(position(id)), p.message),
        })),
      };
    }
  }

  get rows() {
    return this.result.rows;
  }

  get problems() {
    return this.result.problems;
  }

  get hasProblems() {
    return this.hasSteps && this.problems.length > 0;
  }

  formatDate(isoDate) {
    // A plan date is a local calendar date: format it at noon UTC so no zone moves it.
    return new Intl.DateTimeFormat(LOCALE, {
      timeZone: 'UTC',
      weekday: 'short',
      year: 'numeric',
      month: 'short',
      day: 'numeric',
    }).format(new Date(`${isoDate}T12:00:00Z`));
  }

  formatInstant(instant) {
    return new Intl.DateTimeFormat(LOCALE, {
      timeZone: this.timeZone,
      weekday: 'short',
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    }).format(new Date(instant));
  }

  row(item, step, position) {
    const type = stepTypeLabel(step?.type);
    const subject = step?.type === STEP_TYPE.EMAIL && step.subject ? `: ${step.subject}` : '';
    let when;
    let what;
    if (item.kind === 'send') {
      when = this.formatInstant(item.at);
      what = item.threadOf
        ? `Email sent automatically as a reply to step ${position(item.threadOf)}${subject}`
        : `Email sent automatically${subject}`;
    } else {
      const lastDay = new Date(item.expiresAt - MINUTE);
      const expires = new Intl.DateTimeFormat(LOCALE, {
        timeZone: this.timeZone,
        weekday: 'short',
        month: 'short',
        day: 'numeric',
      }).format(lastDay);
      when = `Due ${this.formatDate(item.due)}, expires at the end of ${expires}`;
      what =
        step?.type === STEP_TYPE.EMAIL
          ? `Email task: the rep sends it${subject}`
          : `${type} task${step?.instructions ? `: ${step.instructions}` : ''}`;
    }
    return {
      key: item.stepId,
      label: `Day ${item.day} · step ${position(item.stepId)}`,
      when,
      what,
      after: item.dependsOn ? `Waits until step ${position(item.dependsOn)} is done.` : '',
    };
  }

  handleLaunchChange(event) {
    if (event.detail.value) {
      this.launch = event.detail.value;
    }
  }

  handleSendAtChange(event) {
    this.sendAt = event.detail.value || null;
  }

  handleTimeZoneChange(event) {
    this.timeZone = event.detail.value || USER_TIME_ZONE;
  }

  handleHolidaysChange(event) {
    this.holidaysText = event.detail.value ?? '';
  }
}
