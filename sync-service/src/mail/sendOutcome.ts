// What happened to one attempt to hand an email to a server. The kinds map onto what the
// service does next (DESIGN §2.5):
//   accepted   → step Sent
//   temporary  → nothing was delivered; try again later (4xx, connection refused or lost
//                before the message content was sent)
//   bounced    → the recipient is permanently rejected (5.1.x, mailbox unavailable): the
//                person's campaign ends as Bounced
//   failed     → sender-side permanent failure (authentication, size, policy): the email fails
//                with the server's reply, the campaign goes on, the admin is alerted
//   uncertain  → the content was sent but no reply came: it may have been delivered. Never
//                retried automatically; an admin reviews it (Uncertain).

export type SendOutcome =
  | {
      readonly kind: 'accepted';
      readonly response: string;
      /**
       * The Message-ID the recipient sees, to store for threading: ours, or the one a relay such
       * as Microsoft 365 put in its place; null when the transport sets its own (emailSimple).
       */
      readonly deliveredMessageId: string | null;
    }
  | { readonly kind: 'temporary'; readonly reason: string; readonly response?: string | undefined }
  | { readonly kind: 'bounced'; readonly reason: string; readonly response: string }
  | {
      readonly kind: 'failed';
      readonly reason: string;
      readonly response?: string | undefined;
      readonly alertAdmin: true;
    }
  | { readonly kind: 'uncertain'; readonly reason: string };

export type SendOutcomeKind = SendOutcome['kind'];
