// Compile-time checks that the record shapes the use cases read (src/app/ports/campaignOrg.ts)
// name only fields the package declares (the generated schema): renaming a field in force-app
// breaks the TypeScript build here instead of a query at run time.
import type {
  Campaign_Enrollment__c,
  Campaign_Setting__mdt,
  Campaign_Step__c,
  Enrollment_Step__c,
  Sales_Campaign__c,
  Sync_Service_Status__c,
  Campaign_Activity__e,
} from '@sales-campaigns/metadata/schema';
import type {
  ActivityEvent,
  CampaignRecord,
  CampaignStepRecord,
  EnrollmentRecord,
  EnrollmentStepRecord,
  OrgSettingsRecord,
} from '../app/ports/campaignOrg.ts';

type Unknown<Mine, Schema> = Exclude<keyof Mine, keyof Schema>;
type NoneUnknown<T extends never> = T;

export type SchemaAlignment = [
  NoneUnknown<Unknown<EnrollmentRecord, Campaign_Enrollment__c>>,
  NoneUnknown<Unknown<CampaignRecord, Sales_Campaign__c>>,
  NoneUnknown<Unknown<CampaignStepRecord, Campaign_Step__c>>,
  NoneUnknown<Unknown<EnrollmentStepRecord, Enrollment_Step__c>>,
  NoneUnknown<Unknown<OrgSettingsRecord, Campaign_Setting__mdt>>,
  NoneUnknown<Unknown<ActivityEvent, Campaign_Activity__e>>,
  NoneUnknown<
    Unknown<
      {
        Instance__c: 1;
        Last_Heartbeat_At__c: 1;
        Stream_Lag_Seconds__c: 1;
        Version__c: 1;
        Emails_Sent_Today__c: 1;
        Last_Error__c: 1;
        Last_Error_At__c: 1;
      },
      Sync_Service_Status__c
    >
  >,
];
