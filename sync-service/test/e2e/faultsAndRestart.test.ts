// End to end through trouble: the same sample campaign while the org throws record locks, 5xx
// answers and request-limit pushback, expires every session, drops the streaming clients — and
// the service is stopped and started again on the same store halfway. Nothing is missed,
// nothing is sent twice, and every campaign still ends as designed.
import { describe, expect, it } from 'vitest';
import { emulatorHooks, type StartedEmulator } from '../../src/demo/demoHooks.ts';
import type { DemoHooks, DemoService } from '../../src/demo/runDemo.ts';
import { playDemo, recipientOf } from './playDemo.ts';

const to = recipientOf;

/** Injects a burst of faults every `everyMs` (real time) until stopped. */
function troubleMaker(emulator: StartedEmulator, everyMs: number) {
  let round = 0;
  const timer = setInterval(() => {
    round += 1;
    const { faults } = emulator;
    faults.add({ route: 'composite', kind: 'UNABLE_TO_LOCK_ROW', times: 2 });
    faults.add({ route: 'query', kind: 'SERVER_ERROR', status: 503, times: 1 });
    if (round % 2 === 0) faults.add({ route: 'composite', kind: 'REQUEST_LIMIT_EXCEEDED', times: 1 });
    if (round % 3 === 0) faults.expireTokens();
    if (round % 4 === 0) faults.dropStreamingClients();
  }, everyMs);
  return { stop: () => clearInterval(timer), rounds: () => round };
}

describe('the demo through faults and a restart', () => {
  it('sends every email exactly once and ends every campaign as designed', async () => {
    let trouble: ReturnType<typeof troubleMaker> | null = null;
    const base = emulatorHooks({ onOrgStarted: (emulator) => (trouble = troubleMaker(emulator, 700)) });
    let restarts = 0;
    const hooks: DemoHooks = {
      ...base,
      async startService(input) {
        let current: DemoService = await base.startService(input);
        // Halfway through (in real time), a graceful stop and a fresh start on the same store.
        const restart = setTimeout(async () => {
          const stopping = current;
          current = { stop: async () => undefined };
          await stopping.stop();
          current = await base.startService(input);
          restarts += 1;
        }, 6_000);
        return {
          stop: async () => {
            clearTimeout(restart);
            trouble?.stop();
            await current.stop();
          },
          nextWorkAt: () => current.nextWorkAt?.() ?? Promise.resolve(null),
        };
      },
    };

    const { result, mails } = await playDemo(hooks);

    expect(restarts).toBe(1);
    expect(trouble!.rounds()).toBeGreaterThan(5);
    expect(result.problems).toEqual([]);
    const keys = mails.map((m) => `${to(m)} ${m.subject}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(mails).toHaveLength(17);
  }, 150_000);
});
