// The dispatch use case: claim the emails that are due or about to be (leases, so two workers
// never take the same one), re-read them from the org in one batch, compose, send each at its
// moment and at most once, write every outcome back in a few batched calls, then let the planner
// re-plan the followers of what went.
//
// Preparing a little ahead (`prepareAheadMs`) is what keeps a burst on time: a thousand emails
// due in the same second are read and composed before that second, so only the SMTP exchanges
// remain when it comes. The price is that a change made in the org inside that window (a few
// seconds) is not seen; the window is kept short for that reason.
//
// At most once (DESIGN §2.5): an email is marked Sending in the store — durably, before any
// byte goes to the SMTP server — and only an accepted reply makes it Sent. A worker that dies in
// between leaves it Sending; resolveInDoubt later turns it Uncertain for review, never resends.
import type { Logger } from 'pino';
import { ComposeError, type ComposedEmail } from '../../domain/compose/index.ts';
import type { CampaignOrg } from '../ports/campaignOrg.ts';
import type { Clock } from '../ports/clock.ts';
import type { DeliveryOrg } from '../ports/deliveryOrg.ts';
import type { PlanItemPatch, StepStatus, SyncStore } from '../ports/syncStore.ts';
import { composeJob, type ComposeOptions } from './composeJob.ts';
import type { DispatchMetrics } from './dispatchMetrics.ts';
import { applyDelivery, type TemporaryRetry } from './applyDelivery.ts';
import { endEnrollment, rememberEnded, type EndStatus } from './endEnrollment.ts';
import type { DeliveryOutcome, MailTransport } from './mailDelivery.ts';
import { groupBy } from '../groupBy.ts';
import { mapConcurrently } from './mapConcurrently.ts';
import { decideSend } from './sendDecision.ts';
import { enrollmentsToReplan } from './replanNeed.ts';
import { readSendingSnapshot, type SendJob } from './sendingSnapshot.ts';
import { setAsideAwaitingWriteBack } from './setAsideAwaitingWriteBack.ts';
import { writeBack } from './writeBack.ts';
import { WriteBackBatch } from './writeBackBatch.ts';

/** Re-plans the steps after those just sent (Same_Time_As_Previous takes the real send time,
 * a sent manual email releases its gate). Provided by the planning use cases. */
export interface FollowerReplanning {
  /** The planner reads the enrollments itself: they may have changed while the emails went. */
  afterSends(enrollmentIds: string[]): Promise<void>;
}

export interface DispatchDeps {
  org: CampaignOrg;
  delivery: DeliveryOrg;
  store: SyncStore;
  transport: MailTransport;
  clock: Clock;
  logger: Logger;
  metrics: DispatchMetrics;
  compose: ComposeOptions;
  replanning?: FollowerReplanning | undefined;
  /** This worker's name in leases. */
  owner: string;
  leaseMs: number;
  /** Business ms ahead of its moment an email is claimed, re-read and composed (0: when due). */
  prepareAheadMs?: number;
  batchSize: number;
  sendConcurrency: number;
  temporaryRetry: TemporaryRetry;
  /** Temporary failures so far per step key (the dispatcher keeps one map across passes). */
  temporaryFailures?: Map<string, number>;
}

export interface DispatchReport {
  claimed: number;
  sent: number;
  notSent: number;
}

const SENDABLE_IN_STORE: readonly StepStatus[] = ['Scheduled', 'Send_Requested'];
const REPLAN_GROUP = 500;
const LIVE_ENROLLMENT: ReadonlySet<string> = new Set(['Scheduled', 'Active', 'Paused']);

