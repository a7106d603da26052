import { LightningElement, api } from 'lwc';
import { STEP_TYPE, stepTypeLabel } from 'c/sendOptions';
import { composeLinks, stepStatusLabel } from 'c/stepStatus';

export const MESSAGES = Object.freeze({
  NO_SUBJECT: 'Enter a subject.',
  NO_BODY: 'Write the email body.',
  NO_SCHEDULE: 'Choose when to send it.',
  PAST_SCHEDULE: 'Choose a moment in the future.',
});

/**
 * Presentational: the compose window of one work item. `item` in (from c/commandCenter: step,
 * person, prepared subject and body) and `busy`; events out, each with the edited values:
 * `sendnow` { subject, body }, `schedule` { subject, body, scheduledAt }, `skip`,
 * `complete` { subject, body, notes } (an email sent outside, or a call, InMail or custom task done).
 */
export default class StepComposer extends LightningElement {
  @api busy = false;

  subject = '';
  body = '';
  notes = '';
  scheduledAt = null;
  scheduling = false;
  openedOutside = null;
  problems = [];
  current;

  @api
  get item() {
    return this.current;
  }
  set item(value) {
    this.current = value;
    this.subject = value?.subject ?? '';
    this.body = value?.body ?? '';
    this.notes = value?.notes ?? '';
    this.scheduledAt = null;
    this.scheduling = false;
    this.openedOutside = null;
    this.problems = [];
  }

  get isEmail() {
    return this.current?.type === STEP_TYPE.EMAIL;
  }

  get isOpen() {
    return this.current?.status === 'Task_Open';
  }

  get heading() {
    const item = this.current;
    return item
      ? `${stepTypeLabel(item.type)} for ${item.personName} · ${item.campaignName}, Day ${item.day}`
      : '';
  }

  get statusText() {
    const item = this.current;
    if (!item) {
      return '';
    }
    return this.isOpen
      ? `Status: ${stepStatusLabel(item.status)}`
      : `Status: ${stepStatusLabel(item.status)}. It can be worked on once its task opens.`;
  }

  get toText() {
    return this.current?.email ? this.current.email : 'No email address on this person';
  }

  get links() {
    return composeLinks({ to: this.current?.email, subject: this.subject, body: this.body });
  }

  get cannotWork() {
    return this.busy || !this.isOpen;
  }

  get markSentLabel() {
    return this.openedOutside ? `Mark as sent from ${this.openedOutside}` : 'Mark as sent';
  }

  get completeLabel() {
    return `Complete the ${stepTypeLabel(this.current?.type).toLowerCase()}`;
  }

  get hasProblems() {
    return this.problems.length > 0;
  }

  get problemItems() {
    return this.problems.map((text, i) => ({ key: `${i}`, text }));
  }

  handleSubjectChange(event) {
    this.subject = event.detail.value;
  }

  handleBodyChange(event) {
    this.body = event.detail.value;
  }

  handleNotesChange(event) {
    this.notes = event.detail.value;
  }

  handleScheduledAtChange(event) {
    this.scheduledAt = event.detail.value || null;
  }

  handleOpenedOutside(event) {
    this.openedOutside = event.currentTarget.dataset.client;
  }

  emailProblems() {
    const problems = [];
    if (!String(this.subject ?? '').trim()) {
      problems.push(MESSAGES.NO_SUBJECT);
    }
    if (
      !String(this.body ?? '')
        .replace(/<[^>]*>/g, '')
        .trim()
    ) {
      problems.push(MESSAGES.NO_BODY);
    }
    return problems;
  }

  fire(name, detail) {
    this.dispatchEvent(new CustomEvent(name, { detail }));
  }

  handleSendNow() {
    this.problems = this.emailProblems();
    if (!this.problems.length) {
      this.fire('sendnow', { subject: this.subject, body: this.body });
    }
  }

  handleStartSchedule() {
    this.scheduling = true;
  }

  handleCancelSchedule() {
    this.scheduling = false;
    this.scheduledAt = null;
  }

  handleSchedule() {
    const problems = this.emailProblems();
    if (!this.scheduledAt) {
      problems.push(MESSAGES.NO_SCHEDULE);
    } else if (Date.parse(this.scheduledAt) <= Date.now()) {
      problems.push(MESSAGES.PAST_SCHEDULE);
    }
    this.problems = problems;
    if (!problems.length) {
      this.fire('schedule', { subject: this.subject, body: this.body, scheduledAt: this.scheduledAt });
    }
  }

  handleSkip() {
    this.fire('skip', {});
  }

  handleMarkSent() {
    const where = this.openedOutside ?? 'another mail client';
    const notes = this.notes ? this.notes : `Sent from ${where}.`;
    this.fire('complete', { subject: this.subject, body: this.body, notes });
  }

  handleComplete() {
    this.fire('complete', { notes: this.notes });
  }
}
