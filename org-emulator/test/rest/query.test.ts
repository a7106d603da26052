// SOQL through jsforce and raw HTTP: relationships, subqueries, filters, ordering, paging, and
// MALFORMED_QUERY for whatever the emulator cannot answer exactly.
import type { Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgEmulator } from '../../src/index.ts';
import { api, login, rawToken, startTestOrg } from './harness.ts';

let org: OrgEmulator;
let conn: Connection;
let token: string;
let campaignId: string;
let contactIds: string[];

beforeAll(async () => {
  org = await startTestOrg();
  conn = await login(org);
  token = await rawToken(org);
  const account = await conn.sobject('Account').create({ Name: 'Acme' });
  const rows = Array.from({ length: 450 }, (_, i) => ({
    FirstName: `P${i}`,
    LastName: `Person ${String(i).padStart(3, '0')}`,
    Email: `p${i}@example.com`,
    AccountId: i % 2 === 0 ? account.id! : null,
    HasOptedOutOfEmail: i % 10 === 0,
  }));
  const contacts = [];
  for (let i = 0; i < rows.length; i += 150)
    contacts.push(...(await conn.sobject('Contact').create(rows.slice(i, i + 150), { allOrNone: true })));
  contactIds = contacts.map((c) => c.id!);
  const campaign = await conn.sobject('Sales_Campaign__c').create({ Name: 'Q', Status__c: 'Active' });
  campaignId = campaign.id!;
  await conn.sobject('Campaign_Step__c').create([
    {
      Campaign__c: campaignId,
      Day__c: 1,
      Order__c: 1,
      Type__c: 'Email',
      Send_Option__c: 'At_Time',
      Send_Time__c: '08:30',
      Subject__c: 'Hi',
    },
    { Campaign__c: campaignId, Day__c: 2, Order__c: 1, Type__c: 'Call' },
  ]);
  await conn.sobject('Campaign_Enrollment__c').create({
    Campaign__c: campaignId,
    Contact__c: contactIds[0],
    Status__c: 'Active',
    Launched_At__c: '2026-05-04T07:00:00Z',
  });
  await conn
    .sobject('Campaign_Enrollment__c')
    .create({ Campaign__c: campaignId, Contact__c: contactIds[2], Status__c: 'Paused' });
});
afterAll(() => org.stop());

const q = async (soql: string, headers: Record<string, string> = {}) =>
  api(org, token, 'GET', `/query?q=${encodeURIComponent(soql)}`, undefined, headers);

