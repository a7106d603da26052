// Replay as a jsforce subscriber with the Replay extension uses it: -1, -2, a stored replay id,
// a replay id that was never issued or has aged out of retention, and a replay map that names
// another channel. Refusals reach the client as the subscribe failure Salesforce sends.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR, startStreamingOrg, stepRecord, type StreamingOrg } from './harness.ts';
import { jsforceClient, waitFor, type JsforceStreamingClient, type StreamedEvent } from './clients.ts';

const CHANNEL = '/data/Sales_Campaigns__chn';
const invalidReplay = (id: number) =>
  `400::The replayId {${id}} you provided was invalid.  Please provide a valid ID, -2 to replay all events, or -1 to replay only new events.`;

describe('replay', () => {
  let org: StreamingOrg;
  const clients: JsforceStreamingClient[] = [];
  const client = (replayId: number | null, replayChannel?: string) => {
    const created = jsforceClient({
      url: org.url,
      token: org.token,
      channel: CHANNEL,
      replayId,
      replayChannel,
    });
    clients.push(created);
    return created;
  };
  const createStep = (n: number) =>
    org.commit({
      entityName: 'Campaign_Step__c',
      changeType: 'CREATE',
      records: { [`a0100000000000${n}AAA`]: stepRecord(`a0100000000000${n}AAA`) },
    });
  const replayIds = (events: StreamedEvent[]) => events.map((event) => event.event.replayId);
  const subscribeReply = (subscriber: JsforceStreamingClient) =>
    subscriber.incoming.find((message) => message.channel === '/meta/subscribe');

  beforeEach(async () => {
    org = await startStreamingOrg();
  });
  afterEach(async () => {
    for (const created of clients.splice(0)) created.disconnect();
    await org.close();
  });

  it('replays every retained event from -2, those after a stored id, and only new ones from -1', async () => {
    createStep(1);
    createStep(2);
    createStep(3);
    const all = client(-2);
    const after = client(1);
    const fresh = client(-1);
    await Promise.all([all.subscribe(), after.subscribe(), fresh.subscribe()]);
    createStep(4);
    await waitFor(
      () => all.events.length === 4 && after.events.length === 3 && fresh.events.length === 1,
      'replayed events',
    );
    expect(replayIds(all.events)).toEqual([1, 2, 3, 4]);
    expect(replayIds(after.events)).toEqual([2, 3, 4]);
    expect(replayIds(fresh.events)).toEqual([4]);
  });

  it('refuses a replay id that was never issued', async () => {
    createStep(1);
    const subscriber = client(999);
    // Faye cannot split this text into code and message (it contains commas): the client's
    // subscription fails with the whole string, exactly as against a real org.
    await expect(subscriber.subscribe()).rejects.toMatchObject({ message: invalidReplay(999) });
    expect(subscribeReply(subscriber)).toEqual({
      clientId: expect.any(String),
      channel: '/meta/subscribe',
      id: expect.any(String),
      subscription: CHANNEL,
      error: invalidReplay(999),
      successful: false,
    });
  });

  it('refuses a stored replay id older than the retention window, and -2 no longer returns it', async () => {
    createStep(1);
    org.clock.advance(72 * HOUR + 1);
    createStep(2);
    const expired = client(1);
    await expect(expired.subscribe()).rejects.toBeDefined();
    expect(subscribeReply(expired)?.error).toBe(invalidReplay(1));

    const all = client(-2);
    await all.subscribe();
    await waitFor(() => all.events.length === 1, 'the retained event');
    expect(replayIds(all.events)).toEqual([2]);
  });

  it('refuses a replay map that does not name the subscribed channel', async () => {
    const subscriber = client(-2, '/data/Campaign_Step__ChangeEvent');
    await expect(subscriber.subscribe()).rejects.toBeDefined();
    expect(subscribeReply(subscriber)?.error).toBe(
      "400::The replayId for channel {/data/Sales_Campaigns__chn} wasn't found using the provided replay ID map " +
        '{{/data/Campaign_Step__ChangeEvent=-2}}. Ensure that the channel name you provided in the replay map is valid ' +
        'and matches the channel name used for subscribing.',
    );
  });

  it('replays everything from -2 after a restart of the streaming server', async () => {
    createStep(1);
    createStep(2);
    org.streaming.restart();
    const subscriber = client(-2);
    await subscriber.subscribe();
    await waitFor(() => subscriber.events.length === 2, 'the events retained across the restart');
    expect(replayIds(subscriber.events)).toEqual([1, 2]);
  });
});
