// The allow-list every HTML body goes through before it reaches an inbox: no script, style,
// event handlers, forms or javascript: links; inline styles only from a short list of properties
// with values that cannot load anything (no url(), no expression()).
//
// sanitize-html costs ~100 µs per kilobyte, too slow to run on every email of a campaign. So two
// things keep it off the hot path: templates are sanitised once and cached (compiledTemplate.ts),
// and `safeHtml` first asks `isCanonicalSafeHtml` — a strict, linear scan that accepts only HTML
// already in the exact shape sanitize-html emits under this policy (our own earlier emails,
// quoted in follow-ups). Anything it does not recognise takes the full sanitizer. The test suite
// checks the two agree: sanitize(x) === x for every x the scan accepts.
import sanitizeHtml from 'sanitize-html';

const ALLOWED_TAGS = [...sanitizeHtml.defaults.allowedTags.filter((tag) => tag !== 'style'), 'img', 'font'];

const LENGTH = String.raw`-?(?:\d+|\d*\.\d+)(?:px|em|rem|ex|pt|%)?`;
const LENGTHS = new RegExp(`^(?:${LENGTH}|auto)(?:\\s+(?:${LENGTH}|auto)){0,3}$`, 'i');
const COLOR = /^(?:#[0-9a-f]{3,8}|[a-z]{3,20}|rgba?\(\s*[\d.]+%?\s*(?:,\s*[\d.]+%?\s*){2,3}\))$/i;
const BORDER = /^[\w.#%-]+(?:\s+[\w.#%-]+){0,3}$/i;

/** Inline style properties kept, with the values allowed for each. */
export const ALLOWED_STYLES: Record<string, RegExp[]> = {
  color: [COLOR],
  'background-color': [COLOR],
  'font-family': [/^[\w\s,'"-]+$/],
  'font-size': [LENGTHS],
  'font-weight': [/^(?:normal|bold|bolder|lighter|[1-9]00)$/],
  'font-style': [/^(?:normal|italic)$/],
  'text-decoration': [/^(?:none|underline|line-through)$/],
  'text-align': [/^(?:left|right|center|justify)$/],
  'line-height': [LENGTHS],
  margin: [LENGTHS],
  'margin-top': [LENGTHS],
  'margin-bottom': [LENGTHS],
  'margin-left': [LENGTHS],
  'margin-right': [LENGTHS],
  padding: [LENGTHS],
  'padding-top': [LENGTHS],
  'padding-bottom': [LENGTHS],
  'padding-left': [LENGTHS],
  'padding-right': [LENGTHS],
  border: [BORDER],
  'border-left': [BORDER],
  width: [LENGTHS],
  'max-width': [LENGTHS],
  height: [LENGTHS],
};

const ALLOWED_CLASSES: Record<string, string[]> = {
  div: ['gmail_quote', 'gmail_attr', 'gmail_signature'],
  blockquote: ['gmail_quote'],
};

const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'width', 'height', 'title'],
  table: ['width', 'border', 'cellpadding', 'cellspacing', 'align'],
  td: ['width', 'align', 'valign', 'colspan', 'rowspan'],
  th: ['width', 'align', 'valign', 'colspan', 'rowspan'],
  font: ['color'],
  '*': ['style'],
};

const LINK_SCHEMES = ['http', 'https', 'mailto', 'tel'];
const IMAGE_SCHEMES = ['http', 'https', 'cid'];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: ALLOWED_ATTRIBUTES,
  allowedClasses: ALLOWED_CLASSES,
  allowedStyles: { '*': ALLOWED_STYLES },
  allowedSchemes: LINK_SCHEMES,
  allowedSchemesByTag: { img: IMAGE_SCHEMES },
  allowProtocolRelative: false,
  // Text of dropped tags such as <script> and <style> is dropped with them.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head'],
};

export function sanitizeBodyHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}

/** Returns `html` unchanged when it is already canonical and safe, else the sanitised copy. */
export function safeHtml(html: string): string {
  return isCanonicalSafeHtml(html) ? html : sanitizeBodyHtml(html);
}

const VOID_TAGS = new Set(['br', 'hr', 'img', 'wbr']);
/**
 * Opening these tags implicitly closes the listed open tag (htmlparser2, which sanitize-html
 * uses): `<p><div>` is re-nested by the sanitizer, so it is not canonical.
 */
const IMPLIES_CLOSE = new Map<string, string[]>([
  ['tr', ['tr', 'th', 'td']],
  ['th', ['th']],
  ['td', ['thead', 'th', 'td']],
  ['li', ['li']],
  ['dd', ['dd', 'dt']],
  ['dt', ['dd', 'dt']],
  ['rt', ['rt', 'rp']],
  ['rp', ['rt', 'rp']],
  ['tbody', ['thead', 'tbody']],
  ['tfoot', ['thead', 'tbody']],
  ...[
    'p',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'address',
    'article',
    'aside',
    'blockquote',
    'details',
    'div',
    'dl',
    'fieldset',
    'figcaption',
    'figure',
    'footer',
    'form',
    'header',
    'hr',
    'main',
    'nav',
    'ol',
    'pre',
    'section',
    'table',
    'ul',
  ].map((tag): [string, string[]] => [tag, ['p']]),
]);
const URL_CHARS = String.raw`[^"\s\0-\x1f&<>]*`;
const PLAIN_VALUE = String.raw`[^"&<>\0-\x1f]*`;
const STYLE_VALUE = String.raw`[a-z-]+:[^";&\\<>]*(?:;[a-z-]+:[^";&\\<>]*)*`;
const ATTRIBUTE_VALUES: Record<string, string> = {
  href: `(?:[Hh][Tt][Tt][Pp][Ss]?://|[Mm][Aa][Ii][Ll][Tt][Oo]:|[Tt][Ee][Ll]:)${URL_CHARS}`,
  src: `(?:[Hh][Tt][Tt][Pp][Ss]?://|[Cc][Ii][Dd]:)${URL_CHARS}`,
  style: STYLE_VALUE,
};

