// Pause and resume (DESIGN §2.3): on resume the remaining steps shift by the number of campaign
// days that began while paused. Europe/Paris +02:00; May 2026: Mon 4 … Fri 8, Mon 11, Tue 12.
// The campaign: intro Mon 4 08:30, Day 2 email 10:00 (Tue 5), Day 3 email 10:00 (Wed 6).
import { describe, expect, it } from 'vitest';
import { paused, resumed, type PlanInput } from '../../src/domain/index.ts';
import { campaign, email, instant, item, plan, sendAt, task, utc } from './planFixtures.ts';

const steps = [
  email('intro', 1, 1, 'At_Time', '08:30'),
  email('d2', 2, 1, 'At_Time', '10:00'),
  email('d3', 3, 1, 'At_Time', '10:00'),
];
const base: PlanInput = {
  campaign: campaign(steps),
  timeZone: 'Europe/Paris',
  launchedAt: instant('2026-05-04T07:00+02:00'),
  progress: { intro: { sentAt: instant('2026-05-04T08:30+02:00') } },
};

describe('pause and resume', () => {
  const cases: Array<[name: string, pausedAt: string, resumedAt: string, d2: string, d3: string]> = [
    [
      'a pause within one day moves nothing',
      '2026-05-04T12:00+02:00',
      '2026-05-04T15:00+02:00',
      '2026-05-05T10:00+02:00',
      '2026-05-06T10:00+02:00',
    ],
    [
      'two campaign days began (Tue, Wed): two days later',
      '2026-05-04T12:00+02:00',
      '2026-05-06T09:00+02:00',
      '2026-05-07T10:00+02:00',
      '2026-05-08T10:00+02:00',
    ],
    [
      'over a weekend only campaign days count (Tue…Fri, Mon = 5)',
      '2026-05-04T12:00+02:00',
      '2026-05-11T08:00+02:00',
      '2026-05-12T10:00+02:00',
      '2026-05-13T10:00+02:00',
    ],
    [
      "resumed after the step's moment the same day: it goes at once",
      '2026-05-05T09:00+02:00',
      '2026-05-05T11:00+02:00',
      '2026-05-05T11:00+02:00',
      '2026-05-06T10:00+02:00',
    ],
    [
      'paused Tue 09:00, resumed Wed 11:00: one day began, the step goes Wed at once',
      '2026-05-05T09:00+02:00',
      '2026-05-06T11:00+02:00',
      '2026-05-06T11:00+02:00',
      '2026-05-07T10:00+02:00',
    ],
  ];
  it.each(cases)('%s', (_name, pausedAt, resumedAt, d2, d3) => {
    const result = plan({
      ...base,
      pauses: [{ pausedAt: instant(pausedAt), resumedAt: instant(resumedAt) }],
    });
    expect(result.paused).toBe(false);
    expect(sendAt(result, 'intro')).toBe(utc('2026-05-04T08:30+02:00'));
    expect(sendAt(result, 'd2')).toBe(utc(d2));
    expect(sendAt(result, 'd3')).toBe(utc(d3));
  });

  it('holds every pending step while paused, then re-plans on resume', () => {
    const held = paused(base, instant('2026-05-04T12:00+02:00'));
    expect(held.plan.paused).toBe(true);
    expect(held.plan.items.map((planned) => planned.state)).toEqual(['sent', 'held', 'held']);
    const going = resumed(held.input, instant('2026-05-06T09:00+02:00'));
    expect(going.plan.items.map((planned) => planned.state)).toEqual(['sent', 'scheduled', 'scheduled']);
    expect(sendAt(going.plan, 'd2')).toBe(utc('2026-05-07T10:00+02:00'));
  });

  it('two pauses add up', () => {
    const result = plan({
      ...base,
      pauses: [
        { pausedAt: instant('2026-05-04T12:00+02:00'), resumedAt: instant('2026-05-05T09:00+02:00') }, // Tue began: +1
        { pausedAt: instant('2026-05-06T09:00+02:00'), resumedAt: instant('2026-05-07T09:00+02:00') }, // Thu began: +1
      ],
    });
    // d2: Tue → Wed 10:00 (after the first pause), then held by the second pause at Wed 09:00 → Thu 10:00.
    expect(sendAt(result, 'd2')).toBe(utc('2026-05-07T10:00+02:00'));
    expect(sendAt(result, 'd3')).toBe(utc('2026-05-08T10:00+02:00'));
  });

  it('holds an open task too: its due date and expiry move', () => {
    const withTask: PlanInput = {
      campaign: campaign([email('intro', 1, 1, 'At_Time', '08:30'), task('call', 2, 1)]),
      timeZone: 'Europe/Paris',
      launchedAt: instant('2026-05-04T07:00+02:00'),
      progress: {
        intro: { sentAt: instant('2026-05-04T08:30+02:00') },
        call: { taskOpenedAt: instant('2026-05-05T00:00+02:00') },
      },
      pauses: [{ pausedAt: instant('2026-05-05T10:00+02:00'), resumedAt: instant('2026-05-07T10:00+02:00') }],
    };
    // Wed and Thu began while paused: due Tue → Thu, expiring at the end of Mon 11.
    expect(item(plan(withTask), 'call')).toMatchObject({
      due: '2026-05-07',
      expiresAt: instant('2026-05-12T00:00+02:00'),
      state: 'open',
    });
  });
});
