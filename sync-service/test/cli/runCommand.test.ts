// `sync-service run` as an operator starts it: the real bin, a clean environment. Without a
// relay it refuses to start and says which variable to set; told --no-dispatch it runs, warns
// that no email will be sent, and stops cleanly on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startOrgEmulator, type OrgEmulator } from 'org-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const bin = path.resolve(here, '../../bin/sync-service.js');
// The bin compiles its TypeScript on start: seconds each, more on a busy machine.
const SPAWN_TIMEOUT_MS = 90_000;

/** Only what the service needs, so the test machine's own SMTP_URL or DISPATCH cannot leak in. */
const BASE_ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
const ORG_ENV = {
  SF_LOGIN_URL: 'http://127.0.0.1:9',
  SF_CLIENT_ID: 'client',
  SF_CLIENT_SECRET: 'secret',
  DATABASE_URL: ':memory:',
};

function start(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [bin, ...args], { cwd: repoRoot, env: { ...BASE_ENV, ...env } });
  const output = { stdout: '', stderr: '' };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output.stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output.stderr += chunk));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve(status));
  });
  return { child, output, exited };
}

async function run(args: string[], env: Record<string, string>) {
  const started = start(args, env);
  const status = await started.exited;
  return { status, ...started.output };
}

describe('sync-service run', { timeout: SPAWN_TIMEOUT_MS }, () => {
  it('refuses to start without SMTP_URL (and without DISPATCH=off), with status 2 naming SMTP_URL', async () => {
    const result = await run(['run'], ORG_ENV);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      'Invalid configuration:',
      '  - SMTP_URL is not set: set it to the relay that sends the campaign emails (smtp://user:password@host:587 for STARTTLS, smtps://user:password@host:465 for TLS), or set DISPATCH=off (or run --no-dispatch) to run without sending any email',
    ]);
  });

  it('refuses a bad sending value with status 2, naming the variable and the value but not the password', async () => {
    const result = await run(['run'], {
      ...ORG_ENV,
      SMTP_URL: 'smtp://campaigns:hunter2@relay.example.com',
      SEND_CONCURRENCY: '0',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('SEND_CONCURRENCY="0": must be a whole number from 1 to 100');
    expect(result.stderr).not.toContain('hunter2');
  });

  it('lists --no-dispatch and the sending variables in --help', async () => {
    const result = await run(['run', '--help'], {});
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/--no-dispatch\s+send no emails \(DISPATCH=off\)/);
    for (const variable of [
      'SMTP_URL',
      'DISPATCH',
      'SENDING_DOMAIN',
      'UNSUBSCRIBE_BASE_URL',
      'UNSUBSCRIBE_SECRET',
      'DKIM_SELECTOR',
      'DKIM_PRIVATE_KEY_FILE',
      'SMTP_MAX_CONNECTIONS',
      'SMTP_SOCKET_TIMEOUT_MS',
      'DISPATCH_BATCH_SIZE',
      'SEND_CONCURRENCY',
      'DISPATCH_POLL_MS',
    ])
      expect(result.stdout).toContain(variable);
  });

  describe('with --no-dispatch against the org emulator', () => {
    let emulator: OrgEmulator;
    let service: ChildProcess | undefined;
    beforeAll(async () => {
      emulator = await startOrgEmulator({});
    });
    afterAll(async () => {
      service?.kill('SIGKILL');
      await emulator?.stop();
    });

    it('starts, warns loudly that no email will be sent, and stops cleanly on SIGTERM', async () => {
      const started = start(['run', '--no-dispatch', '--port', '0'], {
        SF_LOGIN_URL: emulator.url,
        SF_CLIENT_ID: emulator.clientId,
        SF_CLIENT_SECRET: emulator.clientSecret,
        DATABASE_URL: ':memory:',
        SYNC_INSTANCE_ID: 'cli-no-dispatch',
        DISPATCH: 'on', // the flag wins
      });
      service = started.child;
      const deadline = Date.now() + 60_000;
      let warning: { level: number; msg: string } | undefined;
      while (!warning && Date.now() < deadline && started.child.exitCode === null) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        warning = started.output.stdout
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as { level: number; msg: string })
          .find((line) => line.msg.startsWith('Dispatch is off'));
      }
      expect(warning, started.output.stderr).toMatchObject({ level: 40 });
      started.child.kill('SIGTERM');
      expect(await started.exited).toBe(0);
      expect(started.output.stdout).toContain('sync service stopped');
    });
  });
});
