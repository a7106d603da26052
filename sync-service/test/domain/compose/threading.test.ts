import { describe, expect, it } from 'vitest';
import {
  composeEmail,
  messageIdFor,
  replySubject,
  threadHeaders,
  type ComposedEmail,
  type PreviousEmail,
} from '../../../src/domain/compose/index.ts';
import { baseInput, bob } from './fixtures.ts';

describe('replySubject', () => {
  it.each([
    ['Quick question', 'Re: Quick question'],
    ['Re: Quick question', 'Re: Quick question'],
    ['RE: Quick question', 'Re: Quick question'],
    ['re:re: Re: Quick question', 'Re: Quick question'],
    ['AW: Angebot', 'Re: Angebot'],
    ['SV: Tilbud', 'Re: Tilbud'],
    ['RE : Devis', 'Re: Devis'],
    ['Re[2]: Quick question', 'Re: Quick question'],
    ['Fwd: Deck', 'Re: Fwd: Deck'],
    ['Re: Fwd: Deck', 'Re: Fwd: Deck'],
    ['Reply needed', 'Re: Reply needed'],
    ['Re:\r\n Hi', 'Re: Hi'],
    ['', 'Re:'],
    ['=?UTF-8?Q?Caf=C3=A9_au_lait?=', 'Re: Café au lait'],
    ['=?UTF-8?B?UmU6IPCfmoAgTGF1bmNo?=', 'Re: 🚀 Launch'],
    ['=?ISO-8859-1?Q?R=E9union?= =?ISO-8859-1?Q?_demain?=', 'Re: Réunion demain'],
    ['AW: =?utf-8?q?Gr=C3=BC=C3=9Fe?=', 'Re: Grüße'],
    ['=?x-unknown?B?QUJD?= stays', 'Re: =?x-unknown?B?QUJD?= stays'],
  ])('%j → %j', (original, expected) => expect(replySubject(original)).toBe(expected));
});

describe('threadHeaders (RFC 5322 §3.6.4)', () => {
  it.each([
    ['first reply', { messageId: '<a@x>' }, { inReplyTo: '<a@x>', references: ['<a@x>'] }],
    [
      'ids stored without brackets',
      { messageId: 'b@x', references: ['a@x'] },
      { inReplyTo: '<b@x>', references: ['<a@x>', '<b@x>'] },
    ],
    [
      'parent without References uses its In-Reply-To',
      { messageId: '<b@x>', inReplyTo: '<a@x>' },
      { inReplyTo: '<b@x>', references: ['<a@x>', '<b@x>'] },
    ],
    ['unknown parent id', { messageId: null }, null],
    ['unusable parent id', { messageId: 'no-at-sign' }, null],
  ] as const)('%s', (_name, parent, expected) => expect(threadHeaders(parent)).toEqual(expected));

  it('keeps the root and the latest ids of a very long chain', () => {
    const references = Array.from({ length: 30 }, (_, i) => `<${i}@x>`);
    const headers = threadHeaders({ messageId: '<30@x>', references });
    expect(headers?.references).toHaveLength(20);
    expect(headers?.references[0]).toBe('<0@x>');
    expect(headers?.references.at(-1)).toBe('<30@x>');
  });
});

describe('Message-ID', () => {
  it('is stable per step key and sending domain', () => {
    expect(messageIdFor('e1:s1', 'Seller.example')).toBe(messageIdFor('e1:s1', 'seller.example'));
    expect(messageIdFor('e1:s1', 'seller.example')).not.toBe(messageIdFor('e1:s2', 'seller.example'));
    expect(messageIdFor('e1:s1', 'seller.example')).toMatch(/^<[0-9a-f]{32}@seller\.example>$/);
  });
});

function asPrevious(email: ComposedEmail, sentAt: string): PreviousEmail {
  return {
    subject: email.subject,
    html: email.html,
    sentAt: new Date(sentAt),
    from: email.from,
    messageId: email.messageId,
    references: email.references,
  };
}

