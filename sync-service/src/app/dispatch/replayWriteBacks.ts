// Replays the write-back outbox (writeBack.ts): dispatch batches whose outcomes the store has
// recorded but the org has not all received — the process stopped between the two, or the org
// refused or could not be reached. The dispatcher runs it at the start of every pass, so also
// once right after a start. Entries younger than a grace period are left to the batch still
// writing them (which also holds a lease on its own entry); entries are claimed with leases, so
// two instances never replay the same one at once.
//
// Replaying is idempotent: steps, enrollments and manual-email tasks are updated by Id; logged
// Tasks are looked up by Campaign_Step_Key__c and only the missing ones created; events may be
// published a second time, which Live Feed tolerates (ids only, it re-reads the records).
import type { Logger } from 'pino';
import type { CampaignOrg } from '../ports/campaignOrg.ts';
import type { Clock } from '../ports/clock.ts';
import type { SyncStore, WriteBackEntry } from '../ports/syncStore.ts';
import type { DispatchMetrics } from './dispatchMetrics.ts';
import { writeBack } from './writeBack.ts';
import { WriteBackBatch, WriteBackFormatError } from './writeBackBatch.ts';
import { nextWriteBackAttemptAt } from './writeBackRetry.ts';

export interface WriteBackReplaySettings {
  /** An entry this young may still be written by its own batch: not replayed yet. */
  graceMs: number;
  /** Entries (each one dispatch batch) replayed per pass at most. */
  perPass: number;
}

export const WRITE_BACK_REPLAY: WriteBackReplaySettings = { graceMs: 30_000, perPass: 20 };

export interface ReplayDeps {
  org: CampaignOrg;
  store: SyncStore;
  clock: Clock;
  logger: Logger;
  metrics: DispatchMetrics;
  /** This worker's name in leases. */
  owner: string;
  leaseMs: number;
  writeBackReplay?: Partial<WriteBackReplaySettings> | undefined;
}

export interface ReplayReport {
  /** Entries now fully written to the org. */
  landed: number;
  /** Entries tried and kept (some writes still failing, or a format this version cannot read). */
  kept: number;
  /** Entries still in the outbox after the pass. */
  pending: number;
}

type Result = 'landed' | 'kept' | 'unreadable';

export async function replayWriteBacks(deps: ReplayDeps): Promise<ReplayReport> {
  const settings = { ...WRITE_BACK_REPLAY, ...deps.writeBackReplay };
  const report: ReplayReport = { landed: 0, kept: 0, pending: 0 };
  const before = await deps.store.writeBackOutboxDepth();
  deps.metrics.setWriteBackOutbox(before, deps.clock.now());
  if (before.pending === 0) return report;

  const log = deps.logger.child({ component: 'write-back-replay' });
  for (let n = 0; n < settings.perPass; n += 1) {
    const now = deps.clock.now();
    const [entry] = await deps.store.claimWriteBacks({
      now,
      createdBefore: now - settings.graceMs,
      owner: deps.owner,
      leaseMs: deps.leaseMs,
      limit: 1,
    });
    if (!entry) break;
    const result = await replayOne(entry, deps, log);
    if (result === 'landed') report.landed += 1;
    else report.kept += 1;
    // The org still refuses: the others would fail the same way; they wait for a later pass.
    if (result === 'kept') break;
  }

  const after = await deps.store.writeBackOutboxDepth();
  deps.metrics.setWriteBackOutbox(after, deps.clock.now());
  report.pending = after.pending;
  if (report.landed + report.kept > 0)
    log.info({ ...report, failing: after.failing }, 'write-back replay pass');
  return report;
}

async function replayOne(entry: WriteBackEntry, deps: ReplayDeps, log: Logger): Promise<Result> {
  const entryLog = log.child({
    entryId: entry.id,
    attempt: entry.attempts,
    recordedAt: new Date(entry.createdAt).toISOString(),
  });
  let batch: WriteBackBatch;
  try {
    batch = WriteBackBatch.fromJSON(entry.payload, `write-back outbox entry ${entry.id}`);
  } catch (error) {
    if (!(error instanceof WriteBackFormatError)) throw error;
    const now = deps.clock.now();
    await deps.store.failWriteBack(entry.id, {
      owner: deps.owner,
      error: `${error.code}: ${error.message}`,
      at: now,
      retryAt: nextWriteBackAttemptAt(now, entry.attempts),
    });
    deps.metrics.countReplay('kept');
    entryLog.error({ code: error.code, err: error.message }, 'write-back entry cannot be read; kept');
    return 'unreadable';
  }
  try {
    const report = await writeBack(batch, {
      org: deps.org,
      store: deps.store,
      clock: deps.clock,
      logger: entryLog,
      now: deps.clock.now(),
      outbox: { entryId: entry.id, owner: deps.owner, attempts: entry.attempts },
      replay: true,
    });
    const landed = report.deferred === 0;
    deps.metrics.countReplay(landed ? 'landed' : 'kept');
    if (landed) entryLog.info({ recordErrors: report.recordErrors }, 'write-back replayed');
    return landed ? 'landed' : 'kept';
  } catch (error) {
    // writeBack kept the entry with this error; the loop tries again after its retry delay.
    deps.metrics.countReplay('kept');
    entryLog.warn({ err: (error as Error).message }, 'write-back replay failed; kept');
    return 'kept';
  }
}
