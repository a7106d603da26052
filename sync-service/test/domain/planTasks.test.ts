// Tasks gate the campaign (DESIGN §2.3). Europe/Paris, +02:00 in May 2026: Mon 4, Tue 5, Wed 6,
// Thu 7, Fri 8, Sat 9, Sun 10, Mon 11, Tue 12, Wed 13.
//
// The campaign: Day 1 intro 08:30; Day 2 a call, then an email at 11:00 the same day;
// Day 3 an email at 10:00. Launched Mon 4 May 07:00: call due Tue 5, follow-ups Tue 11:00 and Wed 10:00.
import { describe, expect, it } from 'vitest';
import type { Campaign, PlanInput } from '../../src/domain/index.ts';
import { formatInstant } from '../../src/domain/index.ts';
import { campaign, email, instant, item, plan, row, task, utc } from './planFixtures.ts';

function gated(settings: Omit<Campaign, 'steps'> = {}): Campaign {
  return campaign(
    [
      email('intro', 1, 1, 'At_Time', '08:30'),
      task('call', 2, 1),
      email('rest', 2, 2, 'At_Time', '11:00'),
      email('d3', 3, 1, 'At_Time', '10:00'),
    ],
    settings,
  );
}

const mondayLaunch = instant('2026-05-04T07:00+02:00');
const thursdayLaunch = instant('2026-05-07T07:00+02:00'); // call due Fri 8, d3 on Mon 11

function input(overrides: Partial<PlanInput> = {}): PlanInput {
  return { campaign: gated(), timeZone: 'Europe/Paris', launchedAt: mondayLaunch, ...overrides };
}

describe('projection before the task is done', () => {
  it('plans as if the task were done on time, with the later steps depending on it', () => {
    const result = plan(input());
    expect(result.items.map(row)).toEqual([
      `intro 2026-05-04 ${utc('2026-05-04T08:30+02:00')} scheduled`,
      'call 2026-05-05 due 2026-05-05 scheduled',
      `rest 2026-05-05 ${utc('2026-05-05T11:00+02:00')} waiting`,
      `d3 2026-05-06 ${utc('2026-05-06T10:00+02:00')} waiting`,
    ]);
    expect(result.items.map((planned) => planned.dependsOn)).toEqual([null, null, 'call', 'call']);
    const call = item(result, 'call');
    expect(call.kind === 'task' && formatInstant(call.opensAt)).toBe(utc('2026-05-05T00:00+02:00'));
  });

  it('opens a Day 1 task at launch, even when Day 1 is later', () => {
    const steps = [email('intro', 1, 1, 'Manual_Task'), email('next', 2, 1, 'At_Time', '10:00')];
    const launchedAt = instant('2026-05-09T15:00+02:00'); // Saturday: Day 1 Monday
    const intro = item(plan({ campaign: campaign(steps), launchedAt }), 'intro');
    expect(intro).toMatchObject({ kind: 'task', due: '2026-05-11' });
    expect(intro.kind === 'task' && intro.opensAt).toBe(launchedAt);
  });
});

