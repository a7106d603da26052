// What the integration user must be able to do, object by object (least privilege: no View All
// Data, no Modify All Data). `sync-service doctor` compares this with describe results.
export interface ObjectAccess {
  object: string;
  read: string[];
  create?: string[];
  update?: string[];
}

export const REQUIRED_ACCESS: ObjectAccess[] = [
  {
    object: 'Sales_Campaign__c',
    read: ['Status__c', 'Skip_Weekends__c', 'Skip_Holidays__c', 'Time_Zone_Mode__c', 'Default_Send_Time__c', 'Task_Expiry_Days__c', 'On_Task_Expiry__c'],
  },
  {
    object: 'Campaign_Step__c',
    read: ['Campaign__c', 'Day__c', 'Order__c', 'Type__c', 'Send_Option__c', 'Send_Time__c', 'Subject__c', 'Body__c', 'Instructions__c'],
  },
  {
    object: 'Campaign_Enrollment__c',
    read: ['Campaign__c', 'Contact__c', 'Lead__c', 'Status__c', 'Send_At__c', 'Time_Zone__c', 'Launched_At__c', 'Paused_At__c', 'Shift_Days__c', 'Ended_Reason__c', 'Unique_Key__c'],
    update: ['Status__c', 'Time_Zone__c', 'Shift_Days__c', 'Ended_Reason__c', 'Unique_Key__c'],
  },
  {
    object: 'Enrollment_Step__c',
    read: ['Enrollment__c', 'Step__c', 'Step_Key__c', 'Status__c', 'Scheduled_At__c', 'Due_Date__c', 'Expires_At__c', 'Sent_At__c', 'Completed_At__c', 'Task_Id__c', 'Error__c'],
    create: ['Enrollment__c', 'Step__c', 'Step_Key__c', 'Status__c', 'Scheduled_At__c', 'Due_Date__c', 'Expires_At__c'],
    update: ['Status__c', 'Scheduled_At__c', 'Due_Date__c', 'Expires_At__c', 'Completed_At__c', 'Task_Id__c', 'Error__c', 'Sent_At__c', 'Message_Id__c', 'In_Reply_To__c', 'Subject__c', 'Body__c'],
  },
  {
    object: 'Task',
    read: ['Status', 'IsClosed', 'Campaign_Step_Key__c', 'CompletedDateTime'],
    create: ['OwnerId', 'WhoId', 'WhatId', 'Subject', 'ActivityDate', 'Type', 'Status', 'Priority', 'Description', 'Campaign_Step_Key__c'],
    update: ['Status', 'Description'],
  },
  {
    object: 'Sync_Service_Status__c',
    read: ['Instance__c'],
    create: ['Name', 'Instance__c', 'Last_Heartbeat_At__c', 'Stream_Lag_Seconds__c', 'Version__c', 'Emails_Sent_Today__c', 'Last_Error__c', 'Last_Error_At__c'],
    update: ['Last_Heartbeat_At__c', 'Stream_Lag_Seconds__c', 'Version__c', 'Emails_Sent_Today__c', 'Last_Error__c', 'Last_Error_At__c'],
  },
  { object: 'Campaign_Activity__e', read: [], create: ['Kind__c', 'Enrollment_Id__c', 'Enrollment_Step_Id__c', 'Owner_Id__c'] },
  {
    object: 'Campaign_Setting__mdt',
    read: ['Default_Send_Time__c', 'Task_Expiry_Days__c', 'Daily_Cap_Per_Sender__c', 'Min_Spacing_Seconds__c', 'Send_Window_Start__c', 'Send_Window_End__c', 'Recipient_Time_Zone_Field__c'],
  },
  { object: 'User', read: ['TimeZoneSidKey'] },
  { object: 'Holiday', read: ['ActivityDate', 'IsRecurrence', 'RecurrenceType'] },
  { object: 'Contact', read: ['Email', 'HasOptedOutOfEmail'] },
  { object: 'Lead', read: ['Email', 'HasOptedOutOfEmail'] },
];
