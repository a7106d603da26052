import StepComposer from 'c/stepComposer';
import { $, flush as settle, mount, texts, unmountAll, useFakeClock } from '../../../../../test/componentDom';

const NOW = '2026-05-05T17:00:00.000Z';
const EMAIL_ITEM = {
  id: 'a03000000000002AAA',
  status: 'Task_Open',
  type: 'Email',
  day: 1,
  campaignName: 'Q3 outbound',
  personName: 'Linus Lead',
  email: 'linus@example.com',
  subject: 'Quick question, Linus',
  body: '<p>Hi Linus</p>',
  notes: null,
};
const CALL_ITEM = {
  id: 'a03000000000001AAA',
  status: 'Task_Open',
  type: 'Call',
  day: 2,
  campaignName: 'Q3 outbound',
  personName: 'Ada Lovelace',
  phoneText: '· +1 555 0100',
  instructions: 'Ask about the pilot',
};

const flush = () => settle(5);

function createComposer(item) {
  return mount('c-step-composer', StepComposer, { item });
}

function listen(element, name) {
  const handler = jest.fn();
  element.addEventListener(name, handler);
  return handler;
}

async function change(element, selector, value) {
  $(element, selector).dispatchEvent(new CustomEvent('change', { detail: { value } }));
  await flush();
}

async function click(element, selector) {
  $(element, selector).click();
  await flush();
}

describe('c-step-composer', () => {
  beforeEach(() => {
    useFakeClock(NOW);
  });

  afterEach(() => {
    unmountAll();
    jest.useRealTimers();
  });

  it('says how to start when no step is open', () => {
    const element = createComposer(undefined);
    expect($(element, 'section')).toBeNull();
    expect(texts(element, '.no-step')).toEqual(['Open a step from the list to work on it here.']);
  });

  it('shows the prepared email and sends the edited version now', async () => {
    const element = createComposer(EMAIL_ITEM);
    expect(texts(element, '.heading')).toEqual(['Email for Linus Lead · Q3 outbound, Day 1']);
    expect(texts(element, '.status')).toEqual(['Status: To do']);
    expect(texts(element, '.to')).toEqual(['linus@example.com']);
    expect($(element, '[data-id="subject"]').value).toBe('Quick question, Linus');
    expect($(element, '[data-id="body"]').value).toBe('<p>Hi Linus</p>');
    const onSend = listen(element, 'sendnow');
    await change(element, '[data-id="body"]', '<p>Hi Linus, edited</p>');
    await click(element, '[data-id="send-now"]');
    expect(onSend.mock.calls[0][0].detail).toEqual({
      subject: 'Quick question, Linus',
      body: '<p>Hi Linus, edited</p>',
    });
  });

  it('refuses to send an email without subject or body', async () => {
    const element = createComposer(EMAIL_ITEM);
    const onSend = listen(element, 'sendnow');
    await change(element, '[data-id="subject"]', ' ');
    await change(element, '[data-id="body"]', '<p></p>');
    await click(element, '[data-id="send-now"]');
    expect(texts(element, '.problems li')).toEqual(['Enter a subject.', 'Write the email body.']);
    expect(onSend).not.toHaveBeenCalled();
  });

  it('schedules only for a moment in the future', async () => {
    const element = createComposer(EMAIL_ITEM);
    const onSchedule = listen(element, 'schedule');
    await click(element, '[data-id="start-schedule"]');
    await click(element, '[data-id="schedule"]');
    expect(texts(element, '.problems li')).toEqual(['Choose when to send it.']);
    await change(element, '[data-id="scheduled-at"]', '2026-05-05T16:00:00.000Z');
    await click(element, '[data-id="schedule"]');
    expect(texts(element, '.problems li')).toEqual(['Choose a moment in the future.']);
    await change(element, '[data-id="scheduled-at"]', '2026-05-06T16:00:00.000Z');
    await click(element, '[data-id="schedule"]');
    expect(onSchedule.mock.calls[0][0].detail).toEqual({
      subject: 'Quick question, Linus',
      body: '<p>Hi Linus</p>',
      scheduledAt: '2026-05-06T16:00:00.000Z',
    });
  });

  it('opens Gmail and Outlook prefilled, then marks the email as sent', async () => {
    const element = createComposer(EMAIL_ITEM);
    expect($(element, 'a.gmail').href).toBe(
      'https://mail.google.com/mail/?view=cm&fs=1&to=linus%40example.com&su=Quick%20question%2C%20Linus&body=Hi%20Linus',
    );
    expect($(element, 'a.outlook').href).toBe(
      'https://outlook.office.com/mail/deeplink/compose?to=linus%40example.com&subject=Quick%20question%2C%20Linus&body=Hi%20Linus',
    );
    expect($(element, 'a.mailto').href).toBe(
      'mailto:linus%40example.com?subject=Quick%20question%2C%20Linus&body=Hi%20Linus',
    );
    expect($(element, 'a.gmail').target).toBe('_blank');
    expect(texts(element, 'a.gmail')).toEqual(['Open in Gmail (opens in a new tab)']);
    expect(texts(element, 'a.outlook')).toEqual(['Open in Outlook (opens in a new tab)']);
    $(element, 'a.outlook').dispatchEvent(new CustomEvent('click'));
    await flush();
    expect($(element, '[data-id="mark-sent"]').label).toBe('Mark as sent from Outlook');
    const onComplete = listen(element, 'complete');
    await click(element, '[data-id="mark-sent"]');
    expect(onComplete.mock.calls[0][0].detail).toEqual({
      subject: 'Quick question, Linus',
      body: '<p>Hi Linus</p>',
      notes: 'Sent from Outlook.',
    });
  });

  it('completes a call with notes, or skips it', async () => {
    const element = createComposer(CALL_ITEM);
    expect(texts(element, '.instructions')).toEqual(['Ask about the pilot']);
    expect($(element, '[data-id="subject"]')).toBeNull();
    expect($(element, '[data-id="complete"]').label).toBe('Complete the call');
    const onComplete = listen(element, 'complete');
    const onSkip = listen(element, 'skip');
    await change(element, '[data-id="notes"]', 'Booked a demo');
    await click(element, '[data-id="complete"]');
    expect(onComplete.mock.calls[0][0].detail).toEqual({ notes: 'Booked a demo' });
    await click(element, '[data-id="skip"]');
    expect(onSkip).toHaveBeenCalled();
  });

  it('shows an upcoming step read-only', () => {
    const element = createComposer({ ...CALL_ITEM, status: 'Pending' });
    expect(texts(element, '.status')).toEqual([
      'Status: Waiting for an earlier task. It can be worked on once its task opens.',
    ]);
    expect($(element, '[data-id="complete"]').disabled).toBe(true);
    expect($(element, '[data-id="skip"]').disabled).toBe(true);
  });
});
