// RFC 2047 encoded-words (=?UTF-8?B?…?=, =?ISO-8859-1?Q?…?=) in a subject that reached the org
// straight from a mail header — an email sent from Gmail or Outlook and logged raw. Decoded
// before the subject is reused, so a follow-up reads "Re: Café" and not "Re: =?UTF-8?Q?Caf=C3=A9?=";
// encoding again on the way out is the transport's job.

const ENCODED_WORD = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;
/** Whitespace between two adjacent encoded-words is not part of the text (RFC 2047 §6.2). */
const BETWEEN_WORDS = /(\?=)\s+(?==\?[^?\s]+\?[BbQq]\?)/g;

function decodeWord(charset: string, encoding: string, text: string): string | null {
  let bytes: Uint8Array;
  if (encoding.toUpperCase() === 'B') {
    bytes = Buffer.from(text, 'base64');
  } else {
    const binary = text
      .replace(/_/g, ' ')
      .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    bytes = Buffer.from(binary, 'latin1');
  }
  try {
    // RFC 2231 language suffix: UTF-8*en
    return new TextDecoder(charset.split('*')[0], { fatal: false }).decode(bytes);
  } catch {
    return null; // unknown charset: leave the word as it was
  }
}

export function decodeEncodedWords(value: string): string {
  if (!value.includes('=?')) return value;
  return value
    .replace(BETWEEN_WORDS, '$1')
    .replace(
      ENCODED_WORD,
      (word, charset: string, encoding: string, text: string) => decodeWord(charset, encoding, text) ?? word,
    );
}
