import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeEmail } from '../../../src/domain/compose/index.ts';
import { isCanonicalSafeHtml, sanitizeBodyHtml } from '../../../src/domain/compose/htmlPolicy.ts';
import { ada, baseInput, bob } from './fixtures.ts';

describe('HTML bodies are sanitised by an allow-list', () => {
  const cases: Array<[string, string, string[], string[]]> = [
    [
      'script tags and their text',
      '<p>Hi</p><script>alert("x")</script>',
      ['<p>Hi</p>'],
      ['script', 'alert'],
    ],
    ['style blocks', '<style>p{color:red}</style><p>Hi</p>', ['<p>Hi</p>'], ['style', 'color:red']],
    [
      'on* attributes',
      '<p onclick="steal()" onmouseover="x()">Hi</p><img src="https://x.example/a.png" onerror="x()" />',
      ['<p>Hi</p>', 'src="https://x.example/a.png"'],
      ['onclick', 'onerror', 'onmouseover'],
    ],
    [
      'javascript: links',
      '<a href="javascript:alert(1)">click</a><a href="JaVaScRiPt:alert(1)">x</a>',
      ['<a>click</a>'],
      ['javascript', 'JaVaScRiPt'],
    ],
    [
      'data: and vbscript: links',
      '<a href="data:text/html,x">a</a><a href="vbscript:x">b</a>',
      ['<a>a</a>'],
      ['data:', 'vbscript'],
    ],
    [
      'forms and iframes',
      '<form action="https://x"><input name="p"></form><iframe src="https://x"></iframe><p>ok</p>',
      ['<p>ok</p>'],
      ['form', 'input', 'iframe'],
    ],
    [
      'url() in inline styles',
      '<p style="background:url(https://track.example/p.gif);color:#333">Hi</p>',
      ['<p style="color:#333">Hi</p>'],
      ['url('],
    ],
    [
      'safe links and formatting stay',
      '<p><b>Bold</b> <a href="https://seller.example/demo">demo</a> <a href="mailto:bob@seller.example">mail</a></p>',
      ['<b>Bold</b>', 'href="https://seller.example/demo"', 'href="mailto:bob@seller.example"'],
      [],
    ],
  ];
  it.each(cases)('removes %s', (_name, body, kept, gone) => {
    const email = composeEmail(baseInput({ body }));
    for (const piece of kept) expect(email.html).toContain(piece);
    for (const piece of gone) expect(email.html).not.toContain(piece);
  });

  it('escapes merge values in HTML and keeps them literal in text', () => {
    const email = composeEmail(
      baseInput({
        body: '<p>Hi {{{Recipient.FirstName}}}</p>',
        recipient: { ...ada, FirstName: '<img src=x onerror=alert(1)> & "Co"' },
      }),
    );
    expect(email.html).toBe('<p>Hi &lt;img src=x onerror=alert(1)&gt; &amp; "Co"</p>');
    expect(email.text).toBe('Hi <img src=x onerror=alert(1)> & "Co"');
  });

  it('cannot be turned into a javascript: link by a merge value in an href', () => {
    const body = '<p><a href="{{{Recipient.Website}}}">site</a></p>';
    const email = composeEmail(baseInput({ body, recipient: { ...ada, Website: 'javascript:alert(1)' } }));
    expect(email.html).toBe('<p><a>site</a></p>');
    const fine = composeEmail(
      baseInput({ body, recipient: { ...ada, Website: 'https://ada.example/?a=1&b=2' } }),
    );
    expect(fine.html).toBe('<p><a href="https://ada.example/?a=1&amp;b=2">site</a></p>');
    expect(fine.text).toBe('site <https://ada.example/?a=1&b=2>');
  });

  it('gives a text alternative with links, paragraphs and lists', () => {
    const email = composeEmail(
      baseInput({
        body: '<h1>Title</h1><p>One <a href="https://x.example/">link</a></p><ul><li>a</li><li>b</li></ul>',
      }),
    );
    expect(email.text).toBe('Title\n\nOne link <https://x.example/>\n\n * a\n * b');
  });

  // The fast path returns canonical HTML untouched; that is only right if sanitize-html would
  // have returned it unchanged too.
  it('never lets the fast path skip a change the sanitizer would make', () => {
    const tags = fc.constantFrom(
      'p',
      'b',
      'div',
      'a',
      'script',
      'img',
      'blockquote',
      'span',
      'br',
      'style',
      'iframe',
    );
    const attrs = fc.constantFrom(
      '',
      ' href="https://x.example/"',
      ' href="javascript:x"',
      ' class="gmail_quote"',
      ' class="evil"',
      ' style="color:red"',
      ' style="background:url(x)"',
      ' onclick="x()"',
      ' src="https://x.example/i.png"',
    );
    const html = fc
      .array(
        fc.oneof(
          fc.tuple(tags, attrs).map(([t, a]) => `<${t}${a}>`),
          tags.map((t) => `</${t}>`),
          fc.constantFrom(
            'text',
            ' & ',
            '<',
            '>',
            '"',
            '{{{Recipient.FirstName}}}',
            '<!-- c -->',
            '&amp;',
            '&quot;',
            '&#39;',
            '&lt;',
            '<br />',
          ),
        ),
        { maxLength: 12 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(html, (input) => {
        if (isCanonicalSafeHtml(input)) expect(sanitizeBodyHtml(input)).toBe(input);
        const clean = sanitizeBodyHtml(input);
        if (isCanonicalSafeHtml(clean)) expect(sanitizeBodyHtml(clean)).toBe(clean);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('headers cannot be injected', () => {
  const cases: Array<
    [string, Partial<Parameters<typeof baseInput>[0]>, (e: ReturnType<typeof composeEmail>) => void]
  > = [
    [
      'CRLF in the subject template',
      { subject: 'Hello\r\nBcc: victim@x.example' },
      (e) => expect(e.subject).toBe('Hello Bcc: victim@x.example'),
    ],
    [
      'CRLF in a merged subject value',
      { recipient: { ...ada, FirstName: 'Ada\r\nX-Evil: 1' } },
      (e) => expect(e.subject).toBe('Quick question, Ada X-Evil: 1'),
    ],
    [
      'NUL and LF in the recipient name',
      { recipient: { ...ada, Name: 'Ada\0\nLovelace' } },
      (e) => expect(e.to.name).toBe('Ada Lovelace'),
    ],
    [
      'CR in the sender name',
      { sender: { ...bob, Name: 'Bob\rRep' } },
      (e) => expect(e.from.name).toBe('Bob Rep'),
    ],
  ];
  it.each(cases)('strips %s', (_name, overrides, check) => check(composeEmail(baseInput(overrides))));

  it.each([
    ['to', { recipient: { ...ada, Email: 'ada@x.example\r\nBcc: y@z.example' } }],
    ['to', { recipient: { ...ada, Email: null } }],
    ['from', { sender: { ...bob, Email: 'not an address' } }],
  ] as const)('refuses a bad %s address', (stage, overrides) => {
    expect(() => composeEmail(baseInput(overrides))).toThrow(
      expect.objectContaining({ code: 'MAIL.INVALID_ADDRESS', stage }),
    );
  });

  it('keeps long and non-ASCII subjects whole (encoding is the transport’s job)', () => {
    const subject = `Réunion 🚀 ${'très long sujet '.repeat(12)}{{{Recipient.FirstName}}}`;
    const email = composeEmail(baseInput({ subject }));
    expect(email.subject).toBe(`Réunion 🚀 ${'très long sujet '.repeat(12)}Ada`);
  });
});
