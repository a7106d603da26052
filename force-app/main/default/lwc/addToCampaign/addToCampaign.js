import { LightningElement, api, wire } from 'lwc';
import { getRecord, createRecord } from 'lightning/uiRecordApi';
import { graphql } from 'lightning/graphql';
import { CloseActionScreenEvent } from 'lightning/actions';
import {
  FlowAttributeChangeEvent,
  FlowNavigationFinishEvent,
  FlowNavigationNextEvent,
} from 'lightning/flowSupport';
import USER_ID from '@salesforce/user/Id';
import USER_TIME_ZONE from '@salesforce/i18n/timeZone';
import USER_NAME from '@salesforce/schema/User.Name';
import USER_FIRST_NAME from '@salesforce/schema/User.FirstName';
import USER_LAST_NAME from '@salesforce/schema/User.LastName';
import USER_EMAIL from '@salesforce/schema/User.Email';
import USER_TITLE from '@salesforce/schema/User.Title';
import { firstEmailStep, planEnrollment, validateCampaign } from 'c/planningEngine';
import { SEND_OPTION, STEP_TYPE, sortSteps } from 'c/sendOptions';
import { fromTimeField, stepsFromGraphQL, toEngineCampaign } from 'c/campaignModel';
import { renderEmailPreview } from 'c/emailPreview';
import {
  CONTACT,
  LEAD,
  enrolledKeysFromGraphQL,
  enrollmentRecordInput,
  isDuplicateKeyError,
  peopleFromGraphQL,
  personObjectOf,
  uniqueKey,
} from 'c/enrollmentRecords';
import { reduceErrors } from 'c/ldsUtils';
import { fieldValue as value } from 'c/graphqlFields';
import { CAMPAIGN_QUERY, CONTACTS_QUERY, LEADS_QUERY } from './addToCampaignQueries';

const USER_FIELDS = [USER_NAME, USER_FIRST_NAME, USER_LAST_NAME, USER_EMAIL, USER_TITLE];

export const MESSAGES = Object.freeze({
  NO_CAMPAIGN: 'Choose a campaign.',
  NO_PEOPLE: 'Add at least one person.',
  ARCHIVED: 'This campaign is archived: people cannot be added to it.',
  DRAFT: 'This campaign is a draft: activate it in the campaign builder first.',
  PAUSED: 'This campaign is paused: the people you add start when it resumes.',
  NO_STEPS: 'This campaign has no steps yet: add them in the campaign builder first.',
  CHOOSE_START: 'Choose when the first email goes: start now, or at a date and time.',
  NO_SEND_AT: 'Enter the date and time to send the first email.',
  NO_START_AT: 'Enter the date and time to start.',
  NOBODY_TO_ADD: 'Nobody to add: everyone here is already in this campaign or has opted out of email.',
});

/**
 * Container: adds contacts or leads to a sales campaign. Runs as a screen quick action on
 * Contact, Lead and Sales_Campaign__c record pages and in the "Add to Sales Campaign" screen
 * flow (a list view's selected records as `recordIds`). Reads the campaign, its steps, the
 * people and their existing enrollments through GraphQL, the rep through getRecord, previews the
 * first email for the first person, and creates one Campaign_Enrollment__c per person with
 * createRecord.
 */
export default class AddToCampaign extends LightningElement {
  @api recordId;
  @api objectApiName;
  /** Flow input: the selected people's ids. */
  @api recordIds;
  /** Flow input: the campaign, when the flow already knows it. */
  @api campaignId;
  /** Flow output: how many people were added. */
  @api
  get addedCount() {
    return this.added;
  }
  set addedCount(count) {
    this.added = count;
  }
  /** Set by the flow runtime. */
  @api availableActions = [];

  added = 0;
  chosenCampaignId;
  pickedPeopleIds = [];
  pickerObject = CONTACT;

  campaign;
  steps = [];
  campaignErrors;
  contacts = [];
  leads = [];
  enrolledKeys = new Set();
  contactsLoaded = false;
  leadsLoaded = false;
  peopleErrors;
  sender;

  sendMode = null;
  sendAt = null;
  problems = [];
  launching = false;
  result;

