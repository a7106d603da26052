// Fills the service's dispatcher slot (issue 8): builds the Dispatcher over the context's store,
// org session and planner, with the delivery-time reads over jsforce and the given transport,
// and the one-click unsubscribe route that ends a person's campaign through it.
import type { UnsubscribeSettings } from '../domain/compose/index.ts';
import { Dispatcher } from '../app/dispatch/dispatcher.ts';
import { DispatchMetrics } from '../app/dispatch/dispatchMetrics.ts';
import type { TemporaryRetry } from '../app/dispatch/applyDelivery.ts';
import type { MailTransport } from '../app/dispatch/mailDelivery.ts';
import type { HttpRoute } from '../http/httpServer.ts';
import { JsforceDeliveryOrg } from '../salesforce/jsforceDeliveryOrg.ts';
import type { DispatcherSlot, ServiceContext, ServiceExtensions } from './serviceContext.ts';
import { createUnsubscribeRoute } from '../http/unsubscribeRoute.ts';

export interface DispatchSettings {
  transport: MailTransport;
  unsubscribe?: UnsubscribeSettings | undefined;
  /** Message-ID domain; the sender's address domain otherwise. */
  sendingDomain?: string | undefined;
  /** Emails claimed per batch; 1,000 keeps a batch to one Composite call per kind of write. */
  batchSize?: number;
  sendConcurrency?: number;
  /** Business ms ahead of its moment an email is re-read and composed, so a burst goes on time. */
  prepareAheadMs?: number;
  /** Real ms between looks at the store when nothing was due (bounds lateness). */
  pollIntervalMs?: number;
  /** Business ms between polls for Command Center requests the stream may have missed. */
  requestPollMs?: number;
  temporaryRetry?: TemporaryRetry;
  /** Keep every lateness sample (benchmarks). */
  keepLatencies?: boolean;
}

/** Long enough to read and compose a full batch before its moment; short, because a change made
 * in the org inside this window before an email's moment (an opt-out, an edit) is not seen. */
export const DEFAULT_PREPARE_AHEAD_MS = 3_000;

export type DispatchingSlot = DispatcherSlot & { dispatcher: Dispatcher; metrics: DispatchMetrics };

export function dispatchExtensions(
  settings: DispatchSettings,
): Required<ServiceExtensions> & { created(): DispatchingSlot | null } {
  let slot: DispatchingSlot | null = null;
  return {
    createDispatcher(context: ServiceContext): DispatchingSlot {
      const metrics = new DispatchMetrics({ keepLatencies: settings.keepLatencies ?? false });
      const dispatcher = new Dispatcher({
        org: context.org,
        delivery: new JsforceDeliveryOrg(context.session, { clock: context.clock, logger: context.logger }),
        store: context.store,
        transport: settings.transport,
        clock: context.clock,
        logger: context.logger,
        metrics,
        compose: { unsubscribe: settings.unsubscribe, sendingDomain: settings.sendingDomain },
        replanning: context.replanning,
        owner: context.config.instanceId,
        leaseMs: context.config.intervals.leaseMs,
        // Never so far ahead that a lease could run out before the email's moment.
        prepareAheadMs: Math.min(
          settings.prepareAheadMs ?? DEFAULT_PREPARE_AHEAD_MS,
          context.config.intervals.leaseMs / 4,
        ),
        batchSize: settings.batchSize ?? 1000,
        sendConcurrency: settings.sendConcurrency ?? 5,
        temporaryRetry: settings.temporaryRetry ?? { attempts: 5, backoffMs: 5 * 60_000 },
        pollIntervalMs: settings.pollIntervalMs ?? 250,
        requestPollMs: settings.requestPollMs ?? 5 * 60_000,
      });
      slot = {
        dispatcher,
        metrics,
        start: () => dispatcher.start(),
        stop: () => dispatcher.stop(),
        onStepChanges: (records) => dispatcher.onStepChanges(records),
        emailsSentToday: () => dispatcher.emailsSentToday(),
        metricsText: () => dispatcher.metricsText(),
      };
      return slot;
    },
    createRoutes(context: ServiceContext, created: DispatcherSlot | null): HttpRoute[] {
      if (!settings.unsubscribe || !slot || created !== slot) return [];
      const dispatcher = slot.dispatcher;
      const path = new URL(settings.unsubscribe.baseUrl).pathname;
      return [
        createUnsubscribeRoute({
          port: {
            async optOut(personId, campaignId, enrollmentId) {
              const result = await dispatcher.unsubscribe({ personId, campaignId, enrollmentId });
              // Not recorded: the route answers 503 with Retry-After, and the person can press again.
              if (!result.optedOut)
                throw new Error(`Enrollment ${enrollmentId}: the opt-out was not recorded`);
            },
          },
          secrets: [settings.unsubscribe.secret],
          pathPrefix: path.endsWith('/') ? path : `${path}/`,
          logger: context.logger,
        }),
      ];
    },
    created: () => slot,
  };
}
