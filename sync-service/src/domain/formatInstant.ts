// Instants as the plan's JSON writes them: UTC, to the second, with a Z (DESIGN §5).

import type { EpochMs } from './zonedTime.ts';

export function formatInstant(instant: EpochMs): string {
  return new Date(Math.floor(instant / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

// ISO 8601 with an explicit offset: an instant without one would depend on whoever reads it.
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

/** Parses `2026-04-30T10:00:00Z` or `2026-04-30T12:00:00+02:00`; null for anything else. */
export function parseInstant(text: string): EpochMs | null {
  const match = INSTANT.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second = '0', fraction = '', zone = 'Z'] = match;
  const wall = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
  );
  const check = new Date(wall);
  if (check.getUTCMonth() !== Number(month) - 1 || check.getUTCDate() !== Number(day) || Number(hour) > 23)
    return null;
  const millis = fraction === '' ? 0 : Math.floor(Number(`0${fraction}`) * 1000);
  if (zone.toUpperCase() === 'Z') return wall + millis;
  const sign = zone.startsWith('-') ? -1 : 1;
  const offset = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
  return wall + millis - offset;
}
