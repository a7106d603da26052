// Delivers one composed email at most once: claim it in the ledger (durably, before anything
// reaches a server), hand it to the transport, record the outcome. Temporary failures are
// retried here a few times with exponential backoff (a greylisting 451 usually clears within
// minutes); after that the step is Deferred and the dispatcher plans it again at `retryAt`.
import type { ComposedEmail } from '../domain/compose/index.ts';
import { silentLogger, type MailLogger } from './mailLogger.ts';
import type { MailTransport } from './mailTransport.ts';
import type { LedgerState, SendLedger } from './sendLedger.ts';
import type { SendOutcome } from './sendOutcome.ts';

export interface RetryPolicy {
  /** Attempts within one delivery, the first included. */
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 2_000, maxDelayMs: 15 * 60_000 };

export interface DeliveryDeps {
  readonly transport: MailTransport;
  readonly ledger: SendLedger;
  readonly now: () => Date;
  /** Waits between attempts; injected so tests and the demo's fast clock need not wait. */
  readonly sleep: (ms: number) => Promise<void>;
  readonly retry?: RetryPolicy | undefined;
  readonly logger?: MailLogger | undefined;
}

export type DeliveryReport =
  | {
      readonly status: 'Sent';
      readonly sentAt: Date;
      readonly response: string;
      readonly deliveredMessageId: string | null;
      readonly attempts: number;
    }
  | {
      readonly status: 'Deferred';
      readonly reason: string;
      readonly retryAt: Date;
      readonly attempts: number;
    }
  | {
      readonly status: 'Bounced';
      readonly reason: string;
      readonly response: string;
      readonly attempts: number;
    }
  | {
      readonly status: 'Failed';
      readonly reason: string;
      readonly alertAdmin: true;
      readonly attempts: number;
    }
  | { readonly status: 'Uncertain'; readonly reason: string; readonly attempts: number }
  /** The ledger refused the claim: the step was already sent, in doubt or decided. Nothing was sent. */
  | { readonly status: 'NotClaimed'; readonly ledgerState: LedgerState | null; readonly attempts: 0 };

/** Delay before attempt n+1 (n ≥ 1): base·2^(n−1), capped. */
export function backoffDelay(attempt: number, policy: RetryPolicy): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
}

export async function deliverEmail(email: ComposedEmail, deps: DeliveryDeps): Promise<DeliveryReport> {
  const policy = deps.retry ?? DEFAULT_RETRY;
  const log = (deps.logger ?? silentLogger).child({ stepKey: email.stepKey, messageId: email.messageId });
  let outcome: SendOutcome | null = null;
  let attempt = 0;
  while (attempt < policy.attempts) {
    if (
      !(await deps.ledger.markSending({ stepKey: email.stepKey, messageId: email.messageId, at: deps.now() }))
    ) {
      const entry = await deps.ledger.get(email.stepKey);
      log.warn({ ledgerState: entry?.state ?? null }, 'not sent: the ledger holds this step already');
      return { status: 'NotClaimed', ledgerState: entry?.state ?? null, attempts: 0 };
    }
    attempt++;
    const sentAt = deps.now();
    try {
      outcome = await deps.transport.send(email, sentAt);
    } catch (error) {
      // Transports classify delivery problems; a throw is a bug whose effect is unknown.
      outcome = { kind: 'uncertain', reason: `transport error: ${(error as Error).message}` };
    }
    const at = deps.now();
    switch (outcome.kind) {
      case 'accepted':
        await deps.ledger.markSent(email.stepKey, at, outcome.response);
        return {
          status: 'Sent',
          sentAt,
          response: outcome.response,
          deliveredMessageId: outcome.deliveredMessageId,
          attempts: attempt,
        };
      case 'bounced':
        await deps.ledger.markFailed(email.stepKey, at, 'Bounced', outcome.reason);
        return { status: 'Bounced', reason: outcome.reason, response: outcome.response, attempts: attempt };
      case 'failed':
        await deps.ledger.markFailed(email.stepKey, at, 'Failed', outcome.reason);
        log.error({ reason: outcome.reason }, 'sender-side failure: the admin is alerted');
        return { status: 'Failed', reason: outcome.reason, alertAdmin: true, attempts: attempt };
      case 'uncertain':
        await deps.ledger.markUncertain(email.stepKey, at, outcome.reason);
        log.error({ reason: outcome.reason }, 'delivery in doubt: marked Uncertain, not resent');
        return { status: 'Uncertain', reason: outcome.reason, attempts: attempt };
      case 'temporary':
        // Nothing was delivered. Release the claim before waiting, so a crash while waiting
        // leaves a step that may be sent, not one in doubt.
        await deps.ledger.markDeferred(email.stepKey, at, outcome.reason);
        log.warn({ reason: outcome.reason, attempt }, 'temporary failure');
        if (attempt < policy.attempts) await deps.sleep(backoffDelay(attempt, policy));
        break;
    }
  }
  const reason = outcome?.kind === 'temporary' ? outcome.reason : 'not attempted';
  return {
    status: 'Deferred',
    reason,
    retryAt: new Date(deps.now().getTime() + backoffDelay(attempt, policy)),
    attempts: attempt,
  };
}
