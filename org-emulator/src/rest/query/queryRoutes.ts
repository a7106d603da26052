// `/query` and `/queryAll`, with `nextRecordsUrl` paging.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SalesforceError } from '../../core/errors.ts';
import { compileSoql } from '../../soql/compileQuery.ts';
import { runQuery } from '../../soql/runQuery.ts';
import type { ServerContext } from '../context.ts';
import { batchSizeOf } from '../requestContext.ts';

export function registerQueryRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const v = ctx.apiVersion;
  const handle = (all: boolean) => async (request: FastifyRequest) => {
    const q = (request.query as { q?: string }).q;
    if (!q || !q.trim()) throw new SalesforceError('MALFORMED_QUERY', 'A query string must be provided.');
    const compiled = compileSoql(ctx.org.schema, q);
    const outcome = runQuery(ctx.org, compiled, v, all);
    return ctx.cursors.firstPage(
      outcome.records,
      outcome.totalSize,
      batchSizeOf(request.headers['sforce-query-options']),
      all,
      v,
    );
  };
  const next = async (request: FastifyRequest) => {
    const { locator } = request.params as { locator: string };
    const match = /^(.+)-(\d+)$/.exec(locator);
    const page = match ? ctx.cursors.page(match[1]!, Number(match[2]), v) : undefined;
    if (!page) throw new SalesforceError('INVALID_QUERY_LOCATOR', 'invalid query locator', [], 400);
    return page;
  };
  app.get('/services/data/v:version/query', handle(false));
  app.get('/services/data/v:version/queryAll', handle(true));
  app.get('/services/data/v:version/query/:locator', next);
  app.get('/services/data/v:version/queryAll/:locator', next);
}
