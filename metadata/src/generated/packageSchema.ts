// Generated from force-app by `npm run generate -w @sales-campaigns/metadata`. Do not edit by hand:
// `npm test` fails when this file no longer matches force-app. Import it as
// `@sales-campaigns/metadata/schema`: a renamed field then breaks the TypeScript build.

/** A related record of a standard object: only what the query selected. */
export type StandardRecord = { Id?: string; attributes?: { type: string; url: string } } & Record<
  string,
  unknown
>;

/** A child relationship in a SOQL result. */
export interface QueryResult<T> {
  totalSize: number;
  done: boolean;
  records: T[];
}

/** Campaign_Enrollment__c.Status__c values, in the package's order. */
export const CAMPAIGN_ENROLLMENT_STATUS_VALUES = [
  'Scheduled',
  'Active',
  'Paused',
  'Completed',
  'Replied',
  'Bounced',
  'Unsubscribed',
  'Removed',
  'Failed',
] as const;
export type CampaignEnrollmentStatus = (typeof CAMPAIGN_ENROLLMENT_STATUS_VALUES)[number];

/** Campaign_Step__c.Send_Option__c values, in the package's order. */
export const CAMPAIGN_STEP_SEND_OPTION_VALUES = [
  'Choose_At_Launch',
  'At_Time',
  'Manual_Task',
  'Same_Time_As_Previous',
  'Thread_Previous',
] as const;
export type CampaignStepSendOption = (typeof CAMPAIGN_STEP_SEND_OPTION_VALUES)[number];

/** Campaign_Step__c.Type__c values, in the package's order. */
export const CAMPAIGN_STEP_TYPE_VALUES = ['Email', 'Call', 'InMail', 'Custom_Task'] as const;
export type CampaignStepType = (typeof CAMPAIGN_STEP_TYPE_VALUES)[number];

/** Enrollment_Step__c.Status__c values, in the package's order. */
export const ENROLLMENT_STEP_STATUS_VALUES = [
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
] as const;
export type EnrollmentStepStatus = (typeof ENROLLMENT_STEP_STATUS_VALUES)[number];

/** Sales_Campaign__c.On_Task_Expiry__c values, in the package's order. */
export const SALES_CAMPAIGN_ON_TASK_EXPIRY_VALUES = ['Skip_Step', 'End_Campaign'] as const;
export type SalesCampaignOnTaskExpiry = (typeof SALES_CAMPAIGN_ON_TASK_EXPIRY_VALUES)[number];

/** Sales_Campaign__c.Status__c values, in the package's order. */
export const SALES_CAMPAIGN_STATUS_VALUES = ['Draft', 'Active', 'Paused', 'Archived'] as const;
export type SalesCampaignStatus = (typeof SALES_CAMPAIGN_STATUS_VALUES)[number];

/** Sales_Campaign__c.Time_Zone_Mode__c values, in the package's order. */
export const SALES_CAMPAIGN_TIME_ZONE_MODE_VALUES = ['Sender', 'Recipient'] as const;
export type SalesCampaignTimeZoneMode = (typeof SALES_CAMPAIGN_TIME_ZONE_MODE_VALUES)[number];

