import {
  FIRST_EMAIL_OPTIONS,
  LATER_EMAIL_OPTIONS,
  WARNING,
  isFirstEmailStep,
  sendOptionsFor,
  validateStep,
  warningsFor,
} from 'c/sendOptions';
import { FIRST_SET, LATER_SET } from '../../../../../test/sendOptionSets';

const email = (id, day, order, extra = {}) => ({
  id,
  day,
  order,
  type: 'Email',
  sendOption: 'At_Time',
  sendTime: '08:30',
  subject: 'Hi',
  body: '<p>Hello</p>',
  ...extra,
});
const call = (id, day, order) => ({ id, day, order, type: 'Call' });

describe('c-send-options', () => {
  it('lists the option values of DESIGN §2.2 in order', () => {
    expect(FIRST_EMAIL_OPTIONS).toEqual(['Choose_At_Launch', 'At_Time', 'Manual_Task']);
    expect(LATER_EMAIL_OPTIONS).toEqual([
      'Same_Time_As_Previous',
      'At_Time',
      'Manual_Task',
      'Thread_Previous',
    ]);
  });

  it.each([
    ['the only step, Day 1', [], email(null, 1, 1), true],
    ['Day 1 before every other step', [email('b', 1, 2)], email(null, 1, 1), true],
    ['Day 1 after a call', [call('c', 1, 1)], email(null, 1, 2), false],
    ['Day 2 with nothing on Day 1', [], email(null, 2, 1), false],
    ['second email of Day 1', [email('a', 1, 1)], email(null, 1, 2), false],
    ['a call is never an email step', [], call(null, 1, 1), false],
  ])('first email step: %s', (_name, steps, step, expected) => {
    expect(isFirstEmailStep(steps, step)).toBe(expected);
  });

  it.each([
    ['the first email step', [], email(null, 1, 1), FIRST_SET],
    ['an email after a call on Day 1', [call('c', 1, 1)], email(null, 1, 2), LATER_SET],
    ['an email on Day 2', [email('a', 1, 1)], email(null, 2, 1), LATER_SET],
  ])('offers %s its options with their labels', (_name, steps, step, expected) => {
    expect(sendOptionsFor(steps, step)).toEqual(expected);
  });

  it('judges a saved step at its own position, not against itself', () => {
    const steps = [email('a', 1, 1), email('b', 2, 1)];
    expect(sendOptionsFor(steps, steps[0])).toEqual(FIRST_SET);
    expect(sendOptionsFor(steps, steps[1])).toEqual(LATER_SET);
  });

  it('warns about Same_Time_As_Previous on Day 1', () => {
    const steps = [call('c', 1, 1)];
    expect(warningsFor(steps, email(null, 1, 2, { sendOption: 'Same_Time_As_Previous' }))).toEqual([
      WARNING.SAME_TIME_ON_DAY_ONE,
    ]);
    expect(warningsFor(steps, email(null, 2, 1, { sendOption: 'Same_Time_As_Previous' }))).toEqual([]);
  });

  it('warns when threading onto a manual email', () => {
    const manual = email('m', 1, 1, { sendOption: 'Manual_Task' });
    const auto = email('a', 2, 1);
    expect(warningsFor([manual], email(null, 2, 1, { sendOption: 'Thread_Previous' }))).toEqual([
      WARNING.THREAD_ONTO_MANUAL,
    ]);
    expect(warningsFor([manual, auto], email(null, 3, 1, { sendOption: 'Thread_Previous' }))).toEqual([]);
  });

  it.each([
    [{ day: 0 }, 'day', 'Day must be a whole number, 1 or more.'],
    [{ day: 1.5 }, 'day', 'Day must be a whole number, 1 or more.'],
    [{ order: '' }, 'order', 'Order must be a whole number, 1 or more.'],
    [{ type: 'Fax' }, 'type', 'Choose a step type.'],
    [{ sendOption: null }, 'sendOption', 'Choose when this email is sent.'],
    [
      { sendOption: 'Thread_Previous', day: 1, order: 1 },
      'sendOption',
      '"Thread this email to the previous email" is not available for the first email step. Choose another option.',
    ],
    [
      { sendOption: 'Choose_At_Launch', day: 2 },
      'sendOption',
      '"I will choose when to send this email" is not available for a later email step. Choose another option.',
    ],
    [{ sendTime: null }, 'sendTime', 'Enter the time this email is sent.'],
    [{ subject: '  ' }, 'subject', 'Enter a subject.'],
    [{ body: '<p>&nbsp;</p>' }, 'body', 'Write the email body.'],
  ])('validation %#: %j', (changes, field, message) => {
    expect(validateStep([], email(null, 1, 1, changes))).toEqual([{ field, message }]);
  });

  it('accepts a threaded follow-up without a subject and a call without email fields', () => {
    const first = email('a', 1, 1);
    expect(validateStep([first], email(null, 2, 1, { sendOption: 'Thread_Previous', subject: '' }))).toEqual(
      [],
    );
    expect(validateStep([first], call(null, 2, 1))).toEqual([]);
  });
});
