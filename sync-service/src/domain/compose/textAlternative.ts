// The text/plain part of every email, derived from its HTML. Lines are not re-wrapped: a merge
// value is put in after conversion, so wrapping here would measure the token, not the value;
// mail clients wrap text themselves, and the transport's quoted-printable encoding keeps long
// lines legal. Blockquotes become `> ` lines, nested quotes `> > `, as mail clients expect.
import { compile } from 'html-to-text';

const convert = compile({
  wordwrap: false,
  selectors: [
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true, linkBrackets: ['<', '>'] } },
    { selector: 'img', format: 'skip' },
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'h4', options: { uppercase: false } },
    { selector: 'h5', options: { uppercase: false } },
    { selector: 'h6', options: { uppercase: false } },
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
  ],
});

export function htmlToPlainText(html: string): string {
  return tidyText(convert(html));
}

const BLANK = /^[> ]*$/;

/**
 * Trailing spaces go, and a run of blank lines (or of bare `>` lines inside a quote) becomes
 * one, so the text derived from a quoted email's HTML is the same text that was sent with it.
 */
export function tidyText(text: string): string {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (BLANK.test(line) && out.length > 0 && out[out.length - 1] === line) continue;
    out.push(line);
  }
  return out.join('\n').trim();
}
