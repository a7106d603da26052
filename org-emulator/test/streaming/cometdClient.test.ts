// An independent client, the official CometD JavaScript client on Node (cometd-nodejs-client),
// configured as Salesforce's samples configure it: long polling only, `Authorization: OAuth`,
// the replay map on /meta/subscribe, subscriptions renewed in the handshake listener.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from 'cometd';
import { startStreamingOrg, stepRecord, type StreamingOrg } from './harness.ts';
import {
  cometdClient,
  jsforceClient,
  waitFor,
  type CometdStreamingClient,
  type JsforceStreamingClient,
} from './clients.ts';

describe('official CometD client', () => {
  let org: StreamingOrg;
  const started: CometdStreamingClient[] = [];
  const others: JsforceStreamingClient[] = [];
  const client = () => {
    const created = cometdClient({ url: org.url, token: org.token });
    started.push(created);
    return created;
  };
  const createStep = (id: string) =>
    org.commit({ entityName: 'Campaign_Step__c', changeType: 'CREATE', records: { [id]: stepRecord(id) } });
  const replayIds = (events: Message[]) =>
    events.map((event) => (event.data as { event: { replayId: number } }).event.replayId);

  beforeEach(async () => {
    org = await startStreamingOrg({ longPollTimeoutMs: 300 });
  });
  afterEach(async () => {
    for (const other of others.splice(0)) other.disconnect();
    await Promise.all(started.splice(0).map((created) => created.stop()));
    await org.close();
  });

  it('receives the same change events as jsforce, on the object channel and the custom channel', async () => {
    const onObject = client();
    const onCustom = client();
    const viaJsforce = jsforceClient({
      url: org.url,
      token: org.token,
      channel: '/data/Sales_Campaigns__chn',
    });
    others.push(viaJsforce);
    await Promise.all([
      onObject.start('/data/Campaign_Step__ChangeEvent'),
      onCustom.start('/data/Sales_Campaigns__chn'),
      viaJsforce.subscribe(),
    ]);
    createStep('a01000000000001AAA');
    createStep('a01000000000002AAA');
    await waitFor(
      () => onObject.events.length === 2 && onCustom.events.length === 2 && viaJsforce.events.length === 2,
      'two events on every client',
    );
    expect(onCustom.events.map((event) => event.data)).toEqual(viaJsforce.events);
    expect(onObject.events.map((event) => event.data)).toEqual(viaJsforce.events);
    expect(onObject.events.map((event) => event.channel)).toEqual([
      '/data/Campaign_Step__ChangeEvent',
      '/data/Campaign_Step__ChangeEvent',
    ]);
  });

  it('handles 403::Unknown client by re-handshaking and resubscribing from its last replay id', async () => {
    const subscriber = client();
    await subscriber.start('/data/Sales_Campaigns__chn', -1);
    createStep('a01000000000001AAA');
    await waitFor(() => subscriber.events.length === 1, 'the first event');
    org.streaming.dropClients();
    createStep('a01000000000002AAA');
    await waitFor(() => subscriber.events.length === 2, 'the event missed while unknown');
    expect(replayIds(subscriber.events)).toEqual([1, 2]);
    expect(subscriber.incoming).toContainEqual(
      expect.objectContaining({
        channel: '/meta/connect',
        error: '403::Unknown client',
        advice: { interval: 0, reconnect: 'handshake' },
      }),
    );
  });

  it('replays from -2 after a restart', async () => {
    createStep('a01000000000001AAA');
    org.streaming.restart();
    const subscriber = client();
    await subscriber.start('/data/Campaign_Step__ChangeEvent', -2);
    await waitFor(() => subscriber.events.length === 1, 'the retained event');
    expect(replayIds(subscriber.events)).toEqual([1]);
  });

  it('sees an invalid replay id refused in the subscribe reply', async () => {
    const subscriber = client();
    const reply = await subscriber.start('/data/Campaign_Step__ChangeEvent', 42);
    expect(reply).toMatchObject({
      successful: false,
      error:
        '400::The replayId {42} you provided was invalid.  Please provide a valid ID, -2 to replay all events, or -1 to replay only new events.',
    });
  });
});