describe('a chain of four emails', () => {
  const bodies = [
    '<p>First, {{{Recipient.FirstName}}}.</p>',
    '<p>Second.</p>',
    '<p>Third.</p>',
    '<p>Fourth.</p>',
  ];
  const times = [
    '2026-05-04T06:30:00Z',
    '2026-05-06T06:30:00Z',
    '2026-05-08T06:30:00Z',
    '2026-05-11T06:30:00Z',
  ];
  const chain: ComposedEmail[] = [];
  for (let i = 0; i < 4; i++) {
    const previous = i === 0 ? null : asPrevious(chain[i - 1] as ComposedEmail, times[i - 1] as string);
    chain.push(composeEmail(baseInput({ stepKey: `e1:s${i + 1}`, body: bodies[i] as string, previous })));
  }
  const [first, second, , fourth] = chain as [ComposedEmail, ComposedEmail, ComposedEmail, ComposedEmail];

  it('is one thread: same subject, each email replying to the one before', () => {
    expect(chain.map((e) => e.subject)).toEqual([
      'Quick question, Ada',
      'Re: Quick question, Ada',
      'Re: Quick question, Ada',
      'Re: Quick question, Ada',
    ]);
    expect(first.inReplyTo).toBeNull();
    expect(second.inReplyTo).toBe(first.messageId);
    expect(fourth.inReplyTo).toBe(chain[2]?.messageId);
    expect(fourth.references).toEqual(chain.slice(0, 3).map((e) => e.messageId));
  });

  it('quotes each earlier body once, in order, nested (text)', () => {
    expect(fourth.text).toBe(
      [
        'Fourth.',
        '',
        'On Fri, May 8, 2026 at 8:30 AM, Bob Rep <bob@seller.example> wrote:',
        '',
        '> Third.',
        '>',
        '> On Wed, May 6, 2026 at 8:30 AM, Bob Rep <bob@seller.example> wrote:',
        '>',
        '> > Second.',
        '> >',
        '> > On Mon, May 4, 2026 at 8:30 AM, Bob Rep <bob@seller.example> wrote:',
        '> >',
        '> > > First, Ada.',
      ].join('\n'),
    );
  });

  it('quotes each earlier body once, in order, nested (HTML, the way Gmail does)', () => {
    const order = ['Fourth.', 'Third.', 'Second.', 'First, Ada.'].map((t) => fourth.html.indexOf(t));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > (order[i - 1] as number)))).toBe(true);
    for (const t of ['Third.', 'Second.', 'First, Ada.']) expect(fourth.html.split(t)).toHaveLength(2);
    expect(
      fourth.html.match(
        /<blockquote class="gmail_quote" style="margin:0 0 0 \.8ex;border-left:1px #ccc solid;padding-left:1ex">/g,
      ),
    ).toHaveLength(3);
    expect(second.html).toBe(
      '<p>Second.</p><br /><div class="gmail_quote"><div class="gmail_attr">On Mon, May 4, 2026 at 8:30 AM, Bob Rep &lt;bob@seller.example&gt; wrote:<br /></div>' +
        '<blockquote class="gmail_quote" style="margin:0 0 0 .8ex;border-left:1px #ccc solid;padding-left:1ex"><p>First, Ada.</p></blockquote></div>',
    );
  });

  it('gives the same text whether the previous text was kept or derived from its HTML', () => {
    const kept = composeEmail(
      baseInput({
        stepKey: 'e1:s4',
        body: bodies[3] as string,
        previous: { ...asPrevious(chain[2] as ComposedEmail, times[2] as string), text: chain[2]?.text },
      }),
    );
    expect(kept.text).toBe(fourth.text);
  });

  it('writes the attribution date in the sender’s time zone', () => {
    const tokyo = composeEmail(
      baseInput({
        stepKey: 'e1:s2',
        body: '<p>x</p>',
        senderTimeZone: 'Asia/Tokyo',
        previous: asPrevious(first, times[0] as string),
      }),
    );
    expect(tokyo.text).toContain('On Mon, May 4, 2026 at 3:30 PM, Bob Rep <bob@seller.example> wrote:');
  });

  it('replies to an email sent outside the product without reply headers, quoting the prepared body', () => {
    const outside: PreviousEmail = {
      subject: 'RE: Intro for {{{Recipient.FirstName}}}',
      html: '<p>Prepared for {{{Recipient.FirstName}}} <script>x</script></p>',
      sentAt: new Date(times[0] as string),
      from: { name: bob.Name, address: bob.Email },
      messageId: null,
    };
    const email = composeEmail(baseInput({ stepKey: 'e1:s2', body: '<p>Bump</p>', previous: outside }));
    expect(email.inReplyTo).toBeNull();
    expect(email.references).toEqual([]);
    expect(email.html).toContain(
      '<blockquote class="gmail_quote" style="margin:0 0 0 .8ex;border-left:1px #ccc solid;padding-left:1ex"><p>Prepared for Ada </p></blockquote>',
    );
    expect(email.text).toContain('> Prepared for Ada');
    expect(email.subject).toBe('Re: Intro for Ada');
  });

  it('sanitises a quoted body that did not come from the product', () => {
    const email = composeEmail(
      baseInput({
        body: '<p>Bump</p>',
        previous: {
          ...asPrevious(first, times[0] as string),
          html: '<p onclick="x()">Old</p><style>p{}</style>',
        },
      }),
    );
    expect(email.html).toContain(
      '<blockquote class="gmail_quote" style="margin:0 0 0 .8ex;border-left:1px #ccc solid;padding-left:1ex"><p>Old</p></blockquote>',
    );
  });
});

