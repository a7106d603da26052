// The end-to-end path against a real scratch org and a real SMTP server, run by
// scripts/org-e2e.sh when credentials are given (skipped otherwise). Real time, so the scenario
// is short: a person launched with "start now" gets the first email, and the rep's edited
// follow-up from Command Center goes at once; the org holds every outcome.
import { Connection } from 'jsforce';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/app/ports/clock.ts';
import { loadConfig } from '../../src/config/index.ts';
import { SmtpTransport } from '../../src/mail/index.ts';
import { dispatchExtensions } from '../../src/service/dispatcherSlot.ts';
import { dispatchTransport } from '../../src/service/mailTransportAdapter.ts';
import { startSyncService, type RunningSyncService } from '../../src/service/syncService.ts';

const enabled = process.env.E2E_REAL_ORG === '1';
const MINUTE = 60_000;

async function until<T>(
  what: string,
  read: () => Promise<T | null | undefined>,
  timeoutMs = 5 * MINUTE,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`real org: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 3000));
  }
}

describe.skipIf(!enabled)('against a real org and SMTP server', () => {
  let service: RunningSyncService;
  let rep: Connection;
  const created: Array<[string, string]> = [];
  const env = process.env;

  beforeAll(async () => {
    const config = loadConfig({
      ...env,
      DATABASE_URL: ':memory:',
      PORT: '0',
      SYNC_INSTANCE_ID: `e2e-${Date.now()}`,
    });
    const transport = dispatchTransport(
      new SmtpTransport({
        relay: {
          host: env.SMTP_HOST!,
          port: Number(env.SMTP_PORT ?? 587),
          ...(env.SMTP_USER ? { auth: { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? '' } } : {}),
        },
      }),
      systemClock,
    );
    service = await startSyncService({
      config,
      logger: pino({ level: env.LOG_LEVEL ?? 'warn' }),
      ...dispatchExtensions({ transport, pollIntervalMs: 500, requestPollMs: 10_000 }),
    });
    rep = service.context.session.connection;
  }, 2 * MINUTE);

  afterAll(async () => {
    await service?.stop();
    for (const [sobject, id] of created.reverse())
      await rep
        ?.sobject(sobject)
        .destroy(id)
        .catch(() => undefined);
  });

  it(
    'sends the first email and the rep’s edited follow-up, and logs both in the org',
    async () => {
      const make = async (sobject: string, record: Record<string, unknown>) => {
        const result = (await rep.sobject(sobject).create(record)) as { id: string; success: boolean };
        created.push([sobject, result.id]);
        return result.id;
      };
      const stamp = Date.now();
      const contactId = await make('Contact', {
        FirstName: 'E2E',
        LastName: `Run ${stamp}`,
        Email: env.E2E_RECIPIENT,
      });
      const campaignId = await make('Sales_Campaign__c', {
        Name: `E2E ${stamp}`,
        Status__c: 'Active',
        Skip_Weekends__c: false,
        Time_Zone_Mode__c: 'Sender',
      });
      await make('Campaign_Step__c', {
        Campaign__c: campaignId,
        Day__c: 1,
        Order__c: 1,
        Type__c: 'Email',
        Send_Option__c: 'Choose_At_Launch',
        Subject__c: `E2E ${stamp}: hello {{{Recipient.FirstName}}}`,
        Body__c: '<p>Hi {{{Recipient.FirstName}}}</p>',
      });
      const secondStep = await make('Campaign_Step__c', {
        Campaign__c: campaignId,
        Day__c: 2,
        Order__c: 1,
        Type__c: 'Email',
        Send_Option__c: 'Thread_Previous',
        Body__c: '<p>Following up.</p>',
      });
      const enrollmentId = await make('Campaign_Enrollment__c', {
        Campaign__c: campaignId,
        Contact__c: contactId,
        Status__c: 'Scheduled',
        Launched_At__c: new Date().toISOString(),
        Send_At__c: new Date().toISOString(),
        Unique_Key__c: `${campaignId}:${contactId}`,
      });

      const first = await until('the first email', async () => {
        const rows = (
          await rep.query<Record<string, unknown>>(
            `SELECT Id, Status__c, Message_Id__c, Task_Id__c, Step__c FROM Enrollment_Step__c WHERE Enrollment__c = '${enrollmentId}'`,
          )
        ).records;
        return rows.find((r) => r.Status__c === 'Sent' && r.Step__c !== secondStep);
      });
      expect(first.Message_Id__c).toMatch(/^<.+@.+>$/);
      expect(first.Task_Id__c).toBeTruthy();

      const second = (
        await rep.query<{ Id: string }>(
          `SELECT Id FROM Enrollment_Step__c WHERE Enrollment__c = '${enrollmentId}' AND Step__c = '${secondStep}'`,
        )
      ).records[0]!;
      await rep
        .sobject('Enrollment_Step__c')
        .update({ Id: second.Id, Status__c: 'Send_Requested', Body__c: '<p>Edited by the rep.</p>' });
      const sent = await until('the follow-up', async () => {
        const row = (
          await rep.query<Record<string, unknown>>(
            `SELECT Status__c, In_Reply_To__c, Body__c FROM Enrollment_Step__c WHERE Id = '${second.Id}'`,
          )
        ).records[0];
        return row?.Status__c === 'Sent' ? row : null;
      });
      expect(sent.In_Reply_To__c).toBe(first.Message_Id__c);
      expect(String(sent.Body__c)).toContain('Edited by the rep.');
    },
    12 * MINUTE,
  );
});
