// Campaign validation and the send-option rules (DESIGN §2.2).
import { describe, expect, it } from 'vitest';
import {
  FIRST_EMAIL_SEND_OPTIONS,
  LATER_EMAIL_SEND_OPTIONS,
  PlanError,
  checkPlanInput,
  planEnrollment,
  sendOptionsFor,
  validateCampaign,
  type Campaign,
  type CampaignStep,
} from '../../src/domain/index.ts';
import { campaign, email, instant, task } from './planFixtures.ts';

describe('send options', () => {
  it('offers the first email step the launch options, with the labels of DESIGN §2.2', () => {
    expect(FIRST_EMAIL_SEND_OPTIONS).toEqual([
      { value: 'Choose_At_Launch', label: 'I will choose when to send this email' },
      { value: 'At_Time', label: 'Send this email at the following time' },
      { value: 'Manual_Task', label: 'Create a task; I will send this email myself' },
    ]);
  });

  it('offers every later email step the follow-up options', () => {
    expect(LATER_EMAIL_SEND_OPTIONS).toEqual([
      {
        value: 'Same_Time_As_Previous',
        label: 'Send this email at the same time as the previous email in this campaign',
      },
      { value: 'At_Time', label: 'Send this email at the following time' },
      { value: 'Manual_Task', label: 'Create a task; I will send this email myself' },
      { value: 'Thread_Previous', label: 'Thread this email to the previous email' },
    ]);
  });

  it('the first email step is the first step of Day 1 only when it is an email', () => {
    const emailFirst = [email('intro', 1, 1, 'At_Time', '08:30'), email('second', 1, 2, 'At_Time', '09:00')];
    expect(sendOptionsFor(emailFirst[0]!, emailFirst)).toBe(FIRST_EMAIL_SEND_OPTIONS);
    expect(sendOptionsFor(emailFirst[1]!, emailFirst)).toBe(LATER_EMAIL_SEND_OPTIONS);
    const callFirst = [task('call', 1, 1), email('intro', 1, 2, 'At_Time', '08:30')];
    expect(sendOptionsFor(callFirst[1]!, callFirst)).toBe(LATER_EMAIL_SEND_OPTIONS);
    const dayTwoOnly = [email('intro', 2, 1, 'At_Time', '08:30')];
    expect(sendOptionsFor(dayTwoOnly[0]!, dayTwoOnly)).toBe(LATER_EMAIL_SEND_OPTIONS);
  });
});

describe('validateCampaign', () => {
  const cases: Array<
    [name: string, steps: CampaignStep[], expected: Array<[code: string, message: string]>]
  > = [
    [
      'a valid campaign',
      [email('intro', 1, 1, 'At_Time', '08:30'), task('call', 2, 1), email('bump', 3, 1, 'Thread_Previous')],
      [],
    ],
    ['no steps', [], [['CAMPAIGN.NO_STEPS', 'The campaign has no steps']]],
    [
      'At_Time without Send Time',
      [email('intro', 1, 1, 'At_Time')],
      [['CAMPAIGN.MISSING_SEND_TIME', 'Step intro: Send_Time__c is required for At_Time']],
    ],
    [
      'a Send Time that is not a time',
      [email('intro', 1, 1, 'At_Time', '8.30am')],
      [['CAMPAIGN.INVALID_SEND_TIME', 'Step intro: Send_Time__c "8.30am" is not a time of day (HH:mm)']],
    ],
    [
      'a first email with a follow-up option',
      [email('intro', 1, 1, 'Same_Time_As_Previous')],
      [
        [
          'CAMPAIGN.OPTION_NOT_FOR_FIRST_EMAIL',
          'Step intro: Same_Time_As_Previous is not available for the first email step (it has no previous email)',
        ],
      ],
    ],
    [
      'a later email with Choose_At_Launch',
      [email('intro', 1, 1, 'At_Time', '08:30'), email('later', 2, 1, 'Choose_At_Launch')],
      [
        [
          'CAMPAIGN.OPTION_ONLY_FOR_FIRST_EMAIL',
          'Step later: Choose_At_Launch is only available for the first email step (the first step of Day 1)',
        ],
      ],
    ],
    [
      'Day 0',
      [task('call', 0, 1)],
      [['CAMPAIGN.INVALID_DAY', 'Step call: Day__c must be a whole number from 1, got 0']],
    ],
    [
      'Day 1.5',
      [task('call', 1.5, 1)],
      [['CAMPAIGN.INVALID_DAY', 'Step call: Day__c must be a whole number from 1, got 1.5']],
    ],
    [
      'duplicate ids',
      [task('call', 1, 1), task('call', 2, 1)],
      [['CAMPAIGN.DUPLICATE_STEP_ID', 'Step call: the id is used by another step']],
    ],
    [
      'two steps in one position',
      [task('a', 1, 1), task('b', 1, 1)],
      [['CAMPAIGN.DUPLICATE_POSITION', "Step b: Day 1, Order 1 is also step a's position"]],
    ],
    [
      'an unknown type',
      [{ id: 'fax', day: 1, order: 1, type: 'Fax' as 'Call' }],
      [
        [
          'CAMPAIGN.UNKNOWN_STEP_TYPE',
          'Step fax: unknown Type__c "Fax" (expected Email, Call, InMail, Custom_Task)',
        ],
      ],
    ],
    [
      'an unknown send option',
      [{ id: 'intro', day: 1, order: 1, type: 'Email', sendOption: 'Whenever' as 'At_Time' }],
      [
        [
          'CAMPAIGN.UNKNOWN_SEND_OPTION',
          'Step intro: unknown Send_Option__c "Whenever" (expected Choose_At_Launch, At_Time, Manual_Task, Same_Time_As_Previous, Thread_Previous)',
        ],
      ],
    ],
    [
      'an email without an option',
      [{ id: 'intro', day: 1, order: 1, type: 'Email' }],
      [['CAMPAIGN.MISSING_SEND_OPTION', 'Step intro: Send_Option__c is required for an email']],
    ],
  ];
  it.each(cases)('%s', (_name, steps, expected) => {
    expect(validateCampaign(campaign(steps)).map((found) => [found.code, found.message])).toEqual(expected);
  });

  it('checks the settings', () => {
    const bad: Campaign = {
      steps: [task('call', 1, 1)],
      defaultSendTime: '9am',
      taskExpiryDays: -1,
      onTaskExpiry: 'Panic' as 'Skip_Step',
    };
    expect(validateCampaign(bad).map((found) => found.code)).toEqual([
      'CAMPAIGN.INVALID_DEFAULT_SEND_TIME',
      'CAMPAIGN.INVALID_TASK_EXPIRY',
      'CAMPAIGN.UNKNOWN_ON_TASK_EXPIRY',
    ]);
  });
});

