// A small pool of SMTP connections to one server, built on nodemailer's SMTPConnection.
// nodemailer's own pooled transport cannot say whether a lost connection lost the message
// before or after its content went out; at-most-once delivery needs exactly that, so the pool
// hands SMTPConnection a message stream whose `pipe` is called only once DATA was accepted
// (354): a failure before that point delivered nothing and can be retried; a failure after it
// without a reply is in doubt.
import { Readable } from 'node:stream';
import type tls from 'node:tls';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { MailLogger } from './mailLogger.ts';

export interface SmtpServer {
  readonly host: string;
  readonly port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when offered. */
  readonly secure?: boolean | undefined;
  /** Refuse to send unless STARTTLS succeeds. */
  readonly requireTLS?: boolean | undefined;
  readonly tls?: tls.ConnectionOptions | undefined;
  readonly auth?: { readonly user: string; readonly pass: string } | undefined;
  /** Host name announced in EHLO. */
  readonly name?: string | undefined;
  readonly connectionTimeoutMs?: number | undefined;
  readonly greetingTimeoutMs?: number | undefined;
  readonly socketTimeoutMs?: number | undefined;
}

export interface PoolOptions {
  readonly maxConnections?: number | undefined;
  /** Reconnect after this many messages, as many relays limit messages per session. */
  readonly maxMessagesPerConnection?: number | undefined;
  readonly logger: MailLogger;
}

export interface Envelope {
  readonly from: string;
  readonly to: readonly string[];
}

/** Error of a failed send, as nodemailer reports it, plus whether content had gone out. */
export interface PoolSendError extends Error {
  code?: string;
  originalCode?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  contentSent: boolean;
}

export interface PoolSendInfo {
  readonly response: string;
  readonly serverMessageId?: string | undefined;
}

interface Lease {
  readonly connection: SMTPConnection;
  sent: number;
  broken: boolean;
}

export class SmtpConnectionPool {
  private readonly idle: Lease[] = [];
  private readonly waiting: Array<(lease: Lease | Error) => void> = [];
  private open = 0;
  private closed = false;
  private readonly maxConnections: number;
  private readonly maxMessages: number;

  constructor(
    private readonly server: SmtpServer,
    private readonly options: PoolOptions,
  ) {
    this.maxConnections = options.maxConnections ?? 5;
    this.maxMessages = options.maxMessagesPerConnection ?? 100;
  }

  async send(envelope: Envelope, raw: Buffer): Promise<PoolSendInfo> {
    let lease: Lease;
    try {
      lease = await this.acquire();
    } catch (error) {
      throw asSendError(error, false);
    }
    let contentSent = false;
    const message = Readable.from([raw], { objectMode: false });
    const pipe = message.pipe.bind(message);
    // SMTPConnection pipes the message only after the server accepted DATA.
    message.pipe = <T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T => {
      contentSent = true;
      return pipe(destination, options);
    };
    try {
      const info = await new Promise<PoolSendInfo>((resolve, reject) => {
        lease.connection.send(
          { from: envelope.from, to: [...envelope.to], size: raw.length },
          message,
          (error, result) => {
            if (error) reject(error);
            else resolve({ response: result?.response ?? '', serverMessageId: result?.serverMessageId });
          },
        );
      });
      lease.sent++;
      this.release(lease);
      return info;
    } catch (error) {
      // After any failure the session state is unclear: do not reuse the connection.
      lease.broken = true;
      this.release(lease);
      throw asSendError(error, contentSent);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const lease of this.idle.splice(0)) this.discard(lease);
    for (const waiter of this.waiting.splice(0)) waiter(new Error('SMTP pool closed'));
  }

  private acquire(): Promise<Lease> {
    if (this.closed) return Promise.reject(new Error('SMTP pool closed'));
    const idle = this.idle.pop();
    if (idle) return Promise.resolve(idle);
    if (this.open < this.maxConnections) return this.connect();
    return new Promise<Lease>((resolve, reject) => {
      this.waiting.push((lease) => (lease instanceof Error ? reject(lease) : resolve(lease)));
    });
  }

  private release(lease: Lease): void {
    if (lease.broken || lease.sent >= this.maxMessages || this.closed) {
      this.discard(lease);
      // A waiter gets a fresh connection in place of the discarded one.
      const waiter = this.waiting.shift();
      if (waiter) this.connect().then(waiter, waiter);
      return;
    }
    const waiter = this.waiting.shift();
    if (waiter) waiter(lease);
    else this.idle.push(lease);
  }

  private discard(lease: Lease): void {
    this.open--;
    lease.connection.removeAllListeners('end');
    if (lease.broken) lease.connection.close();
    else lease.connection.quit();
  }

  private connect(): Promise<Lease> {
    this.open++;
    const server = this.server;
    const connection = new SMTPConnection({
      host: server.host,
      port: server.port,
      secure: server.secure ?? false,
      requireTLS: server.requireTLS ?? false,
      tls: server.tls,
      name: server.name,
      connectionTimeout: server.connectionTimeoutMs ?? 30_000,
      greetingTimeout: server.greetingTimeoutMs ?? 30_000,
      socketTimeout: server.socketTimeoutMs ?? 60_000,
    });
    const lease: Lease = { connection, sent: 0, broken: false };
    // Errors also reach the send callback; this listener keeps an idle connection's error
    // (the server timing the session out) from crashing the process.
    connection.on('error', (error: Error) => {
      lease.broken = true;
      this.options.logger.debug({ host: server.host, err: error.message }, 'SMTP connection error');
    });
    connection.on('end', () => {
      lease.broken = true;
      const at = this.idle.indexOf(lease);
      if (at !== -1) {
        this.idle.splice(at, 1);
        this.open--;
      }
    });
    return new Promise<Lease>((resolve, reject) => {
      let settled = false;
      const succeed = (): void => {
        settled = true;
        resolve(lease);
      };
      const fail = (error: unknown): void => {
        if (settled) return;
        settled = true;
        this.open--;
        connection.removeAllListeners('end');
        connection.close();
        reject(error);
        // Somebody waiting for a connection should not wait for this one.
        const waiter = this.waiting.shift();
        if (waiter && this.open < this.maxConnections) this.connect().then(waiter, waiter);
      };
      // A refused or failed connection is reported as an 'error' event, not to the callback.
      connection.once('error', fail);
      connection.connect((error) => {
        if (error) return fail(error);
        if (!server.auth) return succeed();
        connection.login({ user: server.auth.user, pass: server.auth.pass }, (loginError) => {
          if (loginError) fail(loginError);
          else succeed();
        });
      });
    });
  }
}

function asSendError(error: unknown, contentSent: boolean): PoolSendError {
  const base = error instanceof Error ? error : new Error(String(error));
  return Object.assign(base, { contentSent }) as PoolSendError;
}
