// Change Data Capture as a jsforce subscriber sees it: per-object channels, the package's custom
// channel, and Salesforce's body rules for each change type.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startStreamingOrg, stepRecord, USER_ID, type StreamingOrg } from './harness.ts';
import { jsforceClient, waitFor, type JsforceStreamingClient } from './clients.ts';

const STEP_CHANNEL = '/data/Campaign_Step__ChangeEvent';
const CUSTOM_CHANNEL = '/data/Sales_Campaigns__chn';

describe('Change Data Capture', () => {
  let org: StreamingOrg;
  const clients: JsforceStreamingClient[] = [];
  const subscribed = async (channel: string, replayId?: number) => {
    const client = jsforceClient({ url: org.url, token: org.token, channel, replayId });
    clients.push(client);
    await client.subscribe();
    return client;
  };

  beforeEach(async () => {
    org = await startStreamingOrg();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.disconnect();
    await org.close();
  });

  it('delivers a CREATE with every non-null field and a full header on the object channel', async () => {
    const client = await subscribed(STEP_CHANNEL);
    org.commit({
      entityName: 'Campaign_Step__c',
      changeType: 'CREATE',
      records: { a01000000000001AAA: stepRecord('a01000000000001AAA') },
    });

    const [message] = await waitFor(() => client.events.length >= 1 && client.events, 'the CREATE event');
    expect(message).toEqual({
      schema: expect.stringMatching(/^[\w-]{22}$/),
      payload: {
        ChangeEventHeader: {
          entityName: 'Campaign_Step__c',
          recordIds: ['a01000000000001AAA'],
          changeType: 'CREATE',
          changeOrigin: 'com/salesforce/api/rest/62.0;client=sales-campaigns-sync',
          transactionKey: expect.any(String),
          sequenceNumber: 1,
          commitTimestamp: org.clock.now(),
          commitNumber: expect.any(Number),
          commitUser: USER_ID,
          nulledFields: [],
          diffFields: [],
          changedFields: [],
        },
        Name: 'Intro email',
        Campaign__c: 'a00000000000001AAA',
        Day__c: 1,
        Order__c: 1,
        Type__c: 'Email',
        Subject__c: 'Hello',
        OwnerId: USER_ID,
        // Datetimes as the event bus prints them (ISO instant), not as REST does (…000+0000).
        CreatedDate: '2026-11-30T09:00:00Z',
        CreatedById: USER_ID,
        LastModifiedDate: '2026-11-30T09:00:00Z',
        LastModifiedById: USER_ID,
      },
      event: { replayId: 1 },
    });
    // On the wire the event arrives on its channel, without clientId or id.
    expect(client.incoming.find((m) => m.channel === STEP_CHANNEL)).toEqual({
      channel: STEP_CHANNEL,
      data: message,
    });
  });

  it('delivers an UPDATE with the changed fields only, null for a cleared field', async () => {
    const client = await subscribed(STEP_CHANNEL);
    org.commit({
      entityName: 'Campaign_Step__c',
      changeType: 'UPDATE',
      changedFields: ['Subject__c', 'Instructions__c'],
      records: {
        a01000000000001AAA: stepRecord('a01000000000001AAA', {
          Subject__c: 'Hello again',
          Instructions__c: null,
          LastModifiedDate: '2026-11-30T09:05:00.000+0000',
        }),
      },
    });
    const [message] = await waitFor(() => client.events.length >= 1 && client.events, 'the UPDATE event');
    const payload = message?.payload ?? {};
    expect(payload.ChangeEventHeader).toMatchObject({
      changeType: 'UPDATE',
      changedFields: ['Subject__c', 'Instructions__c', 'LastModifiedDate'],
    });
    const { ChangeEventHeader: _header, ...body } = payload;
    expect(body).toEqual({
      Subject__c: 'Hello again',
      Instructions__c: null,
      LastModifiedDate: '2026-11-30T09:05:00Z',
    });
  });

  it('delivers a DELETE as the header only and an UNDELETE with all non-null fields', async () => {
    const client = await subscribed(STEP_CHANNEL);
    const record = stepRecord('a01000000000001AAA');
    org.commit({
      entityName: 'Campaign_Step__c',
      changeType: 'DELETE',
      records: { a01000000000001AAA: record },
    });
    org.commit({
      entityName: 'Campaign_Step__c',
      changeType: 'UNDELETE',
      records: { a01000000000001AAA: record },
    });
    const [deleted, undeleted] = await waitFor(
      () => client.events.length >= 2 && client.events,
      'DELETE and UNDELETE',
    );
    expect(Object.keys(deleted?.payload ?? {})).toEqual(['ChangeEventHeader']);
    expect(undeleted?.payload).toMatchObject({
      ChangeEventHeader: { changeType: 'UNDELETE', recordIds: ['a01000000000001AAA'] },
      Subject__c: 'Hello',
      CreatedById: USER_ID,
    });
  });

  it('merges records of one transaction into one event only when their bodies are identical', async () => {
    const client = await subscribed(STEP_CHANNEL);
    const changed = (id: string, subject: string) => stepRecord(id, { Subject__c: subject });
    org.commit({
      entityName: 'Campaign_Step__c',
      changeType: 'UPDATE',
      changedFields: ['Subject__c'],
      records: {
        a01000000000001AAA: changed('a01000000000001AAA', 'Same'),
        a01000000000002AAA: changed('a01000000000002AAA', 'Same'),
        a01000000000003AAA: changed('a01000000000003AAA', 'Different'),
      },
    });
    const events = await waitFor(() => client.events.length >= 2 && client.events, 'two UPDATE events');
    expect(events.map((event) => event.payload.ChangeEventHeader?.recordIds)).toEqual([
      ['a01000000000001AAA', 'a01000000000002AAA'],
      ['a01000000000003AAA'],
    ]);
  });

  it('delivers the members of the custom channel on /data/Sales_Campaigns__chn, nothing else', async () => {
    const custom = await subscribed(CUSTOM_CHANNEL);
    const step = await subscribed(STEP_CHANNEL);
    org.commit({
      entityName: 'Campaign_Step__c',
      changeType: 'CREATE',
      records: { a01000000000001AAA: stepRecord('a01000000000001AAA') },
    });
    org.commit({
      entityName: 'Contact',
      changeType: 'CREATE',
      records: { '003000000000001AAA': { LastName: 'Not on CDC' } },
    });
    org.commit({
      entityName: 'Enrollment_Step__c',
      changeType: 'UPDATE',
      changedFields: ['Status__c'],
      records: { a03000000000001AAA: { Status__c: 'Sent' } },
    });

    const events = await waitFor(
      () => custom.events.length >= 2 && custom.events,
      'two events on the custom channel',
    );
    const entities = events.map((event) => event.payload.ChangeEventHeader?.entityName);
    expect(entities).toEqual(['Campaign_Step__c', 'Enrollment_Step__c']);
    // The same event carries the same replay id on every channel it is delivered on.
    await waitFor(() => step.events.length >= 1, 'the step event');
    expect(step.events.length).toBe(1);
    expect(step.events[0]?.event.replayId).toBe(events[0]?.event.replayId);
  });

  it('delivers every CDC-selected object on /data/ChangeEvents', async () => {
    const all = await subscribed('/data/ChangeEvents');
    org.commit({
      entityName: 'Sales_Campaign__c',
      changeType: 'CREATE',
      records: { a00000000000001AAA: { Name: 'Spring', Status__c: 'Draft' } },
    });
    org.commit({
      entityName: 'Campaign_Step__c',
      changeType: 'CREATE',
      records: { a01000000000001AAA: stepRecord('a01000000000001AAA') },
    });
    const events = await waitFor(() => all.events.length >= 2 && all.events, 'two events');
    expect(events.map((event) => event.payload.ChangeEventHeader?.entityName)).toEqual([
      'Sales_Campaign__c',
      'Campaign_Step__c',
    ]);
  });

  it('delivers platform events on /event/<Name>__e with CreatedDate, CreatedById and EventUuid', async () => {
    const client = await subscribed('/event/Campaign_Activity__e');
    const uuid = '6d1c2f0e-6b8a-4f0e-9d8e-1f2a3b4c5d6e';
    org.publish('Campaign_Activity__e', {
      Kind__c: 'Sent',
      Enrollment_Id__c: 'a02000000000001AAA',
      Enrollment_Step_Id__c: null,
      Owner_Id__c: USER_ID,
      EventUuid: uuid,
    });
    const [message] = await waitFor(() => client.events.length >= 1 && client.events, 'the platform event');
    expect(message).toEqual({
      schema: expect.any(String),
      payload: {
        CreatedDate: '2026-11-30T09:00:00Z',
        CreatedById: USER_ID,
        Kind__c: 'Sent',
        Enrollment_Id__c: 'a02000000000001AAA',
        Enrollment_Step_Id__c: null,
        Owner_Id__c: USER_ID,
      },
      event: { EventUuid: uuid, replayId: 1 },
    });
  });
});
