// The one-command demo: a local org (the emulator, seeded from data/) or a real one, the sync
// service on SQLite under .demo/, a local SMTP server saving .eml files, all on one accelerated
// clock; a scripted rep adds the sample people and works the tasks while a live timeline shows
// what happens, then a summary and a verdict (the exit status).
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Connection } from 'jsforce';
import type { Logger } from 'pino';
import type { Clock } from '../app/ports/clock.ts';
import type { MailTransport } from '../app/dispatch/mailDelivery.ts';
import {
  BOUNCING_ADDRESSES,
  DEMO_SCRIPT,
  DEMO_START,
  EXPECTED_ENDINGS,
  REP_TIME_ZONE,
  UNSUBSCRIBERS,
} from './demoScript.ts';
import { summarize } from './demoSummary.ts';
import { startMailSink } from './mailSink.ts';
import { SmtpTransport } from '../mail/index.ts';
import { dispatchTransport } from '../service/mailTransportAdapter.ts';
import { UnsubscribingProspects } from './prospects.ts';
import { ScriptedRep } from './scriptedRep.ts';
import { hasOverdueWork, jumpFor, nextMomentAfter } from './timeLapse.ts';
import { completeUpTo, OrderedTimeline } from './orderedTimeline.ts';
import { timelineEvents, type Names, type OrgLook, type Rec } from './timeline.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const DAY = 86_400_000;
const REP_LOOK_MS = 100;
const REP_SETTLE_MS = 1000;
/** Real time a timeline line may wait for an earlier fact still on its way (orderedTimeline.ts). */
const TIMELINE_MAX_HOLD_MS = 5000;
const ENDED = new Set(['Completed', 'Replied', 'Bounced', 'Unsubscribed', 'Removed', 'Failed']);

/** Where the demo's org is and how to log in to it (the emulator's, or the env config's). */
export interface DemoOrg {
  loginUrl: string;
  apiVersion: string;
  username: string;
  password: string;
  clientId?: string | undefined;
  clientSecret?: string | undefined;
  /** The rep who owns the enrollments. */
  repUserId: string;
  /** Records as the timeline and summary need them. */
  look(object: 'Campaign_Enrollment__c' | 'Enrollment_Step__c' | 'Task' | 'Campaign_Step__c'): Promise<Rec[]>;
  apiCalls(): { service: number; total: number } | null;
  stop(): Promise<void>;
}

export interface DemoService {
  stop(): Promise<void>;
  /** The earliest moment the service has work planned (past = work is waiting), if known. */
  nextWorkAt?(): Promise<number | null>;
}

export interface DemoHooks {
  startOrg(input: { clock: { start: number; factor: number }; dir: string }): Promise<DemoOrg>;
  startService(input: {
    org: DemoOrg;
    clock: Clock;
    transport: MailTransport;
    storeFile: string;
    logger: Logger;
  }): Promise<DemoService>;
  clock(org: DemoOrg, speed: number): Clock;
  /** Moves the org's (and so the service's) clock forward; absent for a real org. */
  jump?(org: DemoOrg, ms: number): void;
}

export interface DemoOptions {
  /** Simulated seconds per real second (1 = real time). */
  speed: number;
  forever: boolean;
  dir: string;
  write: (line: string) => void;
  logger: Logger;
  /** Stop after this many simulated days even if some campaign is still running. */
  maxSimulatedDays: number;
  /** Real milliseconds between looks at the org (the timeline's refresh). */
  refreshMs: number;
  /** Jump over quiet stretches (see timeLapse.ts). */
  timeLapse: boolean;
  /** Ctrl-C: stop looking and print the summary. */
  signal?: AbortSignal;
}

export interface DemoResult {
  exitCode: number;
  problems: string[];
  summary: string[];
}

