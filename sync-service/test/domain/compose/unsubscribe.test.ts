import { describe, expect, it } from 'vitest';
import {
  composeEmail,
  signUnsubscribeToken,
  verifyUnsubscribeToken,
} from '../../../src/domain/compose/index.ts';
import { isCanonicalSafeHtml } from '../../../src/domain/compose/htmlPolicy.ts';
import { baseInput } from './fixtures.ts';

const secret = 'a-long-enough-test-secret';
const claims = {
  personId: '003000000000001AAA',
  campaignId: 'a01000000000001',
  enrollmentId: 'a02000000000001',
};

describe('unsubscribe tokens', () => {
  const token = signUnsubscribeToken(claims, secret);

  it('round-trips the person, campaign and enrollment', () => {
    expect(verifyUnsubscribeToken(token, [secret])).toEqual(claims);
    expect(token).toMatch(/^[A-Za-z0-9._-]+$/);
  });

  it('verifies under any configured secret (rotation)', () => {
    expect(verifyUnsubscribeToken(token, ['new-secret-0123456789', secret])).toEqual(claims);
  });

  const forged: Array<[string, string]> = [
    ['another person', token.replace('003000000000001AAA', '003000000000002AAA')],
    ['another campaign', token.replace('a01000000000001', 'a01000000000009')],
    ['a truncated signature', token.slice(0, -2)],
    ['a flipped signature byte', token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')],
    ['no signature', token.split('.').slice(0, 3).join('.')],
    ['garbage', 'not-a-token'],
    ['an empty token', ''],
  ];
  it.each(forged)('refuses %s', (_name, bad) => expect(verifyUnsubscribeToken(bad, [secret])).toBeNull());

  it('refuses a token signed with another secret', () => {
    expect(verifyUnsubscribeToken(signUnsubscribeToken(claims, 'someone-elses-secret'), [secret])).toBeNull();
  });
});

describe('one-click unsubscribe in composed emails', () => {
  const unsubscribe = { baseUrl: 'https://sync.seller.example/u', secret, claims };

  it('adds List-Unsubscribe (https URL) and List-Unsubscribe-Post', () => {
    const email = composeEmail(baseInput({ unsubscribe }));
    const token = signUnsubscribeToken(claims, secret);
    expect(email.headers).toEqual({
      'List-Unsubscribe': `<https://sync.seller.example/u/${token}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });

  it('adds a mailto when configured', () => {
    const email = composeEmail(
      baseInput({ unsubscribe: { ...unsubscribe, mailto: 'unsubscribe@seller.example' } }),
    );
    expect(email.headers['List-Unsubscribe']).toMatch(
      /^<https:\/\/sync\.seller\.example\/u\/[^>]+>, <mailto:unsubscribe@seller\.example\?subject=unsubscribe%20[^>]+>$/,
    );
  });

  it('adds a footer link only when asked, under the body and above any quote', () => {
    expect(composeEmail(baseInput({ unsubscribe })).html).not.toContain('Unsubscribe');
    const email = composeEmail(baseInput({ unsubscribe: { ...unsubscribe, footer: true } }));
    expect(email.html).toMatch(
      /<p style="font-size:12px;color:#888888"><a href="https:\/\/sync\.seller\.example\/u\/[^"]+">Unsubscribe<\/a><\/p>$/,
    );
    expect(email.text).toMatch(/\n\nUnsubscribe <https:\/\/sync\.seller\.example\/u\/\S+>$/);
    expect(isCanonicalSafeHtml(email.html)).toBe(true);
  });

  it('has no unsubscribe headers when unsubscribe is not configured', () => {
    expect(composeEmail(baseInput()).headers).toEqual({});
  });
});

describe('the HMAC used for signing', () => {
  it('equals node’s createHmac for short, long and non-ASCII secrets and messages', async () => {
    const { createHmac } = await import('node:crypto');
    const { fastHmacSha256 } = await import('../../../src/domain/compose/unsubscribeToken.ts');
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 200, unit: 'grapheme' }),
        fc.string({ maxLength: 300, unit: 'grapheme' }),
        (secret, message) => {
          expect(
            fastHmacSha256(secret, message).equals(createHmac('sha256', secret).update(message).digest()),
          ).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
