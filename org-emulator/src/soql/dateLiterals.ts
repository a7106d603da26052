// SOQL's relative date literals (TODAY, LAST_N_DAYS:7, THIS_MONTH …) as [start, end) instants.
// Salesforce resolves them in the running user's time zone; the emulator uses UTC (README).
import { malformed } from './compileQuery.ts';

const DAY = 86_400_000;

function startOfDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

function startOfWeek(ms: number): number {
  const day = startOfDay(ms);
  return day - new Date(day).getUTCDay() * DAY; // weeks start on Sunday
}

function monthStart(ms: number, offsetMonths: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offsetMonths, 1);
}

function yearStart(ms: number, offsetYears: number): number {
  return Date.UTC(new Date(ms).getUTCFullYear() + offsetYears, 0, 1);
}

function quarterStart(ms: number, offsetQuarters: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3 + offsetQuarters * 3, 1);
}

export function dateLiteralRange(name: string, n: number, now: number): [number, number] {
  const today = startOfDay(now);
  const week = startOfWeek(now);
  switch (name) {
    case 'YESTERDAY':
      return [today - DAY, today];
    case 'TODAY':
      return [today, today + DAY];
    case 'TOMORROW':
      return [today + DAY, today + 2 * DAY];
    case 'LAST_WEEK':
      return [week - 7 * DAY, week];
    case 'THIS_WEEK':
      return [week, week + 7 * DAY];
    case 'NEXT_WEEK':
      return [week + 7 * DAY, week + 14 * DAY];
    case 'LAST_MONTH':
      return [monthStart(now, -1), monthStart(now, 0)];
    case 'THIS_MONTH':
      return [monthStart(now, 0), monthStart(now, 1)];
    case 'NEXT_MONTH':
      return [monthStart(now, 1), monthStart(now, 2)];
    case 'LAST_90_DAYS':
      return [today - 90 * DAY, today + DAY];
    case 'NEXT_90_DAYS':
      return [today + DAY, today + 91 * DAY];
    case 'THIS_QUARTER':
      return [quarterStart(now, 0), quarterStart(now, 1)];
    case 'LAST_QUARTER':
      return [quarterStart(now, -1), quarterStart(now, 0)];
    case 'NEXT_QUARTER':
      return [quarterStart(now, 1), quarterStart(now, 2)];
    case 'THIS_YEAR':
      return [yearStart(now, 0), yearStart(now, 1)];
    case 'LAST_YEAR':
      return [yearStart(now, -1), yearStart(now, 0)];
    case 'NEXT_YEAR':
      return [yearStart(now, 1), yearStart(now, 2)];
    case 'LAST_N_DAYS':
      return [today - n * DAY, today + DAY];
    case 'NEXT_N_DAYS':
      return [today + DAY, today + (n + 1) * DAY];
    case 'N_DAYS_AGO':
      return [today - n * DAY, today - (n - 1) * DAY];
    case 'LAST_N_WEEKS':
      return [week - n * 7 * DAY, week];
    case 'NEXT_N_WEEKS':
      return [week + 7 * DAY, week + (n + 1) * 7 * DAY];
    case 'LAST_N_MONTHS':
      return [monthStart(now, -n), monthStart(now, 0)];
    case 'NEXT_N_MONTHS':
      return [monthStart(now, 1), monthStart(now, n + 1)];
    case 'LAST_N_YEARS':
      return [yearStart(now, -n), yearStart(now, 0)];
    case 'NEXT_N_YEARS':
      return [yearStart(now, 1), yearStart(now, n + 1)];
    default:
      throw malformed(`date literal ${name} is not supported by the org emulator`);
  }
}
