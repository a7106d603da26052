// The CDC subscription against the emulator's Streaming API: the replay position is saved only
// after a batch is applied, a restart resumes exactly after it, and a position the org no longer
// keeps (outage past retention, refused replay id) is reported as a gap for the sweep.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectOrg, type OrgSession } from '../../src/salesforce/orgConnection.ts';
import { ChangeStreamSubscriber, type StreamGapReason } from '../../src/salesforce/changeStreamSubscriber.ts';
import type { ChangeEvent } from '../../src/app/ports/changeStream.ts';
import { openTestStore, type TestStore } from '../support/testStores.ts';
import { quietLogger, startTestOrg, type TestOrg } from '../support/testOrg.ts';
import { waitFor } from '../support/testService.ts';
import { createCampaign } from '../support/scenario.ts';

const CHANNEL = '/data/Sales_Campaigns__chn';
const HOUR = 3_600_000;

describe('change stream subscriber', () => {
  let org: TestOrg;
  let testStore: TestStore;
  let session: OrgSession;
  const subscribers: ChangeStreamSubscriber[] = [];
  beforeEach(async () => {
    org = await startTestOrg({ start: '2026-04-30T10:00:00Z', retentionMs: 2 * HOUR });
    testStore = await openTestStore('sqlite');
    session = await connectOrg(org.orgConfig, quietLogger());
  });
  afterEach(async () => {
    for (const s of subscribers.splice(0)) await s.stop();
    await testStore.destroy();
    await org.stop();
  });

  function subscriber(onEvents: (events: ChangeEvent[]) => Promise<void>, gaps: StreamGapReason[] = []) {
    const s = new ChangeStreamSubscriber({
      session,
      channel: CHANNEL,
      store: testStore.store,
      clock: org.clock,
      logger: quietLogger(),
      retentionMs: 2 * HOUR,
      onEvents,
      onGap: (reason) => void gaps.push(reason),
    });
    subscribers.push(s);
    return s;
  }
  const campaignEvents = (n: number) =>
    Promise.all(Array.from({ length: n }, () => createCampaign(org.screen, { steps: [] })));

  it('resumes after a restart with exactly the events it had not applied: nothing missed, nothing twice', async () => {
    const seen: number[] = [];
    const gaps: StreamGapReason[] = [];
    const first = subscriber(async (events) => void seen.push(...events.map((e) => e.replayId)), gaps);
    await first.start();
    expect(gaps).toEqual(['no-position']);
    await campaignEvents(3);
    await waitFor(async () => seen.length === 3, 'three events');
    await first.stop();
    await campaignEvents(4); // committed while the service is down
    const second = subscriber(async (events) => void seen.push(...events.map((e) => e.replayId)), gaps);
    await second.start();
    await waitFor(async () => seen.length === 7, 'the missed events replayed');
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(gaps).toEqual(['no-position']);
    expect((await testStore.store.replayPosition(CHANNEL))?.replayId).toBe(7);
  });

  it('does not move the replay position past events that failed to apply', async () => {
    let failing = true;
    const applied: number[] = [];
    const s = subscriber(async (events) => {
      if (failing) throw new Error('store unavailable');
      applied.push(...events.map((e) => e.replayId));
    });
    await s.start();
    await campaignEvents(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await testStore.store.replayPosition(CHANNEL)).toBeNull();
    failing = false;
    await waitFor(async () => applied.length === 1, 'the retried batch');
    expect((await testStore.store.replayPosition(CHANNEL))?.replayId).toBe(1);
  });

  it('reports a gap after an outage longer than retention', async () => {
    const first = subscriber(async () => undefined);
    await first.start();
    await campaignEvents(1);
    await waitFor(
      async () => (await testStore.store.replayPosition(CHANNEL))?.replayId === 1,
      'position saved',
    );
    await first.stop();
    org.emulator.clock.advance(3 * HOUR);
    const gaps: StreamGapReason[] = [];
    const seen: number[] = [];
    const second = subscriber(async (events) => void seen.push(...events.map((e) => e.replayId)), gaps);
    await second.start();
    expect(gaps).toEqual(['beyond-retention']);
    await campaignEvents(1);
    await waitFor(async () => seen.length === 1, 'new events after the gap');
  });

  it('reports a gap when the org refuses the stored replay id', async () => {
    await testStore.store.saveReplayPosition({
      channel: CHANNEL,
      replayId: 999,
      eventAt: org.clock.now(),
      savedAt: org.clock.now(),
    });
    const gaps: StreamGapReason[] = [];
    const s = subscriber(async () => undefined, gaps);
    await s.start();
    await waitFor(async () => gaps.length === 1, 'the gap');
    expect(gaps).toEqual(['replay-refused']);
    expect(s.status().connected).toBe(true);
  });

  it('rebuilds the client with a new token on 401::Authentication invalid, without losing events', async () => {
    const seen: number[] = [];
    const s = subscriber(async (events) => void seen.push(...events.map((e) => e.replayId)));
    await s.start();
    await campaignEvents(1);
    await waitFor(async () => seen.length === 1, 'first event');
    org.emulator.faults.revokeTokens();
    await campaignEvents(2);
    await waitFor(async () => seen.length === 3, 'events after the rebuild', 15_000);
    expect(seen).toEqual([1, 2, 3]);
    expect(s.status().rebuilds).toBeGreaterThanOrEqual(1);
  });
});

describe('change stream subscriber, stopped', () => {
  it('lets the process exit even when the org went away first (no client left retrying)', async () => {
    const script = fileURLToPath(new URL('../fixtures/stream/stopWhenOrgIsGone.ts', import.meta.url));
    const started = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exitCode = await new Promise<number | string>((resolve) => {
      // Faye retries every 5 s for ever: a process still alive 20 s on has a client left over.
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve('still running after 20 s');
      }, 20_000);
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve(code ?? 'killed');
      });
    });
    expect(output).toContain('stopped');
    expect(exitCode).toBe(0);
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 30_000);
});
