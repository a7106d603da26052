// The line above a quoted email, as Gmail writes it in English, with the date and time in the
// sender's time zone (the reader sees when "they" wrote it, in the sender's day):
//   On Mon, May 4, 2026 at 8:30 AM, Bob Smith <bob@example.com> wrote:
// Built from formatToParts so ICU's narrow no-break space before "AM" never reaches a mail.
import { ComposeError } from './composeError.ts';
import type { Address } from './headerText.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        weekday: 'short',
        month: 'short',
        day: 'numeric',
        year: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        hour12: true,
      });
    } catch {
      throw new ComposeError('MAIL.INVALID_TIME_ZONE', `attribution: "${timeZone}" is not an IANA time zone`, 'attribution', timeZone);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function attributionDate(sentAt: Date, timeZone: string): string {
  const part: Record<string, string> = {};
  for (const { type, value } of formatterFor(timeZone).formatToParts(sentAt)) part[type] = value;
  return `${part.weekday}, ${part.month} ${part.day}, ${part.year} at ${part.hour}:${part.minute} ${part.dayPeriod}`;
}

export function attributionLine(sentAt: Date, timeZone: string, sender: Address): string {
  const who = sender.name ? `${sender.name} <${sender.address}>` : `<${sender.address}>`;
  return `On ${attributionDate(sentAt, timeZone)}, ${who} wrote:`;
}
