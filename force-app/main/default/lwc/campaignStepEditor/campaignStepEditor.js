import { LightningElement, api } from 'lwc';
import {
  SEND_OPTION,
  STEP_TYPE,
  STEP_TYPE_LABELS,
  sendOptionsFor,
  validateStep,
  warningsFor,
} from 'c/sendOptions';
import { MERGE_FIELDS } from 'c/mergeFields';
import { blankStep, nextOrderInDay } from 'c/campaignModel';

const FIELD_SELECTORS = {
  day: '[data-field="day"]',
  order: '[data-field="order"]',
  type: '[data-field="type"]',
  sendOption: '[data-field="sendOption"]',
  sendTime: '[data-field="sendTime"]',
  subject: '[data-field="subject"]',
  body: '[data-field="body"]',
};

/**
 * Presentational: the form for one campaign step. `steps` (the campaign's steps) and `step` (the
 * step to edit; empty for a new one) in; `save` (detail: { step }) when the form is valid, and
 * `cancel`, out. Only the send options the step's position allows are offered (c/sendOptions).
 */
export default class CampaignStepEditor extends LightningElement {
  @api steps = [];
  /** Disables the buttons while the container saves. */
  @api saving = false;

  draft = blankStep();
  problems = [];
  mergeField = MERGE_FIELDS[0].token;

  @api
  get step() {
    return this.draft;
  }
  set step(value) {
    this.draft = value ? { ...value } : blankStep();
    this.problems = [];
  }

  get heading() {
    return this.draft.id ? 'Edit step' : 'New step';
  }

  get typeOptions() {
    return Object.entries(STEP_TYPE_LABELS).map(([value, label]) => ({ value, label }));
  }

  get isEmail() {
    return this.draft.type === STEP_TYPE.EMAIL;
  }

  get sendOptions() {
    return sendOptionsFor(this.steps, this.draft);
  }

  get showSendTime() {
    return this.isEmail && this.draft.sendOption === SEND_OPTION.AT_TIME;
  }

  get subjectRequired() {
    return this.draft.sendOption !== SEND_OPTION.THREAD_PREVIOUS;
  }

  get subjectHelp() {
    return this.subjectRequired
      ? null
      : 'Optional: a threaded follow-up uses "Re:" and the previous email\'s subject.';
  }

  get sendTimeValue() {
    return this.draft.sendTime ? `${this.draft.sendTime}:00.000` : null;
  }

  get warnings() {
    return warningsFor(this.steps, this.draft).map((text, index) => ({ key: `${index}`, text }));
  }

  get hasWarnings() {
    return this.warnings.length > 0;
  }

  get hasProblems() {
    return this.problems.length > 0;
  }

  get problemItems() {
    return this.problems.map((problem, index) => ({ key: `${index}`, text: problem.message }));
  }

  get mergeFieldOptions() {
    return MERGE_FIELDS.map((field) => ({ value: field.token, label: `${field.label} ${field.token}` }));
  }

  update(changes) {
    this.draft = { ...this.draft, ...changes };
    if (this.problems.length) {
      this.problems = validateStep(this.steps, this.draft);
    }
  }

  handleTypeChange(event) {
    this.update({ type: event.detail.value });
  }

  handleDayChange(event) {
    const day = event.detail.value === '' ? '' : Number(event.detail.value);
    const changes = { day };
    // A new step goes to the end of the day it is moved to.
    if (!this.draft.id && day !== '') {
      changes.order = nextOrderInDay(this.steps, day);
    }
    this.update(changes);
  }

  handleOrderChange(event) {
    this.update({ order: event.detail.value === '' ? '' : Number(event.detail.value) });
  }

  handleSendOptionChange(event) {
    this.update({ sendOption: event.detail.value });
  }

  handleSendTimeChange(event) {
    this.update({ sendTime: event.detail.value ? event.detail.value.slice(0, 5) : null });
  }

  handleSubjectChange(event) {
    this.update({ subject: event.detail.value });
  }

  handleBodyChange(event) {
    this.update({ body: event.detail.value });
  }

  handleInstructionsChange(event) {
    this.update({ instructions: event.detail.value });
  }

  handleMergeFieldChange(event) {
    this.mergeField = event.detail.value;
  }

  handleInsertIntoSubject() {
    const subject = this.draft.subject ?? '';
    const separator = subject && !subject.endsWith(' ') ? ' ' : '';
    this.update({ subject: `${subject}${separator}${this.mergeField}` });
  }

  handleInsertIntoBody() {
    const body = this.draft.body ?? '';
    const closing = body.lastIndexOf('</p>');
    const next =
      closing >= 0 && closing === body.length - 4
        ? `${body.slice(0, closing)} ${this.mergeField}</p>`
        : `${body}<p>${this.mergeField}</p>`;
    this.update({ body: next });
  }

  handleCancel() {
    this.dispatchEvent(new CustomEvent('cancel'));
  }

  handleSave() {
    this.problems = validateStep(this.steps, this.draft);
    this.showFieldMessages();
    if (this.problems.length) {
      return;
    }
    this.dispatchEvent(new CustomEvent('save', { detail: { step: { ...this.draft } } }));
  }

  showFieldMessages() {
    Object.entries(FIELD_SELECTORS).forEach(([field, selector]) => {
      const input = this.template.querySelector(selector);
      if (!input || typeof input.setCustomValidity !== 'function') {
        return;
      }
      const problem = this.problems.find((p) => p.field === field);
      input.setCustomValidity(problem ? problem.message : '');
      input.reportValidity();
    });
  }
}
