// The line above a quoted email, as Gmail writes it in English, with the date and time in the
// sender's time zone (the reader sees when "they" wrote it, in the sender's day):
//   On Mon, May 4, 2026 at 8:30 AM, Bob Smith <bob@example.com> wrote:
// Intl's formatToParts costs ~15 µs, most of a follow-up's composition, so only the zone's UTC
// offset comes from Intl — remembered per quarter hour, since every zone changes its offset on
// a quarter-hour boundary — and the date is written from the shifted instant. Writing it
// ourselves also keeps ICU's narrow no-break space before "AM" out of the mail.
import { ComposeError } from './composeError.ts';
import type { Address } from './headerText.ts';

const QUARTER_HOUR = 15 * 60 * 1000;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
      });
    } catch {
      throw new ComposeError(
        'MAIL.INVALID_TIME_ZONE',
        `attribution: "${timeZone}" is not an IANA time zone`,
        'attribution',
        timeZone,
      );
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Milliseconds to add to a UTC instant to get the wall clock of `timeZone`. */
function offsetAt(instant: number, timeZone: string): number {
  const bucket = Math.floor(instant / QUARTER_HOUR) * QUARTER_HOUR;
  const key = `${timeZone}|${bucket}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const part: Record<string, number> = {};
    for (const { type, value } of formatterFor(timeZone).formatToParts(bucket)) part[type] = Number(value);
    offset = Date.UTC(part.year ?? 0, (part.month ?? 1) - 1, part.day, part.hour, part.minute) - bucket;
    if (offsets.size > 10_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

export function attributionDate(sentAt: Date, timeZone: string): string {
  const local = new Date(sentAt.getTime() + offsetAt(sentAt.getTime(), timeZone));
  const hours = local.getUTCHours();
  const minutes = String(local.getUTCMinutes()).padStart(2, '0');
  return (
    `${WEEKDAYS[local.getUTCDay()]}, ${MONTHS[local.getUTCMonth()]} ${local.getUTCDate()}, ${local.getUTCFullYear()} ` +
    `at ${hours % 12 === 0 ? 12 : hours % 12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`
  );
}

export function attributionLine(sentAt: Date, timeZone: string, sender: Address): string {
  const who = sender.name ? `${sender.name} <${sender.address}>` : `<${sender.address}>`;
  return `On ${attributionDate(sentAt, timeZone)}, ${who} wrote:`;
}
