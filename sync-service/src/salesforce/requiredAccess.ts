// What the integration user must be able to do, object by object (least privilege: no View All
// Data, no Modify All Data). `sync-service doctor` compares this with describe results. What it
// must read is what the adapters' queries select (queriedFields.ts), so the two cannot drift.
import { QUERIED_FIELDS } from './queriedFields.ts';

export interface ObjectAccess {
  object: string;
  read: readonly string[];
  create?: string[];
  update?: string[];
}

export const REQUIRED_ACCESS: ObjectAccess[] = [
  {
    object: 'Sales_Campaign__c',
    read: QUERIED_FIELDS.Sales_Campaign__c,
  },
  {
    object: 'Campaign_Step__c',
    read: QUERIED_FIELDS.Campaign_Step__c,
  },
  {
    object: 'Campaign_Enrollment__c',
    read: QUERIED_FIELDS.Campaign_Enrollment__c,
    update: ['Status__c', 'Time_Zone__c', 'Shift_Days__c', 'Ended_Reason__c', 'Unique_Key__c'],
  },
  {
    object: 'Enrollment_Step__c',
    read: QUERIED_FIELDS.Enrollment_Step__c,
    create: [
      'Enrollment__c',
      'Step__c',
      'Step_Key__c',
      'Status__c',
      'Scheduled_At__c',
      'Due_Date__c',
      'Expires_At__c',
    ],
    update: [
      'Status__c',
      'Scheduled_At__c',
      'Due_Date__c',
      'Expires_At__c',
      'Completed_At__c',
      'Task_Id__c',
      'Error__c',
      'Sent_At__c',
      'Message_Id__c',
      'In_Reply_To__c',
      'Subject__c',
      'Body__c',
    ],
  },
  {
    object: 'Task',
    read: QUERIED_FIELDS.Task,
    create: [
      'OwnerId',
      'WhoId',
      'WhatId',
      'Subject',
      'ActivityDate',
      'Type',
      'Status',
      'Priority',
      'Description',
      'Campaign_Step_Key__c',
    ],
    update: ['Status', 'Description'],
  },
  {
    object: 'Sync_Service_Status__c',
    read: ['Instance__c'],
    create: [
      'Name',
      'Instance__c',
      'Last_Heartbeat_At__c',
      'Stream_Lag_Seconds__c',
      'Version__c',
      'Emails_Sent_Today__c',
      'Last_Error__c',
      'Last_Error_At__c',
    ],
    update: [
      'Last_Heartbeat_At__c',
      'Stream_Lag_Seconds__c',
      'Version__c',
      'Emails_Sent_Today__c',
      'Last_Error__c',
      'Last_Error_At__c',
    ],
  },
  {
    object: 'Campaign_Activity__e',
    read: [],
    create: ['Kind__c', 'Enrollment_Id__c', 'Enrollment_Step_Id__c', 'Owner_Id__c'],
  },
  {
    object: 'Campaign_Setting__mdt',
    read: QUERIED_FIELDS.Campaign_Setting__mdt,
  },
  { object: 'User', read: QUERIED_FIELDS.User },
  { object: 'Holiday', read: QUERIED_FIELDS.Holiday },
  { object: 'Contact', read: QUERIED_FIELDS.Contact },
  { object: 'Lead', read: QUERIED_FIELDS.Lead },
];
