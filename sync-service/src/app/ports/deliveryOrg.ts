// What the dispatcher reads from the org just before it sends, and the few writes only delivery
// needs (opting a person out). Everything else it writes goes through CampaignOrg's batched
// writes. Reads take many ids at once: one query per chunk of ids, never one per email.
import type { OrgRecord, RecordOutcome } from './campaignOrg.ts';

/** Enrollment_Step__c with the content and threading fields a send needs. */
export interface SendableStepRecord {
  Id: string;
  Enrollment__c: string;
  Step__c: string;
  Step_Key__c: string;
  Status__c: string;
  Scheduled_At__c: string | null;
  Sent_At__c: string | null;
  Completed_At__c: string | null;
  /** For Send_Requested: what the rep prepared; after a send: what went out. */
  Subject__c: string | null;
  Body__c: string | null;
  Message_Id__c: string | null;
  In_Reply_To__c: string | null;
  Task_Id__c: string | null;
}

/** Campaign_Step__c with its current content (the template, not what was sent). */
export interface StepContentRecord {
  Id: string;
  Campaign__c: string;
  Day__c: number;
  Order__c: number;
  Type__c: string;
  Send_Option__c: string | null;
  Subject__c: string | null;
  Body__c: string | null;
}

export interface DeliveryOrg {
  /** Every Enrollment_Step__c of these enrollments (the previous emails are threaded from them). */
  sendableSteps(enrollmentIds: string[]): Promise<SendableStepRecord[]>;
  /** Enrollment steps a rep asked to send from Command Center (Status__c = Send_Requested). */
  requestedSteps(): Promise<SendableStepRecord[]>;
  stepContents(campaignIds: string[]): Promise<StepContentRecord[]>;
  /** Contacts and leads with Id, Email, Name, HasOptedOutOfEmail and the merge fields asked for
   * (dotted paths such as `Account.Name` come back as nested records). */
  recipients(personIds: string[], fields: { Contact: string[]; Lead: string[] }): Promise<OrgRecord[]>;
  /** Users with Id, Name, Email, TimeZoneSidKey and the merge fields asked for. */
  senders(userIds: string[], fields: string[]): Promise<OrgRecord[]>;
  /** Sets HasOptedOutOfEmail = true on contacts and leads. */
  optOut(personIds: string[]): Promise<RecordOutcome[]>;
}
