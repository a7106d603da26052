// The planning use case: brings a batch of enrollments in line with the planner. New ones get
// their plan (Enrollment_Step__c records, Status Active, Time_Zone__c, Unique_Key__c); live ones
// are re-planned from the facts in the org (completions, expiries, skips, pauses, edited steps);
// ended ones have their pending steps cancelled and their key cleared so the person can be added
// again. Idempotent: running it twice writes nothing the second time. Every other use case
// (stream, sweep, task completions, expiry, the dispatcher after a send) ends by calling it.
import type { Logger } from 'pino';
import { PlanError } from '../../domain/index.ts';
import type {
  ActivityEvent,
  CampaignOrg,
  EnrollmentRecord,
  EnrollmentStepRecord,
  OrgRecord,
  RecordOutcome,
} from '../ports/campaignOrg.ts';
import type { Clock } from '../ports/clock.ts';
import type { EnrollmentState, PlanItem, SyncStore } from '../ports/syncStore.ts';
import type { SyncMetrics } from '../syncMetrics.ts';
import { loadEnrollmentBatch, uniqueKeyOf, type EnrollmentBatch } from './loadEnrollmentBatch.ts';
import type { OrgReferenceData } from './orgReferenceData.ts';
import { planFromFacts, rememberedForm, type PlannedEnrollment } from './planInputFromOrg.ts';
import { allStepsDone, cancellationsFor, stepWritesFor } from './stepWrites.ts';

export interface ReconcileDeps {
  org: CampaignOrg;
  store: SyncStore;
  reference: OrgReferenceData;
  clock: Clock;
  logger: Logger;
  metrics: SyncMetrics;
}

export interface ReconcileSummary {
  planned: number;
  ended: number;
  failed: number;
  stepsWritten: number;
  recordErrors: number;
  /** Writes that kept failing for a passing reason (locks, 5xx, limits): the caller retries. */
  transientErrors: number;
}

/** Thrown so a caller with its own retry (the stream's batch, the task poll's cursor) tries again. */
export class TransientPlanningError extends Error {
  readonly code = 'PLAN.TRANSIENT_WRITE_FAILURE';
}

/** Throws when some writes failed for a passing reason, so the triggering work is retried. */
export function retryIfTransient(summary: ReconcileSummary, what: string): ReconcileSummary {
  if (summary.transientErrors > 0) {
    throw new TransientPlanningError(
      `${what}: ${summary.transientErrors} org writes kept failing for a passing reason; will retry`,
    );
  }
  return summary;
}

interface Decision {
  /** planned: has a plan; failed: cannot be planned (or a duplicate); closed: already ended in the org. */
  kind: 'planned' | 'failed' | 'closed';
  enrollment: EnrollmentRecord;
  update: OrgRecord | null;
  planned?: PlannedEnrollment;
  items?: PlanItem[];
  stepUpserts: OrgRecord[];
  events: ActivityEvent[];
}

function describeErrors(outcome: RecordOutcome): string {
  return outcome.ok ? '' : outcome.errors.map((e) => `${e.code}: ${e.message}`).join('; ');
}

export class EnrollmentReconciler {
  private readonly log: Logger;
  /** Enrollments whose writes kept failing for a passing reason; retried on the next tick. */
  private readonly retryLater = new Set<string>();
  constructor(private readonly deps: ReconcileDeps) {
    this.log = deps.logger.child({ component: 'reconcile-enrollments' });
  }

  /** Re-plans the enrollments whose last pass hit transient write failures. */
  async retryPending(): Promise<ReconcileSummary | null> {
    if (this.retryLater.size === 0) return null;
    const ids = [...this.retryLater];
    this.retryLater.clear();
    this.log.info({ enrollments: ids.length }, 'retrying plans that hit transient write failures');
    return this.reconcile(ids);
  }

