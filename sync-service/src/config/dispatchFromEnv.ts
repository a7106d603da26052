// Reads the sending settings from the environment (DISPATCH, SMTP_*, DKIM_*, SENDING_DOMAIN,
// UNSUBSCRIBE_*, DISPATCH_BATCH_SIZE, SEND_CONCURRENCY, DISPATCH_POLL_MS) into the candidate
// `dispatch` section that dispatchSchema.ts validates, and turns the schema's complaints back
// into the variable and the value the operator wrote. Passwords, keys and secrets are never
// repeated in a message.
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DISPATCH_DEFAULTS, isLoopbackHost } from './dispatchSchema.ts';

type Env = Record<string, string | undefined>;

export const MISSING_SMTP_URL =
  'SMTP_URL is not set: set it to the relay that sends the campaign emails ' +
  '(smtp://user:password@host:587 for STARTTLS, smtps://user:password@host:465 for TLS), ' +
  'or set DISPATCH=off (or run --no-dispatch) to run without sending any email';

/** SMTP_URL with its password replaced, safe to print. Greedy up to the last `@`, so a password
 * holding an unencoded `@` is hidden whole. */
export function redactSmtpUrl(raw: string): string {
  return raw.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/]*:).*@/i, '$1***@');
}

const set = (value: string | undefined): value is string => value !== undefined && value !== '';

function wholeFrom(env: Env, name: string, problems: string[]): number | undefined {
  const raw = env[name];
  if (!set(raw)) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value)) {
    problems.push(`${name}=${JSON.stringify(raw)} is not a number`);
    return undefined;
  }
  return value;
}

function booleanFrom(env: Env, name: string, problems: string[]): boolean | undefined {
  const raw = env[name];
  if (!set(raw)) return undefined;
  const value = raw.trim().toLowerCase();
  if (value === 'true') return true;
  if (value === 'false') return false;
  problems.push(`${name}=${JSON.stringify(raw)} is not true or false`);
  return undefined;
}

interface SmtpUrlParts {
  host: string;
  port: number;
  secure: boolean;
  auth?: { user: string; pass: string };
}

const ESCAPES = '@ : / ? # in the user name or password percent-encoded (%40 %3A %2F %3F %23)';

function smtpUrlFrom(raw: string, problems: string[]): SmtpUrlParts | undefined {
  const shown = `SMTP_URL=${JSON.stringify(redactSmtpUrl(raw))}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problems.push(
      `${shown} is not a URL: use smtp://user:password@host:587 (STARTTLS) or smtps://user:password@host:465 (TLS), with ${ESCAPES}`,
    );
    return undefined;
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    problems.push(
      `${shown}: the scheme must be smtp:// (STARTTLS, port 587 by default) or smtps:// (TLS from the first byte, port 465 by default), not ${url.protocol}//`,
    );
    return undefined;
  }
  if ((url.pathname !== '' && url.pathname !== '/') || url.search !== '' || url.hash !== '') {
    problems.push(
      `${shown} has a path, query or fragment, which are not read: use the SMTP_* variables for options, and ${ESCAPES}`,
    );
    return undefined;
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!host) {
    problems.push(`${shown} names no host: smtp://user:password@host:587`);
    return undefined;
  }
  const secure = url.protocol === 'smtps:';
  const port = url.port
    ? Number(url.port)
    : secure
      ? DISPATCH_DEFAULTS.smtpsPort
      : DISPATCH_DEFAULTS.smtpPort;
  let user: string;
  let pass: string;
  try {
    user = decodeURIComponent(url.username);
    pass = decodeURIComponent(url.password);
  } catch {
    problems.push(`${shown}: the user name or password has a broken %-escape`);
    return undefined;
  }
  if (user === '' && pass === '') return { host, port, secure };
  if (user === '' || pass === '') {
    problems.push(
      `${shown}: give both a user name and a password (smtp://user:password@host), or neither for a relay that needs no login`,
    );
    return undefined;
  }
  return { host, port, secure, auth: { user, pass } };
}

