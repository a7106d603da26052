// The REST half feeds the Streaming API: a record written through REST reaches a jsforce
// streaming subscriber on the package's custom channel as a change event, and a published
// platform event reaches its /event channel. (The streaming protocol itself is proven in
// test/streaming; this checks the wiring of the whole org.)
import { StreamingExtension } from 'jsforce/api/streaming';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgEmulator } from '../../src/index.ts';
import { login, startTestOrg } from './harness.ts';

let org: OrgEmulator;

beforeAll(async () => {
  org = await startTestOrg({ streamingLongPollMs: 500 });
});
afterAll(() => org.stop());

async function until<T>(read: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('REST writes reach streaming subscribers', () => {
  it('delivers CDC on /data/Sales_Campaigns__chn and platform events on /event', async () => {
    const conn = await login(org, { callOptions: { client: 'wiring-test' } });

    const events: any[] = [];
    // One client per channel: jsforce's Replay extension sends a replay map for its channel only.
    const subscribe = async (channel: string) => {
      const client: any = conn.streaming.createClient([new StreamingExtension.Replay(channel, -1)]);
      await client.subscribe(channel, (m: unknown) => events.push(m));
      return { client }; // Faye clients are thenables: do not resolve a promise with one
    };
    const clients = [
      await subscribe('/data/Sales_Campaigns__chn'),
      await subscribe('/event/Campaign_Activity__e'),
    ];
    try {
      const created = await conn
        .sobject('Sales_Campaign__c')
        .create({ Name: 'Streamed', Status__c: 'Draft' });
      await conn.sobject('Sales_Campaign__c').update({ Id: created.id!, Status__c: 'Active' });
      await conn.sobject('Campaign_Activity__e').create({ Kind__c: 'Sent' });
      const update = await until(() =>
        events.find((e) => e.payload?.ChangeEventHeader?.changeType === 'UPDATE'),
      );
      expect(update.payload.ChangeEventHeader).toMatchObject({
        entityName: 'Sales_Campaign__c',
        recordIds: [created.id!],
      });
      expect(update.payload.ChangeEventHeader.changedFields).toContain('Status__c');
      expect(String(update.payload.ChangeEventHeader.changeOrigin)).toContain('wiring-test');
      const platformEvent = await until(() => events.find((e) => e.payload?.Kind__c === 'Sent'));
      expect(platformEvent.event.replayId).toEqual(expect.any(Number));
    } finally {
      for (const { client } of clients) client.disconnect();
    }
  });
});
