// npm run bench:mail — composition and delivery throughput of the mail module.
//   composed emails/s: 4-step chains (a first email and three threaded follow-ups, each quoting
//     the one before) with merge fields, unsubscribe headers and a footer, one person per chain.
//   delivered emails/s: composed emails through SmtpTransport to a local smtp-server, beside a
//     bare nodemailer pooled loop sending the same messages to the same server (the ceiling),
//     with the same connection count and concurrency, alternating runs in one process.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { composeEmail, type ComposedEmail } from '../src/domain/compose/index.ts';
import { deliverEmail } from '../src/mail/deliverEmail.ts';
import { SmtpTransport } from '../src/mail/smtpTransport.ts';
import { SqliteSendLedger } from '../src/mail/sqliteSendLedger.ts';
import { recordBenchmark } from './recordBenchmark.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 1000);
const ROUNDS = 5;
const CONNECTIONS = 5;
const IN_FLIGHT = 25;

const bodies = [1, 2, 3, 4].map(
  (step) =>
    `<p>Hi {{{Recipient.FirstName}}},</p><p>Step ${step}: I noticed <b>{{{Recipient.Account.Name}}}</b> is hiring fast. ` +
    `Teams like yours use us to <a href="https://seller.example/demo">book more meetings</a> without adding headcount, ` +
    `and {!Contact.Title}s tell us it pays back within a quarter.</p><ul><li>Fewer manual steps</li><li>Replies in one thread</li></ul>` +
    `<p>Worth a quick chat next week?</p><p>Best,<br />{{{Sender.Name}}}<br />{{{Sender.Title}}}</p>`,
);
const sender = { Name: 'Bob Rep', Email: 'bob@seller.example', Title: 'Account Executive' };

function chain(n: number, keepText: boolean): ComposedEmail[] {
  const recipient = {
    Name: `Person ${n}`,
    FirstName: `Ada${n}`,
    Email: `p${n}@prospect.example`,
    Title: 'VP Sales',
    Account: { Name: `Acme ${n}` },
  };
  const emails: ComposedEmail[] = [];
  let previous: ComposedEmail | null = null;
  for (let step = 0; step < 4; step++) {
    const email: ComposedEmail = composeEmail({
      stepKey: `a02${n}:a03${step}`,
      subject: 'Quick question, {{{Recipient.FirstName}}}',
      body: bodies[step] as string,
      recipientObject: 'Contact',
      recipient,
      sender,
      senderTimeZone: 'Europe/Paris',
      unsubscribe: {
        baseUrl: 'https://sync.seller.example/u/',
        secret: 'bench-unsubscribe-secret',
        footer: true,
        claims: { personId: `003${n}`, campaignId: 'a01000000000001', enrollmentId: `a02${n}` },
      },
      previous: previous && {
        subject: previous.subject,
        html: previous.html,
        text: keepText ? previous.text : undefined,
        sentAt: new Date(Date.UTC(2026, 4, 4 + 2 * step, 6, 30)),
        from: previous.from,
        messageId: previous.messageId,
        references: previous.references,
      },
    });
    emails.push(email);
    previous = email;
  }
  return emails;
}

/** Emails per wall-clock second and per CPU second (the machine is shared; CPU time is not). */
function composeRate(keepText: boolean): { wall: number; cpu: number } {
  for (let n = 0; n < 500; n++) chain(n, keepText); // warm-up
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let chains = 0;
  while (performance.now() - start < SECONDS * 1000) chain(1000 + chains++, keepText);
  const cpu = process.cpuUsage(cpuStart);
  const emails = chains * 4;
  return {
    wall: emails / ((performance.now() - start) / 1000),
    cpu: emails / ((cpu.user + cpu.system) / 1e6),
  };
}

async function startServer(): Promise<{ port: number; received: () => number; close: () => Promise<void> }> {
  let received = 0;
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        received++;
        callback(null, 'Queued');
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    received: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function runConcurrently(count: number, send: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < count) await send(next++);
    }),
  );
  return count / ((performance.now() - start) / 1000);
}

