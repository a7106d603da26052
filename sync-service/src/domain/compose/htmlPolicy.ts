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

const ALLOWED_TAGS = [
  ...sanitizeHtml.defaults.allowedTags.filter((tag) => tag !== 'style'),
  'img',
  'font',
];

const LENGTH = String.raw`-?(?:\d+|\d*\.\d+)(?:px|em|rem|ex|pt|%)?`;
const LENGTHS = new RegExp(`^(?:${LENGTH}|auto)(?:\\s+(?:${LENGTH}|auto)){0,3}$`, 'i');
const COLOR = /^(?:#[0-9a-f]{3,8}|[a-z]{3,20}|rgba?\(\s*[\d.]+%?\s*(?:,\s*[\d.]+%?\s*){2,3}\))$/i;
const BORDER = /^(?:[\w.#%-]+\s*){1,4}$/i;

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

const ALLOWED_TAG_SET = new Set(ALLOWED_TAGS);
const VOID_TAGS = new Set(['br', 'hr', 'img', 'wbr']);
/**
 * Opening these tags implicitly closes the listed open tag (htmlparser2, which sanitize-html
 * uses): `<p><div>` is re-nested by the sanitizer, so it is not canonical.
 */
const P = ['p'];
const IMPLIES_CLOSE: Record<string, string[]> = {
  tr: ['tr', 'th', 'td'],
  th: ['th'],
  td: ['thead', 'th', 'td'],
  li: ['li'],
  dd: ['dd', 'dt'],
  dt: ['dd', 'dt'],
  rt: ['rt', 'rp'],
  rp: ['rt', 'rp'],
  tbody: ['thead', 'tbody'],
  tfoot: ['thead', 'tbody'],
  ...Object.fromEntries(
    ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl',
      'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section',
      'table', 'ul'].map((tag) => [tag, P]),
  ),
};
const TAG = /<(\/?)([a-z][a-z0-9]*)((?:\s[a-z-]+="[^"<>]*")*)(\s*\/?)>/y;
const ENTITY = /&(?:amp|lt|gt);/y;
const ATTRIBUTE = /\s([a-z-]+)="([^"]*)"/g;
const SAFE_URL = /^(?:https?:\/\/|mailto:|tel:)[^\s\0-\x1f&]*$/i;
const SAFE_IMAGE_URL = /^(?:https?:\/\/|cid:)[^\s\0-\x1f&]*$/i;

/**
 * True only for HTML that sanitize-html would return unchanged under this policy. Deliberately
 * narrow: unknown shapes (comments, entities in URLs, single-quoted attributes …) answer false
 * and are sanitised the slow way, so a false negative costs time, never safety.
 */
export function isCanonicalSafeHtml(html: string): boolean {
  const open: string[] = [];
  let at = 0;
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    const textEnd = lt === -1 ? html.length : lt;
    const gt = html.indexOf('>', at);
    if (gt !== -1 && gt < textEnd) return false;
    // The sanitizer re-encodes text: a bare & or any entity but these three comes back changed.
    for (let amp = html.indexOf('&', at); amp !== -1 && amp < textEnd; amp = html.indexOf('&', amp + 1)) {
      ENTITY.lastIndex = amp;
      if (!ENTITY.test(html)) return false;
    }
    if (lt === -1) break;
    TAG.lastIndex = lt;
    const match = TAG.exec(html);
    if (match === null) return false;
    const [whole, closing, name = '', attributes = '', selfClose = ''] = match;
    if (!ALLOWED_TAG_SET.has(name)) return false;
    if (closing) {
      if (attributes || selfClose || open.pop() !== name) return false;
    } else {
      if (!attributesAreSafe(name, attributes)) return false;
      const top = open[open.length - 1];
      if (top !== undefined && IMPLIES_CLOSE[name]?.includes(top)) return false;
      if (VOID_TAGS.has(name)) {
        if (selfClose !== ' /') return false;
      } else {
        if (selfClose) return false;
        open.push(name);
      }
    }
    at = lt + whole.length;
  }
  return open.length === 0;
}

function attributesAreSafe(tag: string, attributes: string): boolean {
  if (attributes === '') return true;
  const allowed = ALLOWED_ATTRIBUTES[tag] ?? [];
  for (const [, name = '', value = ''] of attributes.matchAll(ATTRIBUTE)) {
    if (name === 'style') {
      if (!styleIsSafe(value)) return false;
    } else if (name === 'class') {
      const classes = ALLOWED_CLASSES[tag];
      if (!classes || !value.split(' ').every((c) => classes.includes(c))) return false;
    } else if (!allowed.includes(name)) {
      return false;
    } else if (name === 'href' && !SAFE_URL.test(value)) {
      return false;
    } else if (name === 'src' && !SAFE_IMAGE_URL.test(value)) {
      return false;
    } else if (/[&\0-\x1f]/.test(value)) {
      return false;
    }
  }
  return true;
}

function styleIsSafe(style: string): boolean {
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
