// `/composite`: up to 25 subrequests in order, each replayed through the app itself, with
// `@{ref}` references between them. With allOrNone they share one transaction and the first
// failure rolls every write back (PROCESSING_HALTED for the others). It counts as one API call.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { SalesforceError } from '../../core/errors.ts';
import type { ServerContext } from '../context.ts';
import { actorOf } from '../requestContext.ts';
import { shareTransaction } from '../runDml.ts';
import { UnresolvedReference, resolveBody, resolveString } from './references.ts';

interface Subrequest {
  method: string;
  url: string;
  referenceId: string;
  body?: unknown;
  httpHeaders?: Record<string, string>;
}

interface SubResponse {
  body: unknown;
  httpHeaders: Record<string, string>;
  httpStatusCode: number;
  referenceId: string;
}

const MAX_SUBREQUESTS = 25;
/** Of the 25, at most 5 may be sObject Collections or query / queryAll operations. */
const MAX_COLLECTION_OR_QUERY = 5;
const COLLECTION_OR_QUERY = /^\/services\/data\/v\d+\.\d+\/(composite\/sobjects|query|queryAll)(\/|\?|$)/;
const HALTED = [
  {
    errorCode: 'PROCESSING_HALTED',
    message: 'The transaction was rolled back since another operation in the same transaction failed.',
  },
];

export function registerCompositeRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/services/data/v:version/composite', async (request) => {
    const body = (request.body ?? {}) as { allOrNone?: boolean; compositeRequest?: Subrequest[] };
    const subrequests = body.compositeRequest;
    if (!Array.isArray(subrequests) || subrequests.length === 0) {
      throw new SalesforceError('INVALID_INPUT', 'compositeRequest must be a non-empty array');
    }
    if (subrequests.length > MAX_SUBREQUESTS) {
      throw new SalesforceError(
        'LIMIT_EXCEEDED',
        `Composite requests cannot have more than ${MAX_SUBREQUESTS} subrequests`,
      );
    }
    if (
      subrequests.filter((sub) => COLLECTION_OR_QUERY.test(String(sub.url))).length > MAX_COLLECTION_OR_QUERY
    ) {
      throw new SalesforceError(
        'LIMIT_EXCEEDED',
        `A composite request can contain up to ${MAX_COLLECTION_OR_QUERY} sObject Collections or query subrequests`,
      );
    }
    const ids = new Set<string>();
    for (const sub of subrequests) {
      if (!sub.referenceId || !/^[A-Za-z][A-Za-z0-9_]*$/.test(sub.referenceId))
        throw new SalesforceError('INVALID_INPUT', `Invalid referenceId: ${sub.referenceId}`);
      if (ids.has(sub.referenceId))
        throw new SalesforceError(
          'INVALID_INPUT',
          `Duplicate referenceId provided in the request: ${sub.referenceId}`,
        );
      ids.add(sub.referenceId);
    }

    const allOrNone = body.allOrNone === true;
    const txKey = randomUUID();
    const tx = allOrNone ? ctx.org.begin(actorOf(request)) : undefined;
    const unshare = tx ? shareTransaction(txKey, tx) : () => undefined;
    const results = new Map<string, unknown>();
    const responses: SubResponse[] = [];
    let failedAt = -1;
    try {
      for (const [index, sub] of subrequests.entries()) {
        if (failedAt >= 0 && allOrNone) {
          responses.push({
            body: HALTED,
            httpHeaders: {},
            httpStatusCode: 400,
            referenceId: sub.referenceId,
          });
          continue;
        }
        let url: string;
        let payload: unknown;
        try {
          url = resolveString(sub.url, results);
          payload = sub.body === undefined ? undefined : resolveBody(sub.body, results);
        } catch (error) {
          if (!(error instanceof UnresolvedReference)) throw error;
          responses.push({
            body: [{ errorCode: 'PROCESSING_HALTED', message: error.message }],
            httpHeaders: {},
            httpStatusCode: 400,
            referenceId: sub.referenceId,
          });
          if (failedAt < 0) failedAt = index;
          continue;
        }
        const response = await app.inject({
          method: sub.method.toUpperCase() as 'GET',
          url,
          payload: payload === undefined ? undefined : JSON.stringify(payload),
          headers: {
            ...(sub.httpHeaders ?? {}),
            authorization: request.headers.authorization ?? '',
            'sforce-call-options': request.headers['sforce-call-options'] ?? '',
            'content-type': 'application/json',
            'x-emulator-internal': ctx.internalSecret,
            ...(tx ? { 'x-emulator-transaction': txKey } : {}),
            ...(request.lockRows ? { 'x-emulator-lock-rows': '1' } : {}),
          },
        });
        const parsed = response.body ? safeJson(response.body) : null;
        const headers: Record<string, string> = {};
        if (response.headers.location) headers.Location = String(response.headers.location);
        responses.push({
          body: parsed,
          httpHeaders: headers,
          httpStatusCode: response.statusCode,
          referenceId: sub.referenceId,
        });
        if (response.statusCode < 300) results.set(sub.referenceId, parsed);
        else if (failedAt < 0) failedAt = index;
      }
    } finally {
      unshare();
    }
    if (tx) {
      if (failedAt >= 0) {
        tx.rollback();
        // Salesforce reports every other subrequest as halted once the transaction rolls back.
        for (const [i, r] of responses.entries())
          if (i !== failedAt) Object.assign(r, { body: HALTED, httpStatusCode: 400, httpHeaders: {} });
      } else tx.commit();
    }
    return { compositeResponse: responses };
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
