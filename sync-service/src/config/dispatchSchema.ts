// The sending half of the configuration (DESIGN §2.5): the SMTP relay the dispatcher sends
// through, DKIM, the Message-ID domain, one-click unsubscribe, and how the dispatcher paces
// itself — or "dispatch is off", said on purpose. Read from the environment by
// dispatchFromEnv.ts. Messages here are read after `VARIABLE="value": `.
import { z } from 'zod';
import { SECOND } from './units.ts';

export const DISPATCH_DEFAULTS = {
  /** smtp:// (STARTTLS) and smtps:// (TLS from the first byte), as the relays publish them. */
  smtpPort: 587,
  smtpsPort: 465,
  maxConnections: 5,
  maxMessagesPerConnection: 100,
  connectionTimeoutMs: 30 * SECOND,
  greetingTimeoutMs: 30 * SECOND,
  socketTimeoutMs: 60 * SECOND,
  /** 1,000 keeps a batch to one Composite call per kind of write. */
  batchSize: 1000,
  sendConcurrency: 5,
  /** Real time between looks at the store when nothing was due: bounds how late an email goes. */
  pollIntervalMs: 250,
  /** An HMAC key shorter than this is guessable; `openssl rand -hex 32` gives 64 characters. */
  unsubscribeSecretMinLength: 32,
} as const;

const wholeNumber = (min: number, max: number) => {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.number().int(message).min(min, message).max(max, message);
};

const HOST_NAME =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|::1)$/i;

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.test(host.replace(/^\[|\]$/g, ''));
}

export const smtpRelaySchema = z.object({
  host: z.string().min(1, 'names no host'),
  port: wholeNumber(1, 65535),
  /** TLS from the first byte (smtps://); otherwise STARTTLS when the server offers it. */
  secure: z.boolean(),
  /** Refuse to log in or send unless STARTTLS succeeds. */
  requireTLS: z.boolean(),
  auth: z.object({ user: z.string().min(1), pass: z.string().min(1) }).optional(),
  /** Host name announced in EHLO; the machine's name otherwise. */
  name: z.string().regex(HOST_NAME, 'must be a host name such as sync.example.com').optional(),
  maxConnections: wholeNumber(1, 100),
  maxMessagesPerConnection: wholeNumber(1, 100_000),
  connectionTimeoutMs: wholeNumber(1 * SECOND, 600 * SECOND),
  greetingTimeoutMs: wholeNumber(1 * SECOND, 600 * SECOND),
  socketTimeoutMs: wholeNumber(1 * SECOND, 3600 * SECOND),
});

export const dkimSchema = z.object({
  /** d=: the signing domain, normally the From domain. */
  domainName: z.string().regex(HOST_NAME, 'must be a domain such as example.com'),
  /** s=: the public key is published at <selector>._domainkey.<domain>. */
  keySelector: z
    .string()
    .regex(/^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$/i, 'may hold letters, digits, ".", "-" and "_"'),
  /** PEM, RSA or Ed25519; checked when read. */
  privateKey: z.string().min(1),
});

export const unsubscribeSchema = z.object({
  /** The public URL of the service's unsubscribe route, e.g. https://sync.example.com/u/. */
  baseUrl: z.string().refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
    } catch {
      return false;
    }
  }, 'must be the https:// URL people reach the service’s unsubscribe route at, e.g. https://sync.example.com/u/ (mail providers ignore one-click links that are not https; http is accepted for 127.0.0.1 and localhost only)'),
  secret: z
    .string()
    .min(
      DISPATCH_DEFAULTS.unsubscribeSecretMinLength,
      `must be at least ${DISPATCH_DEFAULTS.unsubscribeSecretMinLength} characters: generate one with \`openssl rand -hex 32\``,
    ),
});

export const sendingDispatchSchema = z.object({
  enabled: z.literal(true),
  smtp: smtpRelaySchema,
  dkim: dkimSchema.optional(),
  /** Message-ID domain; the sender's address domain otherwise. */
  sendingDomain: z.string().regex(HOST_NAME, 'must be a domain such as mail.example.com').optional(),
  unsubscribe: unsubscribeSchema.optional(),
  /** Emails claimed per batch. */
  batchSize: wholeNumber(1, 10_000),
  /** Emails handed to the relay at once. */
  sendConcurrency: wholeNumber(1, 100),
  pollIntervalMs: wholeNumber(10, 60 * SECOND),
});

export const dispatchOffSchema = z.object({
  enabled: z.literal(false),
  /** Links in emails already sent keep working while this instance sends nothing. */
  unsubscribe: unsubscribeSchema.optional(),
});

export const dispatchSchema = z.discriminatedUnion('enabled', [sendingDispatchSchema, dispatchOffSchema]);

export type DispatchConfig = z.infer<typeof dispatchSchema>;
export type SendingDispatchConfig = z.infer<typeof sendingDispatchSchema>;
export type SmtpRelayConfig = z.infer<typeof smtpRelaySchema>;
