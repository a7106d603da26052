// Starts the sync service against a test org and store, with the loop driven by the test.
import type { ServiceConfig } from '../../src/config/index.ts';
import { DEFAULTS } from '../../src/config/index.ts';
import {
  startSyncService,
  type RunningSyncService,
  type StartOptions,
} from '../../src/service/syncService.ts';
import type { SyncStore } from '../../src/app/ports/syncStore.ts';
import { quietLogger, type TestOrg } from './testOrg.ts';

export function testConfig(org: TestOrg, overrides: Partial<ServiceConfig> = {}): ServiceConfig {
  return {
    org: org.orgConfig,
    database: { dialect: 'sqlite', url: ':memory:' },
    http: { host: '127.0.0.1', port: 0 },
    logLevel: 'silent',
    instanceId: 'test-instance',
    streaming: { channel: DEFAULTS.channel, retentionMs: DEFAULTS.retentionMs },
    intervals: {
      heartbeatMs: DEFAULTS.heartbeatMs,
      taskPollMs: 1,
      settingsRefreshMs: DEFAULTS.settingsRefreshMs,
      planBatchWindowMs: 10,
      tickMs: 50,
      leaseMs: DEFAULTS.leaseMs,
    },
    writes: { bulkThreshold: DEFAULTS.bulkThreshold },
    ...overrides,
  };
}

export async function startTestService(
  org: TestOrg,
  store: SyncStore,
  options: Partial<StartOptions> = {},
): Promise<RunningSyncService> {
  return startSyncService({
    config: testConfig(org),
    logger: quietLogger(),
    clock: org.clock,
    store,
    autoLoop: false,
    http: false,
    ...options,
  });
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined | false | null>,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
