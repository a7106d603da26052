// Delivery against a real SMTP server: what arrives, with which headers, signed how, and what
// the ledger says afterwards for every kind of server answer.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { dkimVerify } from 'mailauth/lib/dkim/verify.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  composeEmail,
  signUnsubscribeToken,
  type ComposedEmail,
  type ComposeInput,
} from '../../src/domain/compose/index.ts';
import { deliverEmail, type DeliveryDeps } from '../../src/mail/deliverEmail.ts';
import { recoverInDoubt } from '../../src/mail/recoverInDoubt.ts';
import { SmtpTransport, type SmtpTransportOptions } from '../../src/mail/smtpTransport.ts';
import { SqliteSendLedger } from '../../src/mail/sqliteSendLedger.ts';
import { startSmtpServer, type Behaviour, type TestServer } from './smtpTestServer.ts';

const secret = 'test-unsubscribe-secret-123';
const claims = {
  personId: '003000000000001',
  campaignId: 'a01000000000001',
  enrollmentId: 'a02000000000001',
};
const sender = { Name: 'Bob Rep', Email: 'bob@seller.example' };
const recipient = { Name: 'Ada Lovelace', FirstName: 'Ada', Email: 'ada@analytical.example' };

function compose(overrides: Partial<ComposeInput> = {}): ComposedEmail {
  return composeEmail({
    stepKey: 'a02000000000001:a03000000000001',
    subject:
      'Réunion 🚀 {{{Recipient.FirstName}}} — a rather long subject line that will need folding when encoded',
    body: '<p>Hi {{{Recipient.FirstName}}}, <b>quick</b> one.</p>',
    recipientObject: 'Contact',
    recipient,
    sender,
    senderTimeZone: 'Europe/Paris',
    unsubscribe: {
      baseUrl: 'https://sync.seller.example/u/',
      secret,
      mailto: 'unsubscribe@seller.example',
      claims,
    },
    ...overrides,
  });
}

let dir: string;
let ledger: SqliteSendLedger;
let server: TestServer | null;
let transport: SmtpTransport | null;
const clock = { now: new Date('2026-05-04T06:30:00Z') };

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'mail-ledger-'));
  ledger = new SqliteSendLedger(path.join(dir, 'ledger.sqlite'));
  server = null;
  transport = null;
});

afterEach(async () => {
  await transport?.close();
  await server?.close();
  ledger.close();
  rmSync(dir, { recursive: true, force: true });
});

async function setUp(
  behaviour: Behaviour = {},
  options: Partial<SmtpTransportOptions> = {},
): Promise<DeliveryDeps> {
  server = await startSmtpServer(behaviour);
  transport = new SmtpTransport({ relay: { host: '127.0.0.1', port: server.port }, ...options });
  return deps(transport);
}

function deps(mailTransport: SmtpTransport): DeliveryDeps {
  return {
    transport: mailTransport,
    ledger,
    now: () => clock.now,
    sleep: async () => {},
    retry: { attempts: 3, baseDelayMs: 1_000, maxDelayMs: 60_000 },
  };
}

