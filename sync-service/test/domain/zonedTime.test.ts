// Wall clock ↔ instant, with DST tables written from each zone's published rules.
import { describe, expect, it } from 'vitest';
import {
  formatInstant,
  isValidTimeZone,
  localDayOf,
  localMinuteOf,
  formatIsoDate,
  parseIsoDate,
  parseTimeOfDay,
  utcOffsetAt,
  zonedInstant,
} from '../../src/domain/index.ts';

function wallToUtc(zone: string, date: string, time: string): string {
  return formatInstant(zonedInstant(zone, parseIsoDate(date)!, parseTimeOfDay(time)!));
}

describe('zonedInstant: local date and time → instant', () => {
  const cases: Array<[zone: string, date: string, time: string, expected: string, why: string]> = [
    // America/New_York 2026: EST −05:00 until 8 Mar 02:00 → EDT −04:00 until 1 Nov 02:00.
    ['America/New_York', '2026-01-15', '09:00', '2026-01-15T14:00:00Z', 'winter, EST'],
    ['America/New_York', '2026-07-15', '09:00', '2026-07-15T13:00:00Z', 'summer, EDT'],
    ['America/New_York', '2026-03-08', '01:59', '2026-03-08T06:59:00Z', 'last minute before the gap'],
    ['America/New_York', '2026-03-08', '02:30', '2026-03-08T07:30:00Z', 'inside the gap: 02:30 → 03:30 EDT'],
    [
      'America/New_York',
      '2026-03-08',
      '02:00',
      '2026-03-08T07:00:00Z',
      'start of the gap: 02:00 → 03:00 EDT',
    ],
    ['America/New_York', '2026-03-08', '03:00', '2026-03-08T07:00:00Z', 'first valid minute after the gap'],
    [
      'America/New_York',
      '2026-11-01',
      '01:30',
      '2026-11-01T05:30:00Z',
      'repeated hour: earlier instant (EDT)',
    ],
    ['America/New_York', '2026-11-01', '00:30', '2026-11-01T04:30:00Z', 'before the repeated hour'],
    ['America/New_York', '2026-11-01', '02:00', '2026-11-01T07:00:00Z', 'after the repeated hour (EST)'],
    // Europe/London 2026: GMT until 29 Mar 01:00 → BST +01:00 until 25 Oct 02:00.
    ['Europe/London', '2026-01-15', '09:00', '2026-01-15T09:00:00Z', 'winter, GMT'],
    ['Europe/London', '2026-07-15', '09:00', '2026-07-15T08:00:00Z', 'summer, BST'],
    ['Europe/London', '2026-03-29', '01:30', '2026-03-29T01:30:00Z', 'inside the gap: 01:30 → 02:30 BST'],
    ['Europe/London', '2026-10-25', '01:30', '2026-10-25T00:30:00Z', 'repeated hour: earlier instant (BST)'],
    // Australia/Sydney 2026: AEDT +11:00 until 5 Apr 03:00 → AEST +10:00 until 4 Oct 02:00.
    ['Australia/Sydney', '2026-01-15', '09:00', '2026-01-14T22:00:00Z', 'southern summer, AEDT'],
    ['Australia/Sydney', '2026-07-15', '09:00', '2026-07-14T23:00:00Z', 'southern winter, AEST'],
    [
      'Australia/Sydney',
      '2026-04-05',
      '02:30',
      '2026-04-04T15:30:00Z',
      'repeated hour: earlier instant (AEDT)',
    ],
    ['Australia/Sydney', '2026-10-04', '02:30', '2026-10-03T16:30:00Z', 'inside the gap: 02:30 → 03:30 AEDT'],
    // Asia/Kolkata: +05:30 all year.
    ['Asia/Kolkata', '2026-03-08', '09:00', '2026-03-08T03:30:00Z', 'half-hour offset'],
    [
      'Asia/Kolkata',
      '2026-11-01',
      '00:15',
      '2026-10-31T18:45:00Z',
      'just after midnight is the previous UTC day',
    ],
    // Pacific/Chatham: +12:45, +13:45 from the last Sunday of September 02:45 to the first
    // Sunday of April 03:45.
    ['Pacific/Chatham', '2026-07-01', '09:00', '2026-06-30T20:15:00Z', 'winter, +12:45'],
    ['Pacific/Chatham', '2026-01-15', '09:00', '2026-01-14T19:15:00Z', 'summer, +13:45'],
    [
      'Pacific/Chatham',
      '2026-04-05',
      '03:15',
      '2026-04-04T13:30:00Z',
      'repeated hour 02:45–03:45: earlier instant (+13:45)',
    ],
    [
      'Pacific/Chatham',
      '2026-09-27',
      '03:00',
      '2026-09-26T14:15:00Z',
      'inside the gap 02:45–03:45: 03:00 → 04:00',
    ],
    // America/Mexico_City stopped DST after 30 Oct 2022: CDT −05:00 in summer 2022, CST −06:00 since.
    ['America/Mexico_City', '2022-07-01', '09:00', '2022-07-01T14:00:00Z', 'summer 2022, still CDT'],
    ['America/Mexico_City', '2023-07-01', '09:00', '2023-07-01T15:00:00Z', 'summer 2023, CST: no more DST'],
    [
      'America/Mexico_City',
      '2022-04-03',
      '02:30',
      '2022-04-03T08:30:00Z',
      '2022 spring gap: 02:30 → 03:30 CDT',
    ],
    [
      'America/Mexico_City',
      '2023-04-02',
      '02:30',
      '2023-04-02T08:30:00Z',
      'no gap any more in 2023: 02:30 CST',
    ],
    // Asia/Tehran dropped DST from 2023: +04:30 in summer 2022, +03:30 since.
    ['Asia/Tehran', '2022-07-01', '09:00', '2022-07-01T04:30:00Z', 'summer 2022, +04:30'],
    ['Asia/Tehran', '2023-07-01', '09:00', '2023-07-01T05:30:00Z', 'summer 2023, +03:30'],
    ['UTC', '2026-03-08', '02:30', '2026-03-08T02:30:00Z', 'UTC has no gaps'],
  ];

  it.each(cases)('%s %s %s → %s (%s)', (zone, date, time, expected) => {
    expect(wallToUtc(zone, date, time)).toBe(expected);
  });

  it('answers the same for far-apart years, in any order of first use', () => {
    expect(wallToUtc('Europe/Berlin', '2038-07-01', '12:00')).toBe('2038-07-01T10:00:00Z');
    expect(wallToUtc('Europe/Berlin', '2001-01-01', '12:00')).toBe('2001-01-01T11:00:00Z');
    expect(wallToUtc('Europe/Berlin', '2026-07-01', '12:00')).toBe('2026-07-01T10:00:00Z');
  });
});