describe('checkPlanInput and planEnrollment errors', () => {
  const chooseFirst = campaign([email('intro', 1, 1, 'Choose_At_Launch'), task('call', 2, 1)]);
  const launchedAt = instant('2026-05-04T07:00+02:00');

  it.each([
    [
      'Choose_At_Launch without Send At',
      { campaign: chooseFirst, timeZone: 'Europe/Paris', launchedAt },
      'PLAN.MISSING_SEND_AT',
      'Step intro: Send At is required at launch for Choose_At_Launch',
    ],
    [
      'an unknown time zone',
      { campaign: chooseFirst, timeZone: 'Europe/Pariss', launchedAt, sendAt: launchedAt },
      'PLAN.UNKNOWN_TIME_ZONE',
      'Unknown time zone "Europe/Pariss" (expected an IANA name such as Europe/Paris)',
    ],
    [
      'a completion on an automatic email',
      {
        campaign: chooseFirst,
        timeZone: 'Europe/Paris',
        launchedAt,
        sendAt: launchedAt,
        progress: { intro: { completedAt: launchedAt } },
      },
      'PLAN.NOT_A_TASK',
      'Step intro: completedAt given, but the step is not a task (it is an automatic email)',
    ],
    [
      'a fact about an unknown step',
      {
        campaign: chooseFirst,
        timeZone: 'Europe/Paris',
        launchedAt,
        sendAt: launchedAt,
        progress: { demo: { completedAt: launchedAt } },
      },
      'PLAN.UNKNOWN_STEP',
      'Step demo: no such step in the campaign',
    ],
    [
      'a sentAt on a call',
      {
        campaign: chooseFirst,
        timeZone: 'Europe/Paris',
        launchedAt,
        sendAt: launchedAt,
        progress: { call: { sentAt: launchedAt } },
      },
      'PLAN.NOT_AN_EMAIL',
      'Step call: sentAt given, but the step is a Call, not an email',
    ],
    [
      'a bad holiday',
      {
        campaign: chooseFirst,
        timeZone: 'Europe/Paris',
        launchedAt,
        sendAt: launchedAt,
        holidays: ['1 May'],
      },
      'PLAN.INVALID_HOLIDAY',
      'Holiday "1 May" is not a date (YYYY-MM-DD)',
    ],
    [
      'a resume before its pause',
      {
        campaign: chooseFirst,
        timeZone: 'Europe/Paris',
        launchedAt,
        sendAt: launchedAt,
        pauses: [{ pausedAt: launchedAt, resumedAt: launchedAt - 1 }],
      },
      'PLAN.INVALID_PAUSE',
      'Pause 1: resumed before it was paused',
    ],
  ])('%s', (_name, input, code, message) => {
    expect(checkPlanInput(input)).toEqual([expect.objectContaining({ code, message })]);
    expect(() => planEnrollment(input)).toThrow(PlanError);
    try {
      planEnrollment(input);
    } catch (error) {
      expect((error as PlanError).code).toBe(code);
    }
  });
});
