// Where the demo's org and service come from: the org emulator in this process (seeded from
// data/, its clock shared with the service so one fast clock drives both), or a real org named
// by the service's usual environment variables (real time; the sample data must be loaded).
// Either way the service is the real one (startSyncService) with the dispatcher in its slot,
// sending to the demo's local SMTP server.
import { createServer } from 'node:net';
import path from 'node:path';
import pino from 'pino';
import { startOrgEmulator } from 'org-emulator';
import { systemClock, type Clock } from '../app/ports/clock.ts';
import { loadConfig, type Env, type ServiceConfig } from '../config/index.ts';
import { SECOND, MINUTE } from '../config/units.ts';
import { connectOrg } from '../salesforce/orgConnection.ts';
import { dispatchExtensions } from '../service/dispatcherSlot.ts';
import { startSyncService } from '../service/syncService.ts';
import type { KyselyStore } from '../store/index.ts';
import type { DemoHooks, DemoOrg } from './runDemo.ts';
import { REPO_ROOT } from './runDemo.ts';
import type { Rec } from './timeline.ts';

export const SERVICE_CLIENT = 'sales-campaigns-sync';
const UNSUBSCRIBE_SECRET = 'demo-unsubscribe-secret-not-for-production';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Service intervals for a clock running `speed` times real time: each in real terms sensible. */
function demoIntervals(config: ServiceConfig, speed: number): ServiceConfig['intervals'] {
  const real = (ms: number) => Math.round(ms * speed);
  return {
    ...config.intervals,
    tickMs: Math.max(SECOND, real(50)),
    taskPollMs: Math.max(30 * SECOND, real(500)),
    heartbeatMs: Math.max(MINUTE, real(10 * SECOND)),
    settingsRefreshMs: Math.max(15 * MINUTE, real(60 * SECOND)),
    leaseMs: Math.max(2 * MINUTE, real(30 * SECOND)),
  };
}

/** One HTTP port per demo, kept when the service is started again: the unsubscribe links in
 * the emails sent before a restart must still reach the service after it. */
function demoPort(): () => Promise<number> {
  let port: number | null = null;
  return async () => (port ??= await freePort());
}

async function startDemoService(
  input: Parameters<DemoHooks['startService']>[0],
  env: Env,
  speed: number,
  port: number,
): ReturnType<DemoHooks['startService']> {
  const loaded = loadConfig({
    ...env,
    DATABASE_URL: input.storeFile,
    PORT: String(port),
    HOST: '127.0.0.1',
    SYNC_INSTANCE_ID: 'demo',
  });
  const config: ServiceConfig = { ...loaded, intervals: demoIntervals(loaded, speed) };
  const extensions = dispatchExtensions({
    transport: input.transport,
    unsubscribe: { baseUrl: `http://127.0.0.1:${port}/u/`, secret: UNSUBSCRIBE_SECRET },
    sendingDomain: 'mail.sales-campaigns.example',
    batchSize: 200,
    pollIntervalMs: 20,
    requestPollMs: Math.max(5 * MINUTE, speed * 1000),
    temporaryRetry: { attempts: 3, backoffMs: 10 * MINUTE },
  });
  const service = await startSyncService({ config, clock: input.clock, logger: input.logger, ...extensions });
  // The demo reads the store's table directly (the SyncStore port has no "next due" question).
  const store = service.context.store as unknown as Partial<Pick<KyselyStore, 'db'>>;
  return {
    stop: () => service.stop(),
    // The service's own memory says best when it next has work: sends and task openings by
    // their moment, open tasks by their expiry.
    async nextWorkAt() {
      if (!store.db) return null;
      const rows = await store.db
        .selectFrom('plan_item')
        .select(['kind', 'status', 'due_at', 'expires_at'])
        .where('status', 'in', ['Scheduled', 'Send_Requested', 'Sending', 'Pending', 'Task_Open'])
        .execute();
      let next: number | null = null;
      const now = input.clock.now();
      for (const row of rows) {
        const at = row.status === 'Task_Open' ? row.expires_at : row.due_at;
        // A Pending step whose projected moment has passed is held by an open task: time alone
        // will not move it, so it neither blocks the jump nor is a moment to jump to.
        if (at === null || (row.status === 'Pending' && at <= now)) continue;
        if (next === null || at < next) next = at;
      }
      return next;
    },
  };
}

export type StartedEmulator = Awaited<ReturnType<typeof startOrgEmulator>>;

