// Time-lapse for the demo: the clock runs at a speed slow enough that an email due at 08:30
// shows as sent at 08:30 (or a minute after), and when nothing is due for a while and the org
// has settled, it jumps to just before the next moment something is due. So two weeks of
// campaign play out in about a minute without blurring the moments that matter.
import type { OrgLook } from './timeline.ts';

const MINUTE = 60_000;

function future(value: unknown, now: number): number | null {
  const at = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isNaN(at) || at <= now ? null : at;
}

/** Whether work is waiting to be done right now (so time must not jump). */
export function hasOverdueWork(look: OrgLook, now: number): boolean {
  if (look.enrollments.some((e) => e.Status__c === 'Scheduled')) return true;
  return look.steps.some((s) => {
    if (s.Status__c === 'Send_Requested' || s.Status__c === 'Sending') return true;
    if (s.Status__c !== 'Scheduled') return false;
    const at = typeof s.Scheduled_At__c === 'string' ? Date.parse(s.Scheduled_At__c) : NaN;
    return !Number.isNaN(at) && at <= now;
  });
}

/** The next instant at which the service or the rep has something to do; a rep's moment that
 * has just passed counts (the rep is about to act), so no jump goes over it. */
export function nextMomentAfter(look: OrgLook, now: number, repNext: number | null): number | null {
  let next: number | null = repNext;
  const consider = (at: number | null) => {
    if (at !== null && (next === null || at < next)) next = at;
  };
  const live = new Set(
    look.enrollments
      .filter((e) => ['Scheduled', 'Active'].includes(String(e.Status__c)))
      .map((e) => String(e.Id)),
  );
  for (const step of look.steps) {
    if (!live.has(String(step.Enrollment__c))) continue;
    if (step.Status__c === 'Scheduled' || step.Status__c === 'Pending')
      consider(future(step.Scheduled_At__c, now));
    if (step.Status__c === 'Task_Open') consider(future(step.Expires_At__c, now));
  }
  return next;
}

/** How far to jump: to a minute before the next moment, when that is more than a few minutes away. */
export function jumpFor(next: number | null, now: number): number {
  if (next === null) return 0;
  const gap = next - now;
  return gap > 3 * MINUTE ? gap - MINUTE : 0;
}
