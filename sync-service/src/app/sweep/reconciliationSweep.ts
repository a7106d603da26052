// The reconciliation sweep (DESIGN §4): on start, after an outage longer than the stream's
// retention, or when the stream refuses our replay id, every live enrollment is re-planned from
// the org, and ended ones the service has not closed yet (their Unique_Key__c is still set) are
// closed. Because planning is a pure function of the org's facts, this also rebuilds a lost
// store. Enrollments are read by SystemModstamp order and reconciled in batches.
import type { Logger } from 'pino';
import type { CampaignOrg } from '../ports/campaignOrg.ts';
import type { Clock } from '../ports/clock.ts';
import type { SyncMetrics } from '../syncMetrics.ts';
import type { EnrollmentReconciler, ReconcileSummary } from '../planning/reconcileEnrollments.ts';
import type { OrgReferenceData } from '../planning/orgReferenceData.ts';
import type { TaskCompletions } from '../tasks/applyTaskCompletions.ts';

const BATCH = 500;

export interface SweepDeps {
  org: CampaignOrg;
  clock: Clock;
  logger: Logger;
  metrics: SyncMetrics;
  reconciler: EnrollmentReconciler;
  reference: OrgReferenceData;
  completions: TaskCompletions;
}

export class ReconciliationSweep {
  private readonly log: Logger;
  private running: Promise<ReconcileSummary> | null = null;
  constructor(private readonly deps: SweepDeps) {
    this.log = deps.logger.child({ component: 'reconciliation-sweep' });
  }

  /** Runs one sweep; a call while one is running joins it. */
  run(reason: string): Promise<ReconcileSummary> {
    this.running ??= this.sweep(reason).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async sweep(reason: string): Promise<ReconcileSummary> {
    const started = this.deps.clock.now();
    this.deps.reference.invalidate();
    const total: ReconcileSummary = {
      planned: 0,
      ended: 0,
      failed: 0,
      stepsWritten: 0,
      recordErrors: 0,
      transientErrors: 0,
    };
    const live = await this.deps.org.liveEnrollmentsChangedSince(null);
    const ended = await this.deps.org.endedEnrollmentsToClose();
    const all = [...live, ...ended];
    for (let i = 0; i < all.length; i += BATCH) {
      const batch = all.slice(i, i + BATCH);
      const summary = await this.deps.reconciler.reconcile(
        batch.map((e) => e.Id),
        { preloaded: batch },
      );
      for (const key of Object.keys(total) as Array<keyof ReconcileSummary>) total[key] += summary[key];
    }
    await this.deps.completions.closeTasksOfDoneSteps();
    this.deps.metrics.add('sweeps_total');
    this.log.info(
      { reason, enrollments: all.length, ...total, tookMs: this.deps.clock.now() - started },
      'sweep done',
    );
    return total;
  }
}
