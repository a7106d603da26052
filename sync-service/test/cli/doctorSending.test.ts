// `sync-service doctor`'s sending check against a real SMTP server that wants a login: it says
// whether the relay answers and takes the configured credentials, and what to change when not —
// without ever printing the password.
import { createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Env } from '../../src/config/index.ts';
import { checkSending } from '../../src/cli/doctorCommand.ts';

const orgEnv = { SF_LOGIN_URL: 'http://127.0.0.1:9', SF_CLIENT_ID: 'c', SF_CLIENT_SECRET: 's' };
const sendingOf = (env: Env) => loadConfig({ ...orgEnv, ...env }).dispatch;

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('doctor: the SMTP relay', () => {
  let server: SMTPServer;
  let port: number;
  beforeAll(async () => {
    server = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      logger: false,
      onAuth(auth, _session, callback) {
        if (auth.username === 'campaigns' && auth.password === 'right horse')
          return callback(null, { user: auth.username });
        callback(Object.assign(new Error('Authentication failed'), { responseCode: 535 }));
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as { port: number }).port;
  });
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

  it('passes when the relay answers and takes the login', async () => {
    const check = await checkSending(
      sendingOf({ SMTP_URL: `smtp://campaigns:right%20horse@127.0.0.1:${port}` }),
    );
    expect(check).toEqual({
      name: `SMTP relay 127.0.0.1:${port}`,
      ok: true,
      detail: 'answered (STARTTLS if offered), login accepted for campaigns',
    });
  });

  it('fails on a refused login, pointing at SMTP_URL, without the password', async () => {
    const check = await checkSending(
      sendingOf({ SMTP_URL: `smtp://campaigns:wrong-horse@127.0.0.1:${port}` }),
    );
    expect(check.ok).toBe(false);
    expect(check.detail).toMatch(
      /535 Authentication failed — the relay refused the login: check the user name and password in SMTP_URL/,
    );
    expect(check.detail).not.toContain('wrong-horse');
  });

  it('fails when STARTTLS is required and the relay does not offer it', async () => {
    const check = await checkSending(
      sendingOf({ SMTP_URL: `smtp://campaigns:right%20horse@127.0.0.1:${port}`, SMTP_REQUIRE_TLS: 'true' }),
    );
    expect(check.ok).toBe(false);
    expect(check.detail).toMatch(
      /the relay offers no STARTTLS: use smtps:\/\/ if it listens for TLS, or SMTP_REQUIRE_TLS=false/,
    );
  });

  it('fails when nothing listens, naming the host and port to check', async () => {
    const closed = await closedPort();
    const check = await checkSending(sendingOf({ SMTP_URL: `smtp://127.0.0.1:${closed}` }));
    expect(check.ok).toBe(false);
    expect(check.detail).toContain(`cannot talk to 127.0.0.1:${closed}: check the host and port in SMTP_URL`);
  });

  it('reports sending that is off, or not configured at all', async () => {
    expect(await checkSending(sendingOf({ DISPATCH: 'off' }))).toEqual({
      name: 'sending',
      ok: true,
      detail: 'off (DISPATCH=off): this instance will send no emails',
    });
    const missing = await checkSending(sendingOf({}));
    expect(missing.ok).toBe(false);
    expect(missing.detail).toMatch(/^SMTP_URL is not set/);
  });
});
