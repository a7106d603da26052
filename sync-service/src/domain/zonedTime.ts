// Wall clock ↔ instant in any IANA time zone, using the platform's Intl data (works the same in
// Node and in the browser, whatever the host's own time zone is).
//
// Asking Intl for every conversion costs microseconds, far too slow for planning millions of
// steps, so each zone's UTC-offset transitions are found once per calendar year (one Intl call
// per day of the year, then a binary search to the second) and kept. A conversion is then a
// binary search in a short sorted list. Offset changes that start and undo themselves within
// a single day would be missed; no zone has had one since the tz database began tracking them.

import { MS_PER_DAY, MS_PER_MINUTE, type DayNumber } from './calendarDate.ts';
import type { MinuteOfDay } from './timeOfDay.ts';

/** Milliseconds since 1970-01-01T00:00:00Z. */
export type EpochMs = number;

const MS_PER_SECOND = 1000;

/** One zone's offset transitions, found through Intl once per year and kept. */
export class ZoneRules {
  /** Instants at which the offset changes, ascending, and the offset from each one on. */
  private transitionAt: number[] = [];
  private offsetAfter: number[] = [];
  private offsetBeforeFirst = 0;
  private coveredFromYear = 0;
  private coveredToYear = -1;
  private coveredFrom = 0;
  private coveredTo = 0;
  private readonly format: Intl.DateTimeFormat;

  constructor(readonly name: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** The local calendar date of an instant. */
  dayOf(instant: EpochMs): DayNumber {
    return Math.floor((instant + this.offsetAt(instant)) / MS_PER_DAY);
  }

  /** The local time of day of an instant, in whole minutes (seconds dropped). */
  minuteOf(instant: EpochMs): MinuteOfDay {
    const wall = instant + this.offsetAt(instant);
    return Math.floor((wall - Math.floor(wall / MS_PER_DAY) * MS_PER_DAY) / MS_PER_MINUTE);
  }

  /** See zonedInstant. */
  instantOf(day: DayNumber, minute: MinuteOfDay): EpochMs {
    const wall = day * MS_PER_DAY + minute * MS_PER_MINUTE;
    // Offsets a day either side bracket any transition near this wall time.
    const offsetBefore = this.offsetAt(wall - MS_PER_DAY);
    const offsetAfter = this.offsetAt(wall + MS_PER_DAY);
    if (offsetBefore === offsetAfter) return wall - offsetBefore;
    const earlier = wall - Math.max(offsetBefore, offsetAfter);
    const later = wall - Math.min(offsetBefore, offsetAfter);
    if (this.offsetAt(earlier) + earlier === wall) return earlier;
    if (this.offsetAt(later) + later === wall) return later;
    // In the gap: read the wall time with the offset from before the jump, which lands the
    // same distance past the jump as the wall time was past its start.
    return wall - offsetBefore;
  }

  /** UTC offset (ms) in force at an instant: local wall time = instant + offset. */
  offsetAt(instant: EpochMs): number {
    if (instant < this.coveredFrom || instant >= this.coveredTo) this.cover(instant);
    const at = this.transitionAt;
    let low = 0;
    let high = at.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (at[mid]! <= instant) low = mid + 1;
      else high = mid;
    }
    return low === 0 ? this.offsetBeforeFirst : this.offsetAfter[low - 1]!;
  }

  private cover(instant: EpochMs): void {
    const year = new Date(instant).getUTCFullYear();
    if (this.coveredToYear < this.coveredFromYear) {
      this.coveredFromYear = year;
      this.coveredToYear = year - 1;
    }
    const from = Math.min(year, this.coveredFromYear);
    const to = Math.max(year, this.coveredToYear);
    const transitions: Array<[number, number]> = [];
    for (let y = from; y <= to; y++) {
      if (y >= this.coveredFromYear && y <= this.coveredToYear) continue;
      transitions.push(...this.transitionsOfYear(y));
    }
    for (let i = 0; i < this.transitionAt.length; i++)
      transitions.push([this.transitionAt[i]!, this.offsetAfter[i]!]);
    transitions.sort((a, b) => a[0] - b[0]);
    this.transitionAt = transitions.map(([at]) => at);
    this.offsetAfter = transitions.map(([, offset]) => offset);
    this.coveredFromYear = from;
    this.coveredToYear = to;
    this.coveredFrom = Date.UTC(from, 0, 1);
    this.coveredTo = Date.UTC(to + 1, 0, 1);
    this.offsetBeforeFirst = this.intlOffset(this.coveredFrom);
  }

