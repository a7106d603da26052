// DESIGN §3 as data: every object and field the service, the screens and the emulator rely on,
// with its type. The schema check fails when force-app drifts from it, so a rename is caught here
// instead of in an org. Fields the package adds beyond this list are allowed.

import type { FieldType, ObjectDef } from '../model.ts';

export interface ExpectedField {
  type: FieldType;
  /** Picklists: exactly these API values, in this order. */
  values?: readonly string[];
  /** Picklists: exactly these labels (the send options' wording is part of the contract). */
  labels?: readonly string[];
  referenceTo?: string;
  externalId?: boolean;
  unique?: boolean;
}

export interface ExpectedObject {
  kind: ObjectDef['kind'];
  sharingModel?: string;
  eventType?: string;
  publishBehavior?: string;
  fields: Record<string, ExpectedField>;
}

const text: ExpectedField = { type: 'Text' };
const dateTime: ExpectedField = { type: 'DateTime' };
const number: ExpectedField = { type: 'Number' };
const checkbox: ExpectedField = { type: 'Checkbox' };

export const SEND_OPTION_LABELS: Record<string, string> = {
  Choose_At_Launch: 'I will choose when to send this email',
  At_Time: 'Send this email at the following time',
  Manual_Task: 'Create a task; I will send this email myself',
  Same_Time_As_Previous: 'Send this email at the same time as the previous email in this campaign',
  Thread_Previous: 'Thread this email to the previous email',
};

export const EXPECTED_OBJECTS: Record<string, ExpectedObject> = {
  Sales_Campaign__c: {
    kind: 'custom',
    fields: {
      Status__c: { type: 'Picklist', values: ['Draft', 'Active', 'Paused', 'Archived'] },
      Description__c: { type: 'LongTextArea' },
      Skip_Weekends__c: checkbox,
      Skip_Holidays__c: checkbox,
      Time_Zone_Mode__c: { type: 'Picklist', values: ['Sender', 'Recipient'] },
      Default_Send_Time__c: { type: 'Time' },
      Task_Expiry_Days__c: number,
      On_Task_Expiry__c: { type: 'Picklist', values: ['Skip_Step', 'End_Campaign'] },
      End_On_Reply__c: checkbox,
    },
  },
  Campaign_Step__c: {
    kind: 'custom',
    sharingModel: 'ControlledByParent',
    fields: {
      Campaign__c: { type: 'MasterDetail', referenceTo: 'Sales_Campaign__c' },
      Day__c: number,
      Order__c: number,
      Type__c: { type: 'Picklist', values: ['Email', 'Call', 'InMail', 'Custom_Task'] },
      Send_Option__c: {
        type: 'Picklist',
        values: Object.keys(SEND_OPTION_LABELS),
        labels: Object.values(SEND_OPTION_LABELS),
      },
      Send_Time__c: { type: 'Time' },
      Subject__c: text,
      Body__c: { type: 'Html' },
      Email_Template_Id__c: text,
      Instructions__c: { type: 'LongTextArea' },
    },
  },
  Campaign_Enrollment__c: {
    kind: 'custom',
    sharingModel: 'Private',
    fields: {
      Campaign__c: { type: 'Lookup', referenceTo: 'Sales_Campaign__c' },
      Contact__c: { type: 'Lookup', referenceTo: 'Contact' },
      Lead__c: { type: 'Lookup', referenceTo: 'Lead' },
      Status__c: {
        type: 'Picklist',
        values: [
          'Scheduled',
          'Active',
          'Paused',
          'Completed',
          'Replied',
          'Bounced',
          'Unsubscribed',
          'Removed',
          'Failed',
        ],
      },
      Send_At__c: dateTime,
      Time_Zone__c: text,
      Launched_At__c: dateTime,
      Paused_At__c: dateTime,
      Shift_Days__c: number,
      Ended_Reason__c: text,
      Unique_Key__c: { type: 'Text', externalId: true, unique: true },
    },
  },
  Enrollment_Step__c: {
    kind: 'custom',
    sharingModel: 'ControlledByParent',
    fields: {
      Enrollment__c: { type: 'MasterDetail', referenceTo: 'Campaign_Enrollment__c' },
      Step__c: { type: 'Lookup', referenceTo: 'Campaign_Step__c' },
      Status__c: {
        type: 'Picklist',
        values: [
          'Pending',
          'Scheduled',
          'Task_Open',
          'Send_Requested',
          'Sending',
          'Sent',
          'Completed',
          'Failed',
          'Expired',
          'Cancelled',
          'Skipped',
          'Uncertain',
        ],
      },
      Scheduled_At__c: dateTime,
      Due_Date__c: { type: 'Date' },
      Expires_At__c: dateTime,
      Sent_At__c: dateTime,
      Completed_At__c: dateTime,
      Subject__c: text,
      Body__c: { type: 'Html' },
      Message_Id__c: text,
      In_Reply_To__c: text,
      Task_Id__c: text,
      Notes__c: { type: 'LongTextArea' },
      Step_Key__c: { type: 'Text', externalId: true, unique: true },
      Error__c: { type: 'LongTextArea' },
    },
  },
  Sync_Service_Status__c: {
    kind: 'custom',
    fields: {
      Instance__c: { type: 'Text', externalId: true, unique: true },
      Last_Heartbeat_At__c: dateTime,
      Stream_Lag_Seconds__c: number,
      Version__c: text,
      Emails_Sent_Today__c: number,
      Last_Error__c: { type: 'LongTextArea' },
      Last_Error_At__c: dateTime,
    },
  },
  Campaign_Activity__e: {
    kind: 'platformEvent',
    eventType: 'HighVolume',
    publishBehavior: 'PublishAfterCommit',
    fields: { Kind__c: text, Enrollment_Id__c: text, Enrollment_Step_Id__c: text, Owner_Id__c: text },
  },
  Campaign_Setting__mdt: {
    kind: 'customMetadata',
    fields: {
      Default_Send_Time__c: text,
      Task_Expiry_Days__c: number,
      Daily_Cap_Per_Sender__c: number,
      Min_Spacing_Seconds__c: number,
      Send_Window_Start__c: text,
      Send_Window_End__c: text,
      Recipient_Time_Zone_Field__c: text,
    },
  },
  Task: {
    kind: 'standard',
    // The strongest the platform allows on an activity field: an external id, not unique.
    fields: { Campaign_Step_Key__c: { type: 'Text', externalId: true, unique: false } },
  },
};

/** DESIGN §3: the CDC channel and exactly these members. */
export const EXPECTED_CHANNEL = {
  fullName: 'Sales_Campaigns__chn',
  members: [
    'Sales_Campaign__ChangeEvent',
    'Campaign_Step__ChangeEvent',
    'Campaign_Enrollment__ChangeEvent',
    'Enrollment_Step__ChangeEvent',
  ],
} as const;

export const EXPECTED_PERMISSION_SETS = [
  'Sales_Campaigns_User',
  'Sales_Campaigns_Admin',
  'Sales_Campaigns_Integration',
] as const;