describe('what lands in the inbox', () => {
  it('carries Message-ID, thread headers, one-click unsubscribe and an encoded subject, DKIM-signed', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const dkim = {
      domainName: 'seller.example',
      keySelector: 'sc2026',
      privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    };
    const delivery = await setUp({}, { dkim });

    const first = compose();
    const followUp = compose({
      stepKey: 'a02000000000001:a03000000000002',
      body: '<p>Bumping this, {{{Recipient.FirstName}}}.</p>',
      previous: {
        subject: first.subject,
        html: first.html,
        sentAt: clock.now,
        from: first.from,
        messageId: first.messageId,
        references: [],
      },
    });
    expect((await deliverEmail(followUp, delivery)).status).toBe('Sent');

    const raw = server!.messages[0] as Buffer;
    const parsed = await simpleParser(raw);
    const token = signUnsubscribeToken(claims, secret);
    expect(parsed.messageId).toBe(followUp.messageId);
    expect(parsed.inReplyTo).toBe(first.messageId);
    expect(parsed.references).toBe(first.messageId);
    expect(parsed.headers.get('list')).toEqual({
      unsubscribe: {
        url: `https://sync.seller.example/u/${token}`,
        mail: `unsubscribe@seller.example?subject=unsubscribe%20${token}`,
      },
      'unsubscribe-post': { name: 'List-Unsubscribe=One-Click' },
    });
    expect(raw.toString('latin1')).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
    expect(parsed.subject).toBe(
      'Re: Réunion 🚀 Ada — a rather long subject line that will need folding when encoded',
    );
    expect(raw.toString('latin1')).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(parsed.from?.value).toEqual([{ address: 'bob@seller.example', name: 'Bob Rep' }]);
    expect(parsed.to).toMatchObject({ value: [{ address: 'ada@analytical.example', name: 'Ada Lovelace' }] });
    expect(parsed.text).toContain('Bumping this, Ada.');
    expect(parsed.text).toContain('> Hi Ada, quick one.');
    expect(parsed.html).toContain('<blockquote class="gmail_quote"');
    expect(parsed.date?.toISOString()).toBe(clock.now.toISOString());

    const txt = `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;
    const verified = await dkimVerify(raw, {
      resolver: async (name: string, type: string) => {
        if (name === 'sc2026._domainkey.seller.example' && type === 'TXT') return [[txt]];
        throw Object.assign(new Error(`no ${type} for ${name}`), { code: 'ENOTFOUND' });
      },
    });
    const result = verified.results[0];
    expect(result?.status.result).toBe('pass');
    expect(result?.signingDomain).toBe('seller.example');
    const signature =
      /^DKIM-Signature:([\s\S]*?)\r\n(?=\S)/m.exec(raw.toString('latin1'))?.[1]?.replace(/\s+/g, '') ?? '';
    const signed = (/(?:^|;)h=([^;]*)/.exec(signature)?.[1] ?? '').toLowerCase().split(':');
    expect(signed).toEqual(
      expect.arrayContaining([
        'list-unsubscribe',
        'list-unsubscribe-post',
        'message-id',
        'in-reply-to',
        'references',
        'subject',
        'from',
      ]),
    );
    expect(await ledger.get(followUp.stepKey)).toMatchObject({ state: 'Sent', attempts: 1 });
  });

  it('keeps non-ASCII display names and strips line breaks from them', async () => {
    const delivery = await setUp();
    const email = compose({
      sender: { Name: 'Zoë Rep 😀', Email: 'zoe@seller.example' },
      recipient: { ...recipient, Name: 'Åsa\r\nBcc: x@evil.example Öberg' },
    });
    expect((await deliverEmail(email, delivery)).status).toBe('Sent');
    const raw = server!.messages[0] as Buffer;
    const parsed = await simpleParser(raw);
    expect(parsed.from?.value).toEqual([{ address: 'zoe@seller.example', name: 'Zoë Rep 😀' }]);
    expect(parsed.to).toMatchObject({
      value: [{ address: 'ada@analytical.example', name: 'Åsa Bcc: x@evil.example Öberg' }],
    });
    expect(parsed.headers.has('bcc')).toBe(false);
    expect(raw.toString('latin1')).toMatch(/^From: =\?UTF-8\?/m);
  });

  it('sends a prepared email as built for its moment, signature and Date included', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await setUp(
      {},
      {
        dkim: {
          domainName: 'seller.example',
          keySelector: 's1',
          privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        },
      },
    );
    const email = compose();
    const moment = new Date('2026-05-04T09:00:00Z');
    transport!.prepare(email, moment);
    const outcome = await transport!.send(email, new Date('2026-05-04T09:00:01.250Z'));
    expect(outcome.kind).toBe('accepted');
    const raw = server!.messages[0]!;
    const parsed = await simpleParser(raw);
    expect(parsed.date?.toISOString()).toBe(moment.toISOString());
    expect(parsed.subject).toContain('Ada');
    const txt = `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;
    const verified = await dkimVerify(raw, {
      resolver: async (name: string, type: string) => {
        if (name === 's1._domainkey.seller.example' && type === 'TXT') return [[txt]];
        throw Object.assign(new Error(`no ${type} for ${name}`), { code: 'ENOTFOUND' });
      },
    });
    expect(verified.results[0]?.status.result).toBe('pass');
  });

  it('reuses pooled connections for many emails', async () => {
    const delivery = await setUp({}, { maxConnections: 3 });
    const emails = Array.from({ length: 30 }, (_, i) => compose({ stepKey: `a02000000000001:s${i}` }));
    const reports = await Promise.all(emails.map((email) => deliverEmail(email, delivery)));
    expect(reports.every((r) => r.status === 'Sent')).toBe(true);
    expect(server!.messages).toHaveLength(30);
    expect(server!.connections).toBeLessThanOrEqual(3);
  });
});

