// Real parts for the dispatcher's tests: the org emulator over HTTP seeded with the sample data,
// a real SMTP server (smtp-server) whose mailbox the test reads back with mailparser, a SQLite
// store in a temp file, and the dispatcher wired exactly as the service wires it. The service's
// clock is a hand-driven one, so "due" is whatever the test says.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser, type ParsedMail } from 'mailparser';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { startOrgEmulator, type OrgEmulator } from 'org-emulator';
import { Dispatcher } from '../../src/app/dispatch/dispatcher.ts';
import { DispatchMetrics } from '../../src/app/dispatch/dispatchMetrics.ts';
import type { PlanItem, SyncStore } from '../../src/app/ports/syncStore.ts';
import type { Clock } from '../../src/app/ports/clock.ts';
import { SmtpTransport } from '../../src/mail/index.ts';
import { dispatchTransport } from '../../src/service/mailTransportAdapter.ts';
import { connectOrg, type OrgSession } from '../../src/salesforce/orgConnection.ts';
import { JsforceCampaignOrg } from '../../src/salesforce/jsforceCampaignOrg.ts';
import { JsforceDeliveryOrg } from '../../src/salesforce/jsforceDeliveryOrg.ts';
import { openStore } from '../../src/store/index.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SAMPLE_PLAN = path.join(ROOT, 'data/sample-plan.json');
export const T0 = Date.parse('2026-12-01T08:00:00Z');

export interface ReceivedMail {
  envelopeTo: string[];
  parsed: ParsedMail;
}

