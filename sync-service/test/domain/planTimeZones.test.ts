// Whole plans across DST changes and unusual offsets: wall-clock times hold in the person's zone.
// Offsets checked by hand from each zone's rules (see zonedTime.test.ts).
import { describe, expect, it } from 'vitest';
import { formatInstant, type CampaignStep } from '../../src/domain/index.ts';
import { campaign, email, instant, item, plan, sendAt, task } from './planFixtures.ts';

// Day 1 08:30, Day 2 same time, Day 3 a call, Day 4 a follow-up threaded at the same time.
const steps: CampaignStep[] = [
  email('intro', 1, 1, 'At_Time', '08:30'),
  email('same', 2, 1, 'Same_Time_As_Previous'),
  task('call', 3, 1),
  email('bump', 4, 1, 'Thread_Previous'),
];
const everyDay = campaign(steps, { skipWeekends: false });

describe('plans across DST changes', () => {
  const cases: Array<
    [zone: string, launch: string, expected: [intro: string, same: string, callExpires: string, bump: string]]
  > = [
    // New York: Sat 7 Mar EST, Sun 8 Mar EDT from 02:00.
    [
      'America/New_York',
      '2026-03-06T10:00-05:00',
      [
        '2026-03-07T08:30-05:00',
        '2026-03-08T08:30-04:00',
        '2026-03-12T00:00-04:00',
        '2026-03-10T08:30-04:00',
      ],
    ],
    // London: Sun 29 Mar BST from 01:00.
    [
      'Europe/London',
      '2026-03-27T10:00+00:00',
      [
        '2026-03-28T08:30+00:00',
        '2026-03-29T08:30+01:00',
        '2026-04-02T00:00+01:00',
        '2026-03-31T08:30+01:00',
      ],
    ],
    // Sydney: Sun 5 Apr back to AEST (+10:00) at 03:00.
    [
      'Australia/Sydney',
      '2026-04-03T10:00+11:00',
      [
        '2026-04-04T08:30+11:00',
        '2026-04-05T08:30+10:00',
        '2026-04-09T00:00+10:00',
        '2026-04-07T08:30+10:00',
      ],
    ],
    // Kolkata: +05:30, no DST.
    [
      'Asia/Kolkata',
      '2026-03-06T10:00+05:30',
      [
        '2026-03-07T08:30+05:30',
        '2026-03-08T08:30+05:30',
        '2026-03-12T00:00+05:30',
        '2026-03-10T08:30+05:30',
      ],
    ],
    // Chatham: Sun 27 Sep to +13:45 at 02:45.
    [
      'Pacific/Chatham',
      '2026-09-25T10:00+12:45',
      [
        '2026-09-26T08:30+12:45',
        '2026-09-27T08:30+13:45',
        '2026-10-01T00:00+13:45',
        '2026-09-29T08:30+13:45',
      ],
    ],
    // Mexico City: no change since 2023 — early April stays at −06:00.
    [
      'America/Mexico_City',
      '2026-04-03T10:00-06:00',
      [
        '2026-04-04T08:30-06:00',
        '2026-04-05T08:30-06:00',
        '2026-04-09T00:00-06:00',
        '2026-04-07T08:30-06:00',
      ],
    ],
  ];

  it.each(cases)('%s', (zone, launch, [intro, same, callExpires, bump]) => {
    // Launched at 10:00, after 08:30: Day 1 is the next day.
    const result = plan({ campaign: everyDay, timeZone: zone, launchedAt: instant(launch) });
    expect(sendAt(result, 'intro')).toBe(formatInstant(instant(intro)));
    expect(sendAt(result, 'same')).toBe(formatInstant(instant(same)));
    const call = item(result, 'call');
    expect(call.kind === 'task' && formatInstant(call.expiresAt)).toBe(formatInstant(instant(callExpires)));
    expect(sendAt(result, 'bump')).toBe(formatInstant(instant(bump)));
  });

  it('a Same_Time step after a real send inside the fall-back hour keeps the wall time (earlier instant)', () => {
    // New York: intro actually sent Sat 31 Oct 01:30 EDT; the next day, Sun 1 Nov, 01:30 occurs twice.
    const twoDays = campaign(
      [email('intro', 1, 1, 'At_Time', '01:30'), email('same', 2, 1, 'Same_Time_As_Previous')],
      { skipWeekends: false },
    );
    const result = plan({
      campaign: twoDays,
      timeZone: 'America/New_York',
      launchedAt: instant('2026-10-31T00:00-04:00'),
      progress: { intro: { sentAt: instant('2026-10-31T01:30:40-04:00') } },
    });
    expect(sendAt(result, 'same')).toBe('2026-11-01T05:30:00Z');
  });
});
