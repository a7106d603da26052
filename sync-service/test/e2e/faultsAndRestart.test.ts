// End to end through trouble: the same sample campaign while the org throws record locks, 5xx
// answers and request-limit pushback, expires every session, drops the streaming clients — and
// the service is stopped and started again on the same store halfway. Nothing is missed,
// nothing is sent twice, and every campaign still ends as designed.
//
// Every wait here is on something observable, never on the wall clock: the faults begin once
// the rep's people are in the org and come with the service's own API calls, the restart comes
// once the SMTP server has saved half the messages, and the run ends when every campaign has
// ended (the demo's own stop condition). The deadlines are only safety nets, generous for a
// loaded machine, and say what they saw.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emulatorHooks, SERVICE_CLIENT, type StartedEmulator } from '../../src/demo/demoHooks.ts';
import type { DemoHooks, DemoService } from '../../src/demo/runDemo.ts';
import { stampsGoingBackwards } from '../support/timelineOrder.ts';
import { waitUntil, WaitAborted } from '../support/waitUntil.ts';
import { playDemo, recipientOf } from './playDemo.ts';

const to = recipientOf;
const PEOPLE = 8;
const MESSAGES = 17;
/** Unloaded the run takes about 40 s; this only turns a stuck run into a clear failure. */
const RUN_DEADLINE_MS = 240_000;
/** The service makes some 500–800 API calls in this run: about fifty bursts of faults. */
const FAULTS_EVERY_CALLS = 15;
const ENDED = new Set(['Completed', 'Replied', 'Bounced', 'Unsubscribed', 'Removed', 'Failed']);
const FINAL_STEPS = new Set(['Sent', 'Completed', 'Cancelled', 'Expired', 'Skipped', 'Failed']);

/**
 * Injects a burst of faults each time the service has made `everyCalls` more API calls: trouble
 * in proportion to the work done, whatever the machine's speed. (On a timer, a loaded machine
 * meets more faults per email, each costing retries and backoff, and slows down further.)
 */
function troubleMaker(emulator: StartedEmulator, everyCalls: number) {
  const serviceCalls = () => emulator.inspect.apiCalls().byClient[SERVICE_CLIENT] ?? 0;
  let round = 0;
  let next = serviceCalls() + everyCalls;
  const timer = setInterval(() => {
    if (serviceCalls() < next) return;
    next = serviceCalls() + everyCalls;
    round += 1;
    const { faults } = emulator;
    faults.add({ route: 'composite', kind: 'UNABLE_TO_LOCK_ROW', times: 2 });
    faults.add({ route: 'query', kind: 'SERVER_ERROR', status: 503, times: 1 });
    if (round % 2 === 0) faults.add({ route: 'composite', kind: 'REQUEST_LIMIT_EXCEEDED', times: 1 });
    if (round % 3 === 0) faults.expireTokens();
    if (round % 4 === 0) faults.dropStreamingClients();
  }, 20);
  return { stop: () => clearInterval(timer), rounds: () => round };
}

/** Each person's campaign and the steps not yet final, at the org's (simulated) moment. */
function campaignsIn(emulator: StartedEmulator) {
  const names = new Map<string, string>();
  for (const object of ['Contact', 'Lead'])
    for (const r of emulator.inspect.records(object)) names.set(String(r.Id), String(r.FirstName));
  const steps = emulator.inspect.records('Enrollment_Step__c');
  const campaigns = emulator.inspect.records('Campaign_Enrollment__c').map((e) => ({
    person: names.get(String(e.Contact__c ?? e.Lead__c)) ?? String(e.Id),
    status: String(e.Status__c),
    waiting: steps
      .filter((s) => s.Enrollment__c === e.Id && !FINAL_STEPS.has(String(s.Status__c)))
      .map((s) => `${String(s.Status__c)}@${String(s.Scheduled_At__c ?? s.Due_Date__c ?? '?')}`),
  }));
  return { at: new Date(emulator.clock.now()).toISOString(), campaigns };
}

