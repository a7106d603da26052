// Email send options (DESIGN §2.2) and campaign order (§2.1). Europe/Paris, +02:00 in May 2026:
// Mon 4 … Fri 8, Sat 9, Sun 10, Mon 11 …
import { describe, expect, it } from 'vitest';
import {
  emailSent,
  taskCompleted,
  stepSkipped,
  type CampaignStep,
  type PlanInput,
} from '../../src/domain/index.ts';
import { campaign, email, instant, item, plan, sendAt, task, utc } from './planFixtures.ts';

const mondayMorning = instant('2026-05-04T07:00+02:00');
const fridayMorning = instant('2026-05-08T07:00+02:00');

describe('At_Time on later steps', () => {
  const cases: Array<
    [name: string, launch: number, skipWeekends: boolean, holidays: string[], expected: string]
  > = [
    ['a weekday', mondayMorning, true, [], '2026-05-05T16:00+02:00'],
    ['Day 2 after a Friday, weekends skipped: Monday', fridayMorning, true, [], '2026-05-11T16:00+02:00'],
    ['Day 2 after a Friday, weekends count: Saturday', fridayMorning, false, [], '2026-05-09T16:00+02:00'],
    [
      'Day 2 on a holiday moves to the next campaign day',
      mondayMorning,
      true,
      ['2026-05-05'],
      '2026-05-06T16:00+02:00',
    ],
    [
      'holiday on a Saturday with weekends counting',
      fridayMorning,
      false,
      ['2026-05-09'],
      '2026-05-10T16:00+02:00',
    ],
  ];
  it.each(cases)('%s', (_name, launchedAt, skipWeekends, holidays, expected) => {
    const steps = [email('intro', 1, 1, 'At_Time', '08:30'), email('later', 2, 1, 'At_Time', '16:00')];
    expect(sendAt(plan({ campaign: campaign(steps, { skipWeekends }), holidays, launchedAt }), 'later')).toBe(
      utc(expected),
    );
  });
});

