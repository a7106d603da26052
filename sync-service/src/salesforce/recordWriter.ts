// Batched writes to the org. Records go 200 to an sObject Collections request and up to five of
// those in one Composite call (Salesforce's limit for collection subrequests), so 1,000 records
// cost one API call. Upserts go by external id, so retrying them never duplicates. A record-level
// error is reported for that record only and never stops the batch; record locks are retried
// per record, whole-call failures (5xx, request limit, dropped connection) per call.
// Above the configured threshold an upsert goes through Bulk API 2.0 instead.
import type { Connection } from 'jsforce';
import type { Logger } from 'pino';
import type { Clock } from '../app/ports/clock.ts';
import type { OrgRecord, RecordOutcome, WriteError } from '../app/ports/campaignOrg.ts';
import {
  DEFAULT_RETRY,
  backoffDelay,
  errorCodeOf,
  isRetryable,
  isRetryableCode,
  type RetryOptions,
} from './retryPolicy.ts';
import { bulkUpsert } from './bulkWriter.ts';

export const RECORDS_PER_COLLECTION = 200;
export const COLLECTIONS_PER_COMPOSITE = 5;

type Operation =
  | { kind: 'create'; sobject: string }
  | { kind: 'update'; sobject: string }
  | { kind: 'upsert'; sobject: string; externalIdField: string };

interface CollectionResult {
  id?: string;
  success: boolean;
  created?: boolean;
  errors?: Array<{ statusCode?: string; errorCode?: string; message: string; fields?: string[] }>;
}

interface CompositeSubresponse {
  body: unknown;
  httpStatusCode: number;
  referenceId: string;
}

export interface RecordWriterDeps {
  connection: Connection;
  apiVersion: string;
  clock: Clock;
  logger: Logger;
  bulkThreshold: number;
  retry?: RetryOptions;
}

function outcomeOf(result: CollectionResult): RecordOutcome {
  // Publishing a platform event answers success with an OPERATION_ENQUEUED "error": success wins.
  if (result.success)
    return {
      ok: true,
      id: result.id ?? '',
      ...(result.created !== undefined ? { created: result.created } : {}),
    };
  const errors: WriteError[] = (result.errors ?? []).map((e) => ({
    code: e.statusCode ?? e.errorCode ?? 'UNKNOWN',
    message: e.message,
    fields: e.fields ?? [],
  }));
  return { ok: false, errors };
}

function failureForAll(code: string, message: string, unknownOutcome: boolean): RecordOutcome {
  return {
    ok: false,
    errors: [{ code, message, fields: [] }],
    ...(unknownOutcome ? { unknownOutcome: true } : {}),
  };
}

export class RecordWriter {
  private readonly retry: RetryOptions;
  constructor(private readonly deps: RecordWriterDeps) {
    this.retry = deps.retry ?? DEFAULT_RETRY;
  }

  create(sobject: string, records: OrgRecord[]): Promise<RecordOutcome[]> {
    return this.write({ kind: 'create', sobject }, records);
  }

  update(sobject: string, records: OrgRecord[]): Promise<RecordOutcome[]> {
    return this.write({ kind: 'update', sobject }, records);
  }

  async upsert(sobject: string, externalIdField: string, records: OrgRecord[]): Promise<RecordOutcome[]> {
    if (records.length > this.deps.bulkThreshold) {
      return bulkUpsert(this.deps.connection, { sobject, externalIdField, records }, this.deps.logger);
    }
    return this.write({ kind: 'upsert', sobject, externalIdField }, records);
  }