export async function runDemo(options: DemoOptions, hooks: DemoHooks): Promise<DemoResult> {
  const started = Date.now();
  const mailDir = path.join(options.dir, 'mail');
  rmSync(mailDir, { recursive: true, force: true });
  mkdirSync(mailDir, { recursive: true });
  const storeFile = path.join(options.dir, 'sync-service.sqlite');
  for (const suffix of ['', '-wal', '-shm']) rmSync(storeFile + suffix, { force: true });

  const org = await hooks.startOrg({ clock: { start: DEMO_START, factor: options.speed }, dir: options.dir });
  const clock = hooks.clock(org, options.speed);
  const prospects = new UnsubscribingProspects(UNSUBSCRIBERS, clock);
  const sink = await startMailSink({
    dir: mailDir,
    bounce: BOUNCING_ADDRESSES,
    onMessage: (m) => prospects.onMessage(m),
  });
  const transport = dispatchTransport(
    new SmtpTransport({ relay: { host: '127.0.0.1', port: sink.port }, maxConnections: 2 }),
    clock,
  );
  let service: DemoService | null = null;
  const timeline = new OrderedTimeline({
    write: options.write,
    timeZone: REP_TIME_ZONE,
    maxHoldMs: TIMELINE_MAX_HOLD_MS,
  });
  try {
    service = await hooks.startService({ org, clock, transport, storeFile, logger: options.logger });
    const rep = new ScriptedRep(
      {
        connection: await repConnection(org),
        ownerId: org.repUserId,
        timeZone: REP_TIME_ZONE,
        now: clock.now,
      },
      DEMO_SCRIPT,
    );
    const launchedAt = clock.now();
    options.write(
      `Demo: ${DEMO_SCRIPT.length} people, 2 sample campaigns, clock ×${options.speed} from ${new Date(launchedAt).toISOString()} (times below in ${REP_TIME_ZONE}).`,
    );
    options.write(
      `Messages are saved in ${path.relative(process.cwd(), mailDir) || mailDir}; the service logs to ${path.join(options.dir, 'service.log')}.\n`,
    );
    const people = await rep.addPeople();
    const names = await namesOf(org, people);

    let before: OrgLook | null = null;
    let quietLooks = 0;
    let repLookedAt = 0;
    let repActedAt = 0;
    for (;;) {
      // The rep looks at the queue a few times a second (a real person, not a busy loop).
      if (Date.now() - repLookedAt >= REP_LOOK_MS) {
        repLookedAt = Date.now();
        if ((await rep.workTasks()) > 0) repActedAt = Date.now();
      }
      // Every change the org records after this moment is stamped at or after it.
      const lookedAt = clock.now();
      const after: OrgLook = {
        enrollments: await org.look('Campaign_Enrollment__c'),
        steps: await org.look('Enrollment_Step__c'),
      };
      const events = timelineEvents(before, after, names, lookedAt);
      timeline.add(events);
      timeline.release(completeUpTo(after, lookedAt, rep.closedButNotYetOnStep(after.steps)));
      before = after;
      quietLooks = events.length === 0 ? quietLooks + 1 : 0;
      // Jump only once the org has settled: the service has answered everything already done.
      // …and never right after the rep acted: the service is still taking it in.
      // …nor while a prospect's unsubscribe click is on its way (it would land hours late).
      const settled = quietLooks >= 3 && Date.now() - repActedAt >= REP_SETTLE_MS && !prospects.busy();
      if (options.timeLapse && hooks.jump && settled && !hasOverdueWork(after, clock.now())) {
        // The rep must have seen the latest tasks (and not acted on one just now), and the org
        // must not have moved meanwhile, or the jump would skip a moment nobody had seen yet.
        const acted = await rep.workTasks();
        if (acted > 0) repActedAt = Date.now();
        repLookedAt = Date.now();
        const again: OrgLook = {
          enrollments: await org.look('Campaign_Enrollment__c'),
          steps: await org.look('Enrollment_Step__c'),
        };
        const serviceNext = (await service.nextWorkAt?.()) ?? null;
        const orgNext = nextMomentAfter(again, clock.now(), rep.nextActionAt());
        const next =
          serviceNext === null ? orgNext : orgNext === null ? serviceNext : Math.min(serviceNext, orgNext);
        const jump =
          acted === 0 && signatureOf(again) === signatureOf(after) ? jumpFor(next, clock.now()) : 0;
        if (jump > 0) {
          options.logger.info(
            {
              demo: 'time-lapse',
              from: new Date(clock.now()).toISOString(),
              jumpMinutes: Math.round(jump / 60_000),
              repNext: rep.nextActionAt(),
            },
            'jumping over a quiet stretch',
          );
          hooks.jump(org, jump);
        }
      }
      const allEnded =
        after.enrollments.length >= DEMO_SCRIPT.length &&
        after.enrollments.every((e) => ENDED.has(String(e.Status__c)));
      const outOfTime = clock.now() - launchedAt > options.maxSimulatedDays * DAY;
      if (options.signal?.aborted || (!options.forever && (allEnded || outOfTime))) break;
      await new Promise((resolve) => setTimeout(resolve, options.refreshMs));
    }
    await prospects.settled();
    timeline.flush();

    const firstNames = new Map<string, string>();
    for (const [id, name] of people) firstNames.set(id, name.split(' ')[0]!);
    const { lines, problems } = summarize({
      enrollments: await org.look('Campaign_Enrollment__c'),
      steps: await org.look('Enrollment_Step__c'),
      tasks: await org.look('Task'),
      campaignSteps: await org.look('Campaign_Step__c'),
      firstNames,
      expected: EXPECTED_ENDINGS,
      apiCalls: org.apiCalls(),
      mailDir: path.relative(process.cwd(), mailDir) || mailDir,
      messages: sink.saved.length,
      simulatedDays: (clock.now() - launchedAt) / DAY,
      realSeconds: (Date.now() - started) / 1000,
    });
    for (const click of prospects.clicks)
      if (click.status !== 200)
        problems.push(`one-click unsubscribe for ${click.address} answered ${click.status}`);
    for (const line of lines) options.write(line);
    options.write('');
    if (problems.length > 0) {
      options.write('The demo did NOT play out as expected:');
      for (const p of problems) options.write(`  - ${p}`);
    } else options.write('The campaign played out as expected.');
    return { exitCode: problems.length > 0 ? 1 : 0, problems, summary: lines };
  } finally {
    timeline.flush();
    await service?.stop();
    await transport.close();
    await sink.close();
    await org.stop();
  }
}