describe('completion', () => {
  const cases: Array<{
    name: string;
    launch?: number;
    skipWeekends?: boolean;
    holidays?: string[];
    completed: string;
    rest: string;
    d3: string;
  }> = [
    {
      name: 'early (the day before): nothing moves',
      completed: '2026-05-04T17:00+02:00',
      rest: '2026-05-05T11:00+02:00',
      d3: '2026-05-06T10:00+02:00',
    },
    {
      name: 'on time, before the same-day step: nothing moves',
      completed: '2026-05-05T10:00+02:00',
      rest: '2026-05-05T11:00+02:00',
      d3: '2026-05-06T10:00+02:00',
    },
    {
      name: 'on time, after the same-day step: it goes at once',
      completed: '2026-05-05T15:00+02:00',
      rest: '2026-05-05T15:00+02:00',
      d3: '2026-05-06T10:00+02:00',
    },
    {
      name: 'one day late: the rest moves one campaign day',
      completed: '2026-05-06T09:00+02:00',
      rest: '2026-05-06T11:00+02:00',
      d3: '2026-05-07T10:00+02:00',
    },
    {
      name: "one day late after the moved step's time: it goes at once",
      completed: '2026-05-06T12:00+02:00',
      rest: '2026-05-06T12:00+02:00',
      d3: '2026-05-07T10:00+02:00',
    },
    {
      name: 'two days late',
      completed: '2026-05-07T09:00+02:00',
      rest: '2026-05-07T11:00+02:00',
      d3: '2026-05-08T10:00+02:00',
    },
    {
      name: 'late over a holiday: only campaign days count',
      holidays: ['2026-05-06'],
      completed: '2026-05-07T09:00+02:00',
      rest: '2026-05-07T11:00+02:00',
      d3: '2026-05-08T10:00+02:00',
    },
    {
      name: 'due Friday, completed Saturday (not a campaign day): no shift, the Friday step goes at once',
      launch: thursdayLaunch,
      completed: '2026-05-09T10:00+02:00',
      rest: '2026-05-09T10:00+02:00',
      d3: '2026-05-11T10:00+02:00',
    },
    {
      name: 'due Friday, completed Monday: one campaign day late',
      launch: thursdayLaunch,
      completed: '2026-05-11T09:00+02:00',
      rest: '2026-05-11T11:00+02:00',
      d3: '2026-05-12T10:00+02:00',
    },
    {
      name: 'due Friday, completed Saturday with weekends counting: one day late',
      launch: thursdayLaunch,
      skipWeekends: false,
      completed: '2026-05-09T09:00+02:00',
      rest: '2026-05-09T11:00+02:00',
      d3: '2026-05-10T10:00+02:00',
    },
  ];

  it.each(cases)('$name', ({ launch, skipWeekends, holidays, completed, rest, d3 }) => {
    const result = plan(
      input({
        campaign: gated({ skipWeekends: skipWeekends ?? true }),
        holidays: holidays ?? [],
        launchedAt: launch ?? mondayLaunch,
        progress: { call: { completedAt: instant(completed) } },
      }),
    );
    expect(item(result, 'call').state).toBe('completed');
    expect(item(result, 'rest')).toMatchObject({ state: 'scheduled', dependsOn: null });
    expect(formatInstant((item(result, 'rest') as { at: number }).at)).toBe(utc(rest));
    expect(formatInstant((item(result, 'd3') as { at: number }).at)).toBe(utc(d3));
  });

  it('moves a later task with its expiry, and reports the shift', () => {
    const steps = [
      email('intro', 1, 1, 'At_Time', '08:30'),
      task('call', 2, 1),
      task('linkedin', 3, 1, 'InMail'),
    ];
    const result = plan({
      campaign: campaign(steps),
      launchedAt: mondayLaunch,
      progress: { call: { completedAt: instant('2026-05-07T09:00+02:00') } },
    });
    // Two days late: the InMail moves from Wed 6 to Fri 8, expiring at the end of Tue 12.
    expect(item(result, 'linkedin')).toMatchObject({
      due: '2026-05-08',
      expiresAt: instant('2026-05-13T00:00+02:00'),
    });
    expect(result.shiftDays).toBe(2);
  });
});