function privateKeyFrom(env: Env, cwd: string, problems: string[]): string | undefined {
  const file = env.DKIM_PRIVATE_KEY_FILE;
  const inline = env.DKIM_PRIVATE_KEY;
  if (set(file) && set(inline)) {
    problems.push('DKIM_PRIVATE_KEY_FILE and DKIM_PRIVATE_KEY are both set: keep one');
    return undefined;
  }
  let pem: string;
  let source: string;
  if (set(file)) {
    source = `DKIM_PRIVATE_KEY_FILE=${JSON.stringify(file)}`;
    try {
      pem = readFileSync(path.resolve(cwd, file), 'utf8');
    } catch (error) {
      problems.push(`${source} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      return undefined;
    }
  } else if (set(inline)) {
    source = 'DKIM_PRIVATE_KEY';
    // One-line environments (systemd, .env files) carry the PEM's line breaks as `\n`.
    pem = inline.replace(/\\n/g, '\n');
  } else {
    problems.push(
      'DKIM_SELECTOR or DKIM_DOMAIN is set but no key: set DKIM_PRIVATE_KEY_FILE to the PEM file of the private key (or DKIM_PRIVATE_KEY to the PEM itself)',
    );
    return undefined;
  }
  try {
    const type = createPrivateKey(pem).asymmetricKeyType;
    if (type !== 'rsa' && type !== 'ed25519') {
      problems.push(`${source} is an ${String(type)} key: DKIM signs with an RSA or Ed25519 key`);
      return undefined;
    }
  } catch {
    problems.push(`${source} does not hold a PEM private key (-----BEGIN PRIVATE KEY----- …)`);
    return undefined;
  }
  return pem;
}

function dkimFrom(env: Env, sendingDomain: string | undefined, cwd: string, problems: string[]) {
  const wanted = [env.DKIM_SELECTOR, env.DKIM_DOMAIN, env.DKIM_PRIVATE_KEY_FILE, env.DKIM_PRIVATE_KEY].some(
    set,
  );
  if (!wanted) return undefined;
  const privateKey = privateKeyFrom(env, cwd, problems);
  const keySelector = env.DKIM_SELECTOR;
  const domainName = set(env.DKIM_DOMAIN) ? env.DKIM_DOMAIN : sendingDomain;
  if (!set(keySelector))
    problems.push(
      'DKIM_SELECTOR is not set: the selector the public key is published under (<selector>._domainkey.<domain> in DNS)',
    );
  if (!set(domainName))
    problems.push(
      'DKIM_DOMAIN is not set (nor SENDING_DOMAIN): the domain that signs (d=), normally your From domain',
    );
  if (!privateKey || !set(keySelector) || !set(domainName)) return undefined;
  return { domainName, keySelector, privateKey };
}

function unsubscribeFrom(env: Env, problems: string[]) {
  const baseUrl = env.UNSUBSCRIBE_BASE_URL;
  const secret = env.UNSUBSCRIBE_SECRET;
  if (!set(baseUrl) && !set(secret)) return undefined;
  if (!set(secret)) {
    problems.push(
      'UNSUBSCRIBE_SECRET is not set while UNSUBSCRIBE_BASE_URL is: one-click unsubscribe needs both (a random secret of 32+ characters: `openssl rand -hex 32`)',
    );
    return undefined;
  }
  if (!set(baseUrl)) {
    problems.push(
      'UNSUBSCRIBE_BASE_URL is not set while UNSUBSCRIBE_SECRET is: one-click unsubscribe needs both (the public URL of the service’s unsubscribe route, e.g. https://sync.example.com/u/)',
    );
    return undefined;
  }
  return { baseUrl, secret };
}

export interface DispatchEnvOptions {
  /** false: `--no-dispatch`, which wins over DISPATCH. */
  flag?: boolean | undefined;
  /** `run` needs either a relay or DISPATCH=off; other callers may bring their own dispatcher. */
  required: boolean;
  /** Relative key files are read from here. */
  cwd: string;
}

/**
 * The candidate `dispatch` section, or undefined when nothing about sending was configured and
 * nothing requires it. Problems found while reading (not a number, unreadable key …) are pushed.
 */
export function dispatchFromEnv(env: Env, options: DispatchEnvOptions, problems: string[]): unknown {
  let mode: 'on' | 'off' | undefined;
  if (options.flag === false) mode = 'off';
  else if (set(env.DISPATCH)) {
    const value = env.DISPATCH.trim().toLowerCase();
    if (value === 'on' || value === 'off') mode = value;
    else {
      problems.push(`DISPATCH=${JSON.stringify(env.DISPATCH)} is not one of on, off`);
      return undefined;
    }
  }
  const unsubscribe = unsubscribeFrom(env, problems);
  const withUnsubscribe = unsubscribe ? { unsubscribe } : {};
  if (mode === 'off') return { enabled: false, ...withUnsubscribe };
  if (!set(env.SMTP_URL)) {
    if (mode === 'on' || options.required) problems.push(MISSING_SMTP_URL);
    return undefined;
  }
  const relay = smtpUrlFrom(env.SMTP_URL, problems);
  if (!relay) return undefined;
  const sendingDomain = set(env.SENDING_DOMAIN) ? env.SENDING_DOMAIN : undefined;
  const dkim = dkimFrom(env, sendingDomain, options.cwd, problems);
  const number = (name: string, fallback: number) => wholeFrom(env, name, problems) ?? fallback;
  return {
    enabled: true,
    smtp: {
      ...relay,
      // Credentials never cross the internet in clear text unless the operator says so; a
      // relay on this machine (a local MTA, a test server) needs no TLS.
      requireTLS:
        booleanFrom(env, 'SMTP_REQUIRE_TLS', problems) ??
        (!relay.secure && relay.auth !== undefined && !isLoopbackHost(relay.host)),
      ...(set(env.SMTP_EHLO_NAME) ? { name: env.SMTP_EHLO_NAME } : {}),
      maxConnections: number('SMTP_MAX_CONNECTIONS', DISPATCH_DEFAULTS.maxConnections),
      maxMessagesPerConnection: number(
        'SMTP_MAX_MESSAGES_PER_CONNECTION',
        DISPATCH_DEFAULTS.maxMessagesPerConnection,
      ),
      connectionTimeoutMs: number('SMTP_CONNECTION_TIMEOUT_MS', DISPATCH_DEFAULTS.connectionTimeoutMs),
      greetingTimeoutMs: number('SMTP_GREETING_TIMEOUT_MS', DISPATCH_DEFAULTS.greetingTimeoutMs),
      socketTimeoutMs: number('SMTP_SOCKET_TIMEOUT_MS', DISPATCH_DEFAULTS.socketTimeoutMs),
    },
    ...(dkim ? { dkim } : {}),
    ...(sendingDomain ? { sendingDomain } : {}),
    ...withUnsubscribe,
    batchSize: number('DISPATCH_BATCH_SIZE', DISPATCH_DEFAULTS.batchSize),
    sendConcurrency: number('SEND_CONCURRENCY', DISPATCH_DEFAULTS.sendConcurrency),
    pollIntervalMs: number('DISPATCH_POLL_MS', DISPATCH_DEFAULTS.pollIntervalMs),
  };
}

/** Which variable each `dispatch` path comes from; `secret` values are never repeated. */
const VARIABLE_OF: Record<string, { name: string; secret?: true }> = {
  'smtp.host': { name: 'SMTP_URL' },
  'smtp.port': { name: 'SMTP_URL' },
  'smtp.auth.user': { name: 'SMTP_URL' },
  'smtp.auth.pass': { name: 'SMTP_URL' },
  'smtp.requireTLS': { name: 'SMTP_REQUIRE_TLS' },
  'smtp.name': { name: 'SMTP_EHLO_NAME' },
  'smtp.maxConnections': { name: 'SMTP_MAX_CONNECTIONS' },
  'smtp.maxMessagesPerConnection': { name: 'SMTP_MAX_MESSAGES_PER_CONNECTION' },
  'smtp.connectionTimeoutMs': { name: 'SMTP_CONNECTION_TIMEOUT_MS' },
  'smtp.greetingTimeoutMs': { name: 'SMTP_GREETING_TIMEOUT_MS' },
  'smtp.socketTimeoutMs': { name: 'SMTP_SOCKET_TIMEOUT_MS' },
  'dkim.domainName': { name: 'DKIM_DOMAIN' },
  'dkim.keySelector': { name: 'DKIM_SELECTOR' },
  'dkim.privateKey': { name: 'DKIM_PRIVATE_KEY', secret: true },
  sendingDomain: { name: 'SENDING_DOMAIN' },
  'unsubscribe.baseUrl': { name: 'UNSUBSCRIBE_BASE_URL' },
  'unsubscribe.secret': { name: 'UNSUBSCRIBE_SECRET', secret: true },
  batchSize: { name: 'DISPATCH_BATCH_SIZE' },
  sendConcurrency: { name: 'SEND_CONCURRENCY' },
  pollIntervalMs: { name: 'DISPATCH_POLL_MS' },
};

/** A schema complaint about `dispatch.<where>` as the operator should read it:
 * `SEND_CONCURRENCY="0": must be a whole number from 1 to 100`. */
export function describeDispatchIssue(where: string, message: string, env: Env): string {
  let variable = VARIABLE_OF[where];
  // DKIM's domain falls back to SENDING_DOMAIN: blame the one that was used.
  if (where === 'dkim.domainName' && !set(env.DKIM_DOMAIN)) variable = VARIABLE_OF.sendingDomain;
  if (!variable) return `dispatch.${where}: ${message}`;
  const raw = env[variable.name];
  if (!set(raw)) return `${variable.name}: ${message}`;
  if (variable.secret) return `${variable.name} (${raw.length} characters): ${message}`;
  const shown = variable.name === 'SMTP_URL' ? redactSmtpUrl(raw) : raw;
  return `${variable.name}=${JSON.stringify(shown)}: ${message}`;
}