/** A real SMTP server. Recipients listed in `bounce` get 550 5.1.1; `failSender` answers 554 5.7.1 to MAIL FROM. */
export async function startMailbox() {
  const received: ReceivedMail[] = [];
  const behaviour: {
    bounce: Set<string>;
    failSender: boolean;
    tempFailNext: number;
    /** Runs while the server holds a message, before it answers (a prospect acting meanwhile). */
    beforeAccept?: (() => Promise<void>) | undefined;
  } = { bounce: new Set<string>(), failSender: false, tempFailNext: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onMailFrom(_address, _session, callback) {
      if (behaviour.failSender)
        return callback(
          Object.assign(new Error('5.7.1 Sender not allowed by policy'), { responseCode: 554 }),
        );
      if (behaviour.tempFailNext > 0) {
        behaviour.tempFailNext -= 1;
        return callback(Object.assign(new Error('4.3.2 Try again later'), { responseCode: 451 }));
      }
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (behaviour.bounce.has(address.address)) {
        return callback(Object.assign(new Error('5.1.1 Mailbox unavailable'), { responseCode: 550 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        async (parsed) => {
          received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), parsed });
          await behaviour.beforeAccept?.();
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    port,
    received,
    behaviour,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A clock the test moves. `sleepsAdvance`: a sleep moves it on by the time slept (and is
 * recorded), as a dispatcher waiting for an email's moment would see real time pass. */
export function manualClock(
  start = T0,
  options: { sleepsAdvance?: boolean } = {},
): Clock & { set(ms: number): void; advance(ms: number): void; slept: number[] } {
  let now = start;
  const slept: number[] = [];
  return {
    now: () => now,
    slept,
    sleep: async (ms) => {
      if (!options.sleepsAdvance) return;
      slept.push(ms);
      now += Math.max(0, ms);
    },
    set: (ms) => void (now = ms),
    advance: (ms) => void (now += ms),
  };
}

export interface DispatchWorld {
  emulator: OrgEmulator;
  session: OrgSession;
  org: JsforceCampaignOrg;
  delivery: JsforceDeliveryOrg;
  store: SyncStore;
  storeFile: string;
  mailbox: Awaited<ReturnType<typeof startMailbox>>;
  clock: ReturnType<typeof manualClock>;
  metrics: DispatchMetrics;
  dispatcher: Dispatcher;
  /** A new dispatcher over a reopened store (a restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

const logger = pino({ level: process.env.LOG_LEVEL ?? 'silent' });
export const UNSUBSCRIBE_SECRET = 'test-unsubscribe-secret-0123456789';

export async function startDispatchWorld(
  options: { prepareAheadMs?: number; sleepsAdvance?: boolean } = {},
): Promise<DispatchWorld> {
  const emulator = await startOrgEmulator({ seed: SAMPLE_PLAN, clock: { start: T0, factor: 0 } });
  const mailbox = await startMailbox();
  const session = await connectOrg(
    {
      loginUrl: emulator.url,
      apiVersion: emulator.apiVersion,
      clientName: 'sales-campaigns-sync',
      auth: {
        kind: 'password',
        username: emulator.username,
        password: emulator.password,
        clientId: emulator.clientId,
        clientSecret: emulator.clientSecret,
      },
    },
    logger,
  );
  const clock = manualClock(T0, { sleepsAdvance: options.sleepsAdvance ?? false });
  const dir = mkdtempSync(path.join(tmpdir(), 'dispatch-'));
  const storeFile = path.join(dir, 'store.sqlite');
  const world = {
    emulator,
    session,
    mailbox,
    clock,
    storeFile,
    metrics: new DispatchMetrics(),
    org: new JsforceCampaignOrg(session, { clock, logger, bulkThreshold: 100_000 }),
    delivery: new JsforceDeliveryOrg(session, { clock, logger }),
  } as DispatchWorld;
  const transport = dispatchTransport(
    new SmtpTransport({ relay: { host: '127.0.0.1', port: mailbox.port }, maxConnections: 2 }),
    clock,
  );
  const build = async () => {
    world.store = await openStore({ dialect: 'sqlite', url: storeFile });
    world.dispatcher = new Dispatcher({
      org: world.org,
      delivery: world.delivery,
      store: world.store,
      transport,
      clock,
      logger,
      metrics: world.metrics,
      compose: {
        unsubscribe: { baseUrl: 'http://127.0.0.1:1/u/', secret: UNSUBSCRIBE_SECRET },
        sendingDomain: 'mail.sales-campaigns.example',
      },
      owner: 'test-worker',
      leaseMs: 60_000,
      prepareAheadMs: options.prepareAheadMs ?? 0,
      batchSize: 200,
      sendConcurrency: 2,
      temporaryRetry: { attempts: 3, backoffMs: 60_000 },
      pollIntervalMs: 50,
      requestPollMs: 0,
    });
  };
  await build();
  world.restart = async () => {
    await world.store.close();
    await build();
  };
  world.close = async () => {
    await transport.close();
    await world.store.close();
    await mailbox.close();
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  return world;
}

export function findRecord(
  world: DispatchWorld,
  object: string,
  predicate: (r: Record<string, unknown>) => boolean,
) {
  const found = world.emulator.inspect.records(object).find(predicate);
  if (!found) throw new Error(`no ${object} record matches`);
  return found;
}

/**
 * Puts one person in a campaign as the screens and the planner would: the enrollment (owned by
 * the rep), one Enrollment_Step__c per email step, and the store's plan items due at `dueAt`
 * (per step id). Returns the enrollment id and the step records by step id.
 */
export async function enrol(
  world: DispatchWorld,
  options: { campaign: string; person: string; dueAt: Record<string, number> },
): Promise<{ enrollmentId: string; stepRecords: Record<string, string>; stepKeys: Record<string, string> }> {
  const campaign = findRecord(world, 'Sales_Campaign__c', (r) => r.Name === options.campaign);
  const person =
    world.emulator.inspect.records('Contact').find((r) => r.FirstName === options.person) ??
    findRecord(world, 'Lead', (r) => r.FirstName === options.person);
  const isLead = String(person.Id).startsWith('00Q');
  const conn = world.session.connection;
  const created = (await conn.sobject('Campaign_Enrollment__c').create({
    Campaign__c: campaign.Id,
    [isLead ? 'Lead__c' : 'Contact__c']: person.Id,
    Status__c: 'Active',
    OwnerId: world.emulator.repUserId,
    Launched_At__c: new Date(world.clock.now()).toISOString(),
    Unique_Key__c: `${String(campaign.Id)}:${String(person.Id)}`,
  })) as { id: string };
  const steps = world.emulator.inspect
    .records('Campaign_Step__c')
    .filter((s) => s.Campaign__c === campaign.Id);
  const stepRecords: Record<string, string> = {};
  const stepKeys: Record<string, string> = {};
  const items: PlanItem[] = [];
  for (const step of steps) {
    const stepId = String(step.Id);
    const key = `${created.id}:${stepId}`;
    const email = step.Type__c === 'Email' && step.Send_Option__c !== 'Manual_Task';
    const dueAt = options.dueAt[stepId] ?? null;
    const status = email ? 'Scheduled' : 'Pending';
    const result = (await conn.sobject('Enrollment_Step__c').create({
      Enrollment__c: created.id,
      Step__c: stepId,
      Step_Key__c: key,
      Status__c: status,
      ...(dueAt !== null ? { Scheduled_At__c: new Date(dueAt).toISOString() } : {}),
    })) as { id: string };
    stepRecords[stepId] = result.id;
    stepKeys[stepId] = key;
    items.push({
      stepKey: key,
      enrollmentId: created.id,
      stepId,
      campaignId: String(campaign.Id),
      ownerId: world.emulator.repUserId,
      recordId: result.id,
      kind: email ? 'send' : 'task',
      status,
      dueAt: email ? dueAt : null,
      dueDate: null,
      expiresAt: null,
      taskId: null,
      dependsOn: null,
      updatedAt: world.clock.now(),
    });
  }
  await world.store.savePlanItems(items);
  await world.store.saveEnrollment({
    enrollmentId: created.id,
    campaignId: String(campaign.Id),
    ownerId: world.emulator.repUserId,
    personId: String(person.Id),
    status: 'Active',
    timeZone: 'Europe/Paris',
    shiftDays: 0,
    pausedAt: null,
    orgModstamp: null,
    planInputJson: null,
    updatedAt: world.clock.now(),
  });
  return { enrollmentId: created.id, stepRecords, stepKeys };
}

export function stepIdOf(world: DispatchWorld, campaign: string, day: number): string {
  const c = findRecord(world, 'Sales_Campaign__c', (r) => r.Name === campaign);
  return String(findRecord(world, 'Campaign_Step__c', (s) => s.Campaign__c === c.Id && s.Day__c === day).Id);
}