/** `onOrgStarted`: tests reach the emulator's fault and inspection handles through it. */
export function emulatorHooks(
  options: { onOrgStarted?: (emulator: StartedEmulator) => void } = {},
): DemoHooks {
  let emulator: StartedEmulator | null = null;
  const port = demoPort();
  return {
    async startOrg({ clock }) {
      // Sessions outlive the demo: with the clock jumping days ahead, a 2-hour session would expire
      // at every jump and the demo would show re-logins instead of the campaign.
      emulator = await startOrgEmulator({
        seed: path.join(REPO_ROOT, 'data/sample-plan.json'),
        clock,
        tokenLifetimeMs: 365 * 24 * 3_600_000,
      });
      const e = emulator;
      options.onOrgStarted?.(e);
      return {
        loginUrl: e.url,
        apiVersion: e.apiVersion,
        username: e.username,
        password: e.password,
        clientId: e.clientId,
        clientSecret: e.clientSecret,
        repUserId: e.repUserId,
        look: async (object) => e.inspect.records(object) as Rec[],
        apiCalls: () => {
          const counts = e.inspect.apiCalls();
          return { service: counts.byClient[SERVICE_CLIENT] ?? 0, total: counts.total };
        },
        stop: () => e.stop(),
      } satisfies DemoOrg;
    },
    clock(): Clock {
      const e = emulator!;
      return {
        now: () => e.clock.now(),
        sleep: (ms) =>
          new Promise((resolve) => setTimeout(resolve, Math.max(0, ms / Math.max(e.clock.factor(), 1e-9)))),
      };
    },
    jump(_org, ms) {
      emulator!.clock.advance(ms);
    },
    async startService(input) {
      const e = emulator!;
      return startDemoService(
        input,
        {
          SF_LOGIN_URL: e.url,
          SF_AUTH: 'password',
          SF_USERNAME: e.username,
          SF_PASSWORD: e.password,
          SF_CLIENT_ID: e.clientId,
          SF_CLIENT_SECRET: e.clientSecret,
          SF_CLIENT_NAME: SERVICE_CLIENT,
          LOG_LEVEL: input.logger.level,
        },
        e.clock.factor(),
        await port(),
      );
    },
  };
}

/** A real org: the service's environment variables; the integration user acts as the rep. */
export function realOrgHooks(env: Env): DemoHooks {
  const port = demoPort();
  return {
    async startOrg() {
      const config = loadConfig({ ...env, DATABASE_URL: ':memory:' });
      const auth = config.org.auth;
      if (auth.kind !== 'password') {
        throw new Error(
          'demo --org: the scripted rep logs in with SF_USERNAME + SF_PASSWORD (SF_AUTH=password); JWT and client credentials cannot act as a rep',
        );
      }
      const session = await connectOrg(config.org, pino({ level: 'silent' }));
      const query = async (soql: string) =>
        (await session.connection.query<Rec>(soql, { autoFetch: true })).records;
      const FIELDS: Record<string, string> = {
        // SystemModstamp: the timeline's moment for facts with no time field of their own.
        Campaign_Enrollment__c:
          'Id, Contact__c, Lead__c, Status__c, Ended_Reason__c, Launched_At__c, SystemModstamp',
        Enrollment_Step__c:
          'Id, Enrollment__c, Step__c, Status__c, Scheduled_At__c, Due_Date__c, Expires_At__c, Sent_At__c, Completed_At__c, Subject__c, Error__c, SystemModstamp',
        Task: 'Id, Type, Status, Campaign_Step_Key__c',
        Campaign_Step__c: 'Id, Campaign__c, Day__c, Type__c, Send_Option__c',
      };
      return {
        loginUrl: config.org.loginUrl,
        apiVersion: config.org.apiVersion,
        username: auth.username,
        password: auth.password,
        clientId: auth.clientId,
        clientSecret: auth.clientSecret,
        repUserId: session.userId,
        look: (object) =>
          query(
            `SELECT ${FIELDS[object]} FROM ${object}${object === 'Task' ? ' WHERE Campaign_Step_Key__c != null' : ''} ORDER BY CreatedDate DESC LIMIT 2000`,
          ),
        apiCalls: () => null,
        stop: async () => undefined,
      } satisfies DemoOrg;
    },
    clock: () => systemClock,
    startService: async (input) => startDemoService(input, env, 1, await port()),
  };
}

/** Simulated seconds per real second: ten simulated minutes a second, so an email's send time
 * shows to the minute; the time-lapse jumps over the quiet stretches in between. */
export const DEMO_DEFAULT_SPEED = 600;
/** The sample campaign ends within three weeks; past that something is stuck. */
export const DEMO_HORIZON_DAYS = 30;
