// The subject of a follow-up: `Re: <original>`, never `Re: Re:`. Reply prefixes that mail
// clients in other languages add (AW: German, SV: Nordic, Antw: Dutch, RE : French spacing,
// Re[2]: counters) are removed before one `Re: ` is put back; forward prefixes (Fwd:, FW:, WG:)
// are part of the original subject and stay.
import { decodeEncodedWords } from './encodedWords.ts';
import { headerSafe } from './headerText.ts';

const REPLY_PREFIX = /^\s*(?:re|aw|sv|antw|vs|odp|ynt|r)(?:\s*\[\d+\]|\s*\(\d+\))?\s*[:：]\s*/i;

export function stripReplyPrefixes(subject: string): string {
  let rest = headerSafe(decodeEncodedWords(subject));
  for (let match = REPLY_PREFIX.exec(rest); match !== null; match = REPLY_PREFIX.exec(rest)) {
    rest = rest.slice(match[0].length);
  }
  return rest;
}

export function replySubject(original: string): string {
  const base = stripReplyPrefixes(original);
  return base === '' ? 'Re:' : `Re: ${base}`;
}
