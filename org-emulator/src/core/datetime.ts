// Salesforce's wire formats for temporal values: datetimes as `2026-03-09T14:00:00.000+0000`,
// dates as `2026-03-09`, times as `09:00:00.000Z` (where the Z does not mean UTC: a Time field is
// a wall-clock time of day with no zone).

export function formatDateTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('Z', '+0000');
}

export function formatDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** Parses an ISO-8601 datetime the way the REST API accepts them; NaN when invalid. */
export function parseDateTime(value: string): number {
  const match =
    /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?))?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(
      value.trim(),
    );
  if (!match) return Number.NaN;
  const [, date, time = '00:00:00', zone = 'Z'] = match;
  const normalisedZone =
    zone.toUpperCase() === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  const fraction = time.includes('.') ? time.replace(/(\.\d{3})\d*$/, '$1') : time;
  return Date.parse(`${date}T${fraction.length === 5 ? `${fraction}:00` : fraction}${normalisedZone}`);
}

export function isValidDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

/** `9:00`, `09:00:00`, `09:00:00.000Z` → `09:00:00.000Z`; null when not a time of day. */
export function normaliseTime(value: string): string | null {
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?Z?$/i.exec(value.trim());
  if (!match) return null;
  const [, h, m, s = '00', ms = '0'] = match;
  if (Number(h) > 23 || Number(m) > 59 || Number(s) > 59) return null;
  return `${h!.padStart(2, '0')}:${m}:${s}.${ms.padEnd(3, '0')}Z`;
}
