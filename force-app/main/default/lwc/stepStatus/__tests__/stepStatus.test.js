import {
  addDays,
  bucketsOf,
  composeLinks,
  htmlToText,
  isHeartbeatStale,
  isInNextDays,
  localDate,
} from 'c/stepStatus';

const NOW = Date.parse('2026-05-05T15:00:00Z');
const TODAY = '2026-05-05';
const call = (changes) => ({
  type: 'Call',
  status: 'Task_Open',
  dueDate: TODAY,
  expiresAt: '2026-05-08T07:00:00Z',
  ...changes,
});

describe('c-step-status', () => {
  it('reads local dates in a time zone', () => {
    expect(localDate('2026-05-05T23:30:00Z', 'Europe/Paris')).toBe('2026-05-06');
    expect(localDate('2026-05-05T23:30:00Z', 'America/Los_Angeles')).toBe('2026-05-05');
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
  });

  it.each([
    ['an open task due today', call(), ['today']],
    ['an overdue open task', call({ dueDate: '2026-05-04' }), ['overdue']],
    [
      'an overdue task about to expire',
      call({ dueDate: '2026-05-01', expiresAt: '2026-05-06T07:00:00Z' }),
      ['overdue', 'expiring'],
    ],
    [
      'a task waiting for an earlier one, due in 3 days',
      call({ status: 'Pending', dueDate: '2026-05-08' }),
      ['next7'],
    ],
    ['a task due in 8 days', call({ status: 'Pending', dueDate: '2026-05-13' }), []],
    ['a completed task', call({ status: 'Completed' }), []],
    ['an automatic email', { type: 'Email', sendOption: 'At_Time', status: 'Scheduled', dueDate: TODAY }, []],
    [
      'a manual email due today',
      { type: 'Email', sendOption: 'Manual_Task', status: 'Task_Open', dueDate: TODAY },
      ['today'],
    ],
  ])('buckets %s', (_name, item, expected) => {
    expect(bucketsOf(item, TODAY, NOW)).toEqual(expected);
  });

  it('builds compose links with the plain-text body', () => {
    const links = composeLinks({
      to: 'ada@example.com',
      subject: 'Hi & bye',
      body: '<p>Hello Ada,</p><p>See you&nbsp;soon</p>',
    });
    expect(links.gmail).toBe(
      'https://mail.google.com/mail/?view=cm&fs=1&to=ada%40example.com&su=Hi%20%26%20bye&body=Hello%20Ada%2C%0ASee%20you%20soon',
    );
    expect(links.outlook).toBe(
      'https://outlook.office.com/mail/deeplink/compose?to=ada%40example.com&subject=Hi%20%26%20bye&body=Hello%20Ada%2C%0ASee%20you%20soon',
    );
    expect(links.mailto).toBe(
      'mailto:ada%40example.com?subject=Hi%20%26%20bye&body=Hello%20Ada%2C%0ASee%20you%20soon',
    );
    expect(htmlToText('a<br>b &lt;c&gt;')).toBe('a\nb <c>');
  });

  it.each([
    ['today', '2026-05-05', false],
    ['tomorrow', '2026-05-06', true],
    ['today + 7', '2026-05-12', true],
    ['today + 8', '2026-05-13', false],
    ['yesterday', '2026-05-04', false],
    ['no date', null, false],
  ])('counts %s (%s) in the next 7 days: %s', (_name, date, expected) => {
    expect(isInNextDays(date, TODAY)).toBe(expected);
  });

  it('calls a heartbeat older than three minutes stale', () => {
    expect(isHeartbeatStale('2026-05-05T14:58:00Z', NOW)).toBe(false);
    expect(isHeartbeatStale('2026-05-05T14:56:59Z', NOW)).toBe(true);
    expect(isHeartbeatStale(null, NOW)).toBe(true);
  });
});
