import CampaignBuilder from 'c/campaignBuilder';
import { getRecord, createRecord, updateRecord, deleteRecord } from 'lightning/uiRecordApi';
import { graphql, refreshGraphQL } from 'lightning/graphql';
import LightningConfirm from 'lightning/confirm';
import { $, flush, mount, unmountAll } from '../../../../../test/componentDom';

const mockGetRecord = require('./data/getRecord.json');
const mockGraphql = require('./data/graphql.json');

const CAMPAIGN_ID = 'a00000000000001AAA';
const INTRO_ID = 'a01000000000001AAA';
const CALL_ID = 'a01000000000002AAA';
const BUMP_ID = 'a01000000000003AAA';

function createBuilder() {
  return mount('c-campaign-builder', CampaignBuilder, { recordId: CAMPAIGN_ID });
}

const $$ = (element, selector) => [...element.shadowRoot.querySelectorAll(selector)];
const text = (node) => node.textContent.replace(/\s+/g, ' ').trim();

async function loaded() {
  const element = createBuilder();
  getRecord.emit(mockGetRecord);
  graphql.emit(mockGraphql);
  await flush();
  return element;
}

describe('c-campaign-builder', () => {
  afterEach(() => {
    unmountAll();
    jest.clearAllMocks();
  });

  it('shows a spinner until the steps arrive', async () => {
    const element = createBuilder();
    await flush();
    expect($(element, 'lightning-spinner').alternativeText).toBe('Loading steps');
    graphql.emit(mockGraphql);
    await flush();
    expect($(element, 'lightning-spinner')).toBeNull();
  });

  it('asks for the campaign steps of this record', async () => {
    createBuilder();
    await flush();
    expect(graphql.getLastConfig().variables).toEqual({ campaignId: CAMPAIGN_ID });
    expect(graphql.getLastConfig().query).toContain('Campaign_Step__c(');
  });

  it('shows an empty state for a campaign without steps', async () => {
    const element = createBuilder();
    graphql.emit({ uiapi: { query: { Campaign_Step__c: { edges: [] } } } });
    await flush();
    expect(text($(element, '.empty'))).toBe(
      'This campaign has no steps yet. Add an email, a call, an InMail or a custom task.',
    );
  });

  it('shows load errors as text', async () => {
    const element = createBuilder();
    graphql.emitErrors([{ message: 'Field Send_Option__c is not accessible' }]);
    getRecord.error({ message: 'Record not available' });
    await flush();
    const panels = $$(element, 'c-error-panel');
    expect(panels.map((p) => p.friendlyMessage)).toEqual([
      'The campaign could not be loaded.',
      'The steps could not be loaded.',
    ]);
    expect(panels[1].errors).toEqual([{ message: 'Field Send_Option__c is not accessible' }]);
  });

  it('lists the steps by day in campaign order with their send option and warnings', async () => {
    const element = await loaded();
    expect(text($(element, '.status'))).toBe('Status: Draft');
    expect($$(element, '.day h3').map(text)).toEqual(['Day 1', 'Day 2', 'Day 3']);
    expect($$(element, '.step-title').map(text)).toEqual([
      '1.1 Email: Quick question, {{{Recipient.FirstName}}}',
      '2.1 Call: Ask about the pilot',
      '3.1 Email: Email',
    ]);
    expect($$(element, '.step-timing').map(text)).toEqual([
      'Create a task; I will send this email myself',
      'Task for the rep, due on this day',
      'Thread this email to the previous email',
    ]);
    expect($$(element, '.step-warning').map(text)).toEqual([
      'Warning: The previous email is a task the rep sends personally. If it is sent from Gmail or Outlook, this follow-up keeps the "Re:" subject and quotes the prepared body, but cannot be threaded to it.',
    ]);
    expect($(element, '.problem-summary')).toBeNull();
  });

  it('flags steps whose send option no longer fits their position', async () => {
    const element = createBuilder();
    const data = JSON.parse(JSON.stringify(mockGraphql));
    data.uiapi.query.Campaign_Step__c.edges[1].node.Day__c.value = 4;
    data.uiapi.query.Campaign_Step__c.edges[1].node.Send_Option__c.value = 'Choose_At_Launch';
    graphql.emit(data);
    await flush();
    expect(text($(element, '.problem-summary'))).toBe('1 step needs attention.');
    expect($$(element, '.step-problem').map(text)).toEqual([
      'Needs attention: "I will choose when to send this email" is not available for a later email step. Choose another option.',
    ]);
  });

  it('hosts the schedule preview and the campaign settings', async () => {
    const element = await loaded();
    const preview = $(element, 'c-schedule-preview');
    expect(preview.settings).toMatchObject({
      skipWeekends: true,
      defaultSendTime: '09:00',
      taskExpiryDays: 2,
    });
    expect(preview.steps.map((s) => s.id)).toEqual([INTRO_ID, CALL_ID, BUMP_ID]);
    expect($(element, 'c-campaign-settings').recordId).toBe(CAMPAIGN_ID);
  });

  it('activates a valid draft campaign', async () => {
    const element = await loaded();
    const button = $(element, '[data-id="activate"]');
    expect(button.label).toBe('Activate campaign');
    expect(button.disabled).toBe(false);
    expect($(element, '.activation-problems')).toBeNull();
    button.click();
    await flush();
    expect(updateRecord).toHaveBeenCalledWith({ fields: { Id: CAMPAIGN_ID, Status__c: 'Active' } });
  });

  it('says why a campaign cannot be activated yet', async () => {
    const element = createBuilder();
    getRecord.emit(mockGetRecord);
    graphql.emit({ uiapi: { query: { Campaign_Step__c: { edges: [] } } } });
    await flush();
    expect($(element, '[data-id="activate"]').disabled).toBe(true);
    expect($$(element, '.activation-problems li').map(text)).toEqual([
      'Before activating: Add at least one step.',
    ]);

    const data = JSON.parse(JSON.stringify(mockGraphql));
    data.uiapi.query.Campaign_Step__c.edges[2].node.Day__c.value = 1;
    data.uiapi.query.Campaign_Step__c.edges[2].node.Type__c.value = 'Call';
    graphql.emit(data);
    await flush();
    expect($$(element, '.activation-problems li').map(text)).toEqual([
      "Before activating: Step 1.1: Day 1, Order 1 is also step 1.1's position",
    ]);
  });

  it('notes that edits only reach unsent steps of a live campaign', async () => {
    const element = createBuilder();
    const record = JSON.parse(JSON.stringify(mockGetRecord));
    record.fields.Status__c.value = 'Active';
    getRecord.emit(record);
    graphql.emit(mockGraphql);
    await flush();
    expect($(element, '[data-id="activate"]')).toBeNull();
    expect(text($(element, '.live-note'))).toBe(
      'People are already in this campaign: changes apply only to the steps not yet sent or tasked for them.',
    );
  });

  it('creates a step with the exact fields', async () => {
    const element = await loaded();
    createRecord.mockResolvedValue({ id: 'a01000000000009AAA' });
    $(element, '[data-id="add-step"]').click();
    await flush();
    const editor = $(element, 'c-campaign-step-editor');
    expect(editor.step).toMatchObject({ id: null, day: 3, order: 2, type: 'Email' });
    editor.dispatchEvent(
      new CustomEvent('save', {
        detail: {
          step: {
            id: null,
            day: 4,
            order: 1,
            type: 'Email',
            sendOption: 'At_Time',
            sendTime: '08:30',
            subject: 'Last try',
            body: '<p>Closing the loop</p>',
            instructions: '',
          },
        },
      }),
    );
    await flush();
    expect(createRecord).toHaveBeenCalledWith({
      apiName: 'Campaign_Step__c',
      fields: {
        Campaign__c: CAMPAIGN_ID,
        Day__c: 4,
        Order__c: 1,
        Type__c: 'Email',
        Send_Option__c: 'At_Time',
        Send_Time__c: '08:30:00.000Z',
        Subject__c: 'Last try',
        Body__c: '<p>Closing the loop</p>',
        Instructions__c: null,
      },
    });
    expect(refreshGraphQL).toHaveBeenCalled();
    expect($(element, 'c-campaign-step-editor')).toBeNull();
  });

  it('updates an edited step and shows a failed save', async () => {
    const element = await loaded();
    $(element, `[data-action="edit"][data-id="${CALL_ID}"]`).click();
    await flush();
    const editor = $(element, 'c-campaign-step-editor');
    expect(editor.step).toMatchObject({ id: CALL_ID, type: 'Call', instructions: 'Ask about the pilot' });
    updateRecord.mockRejectedValueOnce({ body: { message: 'insufficient access rights on object id' } });
    editor.dispatchEvent(
      new CustomEvent('save', { detail: { step: { ...editor.step, instructions: 'Ask about pricing' } } }),
    );
    await flush();
    expect(updateRecord).toHaveBeenCalledWith({
      fields: {
        Id: CALL_ID,
        Day__c: 2,
        Order__c: 1,
        Type__c: 'Call',
        Send_Option__c: null,
        Send_Time__c: null,
        Subject__c: null,
        Body__c: null,
        Instructions__c: 'Ask about pricing',
      },
    });
    const panel = $(element, 'c-error-panel');
    expect(panel.friendlyMessage).toBe('The change was not saved.');
    expect($(element, 'c-campaign-step-editor')).not.toBeNull();
  });

  it('moves a step down into the next day', async () => {
    const element = await loaded();
    $(element, `[data-action="down"][data-id="${CALL_ID}"]`).click();
    await flush();
    expect(updateRecord.mock.calls.map((c) => c[0])).toEqual(
      expect.arrayContaining([
        { fields: { Id: CALL_ID, Day__c: 3, Order__c: 1 } },
        { fields: { Id: BUMP_ID, Day__c: 3, Order__c: 2 } },
      ]),
    );
    expect(updateRecord).toHaveBeenCalledTimes(2);
    expect($(element, `[data-action="up"][data-id="${INTRO_ID}"]`).disabled).toBe(true);
    expect($(element, `[data-action="down"][data-id="${BUMP_ID}"]`).disabled).toBe(true);
  });

  it('deletes a step after confirmation only', async () => {
    const element = await loaded();
    LightningConfirm.open = jest.fn().mockResolvedValueOnce(false).mockResolvedValueOnce(true);
    const button = $(element, `[data-action="delete"][data-id="${BUMP_ID}"]`);
    expect(button.alternativeText).toBe('Delete step 3.1');
    button.click();
    await flush();
    expect(deleteRecord).not.toHaveBeenCalled();
    button.click();
    await flush();
    expect(LightningConfirm.open.mock.calls[1][0].message).toBe(
      'Delete step 3.1 (Email)? People already in this campaign will not get it.',
    );
    expect(deleteRecord).toHaveBeenCalledWith(BUMP_ID);
  });
});
