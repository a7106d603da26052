// Salesforce's standard `emailSimple` invocable action as the transport for orgs without SMTP.
// Its limits (DESIGN §2.5, README): it sends as the integration user or an org-wide address,
// not as the rep; it cannot set headers — no Message-ID of ours, no In-Reply-To/References (a
// follow-up still quotes the previous email but does not thread), no List-Unsubscribe (the
// footer link is the only unsubscribe, so enable it); and every email counts against the
// org's daily email limits. The service wires `OrgActions` to jsforce
// (POST /services/data/vXX.X/actions/standard/emailSimple).
import type { ComposedEmail } from '../domain/compose/index.ts';
import type { MailTransport } from './mailTransport.ts';
import type { SendOutcome } from './sendOutcome.ts';

export interface EmailSimpleInput {
  readonly emailAddresses: string;
  readonly emailSubject: string;
  readonly emailBody: string;
  readonly senderType: 'CurrentUser' | 'DefaultWorkflowUser' | 'OrgWideEmailAddress';
  readonly senderAddress?: string | undefined;
  /** The person's record, so Salesforce logs the email as an activity on it. */
  readonly recipientId?: string | undefined;
  readonly sendRichBody: boolean;
}

/** One result of the action: `isSuccess`, and `errors` as the REST API returns them. */
export interface EmailSimpleResult {
  readonly isSuccess: boolean;
  readonly errors?: ReadonlyArray<{ readonly statusCode?: string; readonly message: string }> | undefined;
}

export interface OrgActions {
  emailSimple(input: EmailSimpleInput): Promise<EmailSimpleResult>;
}

export interface EmailSimpleOptions {
  /** An org-wide email address to send from; the integration user otherwise. */
  readonly orgWideAddress?: string | undefined;
  /** The Contact or Lead id of the email's recipient, for the activity. */
  readonly recipientIdFor?: ((email: ComposedEmail) => string | undefined) | undefined;
}

/** Status codes meaning the org or the action refuses, not the recipient. */
const LIMIT_CODES = new Set(['LIMIT_EXCEEDED', 'SINGLE_EMAIL_LIMIT_EXCEEDED', 'REQUEST_LIMIT_EXCEEDED']);

export class EmailSimpleTransport implements MailTransport {
  constructor(
    private readonly org: OrgActions,
    private readonly options: EmailSimpleOptions = {},
  ) {}

  async send(email: ComposedEmail): Promise<SendOutcome> {
    let result: EmailSimpleResult;
    try {
      result = await this.org.emailSimple({
        emailAddresses: email.to.address,
        emailSubject: email.subject,
        emailBody: email.html,
        senderType: this.options.orgWideAddress ? 'OrgWideEmailAddress' : 'DefaultWorkflowUser',
        senderAddress: this.options.orgWideAddress,
        recipientId: this.options.recipientIdFor?.(email),
        sendRichBody: true,
      });
    } catch (error) {
      // The request may or may not have reached the org before the error: in doubt.
      return { kind: 'uncertain', reason: `emailSimple call failed: ${(error as Error).message}` };
    }
    if (result.isSuccess)
      return { kind: 'accepted', response: 'emailSimple: success', deliveredMessageId: null };
    const first = result.errors?.[0];
    const reason = `emailSimple: ${first?.statusCode ?? 'ERROR'} ${first?.message ?? 'unknown error'}`;
    if (first?.statusCode && LIMIT_CODES.has(first.statusCode)) return { kind: 'temporary', reason };
    if (first?.statusCode === 'INVALID_EMAIL_ADDRESS') return { kind: 'bounced', reason, response: reason };
    return { kind: 'failed', reason, alertAdmin: true };
  }

  async close(): Promise<void> {}
}