/** Every object the package declares or extends, with its fields. */
export const packageSchema = {
  Campaign_Activity__e: {
    kind: 'platformEvent',
    label: 'Campaign Activity',
    pluralLabel: 'Campaign Activities',
    fields: {
      Enrollment_Id__c: { type: 'Text', label: 'Enrollment Id', required: false, length: 18 },
      Enrollment_Step_Id__c: { type: 'Text', label: 'Enrollment Step Id', required: false, length: 18 },
      Kind__c: { type: 'Text', label: 'Kind', required: true, length: 40 },
      Owner_Id__c: { type: 'Text', label: 'Owner Id', required: false, length: 18 },
    },
  },
  Campaign_Enrollment__c: {
    kind: 'custom',
    label: 'Campaign Enrollment',
    pluralLabel: 'Campaign Enrollments',
    nameField: { label: 'Enrollment Number', type: 'AutoNumber' },
    sharingModel: 'Private',
    fields: {
      Campaign__c: {
        type: 'Lookup',
        label: 'Sales Campaign',
        required: true,
        referenceTo: 'Sales_Campaign__c',
        relationshipName: 'Enrollments',
        deleteConstraint: 'Restrict',
      },
      Contact__c: {
        type: 'Lookup',
        label: 'Contact',
        required: false,
        referenceTo: 'Contact',
        relationshipName: 'Campaign_Enrollments',
        deleteConstraint: 'SetNull',
      },
      Ended_Reason__c: { type: 'Text', label: 'Ended Reason', required: false, length: 255 },
      Launched_At__c: { type: 'DateTime', label: 'Launched At', required: false },
      Lead__c: {
        type: 'Lookup',
        label: 'Lead',
        required: false,
        referenceTo: 'Lead',
        relationshipName: 'Campaign_Enrollments',
        deleteConstraint: 'SetNull',
      },
      Paused_At__c: { type: 'DateTime', label: 'Paused At', required: false },
      Send_At__c: { type: 'DateTime', label: 'Send At', required: false },
      Shift_Days__c: {
        type: 'Number',
        label: 'Shift (Days)',
        required: false,
        precision: 4,
        scale: 0,
        defaultValue: '0',
      },
      Status__c: {
        type: 'Picklist',
        label: 'Status',
        required: true,
        values: CAMPAIGN_ENROLLMENT_STATUS_VALUES,
        labels: {
          Scheduled: 'Scheduled',
          Active: 'Active',
          Paused: 'Paused',
          Completed: 'Completed',
          Replied: 'Replied',
          Bounced: 'Bounced',
          Unsubscribed: 'Unsubscribed',
          Removed: 'Removed',
          Failed: 'Failed',
        },
        restricted: true,
      },
      Time_Zone__c: { type: 'Text', label: 'Time Zone', required: false, length: 40 },
      Unique_Key__c: {
        type: 'Text',
        label: 'Unique Key',
        required: false,
        length: 80,
        externalId: true,
        unique: true,
      },
    },
  },
  Campaign_Setting__mdt: {
    kind: 'customMetadata',
    label: 'Campaign Setting',
    pluralLabel: 'Campaign Settings',
    fields: {
      Daily_Cap_Per_Sender__c: {
        type: 'Number',
        label: 'Daily Cap Per Sender',
        required: false,
        precision: 6,
        scale: 0,
      },
      Default_Send_Time__c: { type: 'Text', label: 'Default Send Time', required: false, length: 5 },
      Min_Spacing_Seconds__c: {
        type: 'Number',
        label: 'Minimum Spacing (Seconds)',
        required: false,
        precision: 6,
        scale: 0,
      },
      Recipient_Time_Zone_Field__c: {
        type: 'Text',
        label: 'Recipient Time Zone Field',
        required: false,
        length: 80,
      },
      Send_Window_End__c: { type: 'Text', label: 'Send Window End', required: false, length: 5 },
      Send_Window_Start__c: { type: 'Text', label: 'Send Window Start', required: false, length: 5 },
      Task_Expiry_Days__c: {
        type: 'Number',
        label: 'Task Expiry (Days)',
        required: false,
        precision: 3,
        scale: 0,
      },
    },
  },
  Campaign_Step__c: {
    kind: 'custom',
    label: 'Campaign Step',
    pluralLabel: 'Campaign Steps',
    nameField: { label: 'Step Number', type: 'AutoNumber' },
    sharingModel: 'ControlledByParent',
    fields: {
      Body__c: { type: 'Html', label: 'Body', required: false, length: 131072 },
      Campaign__c: {
        type: 'MasterDetail',
        label: 'Sales Campaign',
        required: true,
        referenceTo: 'Sales_Campaign__c',
        relationshipName: 'Steps',
      },
      Day__c: { type: 'Number', label: 'Day', required: true, precision: 3, scale: 0 },
      Email_Template_Id__c: { type: 'Text', label: 'Email Template Id', required: false, length: 18 },
      Instructions__c: { type: 'LongTextArea', label: 'Instructions', required: false, length: 32768 },
      Order__c: { type: 'Number', label: 'Order', required: true, precision: 3, scale: 0, defaultValue: '1' },
      Send_Option__c: {
        type: 'Picklist',
        label: 'Send Option',
        required: false,
        values: CAMPAIGN_STEP_SEND_OPTION_VALUES,
        labels: {
          Choose_At_Launch: 'I will choose when to send this email',
          At_Time: 'Send this email at the following time',
          Manual_Task: 'Create a task; I will send this email myself',
          Same_Time_As_Previous: 'Send this email at the same time as the previous email in this campaign',
          Thread_Previous: 'Thread this email to the previous email',
        },
        restricted: true,
      },
      Send_Time__c: { type: 'Time', label: 'Send Time', required: false },
      Subject__c: { type: 'Text', label: 'Subject', required: false, length: 255 },
      Type__c: {
        type: 'Picklist',
        label: 'Type',
        required: true,
        values: CAMPAIGN_STEP_TYPE_VALUES,
        labels: { Email: 'Email', Call: 'Call', InMail: 'LinkedIn InMail', Custom_Task: 'Custom Task' },
        restricted: true,
      },
    },
  },
  Contact: {
    kind: 'standard',
    fields: {
      Time_Zone__c: { type: 'Text', label: 'Time Zone', required: false, length: 40 },
    },
  },
  Enrollment_Step__c: {
    kind: 'custom',
    label: 'Enrollment Step',
    pluralLabel: 'Enrollment Steps',
    nameField: { label: 'Enrollment Step Number', type: 'AutoNumber' },
    sharingModel: 'ControlledByParent',
    fields: {
      Body__c: { type: 'Html', label: 'Body', required: false, length: 131072 },
      Completed_At__c: { type: 'DateTime', label: 'Completed At', required: false },
      Due_Date__c: { type: 'Date', label: 'Due Date', required: false },
      Enrollment__c: {
        type: 'MasterDetail',
        label: 'Enrollment',
        required: true,
        referenceTo: 'Campaign_Enrollment__c',
        relationshipName: 'Enrollment_Steps',
      },
      Error__c: { type: 'LongTextArea', label: 'Error', required: false, length: 32768 },
      Expires_At__c: { type: 'DateTime', label: 'Expires At', required: false },
      In_Reply_To__c: { type: 'Text', label: 'In-Reply-To', required: false, length: 255 },
      Message_Id__c: { type: 'Text', label: 'Message-ID', required: false, length: 255 },
      Notes__c: { type: 'LongTextArea', label: 'Notes', required: false, length: 32768 },
      Scheduled_At__c: { type: 'DateTime', label: 'Scheduled At', required: false },
      Sent_At__c: { type: 'DateTime', label: 'Sent At', required: false },
      Status__c: {
        type: 'Picklist',
        label: 'Status',
        required: true,
        values: ENROLLMENT_STEP_STATUS_VALUES,
        labels: {
          Pending: 'Pending',
          Scheduled: 'Scheduled',
          Task_Open: 'Task Open',
          Send_Requested: 'Send Requested',
          Sending: 'Sending',
          Sent: 'Sent',
          Completed: 'Completed',
          Failed: 'Failed',
          Expired: 'Expired',
          Cancelled: 'Cancelled',
          Skipped: 'Skipped',
          Uncertain: 'Uncertain',
        },
        restricted: true,
      },
      Step_Key__c: {
        type: 'Text',
        label: 'Step Key',
        required: false,
        length: 80,
        externalId: true,
        unique: true,
      },
      Step__c: {
        type: 'Lookup',
        label: 'Campaign Step',
        required: false,
        referenceTo: 'Campaign_Step__c',
        relationshipName: 'Enrollment_Steps',
        deleteConstraint: 'SetNull',
      },
      Subject__c: { type: 'Text', label: 'Subject', required: false, length: 255 },
      Task_Id__c: { type: 'Text', label: 'Task Id', required: false, length: 18 },
    },
  },
  Event: {
    kind: 'standard',
    declaredOn: 'Activity',
    fields: {
      Campaign_Step_Key__c: {
        type: 'Text',
        label: 'Campaign Step Key',
        required: false,
        length: 80,
        externalId: true,
      },
    },
  },
  Lead: {
    kind: 'standard',
    fields: {
      Time_Zone__c: { type: 'Text', label: 'Time Zone', required: false, length: 40 },
    },
  },
  Sales_Campaign__c: {
    kind: 'custom',
    label: 'Sales Campaign',
    pluralLabel: 'Sales Campaigns',
    nameField: { label: 'Campaign Name', type: 'Text' },
    sharingModel: 'Read',
    fields: {
      Default_Send_Time__c: { type: 'Time', label: 'Default Send Time', required: false },
      Description__c: { type: 'LongTextArea', label: 'Description', required: false, length: 32768 },
      End_On_Reply__c: { type: 'Checkbox', label: 'End On Reply', required: false, defaultValue: 'true' },
      On_Task_Expiry__c: {
        type: 'Picklist',
        label: 'On Task Expiry',
        required: false,
        values: SALES_CAMPAIGN_ON_TASK_EXPIRY_VALUES,
        labels: { Skip_Step: 'Skip the step and continue', End_Campaign: "End the person's campaign" },
        restricted: true,
      },
      Skip_Holidays__c: { type: 'Checkbox', label: 'Skip Holidays', required: false, defaultValue: 'true' },
      Skip_Weekends__c: { type: 'Checkbox', label: 'Skip Weekends', required: false, defaultValue: 'true' },
      Status__c: {
        type: 'Picklist',
        label: 'Status',
        required: true,
        values: SALES_CAMPAIGN_STATUS_VALUES,
        labels: { Draft: 'Draft', Active: 'Active', Paused: 'Paused', Archived: 'Archived' },
        restricted: true,
      },
      Task_Expiry_Days__c: {
        type: 'Number',
        label: 'Task Expiry (Days)',
        required: false,
        precision: 3,
        scale: 0,
        defaultValue: '2',
      },
      Time_Zone_Mode__c: {
        type: 'Picklist',
        label: 'Time Zone Mode',
        required: false,
        values: SALES_CAMPAIGN_TIME_ZONE_MODE_VALUES,
        labels: { Sender: "Sender's time zone", Recipient: "Recipient's time zone" },
        restricted: true,
      },
    },
  },
  Sync_Service_Status__c: {
    kind: 'custom',
    label: 'Sync Service Status',
    pluralLabel: 'Sync Service Statuses',
    nameField: { label: 'Instance Name', type: 'Text' },
    sharingModel: 'Read',
    fields: {
      Emails_Sent_Today__c: {
        type: 'Number',
        label: 'Emails Sent Today',
        required: false,
        precision: 9,
        scale: 0,
      },
      Instance__c: {
        type: 'Text',
        label: 'Instance',
        required: true,
        length: 80,
        externalId: true,
        unique: true,
      },
      Last_Error_At__c: { type: 'DateTime', label: 'Last Error At', required: false },
      Last_Error__c: { type: 'LongTextArea', label: 'Last Error', required: false, length: 32768 },
      Last_Heartbeat_At__c: { type: 'DateTime', label: 'Last Heartbeat At', required: false },
      Stream_Lag_Seconds__c: {
        type: 'Number',
        label: 'Stream Lag (Seconds)',
        required: false,
        precision: 9,
        scale: 0,
      },
      Version__c: { type: 'Text', label: 'Version', required: false, length: 40 },
    },
  },
  Task: {
    kind: 'standard',
    declaredOn: 'Activity',
    fields: {
      Campaign_Step_Key__c: {
        type: 'Text',
        label: 'Campaign Step Key',
        required: false,
        length: 80,
        externalId: true,
      },
    },
  },
} as const;