  /** `observedAt`: when the triggering change happened (a pause or resume takes that time). */
  async reconcile(
    ids: string[],
    options: { observedAt?: number; preloaded?: EnrollmentRecord[] } = {},
  ): Promise<ReconcileSummary> {
    const summary: ReconcileSummary = {
      planned: 0,
      ended: 0,
      failed: 0,
      stepsWritten: 0,
      recordErrors: 0,
      transientErrors: 0,
    };
    const unique = [...new Set(ids)];
    if (unique.length === 0 && !options.preloaded?.length) return summary;
    const { org, store, reference, clock } = this.deps;
    const batch = await loadEnrollmentBatch(unique, { org, store, reference }, options.preloaded);
    const now = clock.now();
    const observedAt = options.observedAt ?? now;

    const decisions: Decision[] = [];
    for (const enrollment of batch.ended) decisions.push(this.decideEnded(enrollment, batch));
    const duplicates = this.findDuplicates(batch);
    for (const enrollment of batch.live) {
      const duplicateOf = duplicates.get(enrollment.Id);
      decisions.push(
        duplicateOf
          ? this.decideDuplicate(enrollment, duplicateOf, batch)
          : this.decideLive(enrollment, batch, observedAt, now),
      );
    }

    // Enrollment updates first: a key the org refuses as a duplicate means no plan is written.
    const withUpdates = decisions.filter((d) => d.update);
    const updateOutcomes = withUpdates.length
      ? await org.updateEnrollments(withUpdates.map((d) => d.update!))
      : [];
    const refused = new Set<string>();
    const retryAsDuplicate: Decision[] = [];
    updateOutcomes.forEach((outcome, i) => {
      const decision = withUpdates[i]!;
      if (outcome.ok) return;
      refused.add(decision.enrollment.Id);
      summary.recordErrors += 1;
      if (outcome.transient) {
        summary.transientErrors += 1;
        this.retryLater.add(decision.enrollment.Id);
      }
      if (outcome.errors.some((e) => e.code === 'DUPLICATE_VALUE')) {
        retryAsDuplicate.push(this.decideDuplicate(decision.enrollment, null, batch));
      } else {
        this.log.error(
          { enrollmentId: decision.enrollment.Id, error: describeErrors(outcome) },
          'enrollment update refused',
        );
      }
    });
    if (retryAsDuplicate.length) {
      await org.updateEnrollments(retryAsDuplicate.map((d) => d.update!));
      decisions.push(...retryAsDuplicate);
    }

    const accepted = decisions.filter((d) => !refused.has(d.enrollment.Id) || retryAsDuplicate.includes(d));
    const upserts = accepted.flatMap((d) => d.stepUpserts.map((record) => ({ record, decision: d })));
    const outcomes = upserts.length ? await org.upsertEnrollmentSteps(upserts.map((u) => u.record)) : [];
    const failedSteps = new Set<string>();
    outcomes.forEach((outcome, i) => {
      const { record, decision } = upserts[i]!;
      if (outcome.ok) {
        summary.stepsWritten += 1;
        const item = decision.items?.find((it) => it.stepKey === record.Step_Key__c);
        if (item && outcome.id) item.recordId = outcome.id;
      } else {
        summary.recordErrors += 1;
        if (outcome.transient) {
          summary.transientErrors += 1;
          this.retryLater.add(decision.enrollment.Id);
        }
        failedSteps.add(String(record.Step_Key__c));
        this.log.error(
          { stepKey: record.Step_Key__c, error: describeErrors(outcome) },
          'enrollment step write refused',
        );
      }
    });

    const events = accepted.flatMap((d) => d.events);
    if (events.length) await this.publish(events);

    const plans: Array<{ state: EnrollmentState; items: PlanItem[] }> = [];
    for (const decision of accepted) {
      const id = decision.enrollment.Id;
      if (decision.kind !== 'planned' || !decision.planned) {
        await store.forgetEnrollment(id);
        if (decision.kind === 'failed') summary.failed += 1;
        continue;
      }
      const status = String(decision.update?.Status__c ?? decision.enrollment.Status__c);
      plans.push({
        state: {
          enrollmentId: id,
          campaignId: decision.enrollment.Campaign__c,
          ownerId: decision.enrollment.OwnerId,
          personId: decision.enrollment.Contact__c ?? decision.enrollment.Lead__c ?? '',
          status,
          timeZone: decision.planned.plan.timeZone,
          shiftDays: decision.planned.plan.shiftDays,
          pausedAt: decision.planned.input.pauses?.find((p) => p.resumedAt == null)?.pausedAt ?? null,
          orgModstamp: Date.parse(decision.enrollment.SystemModstamp) || null,
          planInputJson: rememberedForm(decision.planned.input),
          updatedAt: now,
        },
        // A step whose write failed keeps its previous mirror: the next pass retries it.
        items: decision.items!.filter((item) => !failedSteps.has(item.stepKey)),
      });
      summary.planned += 1;
      if (status === 'Completed') summary.ended += 1;
    }
    await store.saveEnrollmentPlans(plans);

    const metrics = this.deps.metrics;
    metrics.add('plans_written_total', summary.planned);
    metrics.add('steps_written_total', summary.stepsWritten);
    metrics.add('record_errors_total', summary.recordErrors);
    metrics.add('enrollments_ended_total', summary.ended);
    metrics.add('plan_failures_total', summary.failed);
    this.log.debug({ ...summary, enrollments: unique.length }, 'reconciled');
    return summary;
  }

