// The SyncStore on kysely: the same queries for SQLite and PostgreSQL except where claiming due
// work or write-back outbox entries needs `FOR UPDATE SKIP LOCKED` (PostgreSQL); on SQLite the
// single UPDATE … RETURNING is atomic on its own and the database file's write lock serialises
// claimers. Stream ownership is an advisory lock on PostgreSQL and a lease row on SQLite
// (advisoryLockStreamOwnership.ts, leaseStreamOwnership.ts).
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  FINISHED_STEP_STATUSES,
  type ClaimRequest,
  type EnrollmentState,
  type NewWriteBack,
  type PlanItem,
  type PlanItemPatch,
  type ReplayPosition,
  type StepStatus,
  type StreamOwnership,
  type StreamOwnershipRequest,
  type SyncStore,
  type WriteBackClaimRequest,
  type WriteBackEntry,
  type WriteBackFailure,
  type WriteBackOutboxDepth,
} from '../app/ports/syncStore.ts';
import type { Logger } from 'pino';
import type { SendLedger } from '../mail/sendLedger.ts';
import type { StoreDatabase } from './schema.ts';
import { KyselySendLedger } from './kyselySendLedger.ts';
import { AdvisoryLockStreamOwnership } from './advisoryLockStreamOwnership.ts';
import { LeaseStreamOwnership } from './leaseStreamOwnership.ts';
import { writeBackEntryFromRow } from './writeBackRows.ts';
import {
  PLAN_ITEM_DUE_COLUMN,
  enrollmentFromRow,
  enrollmentToRow,
  planItemFromRow,
  planItemToColumns,
  planItemToRow,
} from './rowMapping.ts';

