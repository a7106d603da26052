// What a campaign step's Salesforce Task says: subject, type and description, from the step.
import { templateTitle } from '../../domain/compose/index.ts';
import type { CampaignStepRecord, EnrollmentRecord, OrgRecord } from '../ports/campaignOrg.ts';

/** Task.Type values of a standard org. */
const TASK_TYPE: Record<string, string> = {
  Email: 'Email',
  Call: 'Call',
  InMail: 'Other',
  Custom_Task: 'Other',
};
const DEFAULT_SUBJECT: Record<string, string> = {
  Email: 'Send email',
  Call: 'Call',
  InMail: 'Send LinkedIn InMail',
  Custom_Task: 'Campaign task',
};

export function taskRecordFor(input: {
  enrollment: EnrollmentRecord;
  step: CampaignStepRecord;
  stepKey: string;
  dueDate: string;
}): OrgRecord {
  const { enrollment, step } = input;
  // The step's subject is a template: its merge fields are shown as field names, never raw.
  const label = step.Subject__c ? templateTitle(step.Subject__c).trim() : undefined;
  const kind = DEFAULT_SUBJECT[step.Type__c] ?? 'Campaign task';
  const subject = step.Type__c === 'Email' ? `Email: ${label || kind}` : label ? `${kind}: ${label}` : kind;
  const record: OrgRecord = {
    OwnerId: enrollment.OwnerId,
    WhoId: enrollment.Contact__c ?? enrollment.Lead__c,
    Subject: subject.slice(0, 255),
    ActivityDate: input.dueDate,
    Type: TASK_TYPE[step.Type__c] ?? 'Other',
    Status: 'Not Started',
    Priority: 'Normal',
    Campaign_Step_Key__c: input.stepKey,
  };
  if (step.Instructions__c) record.Description = step.Instructions__c;
  // A task on a lead must have no WhatId; a contact's task is related to the enrollment.
  if (enrollment.Contact__c) record.WhatId = enrollment.Id;
  return record;
}
