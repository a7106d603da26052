// Re-reads, in one batch, everything about to be sent: the enrollments (still Active?), every
// enrollment step (still due? what did the rep prepare? what was sent before, for threading),
// the campaign steps' current content, the recipients (email address, HasOptedOutOfEmail, the
// merge fields the templates need) and the senders. Two rounds of queries per batch whatever its
// size: what the first round reads decides which merge fields the second asks for.
import { fieldsToQuery, requiredFields, type RecipientObject } from '../../domain/compose/index.ts';
import type { CampaignOrg, EnrollmentRecord, OrgRecord } from '../ports/campaignOrg.ts';
import type { DeliveryOrg, SendableStepRecord, StepContentRecord } from '../ports/deliveryOrg.ts';
import type { PlanItem } from '../ports/syncStore.ts';
import { groupBy } from '../groupBy.ts';

export interface SendJob {
  item: PlanItem;
  enrollment: EnrollmentRecord | null;
  /** This step's Enrollment_Step__c. */
  record: SendableStepRecord | null;
  /** This step's Campaign_Step__c (current content). */
  content: StepContentRecord | null;
  recipientObject: RecipientObject;
  recipient: OrgRecord | null;
  sender: OrgRecord | null;
  /** All steps of this person's campaign and of the campaign, for threading. */
  enrollmentSteps: SendableStepRecord[];
  campaignSteps: StepContentRecord[];
}

/** The templates a job will render: the rep's edit for a Command Center request, else the step's. */
export function templatesOf(
  record: SendableStepRecord | null,
  content: StepContentRecord | null,
): { subject: string; body: string } {
  const requested = record?.Status__c === 'Send_Requested';
  return {
    subject: (requested && record?.Subject__c) || content?.Subject__c || '',
    body: (requested && record?.Body__c) || content?.Body__c || '',
  };
}

export async function readSendingSnapshot(
  items: PlanItem[],
  org: CampaignOrg,
  delivery: DeliveryOrg,
): Promise<SendJob[]> {
  const enrollmentIds = [...new Set(items.map((i) => i.enrollmentId))];
  const campaignIds = new Set(items.map((i) => i.campaignId));
  // Asked together, so the adapter can carry them in one round trip; the campaigns are the
  // store's, which an enrollment never changes.
  const [enrollmentRecords, stepRecords, contents] = await Promise.all([
    org.enrollments(enrollmentIds),
    delivery.sendableSteps(enrollmentIds),
    delivery.stepContents([...campaignIds]),
  ]);
  const enrollments = new Map(enrollmentRecords.map((e) => [e.Id, e]));
  const unseen = [...new Set(enrollmentRecords.map((e) => e.Campaign__c))].filter(
    (id) => !campaignIds.has(id),
  );
  if (unseen.length > 0) contents.push(...(await delivery.stepContents(unseen)));

  const recordsByEnrollment = groupBy(stepRecords, (r) => r.Enrollment__c);
  const contentsByCampaign = groupBy(contents, (c) => c.Campaign__c);
  const recordByKey = new Map(stepRecords.map((r) => [r.Step_Key__c, r]));
  const contentById = new Map(contents.map((c) => [c.Id, c]));

  // Ask for exactly the merge fields the templates (and quoted earlier bodies) name.
  const texts: string[] = [];
  for (const item of items) {
    const { subject, body } = templatesOf(
      recordByKey.get(item.stepKey) ?? null,
      contentById.get(item.stepId) ?? null,
    );
    texts.push(subject, body);
  }
  for (const c of contents) texts.push(c.Subject__c ?? '', c.Body__c ?? '');
  const required = requiredFields(texts);
  const contactFields = fieldsToQuery(required, 'Contact');
  const leadFields = fieldsToQuery(required, 'Lead');

  const personIds = [
    ...new Set([...enrollments.values()].map(personOf).filter((id): id is string => id !== null)),
  ];
  const ownerIds = [...new Set([...enrollments.values()].map((e) => e.OwnerId))];
  const [recipients, senders] = await Promise.all([
    personIds.length > 0
      ? delivery.recipients(personIds, { Contact: contactFields.recipient, Lead: leadFields.recipient })
      : Promise.resolve([]),
    ownerIds.length > 0 ? delivery.senders(ownerIds, contactFields.sender) : Promise.resolve([]),
  ]);
  const recipientById = new Map(recipients.map((r) => [String(r.Id), r]));
  const senderById = new Map(senders.map((s) => [String(s.Id), s]));

  return items.map((item) => {
    const enrollment = enrollments.get(item.enrollmentId) ?? null;
    const personId = enrollment ? personOf(enrollment) : null;
    return {
      item,
      enrollment,
      record: recordByKey.get(item.stepKey) ?? null,
      content: contentById.get(item.stepId) ?? null,
      recipientObject: enrollment?.Lead__c ? 'Lead' : 'Contact',
      recipient: personId ? (recipientById.get(personId) ?? null) : null,
      sender: enrollment ? (senderById.get(enrollment.OwnerId) ?? null) : null,
      enrollmentSteps: recordsByEnrollment.get(item.enrollmentId) ?? [],
      campaignSteps: enrollment ? (contentsByCampaign.get(enrollment.Campaign__c) ?? []) : [],
    };
  });
}

export function personOf(enrollment: Pick<EnrollmentRecord, 'Contact__c' | 'Lead__c'>): string | null {
  return enrollment.Contact__c ?? enrollment.Lead__c ?? null;
}
