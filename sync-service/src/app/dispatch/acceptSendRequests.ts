// Command Center requests (DESIGN §3 "who writes what"): the rep's "send now" or "send at" on a
// prepared email (the step's Subject__c/Body__c hold the edited content, Scheduled_At__c the
// chosen moment, empty = now), and an admin's retry of a Failed or Uncertain email, arrive as
// Enrollment_Step__c records with Status__c = Send_Requested. They become due sends in the store;
// the dispatcher re-reads the content when it sends. A dismissal (Cancelled) is mirrored.
// Fed by the change stream, and by a poll that catches anything the stream missed.
import type { Logger } from 'pino';
import type { CampaignOrg } from '../ports/campaignOrg.ts';
import type { DeliveryOrg, SendableStepRecord } from '../ports/deliveryOrg.ts';
import type { PlanItem, PlanItemPatch, StepStatus, SyncStore } from '../ports/syncStore.ts';

/** Store states in which a Send_Requested record is stale news (in flight, or already out). */
const IN_FLIGHT_OR_DONE: readonly StepStatus[] = [
  'Sending',
  'Sent',
  'Completed',
  'Cancelled',
  'Skipped',
  'Expired',
];

export type StepRequest = Pick<
  SendableStepRecord,
  'Id' | 'Enrollment__c' | 'Step__c' | 'Step_Key__c' | 'Status__c' | 'Scheduled_At__c'
>;

export async function acceptSendRequests(
  records: readonly StepRequest[],
  deps: { store: SyncStore; org: CampaignOrg; logger: Logger; now: number },
): Promise<number> {
  const relevant = records.filter((r) => r.Status__c === 'Send_Requested' || r.Status__c === 'Cancelled');
  if (relevant.length === 0) return 0;
  const known = new Map(
    (await deps.store.planItemsByKeys(relevant.map((r) => r.Step_Key__c))).map((i) => [i.stepKey, i]),
  );
  const patches: PlanItemPatch[] = [];
  const missing: StepRequest[] = [];
  for (const record of relevant) {
    const item = known.get(record.Step_Key__c);
    if (record.Status__c === 'Cancelled') {
      if (item && item.status !== 'Cancelled' && item.status !== 'Sending')
        patches.push({ stepKey: item.stepKey, status: 'Cancelled' });
      continue;
    }
    if (item && IN_FLIGHT_OR_DONE.includes(item.status)) continue;
    const dueAt = record.Scheduled_At__c ? Date.parse(record.Scheduled_At__c) : deps.now;
    if (item) {
      if (item.status !== 'Send_Requested' || item.dueAt !== dueAt || item.kind !== 'send') {
        patches.push({
          stepKey: item.stepKey,
          kind: 'send',
          status: 'Send_Requested',
          dueAt,
          recordId: record.Id,
        });
      }
    } else missing.push(record);
  }
  if (patches.length > 0) await deps.store.updatePlanItems(patches);

  // A request for a step the store does not know (lost store, or a step planned by another
  // process): enough to send it; the re-plan after the send fills in the rest.
  if (missing.length > 0) {
    const enrollments = new Map(
      (await deps.org.enrollments([...new Set(missing.map((m) => m.Enrollment__c))])).map((e) => [e.Id, e]),
    );
    const items: PlanItem[] = [];
    for (const record of missing) {
      const enrollment = enrollments.get(record.Enrollment__c);
      if (!enrollment) continue;
      items.push({
        stepKey: record.Step_Key__c,
        enrollmentId: record.Enrollment__c,
        stepId: record.Step__c,
        campaignId: enrollment.Campaign__c,
        ownerId: enrollment.OwnerId,
        recordId: record.Id,
        kind: 'send',
        status: 'Send_Requested',
        dueAt: record.Scheduled_At__c ? Date.parse(record.Scheduled_At__c) : deps.now,
        dueDate: null,
        expiresAt: null,
        taskId: null,
        dependsOn: null,
        updatedAt: deps.now,
      });
    }
    if (items.length > 0) await deps.store.savePlanItems(items);
  }
  const accepted = patches.length + missing.length;
  if (accepted > 0) deps.logger.info({ accepted }, 'Command Center requests accepted');
  return accepted;
}

/** The poll behind the stream: one query for every open request. */
export async function pollSendRequests(deps: {
  store: SyncStore;
  org: CampaignOrg;
  delivery: DeliveryOrg;
  logger: Logger;
  now: number;
}): Promise<number> {
  return acceptSendRequests(await deps.delivery.requestedSteps(), deps);
}
