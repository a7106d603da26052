// Builds campaigns and adds people the way the screens do (DESIGN §3 "who writes what"), over
// REST with the screen connection.
import type { Connection } from 'jsforce';

export interface StepSpec {
  key: string;
  day: number;
  order: number;
  type: 'Email' | 'Call' | 'InMail' | 'Custom_Task';
  sendOption?: string;
  sendTime?: string;
  subject?: string;
}

export interface CampaignSpec {
  name?: string;
  skipWeekends?: boolean;
  skipHolidays?: boolean;
  defaultSendTime?: string;
  taskExpiryDays?: number;
  onTaskExpiry?: 'Skip_Step' | 'End_Campaign';
  timeZoneMode?: 'Sender' | 'Recipient';
  steps: StepSpec[];
}

export interface CreatedCampaign {
  id: string;
  stepIds: Record<string, string>;
}

async function createOne(
  conn: Connection,
  sobject: string,
  record: Record<string, unknown>,
): Promise<string> {
  const result = await conn.sobject(sobject).create(record);
  if (!result.success) throw new Error(`${sobject} create failed: ${JSON.stringify(result)}`);
  return result.id!;
}

export async function createCampaign(conn: Connection, spec: CampaignSpec): Promise<CreatedCampaign> {
  const id = await createOne(conn, 'Sales_Campaign__c', {
    Name: spec.name ?? 'Test campaign',
    Status__c: 'Active',
    Skip_Weekends__c: spec.skipWeekends ?? true,
    Skip_Holidays__c: spec.skipHolidays ?? false,
    Time_Zone_Mode__c: spec.timeZoneMode ?? 'Sender',
    ...(spec.defaultSendTime ? { Default_Send_Time__c: `${spec.defaultSendTime}:00.000Z` } : {}),
    Task_Expiry_Days__c: spec.taskExpiryDays ?? 2,
    On_Task_Expiry__c: spec.onTaskExpiry ?? 'Skip_Step',
  });
  const stepIds: Record<string, string> = {};
  for (const step of spec.steps) {
    stepIds[step.key] = await createOne(conn, 'Campaign_Step__c', {
      Campaign__c: id,
      Day__c: step.day,
      Order__c: step.order,
      Type__c: step.type,
      ...(step.sendOption ? { Send_Option__c: step.sendOption } : {}),
      ...(step.sendTime ? { Send_Time__c: `${step.sendTime}:00.000Z` } : {}),
      Subject__c: step.subject ?? `${step.key} subject`,
    });
  }
  return { id, stepIds };
}

export async function createContact(conn: Connection, lastName = 'Doe', timeZone?: string): Promise<string> {
  return createOne(conn, 'Contact', {
    FirstName: 'Jane',
    LastName: lastName,
    Email: `${lastName.toLowerCase()}@example.com`,
    ...(timeZone ? { Time_Zone__c: timeZone } : {}),
  });
}

export async function createLead(conn: Connection, lastName = 'Lee'): Promise<string> {
  return createOne(conn, 'Lead', {
    FirstName: 'Lou',
    LastName: lastName,
    Company: 'Acme',
    Email: `${lastName.toLowerCase()}@example.com`,
  });
}

/** What the launch screen writes when a rep adds a person. */
export async function enroll(
  conn: Connection,
  input: {
    campaignId: string;
    personId: string;
    ownerId: string;
    launchedAt: number;
    sendAt?: number | null;
    withKey?: boolean;
  },
): Promise<string> {
  const person = input.personId.startsWith('00Q')
    ? { Lead__c: input.personId }
    : { Contact__c: input.personId };
  return createOne(conn, 'Campaign_Enrollment__c', {
    Campaign__c: input.campaignId,
    ...person,
    OwnerId: input.ownerId,
    Status__c: 'Scheduled',
    Launched_At__c: new Date(input.launchedAt).toISOString(),
    ...(input.sendAt ? { Send_At__c: new Date(input.sendAt).toISOString() } : {}),
    ...(input.withKey === false ? {} : { Unique_Key__c: `${input.campaignId}:${input.personId}` }),
  });
}

export async function enrollmentSteps(conn: Connection, enrollmentId: string) {
  const result = await conn.query<Record<string, unknown>>(
    `SELECT Id, Step__c, Step_Key__c, Status__c, Scheduled_At__c, Due_Date__c, Expires_At__c, Task_Id__c, Error__c FROM Enrollment_Step__c WHERE Enrollment__c = '${enrollmentId}'`,
  );
  return result.records;
}

export async function enrollmentRecord(conn: Connection, enrollmentId: string) {
  const result = await conn.query<Record<string, unknown>>(
    `SELECT Id, Status__c, Time_Zone__c, Shift_Days__c, Ended_Reason__c, Unique_Key__c FROM Campaign_Enrollment__c WHERE Id = '${enrollmentId}'`,
  );
  return result.records[0]!;
}

export const iso = (value: unknown) =>
  typeof value === 'string' ? new Date(value).toISOString().replace('.000Z', 'Z') : value;

export async function tasksOf(conn: Connection, stepKey: string) {
  const result = await conn.query<Record<string, unknown>>(
    `SELECT Id, OwnerId, WhoId, WhatId, Subject, ActivityDate, Type, Status, IsClosed, Campaign_Step_Key__c FROM Task WHERE Campaign_Step_Key__c = '${stepKey}'`,
  );
  return result.records;
}

export async function update(
  conn: Connection,
  sobject: string,
  record: Record<string, unknown>,
): Promise<void> {
  const result = await conn.sobject(sobject).update(record as { Id: string });
  if (!result.success) throw new Error(`${sobject} update failed: ${JSON.stringify(result)}`);
}

export function stepOf(
  steps: Array<Record<string, unknown>>,
  stepId: string | undefined,
): Record<string, unknown> {
  const found = steps.find((s) => s.Step__c === stepId);
  if (!found) throw new Error(`no enrollment step for ${stepId}`);
  return found;
}