  // ---- what the action runs on

  get onCampaignPage() {
    return (
      this.objectApiName === 'Sales_Campaign__c' ||
      (!!this.recordId && !personObjectOf(this.recordId) && !this.objectApiName)
    );
  }

  get targetCampaignId() {
    return this.campaignId || (this.onCampaignPage ? this.recordId : this.chosenCampaignId) || undefined;
  }

  get canPickCampaign() {
    return !this.campaignId && !this.onCampaignPage;
  }

  get canPickPeople() {
    return !(this.recordIds && this.recordIds.length) && !personObjectOf(this.recordId);
  }

  get personIds() {
    if (this.recordIds && this.recordIds.length) {
      return [...this.recordIds];
    }
    if (personObjectOf(this.recordId)) {
      return [this.recordId];
    }
    return this.pickedPeopleIds;
  }

  idsOf(objectApiName) {
    return this.personIds.filter((id) => personObjectOf(id) === objectApiName);
  }

  // ---- data

  @wire(getRecord, { recordId: USER_ID, fields: USER_FIELDS })
  wiredSender({ data }) {
    if (data) {
      const f = data.fields;
      this.sender = {
        Id: USER_ID,
        Name: f.Name?.value,
        FirstName: f.FirstName?.value,
        LastName: f.LastName?.value,
        Email: f.Email?.value,
        Title: f.Title?.value,
      };
    }
  }

  get campaignQuery() {
    return this.targetCampaignId ? CAMPAIGN_QUERY : undefined;
  }

  get campaignVariables() {
    return { campaignId: this.targetCampaignId };
  }

  @wire(graphql, { query: '$campaignQuery', variables: '$campaignVariables' })
  wiredCampaign({ data, errors }) {
    if (data) {
      const node = data.uiapi?.query?.Sales_Campaign__c?.edges?.[0]?.node;
      this.campaign = node
        ? {
            id: node.Id,
            name: value(node.Name),
            status: value(node.Status__c),
            skipWeekends: value(node.Skip_Weekends__c) === true,
            skipHolidays: value(node.Skip_Holidays__c) === true,
            timeZoneMode: value(node.Time_Zone_Mode__c),
            defaultSendTime: fromTimeField(value(node.Default_Send_Time__c)),
            taskExpiryDays: value(node.Task_Expiry_Days__c),
            onTaskExpiry: value(node.On_Task_Expiry__c),
          }
        : null;
      this.steps = stepsFromGraphQL(data);
      this.campaignErrors = node
        ? undefined
        : [{ message: 'The campaign was not found or is not shared with you.' }];
      this.prefillSendChoice();
    } else if (errors) {
      this.campaignErrors = errors;
    }
  }

  personQuery(objectApiName, query) {
    return this.targetCampaignId && this.idsOf(objectApiName).length ? query : undefined;
  }

  personVariables(objectApiName) {
    const ids = this.idsOf(objectApiName);
    return { personIds: ids, keys: ids.map((id) => uniqueKey(this.targetCampaignId, id)) };
  }

  get contactsQuery() {
    return this.personQuery(CONTACT, CONTACTS_QUERY);
  }

  get contactVariables() {
    return this.personVariables(CONTACT);
  }

  get leadsQuery() {
    return this.personQuery(LEAD, LEADS_QUERY);
  }

  get leadVariables() {
    return this.personVariables(LEAD);
  }

  @wire(graphql, { query: '$contactsQuery', variables: '$contactVariables' })
  wiredContacts({ data, errors }) {
    if (data) {
      this.contacts = peopleFromGraphQL(data, CONTACT);
      this.addEnrolledKeys(data);
      this.contactsLoaded = true;
    } else if (errors) {
      this.peopleErrors = errors;
    }
  }

  @wire(graphql, { query: '$leadsQuery', variables: '$leadVariables' })
  wiredLeads({ data, errors }) {
    if (data) {
      this.leads = peopleFromGraphQL(data, LEAD);
      this.addEnrolledKeys(data);
      this.leadsLoaded = true;
    } else if (errors) {
      this.peopleErrors = errors;
    }
  }

