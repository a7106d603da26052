// Streaming faults as a jsforce subscriber (Replay + AuthFailure extensions) experiences them:
// the server forgetting its clients, a server restart, a bad or revoked token, an unknown channel.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startStreamingOrg, stepRecord, type StreamingOrg } from './harness.ts';
import { jsforceClient, waitFor, type JsforceStreamingClient, type StreamedEvent } from './clients.ts';

const CHANNEL = '/data/Sales_Campaigns__chn';
const UNKNOWN_CLIENT_REPLY = {
  advice: { interval: 0, reconnect: 'handshake' },
  channel: '/meta/connect',
  id: expect.any(String),
  error: '403::Unknown client',
  successful: false,
};

describe('streaming faults', () => {
  let org: StreamingOrg;
  const clients: JsforceStreamingClient[] = [];
  const subscribed = async (options: { token?: string; channel?: string; replayId?: number } = {}) => {
    const client = jsforceClient({
      url: org.url,
      token: options.token ?? org.token,
      channel: options.channel ?? CHANNEL,
      replayId: options.replayId,
    });
    clients.push(client);
    await client.subscribe();
    return client;
  };
  let stepCount = 0;
  const createStep = () => {
    stepCount += 1;
    const id = `a01000000000${String(stepCount).padStart(3, '0')}AAA`;
    org.commit({ entityName: 'Campaign_Step__c', changeType: 'CREATE', records: { [id]: stepRecord(id) } });
  };
  const replayIds = (events: StreamedEvent[]) => events.map((event) => event.event.replayId);
  const handshakes = (client: JsforceStreamingClient) =>
    client.incoming.filter((message) => message.channel === '/meta/handshake' && message.successful);

  beforeEach(async () => {
    org = await startStreamingOrg({ longPollTimeoutMs: 300 });
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.disconnect();
    await org.close();
  });

  it('dropped clients get 403::Unknown client, re-handshake, resubscribe from their last replay id', async () => {
    const client = await subscribed();
    createStep();
    await waitFor(() => client.events.length === 1, 'the first event');
    await waitFor(
      () => org.streaming.clientCount() === 1 && client.faye._state === 3 /* CONNECTED */,
      'a held connect',
    );

    org.streaming.dropClients();
    createStep(); // committed while the client is unknown: replay must bring it back
    await waitFor(() => handshakes(client).length === 2, 'the re-handshake');
    expect(client.incoming).toContainEqual(UNKNOWN_CLIENT_REPLY);
    createStep();
    await waitFor(() => client.events.length === 3, 'the events after the re-handshake');
    expect(replayIds(client.events)).toEqual([1, 2, 3]);
    const resubscribe = client.incoming.filter((message) => message.channel === '/meta/subscribe');
    expect(resubscribe).toHaveLength(2);
    expect(org.streaming.clientCount()).toBe(1);
  });

  it('after a restart the next connect is refused as unknown, and the client resumes without loss', async () => {
    const client = await subscribed();
    createStep();
    await waitFor(() => client.events.length === 1, 'the first event');
    org.streaming.restart();
    expect(org.streaming.clientCount()).toBe(0);
    createStep();
    await waitFor(() => client.events.length === 2, 'the event committed during the restart');
    expect(client.incoming).toContainEqual(UNKNOWN_CLIENT_REPLY);
    expect(handshakes(client)).toHaveLength(2);
    expect(replayIds(client.events)).toEqual([1, 2]);
  });

  it('a bad token fails the handshake: 403::Handshake denied, reason 401::Authentication invalid, no reconnect', async () => {
    const client = jsforceClient({ url: org.url, token: 'expired-token', channel: CHANNEL });
    clients.push(client);
    void client.subscribe().catch(() => undefined);
    const [failure] = await waitFor(
      () => client.authFailures.length > 0 && client.authFailures,
      'the AuthFailure callback',
    );
    expect(failure).toEqual({
      ext: { sfdc: { failureReason: '401::Authentication invalid' }, replay: true, 'payload.format': true },
      advice: { reconnect: 'none' },
      channel: '/meta/handshake',
      id: expect.any(String),
      error: '403::Handshake denied',
      successful: false,
    });
  });

  it('a token revoked while connected ends the stream with 401::Authentication invalid', async () => {
    const token = org.issueToken();
    const client = await subscribed({ token });
    org.revokeToken(token);
    const [failure] = await waitFor(
      () => client.authFailures.length > 0 && client.authFailures,
      'the AuthFailure callback',
    );
    expect(failure).toEqual({
      clientId: expect.any(String),
      advice: { reconnect: 'none', interval: 0 },
      channel: '/meta/connect',
      id: expect.any(String),
      error: '401::Authentication invalid',
      successful: false,
    });
    expect(org.streaming.clientCount()).toBe(0);
  });

  it('an unknown channel fails the subscription with the does-not-exist text', async () => {
    const client = jsforceClient({ url: org.url, token: org.token, channel: '/data/Task__ChangeEvent' });
    clients.push(client);
    await expect(client.subscribe()).rejects.toMatchObject({
      message: '400::The channel you requested to subscribe to does not exist {/data/Task__ChangeEvent}',
    });
  });
});
