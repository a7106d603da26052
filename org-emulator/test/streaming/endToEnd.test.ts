// The whole org: records written over REST by jsforce reach jsforce's streaming client and the
// official CometD client as change events, and every streaming fault the control endpoints
// trigger reaches those clients the way Salesforce delivers it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import jsforce, { type Connection } from 'jsforce';
import { startOrgEmulator, type OrgEmulator } from '../../src/index.ts';
import {
  cometdClient,
  jsforceClient,
  waitFor,
  type CometdStreamingClient,
  type JsforceStreamingClient,
  type StreamedEvent,
} from './clients.ts';

const STEP_CHANNEL = '/data/Campaign_Step__ChangeEvent';
const CUSTOM_CHANNEL = '/data/Sales_Campaigns__chn';
const CLIENT_NAME = 'sales-campaigns-sync';

let org: OrgEmulator;
let conn: Connection;
const jsforceClients: JsforceStreamingClient[] = [];
const cometdClients: CometdStreamingClient[] = [];

async function login(): Promise<Connection> {
  const connection = new jsforce.Connection({
    oauth2: { loginUrl: org.url, clientId: org.clientId, clientSecret: org.clientSecret },
    loginUrl: org.url,
    version: org.apiVersion,
    callOptions: { client: CLIENT_NAME },
  });
  await connection.login(org.username, org.password);
  return connection;
}

async function subscribed(channel: string, replayId = -1, connection = conn) {
  const client = jsforceClient({ url: org.url, token: String(connection.accessToken), channel, replayId });
  jsforceClients.push(client);
  await client.subscribe();
  return client;
}