describe('attribution dates', () => {
  it.each([
    ['2026-03-29T00:59:00Z', 'Europe/Paris', 'Sun, Mar 29, 2026 at 1:59 AM'],
    ['2026-03-29T01:00:00Z', 'Europe/Paris', 'Sun, Mar 29, 2026 at 3:00 AM'],
    ['2026-10-25T00:30:00Z', 'Europe/Paris', 'Sun, Oct 25, 2026 at 2:30 AM'],
    ['2026-10-25T01:30:00Z', 'Europe/Paris', 'Sun, Oct 25, 2026 at 2:30 AM'],
    ['2026-05-04T12:00:00Z', 'America/Los_Angeles', 'Mon, May 4, 2026 at 5:00 AM'],
    ['2026-05-04T00:00:00Z', 'Asia/Kolkata', 'Mon, May 4, 2026 at 5:30 AM'],
    ['2026-05-03T23:59:00Z', 'Asia/Kathmandu', 'Mon, May 4, 2026 at 5:44 AM'],
    ['2026-05-04T12:05:00Z', 'UTC', 'Mon, May 4, 2026 at 12:05 PM'],
    ['2026-05-04T00:05:00Z', 'UTC', 'Mon, May 4, 2026 at 12:05 AM'],
  ])('%s in %s → %s', async (instant, zone, expected) => {
    const { attributionDate } = await import('../../../src/domain/compose/attribution.ts');
    expect(attributionDate(new Date(instant), zone)).toBe(expected);
  });

  it('refuses a previous email without a usable sent time', () => {
    const previous: PreviousEmail = {
      subject: 'x',
      html: '<p>x</p>',
      sentAt: new Date('not a date'),
      from: { name: '', address: bob.Email },
      messageId: '<a@x>',
    };
    expect(() => composeEmail(baseInput({ previous }))).toThrow(
      expect.objectContaining({ code: 'MAIL.INVALID_PREVIOUS_EMAIL', stage: 'quote' }),
    );
  });

  it('refuses an unknown time zone with a stable code', () => {
    const previous: PreviousEmail = {
      subject: 'x',
      html: '<p>x</p>',
      sentAt: new Date(),
      from: { name: '', address: bob.Email },
      messageId: '<a@x>',
    };
    expect(() => composeEmail(baseInput({ senderTimeZone: 'Mars/Olympus', previous }))).toThrow(
      expect.objectContaining({ code: 'MAIL.INVALID_TIME_ZONE' }),
    );
  });
});
