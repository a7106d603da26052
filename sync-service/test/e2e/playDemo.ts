// Plays the demo programmatically into a temp directory and reads back every saved message.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import pino from 'pino';
import { afterAll } from 'vitest';
import { emulatorHooks } from '../../src/demo/demoHooks.ts';
import { runDemo } from '../../src/demo/runDemo.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

export async function playDemo(hooks = emulatorHooks()) {
  const dir = mkdtempSync(path.join(tmpdir(), 'demo-e2e-'));
  dirs.push(dir);
  const lines: string[] = [];
  const result = await runDemo(
    {
      speed: 600,
      forever: false,
      dir,
      write: (line) => lines.push(line),
      logger: pino({ level: process.env.LOG_LEVEL ?? 'silent' }),
      maxSimulatedDays: 30,
      refreshMs: 25,
      timeLapse: true,
    },
    hooks,
  );
  const mailDir = path.join(dir, 'mail');
  const mails: ParsedMail[] = [];
  for (const file of readdirSync(mailDir).sort())
    mails.push(await simpleParser(readFileSync(path.join(mailDir, file))));
  return { result, lines, mails };
}

export const recipientOf = (mail: ParsedMail) =>
  (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address ?? '';