export async function dispatchDueSends(deps: DispatchDeps): Promise<DispatchReport> {
  const started = deps.clock.now();
  const dueBy = started + (deps.prepareAheadMs ?? 0);
  const claimed = await deps.store.claimDue({
    kind: 'send',
    statuses: SENDABLE_IN_STORE,
    dueField: 'dueAt',
    now: started,
    dueBy,
    limit: deps.batchSize,
    owner: deps.owner,
    leaseMs: deps.leaseMs,
  });
  // An outcome recorded but not yet in the org (the write-back outbox) is never sent again.
  const items = await setAsideAwaitingWriteBack(claimed, deps);
  if (items.length === 0) return { claimed: 0, sent: 0, notSent: 0 };
  const log = deps.logger.child({ batch: `${deps.owner}@${started}` });
  const keys = items.map((i) => i.stepKey);
  try {
    const jobs = await readSendingSnapshot(items, deps.org, deps.delivery);
    const batch = new WriteBackBatch();
    const patches: PlanItemPatch[] = [];
    const ended: Array<{ enrollmentId: string; status: EndStatus }> = [];
    const toSend: Outgoing[] = [];

    for (const job of jobs) {
      const decision = decideSend(job, dueBy);
      const stepRecordId = job.record?.Id ?? null;
      switch (decision.kind) {
        case 'mirror':
          if (decision.status) patches.push({ stepKey: job.item.stepKey, status: decision.status });
          break;
        case 'reschedule':
          patches.push({ stepKey: job.item.stepKey, status: 'Send_Requested', dueAt: decision.dueAt });
          break;
        case 'cancel':
          patches.push({ stepKey: job.item.stepKey, status: 'Cancelled' });
          deps.metrics.countEmail('Cancelled');
          if (stepRecordId)
            batch.updateStep({
              Id: stepRecordId,
              Status__c: 'Cancelled',
              Error__c: `Cancelled: ${decision.reason}`,
            });
          if (
            decision.endEnrollment &&
            job.enrollment &&
            !ended.some((e) => e.enrollmentId === job.enrollment!.Id)
          ) {
            endEnrollment(
              {
                enrollmentId: job.enrollment.Id,
                ownerId: job.enrollment.OwnerId,
                status: decision.endEnrollment.status,
                reason: decision.endEnrollment.reason,
                causeStepRecordId: stepRecordId,
                steps: job.enrollmentSteps,
              },
              batch,
              patches,
            );
            ended.push({ enrollmentId: job.enrollment.Id, status: decision.endEnrollment.status });
          }
          break;
        case 'fail':
          patches.push({ stepKey: job.item.stepKey, status: 'Failed' });
          deps.metrics.countEmail('Failed');
          if (stepRecordId)
            batch.updateStep({ Id: stepRecordId, Status__c: 'Failed', Error__c: decision.reason });
          log.warn({ stepKey: job.item.stepKey, reason: decision.reason }, 'email not sent');
          break;
        case 'send':
          try {
            const at = sendMomentOf(job, started);
            const email = composeJob(job, deps.compose, at);
            deps.transport.prepare?.(email, at);
            toSend.push({ job, at, email });
          } catch (error) {
            if (!(error instanceof ComposeError)) throw error;
            patches.push({ stepKey: job.item.stepKey, status: 'Failed' });
            deps.metrics.countEmail('Failed');
            if (stepRecordId)
              batch.updateStep({
                Id: stepRecordId,
                Status__c: 'Failed',
                Error__c: `${error.code}: ${error.message}`,
              });
            log.warn(
              { stepKey: job.item.stepKey, code: error.code, err: error.message },
              'email could not be composed',
            );
          }
          break;
      }
    }

    const prepared = deps.clock.now();
    await sendAtTheirMoments(toSend, deps);
    const sentAt = deps.clock.now();
    const sentEnrollments = new Set<string>();
    const sentJobs: Array<{ job: SendJob; sentAt: number }> = [];
    toSend.forEach(({ job, email, outcome, answeredAt }) => {
      const applied = applyDelivery(job, email, outcome!, {
        at: answeredAt ?? sentAt,
        batch,
        patches,
        metrics: deps.metrics,
        retry: deps.temporaryRetry,
        temporaryFailures: deps.temporaryFailures ?? new Map(),
        logger: log,
      });
      if (applied.sent) {
        sentEnrollments.add(job.item.enrollmentId);
        sentJobs.push({ job, sentAt: answeredAt ?? sentAt });
      }
      if (applied.ended) ended.push({ enrollmentId: job.item.enrollmentId, status: applied.ended });
    });

    // The outcomes and the write-back they owe the org, in one transaction: if this process stops
    // or the org refuses, the outbox entry is replayed (replayWriteBacks.ts).
    const outboxEntryId = await deps.store.recordOutcomes(
      patches,
      batch.isEmpty
        ? null
        : { payload: batch.toJSON(), at: sentAt, owner: deps.owner, leaseMs: deps.leaseMs },
    );
    for (const e of ended) await rememberEnded(deps.store, e.enrollmentId, e.status, sentAt);
    // The planner's re-plan ends a finished campaign itself; without one, the dispatcher does.
    if (!deps.replanning)
      await completeFinishedCampaigns(
        jobs,
        sentEnrollments,
        ended.map((e) => e.enrollmentId),
        batch,
        deps,
        sentAt,
      );
    const report = await writeBack(batch, {
      org: deps.org,
      store: deps.store,
      clock: deps.clock,
      logger: log,
      now: sentAt,
      outbox: outboxEntryId ? { entryId: outboxEntryId, owner: deps.owner, attempts: 1 } : undefined,
    });

    const sent = toSend.filter((o) => o.outcome?.kind === 'accepted').length;
    const done = deps.clock.now();
    deps.metrics.observeBatch(items.length, done - started);
    log.info(
      {
        claimed: items.length,
        sent,
        recordErrors: report.recordErrors,
        prepareMs: prepared - started,
        sendMs: sentAt - prepared,
        writeBackMs: done - sentAt,
      },
      'dispatch batch done',
    );
    if (deps.replanning) {
      const endedIds = new Set(ended.map((e) => e.enrollmentId));
      const replan = (await enrollmentsToReplan(sentJobs, deps.store)).filter((id) => !endedIds.has(id));
      // The planner reads the enrollments afresh rather than taking the snapshot's: a person who
      // unsubscribed (or a rep who paused) while this batch was sending must not be re-planned —
      // and ended Completed — from the older record. In groups, to bound each call's size.
      for (let i = 0; i < replan.length; i += REPLAN_GROUP)
        await deps.replanning.afterSends(replan.slice(i, i + REPLAN_GROUP));
    }
    return { claimed: items.length, sent, notSent: items.length - sent };
  } finally {
    await deps.store.releaseClaims(keys, deps.owner);
  }
}