async function main(): Promise<void> {
  console.log(`composing 4-step chains for ${SECONDS}s each …`);
  const composedKept = composeRate(true);
  const composedDerived = composeRate(false);
  console.log(
    `composed (previous text kept):    ${Math.round(composedKept.wall)} emails/s wall-clock, ${Math.round(composedKept.cpu)} per CPU second`,
  );
  console.log(
    `composed (previous text derived): ${Math.round(composedDerived.wall)} emails/s wall-clock, ${Math.round(composedDerived.cpu)} per CPU second`,
  );

  const emails: ComposedEmail[] = [];
  for (let n = 0; emails.length < DELIVERIES; n++) emails.push(...chain(50_000 + n, true));
  const server = await startServer();
  const relay = { host: '127.0.0.1', port: server.port };
  const sentAt = new Date('2026-05-04T06:30:00Z');

  const bare = nodemailer.createTransport({
    pool: true,
    ...relay,
    secure: false,
    ignoreTLS: true,
    maxConnections: CONNECTIONS,
    maxMessages: 100,
  });
  const ceilingRun = () =>
    runConcurrently(emails.length, async (i) => {
      const email = emails[i] as ComposedEmail;
      await bare.sendMail({
        from: email.from,
        to: email.to,
        subject: email.subject,
        html: email.html,
        text: email.text,
        messageId: email.messageId,
        date: sentAt,
        ...(email.inReplyTo ? { inReplyTo: email.inReplyTo, references: [...email.references] } : {}),
        headers: { ...email.headers },
      });
    });
  const transport = new SmtpTransport({
    relay: { ...relay },
    maxConnections: CONNECTIONS,
    maxMessagesPerConnection: 100,
  });
  const oursRun = () =>
    runConcurrently(emails.length, async (i) => {
      const outcome = await transport.send(emails[i] as ComposedEmail, sentAt);
      if (outcome.kind !== 'accepted') throw new Error(`not accepted: ${outcome.kind}`);
    });

  console.log(
    `delivering ${emails.length} emails per run, ${CONNECTIONS} connections, ${IN_FLIGHT} in flight …`,
  );
  const ceiling: number[] = [];
  const ours: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    ceiling.push(await ceilingRun());
    ours.push(await oursRun());
  }
  // Median of alternating rounds: on a shared machine single runs swing by ±50 %.
  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
  console.log(`ceiling (bare nodemailer pool): ${ceiling.map(Math.round).join(', ')} emails/s`);
  console.log(`SmtpTransport:                  ${ours.map(Math.round).join(', ')} emails/s`);

  // The whole delivery flow, with the at-most-once ledger on a SQLite file (two durable writes
  // per email), for information.
  const dir = mkdtempSync(path.join(tmpdir(), 'mail-bench-'));
  const ledger = new SqliteSendLedger(path.join(dir, 'ledger.sqlite'));
  const flowRate = await runConcurrently(emails.length, async (i) => {
    const report = await deliverEmail(emails[i] as ComposedEmail, {
      transport,
      ledger,
      now: () => sentAt,
      sleep: async () => {},
    });
    if (report.status !== 'Sent') throw new Error(`not sent: ${report.status}`);
  });
  ledger.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(`deliverEmail with the SQLite ledger: ${Math.round(flowRate)} emails/s`);

  bare.close();
  await transport.close();
  await server.close();

  const ratio = median(ours) / median(ceiling);
  const fmt = (n: number) => `${Math.round(n).toLocaleString('en-US')} emails/s`;
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
  recordBenchmark({
    id: 'mail',
    title: 'Mail: composition and delivery',
    figures: [
      ['composed, 4-step chains (previous text kept), wall-clock', fmt(composedKept.wall)],
      ['composed, 4-step chains (previous text kept), per CPU second', fmt(composedKept.cpu)],
      [
        'composed, 4-step chains (previous text derived from its HTML), wall-clock',
        fmt(composedDerived.wall),
      ],
      [
        'composed, 4-step chains (previous text derived from its HTML), per CPU second',
        fmt(composedDerived.cpu),
      ],
      [`delivered through SmtpTransport (median of ${ROUNDS})`, fmt(median(ours))],
      [`bare nodemailer pooled loop, same server (ceiling, median of ${ROUNDS})`, fmt(median(ceiling))],
      ['SmtpTransport / ceiling', `${(ratio * 100).toFixed(0)} %`],
      ['deliverEmail with the SQLite send ledger', fmt(flowRate)],
    ],
    notes: [
      `Goals: composition ≥ 20,000 emails/s — ${composedKept.wall >= 20_000 ? 'met' : 'NOT met'} in wall-clock time, ${composedKept.cpu >= 20_000 ? 'met' : 'NOT met'} per CPU second (previous text kept, as when the store has it); delivery ≥ 90 % of the ceiling — ${ratio >= 0.9 ? 'met' : 'NOT met'}.`,
      `${emails.length} emails per delivery run, ${CONNECTIONS} connections, ${IN_FLIGHT} in flight, smtp-server in the same process, runs alternating — ceiling ${ceiling.map(Math.round).join(', ')}; SmtpTransport ${ours.map(Math.round).join(', ')} emails/s.`,
      `Load average ${load} during the run (shared machine): wall-clock rates fall with the load, per-CPU-second rates much less.`,
    ],
  });
}

await main();
