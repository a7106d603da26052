// Wall-clock arithmetic in a sender's IANA time zone, for the rate policy's send window and
// daily cap. DESIGN §2.1's rules: a local time that does not exist (spring-forward gap) moves
// forward by the gap; an ambiguous one (fall-back) takes the earlier instant.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws a RangeError naming the zone when it is not an IANA zone. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/** The wall clock of `instant` in `timeZone`, as milliseconds of a UTC-labelled Date. */
export function wallClock(instant: number, timeZone: string): number {
  const part: Record<string, number> = {};
  for (const { type, value } of formatterFor(timeZone).formatToParts(instant)) part[type] = Number(value);
  const seconds = Date.UTC(
    part.year ?? 0,
    (part.month ?? 1) - 1,
    part.day,
    part.hour,
    part.minute,
    part.second,
  );
  return seconds + (((instant % 1000) + 1000) % 1000);
}

function offsetAt(instant: number, timeZone: string): number {
  return wallClock(instant, timeZone) - instant;
}

const DAY = 86_400_000;

/** The instant at which the wall clock of `timeZone` shows `local` (a UTC-labelled time). */
export function instantOf(local: number, timeZone: string): number {
  // Offsets change months apart: the two offsets a day either side are the only candidates.
  const early = offsetAt(local - DAY, timeZone);
  const late = offsetAt(local + DAY, timeZone);
  const valid = [local - early, local - late].filter((instant) => wallClock(instant, timeZone) === local);
  if (valid.length > 0) return Math.min(...valid);
  // In a spring-forward gap: the pre-transition offset lands `gap` later on the wall clock.
  return local - early;
}

/** Minutes since local midnight, and the local day (UTC-labelled midnight), of an instant. */
export function localDayAndMinute(instant: number, timeZone: string): { day: number; minute: number } {
  const local = wallClock(instant, timeZone);
  const day = Math.floor(local / DAY) * DAY;
  return { day, minute: Math.floor((local - day) / 60_000) };
}