describe('expiry', () => {
  const cases: Array<
    [name: string, settings: Omit<Campaign, 'steps'>, holidays: string[], launch: number, expires: string]
  > = [
    [
      '2 days: end of the second campaign day after the due date',
      {},
      [],
      mondayLaunch,
      '2026-05-08T00:00+02:00',
    ],
    ['0 days: end of the due day', { taskExpiryDays: 0 }, [], mondayLaunch, '2026-05-06T00:00+02:00'],
    ['due Friday, weekends skipped: end of Tuesday', {}, [], thursdayLaunch, '2026-05-13T00:00+02:00'],
    [
      'due Friday, weekends counting: end of Sunday',
      { skipWeekends: false },
      [],
      thursdayLaunch,
      '2026-05-11T00:00+02:00',
    ],
    ['a holiday in the window adds a day', {}, ['2026-05-06'], mondayLaunch, '2026-05-09T00:00+02:00'],
    [
      'no task expiry set: the org default of 2',
      { taskExpiryDays: null },
      [],
      mondayLaunch,
      '2026-05-08T00:00+02:00',
    ],
  ];
  it.each(cases)('%s', (_name, settings, holidays, launchedAt, expires) => {
    const call = item(plan({ campaign: gated(settings), holidays, launchedAt }), 'call');
    expect(call.kind === 'task' && formatInstant(call.expiresAt)).toBe(utc(expires));
  });

  it('in a zone whose midnight is skipped, the task expires at the first minute of the next day', () => {
    // America/Santiago springs forward at 24:00 on Sat 5 Sep 2026: 6 Sep starts at 01:00 (−03:00).
    const steps = [task('call', 1, 1)];
    const call = item(
      plan({
        campaign: campaign(steps, { skipWeekends: false, taskExpiryDays: 0 }),
        timeZone: 'America/Santiago',
        launchedAt: instant('2026-09-05T10:00-04:00'),
      }),
      'call',
    );
    expect(call.kind === 'task' && formatInstant(call.expiresAt)).toBe('2026-09-06T04:00:00Z');
  });

  it('Skip_Step: the rest moves by Task Expiry days; steps passed by the expiry go on the next campaign day at their own time', () => {
    // Expired at the end of Thu 7. Shifted by 2: the rest of Tue → Thu 11:00, passed → Fri 11:00;
    // Day 3 (Wed) → Fri 10:00, which campaign order puts after the 11:00 step ahead of it.
    const result = plan(input({ progress: { call: { expiredAt: instant('2026-05-08T00:00+02:00') } } }));
    expect(item(result, 'call').state).toBe('expired');
    expect(result.items.slice(2).map(row)).toEqual([
      `rest 2026-05-08 ${utc('2026-05-08T11:00+02:00')} scheduled`,
      `d3 2026-05-08 ${utc('2026-05-08T11:00+02:00')} scheduled`,
    ]);
    expect(result.shiftDays).toBe(2);
    expect(result.ended).toBeNull();
  });

  it('Skip_Step with 0 days: the passed step goes the next campaign day, after a weekend', () => {
    const result = plan(
      input({
        campaign: gated({ taskExpiryDays: 0 }),
        launchedAt: thursdayLaunch,
        progress: { call: { expiredAt: instant('2026-05-09T00:00+02:00') } },
      }),
    );
    // Call due Fri 8 expires at the end of Fri; its same-day step goes Monday 11:00; Day 3 (Mon 10:00) follows it.
    expect(result.items.slice(2).map(row)).toEqual([
      `rest 2026-05-11 ${utc('2026-05-11T11:00+02:00')} scheduled`,
      `d3 2026-05-11 ${utc('2026-05-11T11:00+02:00')} scheduled`,
    ]);
  });

  it('End_Campaign: the person’s campaign ends and the rest is ended with the reason', () => {
    const result = plan(
      input({
        campaign: gated({ onTaskExpiry: 'End_Campaign' }),
        progress: { call: { expiredAt: instant('2026-05-08T00:00+02:00') } },
      }),
    );
    expect(result.ended).toEqual({
      reason: 'TASK_EXPIRED',
      stepId: 'call',
      at: instant('2026-05-08T00:00+02:00'),
    });
    expect(result.items.map((planned) => planned.state)).toEqual(['scheduled', 'expired', 'ended', 'ended']);
    expect(item(result, 'd3').endedReason).toBe('TASK_EXPIRED');
    expect(item(result, 'd3').dependsOn).toBeNull();
  });

  it('End_Campaign: a later task is ended too and holds nothing', () => {
    const steps = [
      task('call', 1, 1),
      task('inmail', 2, 1, 'InMail'),
      email('after', 3, 1, 'At_Time', '10:00'),
    ];
    const result = plan({
      campaign: campaign(steps, { onTaskExpiry: 'End_Campaign' }),
      launchedAt: mondayLaunch,
      progress: { call: { expiredAt: instant('2026-05-07T00:00+02:00') } },
    });
    expect(result.items.map((planned) => [planned.stepId, planned.state, planned.dependsOn])).toEqual([
      ['call', 'expired', null],
      ['inmail', 'ended', null],
      ['after', 'ended', null],
    ]);
  });
});

describe('a skipped task', () => {
  it('lets the campaign go on as a completion at the skip moment would', () => {
    const result = plan(input({ progress: { call: { skippedAt: instant('2026-05-06T09:00+02:00') } } }));
    expect(item(result, 'call').state).toBe('skipped');
    expect(formatInstant((item(result, 'rest') as { at: number }).at)).toBe(utc('2026-05-06T11:00+02:00'));
  });
});

describe('gates chain', () => {
  it('a step depends on the latest task still open, and a later task waits behind an earlier one', () => {
    const steps = [
      task('call', 1, 1),
      task('inmail', 2, 1, 'InMail'),
      email('after', 3, 1, 'At_Time', '10:00'),
    ];
    const result = plan({
      campaign: campaign(steps),
      launchedAt: mondayLaunch,
      progress: { call: { taskOpenedAt: mondayLaunch } },
    });
    expect(result.items.map((planned) => [planned.stepId, planned.state, planned.dependsOn])).toEqual([
      ['call', 'open', null],
      ['inmail', 'waiting', 'call'],
      ['after', 'waiting', 'inmail'],
    ]);
  });
});
