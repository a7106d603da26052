/**
 * The Live Feed's activity kinds: the Kind__c values the sync service publishes on
 * Campaign_Activity__e, the kinds Live Feed derives from records (history and ended campaigns),
 * and how a rep reads each one. The one list every screen uses; the contract is documented in
 * docs/salesforce-setup.md ("Live Feed event kinds"). Service module: pure functions.
 */

/** Every kind Live Feed shows, in the order of its Kind filter. */
export const ACTIVITY_KINDS = Object.freeze([
  { value: 'email_sent', label: 'Email sent' },
  { value: 'email_scheduled', label: 'Email scheduled' },
  { value: 'email_failed', label: 'Email failed' },
  { value: 'task_opened', label: 'Task created' },
  { value: 'task_due', label: 'Task coming up' },
  { value: 'task_expired', label: 'Task expired' },
  { value: 'replied', label: 'Replied' },
  { value: 'bounced', label: 'Bounced' },
  { value: 'unsubscribed', label: 'Unsubscribed' },
  { value: 'campaign_completed', label: 'Campaign completed' },
  { value: 'removed', label: 'Removed from campaign' },
  { value: 'campaign_failed', label: 'Campaign failed' },
  { value: 'campaign_ended', label: 'Campaign ended' },
  { value: 'plan_failed', label: 'Planning failed' },
]);

const LABELS = Object.freeze(Object.fromEntries(ACTIVITY_KINDS.map(({ value, label }) => [value, label])));

/** Kinds whose details live on the enrollment (Status__c, Ended_Reason__c), not on a step. */
export const ENROLLMENT_KINDS = Object.freeze([
  'campaign_ended',
  'plan_failed',
  'replied',
  'bounced',
  'unsubscribed',
]);

/** How an ended enrollment's Status__c reads in the feed. */
const ENDED_STATUS_KINDS = Object.freeze({
  Completed: 'campaign_completed',
  Replied: 'replied',
  Bounced: 'bounced',
  Unsubscribed: 'unsubscribed',
  Removed: 'removed',
  Failed: 'campaign_failed',
});

/** How a recent Enrollment_Step__c's Status__c reads in the feed's history. */
const STEP_STATUS_KINDS = Object.freeze({
  Sent: 'email_sent',
  Scheduled: 'email_scheduled',
  Failed: 'email_failed',
  Task_Open: 'task_opened',
  Pending: 'task_due',
  Expired: 'task_expired',
});

export function activityKindLabel(kind) {
  if (LABELS[kind]) {
    return LABELS[kind];
  }
  // A kind the service added after this screen shipped still reads as words, never as a blank.
  const text = String(kind ?? '').replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Whether Live Feed reads an event of `kind` from its enrollment rather than its step. */
export function isEnrollmentKind(kind) {
  return ENROLLMENT_KINDS.includes(kind);
}

/** The feed kind of an ended enrollment, or null when `status` is not an ended status. */
export function endedKind(status) {
  return ENDED_STATUS_KINDS[status] ?? null;
}

/** The history kind of an enrollment step in `status`, or null when the feed does not show it. */
export function stepStatusKind(status) {
  return STEP_STATUS_KINDS[status] ?? null;
}

/**
 * The kind a rep sees for a published event: specific kinds as published; `campaign_ended`
 * becomes the reason the enrollment ended (reply, bounce, unsubscribe, removal, last step) once
 * its Status__c is known, and stays "Campaign ended" until then.
 */
export function eventKind(publishedKind, enrollmentStatus) {
  if (publishedKind === 'campaign_ended') {
    return endedKind(enrollmentStatus) ?? 'campaign_ended';
  }
  return publishedKind;
}