export type PackageObjectName = keyof typeof packageSchema;
export type PackageFieldName<O extends PackageObjectName> = keyof (typeof packageSchema)[O]['fields'];

/** Campaign Activity. */
export interface Campaign_Activity__e {
  attributes?: { type: string; url: string };
  ReplayId?: string;
  CreatedDate?: string;
  CreatedById?: string;
  /** Enrollment Id (Text): The Campaign Enrollment concerned. */
  Enrollment_Id__c?: string | null;
  /** Enrollment Step Id (Text): The Enrollment Step concerned, when there is one. */
  Enrollment_Step_Id__c?: string | null;
  /** Kind (Text): What happened, e.g. email_sent, task_opened, task_expired, campaign_ended. */
  Kind__c?: string | null;
  /** Owner Id (Text): The enrollment owner's user id, so each rep's Live Feed shows their own activity. */
  Owner_Id__c?: string | null;
}

/** Campaign Enrollment. */
export interface Campaign_Enrollment__c {
  attributes?: { type: string; url: string };
  Id: string;
  Name?: string;
  OwnerId?: string;
  CreatedDate?: string;
  LastModifiedDate?: string;
  SystemModstamp?: string;
  /** Sales Campaign (Lookup): The campaign this person is in. */
  Campaign__c?: string | null;
  Campaign__r?: Sales_Campaign__c | null;
  /** Contact (Lookup): The contact in the campaign. Fill in either Contact or Lead, not both. */
  Contact__c?: string | null;
  Contact__r?: StandardRecord | null;
  /** Ended Reason (Text): Why the campaign ended for this person (reply, bounce, unsubscribe, removed, last step, …). */
  Ended_Reason__c?: string | null;
  /** Launched At (DateTime): When the rep added this person to the campaign. */
  Launched_At__c?: string | null;
  /** Lead (Lookup): The lead in the campaign. Fill in either Contact or Lead, not both. */
  Lead__c?: string | null;
  Lead__r?: StandardRecord | null;
  /** Paused At (DateTime): When the campaign was paused for this person; on resume the remaining steps move by the campaign days that began while paused. */
  Paused_At__c?: string | null;
  /** Send At (DateTime): The moment chosen at launch for the first email. Empty means start now. */
  Send_At__c?: string | null;
  /** Shift (Days) (Number): Campaign days the remaining steps have moved because of late or expired tasks and pauses. */
  Shift_Days__c?: number | null;
  /** Status (Picklist): Scheduled when added and not planned yet; Active while steps run; the other values say why the campaign ended or is on hold. */
  Status__c?: CampaignEnrollmentStatus | null;
  /** Time Zone (Text): The time zone (IANA name, e.g. Europe/Paris) that this person's send times follow, set by the sync service when it plans the campaign. */
  Time_Zone__c?: string | null;
  /** Unique Key (Text): Campaign id : contact or lead id. Stops the same person from being in the same campaign twice at once; cleared when their campaign ends. */
  Unique_Key__c?: string | null;
  /** Child Enrollment Step records through Enrollment_Step__c.Enrollment__c. */
  Enrollment_Steps__r?: QueryResult<Enrollment_Step__c> | null;
}

