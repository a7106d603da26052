// SMTP transport: one relay for the org, or each rep's own mailbox (per-sender credentials),
// a pooled set of connections per server, DKIM signing when a key is configured for the sending
// domain, and every failure classified (classifySmtpFailure.ts).
import type { ComposedEmail } from '../domain/compose/index.ts';
import { buildMimeMessage, type DkimKey, type MimeMessage } from './buildMimeMessage.ts';
import { classifySmtpFailure } from './classifySmtpFailure.ts';
import { silentLogger, type MailLogger } from './mailLogger.ts';
import type { MailTransport } from './mailTransport.ts';
import type { SendOutcome } from './sendOutcome.ts';
import { SmtpConnectionPool, type PoolSendError, type SmtpServer } from './smtpConnectionPool.ts';

export interface SmtpTransportOptions {
  /** The org's relay; used for every sender `serverFor` does not answer. */
  readonly relay?: SmtpServer | undefined;
  /** Per-sender mailboxes: the server and credentials of the rep who sends. */
  readonly serverFor?: ((senderAddress: string) => SmtpServer | undefined) | undefined;
  /** DKIM keys by signing domain (lower case), or one key for every email. */
  readonly dkim?: DkimKey | ReadonlyMap<string, DkimKey> | undefined;
  readonly maxConnections?: number | undefined;
  readonly maxMessagesPerConnection?: number | undefined;
  readonly logger?: MailLogger | undefined;
}

export class SmtpTransport implements MailTransport {
  private readonly pools = new Map<string, SmtpConnectionPool>();
  /** Messages built ahead, by the email they were built from (gone with it). */
  private readonly prepared = new WeakMap<ComposedEmail, Promise<MimeMessage>>();
  private readonly logger: MailLogger;

  constructor(private readonly options: SmtpTransportOptions) {
    if (!options.relay && !options.serverFor)
      throw new TypeError('SMTP transport: configure a relay or per-sender servers (serverFor)');
    this.logger = (options.logger ?? silentLogger).child({ component: 'smtp' });
  }

  async send(email: ComposedEmail, sentAt: Date): Promise<SendOutcome> {
    const server = this.options.serverFor?.(email.from.address) ?? this.options.relay;
    if (!server) {
      return {
        kind: 'failed',
        reason: `no SMTP server is configured for sender ${email.from.address}`,
        alertAdmin: true,
      };
    }
    let mime;
    try {
      mime = await (this.prepared.get(email) ?? this.build(email, sentAt));
    } catch (error) {
      return {
        kind: 'failed',
        reason: `the message could not be built: ${(error as Error).message}`,
        alertAdmin: true,
      };
    }
    try {
      const info = await this.poolFor(server).send(mime.envelope, mime.raw);
      this.logger.debug(
        { stepKey: email.stepKey, messageId: email.messageId, response: info.response },
        'accepted',
      );
      return {
        kind: 'accepted',
        response: info.response,
        deliveredMessageId: info.serverMessageId ?? email.messageId,
      };
    } catch (error) {
      const failure = error as PoolSendError;
      const outcome = classifySmtpFailure({
        code: failure.code,
        originalCode: failure.originalCode,
        responseCode: failure.responseCode,
        response: failure.response,
        command: failure.command,
        message: failure.message,
        contentSent: failure.contentSent,
      });
      this.logger.warn(
        { stepKey: email.stepKey, messageId: email.messageId, outcome: outcome.kind, reason: outcome.reason },
        'not accepted',
      );
      return outcome;
    }
  }

  /** Builds and signs the message now (about a millisecond of CPU each), for `send` to use. */
  prepare(email: ComposedEmail, sentAt: Date): void {
    const mime = this.build(email, sentAt);
    mime.catch(() => undefined); // a build error is reported by send, as without preparing
    this.prepared.set(email, mime);
  }

  private build(email: ComposedEmail, sentAt: Date): Promise<MimeMessage> {
    return buildMimeMessage(email, sentAt, this.dkimFor(email.from.address));
  }

  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map((pool) => pool.close()));
    this.pools.clear();
  }

  private dkimFor(fromAddress: string): DkimKey | undefined {
    const keys = this.options.dkim;
    if (!keys) return undefined;
    if (!(keys instanceof Map)) return keys as DkimKey;
    return keys.get(fromAddress.slice(fromAddress.lastIndexOf('@') + 1).toLowerCase());
  }

  private poolFor(server: SmtpServer): SmtpConnectionPool {
    // One pool per server and login: two reps on the same host keep separate sessions.
    const key = `${server.host}:${server.port}:${server.auth?.user ?? ''}`;
    let pool = this.pools.get(key);
    if (!pool) {
      pool = new SmtpConnectionPool(server, {
        maxConnections: this.options.maxConnections,
        maxMessagesPerConnection: this.options.maxMessagesPerConnection,
        logger: this.logger.child({ host: server.host, port: server.port }),
      });
      this.pools.set(key, pool);
    }
    return pool;
  }
}
