import CampaignSettings from 'c/campaignSettings';
import { getRecord, updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import { $, flush, mount, unmountAll } from '../../../../../test/componentDom';

const mockGetRecord = require('./data/getRecord.json');
const mockGetObjectInfo = require('./data/getObjectInfo.json');
const mockTimeZoneModes = require('./data/getPicklistValuesTimeZoneMode.json');
const mockOnTaskExpiry = require('./data/getPicklistValuesOnTaskExpiry.json');

const CAMPAIGN_ID = 'a00000000000001AAA';

function createSettings() {
  return mount('c-campaign-settings', CampaignSettings, { recordId: CAMPAIGN_ID });
}

async function loaded() {
  const element = createSettings();
  getRecord.emit(mockGetRecord);
  getObjectInfo.emit(mockGetObjectInfo);
  await flush();
  getPicklistValues.emit(
    mockTimeZoneModes,
    (config) => config.fieldApiName.fieldApiName === 'Time_Zone_Mode__c',
  );
  getPicklistValues.emit(
    mockOnTaskExpiry,
    (config) => config.fieldApiName.fieldApiName === 'On_Task_Expiry__c',
  );
  await flush();
  return element;
}

async function change(element, selector, detail) {
  $(element, selector).dispatchEvent(new CustomEvent('change', { detail }));
  await flush();
}

describe('c-campaign-settings', () => {
  afterEach(() => {
    unmountAll();
    jest.clearAllMocks();
  });

  it('shows a spinner while loading and an error when the record cannot be read', async () => {
    const element = createSettings();
    await flush();
    expect($(element, 'lightning-spinner').alternativeText).toBe('Loading settings');
    getRecord.error({ body: { message: 'You do not have access to this record' } });
    await flush();
    expect($(element, 'c-error-panel').friendlyMessage).toBe('The campaign settings could not be loaded.');
    expect($(element, 'lightning-spinner')).toBeNull();
  });

  it('shows the saved settings with the picklist labels', async () => {
    const element = await loaded();
    expect($(element, '[data-field="skipWeekends"]').checked).toBe(true);
    expect($(element, '[data-field="skipHolidays"]').checked).toBe(true);
    expect($(element, '[data-field="defaultSendTime"]').value).toBe('09:00:00.000');
    expect($(element, '[data-field="taskExpiryDays"]').value).toBe(2);
    expect($(element, '[data-field="endOnReply"]').checked).toBe(true);
    const zone = $(element, '[data-field="timeZoneMode"]');
    expect(zone.value).toBe('Sender');
    expect(zone.options).toEqual([
      { value: 'Sender', label: "Sender's time zone" },
      { value: 'Recipient', label: "Recipient's time zone" },
    ]);
    expect($(element, '[data-field="onTaskExpiry"]').options).toEqual([
      { value: 'Skip_Step', label: 'Skip the step and continue' },
      { value: 'End_Campaign', label: "End the person's campaign" },
    ]);
    expect($(element, '[data-id="save"]').disabled).toBe(true);
  });

  it('saves every setting with updateRecord', async () => {
    const element = await loaded();
    await change(element, '[data-field="skipWeekends"]', { checked: false });
    await change(element, '[data-field="timeZoneMode"]', { value: 'Recipient' });
    await change(element, '[data-field="defaultSendTime"]', { value: '08:15:00.000' });
    await change(element, '[data-field="taskExpiryDays"]', { value: '0' });
    await change(element, '[data-field="onTaskExpiry"]', { value: 'End_Campaign' });
    await change(element, '[data-field="endOnReply"]', { checked: false });
    expect($(element, '[data-id="save"]').disabled).toBe(false);
    $(element, '[data-id="save"]').click();
    await flush();
    expect(updateRecord).toHaveBeenCalledWith({
      fields: {
        Id: CAMPAIGN_ID,
        Skip_Weekends__c: false,
        Skip_Holidays__c: true,
        Time_Zone_Mode__c: 'Recipient',
        Default_Send_Time__c: '08:15:00.000Z',
        Task_Expiry_Days__c: 0,
        On_Task_Expiry__c: 'End_Campaign',
        End_On_Reply__c: false,
      },
    });
    expect($(element, '[data-id="save"]').disabled).toBe(true);
  });

  it('refuses a negative or fractional task expiry', async () => {
    const element = await loaded();
    await change(element, '[data-field="taskExpiryDays"]', { value: '1.5' });
    $(element, '[data-id="save"]').click();
    await flush();
    expect($(element, '.problem').textContent).toBe(
      'Task expiry must be a whole number of days, 0 or more (0 = end of the due day).',
    );
    expect(updateRecord).not.toHaveBeenCalled();
  });

  it('shows a failed save and resets the form', async () => {
    const element = await loaded();
    updateRecord.mockRejectedValueOnce({
      body: {
        output: { errors: [], fieldErrors: { Task_Expiry_Days__c: [{ message: 'Value too large' }] } },
      },
    });
    await change(element, '[data-field="taskExpiryDays"]', { value: '999' });
    $(element, '[data-id="save"]').click();
    await flush();
    const panel = $(element, 'c-error-panel');
    expect(panel.friendlyMessage).toBe('The settings were not saved.');
    $(element, '[data-id="reset"]').click();
    await flush();
    expect($(element, '[data-field="taskExpiryDays"]').value).toBe(2);
    expect($(element, 'c-error-panel')).toBeNull();
  });
});