  addEnrolledKeys(data) {
    this.enrolledKeys = new Set([...this.enrolledKeys, ...enrolledKeysFromGraphQL(data)]);
  }

  // ---- derived state

  get isLoadingCampaign() {
    return !!this.targetCampaignId && this.campaign === undefined && !this.campaignErrors;
  }

  get isLoadingPeople() {
    if (!this.targetCampaignId || this.peopleErrors) {
      return false;
    }
    return (
      (this.idsOf(CONTACT).length > 0 && !this.contactsLoaded) ||
      (this.idsOf(LEAD).length > 0 && !this.leadsLoaded)
    );
  }

  get people() {
    const byId = new Map([...this.contacts, ...this.leads].map((p) => [p.id, p]));
    return this.personIds
      .map((id) => byId.get(id))
      .filter((person) => !!person)
      .map((person) => {
        const alreadyIn = this.enrolledKeys.has(uniqueKey(this.targetCampaignId, person.id));
        let status = 'Will be added';
        if (alreadyIn) {
          status = 'Already in this campaign: not added again';
        } else if (person.optedOut) {
          status = 'Opted out of email: will not be added';
        } else if (!person.email && this.firstEmail) {
          status = 'Will be added, but has no email address: the emails will fail';
        }
        return {
          ...person,
          alreadyIn,
          status,
          statusClass: alreadyIn || person.optedOut ? 'slds-text-color_error' : '',
          typeLabel: person.objectApiName,
          removeLabel: `Remove ${person.name}`,
        };
      });
  }

  get hasPeople() {
    return this.people.length > 0;
  }

  get peopleToAdd() {
    return this.people.filter((p) => !p.alreadyIn && !p.optedOut);
  }

  get summary() {
    const people = this.people;
    const already = people.filter((p) => p.alreadyIn).length;
    const optedOut = people.filter((p) => !p.alreadyIn && p.optedOut).length;
    const parts = [`${this.peopleToAdd.length} of ${people.length} will be added`];
    if (already) {
      parts.push(`${already} already in this campaign`);
    }
    if (optedOut) {
      parts.push(`${optedOut} opted out of email`);
    }
    return `${parts.join(', ')}.`;
  }

  /** The first step in campaign order when it is an email (it sets how the campaign starts). */
  get firstStep() {
    return sortSteps(this.steps)[0];
  }

  get firstEmail() {
    return sortSteps(this.steps).find((s) => s.type === STEP_TYPE.EMAIL);
  }

  get launchOption() {
    const first = firstEmailStep(this.engineSteps);
    return first ? this.steps.find((s) => s.id === first.id).sendOption : null;
  }

  get engineSteps() {
    return toEngineCampaign(this.campaign, this.steps, { timeZone: USER_TIME_ZONE }).steps;
  }

  get choosesAtLaunch() {
    return this.launchOption === SEND_OPTION.CHOOSE_AT_LAUNCH;
  }

  get atTime() {
    return this.launchOption === SEND_OPTION.AT_TIME;
  }

  /**
   * An At_Time first email in a campaign read in each recipient's time zone: one Send At moment
   * would override every person's own 08:30, so the rep keeps the step's time by default.
   */
  get atTimePerRecipient() {
    return this.atTime && this.campaign?.timeZoneMode === 'Recipient';
  }

  get sendModeOptions() {
    const later =
      this.firstEmail && this.firstEmail === this.firstStep
        ? 'Send the first email at a date and time'
        : 'Start at a date and time';
    const first = this.atTimePerRecipient
      ? "At the step's send time, in each person's time zone"
      : 'Start now';
    return [
      { value: 'now', label: first },
      { value: 'at', label: later },
    ];
  }

  get showSendModes() {
    return !this.atTime || this.atTimePerRecipient;
  }

  get showSendAt() {
    return (this.atTime && !this.atTimePerRecipient) || this.sendMode === 'at';
  }

  get sendAtLabel() {
    return this.firstEmail && this.firstEmail === this.firstStep ? 'Send At' : 'Start at';
  }

  get sendAtHelp() {
    if (this.atTime && !this.atTimePerRecipient) {
      return "Prefilled with the step's send time on Day 1. Change it to send the first email at another moment.";
    }
    return 'In your time zone. Day 1 is this date, even on a weekend.';
  }

