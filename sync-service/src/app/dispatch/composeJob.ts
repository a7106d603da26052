// Turns one re-read job into the composer's input: the rep's edited content or the step's
// current template, the recipient and sender records, the email it threads onto, and the
// one-click unsubscribe link for this person and campaign.
import {
  composeEmail,
  type ComposedEmail,
  type SObjectValues,
  type UnsubscribeSettings,
} from '../../domain/compose/index.ts';
import { previousEmailFor } from './previousEmail.ts';
import { templatesOf, type SendJob } from './sendingSnapshot.ts';

export interface ComposeOptions {
  unsubscribe?: UnsubscribeSettings | undefined;
  /** Message-ID domain; the sender's address domain otherwise. */
  sendingDomain?: string | undefined;
  organization?: SObjectValues | undefined;
}

export function composeJob(job: SendJob, options: ComposeOptions, now: number): ComposedEmail {
  const enrollment = job.enrollment!;
  const sender = job.sender!;
  const recipient = job.recipient!;
  const { subject, body } = templatesOf(job.record, job.content);
  const senderAddress = { name: String(sender.Name ?? ''), address: String(sender.Email ?? '') };
  const threads = job.content?.Send_Option__c === 'Thread_Previous';
  const threading = threads
    ? previousEmailFor(job.item.stepId, job.campaignSteps, job.enrollmentSteps, senderAddress, now)
    : { previous: null, fallbackSubject: null };
  const personId = enrollment.Contact__c ?? enrollment.Lead__c ?? '';
  return composeEmail({
    stepKey: job.item.stepKey,
    subject: subject || threading.fallbackSubject || '',
    body,
    recipientObject: job.recipientObject,
    recipient,
    sender,
    organization: options.organization,
    senderTimeZone:
      typeof sender.TimeZoneSidKey === 'string' && sender.TimeZoneSidKey ? sender.TimeZoneSidKey : 'UTC',
    sendingDomain: options.sendingDomain,
    previous: threading.previous,
    unsubscribe: options.unsubscribe
      ? {
          ...options.unsubscribe,
          claims: { personId, campaignId: enrollment.Campaign__c, enrollmentId: enrollment.Id },
        }
      : undefined,
  });
}