/** Campaign Setting. */
export interface Campaign_Setting__mdt {
  attributes?: { type: string; url: string };
  Id?: string;
  DeveloperName: string;
  MasterLabel?: string;
  /** Daily Cap Per Sender (Number): Most automatic emails one rep sends per day; later emails wait for the next day. Empty or 0 = no cap. */
  Daily_Cap_Per_Sender__c?: number | null;
  /** Default Send Time (Text): HH:mm, 24-hour. Used when a campaign has no Default Send Time of its own. */
  Default_Send_Time__c?: string | null;
  /** Minimum Spacing (Seconds) (Number): Least time between two of one rep's automatic emails. */
  Min_Spacing_Seconds__c?: number | null;
  /** Recipient Time Zone Field (Text): API name of the field on Contact and Lead that holds the person's IANA time zone (e.g. Time_Zone__c), used by campaigns in Recipient mode. */
  Recipient_Time_Zone_Field__c?: string | null;
  /** Send Window End (Text): HH:mm, 24-hour, in the send time zone: automatic emails after this time wait for the next window. */
  Send_Window_End__c?: string | null;
  /** Send Window Start (Text): HH:mm, 24-hour, in the send time zone: automatic emails wait until this time. Empty = no window. */
  Send_Window_Start__c?: string | null;
  /** Task Expiry (Days) (Number): Campaign days a task stays open after its due date when the campaign sets none. */
  Task_Expiry_Days__c?: number | null;
}

