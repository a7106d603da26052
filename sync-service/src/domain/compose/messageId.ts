// A Message-ID that is the same every time the same enrollment step is composed: after a restart
// the follow-up can name its parent from the Step Key alone, and a resend after review (an
// Uncertain email retried by an admin) carries the same id, so receiving servers and clients
// can recognise the duplicate. The Step Key is hashed so Salesforce record ids do not leak.
import { hash } from 'node:crypto';

export function messageIdFor(stepKey: string, sendingDomain: string): string {
  const digest = hash('sha256', stepKey, 'hex').slice(0, 32);
  return `<${digest}@${sendingDomain.toLowerCase()}>`;
}

const MSG_ID = /^<[^<>\s@]+@[^<>\s@]+>$/;

/** Accepts an id stored with or without angle brackets; null when it is not a usable msg-id. */
export function normaliseMessageId(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  const bracketed = trimmed.startsWith('<') ? trimmed : `<${trimmed}>`;
  return MSG_ID.test(bracketed) ? bracketed : null;
}
