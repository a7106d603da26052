// A real SMTP server for the delivery tests (smtp-server on 127.0.0.1, any free port), whose
// replies each test scripts: reject a recipient, refuse a login, greylist once, or take the
// message and drop the connection without answering.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { SMTPServerDataStream, SMTPServerSession } from 'smtp-server';

export type DataVerdict = 'accept' | 'drop' | { code: number; message: string };

export interface Behaviour {
  /** Credentials the server accepts; absent = no AUTH needed. */
  readonly credentials?: { user: string; pass: string };
  /** Offer STARTTLS (smtp-server's built-in self-signed certificate). */
  readonly starttls?: boolean;
  readonly rcpt?: (address: string, count: number) => { code: number; message: string } | null;
  readonly data?: (raw: Buffer, count: number) => DataVerdict;
}

export interface TestServer {
  readonly port: number;
  readonly messages: Buffer[];
  /** Sessions opened, to check the pool reuses connections. */
  connections: number;
  close(): Promise<void>;
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

export async function startSmtpServer(behaviour: Behaviour = {}): Promise<TestServer> {
  const messages: Buffer[] = [];
  let rcptCount = 0;
  let dataCount = 0;
  const state = { connections: 0 };
  const server: SMTPServer = new SMTPServer({
    logger: false,
    disabledCommands: [
      ...(behaviour.starttls ? [] : ['STARTTLS']),
      ...(behaviour.credentials ? [] : ['AUTH']),
    ],
    authOptional: !behaviour.credentials,
    allowInsecureAuth: true,
    size: 10 * 1024 * 1024,
    onConnect(_session, callback) {
      state.connections++;
      callback();
    },
    onAuth(auth, _session, callback) {
      const ok =
        auth.username === behaviour.credentials?.user && auth.password === behaviour.credentials?.pass;
      if (ok) callback(null, { user: auth.username });
      else callback(smtpError(535, '5.7.8 Authentication credentials invalid'));
    },
    onRcptTo(address, _session, callback) {
      const verdict = behaviour.rcpt?.(address.address, ++rcptCount) ?? null;
      callback(verdict ? smtpError(verdict.code, verdict.message) : undefined);
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const verdict = behaviour.data?.(raw, ++dataCount) ?? 'accept';
        if (verdict === 'accept') {
          messages.push(raw);
          callback(null, 'Queued as TEST');
        } else if (verdict === 'drop') {
          // The server has the whole message, and dies before saying so.
          messages.push(raw);
          for (const connection of (
            server as unknown as { connections: Set<{ id: string; _socket: { destroy(): void } }> }
          ).connections) {
            if (connection.id === session.id) connection._socket.destroy();
          }
        } else {
          callback(smtpError(verdict.code, verdict.message));
        }
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    messages,
    get connections() {
      return state.connections;
    },
    set connections(value: number) {
      state.connections = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