  private decideLive(
    enrollment: EnrollmentRecord,
    batch: EnrollmentBatch,
    observedAt: number,
    now: number,
  ): Decision {
    const campaign = batch.campaigns.get(enrollment.Campaign__c);
    const existing = batch.stepsByEnrollment.get(enrollment.Id) ?? [];
    const timeZone = batch.timeZones.get(enrollment.Id);
    const fail = (reason: string): Decision => {
      this.log.warn({ enrollmentId: enrollment.Id, reason }, 'enrollment cannot be planned');
      return this.endDecision(enrollment, existing, reason);
    };
    if (!campaign)
      return fail(`Campaign ${enrollment.Campaign__c} not found or not readable by the integration user`);
    if (!timeZone)
      return fail(`No valid time zone: owner ${enrollment.OwnerId} has no TimeZoneSidKey the planner knows`);
    let planned: PlannedEnrollment;
    try {
      planned = planFromFacts({
        enrollment,
        campaign,
        steps: batch.stepsByCampaign.get(campaign.Id) ?? [],
        enrollmentSteps: existing,
        timeZone,
        holidays: batch.holidays,
        defaults: batch.defaults,
        remembered: batch.remembered.get(enrollment.Id)?.input ?? null,
        observedAt,
      });
    } catch (error) {
      if (error instanceof PlanError) return fail(`${error.code}: ${error.message.split('\n')[0]}`);
      throw error;
    }
    const { plan } = planned;
    const events: ActivityEvent[] = [];
    let endedReason: string | null = null;
    let status = enrollment.Status__c === 'Scheduled' ? 'Active' : enrollment.Status__c;
    if (plan.ended) {
      const step = batch.stepsByCampaign.get(campaign.Id)?.find((s) => s.Id === plan.ended!.stepId);
      endedReason = `Task expired: ${step?.Name ?? plan.ended.stepId} (On task expiry: End campaign)`;
      status = 'Completed';
    } else if (allStepsDone(plan)) {
      endedReason = 'All steps done';
      status = 'Completed';
    }
    const writes = stepWritesFor(enrollment, plan, existing, endedReason && `Cancelled: ${endedReason}`, now);
    const update: OrgRecord = { Id: enrollment.Id };
    if (status !== enrollment.Status__c) update.Status__c = status;
    if (enrollment.Time_Zone__c !== plan.timeZone) update.Time_Zone__c = plan.timeZone;
    if ((enrollment.Shift_Days__c ?? 0) !== plan.shiftDays) update.Shift_Days__c = plan.shiftDays;
    if (status === 'Completed') {
      update.Ended_Reason__c = endedReason;
      if (enrollment.Unique_Key__c) update.Unique_Key__c = null;
      events.push({
        Kind__c: 'campaign_ended',
        Enrollment_Id__c: enrollment.Id,
        Owner_Id__c: enrollment.OwnerId,
      });
    } else if (!enrollment.Unique_Key__c) {
      update.Unique_Key__c = uniqueKeyOf(enrollment);
    }
    return {
      kind: 'planned',
      enrollment,
      update: Object.keys(update).length > 1 ? update : null,
      planned,
      items: writes.items,
      stepUpserts: writes.upserts,
      events,
    };
  }

