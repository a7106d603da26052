// The DeliveryOrg port over one jsforce session: the reads the dispatcher makes just before it
// sends (paged SOQL, ids in chunks, concurrent queries sharing Composite calls through the
// session's QueryBatcher) and the opt-out write. Owned by the dispatch work (issue 8);
// it reuses this folder's query and write machinery so retries and batching behave the same.
import type { Logger } from 'pino';
import type { Clock } from '../app/ports/clock.ts';
import type { OrgRecord, RecordOutcome } from '../app/ports/campaignOrg.ts';
import type { DeliveryOrg, SendableStepRecord, StepContentRecord } from '../app/ports/deliveryOrg.ts';
import type { OrgSession } from './orgConnection.ts';
import { queryBatcherOf, type QueryBatcher } from './batchedQueries.ts';
import {
  RECIPIENT_FIELDS,
  SENDABLE_STEP_FIELDS,
  SENDER_FIELDS,
  STEP_CONTENT_FIELDS,
  selectList,
} from './queriedFields.ts';
import { RecordWriter } from './recordWriter.ts';
import { assertFieldName } from './soql.ts';

const SENDABLE_SELECT = selectList(SENDABLE_STEP_FIELDS);
const CONTENT_SELECT = selectList(STEP_CONTENT_FIELDS);

function fieldList(always: readonly string[], extra: readonly string[], where: string): string {
  const fields = new Set(always);
  for (const path of extra) {
    for (const part of path.split('.')) assertFieldName(part, where);
    fields.add(path);
  }
  return [...fields].join(', ');
}

export class JsforceDeliveryOrg implements DeliveryOrg {
  private readonly writer: RecordWriter;
  private readonly queries: QueryBatcher;
  private readonly deps: { clock: Clock; logger: Logger };

  constructor(
    private readonly session: OrgSession,
    options: { clock: Clock; logger: Logger },
  ) {
    this.deps = { clock: options.clock, logger: options.logger.child({ component: 'delivery-org' }) };
    this.queries = queryBatcherOf(session, { clock: options.clock, logger: options.logger });
    this.writer = new RecordWriter({
      connection: session.connection,
      apiVersion: session.apiVersion,
      clock: options.clock,
      logger: this.deps.logger,
      bulkThreshold: Number.POSITIVE_INFINITY,
    });
  }

  sendableSteps(enrollmentIds: string[]): Promise<SendableStepRecord[]> {
    return this.queries.queryByIds(
      enrollmentIds,
      (list) => `SELECT ${SENDABLE_SELECT} FROM Enrollment_Step__c WHERE Enrollment__c IN ${list}`,
    );
  }

  requestedSteps(): Promise<SendableStepRecord[]> {
    return this.queries.query(
      `SELECT ${SENDABLE_SELECT} FROM Enrollment_Step__c WHERE Status__c = 'Send_Requested'`,
    );
  }

  stepContents(campaignIds: string[]): Promise<StepContentRecord[]> {
    return this.queries.queryByIds(
      campaignIds,
      (list) => `SELECT ${CONTENT_SELECT} FROM Campaign_Step__c WHERE Campaign__c IN ${list}`,
    );
  }

  async recipients(personIds: string[], fields: { Contact: string[]; Lead: string[] }): Promise<OrgRecord[]> {
    // Contact ids start with 003, lead ids with 00Q: each object is asked for its own ids, both at once.
    const rows = await Promise.all(
      (
        [
          ['Contact', '003'],
          ['Lead', '00Q'],
        ] as const
      ).map(([sobject, prefix]) => {
        const own = personIds.filter((id) => id.startsWith(prefix));
        if (own.length === 0) return [];
        const select = fieldList(RECIPIENT_FIELDS, fields[sobject], `merge field on ${sobject}`);
        return this.queries.queryByIds<OrgRecord>(
          own,
          (list) => `SELECT ${select} FROM ${sobject} WHERE Id IN ${list}`,
        );
      }),
    );
    return rows.flat();
  }

  senders(userIds: string[], fields: string[]): Promise<OrgRecord[]> {
    const select = fieldList(SENDER_FIELDS, fields, 'merge field on User');
    return this.queries.queryByIds(userIds, (list) => `SELECT ${select} FROM User WHERE Id IN ${list}`);
  }

  async optOut(personIds: string[]): Promise<RecordOutcome[]> {
    const byObject = new Map<string, number[]>();
    personIds.forEach((id, i) => {
      const sobject = id.startsWith('00Q') ? 'Lead' : 'Contact';
      byObject.set(sobject, [...(byObject.get(sobject) ?? []), i]);
    });
    const outcomes = new Array<RecordOutcome>(personIds.length);
    for (const [sobject, indexes] of byObject) {
      const results = await this.writer.update(
        sobject,
        indexes.map((i) => ({ Id: personIds[i], HasOptedOutOfEmail: true })),
      );
      indexes.forEach((index, n) => (outcomes[index] = results[n]!));
    }
    return outcomes;
  }
}