/** Campaign Step. */
export interface Campaign_Step__c {
  attributes?: { type: string; url: string };
  Id: string;
  Name?: string;
  CreatedDate?: string;
  LastModifiedDate?: string;
  SystemModstamp?: string;
  /** Body (Html): Email body. Merge fields are filled in per person; an email with a merge field that cannot be filled in is not sent. */
  Body__c?: string | null;
  /** Sales Campaign (MasterDetail): The campaign this step belongs to. */
  Campaign__c?: string | null;
  Campaign__r?: Sales_Campaign__c | null;
  /** Day (Number): The campaign day of this step: Day 3 is the third campaign day, not three days after the previous step. */
  Day__c?: number | null;
  /** Email Template Id (Text): Optional: the Salesforce email template this step was built from. */
  Email_Template_Id__c?: string | null;
  /** Instructions (LongTextArea): For call, InMail and custom-task steps: what the rep should do. Shown on the task. */
  Instructions__c?: string | null;
  /** Order (Number): Position of this step within its day (1 first). */
  Order__c?: number | null;
  /** Send Option (Picklist): Email steps only: when and how the email goes. The first email offers choose-at-launch, a fixed time or a manual task; later emails can follow or thread onto the previous one. */
  Send_Option__c?: CampaignStepSendOption | null;
  /** Send Time (Time, REST returns "HH:mm:ss.SSSZ" where Z is not UTC): Time of day the email goes, in the send time zone. Required for 'Send this email at the following time'. */
  Send_Time__c?: string | null;
  /** Subject (Text): Email subject. Merge fields such as {{{Recipient.FirstName}}} are filled in per person. Threaded follow-ups use Re: plus the previous subject. */
  Subject__c?: string | null;
  /** Type (Picklist): Email steps send or prepare an email; Call, InMail and Custom Task steps create a task for the rep. */
  Type__c?: CampaignStepType | null;
  /** Child Enrollment Step records through Enrollment_Step__c.Step__c. */
  Enrollment_Steps__r?: QueryResult<Enrollment_Step__c> | null;
}

