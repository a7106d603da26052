// Which email a Thread_Previous step replies to, from what the org holds (DESIGN §2.2): the
// nearest earlier email step, in campaign order, that was sent — by the service (its Message-ID,
// subject and body as sent) or by the rep outside the product (the prepared subject and body, no
// Message-ID, so the follow-up quotes it without reply headers). References are rebuilt by
// walking In_Reply_To__c back through the enrollment's own steps, so a restart loses nothing.
import type { Address, PreviousEmail } from '../../domain/compose/index.ts';
import type { SendableStepRecord, StepContentRecord } from '../ports/deliveryOrg.ts';

export interface ThreadingChoice {
  previous: PreviousEmail | null;
  /** The subject to use when there is nothing to reply to. */
  fallbackSubject: string | null;
}

function byCampaignOrder(a: StepContentRecord, b: StepContentRecord): number {
  return a.Day__c - b.Day__c || a.Order__c - b.Order__c;
}

export function previousEmailFor(
  stepId: string,
  campaignSteps: readonly StepContentRecord[],
  enrollmentSteps: readonly SendableStepRecord[],
  sender: Address,
  /** Stands in for a completion time the record lacks. */
  now: number,
): ThreadingChoice {
  const ordered = [...campaignSteps].sort(byCampaignOrder);
  const position = ordered.findIndex((s) => s.Id === stepId);
  const earlierEmails = ordered
    .slice(0, Math.max(0, position))
    .filter((s) => s.Type__c === 'Email')
    .reverse();
  const own = new Map(enrollmentSteps.map((r) => [r.Step__c, r]));
  const fallbackSubject = earlierEmails.find((s) => s.Subject__c)?.Subject__c ?? null;

  for (const step of earlierEmails) {
    const record = own.get(step.Id);
    if (!record) continue;
    if (record.Status__c === 'Sent' && record.Sent_At__c) {
      return {
        fallbackSubject,
        previous: {
          subject: record.Subject__c ?? step.Subject__c ?? '',
          html: record.Body__c ?? '',
          sentAt: new Date(record.Sent_At__c),
          from: sender,
          messageId: record.Message_Id__c,
          inReplyTo: record.In_Reply_To__c,
          references: ancestorsOf(record, enrollmentSteps),
        },
      };
    }
    // Marked sent outside the product (Gmail, Outlook): quote what was prepared, no reply headers.
    if (record.Status__c === 'Completed' && step.Send_Option__c === 'Manual_Task') {
      return {
        fallbackSubject,
        previous: {
          subject: record.Subject__c ?? step.Subject__c ?? '',
          html: record.Body__c ?? step.Body__c ?? '',
          sentAt: new Date(record.Completed_At__c ?? record.Sent_At__c ?? now),
          from: sender,
          messageId: null,
        },
      };
    }
  }
  return { previous: null, fallbackSubject };
}

/** Message-IDs this email replied to, oldest first (its References, rebuilt). */
function ancestorsOf(record: SendableStepRecord, all: readonly SendableStepRecord[]): string[] {
  const byMessageId = new Map(all.filter((r) => r.Message_Id__c).map((r) => [r.Message_Id__c!, r]));
  const chain: string[] = [];
  let parentId = record.In_Reply_To__c;
  // The length bound guards against a loop in hand-edited records.
  while (parentId && chain.length < all.length) {
    chain.unshift(parentId);
    parentId = byMessageId.get(parentId)?.In_Reply_To__c ?? null;
  }
  return chain;
}
