// Campaign days (DESIGN §2.1). May 2026: Fri 1, Sat 2, Sun 3, Mon 4 … Fri 8, Sat 9, Sun 10, Mon 11.
import { describe, expect, it } from 'vitest';
import { campaignCalendar, formatIsoDate, parseIsoDate, weekdayOf } from '../../src/domain/index.ts';

const d = (text: string) => parseIsoDate(text)!;

describe('calendar dates', () => {
  it.each([
    ['1970-01-01', 4],
    ['2026-05-01', 5],
    ['2026-05-03', 0],
    ['2024-02-29', 4],
    ['2000-03-01', 3],
  ])('%s is weekday %i (0 = Sunday)', (date, weekday) => expect(weekdayOf(d(date))).toBe(weekday));

  it('round-trips dates across leap years and centuries', () => {
    for (const date of ['1999-12-31', '2000-02-29', '2024-02-29', '2100-03-01', '2026-05-04'])
      expect(formatIsoDate(d(date))).toBe(date);
    expect(parseIsoDate('2026-02-29')).toBeNull();
    expect(parseIsoDate('2026-5-4')).toBeNull();
  });
});

describe('campaign days', () => {
  const cases: Array<
    [name: string, skipWeekends: boolean, holidays: string[], from: string, n: number, expected: string]
  > = [
    ['calendar days', false, [], '2026-05-01', 1, '2026-05-02'],
    ['calendar days keep weekends', false, [], '2026-05-01', 3, '2026-05-04'],
    ['business days skip Sat and Sun', true, [], '2026-05-01', 1, '2026-05-04'],
    ['business days, a week', true, [], '2026-05-04', 5, '2026-05-11'],
    ['holidays are skipped too', true, ['2026-05-05'], '2026-05-04', 1, '2026-05-06'],
    ['holidays skipped with calendar days', false, ['2026-05-02'], '2026-05-01', 1, '2026-05-03'],
    ['n = 0 is the day itself, even a weekend', true, [], '2026-05-02', 0, '2026-05-02'],
    ['from a weekend, the next business day', true, [], '2026-05-02', 1, '2026-05-04'],
  ];
  it.each(cases)('%s: %s + %i → %s', (_name, skipWeekends, holidays, from, n, expected) => {
    const calendar = campaignCalendar(skipWeekends, holidays);
    expect(formatIsoDate(calendar.addCampaignDays(d(from), n))).toBe(expected);
  });

  it('counts campaign days in (after, upTo]', () => {
    const calendar = campaignCalendar(true, ['2026-05-06']);
    expect(calendar.campaignDaysBetween(d('2026-05-04'), d('2026-05-04'))).toBe(0);
    expect(calendar.campaignDaysBetween(d('2026-05-04'), d('2026-05-05'))).toBe(1);
    expect(calendar.campaignDaysBetween(d('2026-05-04'), d('2026-05-07'))).toBe(2); // Wed is a holiday
    expect(calendar.campaignDaysBetween(d('2026-05-08'), d('2026-05-10'))).toBe(0); // Sat, Sun
    expect(calendar.campaignDaysBetween(d('2026-05-08'), d('2026-05-11'))).toBe(1);
    expect(calendar.campaignDaysBetween(d('2026-05-08'), d('2026-05-01'))).toBe(0);
  });
});