/** Contact: the package's custom fields on Contact. */
export interface ContactCustomFields {
  attributes?: { type: string; url: string };
  Id?: string;
  /** Time Zone (Text): This person's time zone as an IANA name (e.g. America/New_York), used by sales campaigns in Recipient time-zone mode. */
  Time_Zone__c?: string | null;
  /** Child Campaign Enrollment records through Campaign_Enrollment__c.Contact__c. */
  Campaign_Enrollments__r?: QueryResult<Campaign_Enrollment__c> | null;
}

/** Enrollment Step. */
export interface Enrollment_Step__c {
  attributes?: { type: string; url: string };
  Id: string;
  Name?: string;
  CreatedDate?: string;
  LastModifiedDate?: string;
  SystemModstamp?: string;
  /** Body (Html): The body as prepared or sent for this person. */
  Body__c?: string | null;
  /** Completed At (DateTime): When the task was completed or the email was sent outside Salesforce. */
  Completed_At__c?: string | null;
  /** Due Date (Date): Task steps: the day the task is due. */
  Due_Date__c?: string | null;
  /** Enrollment (MasterDetail): The person's campaign this step belongs to. */
  Enrollment__c?: string | null;
  Enrollment__r?: Campaign_Enrollment__c | null;
  /** Error (LongTextArea): Why this step failed or was cancelled, e.g. the mail server's reply. */
  Error__c?: string | null;
  /** Expires At (DateTime): Task steps: when the task expires if it is not completed. */
  Expires_At__c?: string | null;
  /** In-Reply-To (Text): The Message-ID this email replied to, for threaded follow-ups. */
  In_Reply_To__c?: string | null;
  /** Message-ID (Text): The Message-ID header of the sent email, so follow-ups can thread onto it. */
  Message_Id__c?: string | null;
  /** Notes (LongTextArea): What the rep noted when completing the step (call outcome, InMail sent, …). */
  Notes__c?: string | null;
  /** Scheduled At (DateTime): When the email is planned to go (or was requested for). Empty on a send request means now. */
  Scheduled_At__c?: string | null;
  /** Sent At (DateTime): When the email was sent. */
  Sent_At__c?: string | null;
  /** Status (Picklist): Pending behind a task, Scheduled with a moment, Task Open while the rep works it; Uncertain means the service cannot tell whether the email went and needs a review. */
  Status__c?: EnrollmentStepStatus | null;
  /** Step Key (Text): Enrollment id : campaign step id. Lets the sync service upsert without duplicates. */
  Step_Key__c?: string | null;
  /** Campaign Step (Lookup): The campaign step this is an occurrence of. */
  Step__c?: string | null;
  Step__r?: Campaign_Step__c | null;
  /** Subject (Text): The subject as prepared or sent for this person. */
  Subject__c?: string | null;
  /** Task Id (Text): The Salesforce task created for this step. */
  Task_Id__c?: string | null;
}

