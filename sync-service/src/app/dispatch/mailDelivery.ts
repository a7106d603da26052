// What the dispatcher needs from a mail transport: hand over one composed email and learn how
// it ended, already classified (DESIGN §2.5). The SMTP and emailSimple transports of src/mail
// are adapted to this shape by the composition root, so the use cases never see SMTP codes.
import type { ComposedEmail } from '../../domain/compose/index.ts';

export type DeliveryOutcome =
  /** The recipient's server (or the relay) accepted the message. */
  /** `messageId`: the id the recipient sees when a relay replaced ours (store it for threading). */
  | { kind: 'accepted'; reply: string; messageId?: string | null }
  /** 4xx or a connection that never reached DATA: nothing was sent, try again later. */
  | { kind: 'temporary'; reply: string }
  /** 5.1.x, mailbox unavailable: the person bounces, the campaign ends. */
  | { kind: 'recipient_rejected'; reply: string }
  /** Authentication, size, policy: this email fails, the campaign goes on, the admin is told. */
  | { kind: 'sender_failed'; reply: string }
  /** The connection dropped after DATA: it may have been delivered. Never resent blindly. */
  | { kind: 'unknown'; reply: string };

export interface MailTransport {
  send(email: ComposedEmail): Promise<DeliveryOutcome>;
  /** Builds the message ahead for the moment `at` (its Date header), so `send` of this same
   * email object only talks to the server. Optional: a transport may build at send time. */
  prepare?(email: ComposedEmail, at: number): void;
}
