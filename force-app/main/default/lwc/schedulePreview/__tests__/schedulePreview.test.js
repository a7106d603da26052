import SchedulePreview from 'c/schedulePreview';
import { $, flush as settle, mount, texts, unmountAll } from '../../../../../test/componentDom';

const SETTINGS = {
  skipWeekends: true,
  skipHolidays: true,
  timeZoneMode: 'Sender',
  defaultSendTime: '09:00',
  taskExpiryDays: 2,
  onTaskExpiry: 'Skip_Step',
  endOnReply: true,
};

// DESIGN §5's documented example, with Salesforce ids.
const STEPS = [
  {
    id: 'a01000000000001AAA',
    day: 1,
    order: 1,
    type: 'Email',
    sendOption: 'At_Time',
    sendTime: '08:30',
    subject: 'Quick question, {{{Recipient.FirstName}}}',
    body: '<p>…</p>',
  },
  { id: 'a01000000000002AAA', day: 2, order: 1, type: 'Call', instructions: 'Ask about the pilot' },
  {
    id: 'a01000000000003AAA',
    day: 3,
    order: 1,
    type: 'Email',
    sendOption: 'Thread_Previous',
    subject: '',
    body: '<p>…</p>',
  },
];

const flush = () => settle(5);

function createPreview({ settings = SETTINGS, steps = STEPS } = {}) {
  return mount('c-schedule-preview', SchedulePreview, {
    settings,
    steps,
    sampleLaunch: '2026-04-30T10:00:00.000Z',
  });
}

async function change(element, field, value) {
  $(element, `[data-field="${field}"]`).dispatchEvent(new CustomEvent('change', { detail: { value } }));
  await flush();
}

describe('c-schedule-preview', () => {
  afterEach(() => {
    unmountAll();
  });

  it('previews the documented example with the planning engine', async () => {
    const element = createPreview();
    await change(element, 'timeZone', 'Europe/Paris');
    await change(element, 'holidays', '2026-05-01');
    expect($(element, '[data-field="launch"]').timezone).toBe('Europe/Paris');
    expect(texts(element, '.row-label')).toEqual([
      'Day 1 · step 1.1',
      'Day 2 · step 2.1',
      'Day 3 · step 3.1',
    ]);
    expect(texts(element, '.row-when')).toEqual([
      'Mon, May 4, 2026, 8:30 AM',
      'Due Tue, May 5, 2026, expires at the end of Thu, May 7',
      'Wed, May 6, 2026, 8:30 AM',
    ]);
    expect(texts(element, '.row-what')).toEqual([
      'Email sent automatically: Quick question, {{{Recipient.FirstName}}}',
      'Call task: Ask about the pilot',
      'Email sent automatically as a reply to step 1.1',
    ]);
    expect(texts(element, '.row-after')).toEqual(['Waits until step 2.1 is done.']);
  });

  it('plans in the rep time zone by default and without holidays until some are listed', async () => {
    const element = createPreview();
    await flush();
    expect($(element, '[data-field="timeZone"]').value).toBe('America/Los_Angeles');
    // 03:00 in Los Angeles on Thursday 30 April: 08:30 has not passed, so Day 1 is that day.
    expect(texts(element, '.row-when')[0]).toBe('Thu, Apr 30, 2026, 8:30 AM');
    expect($(element, '[data-field="holidays"]').fieldLevelHelp).toBe(
      "This campaign skips the org's holidays: list sample holidays to see their effect.",
    );
  });

  it('starts a Choose_At_Launch campaign now unless a Send At is given', async () => {
    const steps = [{ ...STEPS[0], sendOption: 'Choose_At_Launch', sendTime: null }];
    const element = createPreview({ steps });
    await change(element, 'timeZone', 'Europe/Paris');
    expect(texts(element, '.row-when')).toEqual(['Thu, Apr 30, 2026, 12:00 PM']);
    expect($(element, '[data-field="sendAt"]').fieldLevelHelp).toBe(
      'The first email is chosen at launch: empty means "start now".',
    );
    await change(element, 'sendAt', '2026-05-02T07:00:00.000Z');
    expect(texts(element, '.row-when')).toEqual(['Sat, May 2, 2026, 9:00 AM']);
  });

  it('shows the engine problems with step positions instead of ids', async () => {
    const steps = [STEPS[0], { ...STEPS[1], day: 1, order: 1 }];
    const element = createPreview({ steps });
    await change(element, 'timeZone', 'Mars/Olympus');
    const problems = texts(element, '.problems li');
    expect(problems).toEqual([
      "Step 1.1: Day 1, Order 1 is also step 1.1's position",
      'Unknown time zone "Mars/Olympus" (expected an IANA name such as Europe/Paris)',
    ]);
    expect($(element, '.schedule')).toBeNull();
    expect($(element, '[data-field="launch"]').timezone).toBe('America/Los_Angeles');
  });

  it('asks for steps when there are none', async () => {
    const element = createPreview({ steps: [] });
    await flush();
    expect(texts(element, '.empty')).toEqual(['Add steps to see the schedule.']);
  });
});
