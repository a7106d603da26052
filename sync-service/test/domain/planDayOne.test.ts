// Day 1 (DESIGN §2.1). Europe/Paris is +02:00 in May 2026: Fri 1 (a holiday where listed),
// Sat 2, Sun 3, Mon 4, Tue 5, … Fri 8, Sat 9, Sun 10, Mon 11, Tue 12.
import { describe, expect, it } from 'vitest';
import type { CampaignStep } from '../../src/domain/index.ts';
import { campaign, email, instant, item, plan, sendAt, task, utc } from './planFixtures.ts';

const atTimeFirst = [email('intro', 1, 1, 'At_Time', '08:30'), email('next', 2, 1, 'At_Time', '10:00')];

describe('Day 1', () => {
  const cases: Array<{
    name: string;
    steps?: CampaignStep[];
    skipWeekends?: boolean;
    holidays?: string[];
    launch: string;
    chosen?: string;
    day1: string;
    intro?: string;
  }> = [
    {
      name: 'At_Time not passed yet: the launch date',
      launch: '2026-05-04T07:00+02:00',
      day1: '2026-05-04',
      intro: '2026-05-04T08:30+02:00',
    },
    {
      name: 'At_Time at exactly the launch minute has not passed',
      launch: '2026-05-04T08:30+02:00',
      day1: '2026-05-04',
      intro: '2026-05-04T08:30+02:00',
    },
    {
      name: 'At_Time passed: the next campaign day',
      launch: '2026-05-04T08:31+02:00',
      day1: '2026-05-05',
      intro: '2026-05-05T08:30+02:00',
    },
    {
      name: 'At_Time passed on a Friday: Monday',
      launch: '2026-05-08T12:00+02:00',
      day1: '2026-05-11',
      intro: '2026-05-11T08:30+02:00',
    },
    {
      name: 'launched on a Saturday, skipping weekends: Monday',
      launch: '2026-05-09T07:00+02:00',
      day1: '2026-05-11',
      intro: '2026-05-11T08:30+02:00',
    },
    {
      name: 'launched on a Saturday, weekends count: Saturday',
      skipWeekends: false,
      launch: '2026-05-09T07:00+02:00',
      day1: '2026-05-09',
      intro: '2026-05-09T08:30+02:00',
    },
    {
      name: 'launched the day before a holiday Monday',
      holidays: ['2026-05-04'],
      launch: '2026-05-03T07:00+02:00',
      day1: '2026-05-05',
      intro: '2026-05-05T08:30+02:00',
    },
    {
      name: 'launched on a holiday, weekends count',
      skipWeekends: false,
      holidays: ['2026-05-01'],
      launch: '2026-05-01T07:00+02:00',
      day1: '2026-05-02',
      intro: '2026-05-02T08:30+02:00',
    },
    {
      name: 'a Send At chosen on a Saturday is honoured',
      launch: '2026-05-07T10:00+02:00',
      chosen: '2026-05-09T10:00+02:00',
      day1: '2026-05-09',
      intro: '2026-05-09T10:00+02:00',
    },
    {
      name: 'a Send At replaces the At_Time time',
      launch: '2026-05-04T07:00+02:00',
      chosen: '2026-05-04T15:00+02:00',
      day1: '2026-05-04',
      intro: '2026-05-04T15:00+02:00',
    },
    {
      name: 'Choose_At_Launch goes at Send At',
      steps: [email('intro', 1, 1, 'Choose_At_Launch'), email('next', 2, 1, 'At_Time', '10:00')],
      launch: '2026-05-04T07:00+02:00',
      chosen: '2026-05-12T14:00+02:00',
      day1: '2026-05-12',
      intro: '2026-05-12T14:00+02:00',
    },
    {
      name: 'Choose_At_Launch "start now" (Send At = launch) at 23:00',
      steps: [email('intro', 1, 1, 'Choose_At_Launch'), email('next', 2, 1, 'At_Time', '10:00')],
      launch: '2026-05-04T23:00+02:00',
      chosen: '2026-05-04T23:00+02:00',
      day1: '2026-05-04',
      intro: '2026-05-04T23:00+02:00',
    },
    {
      name: 'a first Call: the launch date when it is a campaign day, whatever the hour',
      steps: [task('call', 1, 1), email('next', 2, 1, 'At_Time', '10:00')],
      launch: '2026-05-04T18:00+02:00',
      day1: '2026-05-04',
    },
    {
      name: 'a first Manual_Task email launched on a Sunday: Monday',
      steps: [email('intro', 1, 1, 'Manual_Task'), email('next', 2, 1, 'At_Time', '10:00')],
      launch: '2026-05-03T18:00+02:00',
      day1: '2026-05-04',
    },
  ];

  it.each(cases)('$name', ({ steps, skipWeekends, holidays, launch, chosen, day1, intro }) => {
    const result = plan({
      campaign: campaign(steps ?? atTimeFirst, { skipWeekends: skipWeekends ?? true }),
      holidays: holidays ?? [],
      launchedAt: instant(launch),
      sendAt: chosen === undefined ? null : instant(chosen),
    });
    expect(result.day1).toBe(day1);
    expect(item(result, result.items[0]!.stepId).date).toBe(day1);
    if (intro !== undefined) expect(sendAt(result, 'intro')).toBe(utc(intro));
  });

  it('Day n is Day 1 plus n−1 campaign days: a Day is a position, not a gap', () => {
    const steps = [
      email('intro', 1, 1, 'At_Time', '08:30'),
      email('d3', 3, 1, 'At_Time', '10:00'),
      email('d6', 6, 1, 'At_Time', '10:00'),
    ];
    // Launched Thu 7 May before 08:30: Day 1 Thu 7, Day 3 Mon 11, Day 6 Thu 14.
    const result = plan({ campaign: campaign(steps), launchedAt: instant('2026-05-07T07:00+02:00') });
    expect(result.items.map((planned) => planned.date)).toEqual(['2026-05-07', '2026-05-11', '2026-05-14']);
    // Day 2 after a Send At on a Saturday is the next campaign day, Monday.
    const weekend = plan({
      campaign: campaign(atTimeFirst),
      launchedAt: instant('2026-05-07T10:00+02:00'),
      sendAt: instant('2026-05-09T10:00+02:00'),
    });
    expect(sendAt(weekend, 'next')).toBe(utc('2026-05-11T10:00+02:00'));
  });
});
