import { LightningElement, api, wire } from 'lwc';
import { getRecord, updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import CAMPAIGN_OBJECT from '@salesforce/schema/Sales_Campaign__c';
import SKIP_WEEKENDS from '@salesforce/schema/Sales_Campaign__c.Skip_Weekends__c';
import SKIP_HOLIDAYS from '@salesforce/schema/Sales_Campaign__c.Skip_Holidays__c';
import TIME_ZONE_MODE from '@salesforce/schema/Sales_Campaign__c.Time_Zone_Mode__c';
import DEFAULT_SEND_TIME from '@salesforce/schema/Sales_Campaign__c.Default_Send_Time__c';
import TASK_EXPIRY_DAYS from '@salesforce/schema/Sales_Campaign__c.Task_Expiry_Days__c';
import ON_TASK_EXPIRY from '@salesforce/schema/Sales_Campaign__c.On_Task_Expiry__c';
import END_ON_REPLY from '@salesforce/schema/Sales_Campaign__c.End_On_Reply__c';
import { ORG_DEFAULTS, fromTimeField, settingsFromRecord, toTimeField } from 'c/campaignModel';

const FIELDS = [
  SKIP_WEEKENDS,
  SKIP_HOLIDAYS,
  TIME_ZONE_MODE,
  DEFAULT_SEND_TIME,
  TASK_EXPIRY_DAYS,
  ON_TASK_EXPIRY,
  END_ON_REPLY,
];

export const MESSAGES = Object.freeze({
  TASK_EXPIRY: 'Task expiry must be a whole number of days, 0 or more (0 = end of the due day).',
});

/**
 * Container: reads a Sales_Campaign__c's scheduling settings (getRecord, picklist labels from
 * getPicklistValues) and saves them with updateRecord.
 */
export default class CampaignSettings extends LightningElement {
  @api recordId;

  draft;
  saved;
  error;
  saveError;
  saving = false;
  problem;
  recordTypeId;
  timeZoneModeOptions = [];
  onTaskExpiryOptions = [];

  @wire(getRecord, { recordId: '$recordId', fields: FIELDS })
  wiredCampaign({ data, error }) {
    if (data) {
      this.saved = settingsFromRecord(data);
      this.draft = { ...this.saved };
      this.error = undefined;
    } else if (error) {
      this.error = error;
    }
  }

  @wire(getObjectInfo, { objectApiName: CAMPAIGN_OBJECT })
  wiredObjectInfo({ data }) {
    if (data) {
      this.recordTypeId = data.defaultRecordTypeId;
    }
  }

  @wire(getPicklistValues, { recordTypeId: '$recordTypeId', fieldApiName: TIME_ZONE_MODE })
  wiredTimeZoneModes({ data }) {
    if (data) {
      this.timeZoneModeOptions = data.values.map((v) => ({ value: v.value, label: v.label }));
    }
  }

  @wire(getPicklistValues, { recordTypeId: '$recordTypeId', fieldApiName: ON_TASK_EXPIRY })
  wiredOnTaskExpiry({ data }) {
    if (data) {
      this.onTaskExpiryOptions = data.values.map((v) => ({ value: v.value, label: v.label }));
    }
  }

  get isLoading() {
    return !this.draft && !this.error;
  }

  get defaultSendTimeValue() {
    return this.draft?.defaultSendTime ? `${this.draft.defaultSendTime}:00.000` : null;
  }

  get defaultSendTimeHelp() {
    return `Used by "same time as the previous email" when no earlier day has an email. Empty: the org default (${ORG_DEFAULTS.defaultSendTime}).`;
  }

  get isUnchanged() {
    return this.saving || JSON.stringify(this.draft) === JSON.stringify(this.saved);
  }

  update(changes) {
    this.draft = { ...this.draft, ...changes };
  }

  handleSkipWeekendsChange(event) {
    this.update({ skipWeekends: event.detail.checked });
  }

  handleSkipHolidaysChange(event) {
    this.update({ skipHolidays: event.detail.checked });
  }

  handleTimeZoneModeChange(event) {
    this.update({ timeZoneMode: event.detail.value });
  }

  handleDefaultSendTimeChange(event) {
    this.update({ defaultSendTime: fromTimeField(event.detail.value) });
  }

  handleTaskExpiryChange(event) {
    const value = event.detail.value;
    this.update({ taskExpiryDays: value === '' || value == null ? null : Number(value) });
  }

  handleOnTaskExpiryChange(event) {
    this.update({ onTaskExpiry: event.detail.value });
  }

  handleEndOnReplyChange(event) {
    this.update({ endOnReply: event.detail.checked });
  }

  handleReset() {
    this.draft = { ...this.saved };
    this.problem = undefined;
    this.saveError = undefined;
  }

  async handleSave() {
    const expiry = this.draft.taskExpiryDays;
    if (expiry !== null && (!Number.isInteger(expiry) || expiry < 0)) {
      this.problem = MESSAGES.TASK_EXPIRY;
      return;
    }
    this.problem = undefined;
    this.saving = true;
    this.saveError = undefined;
    try {
      await updateRecord({
        fields: {
          Id: this.recordId,
          [SKIP_WEEKENDS.fieldApiName]: this.draft.skipWeekends,
          [SKIP_HOLIDAYS.fieldApiName]: this.draft.skipHolidays,
          [TIME_ZONE_MODE.fieldApiName]: this.draft.timeZoneMode,
          [DEFAULT_SEND_TIME.fieldApiName]: toTimeField(this.draft.defaultSendTime),
          [TASK_EXPIRY_DAYS.fieldApiName]: expiry,
          [ON_TASK_EXPIRY.fieldApiName]: this.draft.onTaskExpiry,
          [END_ON_REPLY.fieldApiName]: this.draft.endOnReply,
        },
      });
      this.saved = { ...this.draft };
      this.dispatchEvent(new ShowToastEvent({ title: 'Campaign settings saved', variant: 'success' }));
    } catch (error) {
      this.saveError = error;
    } finally {
      this.saving = false;
    }
  }
}
