// Times of day as whole minutes after local midnight. Campaign times have minute precision
// (DESIGN §2.1: a time of day taken from an instant keeps hours and minutes, drops seconds).

/** Minutes after local midnight, 0 … 1439. */
export type MinuteOfDay = number;

// `HH:mm` as typed in the builder and kept in custom metadata; `HH:mm:ss(.SSS)(Z)` as Salesforce
// REST returns Time fields — that `Z` does not mean UTC, it is just part of the format.
const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,3})?)?Z?$/;

/** Parses a wall-clock time; returns null when it is not one. Seconds are dropped. */
export function parseTimeOfDay(text: string): MinuteOfDay | null {
  const match = TIME_OF_DAY.exec(text);
  if (!match) return null;
  return Number(match[1]) * 60 + Number(match[2]);
}

export function formatTimeOfDay(minutes: MinuteOfDay): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `${hours < 10 ? '0' : ''}${hours}:${rest < 10 ? '0' : ''}${rest}`;
}
