// Batch writes: sObject Collections, Composite with references, Bulk API 2.0 ingest.
import type { Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommittedChange, OrgEmulator } from '../../src/index.ts';
import { api, login, rawToken, startTestOrg } from './harness.ts';

let org: OrgEmulator;
let conn: Connection;
let token: string;
let campaignId: string;

beforeAll(async () => {
  org = await startTestOrg();
  conn = await login(org);
  token = await rawToken(org);
  campaignId = (await conn.sobject('Sales_Campaign__c').create({ Name: 'Batch', Status__c: 'Active' })).id!;
});
afterAll(() => org.stop());

describe('sObject Collections', () => {
  it('creates with per-record errors when allOrNone is false', async () => {
    const res = await api(org, token, 'POST', '/composite/sobjects', {
      allOrNone: false,
      records: [
        { attributes: { type: 'Contact' }, LastName: 'Good' },
        { attributes: { type: 'Contact' }, FirstName: 'Bad' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body[0]).toEqual({ id: expect.stringMatching(/^003/), success: true, errors: [] });
    expect(res.body[1]).toEqual({
      success: false,
      errors: [
        {
          statusCode: 'REQUIRED_FIELD_MISSING',
          message: 'Required fields are missing: [LastName]',
          fields: ['LastName'],
        },
      ],
    });
  });

  it('rolls every record back under allOrNone', async () => {
    const before = org.inspect.records('Lead').length;
    const res = await api(org, token, 'POST', '/composite/sobjects', {
      allOrNone: true,
      records: [
        { attributes: { type: 'Lead' }, LastName: 'A', Company: 'C' },
        { attributes: { type: 'Lead' }, LastName: 'B' },
      ],
    });
    expect(res.body[0]).toEqual({
      success: false,
      errors: [
        {
          statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
          message:
            'Record rolled back because not all records were valid and the request was using AllOrNone header',
          fields: [],
        },
      ],
    });
    expect(res.body[1].errors[0].statusCode).toBe('REQUIRED_FIELD_MISSING');
    expect(org.inspect.records('Lead')).toHaveLength(before);
  });

  it('updates, upserts by external id, retrieves and deletes', async () => {
    const contacts = await conn.sobject('Contact').create([{ LastName: 'U1' }, { LastName: 'U2' }]);
    const ids = contacts.map((c) => c.id!);
    const updated = await conn.sobject('Contact').update(ids.map((Id) => ({ Id, Title: 'CTO' })));
    expect(updated.every((r) => r.success)).toBe(true);
    const key = (n: number) => `${campaignId}:${ids[n]}`;
    const upsert = await api(
      org,
      token,
      'PATCH',
      '/composite/sobjects/Campaign_Enrollment__c/Unique_Key__c',
      {
        allOrNone: false,
        records: [
          {
            attributes: { type: 'Campaign_Enrollment__c' },
            Unique_Key__c: key(0),
            Campaign__c: campaignId,
            Contact__c: ids[0],
            Status__c: 'Scheduled',
          },
          {
            attributes: { type: 'Campaign_Enrollment__c' },
            Unique_Key__c: key(1),
            Campaign__c: campaignId,
            Contact__c: ids[1],
            Status__c: 'Scheduled',
          },
        ],
      },
    );
    expect(upsert.body.map((r: any) => r.created)).toEqual([true, true]);
    const again = await api(org, token, 'PATCH', '/composite/sobjects/Campaign_Enrollment__c/Unique_Key__c', {
      allOrNone: false,
      records: [
        { attributes: { type: 'Campaign_Enrollment__c' }, Unique_Key__c: key(0), Status__c: 'Active' },
        { attributes: { type: 'Campaign_Enrollment__c' }, Unique_Key__c: key(0), Status__c: 'Active' },
      ],
    });
    expect(again.body[0].errors[0].statusCode).toBe('DUPLICATE_EXTERNAL_ID');
    const retrieved = await api(
      org,
      token,
      'GET',
      `/composite/sobjects/Contact?ids=${ids.join(',')},003Em0000009999IAA&fields=Id,Title`,
    );
    expect(retrieved.body[0]).toMatchObject({ Id: ids[0], Title: 'CTO' });
    expect(retrieved.body[2]).toBeNull();
    const deleted = await api(
      org,
      token,
      'DELETE',
      `/composite/sobjects?ids=${ids[0]},bad-id&allOrNone=false`,
    );
    expect(deleted.body[0]).toEqual({ id: ids[0], success: true, errors: [] });
    expect(deleted.body[1].errors[0].statusCode).toBe('MALFORMED_ID');
  });

  it('refuses more than 200 records', async () => {
    const records = Array.from({ length: 201 }, () => ({ attributes: { type: 'Contact' }, LastName: 'x' }));
    const res = await api(org, token, 'POST', '/composite/sobjects', { records });
    expect(res.status).toBe(400);
    expect(res.body[0].errorCode).toBe('EXCEEDED_ID_LIMIT');
  });

  it('announces one change per object and change type per transaction, with changedFields and client name', async () => {
    const seen: CommittedChange[] = [];
    const stop = org.feed.onChange((c) => seen.push(c));
    const created = await api(
      org,
      token,
      'POST',
      '/composite/sobjects',
      {
        records: [
          { attributes: { type: 'Contact' }, LastName: 'F1' },
          { attributes: { type: 'Contact' }, LastName: 'F2' },
        ],
      },
      { 'Sforce-Call-Options': 'client=sync-service' },
    );
    await api(org, token, 'PATCH', '/composite/sobjects', {
      records: created.body.map((r: any) => ({ attributes: { type: 'Contact' }, id: r.id, Title: 'VP' })),
    });
    stop();
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatchObject({
      entityName: 'Contact',
      changeType: 'CREATE',
      changeOrigin: 'sync-service',
      sequenceNumber: 0,
    });
    expect(seen[0]!.recordIds).toHaveLength(2);
    expect(seen[1]).toMatchObject({ changeType: 'UPDATE', changedFields: ['Title', 'LastModifiedDate'] });
    expect(seen[1]!.commitNumber).toBeGreaterThan(seen[0]!.commitNumber);
  });
});

describe('Composite', () => {
  it('runs subrequests in order with @{ref} references and counts as one API call', async () => {
    org.inspect.resetApiCalls();
    const res = await api(org, token, 'POST', '/composite', {
      allOrNone: true,
      compositeRequest: [
        {
          method: 'POST',
          url: '/services/data/v62.0/sobjects/Contact',
          referenceId: 'NewContact',
          body: { LastName: 'Composite' },
        },
        {
          method: 'GET',
          url: '/services/data/v62.0/sobjects/Contact/@{NewContact.id}?fields=Name',
          referenceId: 'ReadBack',
        },
        {
          method: 'POST',
          url: '/services/data/v62.0/sobjects/Campaign_Enrollment__c',
          referenceId: 'Enroll',
          body: { Campaign__c: campaignId, Contact__c: '@{NewContact.id}', Status__c: 'Scheduled' },
        },
        {
          method: 'GET',
          url: `/services/data/v62.0/query?q=${encodeURIComponent("SELECT Id FROM Campaign_Enrollment__c WHERE Contact__r.LastName = 'Composite'")}`,
          referenceId: 'Check',
        },
      ],
    });
    expect(res.status).toBe(200);
    const [created, read, enroll, check] = res.body.compositeResponse;
    expect(created).toMatchObject({
      httpStatusCode: 201,
      referenceId: 'NewContact',
      body: { success: true },
    });
    expect(read.body.Name).toBe('Composite');
    expect(enroll.httpStatusCode).toBe(201);
    expect(check.body.totalSize).toBe(1);
    expect(org.inspect.apiCalls().byRoute).toEqual({ 'POST composite': 1 });
  });

  it('rolls back every subrequest under allOrNone when one fails', async () => {
    const before = org.inspect.records('Contact').length;
    const res = await api(org, token, 'POST', '/composite', {
      allOrNone: true,
      compositeRequest: [
        {
          method: 'POST',
          url: '/services/data/v62.0/sobjects/Contact',
          referenceId: 'Ok',
          body: { LastName: 'Kept?' },
        },
        {
          method: 'POST',
          url: '/services/data/v62.0/sobjects/Contact',
          referenceId: 'Bad',
          body: { FirstName: 'NoLast' },
        },
        {
          method: 'POST',
          url: '/services/data/v62.0/sobjects/Contact',
          referenceId: 'After',
          body: { LastName: 'Never' },
        },
      ],
    });
    const [ok, bad, after] = res.body.compositeResponse;
    expect(bad.httpStatusCode).toBe(400);
    expect(bad.body[0].errorCode).toBe('REQUIRED_FIELD_MISSING');
    for (const r of [ok, after])
      expect(r).toMatchObject({ httpStatusCode: 400, body: [{ errorCode: 'PROCESSING_HALTED' }] });
    expect(org.inspect.records('Contact')).toHaveLength(before);
  });

  it('allows at most 25 subrequests, of which at most 5 collections or queries', async () => {
    const query = (n: number) => ({
      method: 'GET',
      url: '/services/data/v62.0/query?q=SELECT+Id+FROM+User',
      referenceId: `q${n}`,
    });
    const six = await api(org, token, 'POST', '/composite', {
      compositeRequest: Array.from({ length: 6 }, (_, i) => query(i)),
    });
    expect(six.status).toBe(400);
    expect(six.body[0].errorCode).toBe('LIMIT_EXCEEDED');
    const five = await api(org, token, 'POST', '/composite', {
      compositeRequest: Array.from({ length: 5 }, (_, i) => query(i)),
    });
    expect(five.status).toBe(200);
  });

  it('without allOrNone, keeps successes and halts only dependants of a failure', async () => {
    const res = await api(org, token, 'POST', '/composite', {
      compositeRequest: [
        { method: 'POST', url: '/services/data/v62.0/sobjects/Contact', referenceId: 'Bad', body: {} },
        { method: 'GET', url: '/services/data/v62.0/sobjects/Contact/@{Bad.id}', referenceId: 'Dependant' },
        {
          method: 'POST',
          url: '/services/data/v62.0/sobjects/Contact',
          referenceId: 'Independent',
          body: { LastName: 'Alone' },
        },
      ],
    });
    const [bad, dependant, independent] = res.body.compositeResponse;
    expect(bad.httpStatusCode).toBe(400);
    expect(dependant.body[0].errorCode).toBe('PROCESSING_HALTED');
    expect(independent.httpStatusCode).toBe(201);
  });
});

describe('Composite tree', () => {
  it('creates a record with its children and answers referenceId → id, all or nothing', async () => {
    const ok = await api(org, token, 'POST', '/composite/tree/Sales_Campaign__c', {
      records: [
        {
          attributes: { type: 'Sales_Campaign__c', referenceId: 'c1' },
          Name: 'Tree',
          Status__c: 'Draft',
          Steps__r: {
            records: [
              { attributes: { type: 'Campaign_Step__c', referenceId: 's1' }, Day__c: 1, Type__c: 'Call' },
            ],
          },
        },
      ],
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toEqual({
      hasErrors: false,
      results: [
        { referenceId: 'c1', id: expect.stringMatching(/^a0/) },
        { referenceId: 's1', id: expect.stringMatching(/^a0/) },
      ],
    });
    expect(org.inspect.record(ok.body.results[1].id)?.Campaign__c).toBe(ok.body.results[0].id);
    const bad = await api(org, token, 'POST', '/composite/tree/Sales_Campaign__c', {
      records: [
        { attributes: { type: 'Sales_Campaign__c', referenceId: 'good' }, Name: 'Kept?', Status__c: 'Draft' },
        { attributes: { type: 'Sales_Campaign__c', referenceId: 'bad' }, Name: 'Bad', Status__c: 'Nope' },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({
      hasErrors: true,
      results: [
        {
          referenceId: 'bad',
          errors: [expect.objectContaining({ statusCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST' })],
        },
      ],
    });
    expect(org.inspect.records('Sales_Campaign__c').some((c) => c.Name === 'Kept?')).toBe(false);
  });
});

describe('Bulk API 2.0 ingest', () => {
  it('loads CSV through jsforce bulk2 with successful and failed results', async () => {
    const rows = [
      { FirstName: 'Bulk', LastName: 'One', Email: 'one@example.com' },
      { FirstName: 'Bulk', LastName: '', Email: 'two@example.com' },
      { FirstName: 'Bulk', LastName: 'Three', Email: 'not-an-email' },
    ];
    conn.bulk2.pollInterval = 50;
    conn.bulk2.pollTimeout = 20_000;
    const results = await conn.bulk2.loadAndWaitForResults({
      object: 'Contact',
      operation: 'insert',
      input: rows,
    });
    expect(results.successfulResults).toHaveLength(1);
    expect(results.successfulResults[0]!.sf__Created).toBe('true');
    expect(results.failedResults).toHaveLength(2);
    expect(results.failedResults.map((r) => String(r.sf__Error).split(':')[0]).sort()).toEqual([
      'INVALID_EMAIL_ADDRESS',
      'REQUIRED_FIELD_MISSING',
    ]);
    expect(results.unprocessedRecords).toHaveLength(0);
  });

  it('upserts by external id and reports job state over raw HTTP', async () => {
    const job = await api(org, token, 'POST', '/jobs/ingest', {
      object: 'Sync_Service_Status__c',
      operation: 'upsert',
      externalIdFieldName: 'Instance__c',
      contentType: 'CSV',
      lineEnding: 'LF',
    });
    expect(job.body).toMatchObject({
      state: 'Open',
      object: 'Sync_Service_Status__c',
      operation: 'upsert',
      contentType: 'CSV',
    });
    const upload = await fetch(`${org.url}/services/data/v62.0/jobs/ingest/${job.body.id}/batches`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: 'Instance__c,Name,Version__c\nw1,w1,1.0\nw2,w2,1.0\n',
    });
    expect(upload.status).toBe(201);
    const closed = await api(org, token, 'PATCH', `/jobs/ingest/${job.body.id}`, { state: 'UploadComplete' });
    expect(closed.body.state).toBe('UploadComplete');
    let info = closed.body;
    for (let i = 0; i < 100 && info.state !== 'JobComplete'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      info = (await api(org, token, 'GET', `/jobs/ingest/${job.body.id}`)).body;
    }
    expect(info).toMatchObject({ state: 'JobComplete', numberRecordsProcessed: 2, numberRecordsFailed: 0 });
    const ok = await fetch(`${org.url}/services/data/v62.0/jobs/ingest/${job.body.id}/successfulResults`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const csv = await ok.text();
    expect(csv.split('\n')[0]).toBe('"sf__Id","sf__Created","Instance__c","Name","Version__c"');
    expect(csv).toContain('"true","w1"');
  });
});
