// `npm run bench:sync`: the whole service against the org emulator, at scale.
//  1. 10,000 people launched into a 5-email campaign: API calls per 1,000 emails planned and the
//     time from launch to every plan written.
//  2. Their 10,000 first emails due at once: API calls per 1,000 sent (re-reads, write-back,
//     logged Tasks, events, the followers' re-plan) and dispatch throughput.
//  3. On the real clock, 1,000 emails due in the same minute: lateness p50/p99.
// The emulator counts API calls per client, so only the service's own calls are reported.
import { setTimeout as sleep } from 'node:timers/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Connection } from 'jsforce';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { startOrgEmulator, type OrgEmulator } from 'org-emulator';
import type { Clock } from '../src/app/ports/clock.ts';
import { loadConfig } from '../src/config/index.ts';
import { SmtpTransport } from '../src/mail/index.ts';
import { dispatchTransport } from '../src/service/mailTransportAdapter.ts';
import { dispatchExtensions } from '../src/service/dispatcherSlot.ts';
import { startSyncService } from '../src/service/syncService.ts';
import { recordBenchmark } from './recordBenchmark.ts';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 10_000);
const LATENESS_EMAILS = Number(process.env.BENCH_LATENESS_EMAILS ?? 1_000);
const EMAILS_PER_PERSON = 5;
const CLIENT = 'sales-campaigns-sync';
const SEED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/sample-plan.json');
const MINUTE = 60_000;
// As bench:mail found best for one relay: 5 pooled connections, 25 messages in flight.
const SMTP_CONNECTIONS = 5;
const SENDS_IN_FLIGHT = 25;

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);

async function discardingSmtp() {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received += 1;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as { port: number }).port,
    received: () => received,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

async function repConnection(emulator: OrgEmulator): Promise<Connection> {
  const connection = new Connection({
    loginUrl: emulator.url,
    version: emulator.apiVersion,
    callOptions: { client: 'bench-rep' },
    oauth2: { loginUrl: emulator.url, clientId: emulator.clientId, clientSecret: emulator.clientSecret },
  });
  await connection.login(emulator.username, emulator.password);
  return connection;
}

async function createAll(
  connection: Connection,
  sobject: string,
  records: Array<Record<string, unknown>>,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < records.length; i += 200) {
    const results = await connection.sobject(sobject).create(records.slice(i, i + 200), { allOrNone: true });
    for (const r of results) {
      if (!r.success) throw new Error(`bench setup: creating ${sobject} failed: ${JSON.stringify(r.errors)}`);
      ids.push(r.id);
    }
  }
  return ids;
}

/** A 5-email campaign: the first at the Send At chosen at launch, then one a day. */
async function fiveEmailCampaign(connection: Connection): Promise<string> {
  const [campaignId] = await createAll(connection, 'Sales_Campaign__c', [
    {
      Name: 'Bench: five emails',
      Status__c: 'Active',
      Skip_Weekends__c: false,
      Skip_Holidays__c: false,
      Time_Zone_Mode__c: 'Sender',
      Default_Send_Time__c: '09:00:00.000Z',
      Task_Expiry_Days__c: 2,
      On_Task_Expiry__c: 'Skip_Step',
    },
  ]);
  const options = [
    'Choose_At_Launch',
    'Same_Time_As_Previous',
    'Thread_Previous',
    'Same_Time_As_Previous',
    'Thread_Previous',
  ];
  await createAll(
    connection,
    'Campaign_Step__c',
    options.map((option, i) => ({
      Campaign__c: campaignId,
      Day__c: i + 1,
      Order__c: 1,
      Type__c: 'Email',
      Send_Option__c: option,
      Subject__c: option === 'Thread_Previous' ? null : `Note ${i + 1} for {{{Recipient.FirstName}}}`,
      Body__c: `<p>Hi {{{Recipient.FirstName}}}, this is email ${i + 1}.</p><p>{{{Sender.Name}}}</p>`,
    })),
  );
  return campaignId!;
}

