// Header hygiene. CR and LF in a subject or display name would let a merge value (a contact's
// name typed in Salesforce) start new headers — header injection — and NUL breaks SMTP. They
// are replaced by a space (runs collapsed) rather than deleted, so "Hello\r\nWorld" does not
// become "HelloWorld". Encoding of non-ASCII (RFC 2047) and folding are the transport's job.
import { ComposeError, type ComposeStage } from './composeError.ts';

const CONTROLS = /[\r\n\0]+/g;

export function headerSafe(value: string): string {
  return value.includes('\r') || value.includes('\n') || value.includes('\0')
    ? value.replace(CONTROLS, ' ').replace(/ {2,}/g, ' ').trim()
    : value.trim();
}

export interface Address {
  readonly name: string;
  readonly address: string;
}

/** A deliberately plain check: one @, no whitespace or control characters, no angle brackets. */
const ADDRESS = /^[^\s<>()\[\]\\,;:@"\0-\x1f\x7f]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/;

export function mailAddress(name: unknown, address: unknown, stage: ComposeStage): Address {
  const email = typeof address === 'string' ? address.trim() : '';
  if (!ADDRESS.test(email)) {
    throw new ComposeError(
      'MAIL.INVALID_ADDRESS',
      `${stage}: "${String(address ?? '')}" is not an email address`,
      stage,
      String(address ?? ''),
    );
  }
  return { name: typeof name === 'string' ? headerSafe(name) : '', address: email };
}

export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}
