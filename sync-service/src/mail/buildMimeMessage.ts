// Turns a composed email into the bytes that go after DATA: nodemailer's own MIME builder
// (RFC 2047 headers, folding, quoted-printable, multipart/alternative) and its DKIM signer.
// The signature covers List-Unsubscribe and List-Unsubscribe-Post besides the usual headers, as
// RFC 8058 requires for one-click unsubscribe to be honoured.
import nodemailer from 'nodemailer';
import type { ComposedEmail } from '../domain/compose/index.ts';

export interface DkimKey {
  /** The signing domain (d=), normally the From domain. */
  readonly domainName: string;
  /** The selector (s=): the key is published at <selector>._domainkey.<domain>. */
  readonly keySelector: string;
  /** PEM-encoded RSA or Ed25519 private key. */
  readonly privateKey: string;
}

/** Headers the DKIM signature covers. */
export const DKIM_SIGNED_HEADERS = [
  'From',
  'Sender',
  'Reply-To',
  'Subject',
  'Date',
  'Message-ID',
  'To',
  'Cc',
  'MIME-Version',
  'Content-Type',
  'Content-Transfer-Encoding',
  'In-Reply-To',
  'References',
  'List-Unsubscribe',
  'List-Unsubscribe-Post',
].join(':');

export interface MimeMessage {
  readonly raw: Buffer;
  readonly envelope: { readonly from: string; readonly to: readonly string[] };
}

const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

export async function buildMimeMessage(
  email: ComposedEmail,
  sentAt: Date,
  dkim?: DkimKey,
): Promise<MimeMessage> {
  const info = await builder.sendMail({
    from: email.from,
    to: email.to,
    subject: email.subject,
    html: email.html,
    text: email.text,
    messageId: email.messageId,
    date: sentAt,
    ...(email.inReplyTo ? { inReplyTo: email.inReplyTo } : {}),
    ...(email.references.length > 0 ? { references: [...email.references] } : {}),
    headers: { ...email.headers },
    ...(dkim ? { dkim: { ...dkim, headerFieldNames: DKIM_SIGNED_HEADERS } } : {}),
    // Bodies are ours, never files or URLs to fetch.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return { raw: info.message as Buffer, envelope: { from: email.from.address, to: [email.to.address] } };
}