async function launch(
  connection: Connection,
  emulator: OrgEmulator,
  campaignId: string,
  count: number,
  sendAt: number,
  tag: string,
): Promise<void> {
  const contacts = await createAll(
    connection,
    'Contact',
    Array.from({ length: count }, (_, i) => ({
      FirstName: `P${i}`,
      LastName: `${tag}${i}`,
      Email: `p${i}.${tag}@bench.example.com`,
    })),
  );
  const now = new Date(emulator.clock.now()).toISOString();
  await createAll(
    connection,
    'Campaign_Enrollment__c',
    contacts.map((id) => ({
      Campaign__c: campaignId,
      Contact__c: id,
      Status__c: 'Scheduled',
      OwnerId: emulator.repUserId,
      Launched_At__c: now,
      Send_At__c: new Date(sendAt).toISOString(),
      Unique_Key__c: `${campaignId}:${id}`,
    })),
  );
}

/** Waits until `check` holds, looking every 200 ms. */
async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs)
      throw new Error(`bench: timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(200);
  }
  return Date.now() - started;
}

async function startService(emulator: OrgEmulator, smtpPort: number, dir: string, keepLatencies: boolean) {
  const clock: Clock = { now: () => emulator.clock.now(), sleep: (ms) => sleep(Math.max(0, ms)) };
  const config = loadConfig({
    SF_LOGIN_URL: emulator.url,
    SF_AUTH: 'password',
    SF_USERNAME: emulator.username,
    SF_PASSWORD: emulator.password,
    SF_CLIENT_ID: emulator.clientId,
    SF_CLIENT_SECRET: emulator.clientSecret,
    SF_CLIENT_NAME: CLIENT,
    DATABASE_URL: path.join(dir, `store-${Date.now()}.sqlite`),
    PORT: '0',
    SYNC_INSTANCE_ID: 'bench',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });
  const transport = dispatchTransport(
    new SmtpTransport({ relay: { host: '127.0.0.1', port: smtpPort }, maxConnections: SMTP_CONNECTIONS }),
    clock,
  );
  const extensions = dispatchExtensions({
    transport,
    batchSize: 1000,
    sendConcurrency: SENDS_IN_FLIGHT,
    pollIntervalMs: 100,
    keepLatencies,
  });
  const service = await startSyncService({
    config,
    clock,
    logger: pino({ level: config.logLevel }),
    ...extensions,
  });
  return {
    service,
    slot: extensions.created()!,
    stop: async () => {
      await service.stop();
      await transport.close();
    },
  };
}

/** Steps in a status, counted in place (copying 50,000 records a look would cost this shared
 * process more than the service's own work). */
const stepsIn = (emulator: OrgEmulator, status: string) =>
  emulator.inspect.count('Enrollment_Step__c', (s) => s.Status__c === status);

/** The service's calls by route, most first: where a budget goes. */
function callsByRoute(emulator: OrgEmulator): string {
  const routes = emulator.inspect.apiCalls().byClientAndRoute[CLIENT] ?? {};
  return Object.entries(routes)
    .sort((a, b) => b[1] - a[1])
    .map(([route, n]) => `${n} ${route}`)
    .join(', ');
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function atScale(dir: string) {
  const emulator = await startOrgEmulator({ seed: SEED, tokenLifetimeMs: 30 * 24 * 60 * MINUTE });
  const smtp = await discardingSmtp();
  const rep = await repConnection(emulator);
  const campaignId = await fiveEmailCampaign(rep);
  const running = await startService(emulator, smtp.port, dir, false);
  try {
    await sleep(1000);
    emulator.inspect.resetApiCalls();
    const sendAt = emulator.clock.now() + 24 * 60 * MINUTE;
    const launchedAt = Date.now();
    await launch(rep, emulator, campaignId, PEOPLE, sendAt, 'scale');
    const planned = PEOPLE * EMAILS_PER_PERSON;
    await waitFor('every plan written', () => stepsIn(emulator, 'Scheduled') >= planned, 20 * MINUTE);
    const planMs = Date.now() - launchedAt;
    const planCalls = emulator.inspect.apiCalls().byClient[CLIENT] ?? 0;
    console.log(`  planning calls by route: ${callsByRoute(emulator)}`);
    await sleep(2000);

    emulator.inspect.resetApiCalls();
    emulator.clock.advance(24 * 60 * MINUTE + MINUTE);
    const sendStarted = Date.now();
    await waitFor(
      'every first email sent and written back',
      () => stepsIn(emulator, 'Sent') >= PEOPLE,
      20 * MINUTE,
    );
    const sendMs = Date.now() - sendStarted;
    // The followers' re-plan after the sends is part of sending's cost.
    await sleep(3000);
    const sendCalls = emulator.inspect.apiCalls().byClient[CLIENT] ?? 0;
    console.log(`  sending calls by route: ${callsByRoute(emulator)}`);
    return { planned, planMs, planCalls, sent: PEOPLE, sendMs, sendCalls, smtpReceived: smtp.received() };
  } finally {
    await running.stop();
    await smtp.close();
    await emulator.stop();
  }
}

async function lateness(dir: string) {
  const emulator = await startOrgEmulator({ seed: SEED });
  const smtp = await discardingSmtp();
  const rep = await repConnection(emulator);
  const campaignId = await fiveEmailCampaign(rep);
  const running = await startService(emulator, smtp.port, dir, true);
  try {
    // All due in the same minute, far enough ahead for the plans to be written first.
    const dueAt = Math.ceil((emulator.clock.now() + 2 * MINUTE) / MINUTE) * MINUTE;
    await launch(rep, emulator, campaignId, LATENESS_EMAILS, dueAt, 'late');
    await waitFor(
      'the plans',
      () => stepsIn(emulator, 'Scheduled') >= LATENESS_EMAILS * EMAILS_PER_PERSON,
      5 * MINUTE,
    );
    if (emulator.clock.now() >= dueAt)
      throw new Error('bench: planning took longer than the lead time; raise it');
    await waitFor(
      'the emails due this minute',
      () => (running.slot.metrics.latencies?.length ?? 0) >= LATENESS_EMAILS,
      5 * MINUTE,
    );
    const sorted = [...running.slot.metrics.latencies!].sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1)! };
  } finally {
    await running.stop();
    await smtp.close();
    await emulator.stop();
  }
}

const dir = mkdtempSync(path.join(tmpdir(), 'bench-sync-'));
try {
  console.log(
    `bench:sync — ${PEOPLE.toLocaleString('en')} people × ${EMAILS_PER_PERSON} emails on the org emulator…`,
  );
  const scale = await atScale(dir);
  const perPlanned = (scale.planCalls * 1000) / scale.planned;
  const perSent = (scale.sendCalls * 1000) / scale.sent;
  const throughput = (scale.sent * 1000) / scale.sendMs;
  console.log(
    `planning: ${scale.planCalls} calls for ${scale.planned} emails planned in ${(scale.planMs / 1000).toFixed(1)} s`,
  );
  console.log(
    `sending: ${scale.sendCalls} calls for ${scale.sent} emails sent in ${(scale.sendMs / 1000).toFixed(1)} s`,
  );
  console.log(`lateness: ${LATENESS_EMAILS} emails due in the same minute on the real clock…`);
  const late = await lateness(dir);
  const f = (n: number, digits = 1) =>
    n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const figures: Array<[string, string]> = [
    ['people × emails', `${PEOPLE.toLocaleString('en')} × ${EMAILS_PER_PERSON}`],
    ['API calls per 1,000 emails planned', `${f(perPlanned)} (${scale.planCalls} calls)`],
    ['launch → every plan written', `${f(scale.planMs / 1000)} s`],
    [
      'API calls per 1,000 emails sent',
      `${f(perSent)} (${scale.sendCalls} calls, re-plan of followers included)`,
    ],
    ['dispatch throughput (send + write-back)', `${f(throughput)} emails/s`],
    [
      'lateness p50 / p99 / max (1,000 due in one minute, real clock)',
      `${f(late.p50 / 1000, 2)} s / ${f(late.p99 / 1000, 2)} s / ${f(late.max / 1000, 2)} s`,
    ],
    ['peak RSS (bench process: emulator + service + SMTP server)', `${f(peakRss / 2 ** 20, 0)} MiB`],
  ];
  for (const [label, value] of figures) console.log(`${label}: ${value}`);
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  recordBenchmark({
    id: 'sync',
    title: 'Sync service: planning, dispatch and lateness at scale',
    figures,
    notes: [
      `Goals: ≤ 10 API calls per 1,000 planned — ${verdict(perPlanned <= 10)}; ≤ 15 per 1,000 sent — ${verdict(perSent <= 15)}; lateness p99 ≤ 2 s — ${verdict(late.p99 <= 2000)}.`,
      "Calls are the service client's only (the emulator counts per client); the scripted launches are not included.",
      `Dispatch as configured here: batches of 1,000, ${SMTP_CONNECTIONS} SMTP connections, ${SENDS_IN_FLIGHT} messages in flight, emails prepared up to 3 s before their moment.`,
    ],
  });
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
