// The HTTP door of a running service: health, readiness and Prometheus metrics; and the
// heartbeat it writes to Sync_Service_Status__c.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../support/testStores.ts';
import { startTestOrg, type TestOrg } from '../support/testOrg.ts';
import { startTestService } from '../support/testService.ts';
import type { RunningSyncService } from '../../src/service/syncService.ts';

describe('http: /healthz, /readyz, /metrics', () => {
  let org: TestOrg;
  let testStore: TestStore;
  let service: RunningSyncService;
  beforeAll(async () => {
    org = await startTestOrg({ start: '2026-04-30T10:00:00Z' });
    testStore = await openTestStore('sqlite');
    service = await startTestService(org, testStore.store, { http: true });
  });
  afterAll(async () => {
    await service?.stop();
    await testStore?.destroy();
    await org?.stop();
  });

  it('is healthy at once and ready once subscribed', async () => {
    const health = await fetch(`${service.http!.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    await service.tick();
    const ready = await fetch(`${service.http!.url}/readyz`);
    expect(await ready.json()).toEqual({ ready: true, checks: { store: true, org: true, stream: true } });
    expect(ready.status).toBe(200);
  });

  it('serves Prometheus text with events applied, plans written, API calls and stream lag', async () => {
    const response = await fetch(`${service.http!.url}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    for (const name of [
      'events_applied_total',
      'plans_written_total',
      'api_calls_total',
      'stream_lag_seconds',
    ]) {
      expect(text).toMatch(new RegExp(`^# TYPE sales_campaigns_sync_${name} (counter|gauge)$`, 'm'));
    }
    expect(Number(/^sales_campaigns_sync_api_calls_total (\d+)$/m.exec(text)?.[1])).toBeGreaterThan(0);
  });

  it('writes the heartbeat by upsert on Instance__c, one record per instance', async () => {
    await service.tick();
    org.emulator.clock.advance(61_000);
    await service.tick();
    const status = org.emulator.inspect.records('Sync_Service_Status__c');
    expect(status).toHaveLength(1);
    expect(status[0]).toMatchObject({ Instance__c: 'test-instance', Version__c: '0.1.0' });
    expect(Date.parse(String(status[0]!.Last_Heartbeat_At__c))).toBe(org.clock.now());
    expect(service.context.metrics.get('heartbeats_total')).toBe(2);
  });
});
