// After a crash, emails left `Sending` (their lease has run out: no live worker holds them) may
// or may not have reached the recipient's server. DESIGN §2.5: they become `Uncertain` for an
// admin to review in Command Center (retry or dismiss) and are never resent automatically.
import type { Logger } from 'pino';
import type { CampaignOrg } from '../ports/campaignOrg.ts';
import type { Clock } from '../ports/clock.ts';
import type { SyncStore } from '../ports/syncStore.ts';
import type { DispatchMetrics } from './dispatchMetrics.ts';

export async function resolveInDoubt(deps: {
  org: CampaignOrg;
  store: SyncStore;
  clock: Clock;
  logger: Logger;
  metrics: DispatchMetrics;
  owner: string;
  leaseMs: number;
  batchSize: number;
}): Promise<number> {
  const now = deps.clock.now();
  const items = await deps.store.claimDue({
    kind: 'send',
    statuses: ['Sending'],
    dueField: 'dueAt',
    now,
    limit: deps.batchSize,
    owner: deps.owner,
    leaseMs: deps.leaseMs,
  });
  if (items.length === 0) return 0;
  try {
    await deps.store.updatePlanItems(items.map((i) => ({ stepKey: i.stepKey, status: 'Uncertain' })));
    const withRecords = items.filter((i) => i.recordId);
    const outcomes = await deps.org.updateEnrollmentSteps(
      withRecords.map((i) => ({
        Id: i.recordId,
        Status__c: 'Uncertain',
        Error__c:
          'The service stopped while sending this email; it may or may not have been delivered. Review, then retry or dismiss.',
      })),
    );
    outcomes.forEach(
      (o, n) =>
        o.ok ||
        deps.logger.error(
          { stepKey: withRecords[n]!.stepKey, errors: o.errors },
          'could not mark an in-doubt email Uncertain in the org',
        ),
    );
    for (const item of items) {
      deps.metrics.countEmail('Uncertain');
      deps.logger.warn(
        { stepKey: item.stepKey },
        'email left Sending by a stopped worker; marked Uncertain, not resent',
      );
    }
    return items.length;
  } finally {
    await deps.store.releaseClaims(
      items.map((i) => i.stepKey),
      deps.owner,
    );
  }
}
