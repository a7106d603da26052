// Sorts a failed SMTP attempt into temporary / bounced / failed / uncertain (sendOutcome.ts).
// Pure: it reads the server's reply, its enhanced status code (RFC 3463), the command it
// answered and whether the message content had already gone out.
import type { SendOutcome } from './sendOutcome.ts';

export interface SmtpFailure {
  /** nodemailer's error code: EAUTH, ECONNECTION, EENVELOPE, EMESSAGE, ETIMEDOUT … */
  readonly code?: string | undefined;
  /** The original system error code, e.g. ECONNREFUSED. */
  readonly originalCode?: string | undefined;
  readonly responseCode?: number | undefined;
  readonly response?: string | undefined;
  /** The SMTP command the reply answered: CONN, AUTH PLAIN, MAIL FROM, RCPT TO, DATA, API. */
  readonly command?: string | undefined;
  readonly message: string;
  /** True once the message content was being written after DATA was accepted. */
  readonly contentSent: boolean;
}

const ENHANCED = /^\d{3}[ -](\d)\.(\d{1,3})\.(\d{1,3})\b/;
const MAILBOX_GONE =
  /mailbox (?:unavailable|not found|does not exist|disabled)|user unknown|unknown user|no such (?:user|recipient|mailbox)|recipient (?:address )?rejected|address rejected|does not exist/i;
const CERTIFICATE_PROBLEM = /certificate|self[- ]signed|unable to verify|altnames|hostname/i;
const SENDER_SIDE_CODES = new Set(['EAUTH', 'ENOAUTH', 'EOAUTH2', 'ECONFIG', 'EREQUIRETLS']);

type Failure = Exclude<SendOutcome, { kind: 'accepted' }>;

export function classifySmtpFailure(failure: SmtpFailure): Failure {
  const reply = failure.response?.trim();
  const reason = reply ? `${failure.command ?? 'SMTP'}: ${reply}` : failure.message;
  const code = failure.responseCode;

  if (code === undefined || code < 400) {
    // No reply to go by. Once the content was on the wire, the server may have taken it.
    if (failure.contentSent)
      return {
        kind: 'uncertain',
        reason: `no reply after the message content was sent (${failure.message})`,
      };
    if (failure.code !== undefined && SENDER_SIDE_CODES.has(failure.code))
      return { kind: 'failed', reason, response: reply, alertAdmin: true };
    // A certificate the TLS options refuse will be refused again: the admin must fix the setup.
    if (
      CERTIFICATE_PROBLEM.test(failure.message) ||
      /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(failure.originalCode ?? '')
    ) {
      return { kind: 'failed', reason: `TLS: ${failure.message}`, response: reply, alertAdmin: true };
    }
    if (failure.code === 'EENVELOPE' || failure.code === 'EMESSAGE')
      return { kind: 'failed', reason, response: reply, alertAdmin: true };
    return { kind: 'temporary', reason };
  }
  if (code < 500) return { kind: 'temporary', reason, response: reply };

  const enhanced = reply ? ENHANCED.exec(reply) : null;
  const subject = enhanced ? Number(enhanced[2]) : null;
  const detail = enhanced ? Number(enhanced[3]) : null;
  if (subject === 1) {
    // 5.1.7 and 5.1.8 are about the sender's own address.
    if (detail === 7 || detail === 8)
      return { kind: 'failed', reason, response: reply ?? '', alertAdmin: true };
    return { kind: 'bounced', reason, response: reply ?? '' };
  }
  // 5.2.1 disabled and 5.2.2 over-quota mailboxes are the recipient's, permanently.
  if (subject === 2 && (detail === 1 || detail === 2))
    return { kind: 'bounced', reason, response: reply ?? '' };
  if (
    subject === null &&
    failure.command === 'RCPT TO' &&
    (code === 550 || code === 551 || code === 553) &&
    reply &&
    MAILBOX_GONE.test(reply)
  ) {
    return { kind: 'bounced', reason, response: reply };
  }
  if (subject === null && failure.command === 'RCPT TO' && (code === 550 || code === 551)) {
    return { kind: 'bounced', reason, response: reply ?? '' };
  }
  // Authentication (535, 5.7.8), size (552, 5.3.4), policy (5.7.x), protocol: the sender's side.
  return { kind: 'failed', reason, response: reply, alertAdmin: true };
}
