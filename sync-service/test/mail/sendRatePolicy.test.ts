import { describe, expect, it } from 'vitest';
import { nextSendTime, type SendRateSettings } from '../../src/mail/sendRatePolicy.ts';

const paris: SendRateSettings = { dailyCap: null, minSpacingMs: 0, window: null, timeZone: 'Europe/Paris' };
const at = (iso: string): Date => new Date(iso);
const MINUTE = 60_000;

describe('nextSendTime', () => {
  const cases: Array<[string, Partial<SendRateSettings>, string[], string, string | null]> = [
    ['no limits: at once', {}, [], '2026-05-04T07:00:00Z', '2026-05-04T07:00:00Z'],
    [
      'inside the window',
      { window: { start: '08:00', end: '18:00' } },
      [],
      '2026-05-04T07:00:00Z',
      '2026-05-04T07:00:00Z',
    ],
    [
      'before the window: its opening, sender time',
      { window: { start: '08:00', end: '18:00' } },
      [],
      '2026-05-04T04:00:00Z',
      '2026-05-04T06:00:00Z',
    ],
    [
      'after the window: tomorrow’s opening',
      { window: { start: '08:00', end: '18:00' } },
      [],
      '2026-05-04T16:00:00Z',
      '2026-05-05T06:00:00Z',
    ],
    [
      'window end is exclusive',
      { window: { start: '08:00', end: '18:00' } },
      [],
      '2026-05-04T16:00:00Z',
      '2026-05-05T06:00:00Z',
    ],
    [
      'overnight window, inside',
      { window: { start: '22:00', end: '06:00' } },
      [],
      '2026-05-04T02:00:00Z',
      '2026-05-04T02:00:00Z',
    ],
    [
      'overnight window, outside',
      { window: { start: '22:00', end: '06:00' } },
      [],
      '2026-05-04T10:00:00Z',
      '2026-05-04T20:00:00Z',
    ],
    [
      'spacing after the last send',
      { minSpacingMs: 5 * MINUTE },
      ['2026-05-04T06:58:00Z'],
      '2026-05-04T07:00:00Z',
      '2026-05-04T07:03:00Z',
    ],
    [
      'spacing already elapsed',
      { minSpacingMs: 5 * MINUTE },
      ['2026-05-04T06:50:00Z'],
      '2026-05-04T07:00:00Z',
      '2026-05-04T07:00:00Z',
    ],
    [
      'spacing pushes past the window',
      { minSpacingMs: 30 * MINUTE, window: { start: '08:00', end: '18:00' } },
      ['2026-05-04T15:50:00Z'],
      '2026-05-04T15:55:00Z',
      '2026-05-05T06:00:00Z',
    ],
    [
      'cap reached today: tomorrow',
      { dailyCap: 2 },
      ['2026-05-04T06:00:00Z', '2026-05-04T07:00:00Z'],
      '2026-05-04T08:00:00Z',
      '2026-05-04T22:00:00Z',
    ],
    [
      'cap counts the sender’s local day',
      { dailyCap: 1 },
      ['2026-05-03T22:30:00Z'],
      '2026-05-04T08:00:00Z',
      '2026-05-04T22:00:00Z',
    ],
    [
      'yesterday’s sends do not count',
      { dailyCap: 1 },
      ['2026-05-03T21:30:00Z'],
      '2026-05-04T08:00:00Z',
      '2026-05-04T08:00:00Z',
    ],
    [
      'cap and window: tomorrow’s opening',
      { dailyCap: 1, window: { start: '09:00', end: '17:00' } },
      ['2026-05-04T07:00:00Z'],
      '2026-05-04T08:00:00Z',
      '2026-05-05T07:00:00Z',
    ],
    ['cap 0 pauses sending', { dailyCap: 0 }, [], '2026-05-04T08:00:00Z', null],
    // Spring forward in Paris on 29 March 2026: 02:00 → 03:00.
    [
      'window opening in the DST gap moves forward by the gap',
      { window: { start: '02:30', end: '05:00' } },
      [],
      '2026-03-28T23:00:00Z',
      '2026-03-29T01:30:00Z',
    ],
    // Fall back in Paris on 25 October 2026: 03:00 → 02:00, 02:30 happens twice.
    [
      'ambiguous window opening takes the earlier instant',
      { window: { start: '02:30', end: '05:00' } },
      [],
      '2026-10-24T23:00:00Z',
      '2026-10-25T00:30:00Z',
    ],
    [
      'New York sender',
      { window: { start: '09:00', end: '17:00' }, timeZone: 'America/New_York' },
      [],
      '2026-05-04T12:00:00Z',
      '2026-05-04T13:00:00Z',
    ],
  ];
  it.each(cases)('%s', (_name, overrides, sends, earliest, expected) => {
    const result = nextSendTime({ ...paris, ...overrides }, sends.map(at), at(earliest));
    expect(result?.toISOString().replace('.000', '') ?? null).toBe(expected);
  });

  it.each([
    [{ window: { start: '8:00', end: '18:00' } }, 'MAIL.INVALID_SEND_WINDOW'],
    [{ window: { start: '08:00', end: '08:00' } }, 'MAIL.INVALID_SEND_WINDOW'],
    [{ timeZone: 'Europe/Pariss' }, 'MAIL.INVALID_TIME_ZONE'],
  ] as Array<[Partial<SendRateSettings>, string]>)('refuses bad settings %j', (overrides, code) => {
    expect(() => nextSendTime({ ...paris, ...overrides }, [], at('2026-05-04T08:00:00Z'))).toThrow(
      expect.objectContaining({ code }),
    );
  });
});