describe('server answers, and what the ledger keeps', () => {
  it('retries a 4xx with backoff, then sends', async () => {
    const delays: number[] = [];
    const delivery = await setUp({
      data: (_raw, n) => (n === 1 ? { code: 451, message: '4.7.1 Greylisted, try again later' } : 'accept'),
    });
    const report = await deliverEmail(compose(), { ...delivery, sleep: async (ms) => void delays.push(ms) });
    expect(report).toMatchObject({ status: 'Sent', attempts: 2 });
    expect(delays).toEqual([1_000]);
    expect(server!.messages).toHaveLength(1);
    expect(await ledger.get(compose().stepKey)).toMatchObject({ state: 'Sent', attempts: 2 });
  });

  it('defers after repeated 4xx, for the dispatcher to plan again', async () => {
    const delivery = await setUp({ rcpt: () => ({ code: 450, message: '4.2.0 Mailbox busy' }) });
    const report = await deliverEmail(compose(), delivery);
    expect(report).toMatchObject({
      status: 'Deferred',
      attempts: 3,
      retryAt: new Date(clock.now.getTime() + 4_000),
    });
    expect(report.status === 'Deferred' && report.reason).toContain('450 4.2.0 Mailbox busy');
    expect(await ledger.get(compose().stepKey)).toMatchObject({ state: 'Deferred' });
  });

  it('bounces on 550 5.1.1 for the recipient', async () => {
    const delivery = await setUp({
      rcpt: () => ({
        code: 550,
        message: '5.1.1 <ada@analytical.example>: Recipient address rejected: User unknown',
      }),
    });
    const report = await deliverEmail(compose(), delivery);
    expect(report).toMatchObject({ status: 'Bounced', attempts: 1 });
    expect(report.status === 'Bounced' && report.response).toContain('550 5.1.1');
    expect(server!.messages).toHaveLength(0);
    expect(await ledger.get(compose().stepKey)).toMatchObject({ state: 'Bounced' });
  });

  it('fails with the server’s reply on a sender-side 535, alerting the admin', async () => {
    const delivery = await setUp({ credentials: { user: 'bob', pass: 'right' } }, {});
    await transport!.close();
    transport = new SmtpTransport({
      relay: { host: '127.0.0.1', port: server!.port, auth: { user: 'bob', pass: 'wrong' } },
    });
    const report = await deliverEmail(compose(), { ...delivery, transport });
    expect(report).toMatchObject({ status: 'Failed', alertAdmin: true, attempts: 1 });
    expect(report.status === 'Failed' && report.reason).toContain(
      '535 5.7.8 Authentication credentials invalid',
    );
    expect(await ledger.get(compose().stepKey)).toMatchObject({ state: 'Failed' });
  });

  it('sends with the right per-sender credentials', async () => {
    const delivery = await setUp({ credentials: { user: 'bob', pass: 'right' } });
    await transport!.close();
    transport = new SmtpTransport({
      serverFor: (address) =>
        address === 'bob@seller.example'
          ? { host: '127.0.0.1', port: server!.port, auth: { user: 'bob', pass: 'right' } }
          : undefined,
    });
    expect((await deliverEmail(compose(), { ...delivery, transport })).status).toBe('Sent');
    const stranger = compose({ stepKey: 'x:y', sender: { Name: 'Eve', Email: 'eve@seller.example' } });
    expect(await deliverEmail(stranger, { ...delivery, transport })).toMatchObject({ status: 'Failed' });
  });

  it('defers when the connection is refused (nothing was sent)', async () => {
    const delivery = await setUp();
    const port = server!.port;
    await server!.close();
    server = null;
    await transport!.close();
    transport = new SmtpTransport({ relay: { host: '127.0.0.1', port } });
    const report = await deliverEmail(compose(), { ...delivery, transport });
    expect(report).toMatchObject({ status: 'Deferred', attempts: 3 });
    expect(report.status === 'Deferred' && report.reason).toMatch(/ECONNREFUSED/);
    expect(await ledger.get(compose().stepKey)).toMatchObject({ state: 'Deferred' });
  });

  it('ends Uncertain, and is not resent, when the server takes the content and drops the connection', async () => {
    const delivery = await setUp({ data: () => 'drop' });
    const email = compose();
    const report = await deliverEmail(email, delivery);
    expect(report).toMatchObject({ status: 'Uncertain', attempts: 1 });
    expect(server!.messages).toHaveLength(1);
    expect(await ledger.get(email.stepKey)).toMatchObject({ state: 'Uncertain' });

    const again = await deliverEmail(email, delivery);
    expect(again).toEqual({ status: 'NotClaimed', ledgerState: 'Uncertain', attempts: 0 });
    expect(server!.messages).toHaveLength(1);
  });

  it('sends an Uncertain email again only after an admin reopens it', async () => {
    const delivery = await setUp({ data: (_raw, n) => (n === 1 ? 'drop' : 'accept') });
    const email = compose();
    expect((await deliverEmail(email, delivery)).status).toBe('Uncertain');
    await ledger.reopen(email.stepKey, clock.now);
    expect(await deliverEmail(email, delivery)).toMatchObject({ status: 'Sent' });
    expect(server!.messages).toHaveLength(2);
  });
});

