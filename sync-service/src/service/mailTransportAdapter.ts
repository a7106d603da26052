// Plugs src/mail's transports (SMTP with pooling and DKIM, or emailSimple) into the dispatcher:
// their classified SendOutcome becomes the dispatcher's DeliveryOutcome, one to one.
import type { DeliveryOutcome, MailTransport as DispatchTransport } from '../app/dispatch/mailDelivery.ts';
import type { Clock } from '../app/ports/clock.ts';
import type { MailTransport } from '../mail/index.ts';

export function dispatchTransport(
  transport: MailTransport,
  clock: Clock,
): DispatchTransport & { close(): Promise<void> } {
  return {
    async send(email): Promise<DeliveryOutcome> {
      const outcome = await transport.send(email, new Date(clock.now()));
      switch (outcome.kind) {
        case 'accepted':
          return { kind: 'accepted', reply: outcome.response, messageId: outcome.deliveredMessageId };
        case 'temporary':
          return { kind: 'temporary', reply: outcome.response ?? outcome.reason };
        case 'bounced':
          return { kind: 'recipient_rejected', reply: outcome.response || outcome.reason };
        case 'failed':
          return { kind: 'sender_failed', reply: outcome.response ?? outcome.reason };
        case 'uncertain':
          return { kind: 'unknown', reply: outcome.reason };
      }
    },
    prepare(email, at) {
      transport.prepare?.(email, new Date(at));
    },
    close: () => transport.close(),
  };
}
