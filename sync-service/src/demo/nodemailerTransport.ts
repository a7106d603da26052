// A plain SMTP transport (nodemailer, pooled) adapted to the dispatcher's MailTransport, with
// SMTP failures classified as DESIGN §2.5 asks. It stands in while src/mail's transport (DKIM,
// per-sender credentials, emailSimple) is finished; the composition root picks one or the other.
import nodemailer from 'nodemailer';
import type { ComposedEmail } from '../domain/compose/index.ts';
import type { DeliveryOutcome, MailTransport } from '../app/dispatch/mailDelivery.ts';

export interface SmtpOptions {
  host: string;
  port: number;
  secure?: boolean;
  auth?: { user: string; pass: string } | undefined;
  /** Connections kept open. */
  maxConnections?: number;
}

interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
}

export function classifySmtpError(error: SmtpError): DeliveryOutcome {
  const reply = error.response ?? error.message;
  const status = error.responseCode;
  const enhanced = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/.exec(reply);
  if (status !== undefined && status >= 400 && status < 500) return { kind: 'temporary', reply };
  if (status !== undefined && status >= 500) {
    // Only a refusal at RCPT TO is about the recipient: 5.1.x (bad mailbox or address), or a bare
    // 550/551/553 (DESIGN §2.5 "mailbox unavailable"). The same codes at MAIL FROM are about us.
    const atRecipient = error.command === 'RCPT TO' || (error.code === 'EENVELOPE' && error.command !== 'MAIL FROM');
    const mailbox = enhanced ? enhanced[2] === '1' : [550, 551, 553].includes(status);
    return atRecipient && mailbox ? { kind: 'recipient_rejected', reply } : { kind: 'sender_failed', reply };
  }
  // No reply code: the connection failed. Before DATA nothing was sent; during or after it, maybe.
  if (error.command === 'DATA' || error.code === 'EMESSAGE' || /after DATA|message/i.test(error.command ?? '')) {
    return { kind: 'unknown', reply };
  }
  if (error.code === 'ECONNECTION' || error.code === 'ETIMEDOUT' || error.code === 'EDNS' || error.code === 'ESOCKET') {
    return error.command === 'CONN' || error.command === undefined ? { kind: 'temporary', reply } : { kind: 'unknown', reply };
  }
  return { kind: 'unknown', reply };
}

export function nodemailerTransport(options: SmtpOptions): MailTransport & { close(): void } {
  const transporter = nodemailer.createTransport({
    pool: true,
    maxConnections: options.maxConnections ?? 5,
    host: options.host,
    port: options.port,
    secure: options.secure ?? false,
    ignoreTLS: !options.secure,
    ...(options.auth ? { auth: options.auth } : {}),
  });
  return {
    async send(email: ComposedEmail): Promise<DeliveryOutcome> {
      try {
        const info = await transporter.sendMail({
          messageId: email.messageId,
          from: email.from,
          to: email.to,
          subject: email.subject,
          html: email.html,
          text: email.text,
          ...(email.inReplyTo ? { inReplyTo: email.inReplyTo } : {}),
          ...(email.references.length > 0 ? { references: [...email.references] } : {}),
          headers: { ...email.headers },
        });
        return { kind: 'accepted', reply: info.response };
      } catch (error) {
        return classifySmtpError(error as SmtpError);
      }
    },
    close: () => transporter.close(),
  };
}