  /** The person's campaign fails with a reason the rep sees on the enrollment and its steps. */
  private endDecision(
    enrollment: EnrollmentRecord,
    existing: EnrollmentStepRecord[],
    reason: string,
  ): Decision {
    return {
      kind: 'failed',
      enrollment,
      update: {
        Id: enrollment.Id,
        Status__c: 'Failed',
        Ended_Reason__c: reason.slice(0, 255),
        ...(enrollment.Unique_Key__c ? { Unique_Key__c: null } : {}),
      },
      stepUpserts: cancellationsFor(existing, `Cancelled: ${reason}`.slice(0, 255)),
      events: [
        { Kind__c: 'campaign_ended', Enrollment_Id__c: enrollment.Id, Owner_Id__c: enrollment.OwnerId },
      ],
    };
  }

  private decideDuplicate(
    enrollment: EnrollmentRecord,
    otherId: string | null,
    batch: EnrollmentBatch,
  ): Decision {
    const person = enrollment.Contact__c ?? enrollment.Lead__c;
    const reason = `Duplicate: ${person} is already in this campaign${otherId ? ` (enrollment ${otherId})` : ''}`;
    this.log.warn({ enrollmentId: enrollment.Id, duplicateOf: otherId }, 'ending a duplicate enrollment');
    const decision = this.endDecision(enrollment, batch.stepsByEnrollment.get(enrollment.Id) ?? [], reason);
    delete decision.update!.Unique_Key__c; // the key belongs to the other enrollment
    return decision;
  }

  /** An ended enrollment (removed, replied, bounced …): cancel what is pending, clear the key. */
  private decideEnded(enrollment: EnrollmentRecord, batch: EnrollmentBatch): Decision {
    const reason =
      enrollment.Ended_Reason__c || `campaign ${enrollment.Status__c.toLowerCase()} for this person`;
    const stepUpserts = cancellationsFor(
      batch.stepsByEnrollment.get(enrollment.Id) ?? [],
      `Cancelled: ${reason}`.slice(0, 255),
    );
    return {
      kind: 'closed',
      enrollment,
      update: enrollment.Unique_Key__c ? { Id: enrollment.Id, Unique_Key__c: null } : null,
      stepUpserts,
      events: [],
    };
  }

  /** Live enrollments without a key whose key another enrollment already holds (in the org or
   * earlier in this batch): they are duplicates. */
  private findDuplicates(batch: EnrollmentBatch): Map<string, string> {
    const { live } = batch;
    const keyless = live
      .filter((e) => !e.Unique_Key__c)
      .sort((a, b) => a.CreatedDate.localeCompare(b.CreatedDate));
    const duplicates = new Map<string, string>();
    if (keyless.length === 0) return duplicates;
    const holders = new Map<string, string>();
    for (const e of live) if (e.Unique_Key__c) holders.set(e.Unique_Key__c, e.Id);
    for (const e of batch.keyHolders)
      if (e.Unique_Key__c && !holders.has(e.Unique_Key__c)) holders.set(e.Unique_Key__c, e.Id);
    for (const e of keyless) {
      const key = uniqueKeyOf(e);
      const holder = holders.get(key);
      if (holder && holder !== e.Id) duplicates.set(e.Id, holder);
      else holders.set(key, e.Id);
    }
    return duplicates;
  }

  private async publish(events: ActivityEvent[]): Promise<void> {
    const outcomes = await this.deps.org.publishActivities(events);
    const failed = outcomes.filter((o) => !o.ok).length;
    if (failed) this.log.warn({ failed }, 'some Campaign_Activity__e events were not published');
  }
}
