// SOQL filters that the emulator answers from its indexes (Id, lookups, unique and external id
// fields) answer exactly what a scan of every record answers: the same records, in the same
// order, with SOQL's comparison rules (ids in 15 or 18 characters, text ignoring case), deleted
// records only through queryAll, and index entries that follow updates and rollbacks.
import type { Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgEmulator } from '../../src/index.ts';
import { login, startTestOrg } from './harness.ts';

let org: OrgEmulator;
let conn: Connection;
let campaignId: string;
let stepIds: string[];
let enrollmentIds: string[];

/** Ids the query answers; `all` for queryAll (deleted records too). */
const ids = async (soql: string, all = false): Promise<string[]> =>
  (await conn.query<{ Id: string }>(soql, { scanAll: all })).records.map((r) => r.Id);
const list = (values: string[]) => `(${values.map((v) => `'${v}'`).join(', ')})`;
/** The same filter as a disjunction with a condition no record meets: no index can serve it. */
const scanned = (where: string) => `(${where}) OR Id = null`;

beforeAll(async () => {
  org = await startTestOrg();
  conn = await login(org);
  const campaign = await conn.sobject('Sales_Campaign__c').create({ Name: 'Indexed', Status__c: 'Active' });
  campaignId = campaign.id!;
  const steps = await conn.sobject('Campaign_Step__c').create(
    [1, 2, 3].map((day) => ({ Campaign__c: campaignId, Day__c: day, Order__c: 1, Type__c: 'Call' })),
    { allOrNone: true },
  );
  stepIds = steps.map((s) => s.id!);
  const contacts = await conn.sobject('Contact').create(
    Array.from({ length: 6 }, (_, i) => ({ LastName: `I${i}` })),
    { allOrNone: true },
  );
  const enrollments = await conn.sobject('Campaign_Enrollment__c').create(
    contacts.map((c) => ({
      Campaign__c: campaignId,
      Contact__c: c.id,
      Status__c: 'Active',
      Unique_Key__c: `Key-${c.id}`,
    })),
    { allOrNone: true },
  );
  enrollmentIds = enrollments.map((e) => e.id!);
  // Steps created enrollment by enrollment in reverse, so creation order differs from both the
  // enrollments' order and any order of the literals below.
  for (const enrollmentId of [...enrollmentIds].reverse()) {
    await conn.sobject('Enrollment_Step__c').create(
      stepIds.map((stepId, i) => ({
        Enrollment__c: enrollmentId,
        Step__c: stepId,
        Status__c: i === 0 ? 'Scheduled' : 'Pending',
        Step_Key__c: `${enrollmentId}:${stepId}`,
      })),
      { allOrNone: true },
    );
  }
});
afterAll(() => org.stop());