const describeCampaigns = ({ at, campaigns }: ReturnType<typeof campaignsIn>) =>
  `at ${at} (org clock), ${campaigns.length} enrollments: ${campaigns
    .map((c) => `${c.person} ${c.status}${c.waiting.length ? ` [${c.waiting.join(', ')}]` : ''}`)
    .join('; ')}`;

const messagesIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.eml')).length;

describe('the demo through faults and a restart', () => {
  it(
    'sends every email exactly once and ends every campaign as designed',
    async () => {
      const stopWaiting = new AbortController();
      const { signal } = stopWaiting;
      /** A waiter that failed for real (not stopped at the end): the test fails with its message. */
      const waitFailures: Error[] = [];
      const failed = (error: unknown) => {
        if (!(error instanceof WaitAborted)) waitFailures.push(error as Error);
      };
      let emulator!: StartedEmulator;
      let trouble: ReturnType<typeof troubleMaker> | null = null;
      let stuck: Error | null = null;

      const base = emulatorHooks({
        onOrgStarted: (started) => {
          emulator = started;
          // The faults are the service's trouble. They begin once the rep's one "Add people" call
          // has landed: that screen action is not retried, and on a slow machine a fault injected
          // on a timer could hit it before the service ever saw a person.
          waitUntil(
            `the scripted rep adding the ${PEOPLE} sample people`,
            () => emulator.inspect.records('Campaign_Enrollment__c').length,
            (n) => n >= PEOPLE,
            { timeoutMs: RUN_DEADLINE_MS, signal },
          ).then(() => void (trouble = troubleMaker(emulator, FAULTS_EVERY_CALLS)), failed);
          // The safety net: every campaign ends (what the demo itself waits for), or the demo's
          // next look at the org throws this, so the run stops and says where it was stuck.
          waitUntil(
            'every sample campaign to end',
            () => campaignsIn(emulator),
            ({ campaigns }) => campaigns.length >= PEOPLE && campaigns.every((c) => ENDED.has(c.status)),
            { timeoutMs: RUN_DEADLINE_MS, intervalMs: 250, signal, describe: describeCampaigns },
          ).catch((error: unknown) => {
            if (!(error instanceof WaitAborted)) stuck = error as Error;
          });
        },
      });

      let restarts = 0;
      let mailDir = '';
      const hooks: DemoHooks = {
        ...base,
        async startOrg(input) {
          const org = await base.startOrg(input);
          mailDir = path.join(input.dir, 'mail');
          return {
            ...org,
            look: async (object) => {
              if (stuck) throw stuck;
              return org.look(object);
            },
          };
        },
        async startService(input) {
          let current: DemoService = await base.startService(input);
          // Halfway through the campaign — once the SMTP server has saved half the messages — a
          // graceful stop and a fresh start on the same store, while the faults go on.
          const restarted = waitUntil(
            `the SMTP server saving ${Math.ceil(MESSAGES / 2)} of the ${MESSAGES} messages`,
            () => messagesIn(mailDir),
            (n) => n >= Math.ceil(MESSAGES / 2),
            { timeoutMs: RUN_DEADLINE_MS, signal },
          )
            .then(async () => {
              const stopping = current;
              current = { stop: async () => undefined };
              await stopping.stop();
              current = await base.startService(input);
              restarts += 1;
            })
            .catch(failed);
          return {
            stop: async () => {
              stopWaiting.abort();
              trouble?.stop();
              // A restart under way finishes first, so the service it starts is the one stopped.
              await restarted;
              await current.stop();
            },
            nextWorkAt: () => current.nextWorkAt?.() ?? Promise.resolve(null),
          };
        },
      };

      const { result, mails, lines } = await playDemo(hooks).finally(() => {
        stopWaiting.abort();
        trouble?.stop();
      });

      expect(waitFailures.map((e) => e.message)).toEqual([]);
      expect(restarts).toBe(1);
      expect(trouble!.rounds()).toBeGreaterThan(5);
      expect(result.problems).toEqual([]);
      const keys = mails.map((m) => `${to(m)} ${m.subject}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(mails).toHaveLength(MESSAGES);
      // The timeline stays in business-time order through the faults and the restart.
      expect(stampsGoingBackwards(lines)).toEqual([]);
    },
    RUN_DEADLINE_MS + 60_000,
  );
});
