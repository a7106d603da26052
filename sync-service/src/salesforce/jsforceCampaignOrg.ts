// The CampaignOrg port over one jsforce session: the package's records read with paged SOQL
// (ids in chunks, one query per chunk, never one per record; concurrent queries share Composite
// calls through the session's QueryBatcher) and written through RecordWriter.
import type { Logger } from 'pino';
import type { Clock } from '../app/ports/clock.ts';
import type {
  ActivityEvent,
  CampaignOrg,
  CampaignRecord,
  CampaignStepRecord,
  EnrollmentRecord,
  EnrollmentStepRecord,
  HolidayRecord,
  OrgRecord,
  OrgSettingsRecord,
  PersonRecord,
  RecordOutcome,
  TaskRecord,
  UserRecord,
} from '../app/ports/campaignOrg.ts';
import type { OrgSession } from './orgConnection.ts';
import { queryBatcherOf, type QueryBatcher } from './batchedQueries.ts';
import {
  CAMPAIGN_FIELDS,
  ENROLLMENT_FIELDS,
  ENROLLMENT_STEP_FIELDS,
  HOLIDAY_FIELDS,
  SETTINGS_FIELDS,
  STEP_FIELDS,
  TASK_FIELDS,
  USER_FIELDS,
  selectList,
} from './queriedFields.ts';
import { RecordWriter } from './recordWriter.ts';
import { assertFieldName, soqlList } from './soql.ts';

const ENROLLMENT_SELECT = selectList(ENROLLMENT_FIELDS);
const CAMPAIGN_SELECT = selectList(CAMPAIGN_FIELDS);
const STEP_SELECT = selectList(STEP_FIELDS);
const ENROLLMENT_STEP_SELECT = selectList(ENROLLMENT_STEP_FIELDS);
const TASK_SELECT = selectList(TASK_FIELDS);
const HOLIDAY_SELECT = selectList(HOLIDAY_FIELDS);
const SETTINGS_SELECT = selectList(SETTINGS_FIELDS);
const USER_SELECT = selectList(USER_FIELDS);

/** Enrollment statuses the service still acts on. */
const LIVE_ENROLLMENT_STATUSES = ['Scheduled', 'Active', 'Paused'];

export class JsforceCampaignOrg implements CampaignOrg {
  readonly clientName: string;
  private readonly writer: RecordWriter;
  private readonly queries: QueryBatcher;
  private readonly deps: { clock: Clock; logger: Logger };

  constructor(
    private readonly session: OrgSession,
    options: { clock: Clock; logger: Logger; bulkThreshold: number },
  ) {
    this.clientName = session.clientName;
    this.deps = { clock: options.clock, logger: options.logger.child({ component: 'campaign-org' }) };
    this.queries = queryBatcherOf(session, { clock: options.clock, logger: options.logger });
    this.writer = new RecordWriter({
      connection: session.connection,
      apiVersion: session.apiVersion,
      clock: options.clock,
      logger: this.deps.logger,
      bulkThreshold: options.bulkThreshold,
    });
  }

  apiCalls(): number {
    return this.session.apiCalls();
  }

  private query<T>(soql: string): Promise<T[]> {
    return this.queries.query<T>(soql);
  }

  enrollments(ids: string[]): Promise<EnrollmentRecord[]> {
    return this.queries.queryByIds(
      ids,
      (list) => `SELECT ${ENROLLMENT_SELECT} FROM Campaign_Enrollment__c WHERE Id IN ${list}`,
    );
  }

  liveEnrollmentsChangedSince(since: string | null): Promise<EnrollmentRecord[]> {
    const changed = since ? ` AND SystemModstamp >= ${since}` : '';
    return this.query(
      `SELECT ${ENROLLMENT_SELECT} FROM Campaign_Enrollment__c WHERE Status__c IN ${soqlList(LIVE_ENROLLMENT_STATUSES)}${changed} ORDER BY SystemModstamp`,
    );
  }

  async enrollmentIdsOfCampaigns(campaignIds: string[]): Promise<string[]> {
    const rows = await this.queries.queryByIds<{ Id: string }>(
      campaignIds,
      (list) =>
        `SELECT Id FROM Campaign_Enrollment__c WHERE Campaign__c IN ${list} AND Status__c IN ${soqlList(LIVE_ENROLLMENT_STATUSES)}`,
    );
    return rows.map((r) => r.Id);
  }

  enrollmentsWithUniqueKeys(keys: string[]) {
    return this.queries.queryByIds<Pick<EnrollmentRecord, 'Id' | 'Unique_Key__c' | 'Status__c'>>(
      keys,
      (list) =>
        `SELECT Id, Unique_Key__c, Status__c FROM Campaign_Enrollment__c WHERE Unique_Key__c IN ${list}`,
    );
  }

  campaigns(ids: string[]): Promise<CampaignRecord[]> {
    return this.queries.queryByIds(
      ids,
      (list) => `SELECT ${CAMPAIGN_SELECT} FROM Sales_Campaign__c WHERE Id IN ${list}`,
    );
  }

  stepsOfCampaigns(campaignIds: string[]): Promise<CampaignStepRecord[]> {
    return this.queries.queryByIds(
      campaignIds,
      (list) => `SELECT ${STEP_SELECT} FROM Campaign_Step__c WHERE Campaign__c IN ${list}`,
    );
  }

  enrollmentSteps(enrollmentIds: string[]): Promise<EnrollmentStepRecord[]> {
    return this.queries.queryByIds(
      enrollmentIds,
      (list) => `SELECT ${ENROLLMENT_STEP_SELECT} FROM Enrollment_Step__c WHERE Enrollment__c IN ${list}`,
    );
  }