  private async write(operation: Operation, records: OrgRecord[]): Promise<RecordOutcome[]> {
    const outcomes: Array<RecordOutcome | undefined> = new Array(records.length);
    let pending = records.map((_, index) => index);
    for (let round = 0; pending.length > 0; round += 1) {
      if (round > 0) await this.deps.clock.sleep(backoffDelay(round - 1, this.retry));
      const lastRound = round + 1 >= this.retry.attempts;
      const retryLater: number[] = [];
      const perCall = RECORDS_PER_COLLECTION * COLLECTIONS_PER_COMPOSITE;
      for (let start = 0; start < pending.length; start += perCall) {
        const indexes = pending.slice(start, start + perCall);
        const results = await this.compositeCall(
          operation,
          indexes.map((i) => records[i]!),
        );
        results.forEach((outcome, position) => {
          const index = indexes[position]!;
          const retryable =
            !outcome.ok && !outcome.unknownOutcome && outcome.errors.some((e) => isRetryableCode(e.code));
          // A create whose outcome is unknown is never retried blindly: the caller looks it up.
          if (retryable && !lastRound) retryLater.push(index);
          // Still failing after the last round for a transient reason: the caller should try later.
          else outcomes[index] = retryable && !outcome.ok ? { ...outcome, transient: true } : outcome;
        });
      }
      if (retryLater.length > 0) {
        this.deps.logger.warn(
          {
            sobject: operation.sobject,
            operation: operation.kind,
            records: retryLater.length,
            round: round + 1,
          },
          'retrying records that hit a lock or a transient failure',
        );
      }
      pending = retryLater;
    }
    return outcomes.map((o) => o ?? failureForAll('UNKNOWN', 'no result', false));
  }

  /** One Composite call holding up to five collection subrequests; returns one outcome per record. */
  private async compositeCall(operation: Operation, records: OrgRecord[]): Promise<RecordOutcome[]> {
    const base = `/services/data/v${this.deps.apiVersion}/composite/sobjects`;
    const subrequests = [];
    for (let start = 0, n = 0; start < records.length; start += RECORDS_PER_COLLECTION, n += 1) {
      const chunk = records.slice(start, start + RECORDS_PER_COLLECTION).map((record) => ({
        attributes: { type: operation.sobject },
        ...record,
      }));
      subrequests.push({
        method: operation.kind === 'create' ? 'POST' : 'PATCH',
        url: operation.kind === 'upsert' ? `${base}/${operation.sobject}/${operation.externalIdField}` : base,
        referenceId: `c${n}`,
        body: { allOrNone: false, records: chunk },
      });
    }
    let response: { compositeResponse: CompositeSubresponse[] };
    try {
      response = await this.deps.connection.request({
        method: 'POST',
        url: `/services/data/v${this.deps.apiVersion}/composite`,
        body: JSON.stringify({ allOrNone: false, compositeRequest: subrequests }),
        headers: { 'Content-Type': 'application/json' },
      });
    } catch (error) {
      const code = errorCodeOf(error) ?? 'UNKNOWN';
      const message = (error as Error).message;
      // A failed call may still have committed a create; only an upsert or update is safe to replay.
      const unknownOutcome = operation.kind === 'create' && isRetryable(error);
      if (!isRetryable(error))
        this.deps.logger.error({ sobject: operation.sobject, code, message }, 'composite call failed');
      return records.map(() => failureForAll(code, message, unknownOutcome));
    }
    const outcomes: RecordOutcome[] = [];
    subrequests.forEach((sub, n) => {
      const size = sub.body.records.length;
      const part = response.compositeResponse.find((r) => r.referenceId === sub.referenceId);
      if (part && part.httpStatusCode < 300 && Array.isArray(part.body)) {
        for (let i = 0; i < size; i += 1) {
          const result = (part.body as CollectionResult[])[i];
          outcomes.push(result ? outcomeOf(result) : failureForAll('UNKNOWN', 'missing result', false));
        }
        return;
      }
      const error = Array.isArray(part?.body)
        ? (part.body as Array<{ errorCode?: string; message?: string }>)[0]
        : undefined;
      const status = part?.httpStatusCode ?? 0;
      const code = error?.errorCode ?? `ERROR_HTTP_${status}`;
      const message = error?.message ?? `collection subrequest c${n} failed with HTTP ${status}`;
      const unknownOutcome = operation.kind === 'create' && status >= 500;
      for (let i = 0; i < size; i += 1) outcomes.push(failureForAll(code, message, unknownOutcome));
    });
    return outcomes;
  }
}
