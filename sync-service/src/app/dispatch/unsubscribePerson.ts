// A one-click unsubscribe (RFC 8058) or the confirmation page's button, after the token was
// verified: the person is opted out of email in the org (HasOptedOutOfEmail = true, which every
// other campaign honours before its next send) and this campaign ends for them as Unsubscribed,
// its waiting steps cancelled with the reason. Repeating it changes nothing (a mail client may
// POST twice).
import type { Logger } from 'pino';
import type { UnsubscribeClaims } from '../../domain/compose/index.ts';
import type { CampaignOrg } from '../ports/campaignOrg.ts';
import type { Clock } from '../ports/clock.ts';
import type { DeliveryOrg } from '../ports/deliveryOrg.ts';
import type { PlanItemPatch, SyncStore } from '../ports/syncStore.ts';
import { endEnrollment, rememberEnded } from './endEnrollment.ts';
import { writeBack } from './writeBack.ts';
import { WriteBackBatch } from './writeBackBatch.ts';

const LIVE = ['Scheduled', 'Active', 'Paused'];
const IN_FLIGHT: ReadonlySet<string> = new Set(['Sending', 'Sent', 'Uncertain']);

export async function unsubscribePerson(
  claims: UnsubscribeClaims,
  deps: {
    org: CampaignOrg;
    delivery: DeliveryOrg;
    store: SyncStore;
    clock: Clock;
    logger: Logger;
    now: number;
  },
): Promise<{ optedOut: boolean; campaignEnded: boolean }> {
  const log = deps.logger.child({ enrollmentId: claims.enrollmentId, personId: claims.personId });
  const [optOut] = await deps.delivery.optOut([claims.personId]);
  if (!optOut?.ok) {
    // The admin must see this: the person asked to stop and the org did not record it.
    log.error(
      { errors: optOut?.ok === false ? optOut.errors : 'no result' },
      'could not set HasOptedOutOfEmail',
    );
  }
  const [enrollment] = await deps.org.enrollments([claims.enrollmentId]);
  if (!enrollment || !LIVE.includes(enrollment.Status__c)) {
    log.info(
      { status: enrollment?.Status__c ?? 'missing' },
      'unsubscribe: campaign already over for this person',
    );
    return { optedOut: optOut?.ok === true, campaignEnded: false };
  }
  // A step the store knows is being sent, or was sent with its outcome still on its way to the
  // org, looks waiting in the org: it is not cancelled, its own outcome will land on it.
  const inFlight = new Set(
    (await deps.store.planItemsOf(enrollment.Id))
      .filter((i) => IN_FLIGHT.has(i.status))
      .map((i) => i.stepKey),
  );
  const steps = (await deps.delivery.sendableSteps([enrollment.Id])).filter(
    (s) => !inFlight.has(s.Step_Key__c),
  );
  const batch = new WriteBackBatch();
  const patches: PlanItemPatch[] = [];
  endEnrollment(
    {
      enrollmentId: enrollment.Id,
      ownerId: enrollment.OwnerId,
      status: 'Unsubscribed',
      reason: 'Unsubscribed (one-click link)',
      causeStepRecordId: null,
      steps,
    },
    batch,
    patches,
  );
  // The org first: if it did not take the ending, the store must not believe it either, so the
  // next send still finds the opt-out and ends the campaign then.
  const report = await writeBack(batch, {
    org: deps.org,
    store: deps.store,
    clock: deps.clock,
    logger: log,
    now: deps.now,
  });
  if (report.recordErrors > 0) {
    log.error(
      { recordErrors: report.recordErrors },
      'unsubscribe: the org did not take every change; the opt-out still stops the next send',
    );
    return { optedOut: optOut?.ok === true, campaignEnded: false };
  }
  await deps.store.updatePlanItems(patches);
  await rememberEnded(deps.store, enrollment.Id, 'Unsubscribed', deps.now);
  log.info('unsubscribed; campaign ended');
  return { optedOut: optOut?.ok === true, campaignEnded: true };
}