describe('Same_Time_As_Previous', () => {
  const cases: Array<{
    name: string;
    steps: CampaignStep[];
    launch?: number;
    skipWeekends?: boolean;
    stepId: string;
    expected: string;
  }> = [
    {
      name: "takes the previous day's email time",
      steps: [email('intro', 1, 1, 'At_Time', '08:30'), email('same', 2, 1, 'Same_Time_As_Previous')],
      stepId: 'same',
      expected: '2026-05-05T08:30+02:00',
    },
    {
      name: 'on its own day: after a Friday Day 1, Monday when skipping weekends',
      steps: [email('intro', 1, 1, 'At_Time', '08:30'), email('same', 2, 1, 'Same_Time_As_Previous')],
      launch: fridayMorning,
      stepId: 'same',
      expected: '2026-05-11T08:30+02:00',
    },
    {
      name: 'on its own day: Saturday when weekends count',
      steps: [email('intro', 1, 1, 'At_Time', '08:30'), email('same', 2, 1, 'Same_Time_As_Previous')],
      launch: fridayMorning,
      skipWeekends: false,
      stepId: 'same',
      expected: '2026-05-09T08:30+02:00',
    },
    {
      name: 'looks back past days without an email',
      steps: [
        email('intro', 1, 1, 'At_Time', '08:30'),
        task('call', 2, 1),
        email('same', 4, 1, 'Same_Time_As_Previous'),
      ],
      stepId: 'same',
      expected: '2026-05-07T08:30+02:00',
    },
    {
      name: 'uses the last email of the most recent earlier day',
      steps: [
        email('intro', 1, 1, 'At_Time', '08:30'),
        email('noon', 2, 1, 'At_Time', '12:00'),
        email('late', 2, 2, 'At_Time', '17:15'),
        email('same', 3, 1, 'Same_Time_As_Previous'),
      ],
      stepId: 'same',
      expected: '2026-05-06T17:15+02:00',
    },
    {
      name: 'two emails of the same day do not pair: it uses the previous day, then campaign order holds',
      steps: [
        email('intro', 1, 1, 'At_Time', '08:30'),
        email('afternoon', 2, 1, 'At_Time', '14:00'),
        email('same', 2, 2, 'Same_Time_As_Previous'),
      ],
      stepId: 'same',
      // 08:30 from Day 1 is before the 14:00 email ahead of it, so it takes 14:00.
      expected: '2026-05-05T14:00+02:00',
    },
    {
      name: 'same day, previous day later: the previous day wins',
      steps: [
        email('intro', 1, 1, 'At_Time', '16:00'),
        email('morning', 2, 1, 'At_Time', '08:00'),
        email('same', 2, 2, 'Same_Time_As_Previous'),
      ],
      stepId: 'same',
      expected: '2026-05-05T16:00+02:00',
    },
    {
      name: 'no earlier email, Day 1: campaign start',
      steps: [task('call', 1, 1), email('same', 1, 2, 'Same_Time_As_Previous')],
      launch: instant('2026-05-04T10:17:42+02:00'),
      stepId: 'same',
      expected: '2026-05-04T10:17:42+02:00',
    },
    {
      name: "no earlier email, Day 1 after a weekend launch: campaign start's time of day on Day 1 (not the Saturday)",
      steps: [task('call', 1, 1), email('same', 1, 2, 'Same_Time_As_Previous')],
      launch: instant('2026-05-09T10:17:42+02:00'),
      stepId: 'same',
      expected: '2026-05-11T10:17+02:00',
    },
    {
      name: 'no earlier email, later day: Default Send Time',
      steps: [task('call', 1, 1), email('same', 2, 1, 'Same_Time_As_Previous')],
      stepId: 'same',
      expected: '2026-05-05T09:00+02:00',
    },
    {
      name: 'a pending Manual_Task email projects the Default Send Time',
      steps: [
        email('intro', 1, 1, 'At_Time', '08:30'),
        email('manual', 2, 1, 'Manual_Task'),
        email('same', 3, 1, 'Same_Time_As_Previous'),
      ],
      stepId: 'same',
      expected: '2026-05-06T09:00+02:00',
    },
  ];
  it.each(cases)('$name', ({ steps, launch, skipWeekends, stepId, expected }) => {
    const result = plan({
      campaign: campaign(steps, { skipWeekends: skipWeekends ?? true }),
      launchedAt: launch ?? mondayMorning,
    });
    expect(sendAt(result, stepId)).toBe(utc(expected));
  });

  it("takes the real send time (minutes, not seconds) once the previous day's email went out", () => {
    const input: PlanInput = {
      campaign: campaign([
        email('intro', 1, 1, 'At_Time', '08:30'),
        email('same', 2, 1, 'Same_Time_As_Previous'),
      ]),
      timeZone: 'Europe/Paris',
      launchedAt: mondayMorning,
    };
    const { plan: replanned } = emailSent(input, 'intro', instant('2026-05-04T08:47:59+02:00'));
    expect(sendAt(replanned, 'intro')).toBe(utc('2026-05-04T08:47:59+02:00'));
    expect(item(replanned, 'intro').state).toBe('sent');
    expect(sendAt(replanned, 'same')).toBe(utc('2026-05-05T08:47+02:00'));
  });

  it('re-plans from the real time of a Manual_Task email once it is sent', () => {
    const steps = [
      email('intro', 1, 1, 'At_Time', '08:30'),
      email('manual', 2, 1, 'Manual_Task'),
      email('same', 3, 1, 'Same_Time_As_Previous'),
    ];
    const input: PlanInput = {
      campaign: campaign(steps),
      timeZone: 'Europe/Paris',
      launchedAt: mondayMorning,
    };
    const { plan: replanned } = taskCompleted(input, 'manual', instant('2026-05-05T16:20+02:00'));
    expect(sendAt(replanned, 'same')).toBe(utc('2026-05-06T16:20+02:00'));
  });

  it('keeps wall-clock time across a DST change (New York, 8 March 2026)', () => {
    // Fri 6 Mar 09:00 EST (−05:00), Day 2 Sat 7, Day 3 Sun 8 09:00 EDT (−04:00), weekends counting.
    const steps = [email('intro', 1, 1, 'At_Time', '09:00'), email('same', 3, 1, 'Same_Time_As_Previous')];
    const result = plan({
      campaign: campaign(steps, { skipWeekends: false }),
      timeZone: 'America/New_York',
      launchedAt: instant('2026-03-06T07:00-05:00'),
    });
    expect(sendAt(result, 'intro')).toBe('2026-03-06T14:00:00Z');
    expect(sendAt(result, 'same')).toBe('2026-03-08T13:00:00Z');
  });
});

