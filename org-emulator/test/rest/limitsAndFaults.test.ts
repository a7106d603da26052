// API accounting (Sforce-Limit-Info, /limits, per-route and per-client counts), injected faults
// as a client sees them, platform event publish, emailSimple capture and the control endpoints.
import type { Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgEmulator, PublishedEvent } from '../../src/index.ts';
import { api, login, rawToken, startTestOrg } from './harness.ts';

let org: OrgEmulator;
let conn: Connection;
let token: string;

beforeAll(async () => {
  org = await startTestOrg({ dailyApiLimit: 1000 });
  conn = await login(org, { callOptions: { client: 'conformance' } });
  token = await rawToken(org);
});
afterAll(() => org.stop());

describe('API limits', () => {
  it('sends Sforce-Limit-Info with a daily counter and answers /limits', async () => {
    const first = await api(org, token, 'GET', '/limits');
    const used = Number(/api-usage=(\d+)\/1000/.exec(first.headers.get('sforce-limit-info') ?? '')?.[1]);
    expect(first.body.DailyApiRequests.Max).toBe(1000);
    const second = await api(org, token, 'GET', '/sobjects');
    expect(second.headers.get('sforce-limit-info')).toBe(`api-usage=${used + 1}/1000`);
    await conn.query('SELECT Id FROM User');
    expect(conn.limitInfo.apiUsage?.limit).toBe(1000);
  });

  it('counts calls per route and per client name', async () => {
    org.inspect.resetApiCalls();
    await conn.query('SELECT Id FROM User');
    await conn.sobject('Contact').create({ LastName: 'Counted' });
    await api(org, token, 'GET', '/sobjects');
    const calls = org.inspect.apiCalls();
    expect(calls.byClient).toEqual({ conformance: 2, '(none)': 1 });
    expect(calls.byClientAndRoute.conformance).toEqual({ 'GET query': 1, 'POST sobjects/:sobject': 1 });
    const overHttp = await (await fetch(`${org.url}/__emulator/api-calls`)).json();
    expect(overHttp.byRoute['GET sobjects']).toBe(1);
    await new Promise((r) => setTimeout(r, 20));
    expect(org.inspect.recentApiCalls().map((c) => [c.route, c.client, c.status])).toEqual([
      ['GET query', 'conformance', 200],
      ['POST sobjects/:sobject', 'conformance', 201],
      ['GET sobjects', '', 200],
    ]);
  });

  it('answers REQUEST_LIMIT_EXCEEDED once the daily allowance is spent', async () => {
    org.faults.exhaustDailyApiLimit();
    const res = await api(org, token, 'GET', '/sobjects');
    expect(res.status).toBe(403);
    expect(res.body).toEqual([
      { message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' },
    ]);
    await expect(conn.query('SELECT Id FROM User')).rejects.toMatchObject({
      errorCode: 'REQUEST_LIMIT_EXCEEDED',
    });
    org.faults.setDailyApiLimit(1000, 0);
    expect((await api(org, token, 'GET', '/sobjects')).status).toBe(200);
  });
});

describe('faults', () => {
  it('UNABLE_TO_LOCK_ROW on the next call of a route', async () => {
    org.faults.add({ route: 'POST composite/sobjects', kind: 'UNABLE_TO_LOCK_ROW', times: 1 });
    const res = await api(org, token, 'POST', '/composite/sobjects', {
      records: [{ attributes: { type: 'Contact' }, LastName: 'L' }],
    });
    expect(res.status).toBe(400);
    expect(res.body[0].errorCode).toBe('UNABLE_TO_LOCK_ROW');
    const retry = await api(org, token, 'POST', '/composite/sobjects', {
      records: [{ attributes: { type: 'Contact' }, LastName: 'L' }],
    });
    expect(retry.status).toBe(200);
  });

  it('per-record UNABLE_TO_LOCK_ROW inside a composite of collections', async () => {
    org.faults.add({ route: 'POST composite', kind: 'UNABLE_TO_LOCK_ROW', perRecord: true, times: 1 });
    const body = {
      allOrNone: false,
      compositeRequest: [
        {
          method: 'POST',
          url: '/services/data/v62.0/composite/sobjects',
          referenceId: 'Batch',
          body: {
            allOrNone: false,
            records: [
              { attributes: { type: 'Contact' }, LastName: 'A' },
              { attributes: { type: 'Contact' }, LastName: 'B' },
            ],
          },
        },
      ],
    };
    const res = await api(org, token, 'POST', '/composite', body);
    expect(res.status).toBe(200);
    const sub = res.body.compositeResponse[0];
    expect(sub.httpStatusCode).toBe(200);
    expect(sub.body).toEqual([
      {
        success: false,
        errors: [
          {
            statusCode: 'UNABLE_TO_LOCK_ROW',
            message: 'unable to obtain exclusive access to this record or 1 records',
            fields: [],
          },
        ],
      },
      {
        success: false,
        errors: [
          {
            statusCode: 'UNABLE_TO_LOCK_ROW',
            message: 'unable to obtain exclusive access to this record or 1 records',
            fields: [],
          },
        ],
      },
    ]);
    const retry = await api(org, token, 'POST', '/composite', body);
    expect(retry.body.compositeResponse[0].body.every((r: { success: boolean }) => r.success)).toBe(true);
  });

  it('5xx answers and added latency', async () => {
    org.faults.add({ route: 'query', kind: 'SERVER_ERROR', status: 503, times: 1 });
    expect((await api(org, token, 'GET', '/query?q=SELECT+Id+FROM+User')).status).toBe(503);
    org.faults.add({ route: 'query', kind: 'LATENCY', latencyMs: 150, times: 1 });
    const started = Date.now();
    expect((await api(org, token, 'GET', '/query?q=SELECT+Id+FROM+User')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('an error rate per route fails roughly that share of calls', async () => {
    const fault = org.faults.add({ route: 'sobjects/Account', kind: 'SERVER_ERROR', status: 500, rate: 0.5 });
    let failed = 0;
    for (let i = 0; i < 40; i++)
      if ((await api(org, token, 'GET', '/sobjects/Account/describe')).status === 500) failed += 1;
    org.faults.remove(fault.id);
    expect(failed).toBeGreaterThan(5);
    expect(failed).toBeLessThan(35);
  });

  it('revoked tokens answer INVALID_SESSION_ID', async () => {
    const other = await rawToken(org);
    const res = await fetch(`${org.url}/__emulator/tokens/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: other }),
    });
    expect(await res.json()).toEqual({ revoked: 1 });
    expect((await api(org, other, 'GET', '/sobjects')).status).toBe(401);
  });
});

describe('platform events and emailSimple', () => {
  it('publishes a platform event: success with OPERATION_ENQUEUED, delivered on the feed', async () => {
    const events: PublishedEvent[] = [];
    const stop = org.feed.onEvent((e) => events.push(e));
    const res = await api(org, token, 'POST', '/sobjects/Campaign_Activity__e', {
      Kind__c: 'Sent',
      Enrollment_Id__c: 'a0X',
    });
    stop();
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^e0/),
      success: true,
      errors: [
        { statusCode: 'OPERATION_ENQUEUED', message: expect.stringMatching(/^[0-9a-f-]{36}$/), fields: [] },
      ],
    });
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({ Kind__c: 'Sent', Enrollment_Id__c: 'a0X' });
    const missing = await api(org, token, 'POST', '/sobjects/Campaign_Activity__e', {
      Enrollment_Id__c: 'x',
    });
    expect(missing.body[0].errorCode).toBe('REQUIRED_FIELD_MISSING');
  });

  it('captures emailSimple calls for inspection', async () => {
    const res = await api(org, token, 'POST', '/actions/standard/emailSimple', {
      inputs: [
        {
          emailAddresses: 'ada@example.com',
          emailSubject: 'Hello',
          emailBody: '<p>Hi</p>',
          senderType: 'CurrentUser',
        },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      { actionName: 'emailSimple', errors: null, isSuccess: true, outputValues: null, version: 1 },
    ]);
    expect(org.inspect.emails()).toEqual([
      expect.objectContaining({
        emailAddresses: ['ada@example.com'],
        emailSubject: 'Hello',
        emailBody: '<p>Hi</p>',
      }),
    ]);
    const bad = await api(org, token, 'POST', '/actions/standard/emailSimple', {
      inputs: [{ emailSubject: 'x' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body[0].isSuccess).toBe(false);
  });
});

describe('control endpoints', () => {
  it('advances the clock and lists records', async () => {
    const before = org.clock.now();
    const res = await fetch(`${org.url}/__emulator/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advance: '2h' }),
    });
    const body = await res.json();
    expect(body.epochMs - before).toBeGreaterThanOrEqual(2 * 3_600_000);
    const users = await (await fetch(`${org.url}/__emulator/records/User`)).json();
    expect(users.map((u: { Username: string }) => u.Username)).toContain(org.username);
  });
});
