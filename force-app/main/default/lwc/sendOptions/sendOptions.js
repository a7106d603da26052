/**
 * Email send options (DESIGN §2.2): the option values, their labels, which options a step's
 * position in the campaign allows, the builder's warnings and the validation of one step.
 * Every screen reads the rules from here; the option tables, their labels and the "first email
 * step" rule are the planning engine's own. Service module: pure functions, no template.
 */
import { FIRST_EMAIL_SEND_OPTIONS, LATER_EMAIL_SEND_OPTIONS, firstEmailStep } from 'c/planningEngine';

export const SEND_OPTION = Object.freeze({
  CHOOSE_AT_LAUNCH: 'Choose_At_Launch',
  AT_TIME: 'At_Time',
  MANUAL_TASK: 'Manual_Task',
  SAME_TIME_AS_PREVIOUS: 'Same_Time_As_Previous',
  THREAD_PREVIOUS: 'Thread_Previous',
});

// The option tables and their labels come from the planning engine itself (c/planningEngine,
// generated from sync-service/src/domain), so the service and every screen agree.

/** Option labels by value (DESIGN §2.2). */
export const SEND_OPTION_LABELS = Object.freeze(
  Object.fromEntries(
    [...FIRST_EMAIL_SEND_OPTIONS, ...LATER_EMAIL_SEND_OPTIONS].map((o) => [o.value, o.label]),
  ),
);

/** Options of the first email step, in the order the builder shows them. */
export const FIRST_EMAIL_OPTIONS = Object.freeze(FIRST_EMAIL_SEND_OPTIONS.map((o) => o.value));

/** Options of every later email step, in the order the builder shows them. */
export const LATER_EMAIL_OPTIONS = Object.freeze(LATER_EMAIL_SEND_OPTIONS.map((o) => o.value));

export const STEP_TYPE = Object.freeze({
  EMAIL: 'Email',
  CALL: 'Call',
  IN_MAIL: 'InMail',
  CUSTOM_TASK: 'Custom_Task',
});

export const STEP_TYPE_LABELS = Object.freeze({
  Email: 'Email',
  Call: 'Call',
  InMail: 'LinkedIn InMail',
  Custom_Task: 'Custom Task',
});

export const WARNING = Object.freeze({
  SAME_TIME_ON_DAY_ONE:
    'Not recommended on Day 1: no earlier day has an email, so this email goes at campaign start.',
  THREAD_ONTO_MANUAL:
    'The previous email is a task the rep sends personally. If it is sent from Gmail or Outlook, this follow-up keeps the "Re:" subject and quotes the prepared body, but cannot be threaded to it.',
});

/** Campaign order (DESIGN §2.1): by Day, then Order; the id breaks ties so the order is stable. */
export function compareSteps(a, b) {
  return (
    Number(a.day) - Number(b.day) ||
    Number(a.order) - Number(b.order) ||
    String(a.id ?? '').localeCompare(String(b.id ?? ''))
  );
}

export function sortSteps(steps) {
  return [...(steps ?? [])].sort(compareSteps);
}

function othersThan(steps, step) {
  return (steps ?? []).filter((s) => !step.id || s.id !== step.id);
}

/**
 * Whether `step` (saved or a draft with its intended day and order) is the campaign's first email
 * step: an email with the lowest (Day, Order) that is also the first step of Day 1. The engine
 * decides; the step goes first in the list so it wins a tie on (Day, Order), as a new step would.
 */
export function isFirstEmailStep(steps, step) {
  const day = Number(step.day);
  const order = Number(step.order);
  if (!Number.isFinite(day) || !Number.isFinite(order)) {
    return false;
  }
  const candidate = { ...step, id: step.id ?? '', day, order };
  const others = othersThan(steps, step).map((s) => ({
    ...s,
    day: Number(s.day),
    order: Number(s.order),
  }));
  return firstEmailStep([candidate, ...others]) === candidate;
}

