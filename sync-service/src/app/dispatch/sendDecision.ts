// What to do with one claimed email once the org has been re-read (DESIGN §2.4, §2.5). Pure:
// the org's current state decides, not the store's memory of it, so an opt-out, a pause, an
// edit or a dismissal made a second before the send is honoured.
import type { StepStatus } from '../ports/syncStore.ts';
import type { SendJob } from './sendingSnapshot.ts';

export type SendDecision =
  | { kind: 'send' }
  /** Not due any more (a Command Center request scheduled later): move the store's moment. */
  | { kind: 'reschedule'; dueAt: number }
  /** The org already moved on (sent, skipped, dismissed…) or the campaign is paused: just mirror it. */
  | { kind: 'mirror'; status: StepStatus | null }
  /** The person's campaign has ended (or ends now, on an opt-out): cancel this step with the reason. */
  | { kind: 'cancel'; reason: string; endEnrollment: { status: 'Unsubscribed'; reason: string } | null }
  /** This email cannot go (no address, no content): it fails with the reason, the campaign goes on. */
  | { kind: 'fail'; reason: string };

const SENDABLE: readonly string[] = ['Scheduled', 'Send_Requested'];
const ENDED_ENROLLMENT: readonly string[] = [
  'Completed',
  'Replied',
  'Bounced',
  'Unsubscribed',
  'Removed',
  'Failed',
];

/** `dueBy`: the end of the window the dispatcher is preparing (now, or a few seconds ahead). */
export function decideSend(job: SendJob, dueBy: number): SendDecision {
  const { enrollment, record, recipient, item } = job;
  if (!enrollment)
    return {
      kind: 'cancel',
      reason: `enrollment ${item.enrollmentId} no longer exists in the org`,
      endEnrollment: null,
    };
  if (ENDED_ENROLLMENT.includes(enrollment.Status__c)) {
    return {
      kind: 'cancel',
      reason: `campaign ended for this person (${enrollment.Status__c})`,
      endEnrollment: null,
    };
  }
  if (enrollment.Status__c === 'Paused') return { kind: 'mirror', status: null };
  if (!record) return { kind: 'mirror', status: null };
  if (!SENDABLE.includes(record.Status__c)) return { kind: 'mirror', status: record.Status__c as StepStatus };
  if (record.Status__c === 'Send_Requested' && record.Scheduled_At__c) {
    const at = Date.parse(record.Scheduled_At__c);
    if (at > dueBy) return { kind: 'reschedule', dueAt: at };
  }

  const personId = enrollment.Contact__c ?? enrollment.Lead__c;
  if (!recipient)
    return {
      kind: 'fail',
      reason: `${job.recipientObject} ${personId} could not be read (deleted, or not shared with the integration user)`,
    };
  if (recipient.HasOptedOutOfEmail === true) {
    return {
      kind: 'cancel',
      reason: `${job.recipientObject} ${personId} opted out of email`,
      endEnrollment: { status: 'Unsubscribed', reason: 'Opted out of email (HasOptedOutOfEmail)' },
    };
  }
  if (typeof recipient.Email !== 'string' || recipient.Email.trim() === '') {
    return { kind: 'fail', reason: `${job.recipientObject} ${personId} has no Email` };
  }
  if (!job.sender)
    return { kind: 'fail', reason: `the enrollment owner ${enrollment.OwnerId} could not be read` };
  if (!job.content && record.Status__c !== 'Send_Requested') {
    return { kind: 'fail', reason: `Campaign_Step__c ${item.stepId} no longer exists` };
  }
  return { kind: 'send' };
}
