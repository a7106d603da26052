// The parts `sync-service run` plugs into the service beyond planning and tasks: the dispatcher,
// sending through the configured SMTP relay (src/mail's SmtpTransport: pooled, DKIM-signed),
// and the one-click unsubscribe route. With DISPATCH=off the dispatcher never starts — nothing
// is sent — but the unsubscribe route stays up, so links in emails already sent keep working;
// the operator hears about it in the log, on /metrics and on the admin page's heartbeat.
import type { Logger } from 'pino';
import {
  ConfigError,
  MISSING_SMTP_URL,
  type DispatchConfig,
  type SendingDispatchConfig,
  type ServiceConfig,
  type SmtpRelayConfig,
} from '../config/index.ts';
import type { MailTransport as DispatchTransport } from '../app/dispatch/mailDelivery.ts';
import { formatInstant } from '../domain/index.ts';
import { SmtpTransport, type SmtpServer } from '../mail/index.ts';
import { dispatchExtensions } from './dispatcherSlot.ts';
import { dispatchTransport } from './mailTransportAdapter.ts';
import type { DispatcherSlot, ServiceContext, ServiceExtensions } from './serviceContext.ts';

/** What the admin page's heartbeat shows (Last_Error__c) while this instance sends nothing. */
export const DISPATCH_OFF_NOTICE =
  'Dispatch is off (DISPATCH=off or --no-dispatch): this instance sends no emails. Due emails wait until an instance with SMTP_URL runs.';

export function smtpServerOf(smtp: SmtpRelayConfig): SmtpServer {
  return {
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    requireTLS: smtp.requireTLS,
    auth: smtp.auth,
    name: smtp.name,
    connectionTimeoutMs: smtp.connectionTimeoutMs,
    greetingTimeoutMs: smtp.greetingTimeoutMs,
    socketTimeoutMs: smtp.socketTimeoutMs,
  };
}

function enabledGauge(on: boolean): string {
  return [
    '# HELP sync_dispatch_enabled 1 when this instance sends emails, 0 when dispatch is off.',
    '# TYPE sync_dispatch_enabled gauge',
    `sync_dispatch_enabled ${on ? 1 : 0}`,
    '',
  ].join('\n');
}

function sending(settings: SendingDispatchConfig): ServiceExtensions {
  let inner: ReturnType<typeof dispatchExtensions> | null = null;
  return {
    async createDispatcher(context: ServiceContext): Promise<DispatcherSlot> {
      const log = context.logger.child({ component: 'dispatch' });
      const smtp = new SmtpTransport({
        relay: smtpServerOf(settings.smtp),
        dkim: settings.dkim,
        maxConnections: settings.smtp.maxConnections,
        maxMessagesPerConnection: settings.smtp.maxMessagesPerConnection,
        logger: context.logger,
      });
      const transport = dispatchTransport(smtp, context.clock);
      inner = dispatchExtensions({
        transport,
        unsubscribe: settings.unsubscribe,
        sendingDomain: settings.sendingDomain,
        batchSize: settings.batchSize,
        sendConcurrency: settings.sendConcurrency,
        pollIntervalMs: settings.pollIntervalMs,
      });
      // The same object stays in the slot: dispatchExtensions recognises it when adding routes.
      const slot = await inner.createDispatcher(context);
      const stopDispatcher = slot.stop;
      slot.stop = async () => {
        await stopDispatcher();
        await transport.close();
      };
      const dispatcherMetrics = slot.metricsText;
      slot.metricsText = () => (dispatcherMetrics?.() ?? '') + enabledGauge(true);
      log.info(
        {
          relay: `${settings.smtp.host}:${settings.smtp.port}`,
          tls: settings.smtp.secure
            ? 'tls'
            : settings.smtp.requireTLS
              ? 'starttls required'
              : 'starttls if offered',
          login: settings.smtp.auth ? settings.smtp.auth.user : null,
          dkim: settings.dkim ? `${settings.dkim.keySelector}._domainkey.${settings.dkim.domainName}` : null,
          unsubscribe: settings.unsubscribe?.baseUrl ?? null,
        },
        'dispatch on: emails go out through the SMTP relay',
      );
      if (!settings.unsubscribe)
        log.warn(
          'UNSUBSCRIBE_BASE_URL and UNSUBSCRIBE_SECRET are not set: emails go out without one-click unsubscribe (List-Unsubscribe), which Gmail and Yahoo require of bulk senders',
        );
      return slot;
    },
    createRoutes: (context, created) => inner?.createRoutes(context, created) ?? [],
  };
}

/** Never called: the dispatcher it belongs to is never started. */
const refusingTransport: DispatchTransport = {
  send: async () => ({ kind: 'sender_failed', reply: 'dispatch is off (DISPATCH=off)' }),
};

async function announceOff(context: ServiceContext, log: Logger): Promise<void> {
  const outcome = await context.org.upsertServiceStatus({
    Name: context.config.instanceId.slice(0, 80),
    Instance__c: context.config.instanceId,
    Last_Error__c: DISPATCH_OFF_NOTICE.slice(0, 255),
    Last_Error_At__c: formatInstant(context.clock.now()),
  });
  if (!outcome.ok) log.error({ errors: outcome.errors }, 'could not show "dispatch off" on the heartbeat');
}

function notSending(settings: Extract<DispatchConfig, { enabled: false }>): ServiceExtensions {
  let inner: ReturnType<typeof dispatchExtensions> | null = null;
  return {
    async createDispatcher(context: ServiceContext): Promise<DispatcherSlot> {
      const log = context.logger.child({ component: 'dispatch' });
      // Built for its unsubscribe port only; Command Center requests stay Send_Requested in the
      // org, where an instance that sends will pick them up.
      inner = dispatchExtensions({ transport: refusingTransport, unsubscribe: settings.unsubscribe });
      await inner.createDispatcher(context);
      return {
        start() {
          log.warn(
            { unsubscribeRoute: settings.unsubscribe ? 'up' : 'not configured' },
            `${DISPATCH_OFF_NOTICE} Set SMTP_URL and remove DISPATCH=off / --no-dispatch to send.`,
          );
          announceOff(context, log).catch((error: Error) =>
            log.error({ err: error.message }, 'could not show "dispatch off" on the heartbeat'),
          );
        },
        stop: async () => undefined,
        emailsSentToday: () => 0,
        metricsText: () => enabledGauge(false),
      };
    },
    createRoutes: (context) => (inner ? inner.createRoutes(context, inner.created()) : []),
  };
}

/**
 * The dispatcher and routes for `config.dispatch`. Throws the ConfigError `run` reports when
 * sending was not configured at all (neither SMTP_URL nor DISPATCH=off).
 */
export async function defaultExtensions(config: ServiceConfig): Promise<ServiceExtensions> {
  const dispatch = config.dispatch;
  if (!dispatch) throw new ConfigError([MISSING_SMTP_URL]);
  return dispatch.enabled ? sending(dispatch) : notSending(dispatch);
}