/** The send options `step` may use at its position, as { value, label } in display order. */
export function sendOptionsFor(steps, step) {
  const values = isFirstEmailStep(steps, step) ? FIRST_EMAIL_OPTIONS : LATER_EMAIL_OPTIONS;
  return values.map((value) => ({ value, label: SEND_OPTION_LABELS[value] }));
}

export function sendOptionLabel(value) {
  return SEND_OPTION_LABELS[value] ?? value ?? '';
}

export function stepTypeLabel(value) {
  return STEP_TYPE_LABELS[value] ?? value ?? '';
}

/** The nearest email step before `step` in campaign order, or undefined. */
export function previousEmailStep(steps, step) {
  const earlier = othersThan(steps, step).filter(
    (s) => s.type === STEP_TYPE.EMAIL && compareSteps(s, step) < 0,
  );
  return sortSteps(earlier).pop();
}

/** The warnings the builder shows for `step` at its position (DESIGN §2.2). */
export function warningsFor(steps, step) {
  const warnings = [];
  if (step.type !== STEP_TYPE.EMAIL) {
    return warnings;
  }
  if (step.sendOption === SEND_OPTION.SAME_TIME_AS_PREVIOUS && Number(step.day) === 1) {
    warnings.push(WARNING.SAME_TIME_ON_DAY_ONE);
  }
  if (step.sendOption === SEND_OPTION.THREAD_PREVIOUS) {
    const previous = previousEmailStep(steps, step);
    if (previous && previous.sendOption === SEND_OPTION.MANUAL_TASK) {
      warnings.push(WARNING.THREAD_ONTO_MANUAL);
    }
  }
  return warnings;
}

/**
 * Problems that stop `step` from being saved, as { field, message } so a form can show each
 * message next to its input. An empty list means the step is valid at its position.
 */
export function validateStep(steps, step) {
  const problems = [];
  const day = Number(step.day);
  const order = Number(step.order);
  if (step.day === '' || step.day == null || !Number.isInteger(day) || day < 1) {
    problems.push({ field: 'day', message: 'Day must be a whole number, 1 or more.' });
  }
  if (step.order === '' || step.order == null || !Number.isInteger(order) || order < 1) {
    problems.push({ field: 'order', message: 'Order must be a whole number, 1 or more.' });
  }
  if (!STEP_TYPE_LABELS[step.type]) {
    problems.push({ field: 'type', message: 'Choose a step type.' });
    return problems;
  }
  if (step.type !== STEP_TYPE.EMAIL) {
    return problems;
  }
  const first = problems.length === 0 && isFirstEmailStep(steps, step);
  if (!step.sendOption) {
    problems.push({ field: 'sendOption', message: 'Choose when this email is sent.' });
  } else if (problems.length === 0) {
    const allowed = first ? FIRST_EMAIL_OPTIONS : LATER_EMAIL_OPTIONS;
    if (!allowed.includes(step.sendOption)) {
      problems.push({
        field: 'sendOption',
        message: `"${sendOptionLabel(step.sendOption)}" is not available for ${
          first ? 'the first email step' : 'a later email step'
        }. Choose another option.`,
      });
    }
  }
  if (step.sendOption === SEND_OPTION.AT_TIME && !step.sendTime) {
    problems.push({ field: 'sendTime', message: 'Enter the time this email is sent.' });
  }
  if (step.sendOption !== SEND_OPTION.THREAD_PREVIOUS && !String(step.subject ?? '').trim()) {
    problems.push({ field: 'subject', message: 'Enter a subject.' });
  }
  if (!htmlHasText(step.body)) {
    problems.push({ field: 'body', message: 'Write the email body.' });
  }
  return problems;
}

/** Problems of every step at its current position, keyed by step id (steps without problems are left out). */
export function validateSteps(steps) {
  const result = {};
  (steps ?? []).forEach((step) => {
    const problems = validateStep(steps, step);
    if (problems.length) {
      result[step.id] = problems;
    }
  });
  return result;
}

function htmlHasText(html) {
  return (
    String(html ?? '')
      .replace(/<[^>]*>/g, '')
      .replace(/&nbsp;/g, ' ')
      .trim().length > 0
  );
}