/** What the time-lapse compares to know the org has not moved between two looks. */
function signatureOf(look: OrgLook): string {
  const parts = look.enrollments.map((e) => `${String(e.Id)}:${String(e.Status__c)}`);
  for (const s of look.steps)
    parts.push(
      `${String(s.Id)}:${String(s.Status__c)}:${String(s.Scheduled_At__c)}:${String(s.Expires_At__c)}`,
    );
  return parts.sort().join('|');
}

/** The rep writes as a different API client than the service, so the service does not take the
 * rep's changes for its own echoes in the change stream. */
async function repConnection(org: DemoOrg): Promise<Connection> {
  const connection = new Connection({
    loginUrl: org.loginUrl,
    version: org.apiVersion,
    callOptions: { client: 'demo-rep' },
    ...(org.clientId
      ? { oauth2: { loginUrl: org.loginUrl, clientId: org.clientId, clientSecret: org.clientSecret ?? '' } }
      : {}),
  });
  await connection.login(org.username, org.password);
  return connection;
}

async function namesOf(org: DemoOrg, people: Map<string, string>): Promise<Names> {
  const steps: Names['steps'] = new Map();
  for (const s of await org.look('Campaign_Step__c')) {
    steps.set(String(s.Id), {
      day: Number(s.Day__c),
      type: String(s.Type__c),
      sendOption: (s.Send_Option__c as string | null) ?? null,
      campaign: String(s.Campaign__c),
    });
  }
  return { people, steps };
}