function attributePattern(tag: string): string {
  const names = [...(ALLOWED_ATTRIBUTES[tag] ?? []), ...(ALLOWED_ATTRIBUTES['*'] ?? [])];
  const alternatives = names.map((name) => `${name}="${ATTRIBUTE_VALUES[name] ?? PLAIN_VALUE}"`);
  const classes = ALLOWED_CLASSES[tag];
  if (classes) alternatives.push(`class="(?:${classes.join('|')})(?: (?:${classes.join('|')}))*"`);
  return `(?: (?:${alternatives.join('|')}))*`;
}

/**
 * The lexical shape of canonical, safe HTML in one regular expression, run natively: text
 * without < > or bare &, allowed tags with their allowed attributes only, URLs with allowed
 * schemes only. Nesting is checked separately (`tagsNestCanonically`).
 */
const CANONICAL_LEXICON = (() => {
  const byPattern = new Map<string, string[]>();
  for (const tag of ALLOWED_TAGS) {
    const key = `${attributePattern(tag)}${VOID_TAGS.has(tag) ? ' />' : '>'}`;
    byPattern.set(key, [...(byPattern.get(key) ?? []), tag]);
  }
  const openTags = [...byPattern].map(([attributes, tags]) => `<(?:${tags.join('|')})${attributes}`);
  const closeTags = `</(?:${ALLOWED_TAGS.filter((tag) => !VOID_TAGS.has(tag)).join('|')})>`;
  // (?=(text))\1 matches a run of text atomically: a plain [^<>&]+ inside (…)* backtracks
  // exponentially on a string that fails near its end.
  return new RegExp(`^(?:(?=([^<>&]+))\\1|&(?:amp|lt|gt);|${openTags.join('|')}|${closeTags})*$`);
})();

const STYLE_ATTRIBUTE = / style="([^"]*)"/g;

/**
 * True only for HTML that sanitize-html would return unchanged under this policy. Deliberately
 * narrow: unknown shapes (comments, entities in URLs, single-quoted attributes …) answer false
 * and are sanitised the slow way, so a false negative costs time, never safety. It runs over
 * every quoted body of every follow-up, hence a native regular expression for the lexicon and
 * a bare loop for nesting.
 */
export function isCanonicalSafeHtml(html: string): boolean {
  if (!CANONICAL_LEXICON.test(html)) return false;
  if (html.includes(' style="')) {
    for (const match of html.matchAll(STYLE_ATTRIBUTE)) if (!styleIsSafe(match[1] ?? '')) return false;
  }
  return tagsNestCanonically(html);
}

/**
 * Tag names as numbers (base 37 over a-z and 0-9; exact for the ≤ 10-letter names allowed), so
 * the nesting loop compares numbers instead of slicing strings out of every tag.
 */
function tagCode(name: string): number {
  let code = 0;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    code = code * 37 + (c >= 97 ? c - 96 : c - 21);
  }
  return code;
}

const VOID_CODES = new Set([...VOID_TAGS].map(tagCode));
const IMPLIES_CLOSE_CODES = new Map(
  [...IMPLIES_CLOSE].map(([tag, closes]) => [tagCode(tag), closes.map(tagCode)]),
);

/** Every tag closed in order, and no tag the parser would close implicitly (`<p><div>`). */
function tagsNestCanonically(html: string): boolean {
  const open: number[] = [];
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i + 1)) {
    const closing = html.charCodeAt(i + 1) === 47; // '/'
    let end = i + (closing ? 2 : 1);
    let code = 0;
    for (;;) {
      const c = html.charCodeAt(end);
      if (c >= 97 && c <= 122) code = code * 37 + (c - 96);
      else if (c >= 48 && c <= 57) code = code * 37 + (c - 21);
      else break;
      end++;
    }
    if (closing) {
      if (open.pop() !== code) return false;
    } else if (!VOID_CODES.has(code)) {
      const top = open[open.length - 1];
      if (top !== undefined && IMPLIES_CLOSE_CODES.get(code)?.includes(top)) return false;
      open.push(code);
    }
  }
  return open.length === 0;
}

/** Styles repeat across emails (the quote's, the footer's): remember verdicts. */
const styleVerdicts = new Map<string, boolean>();

function styleIsSafe(style: string): boolean {
  let verdict = styleVerdicts.get(style);
  if (verdict === undefined) {
    verdict = checkStyle(style);
    if (styleVerdicts.size >= 10_000) styleVerdicts.clear();
    styleVerdicts.set(style, verdict);
  }
  return verdict;
}

function checkStyle(style: string): boolean {
  if (style === '' || /[&\\<>]/.test(style)) return false;
  for (const declaration of style.split(';')) {
    if (declaration === '') continue;
    const colon = declaration.indexOf(':');
    if (colon <= 0) return false;
    const property = declaration.slice(0, colon);
    const value = declaration.slice(colon + 1);
    const tests = ALLOWED_STYLES[property];
    if (!tests || value !== value.trim() || !tests.some((test) => test.test(value))) return false;
  }
  return true;
}
