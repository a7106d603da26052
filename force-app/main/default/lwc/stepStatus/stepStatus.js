/**
 * Shared rules of the day-to-day screens: labels of enrollment-step and enrollment statuses, which
 * work-queue bucket a step falls in, local dates in a time zone and what "Next 7 days" means, and
 * the native compose links (Gmail, Outlook, mailto). Live Feed's activity kinds live in
 * c/activityKinds. Service module: pure functions.
 */
import { isTaskStep } from 'c/planningEngine';

export const STEP_STATUS_LABELS = Object.freeze({
  Pending: 'Waiting for an earlier task',
  Scheduled: 'Scheduled',
  Task_Open: 'To do',
  Send_Requested: 'Sending requested',
  Sending: 'Sending',
  Sent: 'Sent',
  Completed: 'Done',
  Failed: 'Failed',
  Expired: 'Expired',
  Cancelled: 'Cancelled',
  Skipped: 'Skipped',
  Uncertain: 'Outcome unknown: needs review',
});

export const ENROLLMENT_STATUS_LABELS = Object.freeze({
  Scheduled: 'Scheduled',
  Active: 'Active',
  Paused: 'Paused',
  Completed: 'Completed',
  Replied: 'Replied',
  Bounced: 'Bounced',
  Unsubscribed: 'Unsubscribed',
  Removed: 'Removed',
  Failed: 'Failed',
});

export function stepStatusLabel(status) {
  return STEP_STATUS_LABELS[status] ?? status ?? '';
}

/** 'YYYY-MM-DD' of `instant` (ms or Date or ISO string) in `timeZone`. */
export function localDate(instant, timeZone) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type) => parts.find((p) => p.type === type).value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** `isoDate` plus `days` calendar days. */
export function addDays(isoDate, days) {
  const date = new Date(`${isoDate}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * "Next 7 days", in Command Center and Live Feed alike: the seven calendar days after today in the
 * rep's time zone (tomorrow up to and including today + 7), as Salesforce's NEXT_N_DAYS:7 list-view
 * filter counts them. Today is not in it: both screens have a Today filter of its own.
 */
export const NEXT_DAYS = 7;

/** Whether `isoDate` ('YYYY-MM-DD') is in the next `NEXT_DAYS` days after `today`. */
export function isInNextDays(isoDate, today) {
  return !!isoDate && isoDate > today && isoDate <= addDays(today, NEXT_DAYS);
}

export const HOUR = 60 * 60 * 1000;
export const EXPIRING_SOON = 24 * HOUR;

export const BUCKETS = Object.freeze([
  { value: 'overdue', label: 'Overdue' },
  { value: 'today', label: 'Today' },
  { value: 'next7', label: 'Next 7 days' },
  { value: 'expiring', label: 'Expiring soon' },
]);

/** Whether a step makes work for the rep (a task, or an email the rep sends). */
export function needsRep(step) {
  return isTaskStep({ type: step.type, sendOption: step.sendOption });
}

/**
 * The buckets a work item belongs to, given `today` ('YYYY-MM-DD', the rep's) and `now` (ms).
 * Only task steps count; an open task can be both overdue and expiring soon.
 */
export function bucketsOf(item, today, now) {
  if (!needsRep(item)) {
    return [];
  }
  const buckets = [];
  const due = item.dueDate;
  const open = item.status === 'Task_Open';
  const upcoming = item.status === 'Pending' || item.status === 'Scheduled';
  if (open && due && due < today) {
    buckets.push('overdue');
  }
  if ((open || upcoming) && due === today) {
    buckets.push('today');
  }
  if ((open || upcoming) && isInNextDays(due, today)) {
    buckets.push('next7');
  }
  if (open && item.expiresAt && Date.parse(item.expiresAt) - now <= EXPIRING_SOON) {
    buckets.push('expiring');
  }
  return buckets;
}

/** Plain text of an email body, for compose links. */
export function htmlToText(html) {
  return String(html ?? '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6])>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Links that open the native compose windows prefilled with the address, subject and body. */
export function composeLinks({ to, subject, body }) {
  const text = htmlToText(body);
  const q = encodeURIComponent;
  return {
    gmail: `https://mail.google.com/mail/?view=cm&fs=1&to=${q(to ?? '')}&su=${q(subject ?? '')}&body=${q(text)}`,
    outlook: `https://outlook.office.com/mail/deeplink/compose?to=${q(to ?? '')}&subject=${q(subject ?? '')}&body=${q(text)}`,
    mailto: `mailto:${q(to ?? '')}?subject=${q(subject ?? '')}&body=${q(text)}`,
  };
}

/** Heartbeats older than this mean the service is not running (it writes one every minute). */
export const HEARTBEAT_STALE_AFTER = 3 * 60 * 1000;

export function isHeartbeatStale(lastHeartbeatAt, now) {
  return !lastHeartbeatAt || now - Date.parse(lastHeartbeatAt) > HEARTBEAT_STALE_AFTER;
}
