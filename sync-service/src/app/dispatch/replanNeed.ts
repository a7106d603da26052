// Which enrollments need the planner after their emails went out. A send changes the plan only
// when it was not the plan's own moment to the minute (Same_Time_As_Previous followers take the
// real time of day, seconds dropped), when it was the rep's (a manual email releases its gate),
// or when it was the person's last step (the campaign completes). Skipping the others keeps an
// on-time batch of 1,000 emails from costing the planner's reads and writes for nothing.
import type { StepStatus, SyncStore } from '../ports/syncStore.ts';
import type { SendJob } from './sendingSnapshot.ts';

const MINUTE = 60_000;
const FINISHED: readonly StepStatus[] = [
  'Sent',
  'Completed',
  'Failed',
  'Expired',
  'Cancelled',
  'Skipped',
  'Uncertain',
];

export async function enrollmentsToReplan(
  sent: ReadonlyArray<{ job: SendJob; sentAt: number }>,
  store: SyncStore,
): Promise<string[]> {
  const out = new Set<string>();
  for (const { job, sentAt } of sent) {
    const id = job.item.enrollmentId;
    if (out.has(id)) continue;
    const requested = job.record?.Status__c === 'Send_Requested' || job.item.status === 'Send_Requested';
    const offMinute =
      job.item.dueAt === null || Math.floor(job.item.dueAt / MINUTE) !== Math.floor(sentAt / MINUTE);
    if (requested || offMinute) {
      out.add(id);
      continue;
    }
    const items = await store.planItemsOf(id);
    if (items.every((i) => FINISHED.includes(i.status))) out.add(id);
  }
  return [...out];
}