describe('SOQL', () => {
  it('follows parent relationships two levels deep, with null parents as null', async () => {
    const res = await q(
      `SELECT Id, Status__c, Contact__r.Email, Contact__r.Account.Name, Owner.Email, Lead__r.Email FROM Campaign_Enrollment__c ORDER BY Status__c`,
    );
    expect(res.status).toBe(200);
    const [active] = res.body.records;
    expect(active.Contact__r.Email).toBe('p0@example.com');
    expect(active.Contact__r.Account.Name).toBe('Acme');
    expect(active.Contact__r.attributes.type).toBe('Contact');
    expect(active.Owner.Email).toBe('integration@sales-campaigns.example');
    expect(active.Lead__r).toBeNull();
  });

  it('answers child subqueries as nested query results, null when empty', async () => {
    const res = await conn.query<any>(
      `SELECT Name, (SELECT Day__c, Send_Time__c FROM Steps__r ORDER BY Day__c DESC), (SELECT Id FROM Enrollments__r WHERE Status__c = 'Paused') FROM Sales_Campaign__c`,
    );
    const campaign = res.records[0];
    expect(campaign.Steps__r.totalSize).toBe(2);
    expect(campaign.Steps__r.records.map((r: any) => r.Day__c)).toEqual([2, 1]);
    expect(campaign.Steps__r.records[1].Send_Time__c).toBe('08:30:00.000Z');
    expect(campaign.Enrollments__r.totalSize).toBe(1);
    const empty = await conn.query<any>(
      `SELECT Id, (SELECT Id FROM Tasks) FROM Contact WHERE Id = '${contactIds[0]}'`,
    );
    expect(empty.records[0].Tasks).toBeNull();
  });

  it('filters with AND/OR/NOT, IN, LIKE, comparisons and null checks', async () => {
    const count = async (where: string) =>
      (await conn.query(`SELECT Id FROM Contact WHERE ${where}`)).totalSize;
    expect(await count(`HasOptedOutOfEmail = true`)).toBe(45);
    expect(await count(`HasOptedOutOfEmail = true AND AccountId != null`)).toBe(45);
    expect(await count(`AccountId = null`)).toBe(225);
    expect(await count(`LastName LIKE 'person 00%'`)).toBe(10);
    expect(await count(`Email IN ('p1@example.com', 'P2@EXAMPLE.COM')`)).toBe(2);
    expect(await count(`NOT (LastName LIKE 'Person 0%' OR LastName LIKE 'Person 1%')`)).toBe(250);
    expect(
      await count(`(LastName < 'Person 010' AND HasOptedOutOfEmail = false) OR Email = 'p449@example.com'`),
    ).toBe(10);
    expect(await count(`Id IN (SELECT Contact__c FROM Campaign_Enrollment__c)`)).toBe(2);
    expect(await count(`Account.Name = 'Acme'`)).toBe(225);
    expect(await count(`Id = '${contactIds[3]!.slice(0, 15)}'`)).toBe(1);
  });

  it('compares dates, datetimes and relative date literals on the emulator clock', async () => {
    const count = async (where: string) =>
      (await conn.query(`SELECT Id FROM Campaign_Enrollment__c WHERE ${where}`)).totalSize;
    expect(await count(`Launched_At__c = TODAY`)).toBe(1);
    expect(await count(`Launched_At__c > 2026-05-04T06:59:59Z`)).toBe(1);
    expect(await count(`Launched_At__c < 2026-05-04T07:00:00.000+0000`)).toBe(0);
    expect(await count(`CreatedDate = LAST_N_DAYS:1`)).toBe(2);
    expect(await count(`CreatedDate < YESTERDAY`)).toBe(0);
    const bad = await q(`SELECT Id FROM Campaign_Enrollment__c WHERE Launched_At__c > '2026-05-04'`);
    expect(bad.body[0].errorCode).toBe('INVALID_FIELD');
  });

  it('filters Time fields with unquoted time literals, and refuses quoted ones', async () => {
    const hit = await conn.query(`SELECT Id FROM Campaign_Step__c WHERE Send_Time__c = 08:30:00.000Z`);
    expect(hit.totalSize).toBe(1);
    expect(
      (await conn.query(`SELECT Id FROM Campaign_Step__c WHERE Send_Time__c > 08:30:00Z`)).totalSize,
    ).toBe(0);
    const quoted = await q(`SELECT Id FROM Campaign_Step__c WHERE Send_Time__c = '08:30:00.000Z'`);
    expect(quoted.body[0].errorCode).toBe('INVALID_FIELD');
    const inText = await q(`SELECT Id FROM Campaign_Step__c WHERE Subject__c = '08:30:00.000Z'`);
    expect(inText.body.totalSize).toBe(0);
  });

  it('orders, limits and offsets; COUNT() answers totalSize only; aggregates', async () => {
    const res = await conn.query<any>(`SELECT LastName FROM Contact ORDER BY LastName DESC LIMIT 3 OFFSET 1`);
    expect(res.records.map((r: any) => r.LastName)).toEqual(['Person 448', 'Person 447', 'Person 446']);
    const count = await q(`SELECT COUNT() FROM Contact WHERE HasOptedOutOfEmail = false`);
    expect(count.body).toEqual({ totalSize: 405, done: true, records: [] });
    const grouped = await q(
      `SELECT Status__c, COUNT(Id) n FROM Campaign_Enrollment__c GROUP BY Status__c ORDER BY Status__c`,
    );
    expect(grouped.body.records).toEqual(
      expect.arrayContaining([{ attributes: { type: 'AggregateResult' }, Status__c: 'Active', n: 1 }]),
    );
  });

  it('pages with nextRecordsUrl, honouring Sforce-Query-Options batchSize', async () => {
    const first = await q(`SELECT Id FROM Contact`, { 'Sforce-Query-Options': 'batchSize=200' });
    expect(first.body.totalSize).toBe(450);
    expect(first.body.done).toBe(false);
    expect(first.body.records).toHaveLength(200);
    expect(first.body.nextRecordsUrl).toMatch(/^\/services\/data\/v62\.0\/query\/01g[\w]+-200$/);
    const second = await api(
      org,
      token,
      'GET',
      first.body.nextRecordsUrl.replace('/services/data/v62.0', ''),
    );
    expect(second.body.records).toHaveLength(200);
    const third = await api(
      org,
      token,
      'GET',
      second.body.nextRecordsUrl.replace('/services/data/v62.0', ''),
    );
    expect(third.body).toMatchObject({ done: true, totalSize: 450 });
    expect(third.body.records).toHaveLength(50);
    expect(third.body.nextRecordsUrl).toBeUndefined();
    const all = await conn.query('SELECT Id FROM Contact', { autoFetch: true, maxFetch: 10_000 });
    expect(all.records).toHaveLength(450);
    const defaultBatch = await q(`SELECT Id FROM Contact`);
    expect(defaultBatch.body.done).toBe(true);
  });

  it('refuses what it cannot answer exactly with MALFORMED_QUERY, unknown names with INVALID_FIELD / INVALID_TYPE', async () => {
    expect((await q(`SELECT Id FROM Contact WHERE`)).body[0].errorCode).toBe('MALFORMED_QUERY');
    expect(
      (await q(`SELECT Id FROM Contact WHERE CALENDAR_YEAR(CreatedDate) = 2026`)).body[0].errorCode,
    ).toBe('MALFORMED_QUERY');
    expect((await q(`SELECT Id, TYPEOF Who WHEN Contact THEN Email END FROM Task`)).body[0].errorCode).toBe(
      'MALFORMED_QUERY',
    );
    expect((await q(`SELECT Nope__c FROM Contact`)).body[0].errorCode).toBe('INVALID_FIELD');
    expect((await q(`SELECT Id FROM Nope__c`)).body[0].errorCode).toBe('INVALID_TYPE');
    expect((await q(`SELECT Id FROM Campaign_Activity__e`)).body[0].errorCode).toBe('INVALID_TYPE');
  });

  it('queries custom metadata records of the package', async () => {
    const res = await conn.query<any>(
      `SELECT DeveloperName, Default_Send_Time__c, Task_Expiry_Days__c FROM Campaign_Setting__mdt`,
    );
    expect(res.records[0]).toMatchObject({
      DeveloperName: 'Default',
      Default_Send_Time__c: '09:00',
      Task_Expiry_Days__c: 2,
    });
  });
});