describe('TLS', () => {
  it('upgrades with STARTTLS when required', async () => {
    const delivery = await setUp({ starttls: true });
    await transport!.close();
    transport = new SmtpTransport({
      relay: { host: '127.0.0.1', port: server!.port, requireTLS: true, tls: { rejectUnauthorized: false } },
    });
    expect(await deliverEmail(compose(), { ...delivery, transport })).toMatchObject({ status: 'Sent' });
  });

  it('fails, alerting the admin, on a certificate the TLS options refuse', async () => {
    const delivery = await setUp({ starttls: true });
    await transport!.close();
    transport = new SmtpTransport({ relay: { host: '127.0.0.1', port: server!.port, requireTLS: true } });
    const report = await deliverEmail(compose(), { ...delivery, transport });
    expect(report).toMatchObject({ status: 'Failed', alertAdmin: true });
    expect(report.status === 'Failed' && report.reason).toMatch(/certificate/i);
    expect(server!.messages).toHaveLength(0);
  });

  it('fails when TLS is required and the server does not offer it', async () => {
    const delivery = await setUp({ starttls: false });
    await transport!.close();
    transport = new SmtpTransport({ relay: { host: '127.0.0.1', port: server!.port, requireTLS: true } });
    expect(await deliverEmail(compose(), { ...delivery, transport })).toMatchObject({
      status: 'Failed',
      alertAdmin: true,
    });
    expect(server!.messages).toHaveLength(0);
  });
});

describe('a transport that throws', () => {
  it('leaves the email Uncertain rather than guessing', async () => {
    const broken = {
      send: async () => {
        throw new Error('bug');
      },
      close: async () => {},
    };
    const report = await deliverEmail(compose(), {
      transport: broken,
      ledger,
      now: () => clock.now,
      sleep: async () => {},
    });
    expect(report).toMatchObject({ status: 'Uncertain' });
    expect(await ledger.get(compose().stepKey)).toMatchObject({ state: 'Uncertain' });
  });
});

describe('after a crash', () => {
  it('turns emails left Sending into Uncertain, never resends them', async () => {
    const file = path.join(dir, 'crash.sqlite');
    const before = new SqliteSendLedger(file);
    await before.markSending({ stepKey: 'e1:s1', messageId: '<a@seller.example>', at: clock.now });
    await before.markSending({ stepKey: 'e1:s2', messageId: '<b@seller.example>', at: clock.now });
    await before.markSent('e1:s2', clock.now, '250 ok');
    before.close(); // the process dies here

    const after = new SqliteSendLedger(file);
    const recovered = await recoverInDoubt(after, clock.now);
    expect(recovered.map((entry) => entry.stepKey)).toEqual(['e1:s1']);
    expect(await after.get('e1:s1')).toMatchObject({ state: 'Uncertain' });
    expect(
      await after.markSending({ stepKey: 'e1:s1', messageId: '<a@seller.example>', at: clock.now }),
    ).toBe(false);
    expect(
      await after.markSending({ stepKey: 'e1:s2', messageId: '<b@seller.example>', at: clock.now }),
    ).toBe(false);
    after.close();
  });
});
