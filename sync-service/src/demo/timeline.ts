// The demo's live timeline: compares two looks at the org and turns what changed into one
// readable line per event — emails sent, tasks opened/done/expired, campaigns ending — stamped
// with the simulated local time in the rep's zone. Each event carries the business moment of the
// fact it reports, not the moment the demo noticed it: an email's Sent_At__c, a task's
// Completed_At__c, a person's Launched_At__c, otherwise the moment the org recorded the change
// (SystemModstamp). orderedTimeline.ts prints them in that order. Pure: the caller brings the
// records and the time, so the lines can be checked in a test.

export type Rec = Record<string, unknown>;

export interface OrgLook {
  enrollments: Rec[];
  steps: Rec[];
}

export interface Names {
  /** Person id → display name. */
  people: Map<string, string>;
  /** Campaign_Step__c id → the step as the builder shows it. */
  steps: Map<string, { day: number; type: string; sendOption: string | null; campaign: string }>;
}

export interface TimelineEvent {
  /** When the fact happened (business time). */
  at: number;
  person: string;
  what: string;
  detail: string;
}

const ENDED = new Set(['Completed', 'Replied', 'Bounced', 'Unsubscribed', 'Removed', 'Failed']);

function instant(value: unknown, fallback: number): number {
  const parsed = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isNaN(parsed) ? fallback : parsed;
}

/** When the org recorded the record's latest change: the moment of a fact that has no time
 * field of its own (a task opened or expired, a campaign planned or ended). */
export function changedAt(record: Rec, fallback: number): number {
  return instant(record.SystemModstamp ?? record.LastModifiedDate, fallback);
}

export function timelineEvents(
  before: OrgLook | null,
  after: OrgLook,
  names: Names,
  now: number,
): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  const enrollmentById = new Map(after.enrollments.map((e) => [String(e.Id), e]));
  const personOf = (enrollmentId: unknown) => {
    const e = enrollmentById.get(String(enrollmentId));
    const id = String(e?.Contact__c ?? e?.Lead__c ?? '');
    return names.people.get(id) ?? id;
  };
  const previousSteps = new Map((before?.steps ?? []).map((s) => [String(s.Id), s]));
  for (const step of after.steps) {
    const was = previousSteps.get(String(step.Id))?.Status__c;
    const is = String(step.Status__c);
    if (was === is) continue;
    const def = names.steps.get(String(step.Step__c));
    const label = def
      ? `day ${def.day} ${def.type === 'Email' ? `email (${def.sendOption ?? '?'})` : def.type}`
      : 'step';
    const person = personOf(step.Enrollment__c);
    switch (is) {
      case 'Sent':
        events.push({
          at: instant(step.Sent_At__c, now),
          person,
          what: 'email sent',
          detail: `"${String(step.Subject__c ?? '')}" — ${label}`,
        });
        break;
      case 'Task_Open':
        events.push({
          at: changedAt(step, now),
          person,
          what: 'task opened',
          detail: `${label}, due ${String(step.Due_Date__c ?? '?')}`,
        });
        break;
      case 'Completed': {
        const done = instant(step.Completed_At__c, now);
        const due = typeof step.Due_Date__c === 'string' ? step.Due_Date__c : null;
        const late = due && new Date(done).toISOString().slice(0, 10) > due ? ' (late)' : '';
        events.push({ at: done, person, what: 'task done', detail: `${label}${late}` });
        break;
      }
      case 'Expired':
        events.push({ at: changedAt(step, now), person, what: 'task expired', detail: label });
        break;
      case 'Send_Requested':
        events.push({
          at: changedAt(step, now),
          person,
          what: 'rep sends',
          detail: `${label}, edited in Command Center`,
        });
        break;
      case 'Cancelled':
        if (was !== undefined)
          events.push({
            at: changedAt(step, now),
            person,
            what: 'cancelled',
            detail: `${label}: ${String(step.Error__c ?? '')}`,
          });
        break;
      case 'Failed':
      case 'Uncertain':
        events.push({
          at: changedAt(step, now),
          person,
          what: `email ${is.toLowerCase()}`,
          detail: `${label}: ${String(step.Error__c ?? '')}`,
        });
        break;
      default:
        break;
    }
  }
  const previousEnrollments = new Map((before?.enrollments ?? []).map((e) => [String(e.Id), e]));
  for (const enrollment of after.enrollments) {
    const was = previousEnrollments.get(String(enrollment.Id))?.Status__c;
    const is = String(enrollment.Status__c);
    if (was === is) continue;
    const person = personOf(enrollment.Id);
    if (is === 'Scheduled' && was === undefined)
      events.push({
        at: instant(enrollment.Launched_At__c, now),
        person,
        what: 'added',
        detail: 'by the rep',
      });
    else if (is === 'Active' && (was === 'Scheduled' || was === undefined))
      events.push({ at: changedAt(enrollment, now), person, what: 'planned', detail: 'campaign planned' });
    else if (ENDED.has(is))
      events.push({
        at: changedAt(enrollment, now),
        person,
        what: `ended: ${is}`,
        detail: String(enrollment.Ended_Reason__c ?? ''),
      });
  }
  return collapseCancellations(events).sort(inTimelineOrder);
}

/** Same moment: a person's ending before the cancellations it caused, the rest as noticed. */
const RANK: Record<string, number> = { added: 0, planned: 1, cancelled: 3 };
const rankOf = (event: TimelineEvent) => RANK[event.what] ?? (event.what.startsWith('ended') ? 2 : 1);

/** Business time first; a stable sort keeps the order of equal events otherwise. */
export function inTimelineOrder(a: TimelineEvent, b: TimelineEvent): number {
  return a.at - b.at || rankOf(a) - rankOf(b);
}

/** One line for all the steps a person's ending cancelled, instead of one per step. */
function collapseCancellations(events: TimelineEvent[]): TimelineEvent[] {
  const out: TimelineEvent[] = [];
  const grouped = new Map<string, { event: TimelineEvent; count: number }>();
  for (const event of events) {
    if (event.what !== 'cancelled') {
      out.push(event);
      continue;
    }
    const reason = event.detail.replace(/^[^:]*: (Cancelled: )?/, '');
    const group = grouped.get(event.person);
    if (group) group.count += 1;
    else grouped.set(event.person, { event: { ...event, detail: reason }, count: 1 });
  }
  for (const { event, count } of grouped.values()) {
    out.push({ ...event, detail: `${count} waiting step${count === 1 ? '' : 's'}: ${event.detail}` });
  }
  return out;
}

/** `Tue 08 Dec 08:30` in the zone, so a reader sees the campaign days go by. */
export function localStamp(at: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: '2-digit',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('weekday')} ${get('day')} ${get('month')} ${get('hour')}:${get('minute')}`;
}

export function formatEvent(event: TimelineEvent, timeZone: string): string {
  return `${localStamp(event.at, timeZone)}  ${event.person.padEnd(18).slice(0, 18)}  ${event.what.padEnd(18)}  ${event.detail}`;
}
