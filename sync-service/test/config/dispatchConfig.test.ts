// The sending settings as an operator writes them: SMTP_URL and friends, DKIM, one-click
// unsubscribe, DISPATCH=off. Every bad value is refused at start-up with the variable and the
// value it holds — except passwords, keys and secrets, which are never repeated.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  DISPATCH_DEFAULTS,
  loadConfig,
  redactConfig,
  type Env,
  type LoadOptions,
} from '../../src/config/index.ts';

const orgEnv = {
  SF_LOGIN_URL: 'http://127.0.0.1:4010',
  SF_CLIENT_ID: 'emulator-client',
  SF_CLIENT_SECRET: 'emulator-secret',
};
const RELAY = 'smtp://campaigns%40example.com:p%40ss%3Aword@relay.example.com';
const SECRET = '0123456789abcdef0123456789abcdef-unsubscribe';
const RUN: LoadOptions = { dispatchRequired: true };

function dispatchOf(env: Env, options: LoadOptions = RUN, flags = {}) {
  return loadConfig({ ...orgEnv, ...env }, flags, '/srv/app', options).dispatch;
}

function problemsOf(env: Env, options: LoadOptions = RUN): string[] {
  try {
    loadConfig({ ...orgEnv, ...env }, {}, '/srv/app', options);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const dir = mkdtempSync(path.join(tmpdir(), 'dispatch-config-'));
const rsaPem = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();
const rsaFile = path.join(dir, 'dkim.pem');
writeFileSync(rsaFile, rsaPem);
const ecFile = path.join(dir, 'ec.pem');
writeFileSync(
  ecFile,
  generateKeyPairSync('ec', { namedCurve: 'P-256' })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString(),
);

describe('sending configuration', () => {
  it('reads an smtp:// relay with a login: port 587, STARTTLS required, the documented defaults', () => {
    expect(dispatchOf({ SMTP_URL: RELAY })).toEqual({
      enabled: true,
      smtp: {
        host: 'relay.example.com',
        port: 587,
        secure: false,
        requireTLS: true,
        auth: { user: 'campaigns@example.com', pass: 'p@ss:word' },
        maxConnections: 5,
        maxMessagesPerConnection: 100,
        connectionTimeoutMs: 30_000,
        greetingTimeoutMs: 30_000,
        socketTimeoutMs: 60_000,
      },
      batchSize: DISPATCH_DEFAULTS.batchSize,
      sendConcurrency: 5,
      pollIntervalMs: 250,
    });
  });

  it('reads smtps:// as TLS on 465, and a login-less or local relay needs no STARTTLS', () => {
    expect(dispatchOf({ SMTP_URL: 'smtps://relay.example.com' })?.enabled && true).toBe(true);
    const tls = dispatchOf({ SMTP_URL: 'smtps://u:p@relay.example.com' });
    expect(tls).toMatchObject({ smtp: { port: 465, secure: true, requireTLS: false } });
    expect(dispatchOf({ SMTP_URL: 'smtp://relay.example.com:2525' })).toMatchObject({
      smtp: { port: 2525, secure: false, requireTLS: false },
    });
    expect(dispatchOf({ SMTP_URL: 'smtp://u:p@127.0.0.1:2525' })).toMatchObject({
      smtp: { host: '127.0.0.1', requireTLS: false, auth: { user: 'u', pass: 'p' } },
    });
    expect(dispatchOf({ SMTP_URL: 'smtp://u:p@[::1]:2525' })).toMatchObject({ smtp: { host: '::1' } });
    expect(dispatchOf({ SMTP_URL: RELAY, SMTP_REQUIRE_TLS: 'false' })).toMatchObject({
      smtp: { requireTLS: false },
    });
  });

  it('reads DKIM (key file or inline PEM), the sending domain, unsubscribe and the tuning', () => {
    const dispatch = dispatchOf({
      SMTP_URL: RELAY,
      SMTP_EHLO_NAME: 'sync.example.com',
      SMTP_MAX_CONNECTIONS: '10',
      SMTP_MAX_MESSAGES_PER_CONNECTION: '50',
      SMTP_CONNECTION_TIMEOUT_MS: '5000',
      SMTP_GREETING_TIMEOUT_MS: '6000',
      SMTP_SOCKET_TIMEOUT_MS: '7000',
      SENDING_DOMAIN: 'mail.example.com',
      DKIM_SELECTOR: 'sc2026',
      DKIM_PRIVATE_KEY_FILE: path.relative('/srv/app', rsaFile),
      UNSUBSCRIBE_BASE_URL: 'https://sync.example.com/u/',
      UNSUBSCRIBE_SECRET: SECRET,
      DISPATCH_BATCH_SIZE: '200',
      SEND_CONCURRENCY: '8',
      DISPATCH_POLL_MS: '100',
    });
    expect(dispatch).toMatchObject({
      enabled: true,
      smtp: {
        name: 'sync.example.com',
        maxConnections: 10,
        maxMessagesPerConnection: 50,
        connectionTimeoutMs: 5000,
        greetingTimeoutMs: 6000,
        socketTimeoutMs: 7000,
      },
      sendingDomain: 'mail.example.com',
      // DKIM_DOMAIN defaults to SENDING_DOMAIN.
      dkim: { domainName: 'mail.example.com', keySelector: 'sc2026', privateKey: rsaPem },
      unsubscribe: { baseUrl: 'https://sync.example.com/u/', secret: SECRET },
      batchSize: 200,
      sendConcurrency: 8,
      pollIntervalMs: 100,
    });
    // One-line environments carry the PEM's line breaks as \n.
    const inline = dispatchOf({
      SMTP_URL: RELAY,
      DKIM_SELECTOR: 's1',
      DKIM_DOMAIN: 'example.com',
      DKIM_PRIVATE_KEY: rsaPem.replace(/\n/g, '\\n'),
    });
    expect(inline).toMatchObject({ dkim: { domainName: 'example.com', privateKey: rsaPem } });
  });

  it('run needs SMTP_URL or DISPATCH=off, and says so naming SMTP_URL', () => {
    const problems = problemsOf({});
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^SMTP_URL is not set: .*DISPATCH=off \(or run --no-dispatch\)/);
    // Everything wrong is reported in one go.
    const together = problemsOf({ SF_LOGIN_URL: '' }).join('\n');
    expect(together).toContain('SF_LOGIN_URL is not set');
    expect(together).toContain('SMTP_URL is not set');
    // Callers that bring their own dispatcher (tests, the demo) are not asked for it...
    expect(dispatchOf({}, {})).toBeUndefined();
    // ...unless they say DISPATCH=on.
    expect(problemsOf({ DISPATCH: 'on' }, {})[0]).toMatch(/^SMTP_URL is not set/);
  });

  it('DISPATCH=off or --no-dispatch turns sending off, reads no SMTP setting, keeps unsubscribe', () => {
    expect(dispatchOf({ DISPATCH: 'off' })).toEqual({ enabled: false });
    expect(dispatchOf({ DISPATCH: 'OFF', SMTP_URL: 'not even a URL' })).toEqual({ enabled: false });
    expect(dispatchOf({ DISPATCH: 'on', SMTP_URL: RELAY }, RUN, { dispatch: false })).toEqual({
      enabled: false,
    });
    expect(
      dispatchOf({
        DISPATCH: 'off',
        UNSUBSCRIBE_BASE_URL: 'https://sync.example.com/u/',
        UNSUBSCRIBE_SECRET: SECRET,
      }),
    ).toEqual({ enabled: false, unsubscribe: { baseUrl: 'https://sync.example.com/u/', secret: SECRET } });
  });

  const BAD: Array<[string, Env, string]> = [
    ['DISPATCH', { DISPATCH: 'maybe' }, 'DISPATCH="maybe" is not one of on, off'],
    [
      'SMTP_URL scheme',
      { SMTP_URL: 'https://relay.example.com' },
      'SMTP_URL="https://relay.example.com": the scheme must be smtp:// (STARTTLS, port 587 by default) or smtps:// (TLS from the first byte, port 465 by default), not https://',
    ],
    [
      'SMTP_URL port',
      { SMTP_URL: 'smtp://user:hunter2@relay.example.com:99999' },
      'SMTP_URL="smtp://user:***@relay.example.com:99999" is not a URL: use smtp://user:password@host:587 (STARTTLS) or smtps://user:password@host:465 (TLS), with @ : / ? # in the user name or password percent-encoded (%40 %3A %2F %3F %23)',
    ],
    [
      'SMTP_URL password with a raw #',
      { SMTP_URL: 'smtp://user:hun#ter2@relay.example.com' },
      'SMTP_URL="smtp://user:***@relay.example.com" is not a URL: use smtp://user:password@host:587 (STARTTLS) or smtps://user:password@host:465 (TLS), with @ : / ? # in the user name or password percent-encoded (%40 %3A %2F %3F %23)',
    ],
    [
      'SMTP_URL with options',
      { SMTP_URL: 'smtp://relay.example.com/?pool=true' },
      'SMTP_URL="smtp://relay.example.com/?pool=true" has a path, query or fragment, which are not read: use the SMTP_* variables for options, and @ : / ? # in the user name or password percent-encoded (%40 %3A %2F %3F %23)',
    ],
    [
      'SMTP_URL user without password',
      { SMTP_URL: 'smtp://user@relay.example.com' },
      'SMTP_URL="smtp://user@relay.example.com": give both a user name and a password (smtp://user:password@host), or neither for a relay that needs no login',
    ],
    ['SMTP_REQUIRE_TLS', { SMTP_REQUIRE_TLS: 'yes' }, 'SMTP_REQUIRE_TLS="yes" is not true or false'],
    [
      'SMTP_EHLO_NAME',
      { SMTP_EHLO_NAME: 'my relay' },
      'SMTP_EHLO_NAME="my relay": must be a host name such as sync.example.com',
    ],
    [
      'SMTP_MAX_CONNECTIONS',
      { SMTP_MAX_CONNECTIONS: '0' },
      'SMTP_MAX_CONNECTIONS="0": must be a whole number from 1 to 100',
    ],
    [
      'SMTP_MAX_MESSAGES_PER_CONNECTION',
      { SMTP_MAX_MESSAGES_PER_CONNECTION: 'many' },
      'SMTP_MAX_MESSAGES_PER_CONNECTION="many" is not a number',
    ],
    [
      'SMTP_CONNECTION_TIMEOUT_MS',
      { SMTP_CONNECTION_TIMEOUT_MS: '30' },
      'SMTP_CONNECTION_TIMEOUT_MS="30": must be a whole number from 1000 to 600000',
    ],
    [
      'SMTP_GREETING_TIMEOUT_MS',
      { SMTP_GREETING_TIMEOUT_MS: '1e9' },
      'SMTP_GREETING_TIMEOUT_MS="1e9": must be a whole number from 1000 to 600000',
    ],
    [
      'SMTP_SOCKET_TIMEOUT_MS',
      { SMTP_SOCKET_TIMEOUT_MS: '-1' },
      'SMTP_SOCKET_TIMEOUT_MS="-1": must be a whole number from 1000 to 3600000',
    ],
    [
      'SENDING_DOMAIN',
      { SENDING_DOMAIN: 'https://example.com' },
      'SENDING_DOMAIN="https://example.com": must be a domain such as mail.example.com',
    ],
    [
      'DISPATCH_BATCH_SIZE',
      { DISPATCH_BATCH_SIZE: '2.5' },
      'DISPATCH_BATCH_SIZE="2.5": must be a whole number from 1 to 10000',
    ],
    ['SEND_CONCURRENCY', { SEND_CONCURRENCY: 'lots' }, 'SEND_CONCURRENCY="lots" is not a number'],
    [
      'DISPATCH_POLL_MS',
      { DISPATCH_POLL_MS: '5' },
      'DISPATCH_POLL_MS="5": must be a whole number from 10 to 60000',
    ],
    [
      'UNSUBSCRIBE_BASE_URL over http',
      { UNSUBSCRIBE_BASE_URL: 'http://sync.example.com/u/', UNSUBSCRIBE_SECRET: SECRET },
      'UNSUBSCRIBE_BASE_URL="http://sync.example.com/u/": must be the https:// URL people reach the service’s unsubscribe route at, e.g. https://sync.example.com/u/ (mail providers ignore one-click links that are not https; http is accepted for 127.0.0.1 and localhost only)',
    ],
    [
      'UNSUBSCRIBE_SECRET too short',
      { UNSUBSCRIBE_BASE_URL: 'https://sync.example.com/u/', UNSUBSCRIBE_SECRET: 'letmein' },
      'UNSUBSCRIBE_SECRET (7 characters): must be at least 32 characters: generate one with `openssl rand -hex 32`',
    ],
    [
      'DKIM key file missing',
      { DKIM_SELECTOR: 's1', DKIM_DOMAIN: 'example.com', DKIM_PRIVATE_KEY_FILE: '/nowhere/dkim.pem' },
      'DKIM_PRIVATE_KEY_FILE="/nowhere/dkim.pem" cannot be read (ENOENT)',
    ],
    [
      'DKIM key not a key',
      { DKIM_SELECTOR: 's1', DKIM_DOMAIN: 'example.com', DKIM_PRIVATE_KEY: 'sk-not-a-pem' },
      'DKIM_PRIVATE_KEY does not hold a PEM private key (-----BEGIN PRIVATE KEY----- …)',
    ],
    [
      'DKIM key of the wrong kind',
      { DKIM_SELECTOR: 's1', DKIM_DOMAIN: 'example.com', DKIM_PRIVATE_KEY_FILE: ecFile },
      `DKIM_PRIVATE_KEY_FILE=${JSON.stringify(ecFile)} is an ec key: DKIM signs with an RSA or Ed25519 key`,
    ],
    [
      'DKIM selector without key',
      { DKIM_SELECTOR: 's1', DKIM_DOMAIN: 'example.com' },
      'DKIM_SELECTOR or DKIM_DOMAIN is set but no key: set DKIM_PRIVATE_KEY_FILE to the PEM file of the private key (or DKIM_PRIVATE_KEY to the PEM itself)',
    ],
    [
      'DKIM key without selector',
      { DKIM_DOMAIN: 'example.com', DKIM_PRIVATE_KEY_FILE: rsaFile },
      'DKIM_SELECTOR is not set: the selector the public key is published under (<selector>._domainkey.<domain> in DNS)',
    ],
    [
      'DKIM without a domain',
      { DKIM_SELECTOR: 's1', DKIM_PRIVATE_KEY_FILE: rsaFile },
      'DKIM_DOMAIN is not set (nor SENDING_DOMAIN): the domain that signs (d=), normally your From domain',
    ],
    [
      'DKIM selector',
      { DKIM_SELECTOR: 's 1', DKIM_DOMAIN: 'example.com', DKIM_PRIVATE_KEY_FILE: rsaFile },
      'DKIM_SELECTOR="s 1": may hold letters, digits, ".", "-" and "_"',
    ],
  ];

  it.each(BAD)('refuses a bad %s, naming the variable and the value', (_what, env, message) => {
    const problems = problemsOf({ SMTP_URL: RELAY, ...env });
    expect(problems).toEqual([message]);
  });

  it('wants both UNSUBSCRIBE_BASE_URL and UNSUBSCRIBE_SECRET, or neither', () => {
    expect(problemsOf({ SMTP_URL: RELAY, UNSUBSCRIBE_BASE_URL: 'https://sync.example.com/u/' })).toEqual([
      'UNSUBSCRIBE_SECRET is not set while UNSUBSCRIBE_BASE_URL is: one-click unsubscribe needs both (a random secret of 32+ characters: `openssl rand -hex 32`)',
    ]);
    const onlySecret = problemsOf({ SMTP_URL: RELAY, UNSUBSCRIBE_SECRET: SECRET });
    expect(onlySecret).toEqual([
      'UNSUBSCRIBE_BASE_URL is not set while UNSUBSCRIBE_SECRET is: one-click unsubscribe needs both (the public URL of the service’s unsubscribe route, e.g. https://sync.example.com/u/)',
    ]);
    expect(dispatchOf({ SMTP_URL: RELAY })).not.toHaveProperty('unsubscribe');
    // http is fine on this machine (the demo, tests).
    expect(
      dispatchOf({
        SMTP_URL: RELAY,
        UNSUBSCRIBE_BASE_URL: 'http://127.0.0.1:8787/u/',
        UNSUBSCRIBE_SECRET: SECRET,
      }),
    ).toMatchObject({ unsubscribe: { baseUrl: 'http://127.0.0.1:8787/u/' } });
  });

  it('never repeats a password, key or secret, in an error or in the logged configuration', () => {
    const bad = problemsOf({
      SMTP_URL: 'smtp://user:hunter2@relay.example.com:0x',
      UNSUBSCRIBE_BASE_URL: 'https://sync.example.com/u/',
      UNSUBSCRIBE_SECRET: 'letmein',
      DKIM_SELECTOR: 's1',
      DKIM_DOMAIN: 'example.com',
      DKIM_PRIVATE_KEY: 'sk-not-a-pem',
    }).join('\n');
    for (const secret of ['hunter2', 'letmein', 'sk-not-a-pem']) expect(bad).not.toContain(secret);

    const config = loadConfig({
      ...orgEnv,
      SMTP_URL: 'smtp://user:hunter2@relay.example.com',
      DKIM_SELECTOR: 's1',
      DKIM_DOMAIN: 'example.com',
      DKIM_PRIVATE_KEY_FILE: rsaFile,
      UNSUBSCRIBE_BASE_URL: 'https://sync.example.com/u/',
      UNSUBSCRIBE_SECRET: SECRET,
    });
    const logged = JSON.stringify(redactConfig(config));
    expect(logged).not.toContain('hunter2');
    expect(logged).not.toContain(SECRET);
    expect(logged).not.toContain('PRIVATE KEY');
    expect(logged).toContain('relay.example.com');
    expect(logged).toContain('"user":"user"');
    const off = JSON.stringify(
      redactConfig(
        loadConfig({
          ...orgEnv,
          DISPATCH: 'off',
          UNSUBSCRIBE_BASE_URL: 'https://sync.example.com/u/',
          UNSUBSCRIBE_SECRET: SECRET,
        }),
      ),
    );
    expect(off).not.toContain(SECRET);
  });
});
