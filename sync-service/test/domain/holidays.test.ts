// Salesforce Holiday records → non-campaign dates. Expected dates read off a 2026–2027 calendar.
import { describe, expect, it } from 'vitest';
import { expandHolidays, type HolidayRecord } from '../../src/domain/index.ts';

const range = { from: '2026-01-01', to: '2027-12-31' };

describe('expandHolidays', () => {
  const cases: Array<
    [name: string, record: HolidayRecord, expected: string[], within?: { from: string; to: string }]
  > = [
    ['a one-off all-day holiday', { ActivityDate: '2026-05-01', IsAllDay: true }, ['2026-05-01']],
    ['a one-off holiday outside the range', { ActivityDate: '2025-05-01', IsAllDay: true }, []],
    ['a partial-day holiday is still a campaign day', { ActivityDate: '2026-12-24', IsAllDay: false }, []],
    [
      'yearly on a date (Christmas)',
      {
        IsAllDay: true,
        IsRecurrence: true,
        RecurrenceType: 'RecursYearly',
        RecurrenceStartDate: '2020-12-25',
        RecurrenceMonthOfYear: 'December',
        RecurrenceDayOfMonth: 25,
      },
      ['2026-12-25', '2027-12-25'],
    ],
    [
      'yearly, ending before the second year',
      {
        IsAllDay: true,
        IsRecurrence: true,
        RecurrenceType: 'RecursYearly',
        RecurrenceStartDate: '2020-12-25',
        RecurrenceEndDateOnly: '2027-01-31',
        RecurrenceMonthOfYear: 'December',
        RecurrenceDayOfMonth: 25,
      },
      ['2026-12-25'],
    ],
    [
      'yearly Nth: US Thanksgiving, fourth Thursday of November',
      {
        IsAllDay: true,
        IsRecurrence: true,
        RecurrenceType: 'RecursYearlyNth',
        RecurrenceStartDate: '2020-11-01',
        RecurrenceMonthOfYear: 'November',
        RecurrenceInstance: 'Fourth',
        RecurrenceDayOfWeekMask: 16,
      },
      ['2026-11-26', '2027-11-25'],
    ],
    [
      'yearly Nth: last Monday of May (Memorial Day)',
      {
        IsAllDay: true,
        IsRecurrence: true,
        RecurrenceType: 'RecursYearlyNth',
        RecurrenceStartDate: '2020-05-01',
        RecurrenceMonthOfYear: 'May',
        RecurrenceInstance: 'Last',
        RecurrenceDayOfWeekMask: 2,
      },
      ['2026-05-25', '2027-05-31'],
    ],
    [
      'monthly on the 31st falls on the last day of shorter months',
      {
        IsAllDay: true,
        IsRecurrence: true,
        RecurrenceType: 'RecursMonthly',
        RecurrenceStartDate: '2026-01-31',
        RecurrenceInterval: 1,
        RecurrenceDayOfMonth: 31,
      },
      ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30'],
      { from: '2026-01-01', to: '2026-04-30' },
    ],
    [
      'every second month on the 15th',
      {
        IsAllDay: true,
        IsRecurrence: true,
        RecurrenceType: 'RecursMonthly',
        RecurrenceStartDate: '2026-01-15',
        RecurrenceInterval: 2,
        RecurrenceDayOfMonth: 15,
      },
      ['2026-01-15', '2026-03-15', '2026-05-15'],
      { from: '2026-01-01', to: '2026-06-30' },
    ],
    [
      'monthly Nth: first Friday of every month',
      {
        IsAllDay: true,
        IsRecurrence: true,
        RecurrenceType: 'RecursMonthlyNth',
        RecurrenceStartDate: '2026-01-01',
        RecurrenceInterval: 1,
        RecurrenceInstance: 'First',
        RecurrenceDayOfWeekMask: 32,
      },
      ['2026-01-02', '2026-02-06', '2026-03-06'],
      { from: '2026-01-01', to: '2026-03-31' },
    ],
    [
      'weekly on Fridays, every other week',
      {
        IsAllDay: true,
        IsRecurrence: true,
        RecurrenceType: 'RecursWeekly',
        RecurrenceStartDate: '2026-05-01',
        RecurrenceInterval: 2,
        RecurrenceDayOfWeekMask: 32,
      },
      ['2026-05-01', '2026-05-15', '2026-05-29'],
      { from: '2026-04-01', to: '2026-05-31' },
    ],
    [
      'daily every 3 days until an end date',
      {
        IsAllDay: true,
        IsRecurrence: true,
        RecurrenceType: 'RecursDaily',
        RecurrenceStartDate: '2026-08-03',
        RecurrenceEndDateOnly: '2026-08-12',
        RecurrenceInterval: 3,
      },
      ['2026-08-03', '2026-08-06', '2026-08-09', '2026-08-12'],
    ],
    [
      'a recurrence of an unknown type yields nothing',
      { IsAllDay: true, IsRecurrence: true, RecurrenceStartDate: '2026-01-01' },
      [],
    ],
  ];

  it.each(cases)('%s', (_name, record, expected, within) => {
    expect(expandHolidays([record], within ?? range)).toEqual(expected);
  });

  it('merges records, sorted without duplicates', () => {
    const records: HolidayRecord[] = [
      { ActivityDate: '2026-12-25', IsAllDay: true },
      {
        IsAllDay: true,
        IsRecurrence: true,
        RecurrenceType: 'RecursYearly',
        RecurrenceStartDate: '2020-12-25',
        RecurrenceMonthOfYear: 'December',
        RecurrenceDayOfMonth: 25,
      },
      { ActivityDate: '2026-05-01', IsAllDay: true },
    ];
    expect(expandHolidays(records, { from: '2026-01-01', to: '2026-12-31' })).toEqual([
      '2026-05-01',
      '2026-12-25',
    ]);
  });

  it('can count partial-day holidays when asked', () => {
    expect(
      expandHolidays([{ ActivityDate: '2026-12-24', IsAllDay: false }], range, { includePartialDays: true }),
    ).toEqual(['2026-12-24']);
  });
});