  enrollmentStepsByIds(ids: string[]): Promise<EnrollmentStepRecord[]> {
    return this.queries.queryByIds(
      ids,
      (list) => `SELECT ${ENROLLMENT_STEP_SELECT} FROM Enrollment_Step__c WHERE Id IN ${list}`,
    );
  }

  enrollmentStepsByKeys(stepKeys: string[]): Promise<EnrollmentStepRecord[]> {
    return this.queries.queryByIds(
      stepKeys,
      (list) => `SELECT ${ENROLLMENT_STEP_SELECT} FROM Enrollment_Step__c WHERE Step_Key__c IN ${list}`,
    );
  }

  endedEnrollmentsToClose(): Promise<EnrollmentRecord[]> {
    return this.query(
      `SELECT ${ENROLLMENT_SELECT} FROM Campaign_Enrollment__c WHERE Status__c NOT IN ${soqlList(LIVE_ENROLLMENT_STATUSES)} AND Unique_Key__c != null`,
    );
  }

  async campaignIdsOfSteps(stepIds: string[]): Promise<string[]> {
    const rows = await this.queries.queryByIds<{ Campaign__c: string }>(
      stepIds,
      (list) => `SELECT Campaign__c FROM Campaign_Step__c WHERE Id IN ${list}`,
    );
    return [...new Set(rows.map((r) => r.Campaign__c))];
  }

  stepsByIds(stepIds: string[]): Promise<CampaignStepRecord[]> {
    return this.queries.queryByIds(
      stepIds,
      (list) => `SELECT ${STEP_SELECT} FROM Campaign_Step__c WHERE Id IN ${list}`,
    );
  }

  tasksByIds(ids: string[]): Promise<TaskRecord[]> {
    return this.queries.queryByIds(ids, (list) => `SELECT ${TASK_SELECT} FROM Task WHERE Id IN ${list}`);
  }

  openCampaignTasks(): Promise<TaskRecord[]> {
    return this.query(
      `SELECT ${TASK_SELECT} FROM Task WHERE IsClosed = false AND Campaign_Step_Key__c != null`,
    );
  }

  users(ids: string[]): Promise<UserRecord[]> {
    return this.queries.queryByIds(ids, (list) => `SELECT ${USER_SELECT} FROM User WHERE Id IN ${list}`);
  }

  async people(ids: string[], timeZoneField: string | null): Promise<PersonRecord[]> {
    const field = timeZoneField ? assertFieldName(timeZoneField, 'Recipient_Time_Zone_Field__c') : null;
    // Contact ids start with 003, lead ids with 00Q: each object is asked for its own ids, both at once.
    const rows = await Promise.all(
      (
        [
          ['Contact', '003'],
          ['Lead', '00Q'],
        ] as const
      ).map(([sobject, prefix]) =>
        this.queries.queryByIds<Record<string, unknown>>(
          ids.filter((id) => id.startsWith(prefix)),
          (list) => `SELECT Id${field ? `, ${field}` : ''} FROM ${sobject} WHERE Id IN ${list}`,
        ),
      ),
    );
    return rows.flat().map((row) => {
      const zone = field ? row[field] : null;
      return { Id: String(row.Id), timeZone: typeof zone === 'string' && zone ? zone : null };
    });
  }

  async orgSettings(): Promise<OrgSettingsRecord | null> {
    const rows = await this.query<OrgSettingsRecord>(
      `SELECT ${SETTINGS_SELECT} FROM Campaign_Setting__mdt WHERE DeveloperName = 'Default' LIMIT 1`,
    );
    return rows[0] ?? null;
  }

  holidays(): Promise<HolidayRecord[]> {
    return this.query(`SELECT ${HOLIDAY_SELECT} FROM Holiday`);
  }

  tasksByStepKeys(stepKeys: string[]): Promise<TaskRecord[]> {
    return this.queries.queryByIds(
      stepKeys,
      (list) => `SELECT ${TASK_SELECT} FROM Task WHERE Campaign_Step_Key__c IN ${list}`,
    );
  }

  campaignTasksChangedSince(since: string): Promise<TaskRecord[]> {
    return this.query(
      `SELECT ${TASK_SELECT} FROM Task WHERE Campaign_Step_Key__c != null AND SystemModstamp >= ${since} ORDER BY SystemModstamp`,
    );
  }

  upsertEnrollmentSteps(records: OrgRecord[]): Promise<RecordOutcome[]> {
    return this.writer.upsert('Enrollment_Step__c', 'Step_Key__c', records);
  }

  updateEnrollments(records: OrgRecord[]): Promise<RecordOutcome[]> {
    return this.writer.update('Campaign_Enrollment__c', records);
  }

  updateEnrollmentSteps(records: OrgRecord[]): Promise<RecordOutcome[]> {
    return this.writer.update('Enrollment_Step__c', records);
  }

  createTasks(records: OrgRecord[]): Promise<RecordOutcome[]> {
    return this.writer.create('Task', records);
  }

  updateTasks(records: OrgRecord[]): Promise<RecordOutcome[]> {
    return this.writer.update('Task', records);
  }

  publishActivities(events: ActivityEvent[]): Promise<RecordOutcome[]> {
    return this.writer.create('Campaign_Activity__e', events as unknown as OrgRecord[]);
  }

  async upsertServiceStatus(record: OrgRecord): Promise<RecordOutcome> {
    const [outcome] = await this.writer.upsert('Sync_Service_Status__c', 'Instance__c', [record]);
    return outcome!;
  }
}