  get campaignProblems() {
    if (!this.campaign) {
      return [];
    }
    if (this.campaign.status === 'Archived') {
      return [MESSAGES.ARCHIVED];
    }
    if (this.campaign.status === 'Draft') {
      return [MESSAGES.DRAFT];
    }
    if (!this.steps.length) {
      return [MESSAGES.NO_STEPS];
    }
    const engineCampaign = toEngineCampaign(this.campaign, this.steps, { timeZone: USER_TIME_ZONE });
    return validateCampaign(engineCampaign).map((p) => p.message);
  }

  get hasCampaignProblems() {
    return this.campaignProblems.length > 0;
  }

  get campaignProblemItems() {
    return this.campaignProblems.map((text, i) => ({ key: `${i}`, text }));
  }

  get pausedNote() {
    return this.campaign?.status === 'Paused' ? MESSAGES.PAUSED : '';
  }

  get campaignStatusText() {
    return this.campaign ? `${this.campaign.name} · Status: ${this.campaign.status}` : '';
  }

  get preview() {
    const email = this.firstEmail;
    const person = this.people[0];
    // Without the rep's own record, every Sender field would look unresolvable.
    if (!email || !person || !this.sender) {
      return null;
    }
    const rendered = renderEmailPreview(email, {
      recipient: person.record,
      recipientObject: person.objectApiName,
      sender: this.sender,
    });
    return {
      to: `${person.name}${person.email ? ` <${person.email}>` : ''}`,
      subject: rendered.subject || "(the previous email's subject)",
      body: rendered.body,
      problems: rendered.problems.map((text, i) => ({ key: `${i}`, text })),
    };
  }

  get hasPreviewProblems() {
    return !!this.preview && this.preview.problems.length > 0;
  }

  get showForm() {
    return !this.result;
  }

  get launchDisabled() {
    return this.launching || this.isLoadingCampaign || this.isLoadingPeople || this.hasCampaignProblems;
  }

  get launchLabel() {
    const count = this.peopleToAdd.length;
    return count === 1 ? 'Add 1 person' : `Add ${count} people`;
  }

  get hasProblems() {
    return this.problems.length > 0;
  }

  get problemItems() {
    return this.problems.map((text, i) => ({ key: `${i}`, text }));
  }

  get campaignFilter() {
    return { criteria: [{ fieldPath: 'Status__c', operator: 'in', value: ['Active', 'Paused'] }] };
  }

  get pickerObjectOptions() {
    return [
      { value: CONTACT, label: 'Contacts' },
      { value: LEAD, label: 'Leads' },
    ];
  }

  get pickerLabel() {
    return this.pickerObject === CONTACT ? 'Add a contact' : 'Add a lead';
  }

  // ---- Send At

  prefillSendChoice() {
    if (this.atTimePerRecipient) {
      this.sendMode = 'now';
      this.sendAt = null;
    } else if (this.atTime) {
      this.sendMode = 'at';
      this.sendAt = this.plannedFirstSend();
    } else if (this.choosesAtLaunch) {
      this.sendMode = null;
      this.sendAt = null;
    } else {
      this.sendMode = 'now';
      this.sendAt = null;
    }
  }

  /** When the engine would send the first email for a launch now, in the rep's time zone. */
  plannedFirstSend() {
    try {
      const plan = planEnrollment({
        campaign: toEngineCampaign(this.campaign, this.steps, { timeZone: USER_TIME_ZONE }),
        timeZone: USER_TIME_ZONE,
        launchedAt: Date.now(),
      });
      const item = plan.items.find((i) => i.kind === 'send');
      return item ? new Date(item.at).toISOString() : null;
    } catch {
      // The campaign's problems are shown on their own; the rep enters the moment.
      return null;
    }
  }

  // ---- handlers

  handleCampaignChange(event) {
    this.chosenCampaignId = event.detail.recordId || undefined;
    this.campaign = undefined;
    this.steps = [];
    this.campaignErrors = undefined;
    this.enrolledKeys = new Set();
    this.contactsLoaded = false;
    this.leadsLoaded = false;
    this.problems = [];
  }

