// Sends the SOQL reads started in the same turn of the event loop together: up to five query
// subrequests in one Composite call, which Salesforce counts as ONE API call. Reads wait until
// `setImmediate` (as DataLoader does), so every query a `Promise.all` starts goes out at once; a
// read that finds itself alone goes out as the plain GET it always was.
//
// A read is one page: the first page of a query or a `nextRecordsUrl`. The follow-up pages of the
// queries one Composite call answered are asked for in the same turn, so they coalesce as well.
//
// Failures: a whole call that fails (5xx, REQUEST_LIMIT_EXCEEDED, a dropped connection) is retried
// with the retry policy; jsforce refreshes an expired session and replays it. A subrequest that
// failed for a passing reason (5xx or a retryable code) is retried on its own. One that failed for
// a lasting reason (INVALID_FIELD, MALFORMED_QUERY…) rejects only its own query, with a QueryError
// naming the code, the org's message and the query, as the same query sent alone would.
import type { Connection } from 'jsforce';
import type { Logger } from 'pino';
import type { Clock } from '../app/ports/clock.ts';
import type { OrgSession } from './orgConnection.ts';
import { getQueryPage, QueryError, readAllPages, type QueryPage } from './queryAll.ts';
import { inChunks, soqlList } from './soql.ts';
import { DEFAULT_RETRY, backoffDelay, isRetryable, withRetry, type RetryOptions } from './retryPolicy.ts';

/** Salesforce's limit: of a Composite call's 25 subrequests, at most 5 may be queries. */
export const QUERIES_PER_COMPOSITE = 5;

/**
 * Salesforce answers 431/414 when a request's URI and headers pass 16,384 bytes. A read whose URL
 * is longer than this never goes out as a GET: it travels in a Composite body (alone if need be,
 * still one call), where only SOQL's 100,000-character limit applies; this is Salesforce's own
 * advice for 431s. The 4 KB left over is for the method, the HTTP version and the headers (the
 * access token, the call options).
 */
export const MAX_GET_URL_CHARS = 12_000;

interface PageRead {
  url: string;
  soql: string;
  resolve(page: QueryPage<unknown>): void;
  reject(error: unknown): void;
}

interface CompositeSubresponse {
  body: unknown;
  httpStatusCode: number;
  referenceId: string;
}

export interface QueryBatcherDeps {
  connection: Connection;
  apiVersion: string;
  clock: Clock;
  logger: Logger;
  retry?: RetryOptions;
}

export class QueryBatcher {
  private waiting: PageRead[] = [];
  private readonly retry: RetryOptions;
  private readonly logger: Logger;
  private readonly retryDeps: { clock: Clock; logger: Logger; options: RetryOptions };

  constructor(private readonly deps: QueryBatcherDeps) {
    this.retry = deps.retry ?? DEFAULT_RETRY;
    this.logger = deps.logger.child({ component: 'query-batcher' });
    this.retryDeps = { clock: deps.clock, logger: this.logger, options: this.retry };
  }

  /** Every record the query selects, `attributes` stripped; rejects with a QueryError. */
  query<T>(soql: string): Promise<T[]> {
    return readAllPages<T>(
      this.deps.apiVersion,
      soql,
      (url) => this.read(url, soql) as Promise<QueryPage<T>>,
    );
  }

  /** One query per chunk of ids, all started at once so they go out together. */
  async queryByIds<T>(ids: readonly string[], build: (list: string) => string): Promise<T[]> {
    const chunks = inChunks(ids.filter(Boolean));
    const results = await Promise.all(chunks.map((chunk) => this.query<T>(build(soqlList(chunk)))));
    return results.flat();
  }

