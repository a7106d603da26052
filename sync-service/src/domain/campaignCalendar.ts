// Campaign days (DESIGN §2.1): calendar days, minus Saturdays and Sundays when the campaign
// skips weekends, minus the given holidays. Day n of a campaign is Day 1 plus n−1 of them.

import { isWeekend, parseIsoDate, type DayNumber, type IsoDate } from './calendarDate.ts';

export class CampaignCalendar {
  constructor(
    readonly skipWeekends: boolean,
    /** Dates that are not campaign days, as day numbers. */
    readonly holidays: ReadonlySet<DayNumber>,
  ) {}

  isCampaignDay(day: DayNumber): boolean {
    return !(this.skipWeekends && isWeekend(day)) && !this.holidays.has(day);
  }

  /** The n-th campaign day after `day` (n = 0 gives `day` itself, campaign day or not). */
  addCampaignDays(day: DayNumber, n: number): DayNumber {
    let current = day;
    for (let left = n; left > 0; left--) current = this.nextCampaignDayAfter(current);
    return current;
  }

  nextCampaignDayAfter(day: DayNumber): DayNumber {
    let current = day + 1;
    // A calendar with every day excluded cannot exist: at most weekends and a finite holiday set.
    while (!this.isCampaignDay(current)) current++;
    return current;
  }

  firstCampaignDayFrom(day: DayNumber): DayNumber {
    return this.isCampaignDay(day) ? day : this.nextCampaignDayAfter(day);
  }

  /** How many campaign days d there are with after < d ≤ upTo (0 when upTo ≤ after). */
  campaignDaysBetween(after: DayNumber, upTo: DayNumber): number {
    let count = 0;
    for (let day = after + 1; day <= upTo; day++) if (this.isCampaignDay(day)) count++;
    return count;
  }
}

const cache = new WeakMap<object, [CampaignCalendar | undefined, CampaignCalendar | undefined]>();
const noHolidays: readonly IsoDate[] = [];

/**
 * The calendar for a campaign's weekend setting and a list of non-campaign dates. Calendars are
 * cached per holiday collection object, so planning many people with the same list is cheap.
 * Dates that are not `YYYY-MM-DD` are ignored here; the callers validate their input.
 */
export function campaignCalendar(
  skipWeekends: boolean,
  holidays: Iterable<IsoDate> = noHolidays,
): CampaignCalendar {
  const key = holidays as object;
  let entry = cache.get(key);
  if (!entry) {
    entry = [undefined, undefined];
    cache.set(key, entry);
  }
  const slot = skipWeekends ? 1 : 0;
  let calendar = entry[slot];
  if (!calendar) {
    const days = new Set<DayNumber>();
    for (const date of holidays) {
      const day = parseIsoDate(date);
      if (day !== null) days.add(day);
    }
    calendar = new CampaignCalendar(skipWeekends, days);
    entry[slot] = calendar;
  }
  return calendar;
}
