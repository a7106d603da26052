// The write-back outbox replayed against the org emulator: a batch whose outcomes the store
// recorded but whose org writes never landed (the worker stopped, or the org refused them) ends
// in the org as if nothing had happened — steps Sent with their Message-ID, one logged Task per
// email — and the outbox's depth is what /metrics reports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { PlanItemPatch } from '../../src/app/ports/syncStore.ts';
import { replayWriteBacks } from '../../src/app/dispatch/replayWriteBacks.ts';
import { writeBack } from '../../src/app/dispatch/writeBack.ts';
import { WriteBackBatch } from '../../src/app/dispatch/writeBackBatch.ts';
import { enrol, startDispatchWorld, stepIdOf, type DispatchWorld } from './harness.ts';

const OUTBOUND = 'Q3 Outbound — every send option';
const EVENT = 'Trade show follow-up';
const LEASE = 60_000;
const logger = pino({ level: process.env.LOG_LEVEL ?? 'silent' });

describe('replaying the write-back outbox', () => {
  let world: DispatchWorld;
  beforeAll(async () => {
    world = await startDispatchWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  const replay = (owner = 'test-worker') =>
    replayWriteBacks({
      org: world.org,
      store: world.store,
      clock: world.clock,
      logger,
      metrics: world.metrics,
      owner,
      leaseMs: LEASE,
    });

  /** One person's first email, sent: what the dispatcher records and what it owes the org. */
  async function sentEmail(
    campaign: string,
    person: string,
    batch: WriteBackBatch,
    patches: PlanItemPatch[],
  ) {
    const step = stepIdOf(world, campaign, 1);
    const enrolled = await enrol(world, { campaign, person, dueAt: { [step]: world.clock.now() - 1 } });
    const stepKey = enrolled.stepKeys[step]!;
    const stepRecordId = enrolled.stepRecords[step]!;
    const messageId = `<${person.toLowerCase()}.${world.clock.now()}@mail.sales-campaigns.example>`;
    const enrollment = world.emulator.inspect.record(enrolled.enrollmentId)!;
    patches.push({ stepKey, status: 'Sent' });
    batch.updateStep({
      Id: stepRecordId,
      Status__c: 'Sent',
      Sent_At__c: new Date(world.clock.now()).toISOString(),
      Message_Id__c: messageId,
      Error__c: null,
    });
    batch.taskCreates.push({
      stepKey,
      stepRecordId,
      record: {
        OwnerId: world.emulator.repUserId,
        WhoId: enrollment.Contact__c ?? enrollment.Lead__c,
        Subject: `Email: hello ${person}`,
        Type: 'Email',
        TaskSubtype: 'Email',
        Status: 'Completed',
        ActivityDate: new Date(world.clock.now()).toISOString().slice(0, 10),
        Campaign_Step_Key__c: stepKey,
      },
    });
    batch.events.push({
      Kind__c: 'email_sent',
      Enrollment_Id__c: enrolled.enrollmentId,
      Enrollment_Step_Id__c: stepRecordId,
      Owner_Id__c: world.emulator.repUserId,
    });
    return { stepKey, stepRecordId, messageId };
  }

  const tasksOf = (stepKey: string) =>
    world.emulator.inspect.records('Task').filter((t) => t.Campaign_Step_Key__c === stepKey);

  it('lands a write-back left by a stopped worker, creating only the Tasks it had not created', async () => {
    const batch = new WriteBackBatch();
    const patches: PlanItemPatch[] = [];
    const ava = await sentEmail(OUTBOUND, 'Ava', batch, patches);
    const lucas = await sentEmail(EVENT, 'Lucas', batch, patches);
    await world.store.recordOutcomes(patches, {
      payload: batch.toJSON(),
      at: world.clock.now(),
      owner: 'stopped-worker',
      leaseMs: LEASE,
    });
    // The worker got as far as Ava's Task, then stopped.
    const [early] = await world.org.createTasks([batch.taskCreates[0]!.record]);
    expect(early?.ok).toBe(true);

    world.clock.advance(LEASE / 2);
    expect(await replay()).toEqual({ landed: 0, kept: 0, pending: 1 });
    expect(world.metrics.writeBackOutbox()).toEqual({ pending: 1, failing: 0, oldestAgeSeconds: 30 });
    expect(world.emulator.inspect.record(ava.stepRecordId)!.Status__c).toBe('Scheduled');

    // The stopped worker's lease has run out.
    world.clock.advance(LEASE / 2);
    expect(await replay()).toEqual({ landed: 1, kept: 0, pending: 0 });

    for (const email of [ava, lucas]) {
      const step = world.emulator.inspect.record(email.stepRecordId)!;
      expect(step).toMatchObject({ Status__c: 'Sent', Message_Id__c: email.messageId });
      const tasks = tasksOf(email.stepKey);
      expect(tasks).toHaveLength(1);
      expect(step.Task_Id__c).toBe(tasks[0]!.Id);
      expect(await world.store.taskIdsFor(email.stepKey)).toEqual([tasks[0]!.Id]);
    }
    expect(tasksOf(ava.stepKey)[0]!.Id).toBe(early!.ok ? early!.id : null);
    const sentEvents = world.emulator.inspect
      .platformEvents()
      .filter((e) => e.payload.Enrollment_Step_Id__c === lucas.stepRecordId);
    expect(sentEvents).toHaveLength(1);
    expect(await world.store.writeBackOutcomes([ava.stepKey, lucas.stepKey])).toEqual(new Map());
    expect(world.metrics.writeBackOutbox()).toEqual({ pending: 0, failing: 0, oldestAgeSeconds: 0 });
    expect(world.metrics.render()).toContain('sync_write_back_outbox_pending 0\n');
    expect(world.metrics.render()).toContain('sync_write_back_replays_total{result="landed"} 1\n');
  });

  it('keeps a write-back the org refuses, with its error and attempts, until the org takes it', async () => {
    const batch = new WriteBackBatch();
    const patches: PlanItemPatch[] = [];
    const camille = await sentEmail(OUTBOUND, 'Camille', batch, patches);
    const at = world.clock.now();
    const entryId = (await world.store.recordOutcomes(patches, {
      payload: batch.toJSON(),
      at,
      owner: 'test-worker',
      leaseMs: LEASE,
    }))!;

    const refusal = world.emulator.faults.add({ route: 'composite', kind: 'SERVER_ERROR', status: 503 });
    const report = await writeBack(WriteBackBatch.fromJSON(batch.toJSON(), entryId), {
      org: world.org,
      store: world.store,
      clock: world.clock,
      logger,
      now: at,
      outbox: { entryId, owner: 'test-worker', attempts: 1 },
    });
    expect(report.deferred).toBeGreaterThan(0);
    expect(world.emulator.inspect.record(camille.stepRecordId)!.Status__c).toBe('Scheduled');
    expect(tasksOf(camille.stepKey)).toHaveLength(0);
    expect(await world.store.writeBackOutboxDepth()).toEqual({ pending: 1, failing: 1, oldestCreatedAt: at });

    // Past the grace period, but the first retry waits 30 s after the failure.
    world.clock.advance(29_000);
    expect(await replay()).toMatchObject({ landed: 0, kept: 0, pending: 1 });
    world.clock.advance(1_000);
    expect(await replay()).toEqual({ landed: 0, kept: 1, pending: 1 });
    expect(world.metrics.writeBackOutbox()).toMatchObject({ pending: 1, failing: 1 });
    const [waiting] = await world.store.claimWriteBacks({
      now: world.clock.now() + 10 * 60_000,
      createdBefore: world.clock.now(),
      owner: 'inspector',
      leaseMs: 1,
      limit: 1,
    });
    expect(waiting).toMatchObject({ id: entryId, attempts: 3 });
    expect(waiting!.lastError).toMatch(/503|Unavailable|ERROR_HTTP/i);

    world.emulator.faults.remove(refusal.id);
    world.clock.advance(10 * 60_000 + 1);
    expect(await replay()).toEqual({ landed: 1, kept: 0, pending: 0 });
    expect(world.emulator.inspect.record(camille.stepRecordId)).toMatchObject({
      Status__c: 'Sent',
      Message_Id__c: camille.messageId,
    });
    expect(tasksOf(camille.stepKey)).toHaveLength(1);
  });

  it('lets only one of two instances replay an entry', async () => {
    const batch = new WriteBackBatch();
    const patches: PlanItemPatch[] = [];
    const arjun = await sentEmail(EVENT, 'Arjun', batch, patches);
    await world.store.recordOutcomes(patches, {
      payload: batch.toJSON(),
      at: world.clock.now(),
      owner: 'stopped-worker',
      leaseMs: LEASE,
    });
    world.clock.advance(LEASE);
    const reports = await Promise.all([replay('worker-a'), replay('worker-b')]);
    expect(reports.reduce((n, r) => n + r.landed, 0)).toBe(1);
    expect(world.emulator.inspect.record(arjun.stepRecordId)!.Status__c).toBe('Sent');
    expect(tasksOf(arjun.stepKey)).toHaveLength(1);
  });
});
