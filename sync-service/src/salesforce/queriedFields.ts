// The fields the service selects, object by object: the adapters' SELECT lists and the `doctor`
// command's read check (requiredAccess.ts) both come from here, so a field added to a query is
// checked for access too. Package fields are typed against the generated package schema: a
// renamed field breaks the build. Merge fields named in templates (and the configured recipient
// time zone field) come on top at run time and cannot be checked ahead.
import type {
  Campaign_Enrollment__c,
  Campaign_Setting__mdt,
  Campaign_Step__c,
  Enrollment_Step__c,
  Sales_Campaign__c,
  TaskCustomFields,
} from '@sales-campaigns/metadata/schema';

const fieldsOf = <T>(...fields: Array<keyof T & string>): readonly string[] => fields;

export const ENROLLMENT_FIELDS = fieldsOf<Campaign_Enrollment__c>(
  'Id',
  'OwnerId',
  'Campaign__c',
  'Contact__c',
  'Lead__c',
  'Status__c',
  'Send_At__c',
  'Time_Zone__c',
  'Launched_At__c',
  'Paused_At__c',
  'Shift_Days__c',
  'Ended_Reason__c',
  'Unique_Key__c',
  'CreatedDate',
  'SystemModstamp',
);

export const CAMPAIGN_FIELDS = fieldsOf<Sales_Campaign__c>(
  'Id',
  'Name',
  'Status__c',
  'Skip_Weekends__c',
  'Skip_Holidays__c',
  'Time_Zone_Mode__c',
  'Default_Send_Time__c',
  'Task_Expiry_Days__c',
  'On_Task_Expiry__c',
  'SystemModstamp',
);

/** Campaign_Step__c as the planner reads it. */
export const STEP_FIELDS = fieldsOf<Campaign_Step__c>(
  'Id',
  'Name',
  'Campaign__c',
  'Day__c',
  'Order__c',
  'Type__c',
  'Send_Option__c',
  'Send_Time__c',
  'Subject__c',
  'Instructions__c',
);

/** Campaign_Step__c as the dispatcher reads it: the template it sends. */
export const STEP_CONTENT_FIELDS = fieldsOf<Campaign_Step__c>(
  'Id',
  'Campaign__c',
  'Day__c',
  'Order__c',
  'Type__c',
  'Send_Option__c',
  'Subject__c',
  'Body__c',
);

/** Enrollment_Step__c as the planner reads it. */
export const ENROLLMENT_STEP_FIELDS = fieldsOf<Enrollment_Step__c>(
  'Id',
  'Enrollment__c',
  'Step__c',
  'Step_Key__c',
  'Status__c',
  'Scheduled_At__c',
  'Due_Date__c',
  'Expires_At__c',
  'Sent_At__c',
  'Completed_At__c',
  'Task_Id__c',
  'Error__c',
  'SystemModstamp',
);

/** Enrollment_Step__c as the dispatcher reads it: what was sent, for threading. */
export const SENDABLE_STEP_FIELDS = fieldsOf<Enrollment_Step__c>(
  'Id',
  'Enrollment__c',
  'Step__c',
  'Step_Key__c',
  'Status__c',
  'Scheduled_At__c',
  'Sent_At__c',
  'Completed_At__c',
  'Subject__c',
  'Body__c',
  'Message_Id__c',
  'In_Reply_To__c',
  'Task_Id__c',
);

export const TASK_FIELDS: readonly string[] = [
  'Id',
  'OwnerId',
  'Status',
  'IsClosed',
  ...fieldsOf<TaskCustomFields>('Campaign_Step_Key__c'),
  'CompletedDateTime',
  'LastModifiedDate',
  'SystemModstamp',
];

export const HOLIDAY_FIELDS: readonly string[] = [
  'Id',
  'Name',
  'ActivityDate',
  'IsAllDay',
  'IsRecurrence',
  'RecurrenceStartDate',
  'RecurrenceEndDateOnly',
  'RecurrenceType',
  'RecurrenceInterval',
  'RecurrenceDayOfWeekMask',
  'RecurrenceDayOfMonth',
  'RecurrenceInstance',
  'RecurrenceMonthOfYear',
];

export const SETTINGS_FIELDS = fieldsOf<Campaign_Setting__mdt>(
  'Default_Send_Time__c',
  'Task_Expiry_Days__c',
  'Daily_Cap_Per_Sender__c',
  'Min_Spacing_Seconds__c',
  'Send_Window_Start__c',
  'Send_Window_End__c',
  'Recipient_Time_Zone_Field__c',
);

/** Users as owners (the planner's time zones). */
export const USER_FIELDS: readonly string[] = ['Id', 'Name', 'TimeZoneSidKey'];
/** Users as senders, before the template's merge fields. */
export const SENDER_FIELDS: readonly string[] = ['Id', 'Name', 'Email', 'TimeZoneSidKey'];
/** Contacts and leads as recipients, before the template's merge fields. */
export const RECIPIENT_FIELDS: readonly string[] = ['Id', 'Email', 'Name', 'HasOptedOutOfEmail'];

const union = (...lists: Array<readonly string[]>): readonly string[] => [...new Set(lists.flat())];

/** Every field some query selects, by object. */
export const QUERIED_FIELDS = {
  Sales_Campaign__c: CAMPAIGN_FIELDS,
  Campaign_Step__c: union(STEP_FIELDS, STEP_CONTENT_FIELDS),
  Campaign_Enrollment__c: ENROLLMENT_FIELDS,
  Enrollment_Step__c: union(ENROLLMENT_STEP_FIELDS, SENDABLE_STEP_FIELDS),
  Task: TASK_FIELDS,
  Campaign_Setting__mdt: SETTINGS_FIELDS,
  User: union(USER_FIELDS, SENDER_FIELDS),
  Holiday: HOLIDAY_FIELDS,
  Contact: RECIPIENT_FIELDS,
  Lead: RECIPIENT_FIELDS,
} satisfies Record<string, readonly string[]>;

/** A SELECT list. */
export const selectList = (fields: readonly string[]): string => fields.join(', ');