/** An email ready to go, and what became of it. */
interface Outgoing {
  job: SendJob;
  email: ComposedEmail;
  /** Its moment: the plan's, or the one the rep chose in the Command Center. */
  at: number;
  outcome?: DeliveryOutcome;
  /** When its server answered (Sent_At__c and lateness are per email). */
  answeredAt?: number;
}

function sendMomentOf(job: SendJob, now: number): number {
  const requested = job.record?.Status__c === 'Send_Requested' ? job.record.Scheduled_At__c : null;
  const at = requested ? Date.parse(requested) : (job.item.dueAt ?? now);
  return Number.isFinite(at) ? at : now;
}

/** Sends the emails in waves, one per moment: each wave waits for its moment, becomes Sending in
 * the store — the ledger entry, durable before the first SMTP byte — and goes out concurrently. */
async function sendAtTheirMoments(outgoing: Outgoing[], deps: DispatchDeps): Promise<void> {
  const waves = groupBy(outgoing, (entry) => entry.at);
  for (const moment of [...waves.keys()].sort((a, b) => a - b)) {
    const wave = waves.get(moment)!;
    const wait = moment - deps.clock.now();
    if (wait > 0) await deps.clock.sleep(wait);
    await deps.store.updatePlanItems(
      wave.map(({ job }) => ({ stepKey: job.item.stepKey, status: 'Sending' })),
    );
    await mapConcurrently(wave, deps.sendConcurrency, async (entry) => {
      try {
        entry.outcome = await deps.transport.send(entry.email);
      } catch (error) {
        // A transport that throws has not classified the failure: treat it as possibly sent.
        entry.outcome = { kind: 'unknown', reply: (error as Error).message };
      } finally {
        entry.answeredAt = deps.clock.now();
      }
    });
  }
}

/** After its last step went out, a person's campaign is Completed (DESIGN §2.4). */
async function completeFinishedCampaigns(
  jobs: SendJob[],
  sentEnrollments: Set<string>,
  alreadyEnded: string[],
  batch: WriteBackBatch,
  deps: DispatchDeps,
  now: number,
): Promise<void> {
  const finished: readonly string[] = [
    'Sent',
    'Completed',
    'Failed',
    'Expired',
    'Cancelled',
    'Skipped',
    'Uncertain',
  ];
  for (const enrollmentId of sentEnrollments) {
    if (alreadyEnded.includes(enrollmentId)) continue;
    // Ended meanwhile (a one-click unsubscribe while this batch was sending): keep that ending.
    const state = await deps.store.enrollment(enrollmentId);
    if (state && !LIVE_ENROLLMENT.has(state.status)) continue;
    const items = await deps.store.planItemsOf(enrollmentId);
    if (items.length === 0 || !items.every((i) => finished.includes(i.status))) continue;
    const job = jobs.find((j) => j.item.enrollmentId === enrollmentId)!;
    const last = jobs.filter((j) => j.item.enrollmentId === enrollmentId).at(-1)!;
    endEnrollment(
      {
        enrollmentId,
        ownerId: job.enrollment!.OwnerId,
        status: 'Completed',
        reason: 'All steps done',
        causeStepRecordId: last.record?.Id ?? null,
        steps: [],
      },
      batch,
      [],
    );
    await rememberEnded(deps.store, enrollmentId, 'Completed', now);
  }
}
