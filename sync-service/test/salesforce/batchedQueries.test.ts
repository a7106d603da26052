// Concurrent SOQL reads sent together in Composite calls, against the org emulator over HTTP: the
// API calls they cost (the emulator's per-client counts), the records they answer (the same as
// plain queries), paging, one bad query among good ones, and a Composite call that fails.
import type { Connection } from 'jsforce';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { QueryBatcher } from '../../src/salesforce/batchedQueries.ts';
import { connectOrg, type OrgSession } from '../../src/salesforce/orgConnection.ts';
import { queryAll } from '../../src/salesforce/queryAll.ts';
import { soqlList } from '../../src/salesforce/soql.ts';
import { quietLogger, startTestOrg, type TestOrg } from '../support/testOrg.ts';

const MANY = 2_100;

describe('batched queries', () => {
  let org: TestOrg;
  let session: OrgSession;
  let client: string;
  const logger = quietLogger();

  beforeAll(async () => {
    org = await startTestOrg({ start: '2026-04-30T10:00:00Z' });
    session = await connectOrg(org.orgConfig, logger);
    client = org.orgConfig.clientName;
    const contacts = Array.from({ length: MANY }, (_, i) => ({
      FirstName: `F${i % 7}`,
      LastName: `Page${String(i).padStart(4, '0')}`,
      Email: `page${i}@example.com`,
    }));
    await org.screen.sobject('Contact').create(contacts, { allowRecursive: true });
    await org.screen.sobject('Lead').create(
      Array.from({ length: 30 }, (_, i) => ({ LastName: `Lead${i}`, Company: `Co ${i % 3}` })),
      { allowRecursive: true },
    );
  });
  afterAll(async () => org?.stop());
  beforeEach(() => {
    org.emulator.faults.clear();
    org.emulator.inspect.resetApiCalls();
  });

  const batcher = (connection: Connection = session.connection) =>
    new QueryBatcher({ connection, apiVersion: session.apiVersion, clock: org.clock, logger });
  const plain = <T>(soql: string) =>
    queryAll<T>(session.connection, session.apiVersion, soql, { clock: org.clock, logger });
  /** The service's calls since the last reset, by route (`POST composite`, `GET query`, …). */
  const calls = () => org.emulator.inspect.apiCalls().byClientAndRoute[client] ?? {};
  const byLastName = (i: number) =>
    `SELECT Id, FirstName, LastName, Email FROM Contact WHERE LastName = 'Page${String(i).padStart(4, '0')}'`;

  it('sends 12 queries started together as 3 Composite calls', async () => {
    const queries = batcher();
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => queries.query(byLastName(i))));
    expect(calls()).toEqual({ 'POST composite': 3 });
    expect(results.map((rows) => (rows as Array<{ LastName: string }>).map((r) => r.LastName))).toEqual(
      Array.from({ length: 12 }, (_, i) => [`Page${String(i).padStart(4, '0')}`]),
    );
  });

  it('sends a query started alone as the plain GET it always was', async () => {
    const rows = await batcher().query(byLastName(3));
    expect(rows).toHaveLength(1);
    expect(calls()).toEqual({ 'GET query': 1 });
  });

  it('sends a sixth query, left alone after a Composite call of five, as a plain GET', async () => {
    const queries = batcher();
    await Promise.all(Array.from({ length: 6 }, (_, i) => queries.query(byLastName(i))));
    expect(calls()).toEqual({ 'POST composite': 1, 'GET query': 1 });
  });

  it('answers exactly what the same queries answer sent one by one', async () => {
    const soqls = [
      byLastName(7),
      `SELECT Id, LastName FROM Contact WHERE FirstName = 'F3' ORDER BY LastName LIMIT 50`,
      `SELECT Company, COUNT(Id) n FROM Lead GROUP BY Company ORDER BY Company`,
      `SELECT Id, Name FROM Lead WHERE Id IN ${soqlList(['00Q000000000000AAA'])}`,
      `SELECT Id, Name, TimeZoneSidKey FROM User ORDER BY Name`,
      `SELECT Id, Email FROM Contact WHERE LastName LIKE 'Page00%' ORDER BY LastName`,
    ];
    const queries = batcher();
    const together = await Promise.all(soqls.map((soql) => queries.query(soql)));
    expect(together.map((rows) => rows.length)).toEqual([1, 50, 3, 0, expect.any(Number), 100]);
    for (const [i, soql] of soqls.entries()) expect(together[i], soql).toEqual(await plain(soql));
    for (const rows of together)
      for (const row of rows as Array<Record<string, unknown>>) expect(row).not.toHaveProperty('attributes');
  });

  it('pages through queries of more than 2,000 rows answered inside a Composite call', async () => {
    const queries = batcher();
    const [first, second, small] = (await Promise.all([
      queries.query(`SELECT Id, LastName FROM Contact WHERE LastName LIKE 'Page%' ORDER BY LastName`),
      queries.query(`SELECT Id FROM Contact WHERE Email LIKE 'page%'`),
      queries.query(byLastName(1)),
    ])) as Array<Array<{ Id: string; LastName?: string }>>;
    expect(first).toHaveLength(MANY);
    expect(new Set(first!.map((r) => r.Id)).size).toBe(MANY);
    expect(first![MANY - 1]!.LastName).toBe(`Page${MANY - 1}`);
    expect(second).toHaveLength(MANY);
    expect(small).toHaveLength(1);
    // The two follow-up pages were asked for in the same turn: one more Composite call.
    expect(calls()).toEqual({ 'POST composite': 2 });
  });

  it('follows a lone follow-up page with a plain GET', async () => {
    const queries = batcher();
    const [all] = await Promise.all([
      queries.query(`SELECT Id FROM Contact WHERE LastName LIKE 'Page%'`),
      queries.query(byLastName(2)),
    ]);
    expect(all).toHaveLength(MANY);
    expect(calls()).toEqual({ 'POST composite': 1, 'GET query/:locator': 1 });
  });

  it('rejects only the query with an unknown field, naming the code, the message and the query', async () => {
    const queries = batcher();
    const bad = `SELECT Id, No_Such_Field__c FROM Contact WHERE LastName = 'Page0001'`;
    const [before, failed, after] = await Promise.allSettled([
      queries.query(byLastName(1)),
      queries.query(bad),
      queries.query(byLastName(2)),
    ]);
    expect(before).toMatchObject({ status: 'fulfilled', value: [{ LastName: 'Page0001' }] });
    expect(after).toMatchObject({ status: 'fulfilled', value: [{ LastName: 'Page0002' }] });
    expect(failed.status).toBe('rejected');
    const error = (failed as PromiseRejectedResult).reason as Error & { errorCode: string };
    expect(error.errorCode).toBe('INVALID_FIELD');
    expect(error.message).toMatch(/^INVALID_FIELD: .*No_Such_Field__c/);
    expect(error.message).toContain(`(query: ${bad})`);
    // A lasting failure is not retried.
    expect(calls()).toEqual({ 'POST composite': 1 });

    // The same query alone (a plain GET) fails the same way.
    const alone = await batcher()
      .query(bad)
      .catch((e: unknown) => e as Error & { errorCode: string });
    expect(alone).toMatchObject({ errorCode: 'INVALID_FIELD', name: 'INVALID_FIELD' });
    expect((alone as Error).message).toContain(`(query: ${bad})`);
  });

  it('retries a Composite call the org answers with a 503', async () => {
    org.emulator.faults.add({ route: 'composite', kind: 'SERVER_ERROR', status: 503, times: 1 });
    const queries = batcher();
    const rows = await Promise.all([1, 2, 3].map((i) => queries.query(byLastName(i))));
    expect(rows.map((r) => r.length)).toEqual([1, 1, 1]);
    expect(org.emulator.faults.list()).toEqual([]);
    expect(calls()).toEqual({ 'POST composite': 2 });
  });

  it('retries a Composite call refused for the request limit, and one with an expired session', async () => {
    org.emulator.faults.add({ route: 'composite', kind: 'REQUEST_LIMIT_EXCEEDED', times: 1 });
    const queries = batcher();
    const first = await Promise.all([1, 2].map((i) => queries.query(byLastName(i))));
    expect(first.map((r) => r.length)).toEqual([1, 1]);

    org.emulator.faults.expireTokens();
    const second = await Promise.all([3, 4].map((i) => queries.query(byLastName(i))));
    expect(second.map((r) => r.length)).toEqual([1, 1]);
  });

  it('retries on its own a subrequest that failed for a passing reason', async () => {
    // The emulator cannot fail one subrequest of a Composite call, so this connection turns the
    // org's answer to the second subrequest into the 503 Salesforce sends when a pod is busy.
    let doctored = 0;
    const connection = new Proxy(session.connection, {
      get(target, key, receiver) {
        if (key !== 'request') return Reflect.get(target, key, receiver);
        return async (request: unknown) => {
          const answer = (await target.request(request as string)) as {
            compositeResponse?: Array<{ httpStatusCode: number; body: unknown }>;
          };
          const part = answer.compositeResponse?.[1];
          if (part && doctored++ === 0)
            Object.assign(part, {
              httpStatusCode: 503,
              body: [{ errorCode: 'SERVER_UNAVAILABLE', message: 'Server unavailable' }],
            });
          return answer;
        };
      },
    });
    const queries = batcher(connection);
    const rows = await Promise.all([1, 2, 3].map((i) => queries.query(byLastName(i))));
    expect(rows.map((r) => (r as Array<{ LastName: string }>)[0]!.LastName)).toEqual([
      'Page0001',
      'Page0002',
      'Page0003',
    ]);
    expect(calls()).toEqual({ 'POST composite': 1, 'GET query': 1 });
  });

  it('sends a query too long for a GET inside a Composite call, even alone', async () => {
    // 400 step keys (enrollment id:step id) make a URL of about 19 KB, over the 16 KB a GET may have.
    const keys = Array.from(
      { length: 400 },
      (_, i) => `a0B${String(i).padStart(15, '0')}:a0C000000000000AAA`,
    );
    const soql = `SELECT Id FROM Contact WHERE LastName IN ${soqlList([...keys, 'Page0005'])}`;
    const rows = await batcher().query(soql);
    expect(rows).toHaveLength(1);
    expect(calls()).toEqual({ 'POST composite': 1 });
    // Sent as a GET, the same query is refused.
    await expect(plain(soql)).rejects.toThrow(/header size/);
  });
});
