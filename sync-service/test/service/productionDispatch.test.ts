// The production path of issue 8: the service started the way `sync-service run` starts it —
// configuration from the environment (loadConfig), extensions from defaultExtensions — against
// the org emulator and a real SMTP server. With SMTP_URL the email a rep's campaign plans goes
// out through the relay, DKIM-signed, and the org records it Sent; with DISPATCH=off nothing is
// sent, the operator is told (log, /metrics, the heartbeat's Last_Error__c), and unsubscribe
// links in emails already sent still work.
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Env } from '../../src/config/index.ts';
import { signUnsubscribeToken } from '../../src/domain/compose/unsubscribeToken.ts';
import { defaultExtensions, DISPATCH_OFF_NOTICE } from '../../src/service/defaultExtensions.ts';
import { startSyncService, type RunningSyncService } from '../../src/service/syncService.ts';
import { startMailbox } from '../dispatch/harness.ts';
import {
  createCampaign,
  createContact,
  enroll,
  enrollmentRecord,
  enrollmentSteps,
  stepOf,
  update,
} from '../support/scenario.ts';
import { startTestOrg, type TestOrg } from '../support/testOrg.ts';
import { waitFor } from '../support/testService.ts';

const START = '2026-05-04T05:00:00Z'; // Monday, 07:00 in Paris (the rep's zone)
const SECRET = 'production-path-unsubscribe-secret-0123456789';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** What `run` would read from the environment, pointed at the emulator. */
function serviceEnv(org: TestOrg, port: number, sending: Env): Env {
  return {
    SF_LOGIN_URL: org.emulator.url,
    SF_CLIENT_ID: org.emulator.clientId,
    SF_CLIENT_SECRET: org.emulator.clientSecret,
    DATABASE_URL: ':memory:',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'info',
    SYNC_INSTANCE_ID: 'production-path',
    SYNC_TICK_MS: '200',
    ...sending,
  };
}

/** The service's log lines, kept to assert what the operator is told. */
function capturedLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), lines };
}

/** The emulator's clock, and real sleeps: the loop runs as in production, time moves when the test says. */
function clockOf(org: TestOrg) {
  return {
    now: () => org.emulator.clock.now(),
    sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  };
}

async function oneEmailCampaign(org: TestOrg) {
  const campaign = await createCampaign(org.screen, {
    name: 'Production path',
    steps: [
      {
        key: 'hello',
        day: 1,
        order: 1,
        type: 'Email',
        sendOption: 'At_Time',
        sendTime: '09:00',
        subject: 'Hello {{{Recipient.FirstName}}}',
      },
    ],
  });
  await update(org.screen, 'Campaign_Step__c', {
    Id: campaign.stepIds.hello!,
    Body__c: '<p>Hi {{{Recipient.FirstName}}}, a short note from {{{Sender.Name}}}.</p>',
  });
  const contact = await createContact(org.screen, 'Doe');
  const enrollmentId = await enroll(org.screen, {
    campaignId: campaign.id,
    personId: contact,
    ownerId: org.emulator.repUserId,
    launchedAt: org.clock.now(),
  });
  const step = await waitFor(async () => {
    const steps = await enrollmentSteps(org.screen, enrollmentId);
    return steps.length === 1 && steps[0]!.Status__c === 'Scheduled' ? steps[0] : undefined;
  }, 'the planned email');
  return { campaign, contact, enrollmentId, step };
}