/** Keeps IN lists under SQLite's bound-parameter limit. */
const CHUNK = 500;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export class KyselyStore implements SyncStore {
  readonly sendLedger: SendLedger;
  private readonly ownerships = new Set<StreamOwnership>();

  constructor(
    readonly db: Kysely<StoreDatabase>,
    readonly dialect: 'sqlite' | 'postgres',
    /** PostgreSQL: where the stream's advisory-lock connection goes. */
    private readonly postgres?: { url: string; schema: string; logger?: Logger | undefined },
  ) {
    this.sendLedger = new KyselySendLedger(db);
  }

  async saveEnrollment(state: EnrollmentState): Promise<void> {
    const row = enrollmentToRow(state);
    const { enrollment_id: _id, ...rest } = row;
    await this.db
      .insertInto('enrollment_state')
      .values(row)
      .onConflict((oc) => oc.column('enrollment_id').doUpdateSet(rest))
      .execute();
  }

  async enrollment(enrollmentId: string): Promise<EnrollmentState | null> {
    const row = await this.db
      .selectFrom('enrollment_state')
      .selectAll()
      .where('enrollment_id', '=', enrollmentId)
      .executeTakeFirst();
    return row ? enrollmentFromRow(row) : null;
  }

  async enrollmentsByIds(enrollmentIds: string[]): Promise<EnrollmentState[]> {
    const out: EnrollmentState[] = [];
    for (const batch of chunks([...new Set(enrollmentIds)])) {
      const rows = await this.db
        .selectFrom('enrollment_state')
        .selectAll()
        .where('enrollment_id', 'in', batch)
        .execute();
      out.push(...rows.map(enrollmentFromRow));
    }
    return out;
  }

  async saveEnrollmentPlans(plans: Array<{ state: EnrollmentState; items: PlanItem[] }>): Promise<void> {
    if (plans.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      for (const batch of chunks(
        plans.map((p) => enrollmentToRow(p.state)),
        50,
      )) {
        await trx
          .insertInto('enrollment_state')
          .values(batch)
          .onConflict((oc) =>
            oc.column('enrollment_id').doUpdateSet((eb) => ({
              campaign_id: eb.ref('excluded.campaign_id'),
              owner_id: eb.ref('excluded.owner_id'),
              person_id: eb.ref('excluded.person_id'),
              status: eb.ref('excluded.status'),
              time_zone: eb.ref('excluded.time_zone'),
              shift_days: eb.ref('excluded.shift_days'),
              paused_at: eb.ref('excluded.paused_at'),
              org_modstamp: eb.ref('excluded.org_modstamp'),
              plan_input_json: eb.ref('excluded.plan_input_json'),
              updated_at: eb.ref('excluded.updated_at'),
            })),
          )
          .execute();
      }
      await this.upsertPlanItems(
        trx,
        plans.flatMap((p) => p.items),
      );
    });
  }

  async enrollmentsOfCampaign(campaignId: string): Promise<EnrollmentState[]> {
    const rows = await this.db
      .selectFrom('enrollment_state')
      .selectAll()
      .where('campaign_id', '=', campaignId)
      .orderBy('enrollment_id')
      .execute();
    return rows.map(enrollmentFromRow);
  }

  async forgetEnrollment(enrollmentId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('plan_item').where('enrollment_id', '=', enrollmentId).execute();
      await trx.deleteFrom('enrollment_state').where('enrollment_id', '=', enrollmentId).execute();
    });
  }

  async savePlanItems(items: PlanItem[]): Promise<void> {
    if (items.length === 0) return;
    await this.db.transaction().execute((trx) => this.upsertPlanItems(trx, items));
  }

  private async upsertPlanItems(trx: Kysely<StoreDatabase>, items: PlanItem[]): Promise<void> {
    for (const batch of chunks(items, 50)) {
      await trx
        .insertInto('plan_item')
        .values(batch.map(planItemToRow))
        .onConflict((oc) =>
          oc.column('step_key').doUpdateSet((eb) => ({
            enrollment_id: eb.ref('excluded.enrollment_id'),
            step_id: eb.ref('excluded.step_id'),
            campaign_id: eb.ref('excluded.campaign_id'),
            owner_id: eb.ref('excluded.owner_id'),
            record_id: eb.ref('excluded.record_id'),
            kind: eb.ref('excluded.kind'),
            // Sending is the at-most-once ledger's mark: the email may have left. A plan read
            // from the org (which still says Scheduled) must not undo it; only the dispatcher or
            // resolveInDoubt moves it on.
            status: eb
              .case()
              .when('plan_item.status', '=', 'Sending')
              .then(eb.ref('plan_item.status'))
              .else(eb.ref('excluded.status'))
              .end(),
            due_at: eb.ref('excluded.due_at'),
            due_date: eb.ref('excluded.due_date'),
            expires_at: eb.ref('excluded.expires_at'),
            task_id: eb.ref('excluded.task_id'),
            depends_on: eb.ref('excluded.depends_on'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    }
  }

  async updatePlanItems(patches: PlanItemPatch[]): Promise<void> {
    if (patches.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      for (const { stepKey, ...changes } of patches) {
        const columns = planItemToColumns(changes);
        if (Object.keys(columns).length === 0) continue;
        await trx.updateTable('plan_item').set(columns).where('step_key', '=', stepKey).execute();
      }
    });
  }

  async planItem(stepKey: string): Promise<PlanItem | null> {
    const row = await this.db
      .selectFrom('plan_item')
      .selectAll()
      .where('step_key', '=', stepKey)
      .executeTakeFirst();
    return row ? planItemFromRow(row) : null;
  }

  async planItemsOf(enrollmentId: string): Promise<PlanItem[]> {
    const rows = await this.db
      .selectFrom('plan_item')
      .selectAll()
      .where('enrollment_id', '=', enrollmentId)
      .execute();
    return rows.map(planItemFromRow);
  }

  async planItemsByKeys(stepKeys: string[]): Promise<PlanItem[]> {
    const out: PlanItem[] = [];
    for (const batch of chunks([...new Set(stepKeys)])) {
      const rows = await this.db.selectFrom('plan_item').selectAll().where('step_key', 'in', batch).execute();
      out.push(...rows.map(planItemFromRow));
    }
    return out;
  }

  async countPlanItemsByStatus(): Promise<Record<string, number>> {
    const rows = await this.db
      .selectFrom('plan_item')
      .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy('status')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.count)]));
  }

  async claimDue(request: ClaimRequest): Promise<PlanItem[]> {
    if (request.statuses.length === 0 || request.limit <= 0) return [];
    const dueColumn = PLAN_ITEM_DUE_COLUMN[request.dueField];
    const candidates = this.db
      .selectFrom('plan_item')
      .select('step_key')
      .where('kind', '=', request.kind)
      .where('status', 'in', [...request.statuses])
      .where(dueColumn, 'is not', null)
      .where(dueColumn, '<=', request.dueBy ?? request.now)
      .where((eb) => eb.or([eb('lease_expires_at', 'is', null), eb('lease_expires_at', '<=', request.now)]))
      .orderBy(dueColumn)
      .limit(request.limit);
    const lockedCandidates = this.dialect === 'postgres' ? candidates.forUpdate().skipLocked() : candidates;
    const rows = await this.db
      .updateTable('plan_item')
      .set({ lease_owner: request.owner, lease_expires_at: request.now + request.leaseMs })
      .where('step_key', 'in', lockedCandidates)
      .returningAll()
      .execute();
    return rows
      .map(planItemFromRow)
      .sort(
        (a, b) =>
          (a[request.dueField] ?? 0) - (b[request.dueField] ?? 0) || a.stepKey.localeCompare(b.stepKey),
      );
  }

  async releaseClaims(stepKeys: string[], owner: string): Promise<void> {
    for (const batch of chunks(stepKeys)) {
      await this.db
        .updateTable('plan_item')
        .set({ lease_owner: null, lease_expires_at: null })
        .where('step_key', 'in', batch)
        .where('lease_owner', '=', owner)
        .execute();
    }
  }

  async recordOutcomes(patches: PlanItemPatch[], writeBack: NewWriteBack | null): Promise<string | null> {
    if (patches.length === 0 && !writeBack) return null;
    const id = writeBack ? randomUUID() : null;
    await this.db.transaction().execute(async (trx) => {
      // The same per-item updates as updatePlanItems, inside this transaction.
      for (const { stepKey, ...changes } of patches) {
        const columns = planItemToColumns(changes);
        if (Object.keys(columns).length === 0) continue;
        await trx.updateTable('plan_item').set(columns).where('step_key', '=', stepKey).execute();
      }
      if (!writeBack || !id) return;
      await trx
        .insertInto('write_back_outbox')
        .values({
          id,
          payload_json: JSON.stringify(writeBack.payload),
          created_at: writeBack.at,
          attempts: 1,
          last_attempt_at: writeBack.at,
          last_error: null,
          next_attempt_at: null,
          lease_owner: writeBack.owner,
          lease_expires_at: writeBack.at + writeBack.leaseMs,
        })
        .execute();
      const finished = new Map<string, StepStatus>();
      for (const patch of patches)
        if (patch.status && FINISHED_STEP_STATUSES.includes(patch.status))
          finished.set(patch.stepKey, patch.status);
      for (const batch of chunks([...finished], 300)) {
        await trx
          .insertInto('write_back_step')
          .values(batch.map(([step_key, status]) => ({ entry_id: id, step_key, status })))
          .execute();
      }
    });
    return id;
  }

  async claimWriteBacks(request: WriteBackClaimRequest): Promise<WriteBackEntry[]> {
    if (request.limit <= 0) return [];
    const candidates = this.db
      .selectFrom('write_back_outbox')
      .select('id')
      .where('created_at', '<=', request.createdBefore)
      .where((eb) => eb.or([eb('lease_expires_at', 'is', null), eb('lease_expires_at', '<=', request.now)]))
      .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', request.now)]))
      .orderBy('created_at')
      .limit(request.limit);
    const lockedCandidates = this.dialect === 'postgres' ? candidates.forUpdate().skipLocked() : candidates;
    const rows = await this.db
      .updateTable('write_back_outbox')
      .set((eb) => ({
        lease_owner: request.owner,
        lease_expires_at: request.now + request.leaseMs,
        attempts: eb('attempts', '+', 1),
        last_attempt_at: request.now,
      }))
      .where('id', 'in', lockedCandidates)
      .returningAll()
      .execute();
    return rows
      .map(writeBackEntryFromRow)
      .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }

  async finishWriteBack(id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('write_back_step').where('entry_id', '=', id).execute();
      await trx.deleteFrom('write_back_outbox').where('id', '=', id).execute();
    });
  }

  async failWriteBack(id: string, failure: WriteBackFailure): Promise<void> {
    await this.db
      .updateTable('write_back_outbox')
      .set({
        last_error: failure.error.slice(0, 4000),
        next_attempt_at: failure.retryAt,
        lease_owner: null,
        lease_expires_at: null,
        ...(failure.payload !== undefined ? { payload_json: JSON.stringify(failure.payload) } : {}),
      })
      .where('id', '=', id)
      .where('lease_owner', '=', failure.owner)
      .execute();
  }

  async writeBackOutcomes(stepKeys: string[]): Promise<Map<string, StepStatus>> {
    const out = new Map<string, StepStatus>();
    for (const batch of chunks([...new Set(stepKeys)])) {
      const rows = await this.db
        .selectFrom('write_back_step')
        .innerJoin('write_back_outbox', 'write_back_outbox.id', 'write_back_step.entry_id')
        .select(['write_back_step.step_key', 'write_back_step.status', 'write_back_outbox.created_at'])
        .where('write_back_step.step_key', 'in', batch)
        .orderBy('write_back_outbox.created_at')
        .execute();
      // The latest entry's status wins when two name the same step.
      for (const row of rows) out.set(row.step_key, row.status as StepStatus);
    }
    return out;
  }

  async writeBackOutboxDepth(): Promise<WriteBackOutboxDepth> {
    const row = await this.db
      .selectFrom('write_back_outbox')
      .select((eb) => [
        eb.fn.countAll<number>().as('pending'),
        eb.fn.count<number>('last_error').as('failing'),
        eb.fn.min('created_at').as('oldest'),
      ])
      .executeTakeFirstOrThrow();
    return {
      pending: Number(row.pending),
      failing: Number(row.failing),
      oldestCreatedAt: row.oldest === null ? null : Number(row.oldest),
    };
  }

  async recordTaskId(stepKey: string, taskId: string, at: number): Promise<void> {
    await this.db
      .insertInto('known_task')
      .values({ step_key: stepKey, task_id: taskId, recorded_at: at })
      .onConflict((oc) => oc.columns(['step_key', 'task_id']).doNothing())
      .execute();
  }

  async taskIdsFor(stepKey: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('known_task')
      .select('task_id')
      .where('step_key', '=', stepKey)
      .orderBy('recorded_at')
      .execute();
    return rows.map((r) => r.task_id);
  }

  async stepKeyOfTask(taskId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('known_task')
      .select('step_key')
      .where('task_id', '=', taskId)
      .executeTakeFirst();
    return row?.step_key ?? null;
  }

  async replayPosition(channel: string): Promise<ReplayPosition | null> {
    const row = await this.db
      .selectFrom('stream_position')
      .selectAll()
      .where('channel', '=', channel)
      .executeTakeFirst();
    if (!row) return null;
    return {
      channel: row.channel,
      replayId: Number(row.replay_id),
      eventAt: row.event_at === null ? null : Number(row.event_at),
      savedAt: Number(row.saved_at),
    };
  }

  async saveReplayPosition(position: ReplayPosition): Promise<void> {
    const values = {
      channel: position.channel,
      replay_id: position.replayId,
      event_at: position.eventAt,
      saved_at: position.savedAt,
    };
    await this.db
      .insertInto('stream_position')
      .values(values)
      .onConflict((oc) =>
        oc.column('channel').doUpdateSet({
          replay_id: values.replay_id,
          event_at: values.event_at,
          saved_at: values.saved_at,
        }),
      )
      .execute();
  }

  async clearReplayPosition(channel: string): Promise<void> {
    await this.db.deleteFrom('stream_position').where('channel', '=', channel).execute();
  }

  async cursor(name: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('poll_cursor')
      .select('value')
      .where('name', '=', name)
      .executeTakeFirst();
    return row?.value ?? null;
  }

  async saveCursor(name: string, value: string, at: number): Promise<void> {
    await this.db
      .insertInto('poll_cursor')
      .values({ name, value, saved_at: at })
      .onConflict((oc) => oc.column('name').doUpdateSet({ value, saved_at: at }))
      .execute();
  }

  streamOwnership(request: StreamOwnershipRequest): StreamOwnership {
    const ownership =
      this.dialect === 'postgres' && this.postgres
        ? new AdvisoryLockStreamOwnership({ ...this.postgres, owner: request.owner })
        : new LeaseStreamOwnership(this.db, request);
    this.ownerships.add(ownership);
    return ownership;
  }

  async cachedSetting<T>(key: string): Promise<{ value: T; fetchedAt: number } | null> {
    const row = await this.db
      .selectFrom('settings_cache')
      .selectAll()
      .where('key', '=', key)
      .executeTakeFirst();
    return row ? { value: JSON.parse(row.value_json) as T, fetchedAt: Number(row.fetched_at) } : null;
  }

  async cacheSetting(key: string, value: unknown, at: number): Promise<void> {
    const value_json = JSON.stringify(value);
    await this.db
      .insertInto('settings_cache')
      .values({ key, value_json, fetched_at: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value_json, fetched_at: at }))
      .execute();
  }

  async close(): Promise<void> {
    // A holder's dedicated connection must not outlive the store (it would keep the stream).
    await Promise.all([...this.ownerships].map((o) => o.release().catch(() => undefined)));
    this.ownerships.clear();
    await this.db.destroy();
  }
}
