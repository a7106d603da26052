// The org's Holiday records as a set of dates (DESIGN §2.1: with Skip holidays on, they are not
// campaign days), recurring ones expanded over a range. Field names and values are Salesforce's
// own, so the service passes the records of a SOQL query as they come.

import {
  civilFromDayNumber,
  daysInMonth,
  dayNumberFromCivil,
  formatIsoDate,
  parseIsoDate,
  weekdayOf,
  type DayNumber,
  type IsoDate,
} from './calendarDate.ts';

export interface HolidayRecord {
  Name?: string | null;
  /** The date of a one-off holiday (and of the first occurrence of a recurring one). */
  ActivityDate?: IsoDate | null;
  IsAllDay?: boolean | null;
  IsRecurrence?: boolean | null;
  RecurrenceType?:
    | 'RecursDaily'
    | 'RecursEveryWeekday'
    | 'RecursWeekly'
    | 'RecursMonthly'
    | 'RecursMonthlyNth'
    | 'RecursYearly'
    | 'RecursYearlyNth'
    | null;
  RecurrenceStartDate?: IsoDate | null;
  /** Inclusive; empty means the holiday recurs forever. */
  RecurrenceEndDateOnly?: IsoDate | null;
  /** Every n days, weeks or months (1 when empty). */
  RecurrenceInterval?: number | null;
  /** Sunday = 1, Monday = 2, Tuesday = 4, … Saturday = 64. */
  RecurrenceDayOfWeekMask?: number | null;
  RecurrenceDayOfMonth?: number | null;
  RecurrenceInstance?: 'First' | 'Second' | 'Third' | 'Fourth' | 'Last' | null;
  RecurrenceMonthOfYear?: string | null;
}

export interface HolidayRange {
  from: IsoDate;
  /** Inclusive. */
  to: IsoDate;
}

export interface ExpandHolidaysOptions {
  /**
   * Whether holidays that are not all-day (IsAllDay false: the office closes for part of the
   * day) make the whole day a non-campaign day. Off by default: a campaign day is a whole day,
   * and the office is open for part of it.
   */
  includePartialDays?: boolean;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const INSTANCES = { First: 1, Second: 2, Third: 3, Fourth: 4, Last: -1 } as const;
const WEEKDAYS_MASK = 2 + 4 + 8 + 16 + 32;

/** Every holiday date within the range, sorted, without duplicates. Bad records are skipped. */
export function expandHolidays(
  records: readonly HolidayRecord[],
  range: HolidayRange,
  options: ExpandHolidaysOptions = {},
): IsoDate[] {
  const from = parseIsoDate(range.from);
  const to = parseIsoDate(range.to);
  if (from === null || to === null)
    throw new RangeError(`Holiday range ${range.from}…${range.to}: expected YYYY-MM-DD dates`);
  const days = new Set<DayNumber>();
  for (const record of records) {
    if (record.IsAllDay === false && !options.includePartialDays) continue;
    for (const day of occurrences(record, from, to)) days.add(day);
  }
  return [...days].sort((a, b) => a - b).map(formatIsoDate);
}

function occurrences(record: HolidayRecord, from: DayNumber, to: DayNumber): DayNumber[] {
  if (!record.IsRecurrence) {
    const day = parseIsoDate(record.ActivityDate ?? '');
    return day !== null && day >= from && day <= to ? [day] : [];
  }
  const start = parseIsoDate(record.RecurrenceStartDate ?? record.ActivityDate ?? '');
  if (start === null) return [];
  const end = record.RecurrenceEndDateOnly ? parseIsoDate(record.RecurrenceEndDateOnly) : null;
  const first = Math.max(start, from);
  const last = end === null ? to : Math.min(end, to);
  const interval = Math.max(1, Math.floor(record.RecurrenceInterval ?? 1));
  const found: DayNumber[] = [];
  for (let day = first; day <= last; day++) if (occursOn(record, day, start, interval)) found.push(day);
  return found;
}

function occursOn(record: HolidayRecord, day: DayNumber, start: DayNumber, interval: number): boolean {
  const mask = record.RecurrenceDayOfWeekMask ?? 0;
  const onWeekdayOf = (m: number) => (m & (1 << weekdayOf(day))) !== 0;
  const date = civilFromDayNumber(day);
  const startDate = civilFromDayNumber(start);
  const monthsSinceStart = (date.year - startDate.year) * 12 + (date.month - startDate.month);
  switch (record.RecurrenceType) {
    case 'RecursDaily':
      return (day - start) % interval === 0;
    case 'RecursEveryWeekday':
      return onWeekdayOf(WEEKDAYS_MASK);
    case 'RecursWeekly': {
      // Weeks run Sunday to Saturday; the interval counts weeks from the start's week.
      const weeks = Math.floor((day - weekdayOf(day) - (start - weekdayOf(start))) / 7);
      return weeks % interval === 0 && onWeekdayOf(mask);
    }
    case 'RecursMonthly':
      return (
        monthsSinceStart % interval === 0 &&
        date.day === clampedDayOfMonth(record.RecurrenceDayOfMonth, date.year, date.month)
      );
    case 'RecursMonthlyNth':
      return monthsSinceStart % interval === 0 && isNthWeekday(record, day, mask);
    case 'RecursYearly':
      return (
        MONTHS[date.month - 1] === record.RecurrenceMonthOfYear &&
        date.day === clampedDayOfMonth(record.RecurrenceDayOfMonth, date.year, date.month)
      );
    case 'RecursYearlyNth':
      return MONTHS[date.month - 1] === record.RecurrenceMonthOfYear && isNthWeekday(record, day, mask);
    default:
      return false;
  }
}

/** Day 31 in a 30-day month falls on its last day, as Salesforce's calendar shows it. */
function clampedDayOfMonth(dayOfMonth: number | null | undefined, year: number, month: number): number {
  if (!dayOfMonth) return -1;
  return Math.min(dayOfMonth, daysInMonth(year, month));
}

/** True when `day` is the First…Fourth or Last day of the month whose weekday is in the mask. */
function isNthWeekday(record: HolidayRecord, day: DayNumber, mask: number): boolean {
  const instance = record.RecurrenceInstance ? INSTANCES[record.RecurrenceInstance] : undefined;
  if (instance === undefined || (mask & (1 << weekdayOf(day))) === 0) return false;
  const { year, month } = civilFromDayNumber(day);
  const monthStart = dayNumberFromCivil(year, month, 1);
  const monthEnd = monthStart + daysInMonth(year, month) - 1;
  const matching: DayNumber[] = [];
  for (let candidate = monthStart; candidate <= monthEnd; candidate++) {
    if ((mask & (1 << weekdayOf(candidate))) !== 0) matching.push(candidate);
  }
  return instance === -1 ? matching[matching.length - 1] === day : matching[instance - 1] === day;
}
