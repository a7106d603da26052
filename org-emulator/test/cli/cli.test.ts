// DESIGN §6: the bin prints exactly one JSON ready line on stdout, logs to stderr, loads the
// sample plan with --seed, keeps records with --persist and stops on SIGTERM.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.resolve(here, '../../bin/org-emulator.js');
const repo = path.resolve(here, '../../..');
const running: ChildProcess[] = [];

interface Ready {
  event: string;
  url: string;
  apiVersion: string;
  username: string;
  password: string;
  clientId: string;
  clientSecret: string;
}

function start(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; ready: Ready; stdout: () => string; stderr: () => string }> {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: repo,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (d) => (err += String(d)));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += String(d);
      if (out.includes('\n'))
        resolve({
          child,
          ready: JSON.parse(out.split('\n')[0]!) as Ready,
          stdout: () => out,
          stderr: () => err,
        });
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

async function tokenFor(ready: Ready): Promise<string> {
  const res = await fetch(`${ready.url}/services/oauth2/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: ready.clientId,
      client_secret: ready.clientSecret,
      username: ready.username,
      password: ready.password,
    }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

async function count(ready: Ready, token: string, object: string): Promise<number> {
  const res = await fetch(
    `${ready.url}/services/data/v62.0/query?q=${encodeURIComponent(`SELECT COUNT() FROM ${object}`)}`,
    { headers: { authorization: `Bearer ${token}` } },
  );
  return ((await res.json()) as { totalSize: number }).totalSize;
}

afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('npx org-emulator', () => {
  it('prints one ready line, serves the seeded sample data and stops on SIGTERM', async () => {
    const { child, ready, stdout, stderr } = await start([
      '--port',
      '0',
      '--seed',
      'data/sample-plan.json',
      '--clock',
      'fast:60',
    ]);
    expect(ready).toEqual({
      event: 'ready',
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      apiVersion: '62.0',
      username: expect.any(String),
      password: expect.any(String),
      clientId: expect.any(String),
      clientSecret: expect.any(String),
    });
    const token = await tokenFor(ready);
    expect(await count(ready, token, 'Sales_Campaign__c')).toBeGreaterThan(0);
    expect(await count(ready, token, 'Holiday')).toBeGreaterThan(0);
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    expect(stdout().trim().split('\n')).toHaveLength(1);
    expect(stderr()).toMatch(/seeded \d+ records/);
  }, 60_000);

  it('takes credentials from flags and environment, and keeps records with --persist', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'org-emulator-'));
    try {
      const file = path.join(dir, 'org.sqlite');
      const first = await start(['--persist', file, '--client-id', 'my-app'], {
        ORG_EMULATOR_PASSWORD: 'from-env',
      });
      expect(first.ready).toMatchObject({ clientId: 'my-app', password: 'from-env' });
      const token = await tokenFor(first.ready);
      const created = await fetch(`${first.ready.url}/services/data/v62.0/sobjects/Contact`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ LastName: 'Persistent' }),
      });
      const { id } = (await created.json()) as { id: string };
      first.child.kill('SIGINT');
      expect(await exited(first.child)).toBe(0);

      const second = await start(['--persist', file, '--client-id', 'my-app'], {
        ORG_EMULATOR_PASSWORD: 'from-env',
      });
      const again = await tokenFor(second.ready);
      const read = await fetch(
        `${second.ready.url}/services/data/v62.0/sobjects/Contact/${id}?fields=LastName`,
        { headers: { authorization: `Bearer ${again}` } },
      );
      expect(((await read.json()) as { LastName: string }).LastName).toBe('Persistent');
      const newer = await fetch(`${second.ready.url}/services/data/v62.0/sobjects/Contact`, {
        method: 'POST',
        headers: { authorization: `Bearer ${again}`, 'content-type': 'application/json' },
        body: JSON.stringify({ LastName: 'Second' }),
      });
      expect(((await newer.json()) as { id: string }).id).not.toBe(id);
      second.child.kill('SIGTERM');
      await exited(second.child);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('fails with a message on stderr and status 2 for a bad flag value', async () => {
    await expect(start(['--clock', 'slow'])).rejects.toThrow(/exited 2: .*--clock slow/s);
  });
});
