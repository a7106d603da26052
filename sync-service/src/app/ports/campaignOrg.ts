// The org as the use cases see it: typed reads of the package's records and batched writes that
// report an outcome per record. Implemented over jsforce in src/salesforce (SOQL, Composite +
// sObject Collections, Bulk API 2.0). Field names are the org's API names (DESIGN §3), so a
// renamed field is found by a search across the service.

export type OrgRecord = Record<string, unknown>;

export interface WriteError {
  code: string;
  message: string;
  fields: string[];
}

export type RecordOutcome =
  | { ok: true; id: string; created?: boolean }
  /** `unknownOutcome`: the call failed in a way that may have committed (creates only).
   * `transient`: it kept failing for a reason that passes (locks, 5xx, limits): try again later. */
  | { ok: false; errors: WriteError[]; unknownOutcome?: boolean; transient?: boolean };

export interface EnrollmentRecord {
  Id: string;
  OwnerId: string;
  Campaign__c: string;
  Contact__c: string | null;
  Lead__c: string | null;
  Status__c: string;
  Send_At__c: string | null;
  Time_Zone__c: string | null;
  Launched_At__c: string | null;
  Paused_At__c: string | null;
  Shift_Days__c: number | null;
  Ended_Reason__c: string | null;
  Unique_Key__c: string | null;
  CreatedDate: string;
  SystemModstamp: string;
}

export interface CampaignRecord {
  Id: string;
  Name: string;
  Status__c: string;
  Skip_Weekends__c: boolean;
  Skip_Holidays__c: boolean;
  Time_Zone_Mode__c: string | null;
  Default_Send_Time__c: string | null;
  Task_Expiry_Days__c: number | null;
  On_Task_Expiry__c: string | null;
  SystemModstamp: string;
}

export interface CampaignStepRecord {
  Id: string;
  Name: string;
  Campaign__c: string;
  Day__c: number;
  Order__c: number;
  Type__c: string;
  Send_Option__c: string | null;
  Send_Time__c: string | null;
  Subject__c: string | null;
  Instructions__c: string | null;
}

export interface EnrollmentStepRecord {
  Id: string;
  Enrollment__c: string;
  Step__c: string;
  Step_Key__c: string;
  Status__c: string;
  Scheduled_At__c: string | null;
  Due_Date__c: string | null;
  Expires_At__c: string | null;
  Sent_At__c: string | null;
  Completed_At__c: string | null;
  Task_Id__c: string | null;
  Error__c: string | null;
  SystemModstamp: string;
}

export interface UserRecord {
  Id: string;
  Name: string;
  TimeZoneSidKey: string;
}

export interface PersonRecord {
  Id: string;
  /** The recipient time zone field named by org settings, when asked for. */
  timeZone: string | null;
}

export interface TaskRecord {
  Id: string;
  OwnerId: string;
  Status: string;
  IsClosed: boolean;
  Campaign_Step_Key__c: string | null;
  CompletedDateTime: string | null;
  LastModifiedDate: string;
  SystemModstamp: string;
}

export interface HolidayRecord {
  Id: string;
  Name: string;
  ActivityDate: string | null;
  IsAllDay: boolean;
  IsRecurrence: boolean;
  RecurrenceStartDate: string | null;
  RecurrenceEndDateOnly: string | null;
  RecurrenceType: string | null;
  RecurrenceInterval: number | null;
  RecurrenceDayOfWeekMask: number | null;
  RecurrenceDayOfMonth: number | null;
  RecurrenceInstance: string | null;
  RecurrenceMonthOfYear: string | null;
}

/** Campaign_Setting__mdt, the `Default` record (times are Text `HH:mm`). */
export interface OrgSettingsRecord {
  Default_Send_Time__c: string | null;
  Task_Expiry_Days__c: number | null;
  Daily_Cap_Per_Sender__c: number | null;
  Min_Spacing_Seconds__c: number | null;
  Send_Window_Start__c: string | null;
  Send_Window_End__c: string | null;
  Recipient_Time_Zone_Field__c: string | null;
}

export interface CampaignOrg {
  /** REST calls made so far. */
  apiCalls(): number;
  /** The client name the service writes with (compared to CDC `changeOrigin`). */
  readonly clientName: string;

  enrollments(ids: string[]): Promise<EnrollmentRecord[]>;
  /** Enrollments that may still need the service (not ended), changed after `since` (ISO) or all. */
  liveEnrollmentsChangedSince(since: string | null): Promise<EnrollmentRecord[]>;
  enrollmentIdsOfCampaigns(campaignIds: string[]): Promise<string[]>;
  enrollmentsWithUniqueKeys(
    keys: string[],
  ): Promise<Array<Pick<EnrollmentRecord, 'Id' | 'Unique_Key__c' | 'Status__c'>>>;
  campaigns(ids: string[]): Promise<CampaignRecord[]>;
  stepsOfCampaigns(campaignIds: string[]): Promise<CampaignStepRecord[]>;
  enrollmentSteps(enrollmentIds: string[]): Promise<EnrollmentStepRecord[]>;
  enrollmentStepsByIds(ids: string[]): Promise<EnrollmentStepRecord[]>;
  enrollmentStepsByKeys(stepKeys: string[]): Promise<EnrollmentStepRecord[]>;
  /** Ended enrollments the service has not closed yet (their Unique_Key__c is still set). */
  endedEnrollmentsToClose(): Promise<EnrollmentRecord[]>;
  campaignIdsOfSteps(stepIds: string[]): Promise<string[]>;
  stepsByIds(stepIds: string[]): Promise<CampaignStepRecord[]>;
  tasksByIds(ids: string[]): Promise<TaskRecord[]>;
  /** Open tasks carrying Campaign_Step_Key__c (for the sweep's check of finished steps). */
  openCampaignTasks(): Promise<TaskRecord[]>;
  users(ids: string[]): Promise<UserRecord[]>;
  people(ids: string[], timeZoneField: string | null): Promise<PersonRecord[]>;
  orgSettings(): Promise<OrgSettingsRecord | null>;
  holidays(): Promise<HolidayRecord[]>;
  tasksByStepKeys(stepKeys: string[]): Promise<TaskRecord[]>;
  /** Tasks carrying Campaign_Step_Key__c changed at or after `since` (ISO), oldest first. */
  campaignTasksChangedSince(since: string): Promise<TaskRecord[]>;

  /** Upserts by Step_Key__c, so a retried write never duplicates a step. */
  upsertEnrollmentSteps(records: OrgRecord[]): Promise<RecordOutcome[]>;
  updateEnrollments(records: OrgRecord[]): Promise<RecordOutcome[]>;
  updateEnrollmentSteps(records: OrgRecord[]): Promise<RecordOutcome[]>;
  createTasks(records: OrgRecord[]): Promise<RecordOutcome[]>;
  updateTasks(records: OrgRecord[]): Promise<RecordOutcome[]>;
  publishActivities(events: ActivityEvent[]): Promise<RecordOutcome[]>;
  upsertServiceStatus(record: OrgRecord): Promise<RecordOutcome>;
}

/** Campaign_Activity__e: ids only, Live Feed reads details through LDS. */
export interface ActivityEvent {
  Kind__c: 'task_opened' | 'task_expired' | 'campaign_ended' | 'email_sent' | 'plan_failed';
  Enrollment_Id__c: string;
  Enrollment_Step_Id__c?: string | null;
  Owner_Id__c: string;
}
