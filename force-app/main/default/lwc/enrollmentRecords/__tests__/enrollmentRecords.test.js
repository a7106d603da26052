import { enrollmentRecordInput, isDuplicateKeyError, personObjectOf, uniqueKey } from 'c/enrollmentRecords';

describe('c-enrollment-records', () => {
  it('tells contacts from leads by key prefix', () => {
    expect(personObjectOf('003000000000001AAA')).toBe('Contact');
    expect(personObjectOf('00Q000000000001AAA')).toBe('Lead');
    expect(personObjectOf('a00000000000001AAA')).toBeNull();
    expect(personObjectOf(undefined)).toBeNull();
  });

  it('writes the enrollment of DESIGN §3 for a lead', () => {
    expect(
      enrollmentRecordInput({
        campaignId: 'a00000000000001AAA',
        person: { id: '00Q000000000001AAA', objectApiName: 'Lead' },
        sendAt: undefined,
        launchedAt: '2026-04-30T10:00:00.000Z',
        ownerId: '005000000000000001',
      }),
    ).toEqual({
      apiName: 'Campaign_Enrollment__c',
      fields: {
        Campaign__c: 'a00000000000001AAA',
        Contact__c: null,
        Lead__c: '00Q000000000001AAA',
        Status__c: 'Scheduled',
        Launched_At__c: '2026-04-30T10:00:00.000Z',
        Send_At__c: null,
        Unique_Key__c: 'a00000000000001AAA:00Q000000000001AAA',
        OwnerId: '005000000000000001',
      },
    });
    expect(uniqueKey('a0', '003')).toBe('a0:003');
  });

  it('recognises the unique key duplicate error', () => {
    expect(
      isDuplicateKeyError({
        body: { output: { errors: [], fieldErrors: { Unique_Key__c: [{ errorCode: 'DUPLICATE_VALUE' }] } } },
      }),
    ).toBe(true);
    expect(isDuplicateKeyError({ body: { message: 'x' } })).toBe(false);
  });
});
