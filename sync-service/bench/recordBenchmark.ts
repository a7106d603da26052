// Keeps each benchmark's latest figures in docs/benchmarks.md, in a section of its own between
// markers, so several benchmarks can update the file without touching each other's figures.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const DOC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/benchmarks.md');

export interface BenchmarkRecord {
  /** Section id, e.g. `plan`; the command is `npm run bench:<id>`. */
  id: string;
  title: string;
  /** Rows of figures: label → value with its unit, e.g. `1,234,567 step-plans/s`. */
  figures: Array<[label: string, value: string]>;
  /** Goal and verdict lines, plain text. */
  notes?: string[];
}

export function describeMachine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

export function recordBenchmark(record: BenchmarkRecord, now = new Date()): void {
  const start = `<!-- bench:${record.id} -->`;
  const end = `<!-- /bench:${record.id} -->`;
  const section = [
    start,
    `## ${record.title}`,
    '',
    `Command: \`npm run bench:${record.id}\` — measured ${now.toISOString().slice(0, 16)}Z on ${describeMachine()}.`,
    '',
    '| figure | value |',
    '| --- | --- |',
    ...record.figures.map(([label, value]) => `| ${label} | ${value} |`),
    '',
    ...(record.notes ?? []),
    end,
  ].join('\n');

  const header = '# Benchmarks\n\nEach section is rewritten by its own `npm run bench:*` command.\n';
  const doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : header;
  const pattern = new RegExp(`${escape(start)}[\\s\\S]*?${escape(end)}`);
  const next = pattern.test(doc) ? doc.replace(pattern, section) : `${doc.trimEnd()}\n\n${section}\n`;
  writeFileSync(DOC, next);
  console.log(`\nfigures kept in ${path.relative(process.cwd(), DOC)} (section "${record.title}")`);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
