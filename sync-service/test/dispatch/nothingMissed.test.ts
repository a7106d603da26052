// Issue 8, "nothing missed": emails go out, then the org refuses their write-back, or the
// service stops before it lands. The dispatcher, running as the service runs it (org emulator over
// HTTP, a real SMTP server, a SQLite store file, restarts on the same file), ends with every step
// Sent in the org with the Message-ID the recipient got, one logged Task per email — and, while
// the org still showed the steps as to be sent, nothing was sent twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { Dispatcher } from '../../src/app/dispatch/dispatcher.ts';
import type { CampaignOrg } from '../../src/app/ports/campaignOrg.ts';
import { SmtpTransport } from '../../src/mail/index.ts';
import { dispatchTransport } from '../../src/service/mailTransportAdapter.ts';
import {
  enrol,
  startDispatchWorld,
  stepIdOf,
  UNSUBSCRIBE_SECRET,
  type DispatchWorld,
  type ReceivedMail,
} from './harness.ts';

const OUTBOUND = 'Q3 Outbound — every send option';
const EVENT = 'Trade show follow-up';
const LEASE = 60_000;
const logger = pino({ level: process.env.LOG_LEVEL ?? 'silent' });

describe('nothing missed between a send and its write-back', () => {
  let world: DispatchWorld;
  beforeAll(async () => {
    world = await startDispatchWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  async function enrolDue(campaign: string, person: string) {
    const step = stepIdOf(world, campaign, 1);
    const enrolled = await enrol(world, { campaign, person, dueAt: { [step]: world.clock.now() - 1 } });
    return { person, stepKey: enrolled.stepKeys[step]!, stepRecordId: enrolled.stepRecords[step]! };
  }
  type Enrolled = Awaited<ReturnType<typeof enrolDue>>;

  const mailsTo = (person: string): ReceivedMail[] =>
    world.mailbox.received.filter((m) => m.envelopeTo.some((a) => a.startsWith(`${person.toLowerCase()}.`)));
  const orgStep = (e: Enrolled) => world.emulator.inspect.record(e.stepRecordId)!;
  const tasksOf = (e: Enrolled) =>
    world.emulator.inspect.records('Task').filter((t) => t.Campaign_Step_Key__c === e.stepKey);

  /** What a re-plan from the org does while the write-back is pending (the sweep on start, a
   * change event): it mirrors the org's stale `Scheduled` step into the store. */
  const replanFromStaleOrg = (people: Enrolled[]) =>
    world.store.updatePlanItems(people.map((e) => ({ stepKey: e.stepKey, status: 'Scheduled' as const })));

  /** The org shows each email Sent with the Message-ID its recipient got, and one logged Task. */
  function expectLoggedOnce(e: Enrolled) {
    const mails = mailsTo(e.person);
    expect(mails, `${e.person}'s emails at the SMTP server`).toHaveLength(1);
    const step = orgStep(e);
    expect(step.Status__c).toBe('Sent');
    expect(step.Message_Id__c).toBe(mails[0]!.parsed.messageId);
    expect(step.Sent_At__c).toBeTruthy();
    const tasks = tasksOf(e);
    expect(tasks, `${e.person}'s logged Tasks`).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ Type: 'Email', Status: 'Completed' });
    expect(step.Task_Id__c).toBe(tasks[0]!.Id);
  }

  it('writes back what the org refused once it answers again, across a restart', async () => {
    const ava = await enrolDue(OUTBOUND, 'Ava');
    const lucas = await enrolDue(EVENT, 'Lucas');

    // Every record the service writes is refused (locked), however often it retries; reads work.
    const refusal = world.emulator.faults.add({
      route: 'composite',
      kind: 'UNABLE_TO_LOCK_ROW',
      perRecord: true,
    });
    await world.dispatcher.tick();
    expect(mailsTo('Ava')).toHaveLength(1);
    expect(mailsTo('Lucas')).toHaveLength(1);
    expect(orgStep(ava).Status__c).toBe('Scheduled');
    expect(tasksOf(ava)).toHaveLength(0);
    expect(await world.store.writeBackOutboxDepth()).toMatchObject({ pending: 1, failing: 1 });

    // While the org still says Scheduled, a re-plan from it makes both due again in the store,
    // and the rep presses "send now" on Lucas's: neither goes a second time.
    await replanFromStaleOrg([ava, lucas]);
    await world.session.connection
      .sobject('Enrollment_Step__c')
      .update({ Id: lucas.stepRecordId, Status__c: 'Send_Requested' });
    await world.dispatcher.tick();
    await world.dispatcher.tick();
    expect(world.mailbox.received).toHaveLength(2);
    expect((await world.store.planItem(ava.stepKey))?.status).toBe('Sent');

    // The service restarts on the same store; the org answers again.
    await world.restart();
    world.emulator.faults.remove(refusal.id);
    world.clock.advance(31_000);
    await world.dispatcher.tick();

    expectLoggedOnce(ava);
    expectLoggedOnce(lucas);
    expect(world.mailbox.received).toHaveLength(2);
    expect(await world.store.writeBackOutboxDepth()).toEqual({
      pending: 0,
      failing: 0,
      oldestCreatedAt: null,
    });
    expect(world.dispatcher.metricsText()).toContain('sync_write_back_outbox_pending 0\n');
  });

  it('finishes the write-back of a service stopped halfway through it, without a second Task', async () => {
    const camille = await enrolDue(OUTBOUND, 'Camille');
    const arjun = await enrolDue(EVENT, 'Arjun');
    const sentBefore = world.mailbox.received.length;

    // A service whose process stops right after creating the logged Tasks: the step updates
    // never come back. Its pass is abandoned, as a killed process's would be.
    const stopsBeforeStepUpdates = new Proxy(world.org, {
      get(target, property) {
        if (property === 'updateEnrollmentSteps') return () => new Promise<never>(() => undefined);
        const value = Reflect.get(target, property, target) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    }) as CampaignOrg;
    const transport = dispatchTransport(
      new SmtpTransport({ relay: { host: '127.0.0.1', port: world.mailbox.port }, maxConnections: 1 }),
      world.clock,
    );
    const doomed = new Dispatcher({
      org: stopsBeforeStepUpdates,
      delivery: world.delivery,
      store: world.store,
      transport,
      clock: world.clock,
      logger,
      metrics: world.metrics,
      compose: {
        unsubscribe: { baseUrl: 'http://127.0.0.1:1/u/', secret: UNSUBSCRIBE_SECRET },
        sendingDomain: 'mail.sales-campaigns.example',
      },
      owner: 'test-worker',
      leaseMs: LEASE,
      batchSize: 200,
      sendConcurrency: 2,
      temporaryRetry: { attempts: 3, backoffMs: 60_000 },
      pollIntervalMs: 50,
      requestPollMs: 0,
    });
    void doomed.tick();
    await waitFor(() => tasksOf(camille).length === 1 && tasksOf(arjun).length === 1);
    expect(world.mailbox.received.length - sentBefore).toBe(2);
    expect(orgStep(camille).Status__c).toBe('Scheduled');

    // Restart on the same store. The stopped process's lease on its entry has not run out yet,
    // and the sweep on start re-plans from the org, which still says Scheduled.
    await world.restart();
    await replanFromStaleOrg([camille, arjun]);
    await world.dispatcher.tick();
    expect(world.mailbox.received.length - sentBefore).toBe(2);
    expect(orgStep(camille).Status__c).toBe('Scheduled');

    world.clock.advance(LEASE);
    await world.dispatcher.tick();
    expectLoggedOnce(camille);
    expectLoggedOnce(arjun);
    expect(world.mailbox.received.length - sentBefore).toBe(2);
    expect(await world.store.writeBackOutboxDepth()).toMatchObject({ pending: 0 });
    await transport.close();
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting for the stopped service to get that far');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
