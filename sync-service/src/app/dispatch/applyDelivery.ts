// What one delivery outcome means for the org and the store (DESIGN §2.4, §2.5):
// accepted → Sent with the body as sent, logged as a completed Email Task (the manual email's
// own task, completed); a temporary failure → tried again later, a few times; the recipient
// rejected → the person's campaign ends Bounced; a sender-side failure → this email Failed with
// the server's reply and the admin alerted, the campaign goes on; unknown → Uncertain, for review.
import type { Logger } from 'pino';
import type { ComposedEmail } from '../../domain/compose/index.ts';
import type { PlanItemPatch } from '../ports/syncStore.ts';
import type { DispatchMetrics } from './dispatchMetrics.ts';
import { endEnrollment, type EndStatus } from './endEnrollment.ts';
import type { DeliveryOutcome } from './mailDelivery.ts';
import { personOf, type SendJob } from './sendingSnapshot.ts';
import type { WriteBackBatch } from './writeBackBatch.ts';

export interface TemporaryRetry {
  /** Tries before a temporarily failing email is given up as Failed. */
  attempts: number;
  /** Wait before the next try; doubled each time. */
  backoffMs: number;
}

export interface ApplyContext {
  at: number;
  batch: WriteBackBatch;
  patches: PlanItemPatch[];
  metrics: DispatchMetrics;
  retry: TemporaryRetry;
  /** Temporary failures per step key, kept by the dispatcher; in memory is enough — a restart
   * only grants a few more tries. */
  temporaryFailures: Map<string, number>;
  logger: Logger;
}

export function applyDelivery(
  job: SendJob,
  email: ComposedEmail,
  outcome: DeliveryOutcome,
  ctx: ApplyContext,
): { sent: boolean; ended: EndStatus | null } {
  const { item, record, enrollment } = job;
  const stepRecordId = record?.Id ?? null;
  const iso = new Date(ctx.at).toISOString();
  const log = ctx.logger.child({ stepKey: item.stepKey, messageId: email.messageId });

  switch (outcome.kind) {
    case 'accepted': {
      ctx.temporaryFailures.delete(item.stepKey);
      ctx.patches.push({ stepKey: item.stepKey, status: 'Sent' });
      ctx.metrics.countEmail('Sent');
      if (item.dueAt !== null) ctx.metrics.observeLateness(ctx.at - item.dueAt);
      if (stepRecordId) {
        ctx.batch.updateStep({
          Id: stepRecordId,
          Status__c: 'Sent',
          Sent_At__c: iso,
          Message_Id__c: outcome.messageId ?? email.messageId,
          In_Reply_To__c: email.inReplyTo,
          Subject__c: email.subject.slice(0, 255),
          Body__c: email.html.slice(0, 131_072),
          Error__c: null,
        });
      }
      const ownTask = record?.Task_Id__c ?? item.taskId;
      if (ownTask) {
        ctx.batch.taskCompletions.push({
          stepRecordId: stepRecordId ?? '',
          record: { Id: ownTask, Status: 'Completed', Description: email.text.slice(0, 32_000) },
        });
      } else if (stepRecordId && enrollment) {
        ctx.batch.taskCreates.push({
          stepKey: item.stepKey,
          stepRecordId,
          record: {
            OwnerId: enrollment.OwnerId,
            WhoId: personOf(enrollment),
            Subject: `Email: ${email.subject}`.slice(0, 255),
            Type: 'Email',
            TaskSubtype: 'Email',
            Status: 'Completed',
            ActivityDate: iso.slice(0, 10),
            Description: email.text.slice(0, 32_000),
            Campaign_Step_Key__c: item.stepKey,
          },
        });
      }
      if (enrollment) {
        ctx.batch.events.push({
          Kind__c: 'email_sent',
          Enrollment_Id__c: enrollment.Id,
          Enrollment_Step_Id__c: stepRecordId,
          Owner_Id__c: enrollment.OwnerId,
        });
      }
      log.info({ lateMs: item.dueAt === null ? null : ctx.at - item.dueAt }, 'email sent');
      return { sent: true, ended: null };
    }
    case 'temporary': {
      const failures = (ctx.temporaryFailures.get(item.stepKey) ?? 0) + 1;
      ctx.temporaryFailures.set(item.stepKey, failures);
      if (failures < ctx.retry.attempts) {
        const retryAt = ctx.at + ctx.retry.backoffMs * 2 ** (failures - 1);
        // Back to the status it was claimed in, so a Command Center request stays one.
        ctx.patches.push({
          stepKey: item.stepKey,
          status: item.status === 'Send_Requested' ? 'Send_Requested' : 'Scheduled',
          dueAt: retryAt,
        });
        log.warn(
          { reply: outcome.reply, failures, retryAt: new Date(retryAt).toISOString() },
          'temporary delivery failure; will retry',
        );
        return { sent: false, ended: null };
      }
      ctx.temporaryFailures.delete(item.stepKey);
      return failEmail(job, `Not delivered after ${failures} tries; last reply: ${outcome.reply}`, ctx);
    }
    case 'sender_failed':
      ctx.metrics.lastSenderFailure = { at: ctx.at, reply: outcome.reply };
      log.error(
        { reply: outcome.reply },
        'the mail server refused the sender; the admin must fix the mail settings',
      );
      return failEmail(job, `The mail server refused to send: ${outcome.reply}`, ctx);
    case 'recipient_rejected': {
      ctx.patches.push({ stepKey: item.stepKey, status: 'Failed' });
      ctx.metrics.countEmail('Bounced');
      if (stepRecordId)
        ctx.batch.updateStep({
          Id: stepRecordId,
          Status__c: 'Failed',
          Error__c: `Bounced: ${outcome.reply}`,
        });
      if (!enrollment) return { sent: false, ended: null };
      endEnrollment(
        {
          enrollmentId: enrollment.Id,
          ownerId: enrollment.OwnerId,
          status: 'Bounced',
          reason: `Bounced: ${outcome.reply}`,
          causeStepRecordId: stepRecordId,
          steps: job.enrollmentSteps,
        },
        ctx.batch,
        ctx.patches,
      );
      log.info({ reply: outcome.reply }, 'recipient rejected; campaign ended as Bounced');
      return { sent: false, ended: 'Bounced' };
    }
    case 'unknown':
      ctx.patches.push({ stepKey: item.stepKey, status: 'Uncertain' });
      ctx.metrics.countEmail('Uncertain');
      if (stepRecordId) {
        ctx.batch.updateStep({
          Id: stepRecordId,
          Status__c: 'Uncertain',
          Message_Id__c: email.messageId,
          Error__c: `Delivery outcome unknown (${outcome.reply}); not resent — review, then retry or dismiss`,
        });
      }
      log.warn({ reply: outcome.reply }, 'delivery outcome unknown; marked Uncertain');
      return { sent: false, ended: null };
  }
}

function failEmail(job: SendJob, reason: string, ctx: ApplyContext): { sent: false; ended: null } {
  ctx.patches.push({ stepKey: job.item.stepKey, status: 'Failed' });
  ctx.metrics.countEmail('Failed');
  if (job.record)
    ctx.batch.updateStep({ Id: job.record.Id, Status__c: 'Failed', Error__c: reason.slice(0, 32_000) });
  return { sent: false, ended: null };
}