  private transitionsOfYear(year: number): Array<[number, number]> {
    const found: Array<[number, number]> = [];
    const end = Date.UTC(year + 1, 0, 1);
    let previousAt = Date.UTC(year, 0, 1);
    let previousOffset = this.intlOffset(previousAt);
    for (let at = previousAt + MS_PER_DAY; at <= end; at += MS_PER_DAY) {
      const offset = this.intlOffset(at);
      if (offset !== previousOffset) {
        // The change happened in (previousAt, at]: narrow it down to the second.
        let low = previousAt;
        let high = at;
        while (high - low > MS_PER_SECOND) {
          const mid = low + Math.floor((high - low) / 2 / MS_PER_SECOND) * MS_PER_SECOND;
          if (this.intlOffset(mid) === previousOffset) low = mid;
          else high = mid;
        }
        // A change exactly at the year boundary belongs to the next year's scan.
        if (high < end) found.push([high, offset]);
        previousOffset = offset;
      }
      previousAt = at;
    }
    return found;
  }

  private intlOffset(instant: EpochMs): number {
    const seconds = Math.floor(instant / MS_PER_SECOND) * MS_PER_SECOND;
    const parts = this.format.formatToParts(new Date(seconds));
    let year = 0;
    let month = 1;
    let day = 1;
    let hour = 0;
    let minute = 0;
    let second = 0;
    for (const part of parts) {
      switch (part.type) {
        case 'year':
          year = Number(part.value);
          break;
        case 'month':
          month = Number(part.value);
          break;
        case 'day':
          day = Number(part.value);
          break;
        case 'hour':
          hour = Number(part.value);
          break;
        case 'minute':
          minute = Number(part.value);
          break;
        case 'second':
          second = Number(part.value);
          break;
        default:
          break;
      }
    }
    const wall = Date.UTC(year, month - 1, day, hour, minute, second);
    return wall - seconds;
  }
}

const zones = new Map<string, ZoneRules | null>();

/** The cached rules of a zone; throws a RangeError for a zone Intl does not know. */
export function timeZoneRules(timeZone: string): ZoneRules {
  const rules = zones.get(timeZone);
  if (rules) return rules;
  if (rules === null || !isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`);
  return zones.get(timeZone)!;
}

/** True for any zone name the platform's Intl data knows (`Europe/Paris`, `UTC`, …). */
export function isValidTimeZone(timeZone: string): boolean {
  const known = zones.get(timeZone);
  if (known !== undefined) return known !== null;
  try {
    zones.set(timeZone, new ZoneRules(timeZone));
    return true;
  } catch {
    zones.set(timeZone, null);
    return false;
  }
}

/** UTC offset in milliseconds at an instant (Paris in summer: +7 200 000). */
export function utcOffsetAt(timeZone: string, instant: EpochMs): number {
  return timeZoneRules(timeZone).offsetAt(instant);
}

/** The local calendar date of an instant. */
export function localDayOf(timeZone: string, instant: EpochMs): DayNumber {
  return timeZoneRules(timeZone).dayOf(instant);
}

/** The local time of day of an instant, in whole minutes (seconds dropped, DESIGN §2.1). */
export function localMinuteOf(timeZone: string, instant: EpochMs): MinuteOfDay {
  return timeZoneRules(timeZone).minuteOf(instant);
}

/**
 * The instant of a local date and time of day. A time inside a spring-forward gap moves forward
 * by the gap's length (02:30 → 03:30); a time repeated by a fall-back takes the earlier instant.
 */
export function zonedInstant(timeZone: string, day: DayNumber, minute: MinuteOfDay): EpochMs {
  return timeZoneRules(timeZone).instantOf(day, minute);
}

/** Local midnight starting a date (the gap rule applies where midnight does not exist). */
export function startOfLocalDay(timeZone: string, day: DayNumber): EpochMs {
  return timeZoneRules(timeZone).instantOf(day, 0);
}