  private read(url: string, soql: string): Promise<QueryPage<unknown>> {
    return new Promise((resolve, reject) => {
      if (this.waiting.push({ url, soql, resolve, reject }) === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const reads = this.waiting;
    this.waiting = [];
    for (let start = 0; start < reads.length; start += QUERIES_PER_COMPOSITE) {
      const group = reads.slice(start, start + QUERIES_PER_COMPOSITE);
      if (group.length === 1) this.readAlone(group[0]!).then(group[0]!.resolve, group[0]!.reject);
      else void this.readTogether(group);
    }
  }

  /** One read: a plain GET, or a Composite of one when the URL is too long for a GET. */
  private readAlone(read: PageRead): Promise<QueryPage<unknown>> {
    if (read.url.length <= MAX_GET_URL_CHARS)
      return getQueryPage(this.deps.connection, read.url, this.retryDeps);
    return withRetry(
      'query',
      async () => {
        const [outcome] = await this.postComposite([read]);
        if (outcome instanceof QueryError) throw outcome;
        return outcome!;
      },
      this.retryDeps,
    );
  }

  private async readTogether(group: PageRead[]): Promise<void> {
    let outcomes: Array<QueryPage<unknown> | QueryError>;
    try {
      outcomes = await withRetry('query batch', () => this.postComposite(group), this.retryDeps);
    } catch (error) {
      for (const read of group) read.reject(error);
      return;
    }
    group.forEach((read, n) => {
      const outcome = outcomes[n]!;
      if (!(outcome instanceof QueryError)) return read.resolve(outcome);
      if (!isRetryable(outcome)) return read.reject(outcome);
      this.logger.warn(
        { errorCode: outcome.errorCode, httpStatus: outcome.httpStatus },
        'query subrequest failed, retrying it on its own',
      );
      this.deps.clock
        .sleep(backoffDelay(0, this.retry))
        .then(() => this.readAlone(read))
        .then(read.resolve, read.reject);
    });
  }

  /** One Composite call holding these reads; a page or the subrequest's error for each. */
  private async postComposite(reads: PageRead[]): Promise<Array<QueryPage<unknown> | QueryError>> {
    const response = await this.deps.connection.request<{ compositeResponse?: CompositeSubresponse[] }>({
      method: 'POST',
      url: `/services/data/v${this.deps.apiVersion}/composite`,
      body: JSON.stringify({
        allOrNone: false,
        compositeRequest: reads.map((read, n) => ({ method: 'GET', url: read.url, referenceId: `q${n}` })),
      }),
      headers: { 'Content-Type': 'application/json' },
    });
    return reads.map((read, n) => {
      const part = response.compositeResponse?.find((r) => r.referenceId === `q${n}`);
      if (!part)
        return new QueryError(
          'UNKNOWN_EXCEPTION',
          `the Composite answer has no subresponse q${n}`,
          read.soql,
        );
      if (part.httpStatusCode < 300) return part.body as QueryPage<unknown>;
      const error = Array.isArray(part.body)
        ? (part.body as Array<{ errorCode?: string; message?: string }>)[0]
        : undefined;
      return new QueryError(
        error?.errorCode ?? `ERROR_HTTP_${part.httpStatusCode}`,
        error?.message ?? `query subrequest failed with HTTP ${part.httpStatusCode}`,
        read.soql,
        part.httpStatusCode,
      );
    });
  }
}

const batchers = new WeakMap<Connection, QueryBatcher>();

/**
 * The session's one batcher, shared by every adapter over the session (JsforceCampaignOrg,
 * JsforceDeliveryOrg) so their concurrent reads coalesce. The first adapter's clock and logger
 * serve it.
 */
export function queryBatcherOf(
  session: Pick<OrgSession, 'connection' | 'apiVersion'>,
  deps: { clock: Clock; logger: Logger; retry?: RetryOptions },
): QueryBatcher {
  let batcher = batchers.get(session.connection);
  if (!batcher) {
    batcher = new QueryBatcher({ connection: session.connection, apiVersion: session.apiVersion, ...deps });
    batchers.set(session.connection, batcher);
  }
  return batcher;
}