describe('sync-service run with SMTP_URL: emails go out', () => {
  let org: TestOrg;
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let service: RunningSyncService;
  let port: number;

  beforeAll(async () => {
    org = await startTestOrg({ start: START });
    mailbox = await startMailbox();
    port = await freePort();
    const config = loadConfig(
      serviceEnv(org, port, {
        SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`,
        SENDING_DOMAIN: 'mail.sales-campaigns.test',
        DKIM_SELECTOR: 'sc2026',
        DKIM_PRIVATE_KEY: generateKeyPairSync('rsa', { modulusLength: 2048 })
          .privateKey.export({ type: 'pkcs8', format: 'pem' })
          .toString()
          .replace(/\n/g, '\\n'),
        UNSUBSCRIBE_BASE_URL: `http://127.0.0.1:${port}/u/`,
        UNSUBSCRIBE_SECRET: SECRET,
        DISPATCH_POLL_MS: '50',
      }),
      {},
      process.cwd(),
      { dispatchRequired: true },
    );
    service = await startSyncService({
      config,
      logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
      clock: clockOf(org),
      ...(await defaultExtensions(config)),
    });
  });

  afterAll(async () => {
    await service?.stop();
    await mailbox?.close();
    await org?.stop();
  });

  it('sends a launched person’s email through the relay when its moment comes, and the org says Sent', async () => {
    const { step } = await oneEmailCampaign(org);
    expect(step.Scheduled_At__c).toMatch(/^2026-05-04T07:00:00/); // 09:00 in Paris
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailbox.received).toHaveLength(0); // not before its moment

    org.emulator.clock.set(Date.parse('2026-05-04T07:00:01Z'));
    const mail = await waitFor(async () => mailbox.received[0], 'the email at the SMTP server');
    expect(mail.envelopeTo).toEqual(['doe@example.com']);
    expect(mail.parsed.subject).toBe('Hello Jane');
    expect(mail.parsed.messageId).toMatch(/@mail\.sales-campaigns\.test>?$/);
    // Signed with the configured key (DKIM_DOMAIN defaults to SENDING_DOMAIN).
    const signature = mail.parsed.headerLines.find((h) => h.key === 'dkim-signature')!.line;
    expect(signature.replace(/\s+/g, '')).toMatch(/d=mail\.sales-campaigns\.test;.*s=sc2026;/);
    const unsubscribe = mail.parsed.headerLines.find((h) => h.key === 'list-unsubscribe')!.line;
    expect(unsubscribe).toContain(`http://127.0.0.1:${port}/u/`);

    const recorded = await waitFor(async () => {
      const found = org.emulator.inspect.record(String(step.Id));
      return found?.Status__c === 'Sent' ? found : undefined;
    }, 'Enrollment_Step__c Sent');
    expect(recorded.Sent_At__c).toBeTruthy();
    expect(recorded.Message_Id__c).toMatch(/@mail\.sales-campaigns\.test>?$/);

    const metrics = await (await fetch(`${service.http!.url}/metrics`)).text();
    expect(metrics).toContain('sync_dispatch_enabled 1');
    expect(metrics).toMatch(/sync_emails_total\{status="Sent"\} 1/);
  });
});

describe('sync-service run with DISPATCH=off: nothing is sent, and the operator is told', () => {
  let org: TestOrg;
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let service: RunningSyncService;
  let port: number;
  const log = capturedLogger();

  beforeAll(async () => {
    org = await startTestOrg({ start: START });
    mailbox = await startMailbox();
    port = await freePort();
    const config = loadConfig(
      serviceEnv(org, port, {
        DISPATCH: 'off',
        UNSUBSCRIBE_BASE_URL: `http://127.0.0.1:${port}/u/`,
        UNSUBSCRIBE_SECRET: SECRET,
      }),
      {},
      process.cwd(),
      { dispatchRequired: true },
    );
    service = await startSyncService({
      config,
      logger: log.logger,
      clock: clockOf(org),
      ...(await defaultExtensions(config)),
    });
  });

  afterAll(async () => {
    await service?.stop();
    await mailbox?.close();
    await org?.stop();
  });

  it('plans but sends nothing, says so in the log, on /metrics and on the heartbeat, and still honours unsubscribe links', async () => {
    const warning = log.lines.find((l) => l.level === 40 && String(l.msg).includes('Dispatch is off'));
    expect(warning).toBeTruthy();
    const status = await waitFor(async () => {
      const found = org.emulator.inspect
        .records('Sync_Service_Status__c')
        .find((r) => r.Instance__c === 'production-path');
      return found?.Last_Error__c ? found : undefined;
    }, 'the heartbeat notice');
    expect(status.Last_Error__c).toBe(DISPATCH_OFF_NOTICE);
    const metrics = await (await fetch(`${service.http!.url}/metrics`)).text();
    expect(metrics).toContain('sync_dispatch_enabled 0');

    const { campaign, contact, enrollmentId, step } = await oneEmailCampaign(org);
    org.emulator.clock.set(Date.parse('2026-05-04T07:05:00Z'));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(mailbox.received).toHaveLength(0);
    expect(org.emulator.inspect.record(String(step.Id))!.Status__c).toBe('Scheduled');

    // A link from an email sent before dispatch was turned off.
    const token = signUnsubscribeToken({ personId: contact, campaignId: campaign.id, enrollmentId }, SECRET);
    const click = await fetch(`http://127.0.0.1:${port}/u/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(click.status).toBe(200);
    expect((await enrollmentRecord(org.screen, enrollmentId)).Status__c).toBe('Unsubscribed');
    expect(org.emulator.inspect.record(contact)!.HasOptedOutOfEmail).toBe(true);
    expect(stepOf(await enrollmentSteps(org.screen, enrollmentId), campaign.stepIds.hello)).toMatchObject({
      Status__c: 'Cancelled',
    });
  });
});
