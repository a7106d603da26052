// The port the delivery flow sends through: SMTP (smtpTransport.ts) or Salesforce's
// emailSimple action (emailSimpleTransport.ts). A transport never throws for a delivery
// problem; it answers with a classified outcome.
import type { ComposedEmail } from '../domain/compose/index.ts';
import type { SendOutcome } from './sendOutcome.ts';

export interface MailTransport {
  /** Hands one email to the server. `sentAt` becomes its Date header, unless the email was
   * prepared: then it carries the moment it was prepared for. */
  send(email: ComposedEmail, sentAt: Date): Promise<SendOutcome>;
  /** Does the costly part of sending (the MIME bytes, the DKIM signature) ahead of the email's
   * moment, so that `send` with this same email object only talks to the server. */
  prepare?(email: ComposedEmail, sentAt: Date): void;
  close(): Promise<void>;
}
