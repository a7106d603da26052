import AddToCampaign from 'c/addToCampaign';
import { getRecord, createRecord } from 'lightning/uiRecordApi';
import { graphql } from 'lightning/graphql';
import { $, flush as settle, mount, texts, unmountAll, useFakeClock } from '../../../../../test/componentDom';

const mockCampaign = require('./data/graphqlCampaign.json');
const mockContacts = require('./data/graphqlContacts.json');
const mockLeads = require('./data/graphqlLeads.json');
const mockUser = require('./data/getRecord.json');

const CAMPAIGN_ID = 'a00000000000001AAA';
const ADA = '003000000000001AAA';
const CHARLES = '003000000000002AAA';
const BOB = '00Q000000000001AAA';
const LINUS = '00Q000000000002AAA';
const USER_ID = '005000000000000000';
// Thursday 30 April 2026, 03:00 in Los Angeles (the rep's time zone in these tests).
const NOW = '2026-04-30T10:00:00.000Z';

const flush = () => settle(12);

const isQuery = (name) => (config) => typeof config.query === 'string' && config.query.includes(name);
const configOf = (name) => [...graphql._wireInstances].map((w) => w.getConfig()).find(isQuery(name));
const emitCampaign = (data = mockCampaign) => graphql.emit(data, isQuery('campaignToLaunch'));
const emitContacts = (data = mockContacts) => graphql.emit(data, isQuery('contactsToAdd'));
const emitLeads = (data = mockLeads) => graphql.emit(data, isQuery('leadsToAdd'));

function campaignWith(changeSteps, changeCampaign = () => {}) {
  const data = JSON.parse(JSON.stringify(mockCampaign));
  changeSteps(data.uiapi.query.Campaign_Step__c.edges.map((e) => e.node));
  changeCampaign(data.uiapi.query.Sales_Campaign__c.edges[0].node);
  return data;
}

function create(props) {
  return mount('c-add-to-campaign', AddToCampaign, props);
}

async function change(element, selector, detail) {
  $(element, selector).dispatchEvent(new CustomEvent('change', { detail }));
  await flush();
}

async function click(element, selector) {
  $(element, selector).click();
  await flush();
}

