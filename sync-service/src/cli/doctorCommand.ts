// `sync-service doctor`: one line per check, what is missing and how to fix it; exit 1 if any fails.
// The org-side checks are runDoctor's; the sending check (the SMTP relay answers and takes the
// configured login) is added here, with nodemailer's verify(): it connects, upgrades to TLS as
// `run` would, logs in, and sends nothing.
import { Command } from 'commander';
import nodemailer from 'nodemailer';
import pino from 'pino';
import { MISSING_SMTP_URL, type DispatchConfig, type SmtpRelayConfig } from '../config/index.ts';
import { runDoctor, type DoctorCheck } from '../service/doctor.ts';
import { loadConfigOrExit, withCommonFlags, type CommonFlags } from './runCommand.ts';

function tlsMode(smtp: SmtpRelayConfig): string {
  if (smtp.secure) return 'TLS';
  return smtp.requireTLS ? 'STARTTLS required' : 'STARTTLS if offered';
}

/** What to do about a verify() failure, by nodemailer's error code. */
function remedy(code: string | undefined, smtp: SmtpRelayConfig): string {
  switch (code) {
    case 'EAUTH':
      return 'the relay refused the login: check the user name and password in SMTP_URL (percent-encoded)';
    case 'ENOAUTH':
      return 'the relay asks for a login: put user:password in SMTP_URL';
    case 'ETLS':
      return smtp.requireTLS
        ? 'the relay offers no STARTTLS: use smtps:// if it listens for TLS, or SMTP_REQUIRE_TLS=false for a relay on a trusted network'
        : 'the TLS handshake failed: check smtp:// (STARTTLS) vs smtps:// (TLS) and the port';
    case 'EDNS':
      return 'the relay’s host name does not resolve: check the host in SMTP_URL';
    case 'ECONNECTION':
    case 'ETIMEDOUT':
    case 'ESOCKET':
      return `cannot talk to ${smtp.host}:${smtp.port}: check the host and port in SMTP_URL (smtp:// for STARTTLS on 587, smtps:// for TLS on 465) and the firewall`;
    default:
      return 'check SMTP_URL';
  }
}

/** The sending check: is the relay reachable, does it take our TLS mode and login? */
export async function checkSending(dispatch: DispatchConfig | undefined): Promise<DoctorCheck> {
  if (!dispatch) return { name: 'sending', ok: false, detail: MISSING_SMTP_URL };
  if (!dispatch.enabled)
    return { name: 'sending', ok: true, detail: 'off (DISPATCH=off): this instance will send no emails' };
  const smtp = dispatch.smtp;
  const name = `SMTP relay ${smtp.host}:${smtp.port}`;
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    requireTLS: smtp.requireTLS,
    ...(smtp.auth ? { auth: { user: smtp.auth.user, pass: smtp.auth.pass } } : {}),
    ...(smtp.name ? { name: smtp.name } : {}),
    connectionTimeout: smtp.connectionTimeoutMs,
    greetingTimeout: smtp.greetingTimeoutMs,
    socketTimeout: smtp.socketTimeoutMs,
  });
  try {
    await transport.verify();
    const login = smtp.auth ? `login accepted for ${smtp.auth.user}` : 'no login configured';
    const dkim = dispatch.dkim
      ? `, DKIM ${dispatch.dkim.keySelector}._domainkey.${dispatch.dkim.domainName}`
      : '';
    return { name, ok: true, detail: `answered (${tlsMode(smtp)}), ${login}${dkim}` };
  } catch (error) {
    const failure = error as Error & { code?: string };
    return { name, ok: false, detail: `${failure.message} — ${remedy(failure.code, smtp)}` };
  } finally {
    transport.close();
  }
}

export function registerDoctorCommand(program: Command): void {
  withCommonFlags(
    program
      .command('doctor')
      .description(
        'Check the configuration, the store, the org login, permissions, settings, the CDC channel and the SMTP relay.',
      ),
  ).action(async (options: CommonFlags) => {
    const config = loadConfigOrExit(options);
    const checks = await runDoctor(config, pino({ level: 'silent' }));
    checks.push(await checkSending(config.dispatch));
    for (const check of checks)
      process.stdout.write(`${check.ok ? 'ok  ' : 'FAIL'}  ${check.name}: ${check.detail}\n`);
    const failed = checks.filter((c) => !c.ok).length;
    process.stdout.write(failed ? `\n${failed} check(s) failed.\n` : '\nAll checks passed.\n');
    process.exit(failed ? 1 : 0);
  });
}
