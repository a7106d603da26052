import CampaignStepEditor from 'c/campaignStepEditor';
import { $, mount, unmountAll } from '../../../../../test/componentDom';
import { FIRST_SET, LATER_SET } from '../../../../../test/sendOptionSets';

const INTRO = {
  id: 'a01000000000001AAA',
  day: 1,
  order: 1,
  type: 'Email',
  sendOption: 'Manual_Task',
  sendTime: null,
  subject: 'Hello',
  body: '<p>Hi</p>',
  instructions: '',
};

function newStep(changes = {}) {
  return {
    id: null,
    day: 1,
    order: 1,
    type: 'Email',
    sendOption: null,
    sendTime: null,
    subject: '',
    body: '',
    instructions: '',
    ...changes,
  };
}

function createEditor({ steps = [], step = newStep() } = {}) {
  return mount('c-campaign-step-editor', CampaignStepEditor, { steps, step });
}

async function change(element, selector, value) {
  $(element, selector).dispatchEvent(new CustomEvent('change', { detail: { value } }));
  await Promise.resolve();
}

describe('c-campaign-step-editor', () => {
  afterEach(() => {
    unmountAll();
    jest.clearAllMocks();
  });

  it('offers the first email step its three options with their labels', () => {
    const element = createEditor();
    const radio = $(element, '[data-field="sendOption"]');
    expect(radio.label).toBe('When is this email sent?');
    expect(radio.options).toEqual(FIRST_SET);
  });

  it('offers a later email step its four options with their labels', () => {
    const element = createEditor({ steps: [INTRO], step: newStep({ day: 2 }) });
    expect($(element, '[data-field="sendOption"]').options).toEqual(LATER_SET);
  });

  it('switches the option set when the day changes', async () => {
    const element = createEditor({ steps: [], step: newStep() });
    await change(element, '[data-field="day"]', '2');
    expect($(element, '[data-field="sendOption"]').options).toEqual(LATER_SET);
  });

  it('shows Send Time only for At_Time', async () => {
    const element = createEditor();
    expect($(element, '[data-field="sendTime"]')).toBeNull();
    await change(element, '[data-field="sendOption"]', 'At_Time');
    const time = $(element, '[data-field="sendTime"]');
    expect(time.label).toBe('Send Time');
    expect(time.required).toBe(true);
  });

  it('warns about Same_Time_As_Previous on Day 1', async () => {
    const call = { id: 'c', day: 1, order: 1, type: 'Call' };
    const element = createEditor({ steps: [call], step: newStep({ order: 2 }) });
    await change(element, '[data-field="sendOption"]', 'Same_Time_As_Previous');
    expect($(element, '.warnings').textContent).toBe(
      'Warning: Not recommended on Day 1: no earlier day has an email, so this email goes at campaign start.',
    );
  });

  it('warns when threading onto a manual email', async () => {
    const element = createEditor({ steps: [INTRO], step: newStep({ day: 2 }) });
    await change(element, '[data-field="sendOption"]', 'Thread_Previous');
    expect($(element, '.warnings').textContent).toContain(
      'If it is sent from Gmail or Outlook, this follow-up keeps the "Re:" subject',
    );
    expect($(element, '[data-field="subject"]').required).toBe(false);
  });

  it('shows every validation message and does not save an invalid step', async () => {
    const element = createEditor();
    const onSave = jest.fn();
    element.addEventListener('save', onSave);
    $(element, '[data-id="save"]').click();
    await Promise.resolve();
    const items = [...element.shadowRoot.querySelectorAll('.problems li')].map((li) => li.textContent);
    expect(items).toEqual(['Choose when this email is sent.', 'Enter a subject.', 'Write the email body.']);
    expect(onSave).not.toHaveBeenCalled();

    await change(element, '[data-field="sendOption"]', 'At_Time');
    await change(element, '[data-field="day"]', '0');
    const again = [...element.shadowRoot.querySelectorAll('.problems li')].map((li) => li.textContent);
    expect(again).toEqual([
      'Day must be a whole number, 1 or more.',
      'Enter the time this email is sent.',
      'Enter a subject.',
      'Write the email body.',
    ]);
  });

  it('reports a send option the position no longer allows', async () => {
    const element = createEditor({
      steps: [INTRO],
      step: newStep({ day: 2, sendOption: 'Choose_At_Launch', subject: 'S', body: '<p>B</p>' }),
    });
    $(element, '[data-id="save"]').click();
    await Promise.resolve();
    expect($(element, '.problems li').textContent).toBe(
      '"I will choose when to send this email" is not available for a later email step. Choose another option.',
    );
  });

  it('inserts merge fields into the subject and the body, then saves the step', async () => {
    const element = createEditor();
    const onSave = jest.fn();
    element.addEventListener('save', onSave);
    await change(element, '[data-field="sendOption"]', 'At_Time');
    await change(element, '[data-field="sendTime"]', '08:30:00.000');
    await change(element, '[data-field="subject"]', 'Quick question,');
    await change(element, '.merge-field', '{{{Recipient.FirstName}}}');
    $(element, '[data-id="insert-subject"]').click();
    await change(element, '[data-field="body"]', '<p>Hello</p>');
    await change(element, '.merge-field', '{{{Sender.Name}}}');
    $(element, '[data-id="insert-body"]').click();
    await Promise.resolve();
    expect($(element, '[data-field="subject"]').value).toBe('Quick question, {{{Recipient.FirstName}}}');
    expect($(element, '[data-field="body"]').value).toBe('<p>Hello {{{Sender.Name}}}</p>');

    $(element, '[data-id="save"]').click();
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave.mock.calls[0][0].detail.step).toEqual({
      id: null,
      day: 1,
      order: 1,
      type: 'Email',
      sendOption: 'At_Time',
      sendTime: '08:30',
      subject: 'Quick question, {{{Recipient.FirstName}}}',
      body: '<p>Hello {{{Sender.Name}}}</p>',
      instructions: '',
    });
  });

  it('edits a call with instructions and no email fields', async () => {
    const element = createEditor({ steps: [INTRO], step: newStep({ day: 2 }) });
    await change(element, '[data-field="type"]', 'Call');
    expect($(element, '[data-field="sendOption"]')).toBeNull();
    expect($(element, '[data-field="subject"]')).toBeNull();
    await change(element, '[data-field="instructions"]', 'Ask about the pilot');
    const onSave = jest.fn();
    element.addEventListener('save', onSave);
    $(element, '[data-id="save"]').click();
    expect(onSave.mock.calls[0][0].detail.step).toMatchObject({
      type: 'Call',
      day: 2,
      instructions: 'Ask about the pilot',
    });
  });

  it('lists the four step types and cancels', () => {
    const element = createEditor();
    expect($(element, '[data-field="type"]').options).toEqual([
      { value: 'Email', label: 'Email' },
      { value: 'Call', label: 'Call' },
      { value: 'InMail', label: 'LinkedIn InMail' },
      { value: 'Custom_Task', label: 'Custom Task' },
    ]);
    const onCancel = jest.fn();
    element.addEventListener('cancel', onCancel);
    $(element, '[data-id="cancel"]').click();
    expect(onCancel).toHaveBeenCalled();
  });
});