describe('c-add-to-campaign', () => {
  beforeEach(() => {
    useFakeClock(NOW);
  });

  afterEach(() => {
    unmountAll();
    jest.clearAllMocks();
    jest.useRealTimers();
    createRecord.mockReset();
    createRecord.mockResolvedValue({});
  });

  describe('as the quick action of a contact', () => {
    async function opened() {
      const element = create({ recordId: ADA, objectApiName: 'Contact' });
      getRecord.emit(mockUser);
      await flush();
      await change(element, '[data-id="campaign-picker"]', { recordId: CAMPAIGN_ID });
      emitCampaign();
      await flush();
      emitContacts({
        uiapi: {
          query: {
            Contact: { edges: [mockContacts.uiapi.query.Contact.edges[0]] },
            Campaign_Enrollment__c: { edges: [] },
          },
        },
      });
      await flush();
      return element;
    }

    it('asks for a campaign first and queries nothing before', async () => {
      const element = create({ recordId: ADA, objectApiName: 'Contact' });
      await flush();
      const picker = $(element, '[data-id="campaign-picker"]');
      expect(picker.label).toBe('Campaign');
      expect(picker.objectApiName).toBe('Sales_Campaign__c');
      expect(picker.filter).toEqual({
        criteria: [{ fieldPath: 'Status__c', operator: 'in', value: ['Active', 'Paused'] }],
      });
      expect($(element, '[data-id="person-picker"]')).toBeNull();
      await click(element, '[data-id="launch"]');
      expect(texts(element, '.problems li')).toEqual(['Choose a campaign.']);
      expect(createRecord).not.toHaveBeenCalled();
    });

    it('loads the person and existing enrollments for the chosen campaign', async () => {
      const element = await opened();
      const contactConfig = graphql.getLastConfig();
      expect(texts(element, '.campaign-status')).toEqual(['Q3 outbound · Status: Active']);
      expect(texts(element, '.person-name')).toEqual(['Ada Lovelace (Contact)']);
      expect(texts(element, '.person-status')).toEqual(['Will be added']);
      expect(texts(element, '.people-summary')).toEqual(['1 of 1 will be added.']);
      expect(contactConfig).toBeDefined();
    });

    it('previews the first email rendered for the person', async () => {
      const element = await opened();
      expect(texts(element, 'h3')).toContain('First email, as Ada Lovelace <ada@example.com> gets it');
      expect(texts(element, '.preview-subject')).toEqual(['Quick question, Ada']);
      expect($(element, '.preview-body').value).toBe(
        '<p>Hi Ada, how is Analytical Engines doing? Grace Hopper</p>',
      );
      expect($(element, '.preview-problems')).toBeNull();
    });

    it('prefills Send At from the At_Time step and creates the enrollment', async () => {
      const element = await opened();
      expect($(element, '[data-id="send-mode"]')).toBeNull();
      const sendAt = $(element, '[data-id="send-at"]');
      expect(sendAt.label).toBe('Send At');
      // 08:30 in Los Angeles on Thursday 30 April: the engine's plan for a launch now.
      expect(sendAt.value).toBe('2026-04-30T15:30:00.000Z');
      expect($(element, '[data-id="launch"]').label).toBe('Add 1 person');

      await click(element, '[data-id="launch"]');
      expect(createRecord).toHaveBeenCalledTimes(1);
      expect(createRecord).toHaveBeenCalledWith({
        apiName: 'Campaign_Enrollment__c',
        fields: {
          Campaign__c: CAMPAIGN_ID,
          Contact__c: ADA,
          Lead__c: null,
          Status__c: 'Scheduled',
          Launched_At__c: NOW,
          Send_At__c: '2026-04-30T15:30:00.000Z',
          Unique_Key__c: `${CAMPAIGN_ID}:${ADA}`,
          OwnerId: USER_ID,
        },
      });
      expect(texts(element, '.result-headline')).toEqual(['1 person added to Q3 outbound.']);
      expect(texts(element, '.result-line')).toEqual(['Added: Ada Lovelace.']);

      const onClose = jest.fn();
      element.addEventListener('lightning__closeactionscreen', onClose);
      await click(element, '[data-id="done"]');
      expect(onClose).toHaveBeenCalled();
    });

    it("keeps each recipient's own send time when the campaign reads times in the recipient's zone", async () => {
      const element = create({ recordIds: [ADA], campaignId: CAMPAIGN_ID });
      await flush();
      getRecord.emit(mockUser);
      emitCampaign(
        campaignWith(
          () => {},
          (c) => {
            c.Time_Zone_Mode__c.value = 'Recipient';
          },
        ),
      );
      await flush();
      emitContacts();
      await flush();
      const modes = $(element, '[data-id="send-mode"]');
      expect(modes.options).toEqual([
        { value: 'now', label: "At the step's send time, in each person's time zone" },
        { value: 'at', label: 'Send the first email at a date and time' },
      ]);
      expect(modes.value).toBe('now');
      expect($(element, '[data-id="send-at"]')).toBeNull();
      await click(element, '[data-id="launch"]');
      expect(createRecord.mock.calls[0][0].fields.Send_At__c).toBeNull();
    });

    it('requires a Send At for an At_Time step when the rep clears it', async () => {
      const element = await opened();
      await change(element, '[data-id="send-at"]', { value: '' });
      await click(element, '[data-id="launch"]');
      expect(texts(element, '.problems li')).toEqual(['Enter the date and time to send the first email.']);
      expect(createRecord).not.toHaveBeenCalled();
    });

    it('shows a failed create with its reason', async () => {
      const element = await opened();
      createRecord.mockRejectedValueOnce({
        body: {
          output: {
            errors: [
              {
                errorCode: 'INSUFFICIENT_ACCESS',
                message: 'insufficient access rights on cross-reference id',
              },
            ],
            fieldErrors: {},
          },
        },
      });
      await click(element, '[data-id="launch"]');
      expect(texts(element, '.result-headline')).toEqual(['0 people added to Q3 outbound.']);
      expect(texts(element, '.result-line')).toEqual([
        'Not added: Ada Lovelace: insufficient access rights on cross-reference id',
      ]);
    });
  });

  describe('in the list-view flow with selected people', () => {
    const CHOOSE_AT_LAUNCH = campaignWith((steps) => {
      steps[0].Send_Option__c.value = 'Choose_At_Launch';
      steps[0].Send_Time__c.value = null;
    });

    async function opened(campaign = CHOOSE_AT_LAUNCH) {
      const element = create({
        recordIds: [ADA, CHARLES, BOB, LINUS],
        campaignId: CAMPAIGN_ID,
        availableActions: ['FINISH'],
      });
      await flush();
      getRecord.emit(mockUser);
      emitCampaign(campaign);
      await flush();
      emitContacts();
      emitLeads();
      await flush();
      return element;
    }

    it('queries contacts and leads with their unique keys in this campaign', async () => {
      await opened();
      const variables = (name) => configOf(name).variables;
      expect(variables('contactsToAdd')).toEqual({
        personIds: [ADA, CHARLES],
        keys: [`${CAMPAIGN_ID}:${ADA}`, `${CAMPAIGN_ID}:${CHARLES}`],
      });
      expect(variables('leadsToAdd')).toEqual({
        personIds: [BOB, LINUS],
        keys: [`${CAMPAIGN_ID}:${BOB}`, `${CAMPAIGN_ID}:${LINUS}`],
      });
      expect(variables('campaignToLaunch')).toEqual({ campaignId: CAMPAIGN_ID });
    });

    it('reports people already in the campaign and flags those who opted out', async () => {
      const element = await opened();
      expect(texts(element, '.person-name')).toEqual([
        'Ada Lovelace (Contact)',
        'Charles Babbage (Contact)',
        'Bob Opted (Lead)',
        'Linus Lead (Lead)',
      ]);
      expect(texts(element, '.person-status')).toEqual([
        'Will be added',
        'Already in this campaign: not added again',
        'Opted out of email: will not be added',
        'Will be added',
      ]);
      expect(texts(element, '.people-summary')).toEqual([
        '2 of 4 will be added, 1 already in this campaign, 1 opted out of email.',
      ]);
    });

    it('requires the Choose_At_Launch choice, then a date when "at" is chosen', async () => {
      const element = await opened();
      const modes = $(element, '[data-id="send-mode"]');
      expect(modes.required).toBe(true);
      expect(modes.options).toEqual([
        { value: 'now', label: 'Start now' },
        { value: 'at', label: 'Send the first email at a date and time' },
      ]);
      expect(modes.value).toBeNull();
      await click(element, '[data-id="launch"]');
      expect(texts(element, '.problems li')).toEqual([
        'Choose when the first email goes: start now, or at a date and time.',
      ]);
      await change(element, '[data-id="send-mode"]', { value: 'at' });
      await click(element, '[data-id="launch"]');
      expect(texts(element, '.problems li')).toEqual(['Enter the date and time to send the first email.']);
      expect(createRecord).not.toHaveBeenCalled();

      await change(element, '[data-id="send-at"]', { value: '2026-05-04T16:00:00.000Z' });
      await click(element, '[data-id="launch"]');
      expect(createRecord.mock.calls.map((c) => c[0].fields.Send_At__c)).toEqual([
        '2026-05-04T16:00:00.000Z',
        '2026-05-04T16:00:00.000Z',
      ]);
    });

    it('starts now with an empty Send At and does not duplicate anyone', async () => {
      const element = await opened();
      createRecord.mockResolvedValueOnce({ id: 'a02000000000009AAA' }).mockRejectedValueOnce({
        body: {
          output: {
            errors: [{ errorCode: 'DUPLICATE_VALUE', message: 'duplicate value found: Unique_Key__c' }],
            fieldErrors: {},
          },
        },
      });
      await change(element, '[data-id="send-mode"]', { value: 'now' });
      expect($(element, '[data-id="send-at"]')).toBeNull();
      await click(element, '[data-id="launch"]');
      expect(createRecord.mock.calls.map((c) => c[0])).toEqual([
        {
          apiName: 'Campaign_Enrollment__c',
          fields: {
            Campaign__c: CAMPAIGN_ID,
            Contact__c: ADA,
            Lead__c: null,
            Status__c: 'Scheduled',
            Launched_At__c: NOW,
            Send_At__c: null,
            Unique_Key__c: `${CAMPAIGN_ID}:${ADA}`,
            OwnerId: USER_ID,
          },
        },
        {
          apiName: 'Campaign_Enrollment__c',
          fields: {
            Campaign__c: CAMPAIGN_ID,
            Contact__c: null,
            Lead__c: LINUS,
            Status__c: 'Scheduled',
            Launched_At__c: NOW,
            Send_At__c: null,
            Unique_Key__c: `${CAMPAIGN_ID}:${LINUS}`,
            OwnerId: USER_ID,
          },
        },
      ]);
      expect(texts(element, '.result-headline')).toEqual(['1 person added to Q3 outbound.']);
      expect(texts(element, '.result-line')).toEqual([
        'Added: Ada Lovelace.',
        'Already in this campaign, not added again: Charles Babbage, Linus Lead.',
        'Opted out of email, not added: Bob Opted.',
      ]);
      const onFinish = jest.fn();
      element.addEventListener('lightning__flownavigationfinish', onFinish);
      await click(element, '[data-id="done"]');
      expect(onFinish).toHaveBeenCalled();
      expect(element.addedCount).toBe(1);
    });

    it('refuses to launch when nobody can be added', async () => {
      const element = create({ recordIds: [CHARLES, BOB], campaignId: CAMPAIGN_ID });
      await flush();
      emitCampaign(CHOOSE_AT_LAUNCH);
      await flush();
      emitContacts();
      emitLeads();
      await flush();
      await change(element, '[data-id="send-mode"]', { value: 'now' });
      await click(element, '[data-id="launch"]');
      expect(texts(element, '.problems li')).toEqual([
        'Nobody to add: everyone here is already in this campaign or has opted out of email.',
      ]);
      expect(createRecord).not.toHaveBeenCalled();
    });

    it('offers "start now" by default when the campaign starts with a task', async () => {
      const callFirst = campaignWith((steps) => {
        steps[0].Day__c.value = 2;
        steps[0].Order__c.value = 2;
        steps[0].Send_Option__c.value = 'Same_Time_As_Previous';
        steps[1].Day__c.value = 1;
      });
      const element = await opened(callFirst);
      const modes = $(element, '[data-id="send-mode"]');
      expect(modes.value).toBe('now');
      expect(modes.options[1]).toEqual({ value: 'at', label: 'Start at a date and time' });
      await change(element, '[data-id="send-mode"]', { value: 'at' });
      await click(element, '[data-id="launch"]');
      expect(texts(element, '.problems li')).toEqual(['Enter the date and time to start.']);
    });
  });

  describe('as the button of a campaign', () => {
    it('lets the rep pick people, and asks for at least one', async () => {
      const element = create({ recordId: CAMPAIGN_ID, objectApiName: 'Sales_Campaign__c' });
      await flush();
      getRecord.emit(mockUser);
      emitCampaign();
      await flush();
      expect($(element, '[data-id="campaign-picker"]')).toBeNull();
      await click(element, '[data-id="launch"]');
      expect(texts(element, '.problems li')).toEqual(['Add at least one person.']);

      await change(element, '[data-id="picker-object"]', { value: 'Lead' });
      const picker = $(element, '[data-id="person-picker"]');
      expect(picker.objectApiName).toBe('Lead');
      expect(picker.label).toBe('Add a lead');
      await change(element, '[data-id="person-picker"]', { recordId: LINUS });
      expect(configOf('leadsToAdd').variables).toEqual({
        personIds: [LINUS],
        keys: [`${CAMPAIGN_ID}:${LINUS}`],
      });
      emitLeads({
        uiapi: {
          query: {
            Lead: { edges: [mockLeads.uiapi.query.Lead.edges[1]] },
            Campaign_Enrollment__c: { edges: [] },
          },
        },
      });
      await flush();
      expect(texts(element, '.person-name')).toEqual(['Linus Lead (Lead)']);
      // {{{Recipient.Account.Name}}} cannot be resolved for a lead: shown before launch.
      expect(texts(element, '.preview-problems li')).toEqual([
        'body: merge field {{{Recipient.Account.Name}}} cannot be resolved: the record has no field Account',
      ]);
      await click(element, '[data-id^="00Q"]');
      expect(texts(element, '.person-name')).toEqual([]);
    });
  });

  describe('errors and campaign problems', () => {
    it('adds people to a paused campaign with a note', async () => {
      const element = create({ recordIds: [ADA], campaignId: CAMPAIGN_ID });
      await flush();
      emitCampaign(
        campaignWith(
          () => {},
          (c) => {
            c.Status__c.value = 'Paused';
          },
        ),
      );
      await flush();
      expect(texts(element, '.paused-note')).toEqual([
        'This campaign is paused: the people you add start when it resumes.',
      ]);
      expect(texts(element, '.campaign-problems li')).toEqual([]);
    });

    it('shows a campaign that cannot be loaded', async () => {
      const element = create({ recordIds: [ADA], campaignId: CAMPAIGN_ID });
      await flush();
      graphql.emitErrors([{ message: 'Sales_Campaign__c is not supported' }], isQuery('campaignToLaunch'));
      await flush();
      const panel = $(element, 'c-error-panel');
      expect(panel.friendlyMessage).toBe('The campaign could not be loaded.');
    });

    it('shows a loading state until the campaign arrives', async () => {
      const element = create({ recordIds: [ADA], campaignId: CAMPAIGN_ID });
      await flush();
      expect($(element, 'lightning-spinner').alternativeText).toBe('Loading the campaign');
      expect($(element, '[data-id="launch"]').disabled).toBe(true);
    });

    it.each([
      [
        'an archived campaign',
        campaignWith(
          () => {},
          (c) => {
            c.Status__c.value = 'Archived';
          },
        ),
        ['This campaign is archived: people cannot be added to it.'],
      ],
      [
        'a draft campaign',
        campaignWith(
          () => {},
          (c) => {
            c.Status__c.value = 'Draft';
          },
        ),
        ['This campaign is a draft: activate it in the campaign builder first.'],
      ],
      [
        'a campaign without steps',
        { uiapi: { query: { ...mockCampaign.uiapi.query, Campaign_Step__c: { edges: [] } } } },
        ['This campaign has no steps yet: add them in the campaign builder first.'],
      ],
      [
        'a campaign the engine finds invalid',
        campaignWith((steps) => {
          steps[1].Day__c.value = 1;
        }),
        ["Step a01000000000002AAA: Day 1, Order 1 is also step a01000000000001AAA's position"],
      ],
    ])('blocks %s', async (_name, data, expected) => {
      const element = create({ recordIds: [ADA], campaignId: CAMPAIGN_ID });
      await flush();
      emitCampaign(data);
      await flush();
      expect(texts(element, '.campaign-problems li')).toEqual(expected);
      expect($(element, '[data-id="launch"]').disabled).toBe(true);
    });
  });
});