describe('instant → local date and time of day', () => {
  const cases: Array<[zone: string, instant: string, date: string, minuteText: string]> = [
    ['Europe/Paris', '2026-05-04T22:30:00Z', '2026-05-05', '00:30'],
    ['America/New_York', '2026-05-05T03:59:59Z', '2026-05-04', '23:59'],
    ['Asia/Kolkata', '2026-01-01T18:31:59Z', '2026-01-02', '00:01'],
    ['Pacific/Chatham', '2026-06-30T20:15:30Z', '2026-07-01', '09:00'],
    ['America/New_York', '2026-11-01T06:30:00Z', '2026-11-01', '01:30'],
  ];

  it.each(cases)('%s: %s is %s at %s (seconds dropped)', (zone, text, date, minuteText) => {
    const at = Date.parse(text);
    expect(formatIsoDate(localDayOf(zone, at))).toBe(date);
    expect(localMinuteOf(zone, at)).toBe(parseTimeOfDay(minuteText));
  });

  it('gives the UTC offset in force', () => {
    expect(utcOffsetAt('Pacific/Chatham', Date.parse('2026-01-01T00:00:00Z'))).toBe((13 * 60 + 45) * 60_000);
    expect(utcOffsetAt('Asia/Kolkata', Date.parse('2026-01-01T00:00:00Z'))).toBe((5 * 60 + 30) * 60_000);
  });
});

describe('isValidTimeZone', () => {
  it.each([
    ['Europe/Paris', true],
    ['UTC', true],
    ['Pacific/Chatham', true],
    ['Mars/Olympus', false],
    ['', false],
    ['GMT+25', false],
  ])('%s → %s', (zone, valid) => expect(isValidTimeZone(zone)).toBe(valid));
});

describe('parseTimeOfDay', () => {
  it.each([
    ['09:00', 540],
    ['23:59', 1439],
    ['00:00', 0],
    ['09:00:00.000Z', 540],
    ['08:30:59', 510],
    ['24:00', null],
    ['9:00', null],
    ['09:60', null],
    ['', null],
  ])('%s → %s', (text, minutes) => expect(parseTimeOfDay(text)).toBe(minutes));
});
