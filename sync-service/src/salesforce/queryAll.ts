// Runs a SOQL query over REST and follows nextRecordsUrl until every page is read, retrying
// transient failures. One API call per page (2,000 records by default). The adapters go through
// QueryBatcher (batchedQueries.ts), which sends concurrent queries together; this is the plain,
// one-query path and the pieces both share.
import type { Connection } from 'jsforce';
import type { Logger } from 'pino';
import type { Clock } from '../app/ports/clock.ts';
import { errorCodeOf, withRetry, type RetryOptions } from './retryPolicy.ts';

export interface QueryPage<T> {
  done: boolean;
  nextRecordsUrl?: string;
  records: T[];
}

export function queryUrl(apiVersion: string, soql: string): string {
  return `/services/data/v${apiVersion}/query?q=${encodeURIComponent(soql)}`;
}

/** Longest SOQL quoted in an error message: enough to see the object and the filter. */
const SOQL_IN_MESSAGE = 300;

/**
 * A query the org refused or could not answer. Shaped like jsforce's own errors (`name` and
 * `errorCode` are Salesforce's code) so retry decisions and logs treat it the same, with the
 * query it came from in the message.
 */
export class QueryError extends Error {
  readonly errorCode: string;
  constructor(
    errorCode: string,
    readonly orgMessage: string,
    readonly soql: string,
    /** The HTTP status of a Composite subrequest that failed (not set for whole-call failures). */
    readonly httpStatus?: number,
    options?: { cause?: unknown },
  ) {
    const quoted = soql.length > SOQL_IN_MESSAGE ? `${soql.slice(0, SOQL_IN_MESSAGE)}…` : soql;
    super(`${errorCode}: ${orgMessage} (query: ${quoted})`, options);
    this.name = errorCode;
    this.errorCode = errorCode;
  }
}

/** The error a failed page read rejects with: the org's code and message, plus the query. */
export function queryErrorOf(error: unknown, soql: string): QueryError {
  if (error instanceof QueryError) return error;
  const code = errorCodeOf(error) ?? 'UNKNOWN';
  return new QueryError(code, (error as Error)?.message ?? String(error), soql, undefined, { cause: error });
}

export function stripAttributes(record: unknown): void {
  if (record && typeof record === 'object') {
    delete (record as { attributes?: unknown }).attributes;
  }
}

/** One page (`/query?q=…` or a `nextRecordsUrl`) as a plain GET, retried on transient failures. */
export function getQueryPage<T>(
  connection: Connection,
  url: string,
  deps: { clock: Clock; logger: Logger; options?: RetryOptions },
): Promise<QueryPage<T>> {
  return withRetry('query', () => connection.request<QueryPage<T>>(url), deps);
}

/**
 * Reads every page of a query, asking `fetchPage` for the first page and each `nextRecordsUrl`,
 * and returns the records without their `attributes`.
 */
export async function readAllPages<T>(
  apiVersion: string,
  soql: string,
  fetchPage: (url: string) => Promise<QueryPage<T>>,
): Promise<T[]> {
  const records: T[] = [];
  let url: string | undefined = queryUrl(apiVersion, soql);
  while (url) {
    let page: QueryPage<T>;
    try {
      page = await fetchPage(url);
    } catch (error) {
      throw queryErrorOf(error, soql);
    }
    records.push(...page.records);
    url = !page.done && page.nextRecordsUrl ? page.nextRecordsUrl : undefined;
  }
  for (const record of records) stripAttributes(record);
  return records;
}

export function queryAll<T>(
  connection: Connection,
  apiVersion: string,
  soql: string,
  deps: { clock: Clock; logger: Logger },
): Promise<T[]> {
  return readAllPages<T>(apiVersion, soql, (url) => getQueryPage<T>(connection, url, deps));
}
