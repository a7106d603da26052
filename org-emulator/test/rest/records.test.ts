// Record CRUD through jsforce and the raw error shapes a real org answers with.
import type { Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgEmulator } from '../../src/index.ts';
import { api, login, rawToken, startTestOrg } from './harness.ts';

let org: OrgEmulator;
let conn: Connection;
let token: string;

beforeAll(async () => {
  org = await startTestOrg();
  conn = await login(org);
  token = await rawToken(org);
});
afterAll(() => org.stop());

async function newCampaign(name = 'Spring outreach'): Promise<string> {
  const result = await conn
    .sobject('Sales_Campaign__c')
    .create({ Name: name, Status__c: 'Draft', Default_Send_Time__c: '09:00' });
  if (!result.success || !result.id) throw new Error('create failed');
  return result.id;
}

describe('record CRUD', () => {
  it('creates, reads, updates and deletes with system fields and 18-character ids', async () => {
    const created = await conn
      .sobject('Contact')
      .create({ FirstName: 'Ada', LastName: 'Lovelace', Email: 'ada@example.com' });
    expect(created).toEqual({ id: expect.stringMatching(/^003[A-Za-z0-9]{15}$/), success: true, errors: [] });
    const contact = (await conn.sobject('Contact').retrieve(created.id!)) as Record<string, unknown>;
    expect(contact.Name).toBe('Ada Lovelace');
    expect(contact.OwnerId).toBe(org.integrationUserId);
    expect(contact.CreatedById).toBe(org.integrationUserId);
    expect(contact.CreatedDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/);
    expect(contact.HasOptedOutOfEmail).toBe(false);
    org.clock.advance(5_000);
    await conn.sobject('Contact').update({ Id: created.id!, HasOptedOutOfEmail: true });
    const updated = (await conn.sobject('Contact').retrieve(created.id!)) as Record<string, unknown>;
    expect(updated.HasOptedOutOfEmail).toBe(true);
    expect(String(updated.SystemModstamp) > String(contact.SystemModstamp)).toBe(true);
    await conn.sobject('Contact').destroy(created.id!);
    const gone = await api(org, token, 'GET', `/sobjects/Contact/${created.id!}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual([{ errorCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] }]);
  });

  it('serialises Time fields as HH:mm:ss.SSSZ and applies defaults', async () => {
    const id = await newCampaign();
    const raw = await api(
      org,
      token,
      'GET',
      `/sobjects/Sales_Campaign__c/${id}?fields=Default_Send_Time__c,Skip_Weekends__c,Task_Expiry_Days__c,OwnerId`,
    );
    expect(raw.body).toMatchObject({
      Default_Send_Time__c: '09:00:00.000Z',
      Skip_Weekends__c: true,
      Task_Expiry_Days__c: 2,
    });
    expect(Object.keys(raw.body)).toEqual([
      'attributes',
      'Default_Send_Time__c',
      'Skip_Weekends__c',
      'Task_Expiry_Days__c',
      'OwnerId',
    ]);
  });

  it('reads records by 15-character id too', async () => {
    const id = await newCampaign();
    const raw = await api(org, token, 'GET', `/sobjects/Sales_Campaign__c/${id.slice(0, 15)}?fields=Id`);
    expect(raw.body.Id).toBe(id);
  });

  it('auto-numbers name fields', async () => {
    const campaign = await newCampaign();
    const step = await conn
      .sobject('Campaign_Step__c')
      .create({ Campaign__c: campaign, Day__c: 1, Type__c: 'Call' });
    const record = (await conn.sobject('Campaign_Step__c').retrieve(step.id!)) as Record<string, unknown>;
    expect(record.Name).toMatch(/^STEP-\d{6}$/);
    expect(record.Order__c).toBe(1);
  });
});

describe('inspect handle', () => {
  it('counts the live records that meet a condition, as it lists them', async () => {
    const campaign = await newCampaign('Counted');
    const steps = await conn.sobject('Campaign_Step__c').create(
      [1, 2].map((day) => ({ Campaign__c: campaign, Day__c: day, Type__c: 'Call' })),
      { allOrNone: true },
    );
    const ofCampaign = (r: Readonly<Record<string, unknown>>) => r.Campaign__c === campaign;
    expect(org.inspect.count('Campaign_Step__c', ofCampaign)).toBe(2);
    await conn.sobject('Campaign_Step__c').destroy(steps[0]!.id!);
    expect(org.inspect.count('Campaign_Step__c', ofCampaign)).toBe(1);
    expect(org.inspect.count('campaign_step__c')).toBe(org.inspect.records('Campaign_Step__c').length);
    expect(() => org.inspect.count('Nope__c')).toThrow('No such object Nope__c');
  });
});

describe('error codes and shapes', () => {
  const post = (path: string, body: unknown) => api(org, token, 'POST', path, body);

  it('REQUIRED_FIELD_MISSING', async () => {
    const res = await post('/sobjects/Contact', { FirstName: 'No last name' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual([
      {
        message: 'Required fields are missing: [LastName]',
        errorCode: 'REQUIRED_FIELD_MISSING',
        fields: ['LastName'],
      },
    ]);
  });

  it('INVALID_FIELD for an unknown field', async () => {
    const res = await post('/sobjects/Contact', { LastName: 'X', Nope__c: 1 });
    expect(res.status).toBe(400);
    expect(res.body[0]).toMatchObject({
      errorCode: 'INVALID_FIELD',
      message: "No such column 'Nope__c' on sobject of type Contact",
    });
  });

  it('MALFORMED_ID for a bad reference and NOT_FOUND for an unknown record or object', async () => {
    const res = await post('/sobjects/Contact', { LastName: 'X', AccountId: 'not-an-id' });
    expect(res.body[0]).toMatchObject({ errorCode: 'MALFORMED_ID', fields: ['AccountId'] });
    const missing = await api(org, token, 'GET', '/sobjects/Contact/003Em0000009999IAA');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual([
      { errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' },
    ]);
    const noObject = await api(org, token, 'GET', '/sobjects/Nope__c/describe');
    expect(noObject.status).toBe(404);
    expect(noObject.body[0].errorCode).toBe('NOT_FOUND');
  });

  it('INVALID_CROSS_REFERENCE_KEY for a well-formed id of nothing', async () => {
    const res = await post('/sobjects/Campaign_Enrollment__c', {
      Campaign__c: 'a0DEm0000000zzzMAA',
      Contact__c: null,
      Lead__c: null,
      Status__c: 'Scheduled',
    });
    expect(['INVALID_CROSS_REFERENCE_KEY', 'MALFORMED_ID']).toContain(res.body[0].errorCode);
    const campaign = await newCampaign();
    const valid = await post('/sobjects/Campaign_Enrollment__c', {
      Campaign__c: campaign,
      Contact__c: '003Em0000009999IAA',
      Status__c: 'Scheduled',
    });
    expect(valid.body[0]).toMatchObject({
      errorCode: 'INVALID_CROSS_REFERENCE_KEY',
      message: 'invalid cross reference id',
      fields: ['Contact__c'],
    });
  });

  it('STRING_TOO_LONG and INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', async () => {
    const long = await post('/sobjects/Sales_Campaign__c', { Name: 'x'.repeat(81), Status__c: 'Draft' });
    expect(long.body[0]).toMatchObject({ errorCode: 'STRING_TOO_LONG', fields: ['Name'] });
    expect(long.body[0].message).toMatch(/max length=80/);
    const pick = await post('/sobjects/Sales_Campaign__c', { Name: 'x', Status__c: 'Sleeping' });
    expect(pick.body[0]).toMatchObject({
      errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      fields: ['Status__c'],
    });
    expect(pick.body[0].message).toMatch(/bad value for restricted picklist field: Sleeping/);
  });

  it('FIELD_CUSTOM_VALIDATION_EXCEPTION from the package’s validation rules', async () => {
    const campaign = await newCampaign();
    const res = await post('/sobjects/Campaign_Step__c', {
      Campaign__c: campaign,
      Day__c: 1,
      Type__c: 'Email',
      Send_Option__c: 'At_Time',
    });
    expect(res.status).toBe(400);
    expect(res.body[0].errorCode).toBe('FIELD_CUSTOM_VALIDATION_EXCEPTION');
    const contact = await conn.sobject('Contact').create({ LastName: 'Both' });
    const lead = await conn.sobject('Lead').create({ LastName: 'Both', Company: 'Acme' });
    const both = await post('/sobjects/Campaign_Enrollment__c', {
      Campaign__c: campaign,
      Contact__c: contact.id!,
      Lead__c: lead.id!,
      Status__c: 'Scheduled',
    });
    expect(both.body[0].errorCode).toBe('FIELD_CUSTOM_VALIDATION_EXCEPTION');
  });

  it('DUPLICATE_VALUE on a unique external id', async () => {
    const campaign = await newCampaign();
    const contact = await conn.sobject('Contact').create({ LastName: 'Dup' });
    const body = {
      Campaign__c: campaign,
      Contact__c: contact.id!,
      Status__c: 'Scheduled',
      Unique_Key__c: `${campaign}:${contact.id!}`,
    };
    expect((await post('/sobjects/Campaign_Enrollment__c', body)).status).toBe(201);
    const again = await post('/sobjects/Campaign_Enrollment__c', body);
    expect(again.status).toBe(400);
    expect(again.body[0].errorCode).toBe('DUPLICATE_VALUE');
    expect(again.body[0].message).toMatch(
      /^duplicate value found: Unique_Key__c duplicates value on record with id: a0/,
    );
  });

  it('read-only fields are INVALID_FIELD_FOR_INSERT_UPDATE', async () => {
    const res = await post('/sobjects/Contact', { LastName: 'X', CreatedDate: '2020-01-01T00:00:00Z' });
    expect(res.body[0]).toMatchObject({
      errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
      fields: ['CreatedDate'],
    });
  });

  it('a task about a lead cannot be related to another record', async () => {
    const lead = await conn.sobject('Lead').create({ LastName: 'L', Company: 'C' });
    const account = await conn.sobject('Account').create({ Name: 'A' });
    const res = await post('/sobjects/Task', { Subject: 'Call', WhoId: lead.id!, WhatId: account.id! });
    expect(res.body[0]).toMatchObject({ errorCode: 'FIELD_INTEGRITY_EXCEPTION', fields: ['WhatId'] });
  });
});

describe('relationships on delete', () => {
  it('cascades master-detail deletes and clears SetNull lookups', async () => {
    const campaign = await newCampaign();
    const step = await conn
      .sobject('Campaign_Step__c')
      .create({ Campaign__c: campaign, Day__c: 1, Type__c: 'Call' });
    const contact = await conn.sobject('Contact').create({ LastName: 'Cascade' });
    const enrollment = await conn
      .sobject('Campaign_Enrollment__c')
      .create({ Campaign__c: campaign, Contact__c: contact.id!, Status__c: 'Active' });
    const es = await conn
      .sobject('Enrollment_Step__c')
      .create({ Enrollment__c: enrollment.id!, Step__c: step.id!, Status__c: 'Pending' });
    await conn.sobject('Campaign_Step__c').destroy(step.id!);
    expect(org.inspect.record(es.id!)?.Step__c).toBeNull();
    await conn.sobject('Contact').destroy(contact.id!);
    expect(org.inspect.record(enrollment.id!)?.Contact__c).toBeNull();
    // Campaign__c on the enrollment restricts deleting the campaign.
    const blocked = await api(org, token, 'DELETE', `/sobjects/Sales_Campaign__c/${campaign}`);
    expect(blocked.body[0].errorCode).toBe('DELETE_FAILED');
    await conn.sobject('Campaign_Enrollment__c').destroy(enrollment.id!);
    expect(org.inspect.record(es.id!)?.IsDeleted).toBe(true);
    const queried = await conn.query<{ Id: string; IsDeleted: boolean }>(
      `SELECT Id, IsDeleted FROM Enrollment_Step__c WHERE Id = '${es.id!}'`,
      { scanAll: true },
    );
    expect(queried.records[0]?.IsDeleted).toBe(true);
  });
});

describe('upsert by external id', () => {
  it('creates (201), updates (200) and refuses multiple matches (300)', async () => {
    const first = await api(org, token, 'PATCH', '/sobjects/Sync_Service_Status__c/Instance__c/worker-1', {
      Name: 'worker-1',
      Version__c: '1.0',
    });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ id: expect.any(String), success: true, errors: [], created: true });
    const second = await api(org, token, 'PATCH', '/sobjects/Sync_Service_Status__c/Instance__c/worker-1', {
      Version__c: '1.1',
    });
    expect(second.status).toBe(200);
    expect(second.body).toEqual({ id: first.body.id, success: true, errors: [], created: false });
    const viaJsforce = await conn
      .sobject('Sync_Service_Status__c')
      .upsert({ Instance__c: 'worker-1', Version__c: '1.2' }, 'Instance__c');
    expect(viaJsforce).toMatchObject({ id: first.body.id, success: true, created: false });
    // Task.Campaign_Step_Key__c is an external id that is not unique: two matches → 300.
    await conn.sobject('Task').create([
      { Subject: 'a', Campaign_Step_Key__c: 'k1' },
      { Subject: 'b', Campaign_Step_Key__c: 'k1' },
    ]);
    const multiple = await api(org, token, 'PATCH', '/sobjects/Task/Campaign_Step_Key__c/k1', {
      Subject: 'c',
    });
    expect(multiple.status).toBe(300);
    expect(multiple.body).toHaveLength(2);
    expect(multiple.body[0]).toMatch(/^\/services\/data\/v62\.0\/sobjects\/Task\/00T/);
  });
});

describe('describe', () => {
  it('describes globally and per object, enough for jsforce', async () => {
    const global = await conn.describeGlobal();
    const names = global.sobjects.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Contact',
        'Lead',
        'Task',
        'User',
        'Holiday',
        'Campaign_Enrollment__c',
        'Campaign_Activity__e',
        'Campaign_Setting__mdt',
      ]),
    );
    const d = await conn.sobject('Campaign_Enrollment__c').describe();
    const unique = d.fields.find((f) => f.name === 'Unique_Key__c')!;
    expect(unique).toMatchObject({ externalId: true, unique: true, type: 'string' });
    const status = d.fields.find((f) => f.name === 'Status__c')!;
    expect(status.restrictedPicklist).toBe(true);
    expect(status.picklistValues!.map((p) => p.value)).toContain('Scheduled');
    const campaign = await conn.sobject('Sales_Campaign__c').describe();
    expect(campaign.childRelationships).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          childSObject: 'Campaign_Step__c',
          relationshipName: 'Steps__r',
          cascadeDelete: true,
        }),
      ]),
    );
    expect(campaign.fields.find((f) => f.name === 'Default_Send_Time__c')?.type).toBe('time');
    expect(d.keyPrefix).toMatch(/^a0/);
  });
});
