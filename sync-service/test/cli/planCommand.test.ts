// The `plan` command as users run it: the real bin, spawned from the repository root.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const bin = path.resolve(here, '../../bin/sync-service.js');
const example = path.resolve(here, '../fixtures/plan/example.json');

// Asynchronous, so the test worker stays responsive while the bin runs.
function run(
  command: string,
  args: string[],
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

async function plan(...args: string[]) {
  const result = await run(process.execPath, [bin, 'plan', ...args]);
  return {
    status: result.status,
    stdout: result.stdout,
    stderrLines: result.stderr.split('\n').filter((line) => line !== ''),
  };
}

function campaignFile(content: unknown): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'plan-cli-'));
  const file = path.join(dir, 'campaign.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const GOLDEN = {
  timeZone: 'Europe/Paris',
  day1: '2026-05-04',
  items: [
    {
      stepId: 'intro',
      day: 1,
      kind: 'send',
      date: '2026-05-04',
      at: '2026-05-04T06:30:00Z',
      threadOf: null,
      dependsOn: null,
    },
    {
      stepId: 'call',
      day: 2,
      kind: 'task',
      date: '2026-05-05',
      due: '2026-05-05',
      expiresAt: '2026-05-07T22:00:00Z',
      threadOf: null,
      dependsOn: null,
    },
    {
      stepId: 'bump',
      day: 3,
      kind: 'send',
      date: '2026-05-06',
      at: '2026-05-06T06:30:00Z',
      threadOf: 'intro',
      dependsOn: 'call',
    },
  ],
};