/** Event: the package's custom fields on Event. */
export interface EventCustomFields {
  attributes?: { type: string; url: string };
  Id?: string;
  /** Campaign Step Key (Text): Links a campaign task to its enrollment step (the step's Step Key). Set by the sync service. */
  Campaign_Step_Key__c?: string | null;
}

/** Lead: the package's custom fields on Lead. */
export interface LeadCustomFields {
  attributes?: { type: string; url: string };
  Id?: string;
  /** Time Zone (Text): This person's time zone as an IANA name (e.g. America/New_York), used by sales campaigns in Recipient time-zone mode. */
  Time_Zone__c?: string | null;
  /** Child Campaign Enrollment records through Campaign_Enrollment__c.Lead__c. */
  Campaign_Enrollments__r?: QueryResult<Campaign_Enrollment__c> | null;
}

/** Sales Campaign. */
export interface Sales_Campaign__c {
  attributes?: { type: string; url: string };
  Id: string;
  Name?: string;
  OwnerId?: string;
  CreatedDate?: string;
  LastModifiedDate?: string;
  SystemModstamp?: string;
  /** Default Send Time (Time, REST returns "HH:mm:ss.SSSZ" where Z is not UTC): Time of day used for an email that follows the previous email when no earlier day has one, and for projecting after a manual email. Empty = org default. */
  Default_Send_Time__c?: string | null;
  /** Description (LongTextArea): What this campaign is for and who it targets, for the reps who use it. */
  Description__c?: string | null;
  /** End On Reply (Checkbox): When checked, a reply from the person ends their campaign (needs reply tracking to be configured). */
  End_On_Reply__c?: boolean;
  /** On Task Expiry (Picklist): What happens to a person's campaign when one of its tasks expires. */
  On_Task_Expiry__c?: SalesCampaignOnTaskExpiry | null;
  /** Skip Holidays (Checkbox): When checked, the org's holidays (Setup > Holidays) are not campaign days. */
  Skip_Holidays__c?: boolean;
  /** Skip Weekends (Checkbox): When checked, Saturdays and Sundays are not campaign days: steps land on the next business day. */
  Skip_Weekends__c?: boolean;
  /** Status (Picklist): Draft while you build it; Active to add people; Paused holds every pending step; Archived hides it from the builder. */
  Status__c?: SalesCampaignStatus | null;
  /** Task Expiry (Days) (Number): Campaign days a task stays open after its due date before it expires (0 = it expires at the end of its due day). Empty = org default. */
  Task_Expiry_Days__c?: number | null;
  /** Time Zone Mode (Picklist): Whose clock the send times follow: the sending rep's Salesforce time zone, or the contact's or lead's time zone (falls back to the rep's when the person has none). */
  Time_Zone_Mode__c?: SalesCampaignTimeZoneMode | null;
  /** Child Campaign Enrollment records through Campaign_Enrollment__c.Campaign__c. */
  Enrollments__r?: QueryResult<Campaign_Enrollment__c> | null;
  /** Child Campaign Step records through Campaign_Step__c.Campaign__c. */
  Steps__r?: QueryResult<Campaign_Step__c> | null;
}

