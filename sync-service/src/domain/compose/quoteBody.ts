// A follow-up's body: this step's body, then the attribution line and the previous email quoted.
// The previous email's body as sent already ends with its own quote, so quoting it once nests the
// whole conversation in order — a fourth email shows the third, which shows the second …
// HTML follows Gmail's markup (Gmail, Outlook and Apple Mail all collapse and style it as a
// quote); text prefixes every line with `> `.
import { escapeHtmlText } from './htmlEscape.ts';

export const GMAIL_QUOTE_STYLE = 'margin:0 0 0 .8ex;border-left:1px #ccc solid;padding-left:1ex';

export function quoteHtml(ownHtml: string, attribution: string, previousHtml: string): string {
  return (
    `${ownHtml}<br /><div class="gmail_quote"><div class="gmail_attr">${escapeHtmlText(attribution)}<br /></div>` +
    `<blockquote class="gmail_quote" style="${GMAIL_QUOTE_STYLE}">${previousHtml}</blockquote></div>`
  );
}

export function quoteText(ownText: string, attribution: string, previousText: string): string {
  // Plain replaceAll rather than split/map/join or regexes: this runs over every quoted body of
  // every follow-up. The previous text is tidy (textAlternative.ts): no trailing spaces, no
  // runs of blank lines, so an empty line is exactly "\n\n" and becomes a bare ">".
  const quoted = `> ${previousText.trimEnd().replaceAll('\n', '\n> ').replaceAll('\n> \n', '\n>\n')}`;
  return `${ownText.trimEnd()}\n\n${attribution}\n\n${quoted}`;
}