  handlePickerObjectChange(event) {
    this.pickerObject = event.detail.value;
  }

  handlePersonPicked(event) {
    const id = event.detail.recordId;
    if (id && !this.pickedPeopleIds.includes(id)) {
      this.pickedPeopleIds = [...this.pickedPeopleIds, id];
      if (personObjectOf(id) === CONTACT) {
        this.contactsLoaded = false;
      } else {
        this.leadsLoaded = false;
      }
    }
    const picker = this.template.querySelector('[data-id="person-picker"]');
    if (picker) {
      picker.clearSelection();
    }
  }

  handleRemovePerson(event) {
    const id = event.currentTarget.dataset.id;
    this.pickedPeopleIds = this.pickedPeopleIds.filter((p) => p !== id);
  }

  handleSendModeChange(event) {
    this.sendMode = event.detail.value;
    this.problems = [];
  }

  handleSendAtChange(event) {
    this.sendAt = event.detail.value || null;
  }

  validate() {
    const problems = [];
    if (!this.targetCampaignId) {
      problems.push(MESSAGES.NO_CAMPAIGN);
    }
    if (!this.personIds.length) {
      problems.push(MESSAGES.NO_PEOPLE);
    }
    if (this.campaign) {
      if (this.choosesAtLaunch && !this.sendMode) {
        problems.push(MESSAGES.CHOOSE_START);
      }
      if (this.showSendAt && !this.sendAt) {
        problems.push(
          this.firstEmail && this.firstEmail === this.firstStep ? MESSAGES.NO_SEND_AT : MESSAGES.NO_START_AT,
        );
      }
    }
    if (this.people.length && !this.peopleToAdd.length) {
      problems.push(MESSAGES.NOBODY_TO_ADD);
    }
    return problems;
  }

  async handleLaunch() {
    this.problems = this.validate();
    if (this.problems.length) {
      return;
    }
    this.launching = true;
    const launchedAt = new Date().toISOString();
    const sendAt = this.showSendAt ? this.sendAt : null;
    const people = this.people;
    const toAdd = this.peopleToAdd;
    const outcomes = await Promise.allSettled(
      toAdd.map((person) =>
        createRecord(
          enrollmentRecordInput({
            campaignId: this.targetCampaignId,
            person,
            sendAt,
            launchedAt,
            ownerId: USER_ID,
          }),
        ),
      ),
    );
    const added = [];
    const already = people.filter((p) => p.alreadyIn).map((p) => p.name);
    const failed = [];
    outcomes.forEach((outcome, i) => {
      const person = toAdd[i];
      if (outcome.status === 'fulfilled') {
        added.push(person.name);
      } else if (isDuplicateKeyError(outcome.reason)) {
        already.push(person.name);
      } else {
        failed.push(`${person.name}: ${reduceErrors(outcome.reason).join(' ')}`);
      }
    });
    const optedOut = people.filter((p) => !p.alreadyIn && p.optedOut).map((p) => p.name);
    this.result = {
      headline:
        added.length === 1
          ? `1 person added to ${this.campaign.name}.`
          : `${added.length} people added to ${this.campaign.name}.`,
      lines: [
        ...(added.length ? [`Added: ${added.join(', ')}.`] : []),
        ...(already.length ? [`Already in this campaign, not added again: ${already.join(', ')}.`] : []),
        ...(optedOut.length ? [`Opted out of email, not added: ${optedOut.join(', ')}.`] : []),
        ...failed.map((line) => `Not added: ${line}`),
      ].map((text, i) => ({ key: `${i}`, text })),
    };
    this.launching = false;
    this.added = added.length;
    this.dispatchEvent(new FlowAttributeChangeEvent('addedCount', added.length));
  }

  handleClose() {
    const actions = this.availableActions ?? [];
    if (actions.includes('FINISH')) {
      this.dispatchEvent(new FlowNavigationFinishEvent());
    } else if (actions.includes('NEXT')) {
      this.dispatchEvent(new FlowNavigationNextEvent());
    } else {
      this.dispatchEvent(new CloseActionScreenEvent());
    }
  }
}
