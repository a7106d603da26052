// The Bayeux exchange at the HTTP level, the way a hand-written client sees it: exact reply
// shapes, the cookie, the held connect, batching, and the errors a raw client can provoke.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startStreamingOrg, stepRecord, type StreamingOrg } from './harness.ts';

type Message = Record<string, unknown>;

describe('Bayeux long polling at /cometd/62.0', () => {
  let org: StreamingOrg;
  let cookie = '';

  const post = async (
    messages: Message[],
    options: { token?: string | null; path?: string; withCookie?: boolean } = {},
  ) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const token = options.token === undefined ? org.token : options.token;
    if (token !== null) headers.authorization = `OAuth ${token}`;
    if (options.withCookie !== false && cookie) headers.cookie = cookie;
    const response = await fetch(`${org.url}${options.path ?? '/cometd/62.0'}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(messages),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0] ?? '';
    return { status: response.status, setCookie, body: (await response.json()) as Message[] };
  };
  const handshake = async () => {
    const { body } = await post([
      { channel: '/meta/handshake', version: '1.0', supportedConnectionTypes: ['long-polling'], id: '1' },
    ]);
    return String(body[0]?.clientId);
  };
  const connect = (clientId: string, id = '2') =>
    post([{ channel: '/meta/connect', clientId, connectionType: 'long-polling', id }]);

  beforeEach(async () => {
    cookie = '';
    org = await startStreamingOrg({ longPollTimeoutMs: 400, clientTimeoutMs: 600 });
  });
  afterEach(async () => {
    await org.close();
  });

  it('answers the handshake with the replay extension and sets BAYEUX_BROWSER', async () => {
    const { status, setCookie, body } = await post([
      {
        channel: '/meta/handshake',
        version: '1.0',
        minimumVersion: '1.0',
        supportedConnectionTypes: ['long-polling'],
        id: '1',
        ext: { replay: true },
      },
    ]);
    expect(status).toBe(200);
    expect(setCookie).toMatch(/^BAYEUX_BROWSER=[\w-]+; Path=\/; HttpOnly$/);
    expect(body).toEqual([
      {
        ext: { replay: true, 'payload.format': true },
        minimumVersion: '1.0',
        clientId: expect.stringMatching(/^[0-9a-z]{20,28}$/),
        supportedConnectionTypes: ['long-polling'],
        channel: '/meta/handshake',
        id: '1',
        version: '1.0',
        successful: true,
      },
    ]);
  });

  it('answers the first connect at once with the advice, then holds the next for the timeout', async () => {
    const clientId = await handshake();
    const first = await connect(clientId, '2');
    expect(first.body).toEqual([
      {
        clientId,
        channel: '/meta/connect',
        id: '2',
        advice: { interval: 0, timeout: 400, reconnect: 'retry' },
        successful: true,
      },
    ]);
    const started = Date.now();
    const second = await connect(clientId, '3');
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    expect(second.body).toEqual([{ clientId, channel: '/meta/connect', id: '3', successful: true }]);
  });

  it('releases a held connect with the events of a commit, batched, before the connect reply', async () => {
    const clientId = await handshake();
    await connect(clientId);
    await post([
      { channel: '/meta/subscribe', clientId, subscription: '/data/Campaign_Step__ChangeEvent', id: '3' },
    ]);
    const held = connect(clientId, '4');
    await new Promise((resolve) => setTimeout(resolve, 50));
    org.commit({
      entityName: 'Campaign_Step__c',
      changeType: 'CREATE',
      records: { a01000000000001AAA: stepRecord('a01000000000001AAA') },
    });
    org.commit({
      entityName: 'Campaign_Step__c',
      changeType: 'CREATE',
      records: { a01000000000002AAA: stepRecord('a01000000000002AAA') },
    });
    const { body } = await held;
    expect(body.map((message) => message.channel)).toEqual([
      '/data/Campaign_Step__ChangeEvent',
      '/data/Campaign_Step__ChangeEvent',
      '/meta/connect',
    ]);
    expect(body[2]).toEqual({ clientId, channel: '/meta/connect', id: '4', successful: true });
  });

  it('answers several messages in one POST, and does not hold a connect batched with others', async () => {
    org.commit({
      entityName: 'Campaign_Step__c',
      changeType: 'CREATE',
      records: { a01000000000001AAA: stepRecord('a01000000000001AAA') },
    });
    const clientId = await handshake();
    await connect(clientId);
    const { body } = await post([
      {
        channel: '/meta/subscribe',
        clientId,
        subscription: '/data/Campaign_Step__ChangeEvent',
        id: '3',
        ext: { replay: { '/data/Campaign_Step__ChangeEvent': -2 } },
      },
      { channel: '/meta/subscribe', clientId, subscription: '/event/Campaign_Activity__e', id: '4' },
      { channel: '/meta/connect', clientId, connectionType: 'long-polling', id: '5' },
    ]);
    expect(body).toEqual([
      {
        clientId,
        channel: '/meta/subscribe',
        id: '3',
        subscription: '/data/Campaign_Step__ChangeEvent',
        successful: true,
      },
      {
        clientId,
        channel: '/meta/subscribe',
        id: '4',
        subscription: '/event/Campaign_Activity__e',
        successful: true,
      },
      expect.objectContaining({
        channel: '/data/Campaign_Step__ChangeEvent',
        data: expect.objectContaining({ event: { replayId: 1 } }),
      }),
      { clientId, channel: '/meta/connect', id: '5', successful: true },
    ]);
  });

  it('refuses requests without the BAYEUX_BROWSER cookie once a client has a session', async () => {
    const clientId = await handshake();
    const { body } = await post(
      [{ channel: '/meta/connect', clientId, connectionType: 'long-polling', id: '2' }],
      { withCookie: false },
    );
    expect(body).toEqual([
      {
        clientId,
        channel: '/meta/connect',
        id: '2',
        error: `400::Client ${clientId} has established a session, but no BAYEUX_BROWSER cookie present`,
        successful: false,
      },
    ]);
  });

  it('denies a handshake without or with a bad token, with the reason in ext.sfdc', async () => {
    const message = {
      channel: '/meta/handshake',
      version: '1.0',
      supportedConnectionTypes: ['long-polling'],
      id: '1',
    };
    const missing = await post([message], { token: null });
    expect(missing.body).toEqual([
      {
        ext: {
          sfdc: { failureReason: '401::Request requires authentication' },
          replay: true,
          'payload.format': true,
        },
        advice: { reconnect: 'none' },
        channel: '/meta/handshake',
        id: '1',
        error: '403::Handshake denied',
        successful: false,
      },
    ]);
    const bad = await post([message], { token: 'not-a-token' });
    expect(bad.body[0]).toMatchObject({
      ext: { sfdc: { failureReason: '401::Authentication invalid' } },
      error: '403::Handshake denied',
    });
  });

  it('forgets a client that does not reconnect in time: 403::Unknown client with handshake advice', async () => {
    const clientId = await handshake();
    await connect(clientId);
    await new Promise((resolve) => setTimeout(resolve, 800));
    const { body } = await connect(clientId, '3');
    expect(body).toEqual([
      {
        advice: { interval: 0, reconnect: 'handshake' },
        channel: '/meta/connect',
        id: '3',
        error: '403::Unknown client',
        successful: false,
      },
    ]);
    expect(org.streaming.clientCount()).toBe(0);
  });

  it('refuses publishing, unknown channels and malformed subscriptions with Salesforce texts', async () => {
    const clientId = await handshake();
    const { body } = await post([
      { channel: '/data/Campaign_Step__ChangeEvent', clientId, data: {}, id: '2' },
      { channel: '/meta/subscribe', clientId, subscription: '/data/Nope__ChangeEvent', id: '3' },
      { channel: '/meta/subscribe', clientId, subscription: '/event/Nope__e', id: '4' },
      { channel: '/meta/subscribe', clientId, subscription: 'data/ChangeEvents', id: '5' },
      { channel: '/meta/subscribe', clientId, id: '6' },
    ]);
    expect(body.map((message) => message.error)).toEqual([
      '403::Publish denied',
      '400::The channel you requested to subscribe to does not exist {/data/Nope__ChangeEvent}',
      '400::The channel you requested to subscribe to does not exist {/event/Nope__e}',
      "400::Channel subscriptions must start with a leading '/'",
      '400::Channel name not specified',
    ]);
  });

  it('accepts the message type appended to the URL, as CometD clients send it by default', async () => {
    const { body } = await post(
      [{ channel: '/meta/handshake', version: '1.0', supportedConnectionTypes: ['long-polling'], id: '1' }],
      { path: '/cometd/62.0/handshake' },
    );
    expect(body[0]).toMatchObject({ channel: '/meta/handshake', successful: true });
  });

  it('answers a subscribe with a revoked token 401::Authentication invalid and forgets the client', async () => {
    const token = org.issueToken();
    const { body: handshaken } = await post(
      [{ channel: '/meta/handshake', version: '1.0', supportedConnectionTypes: ['long-polling'], id: '1' }],
      { token },
    );
    const clientId = String(handshaken[0]?.clientId);
    org.revokeToken(token);
    const { body } = await post(
      [{ channel: '/meta/subscribe', clientId, subscription: '/data/ChangeEvents', id: '2' }],
      { token },
    );
    expect(body).toEqual([
      {
        clientId,
        advice: { reconnect: 'none', interval: 0 },
        channel: '/meta/subscribe',
        subscription: '/data/ChangeEvents',
        id: '2',
        error: '401::Authentication invalid',
        successful: false,
      },
    ]);
    expect(org.streaming.clientCount()).toBe(0);
  });

  it('requires an API version of 37.0 or later in the URI', async () => {
    const message = {
      channel: '/meta/handshake',
      version: '1.0',
      supportedConnectionTypes: ['long-polling'],
      id: '1',
    };
    const none = await post([message], { path: '/cometd' });
    expect(none.status).toBe(400);
    expect(none.body[0]?.error).toBe("400::API version in the URI is mandatory. URI format: '/cometd/62.0'");
    const old = await post([message], { path: '/cometd/36.0' });
    expect(old.body[0]?.error).toBe(
      "400::Unsupported API version. Only API versions '37.0' and later are supported. URI format: '/cometd/62.0'",
    );
  });

  it('stops delivery after unsubscribe and forgets the client after disconnect', async () => {
    const clientId = await handshake();
    await connect(clientId);
    await post([
      { channel: '/meta/subscribe', clientId, subscription: '/data/Campaign_Step__ChangeEvent', id: '3' },
    ]);
    const unsubscribed = await post([
      { channel: '/meta/unsubscribe', clientId, subscription: '/data/Campaign_Step__ChangeEvent', id: '4' },
    ]);
    expect(unsubscribed.body).toEqual([
      {
        clientId,
        channel: '/meta/unsubscribe',
        id: '4',
        subscription: '/data/Campaign_Step__ChangeEvent',
        successful: true,
      },
    ]);
    org.commit({
      entityName: 'Campaign_Step__c',
      changeType: 'CREATE',
      records: { a01000000000001AAA: stepRecord('a01000000000001AAA') },
    });
    const polled = await connect(clientId, '5');
    expect(polled.body).toEqual([{ clientId, channel: '/meta/connect', id: '5', successful: true }]);

    const disconnected = await post([{ channel: '/meta/disconnect', clientId, id: '6' }]);
    expect(disconnected.body).toEqual([{ clientId, channel: '/meta/disconnect', id: '6', successful: true }]);
    expect(org.streaming.clientCount()).toBe(0);
  });
});