describe('SOQL answered from indexes', () => {
  it('finds records by Id in 15 or 18 characters, once each, in creation order', async () => {
    const [a, b, c] = enrollmentIds;
    const where = `Id IN ${list([c!, a!.slice(0, 15), c!, b!, 'not-an-id', stepIds[0]!])}`;
    const found = await ids(`SELECT Id FROM Campaign_Enrollment__c WHERE ${where}`);
    expect(found).toEqual([a, b, c]);
    expect(found).toEqual(await ids(`SELECT Id FROM Campaign_Enrollment__c WHERE ${scanned(where)}`));
    expect(await ids(`SELECT Id FROM Campaign_Enrollment__c WHERE Id = '${b!.slice(0, 15)}'`)).toEqual([b]);
  });

  it('finds children by a lookup in either id form, with the rest of the filter, order and limits applied', async () => {
    const parents = [enrollmentIds[4]!, enrollmentIds[1]!.slice(0, 15), enrollmentIds[2]!];
    for (const where of [
      `Enrollment__c IN ${list(parents)}`,
      `Enrollment__c IN ${list(parents)} AND Status__c = 'Pending'`,
      `Status__c != 'Scheduled' AND Enrollment__c = '${parents[1]}'`,
    ]) {
      const soql = (w: string) => `SELECT Id FROM Enrollment_Step__c WHERE ${w}`;
      const found = await ids(soql(where));
      expect(found.length).toBeGreaterThan(0);
      expect(found).toEqual(await ids(soql(scanned(where))));
    }
    const paged = `SELECT Id FROM Enrollment_Step__c WHERE Enrollment__c IN ${list(parents)}`;
    expect(await ids(`${paged} ORDER BY Step_Key__c DESC LIMIT 4 OFFSET 2`)).toEqual(
      (await ids(`${paged} ORDER BY Step_Key__c DESC`)).slice(2, 6),
    );
    const [firstStep] = await ids(paged);
    expect(firstStep).toBe((await ids(`${paged} LIMIT 1`))[0]);
  });

  it('finds records by unique and external id text ignoring case, case-sensitive fields included', async () => {
    const enrollment = await conn
      .sobject('Campaign_Enrollment__c')
      .retrieve(enrollmentIds[3]!)
      .then((r) => r as unknown as { Unique_Key__c: string });
    const byKey = await ids(
      `SELECT Id FROM Campaign_Enrollment__c WHERE Unique_Key__c IN ${list([enrollment.Unique_Key__c.toUpperCase(), 'none'])}`,
    );
    expect(byKey).toEqual([enrollmentIds[3]]);
    // Step_Key__c is unique and case-sensitive, but SOQL still compares text ignoring case.
    const key = `${enrollmentIds[0]}:${stepIds[1]}`;
    const byStepKey = await ids(
      `SELECT Id FROM Enrollment_Step__c WHERE Step_Key__c IN ${list([key.toLowerCase(), key])}`,
    );
    expect(byStepKey).toHaveLength(1);
  });

  it('follows updates, deletes and rolled-back writes', async () => {
    const [contact] = await conn.sobject('Contact').create([{ LastName: 'Mover' }], { allOrNone: true });
    const other = await conn.sobject('Sales_Campaign__c').create({ Name: 'Other', Status__c: 'Active' });
    const [moved] = await conn
      .sobject('Campaign_Enrollment__c')
      .create([{ Campaign__c: campaignId, Contact__c: contact!.id, Status__c: 'Active' }], {
        allOrNone: true,
      });
    const inCampaign = (id: string) =>
      ids(`SELECT Id FROM Campaign_Enrollment__c WHERE Campaign__c = '${id}'`);
    expect(await inCampaign(campaignId)).toContain(moved!.id);

    await conn.sobject('Campaign_Enrollment__c').update({ Id: moved!.id!, Campaign__c: other.id! });
    expect(await inCampaign(campaignId)).not.toContain(moved!.id);
    expect(await inCampaign(other.id!)).toEqual([moved!.id]);

    // allOrNone: the first record is written, the second fails, and the first is rolled back.
    const failed = await conn.sobject('Campaign_Enrollment__c').create(
      [
        { Campaign__c: other.id, Contact__c: contact!.id, Status__c: 'Active', Unique_Key__c: 'rolled-back' },
        { Campaign__c: other.id, Status__c: 'Active', Unique_Key__c: 'rolled-back' },
      ],
      { allOrNone: true },
    );
    expect(failed.every((r) => !r.success)).toBe(true);
    expect(await inCampaign(other.id!)).toEqual([moved!.id]);
    expect(await ids(`SELECT Id FROM Campaign_Enrollment__c WHERE Unique_Key__c = 'rolled-back'`)).toEqual(
      [],
    );

    await conn.sobject('Campaign_Enrollment__c').destroy(moved!.id!);
    expect(await inCampaign(other.id!)).toEqual([]);
    expect(await ids(`SELECT Id FROM Campaign_Enrollment__c WHERE Id = '${moved!.id}'`)).toEqual([]);
    expect(
      await ids(`SELECT Id FROM Campaign_Enrollment__c WHERE Campaign__c = '${other.id}'`, true),
    ).toEqual([moved!.id]);
  });

  it('cascades a delete to the children its lookup index finds', async () => {
    const target = enrollmentIds[5]!;
    const children = await ids(`SELECT Id FROM Enrollment_Step__c WHERE Enrollment__c = '${target}'`);
    expect(children).toHaveLength(3);
    await conn.sobject('Campaign_Enrollment__c').destroy(target);
    expect(await ids(`SELECT Id FROM Enrollment_Step__c WHERE Enrollment__c = '${target}'`)).toEqual([]);
    expect(await ids(`SELECT Id FROM Enrollment_Step__c WHERE Enrollment__c = '${target}'`, true)).toEqual(
      children,
    );
    const parent = await conn.query<any>(
      `SELECT Id, (SELECT Id FROM Enrollment_Steps__r) FROM Campaign_Enrollment__c WHERE Id = '${enrollmentIds[0]}'`,
    );
    expect(parent.records[0].Enrollment_Steps__r.records.map((r: { Id: string }) => r.Id)).toEqual(
      await ids(`SELECT Id FROM Enrollment_Step__c WHERE Enrollment__c = '${enrollmentIds[0]}'`),
    );
  });
});
