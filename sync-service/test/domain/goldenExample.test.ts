// The documented example of DESIGN §5, through the domain API (the CLI test runs the bin).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatInstant, planEnrollment, type Campaign } from '../../src/domain/index.ts';

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/plan/example.json');
const { timeZone, holidays, ...campaign } = JSON.parse(readFileSync(file, 'utf8')) as Campaign & {
  timeZone: string;
  holidays: string[];
};

describe('the golden example', () => {
  it('plans Thursday 30 April 12:00 Paris as DESIGN §5 shows', () => {
    const plan = planEnrollment({
      campaign,
      timeZone,
      holidays,
      launchedAt: Date.parse('2026-04-30T10:00:00Z'),
    });
    expect(plan.day1).toBe('2026-05-04');
    expect(
      plan.items.map((item) =>
        item.kind === 'send'
          ? [
              item.stepId,
              item.day,
              item.kind,
              item.date,
              formatInstant(item.at),
              item.threadOf,
              item.dependsOn,
            ]
          : [
              item.stepId,
              item.day,
              item.kind,
              item.date,
              item.due,
              formatInstant(item.expiresAt),
              item.threadOf,
              item.dependsOn,
            ],
      ),
    ).toEqual([
      ['intro', 1, 'send', '2026-05-04', '2026-05-04T06:30:00Z', null, null],
      ['call', 2, 'task', '2026-05-05', '2026-05-05', '2026-05-07T22:00:00Z', null, null],
      ['bump', 3, 'send', '2026-05-06', '2026-05-06T06:30:00Z', 'intro', 'call'],
    ]);
  });
});
