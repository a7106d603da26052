// Composes one automatic email of one person's campaign: merge fields, sanitised HTML with its
// text alternative, Message-ID, threading onto the previous email (DESIGN §2.2 Thread_Previous)
// and one-click unsubscribe. Pure: everything it needs comes in as values, so a follow-up can be
// composed from stored state after a restart and the same input always gives the same email.
import { attributionLine } from './attribution.ts';
import { ComposeError } from './composeError.ts';
import { renderBody, renderSubject } from './compiledTemplate.ts';
import { domainOf, headerSafe, mailAddress, type Address } from './headerText.ts';
import { safeHtml } from './htmlPolicy.ts';
import { mergeFieldsIn, type MergeContext, type RecipientObject, type SObjectValues } from './mergeFields.ts';
import { messageIdFor } from './messageId.ts';
import { quoteHtml, quoteText } from './quoteBody.ts';
import { assertNoRawMergeTokens, mayHoldMergeToken } from './rawTokenGuard.ts';
import { replySubject } from './replySubject.ts';
import { htmlToPlainText } from './textAlternative.ts';
import { threadHeaders } from './threadHeaders.ts';
import { unsubscribeParts, type UnsubscribeSettings } from './unsubscribeLink.ts';
import type { UnsubscribeClaims } from './unsubscribeToken.ts';

/** The email this one replies to, as stored when it was sent (Enrollment_Step__c + the store). */
export interface PreviousEmail {
  readonly subject: string;
  /** The body as sent (Body__c), or the prepared body for an email sent outside the product. */
  readonly html: string;
  /** The text part as sent, when the store kept it; derived from `html` otherwise. */
  readonly text?: string | undefined;
  readonly sentAt: Date;
  /** Who sent it; the attribution line names them. */
  readonly from: Address;
  /** Its Message-ID; null or absent when it was sent from Gmail or Outlook (no reply headers). */
  readonly messageId?: string | null | undefined;
  readonly references?: readonly string[] | undefined;
  readonly inReplyTo?: string | null | undefined;
}

export interface ComposeInput {
  /** Enrollment_Step__c.Step_Key__c: enrollment id + ':' + step id. */
  readonly stepKey: string;
  /** The step's subject and HTML body templates, or what the rep prepared in Command Center. */
  readonly subject: string;
  readonly body: string;
  readonly recipientObject: RecipientObject;
  /** The Contact or Lead with the fields of `fieldsToQuery`; `Email` and `Name` at least. */
  readonly recipient: SObjectValues;
  /** The sending user (enrollment owner): Name, Email and the template's User fields. */
  readonly sender: SObjectValues;
  readonly organization?: SObjectValues | undefined;
  /** The sender's IANA time zone, for the attribution date. */
  readonly senderTimeZone: string;
  /** Overrides the From address (an org-wide address); the sender's record otherwise. */
  readonly from?: Address | undefined;
  /** Domain of the Message-ID; the From address's domain otherwise. */
  readonly sendingDomain?: string | undefined;
  /** Set for a Thread_Previous step whose previous email was sent. */
  readonly previous?: PreviousEmail | null | undefined;
  readonly unsubscribe?: (UnsubscribeSettings & { readonly claims: UnsubscribeClaims }) | undefined;
}

export interface ComposedEmail {
  readonly stepKey: string;
  readonly messageId: string;
  readonly from: Address;
  readonly to: Address;
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  readonly inReplyTo: string | null;
  readonly references: readonly string[];
  /** List-Unsubscribe and List-Unsubscribe-Post when unsubscribe is configured. */
  readonly headers: Readonly<Record<string, string>>;
  /** Things worth logging that did not stop the email (e.g. an unusable stored Message-ID). */
  readonly warnings: readonly string[];
}

export function composeEmail(input: ComposeInput): ComposedEmail {
  const context: MergeContext = {
    recipientObject: input.recipientObject,
    recipient: input.recipient,
    sender: input.sender,
    organization: input.organization,
  };
  const warnings: string[] = [];
  const to = mailAddress(input.recipient.Name, input.recipient.Email, 'to');
  const from = input.from
    ? mailAddress(input.from.name, input.from.address, 'from')
    : mailAddress(input.sender.Name, input.sender.Email, 'from');
  const messageId = messageIdFor(input.stepKey, input.sendingDomain ?? domainOf(from.address));

  const own = renderBody(input.body, context);
  const unsubscribe = input.unsubscribe
    ? unsubscribeParts(input.unsubscribe, input.unsubscribe.claims)
    : null;
  let html = own.html + (unsubscribe?.footerHtml ?? '');
  let text = own.text + (unsubscribe?.footerText ?? '');

  const previous = input.previous ?? null;
  let subject: string;
  let inReplyTo: string | null = null;
  let references: readonly string[] = [];
  if (previous === null) {
    subject = headerSafe(renderSubject(input.subject, context));
    assertNoRawMergeTokens({
      subject,
      'text body': text,
      'HTML body': html,
      'sender name': from.name,
      'recipient name': to.name,
    });
  } else {
    if (!(previous.sentAt instanceof Date) || Number.isNaN(previous.sentAt.getTime())) {
      throw new ComposeError(
        'MAIL.INVALID_PREVIOUS_EMAIL',
        `quote: the previous email's sent time "${String(previous.sentAt)}" is not a date`,
        'quote',
      );
    }
    // A subject prepared for sending outside the product may still hold merge tokens.
    subject = replySubject(renderSubject(previous.subject, context));
    const reply = threadHeaders(previous);
    if (reply !== null) {
      inReplyTo = reply.inReplyTo;
      references = reply.references;
    } else if (previous.messageId) {
      warnings.push(
        `previous Message-ID ${JSON.stringify(previous.messageId)} is not a valid msg-id; sent without reply headers`,
      );
    }
    const quoted = previousBody(previous, context);
    assertNoRawMergeTokens({ 'quoted text': quoted.text, 'quoted HTML': quoted.html });
    const attribution = attributionLine(previous.sentAt, input.senderTimeZone, previous.from);
    // Checked before quoting, so the (possibly long) quote is scanned once.
    assertNoRawMergeTokens({
      subject,
      'text body': text,
      'HTML body': html,
      'sender name': from.name,
      'recipient name': to.name,
      attribution,
    });
    html = quoteHtml(html, attribution, quoted.html);
    text = quoteText(text, attribution, quoted.text);
  }

  return {
    stepKey: input.stepKey,
    messageId,
    from,
    to,
    subject,
    html,
    text,
    inReplyTo,
    references,
    headers: unsubscribe?.headers ?? {},
    warnings,
  };
}

/**
 * The previous body to quote. Our own earlier emails come back canonical and pass through
 * untouched; a body prepared for sending outside the product may still hold merge tokens (the
 * prospect saw them resolved) and is merged like a template.
 */
function previousBody(previous: PreviousEmail, context: MergeContext): { html: string; text: string } {
  if (mayHoldMergeToken(previous.html) && mergeFieldsIn(previous.html).length > 0)
    return renderBody(previous.html, context, 'quote');
  const html = safeHtml(previous.html);
  const text = previous.text !== undefined && html === previous.html ? previous.text : htmlToPlainText(html);
  return { html, text };
}
