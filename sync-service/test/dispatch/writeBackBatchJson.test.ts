// A dispatch batch's write-back survives the trip through the outbox's JSON unchanged, and an
// entry this version cannot read is refused with a code instead of being half-replayed.
import { describe, expect, it } from 'vitest';
import { WriteBackBatch, WriteBackFormatError } from '../../src/app/dispatch/writeBackBatch.ts';

function sampleBatch(): WriteBackBatch {
  const batch = new WriteBackBatch();
  batch.updateStep({ Id: 'a0X1', Status__c: 'Sent', Message_Id__c: '<m1@mail.example>', Error__c: null });
  batch.updateStep({ Id: 'a0X1', Body__c: '<p>Hi Ava</p>' });
  batch.updateStep({ Id: 'a0X2', Status__c: 'Cancelled', Error__c: 'Cancelled: Bounced: 550' });
  batch.taskCreates.push({
    stepKey: 'a0E1:a0S1',
    stepRecordId: 'a0X1',
    record: {
      WhoId: '003A',
      Subject: 'Email: Hello',
      Status: 'Completed',
      Campaign_Step_Key__c: 'a0E1:a0S1',
    },
  });
  batch.taskCompletions.push({ stepRecordId: 'a0X3', record: { Id: '00T3', Status: 'Completed' } });
  batch.updateEnrollment({ Id: 'a0E2', Status__c: 'Bounced', Unique_Key__c: null }, 'a0X2');
  batch.updateEnrollment({ Id: 'a0E2', Ended_Reason__c: 'Bounced: 550' }, null);
  batch.events.push({
    Kind__c: 'email_sent',
    Enrollment_Id__c: 'a0E1',
    Enrollment_Step_Id__c: 'a0X1',
    Owner_Id__c: '005R',
  });
  return batch;
}

const roundTrip = (batch: WriteBackBatch) =>
  WriteBackBatch.fromJSON(JSON.parse(JSON.stringify(batch)), 'test entry');

describe('the write-back batch as outbox JSON', () => {
  it('comes back with every record, field and null it held', () => {
    const batch = sampleBatch();
    const back = roundTrip(batch);
    expect(back.stepUpdates).toEqual(batch.stepUpdates);
    expect(back.stepUpdates.get('a0X1')).toEqual({
      Id: 'a0X1',
      Status__c: 'Sent',
      Message_Id__c: '<m1@mail.example>',
      Error__c: null,
      Body__c: '<p>Hi Ava</p>',
    });
    expect(back.taskCreates).toEqual(batch.taskCreates);
    expect(back.taskCompletions).toEqual(batch.taskCompletions);
    expect(back.enrollmentUpdates).toEqual(batch.enrollmentUpdates);
    expect(back.enrollmentUpdates.get('a0E2')).toEqual({
      stepRecordId: 'a0X2',
      record: { Id: 'a0E2', Status__c: 'Bounced', Unique_Key__c: null, Ended_Reason__c: 'Bounced: 550' },
    });
    expect(back.events).toEqual(batch.events);
    expect(JSON.parse(JSON.stringify(batch)).version).toBe(1);
  });

  it('keeps an empty batch empty', () => {
    expect(roundTrip(new WriteBackBatch()).isEmpty).toBe(true);
  });

  it.each([
    ['another format version', { ...sampleBatch().toJSON(), version: 2 }, /format version 2 is not 1/],
    ['no version', { stepUpdates: [] }, /format version undefined/],
    ['not an object', 'Sent', /not a write-back batch/],
    [
      'a step update without its Id',
      { ...sampleBatch().toJSON(), stepUpdates: [{ Status__c: 'Sent' }] },
      /stepUpdates\[0\] is not a record with an Id/,
    ],
    [
      'a task without its step key',
      { ...sampleBatch().toJSON(), taskCreates: [{ stepRecordId: 'a0X1', record: {} }] },
      /taskCreates\[0\] lacks/,
    ],
    ['events that are not a list', { ...sampleBatch().toJSON(), events: {} }, /events is not a list/],
  ])('refuses %s, naming the entry', (_what, json, message) => {
    let thrown: unknown;
    try {
      WriteBackBatch.fromJSON(json, 'write-back outbox entry e1');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(WriteBackFormatError);
    expect((thrown as WriteBackFormatError).code).toBe('DISPATCH.WRITE_BACK_FORMAT');
    expect((thrown as Error).message).toMatch(/^write-back outbox entry e1: /);
    expect((thrown as Error).message).toMatch(message);
  });
});
