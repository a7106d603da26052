// Which send options an email step may use, with the labels the builder shows (DESIGN §2.2).
// Kept as data so the Lightning screens and the service read the same table.

import { firstEmailStep, type CampaignStep, type SendOption } from './campaign.ts';

export interface SendOptionChoice {
  value: SendOption;
  label: string;
}

const LABELS: Record<SendOption, string> = {
  Choose_At_Launch: 'I will choose when to send this email',
  At_Time: 'Send this email at the following time',
  Manual_Task: 'Create a task; I will send this email myself',
  Same_Time_As_Previous: 'Send this email at the same time as the previous email in this campaign',
  Thread_Previous: 'Thread this email to the previous email',
};

/** Options of the first email step, in the order the builder lists them. */
export const FIRST_EMAIL_SEND_OPTIONS: readonly SendOptionChoice[] = (
  ['Choose_At_Launch', 'At_Time', 'Manual_Task'] as const
).map((value) => ({ value, label: LABELS[value] }));

/** Options of every later email step, in the order the builder lists them. */
export const LATER_EMAIL_SEND_OPTIONS: readonly SendOptionChoice[] = (
  ['Same_Time_As_Previous', 'At_Time', 'Manual_Task', 'Thread_Previous'] as const
).map((value) => ({ value, label: LABELS[value] }));

export function sendOptionLabel(option: SendOption): string {
  return LABELS[option];
}

/** The options a given email step offers, depending on whether it is the first email step. */
export function sendOptionsFor(
  step: Pick<CampaignStep, 'id'>,
  steps: readonly CampaignStep[],
): readonly SendOptionChoice[] {
  return firstEmailStep(steps)?.id === step.id ? FIRST_EMAIL_SEND_OPTIONS : LATER_EMAIL_SEND_OPTIONS;
}

/** Options that need the step's own Send Time. */
export function needsSendTime(option: SendOption): boolean {
  return option === 'At_Time';
}
