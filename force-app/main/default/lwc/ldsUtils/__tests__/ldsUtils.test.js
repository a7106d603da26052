import { reduceErrors } from 'c/ldsUtils';

describe('c-lds-utils', () => {
  it.each([
    ['a string', 'Plain failure', ['Plain failure']],
    ['a JavaScript error', new Error('Boom'), ['Boom']],
    [
      'UI API record and field errors',
      {
        body: {
          message: 'An error occurred while trying to update the record.',
          output: {
            errors: [{ errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Day must be 1 or more' }],
            fieldErrors: { Send_Time__c: [{ message: 'Send Time is required for At_Time' }] },
          },
        },
      },
      ['Day must be 1 or more', 'Send Time is required for At_Time'],
    ],
    ['a body message', { body: { message: 'Insufficient access' } }, ['Insufficient access']],
    ['a body array', { body: [{ message: 'One' }, { message: 'Two' }] }, ['One', 'Two']],
    ['GraphQL errors', [{ message: 'Field X not found', locations: [] }], ['Field X not found']],
    ['a status text only', { statusText: 'Bad Request' }, ['Bad Request']],
    ['nothing', undefined, []],
  ])('reduces %s', (_name, errors, expected) => {
    expect(reduceErrors(errors)).toEqual(expected);
  });
});
