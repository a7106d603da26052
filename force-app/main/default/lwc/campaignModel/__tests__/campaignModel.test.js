import { fromTimeField, moveStep, stepFields, toEngineCampaign, toTimeField } from 'c/campaignModel';

const step = (id, day, order, type = 'Call') => ({ id, day, order, type });

describe('c-campaign-model', () => {
  it('reads and writes Time fields whose Z is not UTC', () => {
    expect(fromTimeField('09:00:00.000Z')).toBe('09:00');
    expect(fromTimeField('17:45:00.000')).toBe('17:45');
    expect(fromTimeField(null)).toBeNull();
    expect(toTimeField('08:30')).toBe('08:30:00.000Z');
    expect(toTimeField('')).toBeNull();
  });

  it('clears the fields that do not apply to the step type', () => {
    expect(
      stepFields({
        day: 2,
        order: 1,
        type: 'Call',
        sendOption: 'At_Time',
        subject: 'x',
        instructions: 'Ring',
      }),
    ).toEqual({
      Day__c: 2,
      Order__c: 1,
      Type__c: 'Call',
      Send_Option__c: null,
      Send_Time__c: null,
      Subject__c: null,
      Body__c: null,
      Instructions__c: 'Ring',
    });
    expect(
      stepFields({
        day: 1,
        order: 1,
        type: 'Email',
        sendOption: 'Manual_Task',
        sendTime: '08:00',
        subject: 'S',
        body: '<p>B</p>',
      }),
    ).toEqual({
      Day__c: 1,
      Order__c: 1,
      Type__c: 'Email',
      Send_Option__c: 'Manual_Task',
      Send_Time__c: null,
      Subject__c: 'S',
      Body__c: '<p>B</p>',
      Instructions__c: null,
    });
  });

  it.each([
    [
      'swaps within a day',
      'b',
      -1,
      [
        { id: 'b', day: 1, order: 1 },
        { id: 'a', day: 1, order: 2 },
      ],
    ],
    [
      'moves the first step of a day to the end of the previous day',
      'c',
      -1,
      [{ id: 'c', day: 1, order: 3 }],
    ],
    [
      'moves the last step of a day to the start of the next day',
      'b',
      1,
      [
        { id: 'b', day: 2, order: 1 },
        { id: 'c', day: 2, order: 2 },
      ],
    ],
    ['does not move the first step of Day 1 up', 'a', -1, []],
    ['moves the last step to a new day', 'c', 1, [{ id: 'c', day: 3, order: 1 }]],
  ])('moveStep %s', (_name, id, direction, expected) => {
    const steps = [step('a', 1, 1), step('b', 1, 2), step('c', 2, 1)];
    const sortById = (list) => [...list].sort((x, y) => x.id.localeCompare(y.id));
    expect(sortById(moveStep(steps, id, direction))).toEqual(sortById(expected));
  });

  it('builds the planning engine campaign of DESIGN §5', () => {
    const settings = {
      skipWeekends: true,
      skipHolidays: true,
      defaultSendTime: '09:00',
      taskExpiryDays: 2,
      onTaskExpiry: 'Skip_Step',
    };
    const steps = [
      { id: 'call', day: 2, order: 1, type: 'Call', instructions: 'Ring' },
      {
        id: 'intro',
        day: 1,
        order: 1,
        type: 'Email',
        sendOption: 'At_Time',
        sendTime: '08:30',
        subject: 'Quick question, {{{Recipient.FirstName}}}',
        body: '<p>…</p>',
      },
    ];
    expect(toEngineCampaign(settings, steps, { timeZone: 'Europe/Paris', holidays: ['2026-05-01'] })).toEqual(
      {
        timeZone: 'Europe/Paris',
        skipWeekends: true,
        holidays: ['2026-05-01'],
        defaultSendTime: '09:00',
        taskExpiryDays: 2,
        onTaskExpiry: 'Skip_Step',
        steps: [
          {
            id: 'intro',
            day: 1,
            order: 1,
            type: 'Email',
            sendOption: 'At_Time',
            sendTime: '08:30',
            subject: 'Quick question, {{{Recipient.FirstName}}}',
            body: '<p>…</p>',
          },
          { id: 'call', day: 2, order: 1, type: 'Call' },
        ],
      },
    );
  });
});
