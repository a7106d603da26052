// Ends one person's campaign (DESIGN §2.4) inside a write-back batch: the enrollment gets its
// status and reason and loses its Unique_Key__c (so the person can be added again), every step
// still waiting is cancelled with the reason on it — visible, never silently dropped — and
// Live Feed hears about it.
import type { SendableStepRecord } from '../ports/deliveryOrg.ts';
import type { PlanItemPatch, SyncStore } from '../ports/syncStore.ts';
import type { WriteBackBatch } from './writeBackBatch.ts';

export type EndStatus = 'Completed' | 'Bounced' | 'Unsubscribed' | 'Failed';

const WAITING = new Set(['Pending', 'Scheduled', 'Task_Open', 'Send_Requested']);

export interface EndRequest {
  enrollmentId: string;
  ownerId: string;
  status: EndStatus;
  reason: string;
  /** The step whose outcome ended the campaign (not cancelled here), if any. */
  causeStepRecordId: string | null;
  steps: readonly SendableStepRecord[];
}

export function endEnrollment(
  request: EndRequest,
  batch: WriteBackBatch,
  storePatches: PlanItemPatch[],
): void {
  batch.updateEnrollment(
    {
      Id: request.enrollmentId,
      Status__c: request.status,
      Ended_Reason__c: request.reason.slice(0, 255),
      Unique_Key__c: null,
    },
    request.causeStepRecordId,
  );
  for (const step of request.steps) {
    if (step.Id === request.causeStepRecordId || !WAITING.has(step.Status__c)) continue;
    batch.updateStep({ Id: step.Id, Status__c: 'Cancelled', Error__c: `Cancelled: ${request.reason}` });
    storePatches.push({ stepKey: step.Step_Key__c, status: 'Cancelled' });
  }
  batch.events.push({
    Kind__c: 'campaign_ended',
    Enrollment_Id__c: request.enrollmentId,
    Enrollment_Step_Id__c: request.causeStepRecordId,
    Owner_Id__c: request.ownerId,
  });
}

/** Mirrors an ended campaign into the store so no other work is claimed for it. */
export async function rememberEnded(
  store: SyncStore,
  enrollmentId: string,
  status: EndStatus,
  now: number,
): Promise<void> {
  const state = await store.enrollment(enrollmentId);
  if (state) await store.saveEnrollment({ ...state, status, updatedAt: now });
}