// Each case starts a Node process with tsx; on a busy shared machine that can take many seconds.
describe('sync-service plan', { timeout: 180_000 }, () => {
  it('prints the documented example of DESIGN §5', async () => {
    const result = await plan(example, '--launch', '2026-04-30T10:00:00Z');
    expect(result.stderrLines).toEqual([]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(GOLDEN);
    // Key order is part of the contract.
    expect(Object.keys(JSON.parse(result.stdout).items[1])).toEqual([
      'stepId',
      'day',
      'kind',
      'date',
      'due',
      'expiresAt',
      'threadOf',
      'dependsOn',
    ]);
  });

  it('runs from the repository root through npx', async () => {
    const result = await run('npx', [
      '--no-install',
      'sync-service',
      'plan',
      example,
      '--launch',
      '2026-04-30T10:00:00Z',
    ]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(GOLDEN);
  });

  it('moves the follow-up when the call is completed late, and honours --tz, --holidays and --send-at', async () => {
    // Call due Tue 5 May, completed Wed 6 May 16:00 Paris: one campaign day late, so the
    // follow-up moves from Wed to Thu 7 May at 08:30 Paris.
    const late = await plan(
      example,
      '--launch',
      '2026-04-30T10:00:00Z',
      '--complete',
      'call=2026-05-06T14:00:00Z',
    );
    expect(late.status).toBe(0);
    expect(JSON.parse(late.stdout).items[2]).toMatchObject({
      stepId: 'bump',
      date: '2026-05-07',
      at: '2026-05-07T06:30:00Z',
      dependsOn: null,
    });

    // In New York 30 April 10:00Z is 06:00, before 08:30: Day 1 is the launch date (1 May is
    // only a holiday in the file, and it still counts as one).
    const ny = await plan(
      example,
      '--launch',
      '2026-04-30T10:00:00Z',
      '--tz',
      'America/New_York',
      '--holidays',
      '2026-05-04,2026-05-05',
    );
    expect(ny.status).toBe(0);
    const nyPlan = JSON.parse(ny.stdout);
    expect(nyPlan.day1).toBe('2026-04-30');
    expect(nyPlan.items.map((item: { date: string }) => item.date)).toEqual([
      '2026-04-30',
      '2026-05-06',
      '2026-05-07',
    ]);
    expect(nyPlan.items[0].at).toBe('2026-04-30T12:30:00Z');

    const now = await plan(example, '--launch', '2026-04-30T10:00:00Z', '--send-at', 'now');
    expect(JSON.parse(now.stdout).items[0]).toMatchObject({ date: '2026-04-30', at: '2026-04-30T10:00:00Z' });
  });

  it("takes --send-at now for Choose_At_Launch, and counts the file's holidays even with skipHolidays off", async () => {
    const file = campaignFile({
      timeZone: 'Europe/Paris',
      skipWeekends: true,
      skipHolidays: false,
      holidays: ['2026-05-05'],
      steps: [
        { id: 'intro', day: 1, order: 1, type: 'Email', sendOption: 'Choose_At_Launch' },
        { id: 'next', day: 2, order: 1, type: 'Email', sendOption: 'Same_Time_As_Previous' },
      ],
    });
    // Launched Mon 4 May 15:20:30 Paris; Day 2 skips the Tue 5 holiday: Wed 6 at 15:20.
    const result = await plan(file, '--launch', '2026-05-04T13:20:30Z', '--send-at', 'now');
    expect(result.stderrLines).toEqual([]);
    expect(JSON.parse(result.stdout).items).toEqual([
      {
        stepId: 'intro',
        day: 1,
        kind: 'send',
        date: '2026-05-04',
        at: '2026-05-04T13:20:30Z',
        threadOf: null,
        dependsOn: null,
      },
      {
        stepId: 'next',
        day: 2,
        kind: 'send',
        date: '2026-05-06',
        at: '2026-05-06T13:20:00Z',
        threadOf: null,
        dependsOn: null,
      },
    ]);
  });

  it('explains every flag in --help with an example', async () => {
    const result = await plan('--help');
    expect(result.status).toBe(0);
    for (const flag of ['--launch', '--send-at', '--tz', '--complete', '--holidays'])
      expect(result.stdout).toContain(flag);
    expect(result.stdout).toContain('$ npx sync-service plan campaign.json --launch');
  });

  const errorCases: Array<{ name: string; args: () => string[]; lines: RegExp[] }> = [
    { name: 'a missing --launch', args: () => [example], lines: [/--launch <instant> is required/] },
    {
      name: 'an unparseable --launch',
      args: () => [example, '--launch', '30/04/2026'],
      lines: [/--launch 30\/04\/2026: not an instant/],
    },
    {
      name: 'an instant without an offset',
      args: () => [example, '--launch', '2026-04-30T10:00:00'],
      lines: [/not an instant/],
    },
    {
      name: 'a bad --send-at',
      args: () => [example, '--launch', '2026-04-30T10:00:00Z', '--send-at', 'tomorrow'],
      lines: [/--send-at tomorrow/],
    },
    {
      name: 'an unknown --tz',
      args: () => [example, '--launch', '2026-04-30T10:00:00Z', '--tz', 'Mars/Olympus'],
      lines: [/^error: --tz Mars\/Olympus: Unknown time zone "Mars\/Olympus".*PLAN.UNKNOWN_TIME_ZONE/],
    },
    {
      name: 'a bad holiday',
      args: () => [example, '--launch', '2026-04-30T10:00:00Z', '--holidays', '2026-05-08,2026-02-30'],
      lines: [/--holidays 2026-02-30: not a date/],
    },
    {
      name: '--complete on an automatic email',
      args: () => [example, '--launch', '2026-04-30T10:00:00Z', '--complete', 'intro=2026-05-04T08:00:00Z'],
      lines: [/--complete intro: step intro is not a task/],
    },
    {
      name: '--complete on an unknown step',
      args: () => [example, '--launch', '2026-04-30T10:00:00Z', '--complete', 'demo=2026-05-04T08:00:00Z'],
      lines: [/no step demo/],
    },
    {
      name: 'a malformed --complete',
      args: () => [example, '--launch', '2026-04-30T10:00:00Z', '--complete', 'call'],
      lines: [/expected <stepId>=<instant>/],
    },
    {
      name: 'an unknown flag',
      args: () => [example, '--launch', '2026-04-30T10:00:00Z', '--colour'],
      lines: [/unknown option '--colour'/],
    },
    {
      name: 'a missing file',
      args: () => ['/nonexistent/campaign.json', '--launch', '2026-04-30T10:00:00Z'],
      lines: [/cannot read the campaign file/],
    },
    {
      name: 'a file that is not JSON',
      args: () => [campaignFile('{"steps": ['), '--launch', '2026-04-30T10:00:00Z'],
      lines: [/not valid JSON/],
    },
    {
      name: 'a file of the wrong shape',
      args: () => [
        campaignFile({ timeZone: 'UTC', steps: [{ id: 'a', day: '1', order: 1, type: 'Call' }] }),
        '--launch',
        '2026-04-30T10:00:00Z',
      ],
      lines: [/steps\[0\]\.day/],
    },
    {
      name: 'a file without a time zone',
      args: () => [
        campaignFile({ steps: [{ id: 'a', day: 1, order: 1, type: 'Call' }] }),
        '--launch',
        '2026-04-30T10:00:00Z',
      ],
      lines: [/no time zone/],
    },
    {
      name: 'an invalid campaign, one line per problem',
      args: () => [
        campaignFile({
          timeZone: 'Europe/Paris',
          steps: [
            { id: 'intro', day: 1, order: 1, type: 'Email', sendOption: 'Thread_Previous' },
            { id: 'later', day: 2, order: 1, type: 'Email', sendOption: 'At_Time' },
            { id: 'later', day: 0, order: 1, type: 'Fax' },
          ],
        }),
        '--launch',
        '2026-04-30T10:00:00Z',
      ],
      lines: [
        /Step intro: Thread_Previous is not available for the first email step/,
        /Step later: Send_Time__c is required for At_Time/,
        /Step later: the id is used by another step/,
        /Step later: Day__c must be a whole number from 1/,
        /Step later: unknown Type__c "Fax"/,
      ],
    },
    {
      name: 'Choose_At_Launch without --send-at',
      args: () => [
        campaignFile({
          timeZone: 'Europe/Paris',
          steps: [{ id: 'intro', day: 1, order: 1, type: 'Email', sendOption: 'Choose_At_Launch' }],
        }),
        '--launch',
        '2026-04-30T10:00:00Z',
      ],
      lines: [/Step intro: Send At is required at launch for Choose_At_Launch.*PLAN.MISSING_SEND_AT/],
    },
    {
      name: 'a bad holiday in the file',
      args: () => [
        campaignFile({
          timeZone: 'UTC',
          holidays: ['2026-05-32'],
          steps: [{ id: 'a', day: 1, order: 1, type: 'Call' }],
        }),
        '--launch',
        '2026-04-30T10:00:00Z',
      ],
      lines: [/Holiday "2026-05-32" is not a date.*PLAN.INVALID_HOLIDAY/],
    },
    {
      name: 'several bad flags at once',
      args: () => [example, '--launch', 'x', '--tz', 'Nowhere/Land', '--holidays', 'May 8'],
      lines: [/--launch x/, /--holidays May 8/, /Unknown time zone "Nowhere\/Land"/],
    },
  ];

  it.each(errorCases)('exits 2 with one line per problem for $name', async ({ args, lines }) => {
    const result = await plan(...args());
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderrLines).toHaveLength(lines.length);
    lines.forEach((line, index) => expect(result.stderrLines[index]).toMatch(line));
  });
});
