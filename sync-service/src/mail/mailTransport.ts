// The port the delivery flow sends through: SMTP (smtpTransport.ts) or Salesforce's
// emailSimple action (emailSimpleTransport.ts). A transport never throws for a delivery
// problem; it answers with a classified outcome.
import type { ComposedEmail } from '../domain/compose/index.ts';
import type { SendOutcome } from './sendOutcome.ts';

export interface MailTransport {
  /** Hands one email to the server. `sentAt` becomes its Date header. */
  send(email: ComposedEmail, sentAt: Date): Promise<SendOutcome>;
  close(): Promise<void>;
}