async function control(path: string, body: unknown = {}) {
  const response = await fetch(`${org.url}/__emulator${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return response.json();
}

async function createCampaignWithSteps(name: string) {
  const campaign = await conn.sobject('Sales_Campaign__c').create({ Name: name, Status__c: 'Draft' });
  if (!campaign.success) throw new Error(`create Sales_Campaign__c ${name} failed`);
  const steps = await conn.sobject('Campaign_Step__c').create([
    { Campaign__c: campaign.id, Day__c: 1, Order__c: 1, Type__c: 'Call' },
    { Campaign__c: campaign.id, Day__c: 2, Order__c: 1, Type__c: 'Call' },
  ]);
  return { campaignId: campaign.id, stepIds: steps.map((step) => (step.success ? step.id : '')) };
}

const header = (event: StreamedEvent | undefined) => event?.payload.ChangeEventHeader;

beforeAll(async () => {
  org = await startOrgEmulator({
    clock: { start: '2026-11-30T09:00:00Z', factor: 1 },
    streamingLongPollMs: 300,
  });
  conn = await login();
});
afterEach(async () => {
  for (const client of jsforceClients.splice(0)) client.disconnect();
  await Promise.all(cometdClients.splice(0).map((client) => client.stop()));
});
afterAll(() => org.stop());

describe('streaming through the whole emulator', () => {
  it('delivers change events for records created, updated and deleted over REST', async () => {
    const onSteps = await subscribed(STEP_CHANNEL);
    const onCustom = await subscribed(CUSTOM_CHANNEL);
    const viaCometd = cometdClient({ url: org.url, token: String(conn.accessToken) });
    cometdClients.push(viaCometd);
    await viaCometd.start(CUSTOM_CHANNEL, -1);

    const { campaignId, stepIds } = await createCampaignWithSteps('Spring outreach');
    await conn.sobject('Campaign_Step__c').update({ Id: stepIds[0] ?? '', Subject__c: 'Quick call' });
    await conn.sobject('Campaign_Step__c').destroy(stepIds[1] ?? '');

    await waitFor(() => onSteps.events.length >= 4, 'four step events');
    expect(onSteps.events.map((event) => [header(event)?.changeType, header(event)?.recordIds])).toEqual([
      ['CREATE', [stepIds[0]]],
      ['CREATE', [stepIds[1]]],
      ['UPDATE', [stepIds[0]]],
      ['DELETE', [stepIds[1]]],
    ]);
    const [created, , updated, deleted] = onSteps.events;
    expect(created?.payload).toMatchObject({
      ChangeEventHeader: {
        entityName: 'Campaign_Step__c',
        changeOrigin: `com/salesforce/api/rest/62.0;client=${CLIENT_NAME}`,
        commitUser: org.integrationUserId,
        sequenceNumber: 1,
        changedFields: [],
      },
      Campaign__c: campaignId,
      Type__c: 'Call',
      CreatedDate: expect.stringMatching(/^2026-11-30T09:\d{2}:\d{2}(\.\d{1,3})?Z$/),
    });
    expect(created?.payload).not.toHaveProperty('Subject__c');
    expect(header(updated)?.changedFields).toEqual(
      expect.arrayContaining(['Subject__c', 'LastModifiedDate']),
    );
    expect(updated?.payload.Subject__c).toBe('Quick call');
    expect(Object.keys(deleted?.payload ?? {})).toEqual(['ChangeEventHeader']);

    // The custom channel carries the campaign and the steps; both clients see the same events.
    await waitFor(
      () => onCustom.events.length >= 5 && viaCometd.events.length >= 5,
      'five events on the custom channel',
    );
    expect(onCustom.events.map((event) => header(event)?.entityName)).toEqual([
      'Sales_Campaign__c',
      'Campaign_Step__c',
      'Campaign_Step__c',
      'Campaign_Step__c',
      'Campaign_Step__c',
    ]);
    expect(viaCometd.events.map((message) => message.data)).toEqual(onCustom.events);
  });

  it('delivers a platform event published over REST with its EventUuid', async () => {
    const client = await subscribed('/event/Campaign_Activity__e');
    const response = await fetch(
      `${org.url}/services/data/v${org.apiVersion}/sobjects/Campaign_Activity__e`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${conn.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ Kind__c: 'Sent', Enrollment_Id__c: 'a02000000000001AAA' }),
      },
    );
    const result = (await response.json()) as { errors: Array<{ statusCode: string; message: string }> };
    const [event] = await waitFor(() => client.events.length > 0 && client.events, 'the platform event');
    expect(event?.payload).toMatchObject({
      Kind__c: 'Sent',
      Enrollment_Id__c: 'a02000000000001AAA',
      CreatedById: org.integrationUserId,
    });
    expect(event?.event.EventUuid).toBe(result.errors[0]?.message);
  });

  it('after a restart, clients re-handshake and a new subscriber replays everything from -2', async () => {
    const connected = await subscribed(CUSTOM_CHANNEL);
    await createCampaignWithSteps('Before restart');
    await waitFor(() => connected.events.length >= 2, 'events before the restart');
    const lastSeen = connected.events.at(-1)?.event.replayId ?? 0;

    await control('/streaming/restart');
    await createCampaignWithSteps('During restart');
    await waitFor(() => connected.events.length >= 6, 'the events committed during the restart');
    expect(connected.incoming).toContainEqual(
      expect.objectContaining({ channel: '/meta/connect', error: '403::Unknown client' }),
    );
    expect(connected.events.slice(3).map((event) => event.event.replayId)).toEqual([
      lastSeen + 1,
      lastSeen + 2,
      lastSeen + 3,
    ]);

    const fromStart = await subscribed(CUSTOM_CHANNEL, -2);
    await waitFor(() => fromStart.events.length >= connected.events.length, 'all retained events');
    expect(fromStart.events.map((event) => event.event.replayId).slice(-6)).toEqual(
      connected.events.map((event) => event.event.replayId).slice(-6),
    );
  });

  it('drop-clients: jsforce and CometD clients get 403::Unknown client and carry on after a re-handshake', async () => {
    const viaJsforce = await subscribed(STEP_CHANNEL);
    const viaCometd = cometdClient({ url: org.url, token: String(conn.accessToken) });
    cometdClients.push(viaCometd);
    await viaCometd.start(STEP_CHANNEL, -1);
    const dropped = (await control('/streaming/drop-clients')) as { clients: number };
    expect(dropped.clients).toBe(0);

    // Both clients learn they are unknown on their next connect and subscribe again. (They had
    // seen no event, so they resubscribe from -1: what is committed before that is not theirs.)
    const resubscribed = (incoming: Array<{ channel: string; successful?: unknown }>) =>
      incoming.filter((message) => message.channel === '/meta/subscribe' && message.successful).length === 2;
    await waitFor(
      () => resubscribed(viaJsforce.incoming) && resubscribed(viaCometd.incoming),
      'the re-subscriptions',
    );
    for (const incoming of [viaJsforce.incoming, viaCometd.incoming]) {
      expect(incoming).toContainEqual(
        expect.objectContaining({
          error: '403::Unknown client',
          advice: { interval: 0, reconnect: 'handshake' },
        }),
      );
    }
    await createCampaignWithSteps('After drop');
    await waitFor(
      () => viaJsforce.events.length === 2 && viaCometd.events.length === 2,
      'events after the re-handshake',
    );
    expect(org.streaming.clientCount()).toBe(2);
  });

  it('refuses an invalid replay id and one older than retention after the clock passes 72 hours', async () => {
    const client = await subscribed(CUSTOM_CHANNEL);
    await createCampaignWithSteps('Soon expired');
    await waitFor(() => client.events.length >= 3, 'events to remember');
    const stored = client.events[0]?.event.replayId ?? 0;
    client.disconnect();

    const invalid = jsforceClient({
      url: org.url,
      token: String(conn.accessToken),
      channel: CUSTOM_CHANNEL,
      replayId: 987_654,
    });
    jsforceClients.push(invalid);
    await expect(invalid.subscribe()).rejects.toMatchObject({
      message:
        '400::The replayId {987654} you provided was invalid.  Please provide a valid ID, -2 to replay all events, or -1 to replay only new events.',
    });

    await control('/clock', { advance: '73h' });
    const fresh = await login(); // the old access token expired with the clock jump
    const expired = jsforceClient({
      url: org.url,
      token: String(fresh.accessToken),
      channel: CUSTOM_CHANNEL,
      replayId: stored,
    });
    jsforceClients.push(expired);
    await expect(expired.subscribe()).rejects.toMatchObject({
      message: `400::The replayId {${stored}} you provided was invalid.  Please provide a valid ID, -2 to replay all events, or -1 to replay only new events.`,
    });
    const all = await subscribed(CUSTOM_CHANNEL, -2, fresh);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(all.events).toEqual([]);
    conn = fresh;
  });

  it('a revoked token ends the stream with 401::Authentication invalid and reconnect none', async () => {
    const session = await login();
    const client = await subscribed(STEP_CHANNEL, -1, session);
    await control('/tokens/revoke', { token: session.accessToken });
    const [failure] = await waitFor(
      () => client.authFailures.length > 0 && client.authFailures,
      'the AuthFailure callback',
    );
    expect(failure).toMatchObject({
      channel: '/meta/connect',
      error: '401::Authentication invalid',
      advice: { reconnect: 'none' },
    });
  });
});
