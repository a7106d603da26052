// After a crash, emails left `Sending` (their lease has run out: no live worker holds them) may
// or may not have reached the recipient's server. DESIGN §2.5: they become `Uncertain` for an
// admin to review in Command Center (retry or dismiss) and are never resent automatically.
import type { Logger } from 'pino';
import type { CampaignOrg } from '../ports/campaignOrg.ts';
import type { Clock } from '../ports/clock.ts';
import type { SyncStore } from '../ports/syncStore.ts';
import type { DispatchMetrics } from './dispatchMetrics.ts';
import { writeBack } from './writeBack.ts';
import { WriteBackBatch } from './writeBackBatch.ts';

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
    const batch = new WriteBackBatch();
    for (const item of items)
      if (item.recordId)
        batch.updateStep({
          Id: item.recordId,
          Status__c: 'Uncertain',
          Error__c:
            'The service stopped while sending this email; it may or may not have been delivered. Review, then retry or dismiss.',
        });
    // Through the outbox like any outcome: if the org refuses now, the Uncertain mark still lands.
    const entryId = await deps.store.recordOutcomes(
      items.map((i) => ({ stepKey: i.stepKey, status: 'Uncertain' })),
      batch.isEmpty ? null : { payload: batch.toJSON(), at: now, owner: deps.owner, leaseMs: deps.leaseMs },
    );
    await writeBack(batch, {
      ...deps,
      now,
      outbox: entryId ? { entryId, owner: deps.owner, attempts: 1 } : undefined,
    });
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
