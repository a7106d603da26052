// The demo's local SMTP server: accepts every message and saves it as an .eml file (open it in
// any mail client), except for addresses the script wants to bounce, which get the permanent
// rejection a real mailbox provider gives (550 5.1.1) so the bounce rule shows.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

export interface SavedMessage {
  file: string;
  to: string[];
  bytes: number;
}

export interface MailSink {
  port: number;
  dir: string;
  saved: SavedMessage[];
  close(): Promise<void>;
}

export async function startMailSink(options: {
  dir: string;
  bounce?: readonly string[];
  onMessage?: (message: SavedMessage) => void;
}): Promise<MailSink> {
  mkdirSync(options.dir, { recursive: true });
  const bounce = new Set((options.bounce ?? []).map((a) => a.toLowerCase()));
  const saved: SavedMessage[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (bounce.has(address.address.toLowerCase())) {
        return callback(
          Object.assign(new Error('5.1.1 The email account that you tried to reach does not exist'), {
            responseCode: 550,
          }),
        );
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        const file = path.join(
          options.dir,
          `${String(saved.length + 1).padStart(3, '0')}-${to[0]?.replace(/[^a-z0-9.@-]/gi, '_') ?? 'unknown'}.eml`,
        );
        const raw = Buffer.concat(chunks);
        writeFileSync(file, raw);
        const message = { file, to, bytes: raw.length };
        saved.push(message);
        options.onMessage?.(message);
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as { port: number }).port;
  return {
    port,
    dir: options.dir,
    saved,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
