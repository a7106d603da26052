// The token in a one-click unsubscribe URL: who (person), from what (campaign) and which
// enrollment, signed with HMAC-SHA256 under a secret only the service knows, so nobody can
// unsubscribe someone else by editing the URL. Several secrets may be configured: the first
// signs, all verify, so a secret can be rotated without breaking links already in inboxes.
// Tokens do not expire: an unsubscribe link must keep working as long as the email exists.
import { createHmac, hash, timingSafeEqual } from 'node:crypto';

export interface UnsubscribeClaims {
  readonly personId: string;
  readonly campaignId: string;
  readonly enrollmentId: string;
}

const ID = /^[A-Za-z0-9]{1,40}$/;
const PURPOSE = 'unsubscribe:v1:';

function signature(payload: string, secret: string): Buffer {
  return createHmac('sha256', secret)
    .update(PURPOSE + payload)
    .digest();
}

/**
 * The same HMAC-SHA256 (RFC 2104) from two one-shot hashes over pads prepared once per secret:
 * signing runs for every email, and createHmac's object set-up costs more than the hashing.
 * The tests check it against createHmac.
 */
const BLOCK = 64;
const pads = new Map<string, { inner: Buffer; outer: Buffer }>();

function padsFor(secret: string): { inner: Buffer; outer: Buffer } {
  let pair = pads.get(secret);
  if (!pair) {
    let key: Buffer = Buffer.from(secret, 'utf8');
    if (key.length > BLOCK) key = hash('sha256', key, 'buffer') as unknown as Buffer;
    const inner = Buffer.alloc(BLOCK, 0x36);
    const outer = Buffer.alloc(BLOCK, 0x5c);
    for (let i = 0; i < key.length; i++) {
      inner[i] = (inner[i] as number) ^ (key[i] as number);
      outer[i] = (outer[i] as number) ^ (key[i] as number);
    }
    pair = { inner, outer };
    if (pads.size > 16) pads.clear();
    pads.set(secret, pair);
  }
  return pair;
}

export function fastHmacSha256(secret: string, message: string): Buffer {
  const { inner, outer } = padsFor(secret);
  const innerDigest = hash(
    'sha256',
    Buffer.concat([inner, Buffer.from(message, 'utf8')]),
    'buffer',
  ) as unknown as Buffer;
  return hash('sha256', Buffer.concat([outer, innerDigest]), 'buffer') as unknown as Buffer;
}

export function signUnsubscribeToken(claims: UnsubscribeClaims, secret: string): string {
  return sign(claims, secret);
}

function sign(claims: UnsubscribeClaims, secret: string): string {
  for (const [name, value] of Object.entries(claims)) {
    if (!ID.test(value)) throw new TypeError(`unsubscribe token: ${name} "${value}" is not a record id`);
  }
  if (secret.length < 16) throw new TypeError('unsubscribe token: the secret must be at least 16 characters');
  const payload = `${claims.personId}.${claims.campaignId}.${claims.enrollmentId}`;
  return `${payload}.${fastHmacSha256(secret, PURPOSE + payload).toString('base64url')}`;
}

/** The claims of a genuine token, or null for anything forged, truncated or malformed. */
export function verifyUnsubscribeToken(token: string, secrets: readonly string[]): UnsubscribeClaims | null {
  const parts = token.split('.');
  if (parts.length !== 4) return null;
  const [personId = '', campaignId = '', enrollmentId = '', mac = ''] = parts;
  if (![personId, campaignId, enrollmentId].every((id) => ID.test(id))) return null;
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== 32 || given.toString('base64url') !== mac) return null;
  const payload = `${personId}.${campaignId}.${enrollmentId}`;
  for (const secret of secrets) {
    if (timingSafeEqual(given, signature(payload, secret))) return { personId, campaignId, enrollmentId };
  }
  return null;
}