describe('Thread_Previous', () => {
  it('threads to the nearest earlier email and times like Same_Time_As_Previous', () => {
    const steps = [email('intro', 1, 1, 'At_Time', '08:30'), email('bump', 3, 1, 'Thread_Previous')];
    const result = plan({ campaign: campaign(steps), launchedAt: mondayMorning });
    expect(item(result, 'bump')).toMatchObject({ threadOf: 'intro', date: '2026-05-06' });
    expect(sendAt(result, 'bump')).toBe(utc('2026-05-06T08:30+02:00'));
  });

  it('can thread to an email of the same day, keeping campaign order', () => {
    const steps = [
      email('intro', 1, 1, 'At_Time', '08:30'),
      email('ten', 2, 1, 'At_Time', '10:00'),
      email('bump', 2, 2, 'Thread_Previous'),
    ];
    const result = plan({ campaign: campaign(steps), launchedAt: mondayMorning });
    expect(item(result, 'bump').threadOf).toBe('ten');
    expect(sendAt(result, 'bump')).toBe(utc('2026-05-05T10:00+02:00'));
  });

  it('skips a Manual_Task email not sent yet, then threads onto it once it is', () => {
    const steps = [
      email('intro', 1, 1, 'At_Time', '08:30'),
      email('manual', 2, 1, 'Manual_Task'),
      email('bump', 3, 1, 'Thread_Previous'),
    ];
    const input: PlanInput = {
      campaign: campaign(steps),
      timeZone: 'Europe/Paris',
      launchedAt: mondayMorning,
    };
    const before = plan(input);
    expect(item(before, 'bump')).toMatchObject({ threadOf: 'intro', dependsOn: 'manual', state: 'waiting' });
    expect(sendAt(before, 'bump')).toBe(utc('2026-05-06T09:00+02:00'));
    const { plan: after } = taskCompleted(input, 'manual', instant('2026-05-05T11:05+02:00'));
    expect(item(after, 'bump')).toMatchObject({ threadOf: 'manual', dependsOn: null, state: 'scheduled' });
    expect(sendAt(after, 'bump')).toBe(utc('2026-05-06T11:05+02:00'));
  });

  it('goes as a new message when no earlier email was sent', () => {
    const steps = [task('call', 1, 1), email('bump', 2, 1, 'Thread_Previous')];
    expect(item(plan({ campaign: campaign(steps), launchedAt: mondayMorning }), 'bump').threadOf).toBeNull();
  });

  it('does not thread onto a skipped email', () => {
    const steps = [
      email('intro', 1, 1, 'At_Time', '08:30'),
      email('second', 2, 1, 'At_Time', '08:30'),
      email('bump', 3, 1, 'Thread_Previous'),
    ];
    const input: PlanInput = {
      campaign: campaign(steps),
      timeZone: 'Europe/Paris',
      launchedAt: mondayMorning,
    };
    const { plan: result } = stepSkipped(input, 'second', instant('2026-05-05T08:00+02:00'));
    expect(item(result, 'second').state).toBe('skipped');
    expect(item(result, 'bump').threadOf).toBe('intro');
  });
});

describe('campaign order overrides a computed moment', () => {
  const cases: Array<{
    name: string;
    steps: CampaignStep[];
    chosen?: string;
    stepId: string;
    expected: string;
  }> = [
    {
      name: 'a Day 1 At_Time earlier than the first email',
      steps: [email('intro', 1, 1, 'At_Time', '15:00'), email('second', 1, 2, 'At_Time', '10:00')],
      stepId: 'second',
      expected: '2026-05-04T15:00+02:00',
    },
    {
      name: 'a Day 1 At_Time earlier than a chosen Send At',
      steps: [email('intro', 1, 1, 'Choose_At_Launch'), email('second', 1, 2, 'At_Time', '10:00')],
      chosen: '2026-05-04T16:45+02:00',
      stepId: 'second',
      expected: '2026-05-04T16:45+02:00',
    },
    {
      name: 'an At_Time later than the step ahead keeps its own time',
      steps: [email('intro', 1, 1, 'At_Time', '08:30'), email('second', 1, 2, 'At_Time', '10:00')],
      stepId: 'second',
      expected: '2026-05-04T10:00+02:00',
    },
  ];
  it.each(cases)('$name', ({ steps, chosen, stepId, expected }) => {
    const result = plan({
      campaign: campaign(steps),
      launchedAt: mondayMorning,
      sendAt: chosen === undefined ? null : instant(chosen),
    });
    expect(sendAt(result, stepId)).toBe(utc(expected));
  });
});

describe('send times in DST gaps and overlaps', () => {
  it('an At_Time inside the spring-forward gap goes the gap length later; inside the overlap, the earlier instant', () => {
    // New York, weekends counting: Day 1 Sat 7 Mar, Day 2 Sun 8 Mar (02:00 → 03:00).
    const steps = [email('intro', 1, 1, 'At_Time', '02:30'), email('gap', 2, 1, 'At_Time', '02:30')];
    const spring = plan({
      campaign: campaign(steps, { skipWeekends: false }),
      timeZone: 'America/New_York',
      launchedAt: instant('2026-03-07T00:00-05:00'),
    });
    expect(sendAt(spring, 'intro')).toBe('2026-03-07T07:30:00Z');
    expect(sendAt(spring, 'gap')).toBe('2026-03-08T07:30:00Z'); // 03:30 EDT
    // Day 1 Sat 31 Oct, Day 2 Sun 1 Nov (02:00 EDT → 01:00 EST): 01:30 happens twice.
    const fallSteps = [email('intro', 1, 1, 'At_Time', '01:30'), email('overlap', 2, 1, 'At_Time', '01:30')];
    const fall = plan({
      campaign: campaign(fallSteps, { skipWeekends: false }),
      timeZone: 'America/New_York',
      launchedAt: instant('2026-10-31T00:00-04:00'),
    });
    expect(sendAt(fall, 'overlap')).toBe('2026-11-01T05:30:00Z'); // 01:30 EDT
  });
});