/** Sync Service Status. */
export interface Sync_Service_Status__c {
  attributes?: { type: string; url: string };
  Id: string;
  Name?: string;
  OwnerId?: string;
  CreatedDate?: string;
  LastModifiedDate?: string;
  SystemModstamp?: string;
  /** Emails Sent Today (Number): Emails sent by this instance since midnight UTC. */
  Emails_Sent_Today__c?: number | null;
  /** Instance (Text): Identifies one running sync service process (host and process). */
  Instance__c?: string | null;
  /** Last Error At (DateTime): When the last error happened. */
  Last_Error_At__c?: string | null;
  /** Last Error (LongTextArea): The last error this instance reported, e.g. an SMTP authentication failure. */
  Last_Error__c?: string | null;
  /** Last Heartbeat At (DateTime): When this instance last reported. Older than a few minutes means it is down. */
  Last_Heartbeat_At__c?: string | null;
  /** Stream Lag (Seconds) (Number): How far behind the change stream this instance is. */
  Stream_Lag_Seconds__c?: number | null;
  /** Version (Text): The sync service version running. */
  Version__c?: string | null;
}

/** Task: the package's custom fields on Task. */
export interface TaskCustomFields {
  attributes?: { type: string; url: string };
  Id?: string;
  /** Campaign Step Key (Text): Links a campaign task to its enrollment step (the step's Step Key). Set by the sync service. */
  Campaign_Step_Key__c?: string | null;
}

/** Change Data Capture channels and their member change events. */
export const channels = {
  Sales_Campaigns__chn: [
    'Campaign_Enrollment__ChangeEvent',
    'Campaign_Step__ChangeEvent',
    'Enrollment_Step__ChangeEvent',
    'Sales_Campaign__ChangeEvent',
  ],
} as const;

/** Custom metadata records shipped with the package, e.g. the org-default Campaign Setting. */
export const customMetadataRecords = {
  'Campaign_Setting__mdt.Default': {
    DeveloperName: 'Default',
    MasterLabel: 'Default',
    Daily_Cap_Per_Sender__c: 200,
    Default_Send_Time__c: '09:00',
    Min_Spacing_Seconds__c: 60,
    Recipient_Time_Zone_Field__c: 'Time_Zone__c',
    Send_Window_End__c: '19:00',
    Send_Window_Start__c: '07:00',
    Task_Expiry_Days__c: 2,
  },
} as const;
