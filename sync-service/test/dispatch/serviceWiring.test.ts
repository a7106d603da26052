// The dispatcher in the running service: an email goes out through the service's own loop,
// /metrics shows it, and the List-Unsubscribe URL in it works over HTTP as RFC 8058 asks —
// a GET only shows a page, the POST opts the person out and ends the campaign.
import { createServer } from 'node:net';
import pino from 'pino';
import { startOrgEmulator, type OrgEmulator } from 'org-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { SmtpTransport } from '../../src/mail/index.ts';
import { dispatchExtensions } from '../../src/service/dispatcherSlot.ts';
import { dispatchTransport } from '../../src/service/mailTransportAdapter.ts';
import { startSyncService, type RunningSyncService } from '../../src/service/syncService.ts';
import { SAMPLE_PLAN, startMailbox } from './harness.ts';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function until<T>(read: () => T | null | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the dispatcher inside the running service', () => {
  let emulator: OrgEmulator;
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let service: RunningSyncService;
  let port: number;
  let closeTransport: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    emulator = await startOrgEmulator({ seed: SAMPLE_PLAN });
    mailbox = await startMailbox();
    port = await freePort();
    const config = loadConfig({
      SF_LOGIN_URL: emulator.url,
      SF_AUTH: 'password',
      SF_USERNAME: emulator.username,
      SF_PASSWORD: emulator.password,
      SF_CLIENT_ID: emulator.clientId,
      SF_CLIENT_SECRET: emulator.clientSecret,
      DATABASE_URL: ':memory:',
      PORT: String(port),
      SYNC_TICK_MS: '1000',
      SYNC_INSTANCE_ID: 'wiring-test',
    });
    const clock = {
      now: () => emulator.clock.now(),
      sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
    };
    const transport = dispatchTransport(
      new SmtpTransport({ relay: { host: '127.0.0.1', port: mailbox.port } }),
      clock,
    );
    closeTransport = () => transport.close();
    service = await startSyncService({
      config,
      clock,
      logger: pino({ level: process.env.LOG_LEVEL ?? 'silent' }),
      ...dispatchExtensions({
        transport,
        unsubscribe: { baseUrl: `http://127.0.0.1:${port}/u/`, secret: 'wiring-test-secret-0123456789' },
        pollIntervalMs: 50,
      }),
    });
  });

  afterAll(async () => {
    await service?.stop();
    // The pooled SMTP connection stays open until closed, and the server waits for it.
    await closeTransport();
    await mailbox?.close();
    await emulator?.stop();
  });

  it('sends, shows it in /metrics, and honours one-click unsubscribe', async () => {
    const campaign = emulator.inspect
      .records('Sales_Campaign__c')
      .find((c) => c.Name === 'Trade show follow-up')!;
    const ava = emulator.inspect.records('Contact').find((c) => c.FirstName === 'Ava')!;
    const conn = service.context.session.connection;
    const now = new Date(emulator.clock.now()).toISOString();
    const { id: enrollmentId } = (await conn.sobject('Campaign_Enrollment__c').create({
      Campaign__c: campaign.Id,
      Contact__c: ava.Id,
      Status__c: 'Scheduled',
      OwnerId: emulator.repUserId,
      Launched_At__c: now,
      Send_At__c: now,
      Unique_Key__c: `${String(campaign.Id)}:${String(ava.Id)}`,
    })) as { id: string };

    const mail = await until(
      () => mailbox.received.find((m) => m.envelopeTo.includes(String(ava.Email))),
      'the first email',
    );
    expect(mail.parsed.subject).toBe('Great meeting you at the show, Ava');

    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(text).toMatch(/sync_emails_total\{status="Sent"\} 1/);
    expect(text).toMatch(/sync_send_lateness_seconds_count 1/);
    expect(text).toContain('sync_dispatch_emails_per_second');

    const header = mail.parsed.headerLines
      .find((h) => h.key === 'list-unsubscribe')!
      .line.replace(/\r?\n\s+/g, ' ');
    const url = /<(http[^>]+)>/.exec(header)![1]!;
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post">');
    expect(emulator.inspect.record(enrollmentId)!.Status__c).not.toBe('Unsubscribed');

    const click = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(click.status).toBe(200);
    expect(emulator.inspect.record(enrollmentId)!.Status__c).toBe('Unsubscribed');
    expect(emulator.inspect.record(String(ava.Id))!.HasOptedOutOfEmail).toBe(true);

    const forged = await fetch(
      url.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
      { method: 'POST', body: 'List-Unsubscribe=One-Click' },
    );
    expect(forged.status).toBe(404);
  });
});
