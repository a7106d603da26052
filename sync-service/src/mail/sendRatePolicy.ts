// "When may this sender send next?" — the per-sender daily cap, the minimum spacing between
// one sender's emails and the send window, org settings read in the sender's time zone
// (DESIGN §2.5). Pure: the dispatcher passes the sender's recent sends and asks for the
// earliest allowed instant at or after the email's planned moment. The policy only delays;
// the dispatcher keeps a person's steps in order.
import { assertTimeZone, instantOf, localDayAndMinute } from './zonedTime.ts';

export interface SendRateSettings {
  /** Emails one sender may send per local calendar day; null = no cap, 0 = sending paused. */
  readonly dailyCap: number | null;
  /** Minimum time between two emails of one sender, in milliseconds (0 = none). */
  readonly minSpacingMs: number;
  /** Local times `HH:mm`, start inclusive, end exclusive; end < start spans midnight. Null = any time. */
  readonly window: { readonly start: string; readonly end: string } | null;
  /** The sender's IANA time zone. */
  readonly timeZone: string;
}

export class RatePolicyError extends Error {
  override readonly name = 'RatePolicyError';
  constructor(
    readonly code: 'MAIL.INVALID_SEND_WINDOW' | 'MAIL.INVALID_TIME_ZONE',
    message: string,
  ) {
    super(message);
  }
}

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Enough to cross a year of full days; a bound, not an expected count. */
const MAX_STEPS = 800;

function minutes(text: string, which: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (!match)
    throw new RatePolicyError(
      'MAIL.INVALID_SEND_WINDOW',
      `send window ${which} "${text}" is not a time HH:mm`,
    );
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * The earliest instant at or after `earliest` when the sender may send, or null when the cap
 * is 0. `sends` are the sender's emails already sent or reserved: at least those since the
 * start of the local day of `earliest`, and the latest one.
 */
export function nextSendTime(
  settings: SendRateSettings,
  sends: readonly Date[],
  earliest: Date,
): Date | null {
  if (settings.dailyCap === 0) return null;
  try {
    assertTimeZone(settings.timeZone);
  } catch {
    throw new RatePolicyError(
      'MAIL.INVALID_TIME_ZONE',
      `sender time zone "${settings.timeZone}" is not an IANA time zone`,
    );
  }
  const zone = settings.timeZone;
  const start = settings.window ? minutes(settings.window.start, 'start') : 0;
  const end = settings.window ? minutes(settings.window.end, 'end') : 0;
  if (settings.window && start === end)
    throw new RatePolicyError('MAIL.INVALID_SEND_WINDOW', 'send window start and end are equal');
  const inWindow = (minute: number): boolean =>
    !settings.window || (start < end ? minute >= start && minute < end : minute >= start || minute < end);

  const times = sends.map((d) => d.getTime());
  const last = times.length > 0 ? Math.max(...times) : null;
  let candidate = earliest.getTime();
  if (last !== null && settings.minSpacingMs > 0)
    candidate = Math.max(candidate, last + settings.minSpacingMs);

  for (let step = 0; step < MAX_STEPS; step++) {
    const { day, minute } = localDayAndMinute(candidate, zone);
    if (!inWindow(minute)) {
      // The next window opening: today if it is still ahead, else tomorrow.
      const opening = minute < start ? day + start * MINUTE : day + DAY + start * MINUTE;
      candidate = instantOf(opening, zone);
      continue;
    }
    if (settings.dailyCap !== null) {
      const sentThatDay = times.filter((t) => localDayAndMinute(t, zone).day === day).length;
      if (sentThatDay >= settings.dailyCap) {
        candidate = instantOf(day + DAY, zone);
        continue;
      }
    }
    return new Date(candidate);
  }
  return null;
}
