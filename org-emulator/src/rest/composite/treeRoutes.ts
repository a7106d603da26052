// `/composite/tree/:sobject`: creates up to 200 records with their nested children in one
// all-or-nothing transaction, answering referenceId → id (what `sf data import tree` calls).
import type { FastifyInstance } from 'fastify';
import { SalesforceError } from '../../core/errors.ts';
import { TreeInsertError, type TreeRecord, insertTree } from '../../records/insertTree.ts';
import type { ServerContext } from '../context.ts';
import { actorOf } from '../requestContext.ts';

const MAX_RECORDS = 200;

function countRecords(records: TreeRecord[]): number {
  let count = 0;
  for (const record of records) {
    count += 1;
    for (const value of Object.values(record)) {
      const nested = (value as { records?: unknown } | null)?.records;
      if (Array.isArray(nested)) count += countRecords(nested as TreeRecord[]);
    }
  }
  return count;
}

export function registerTreeRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/services/data/v:version/composite/tree/:sobject', async (request, reply) => {
    const { sobject } = request.params as { sobject: string };
    const object = ctx.org.schema.requireForRest(sobject);
    const records = ((request.body ?? {}) as { records?: TreeRecord[] }).records;
    if (!Array.isArray(records) || records.length === 0)
      throw new SalesforceError('INVALID_INPUT', 'The request must contain a records array');
    if (countRecords(records) > MAX_RECORDS) {
      throw new SalesforceError(
        'EXCEEDED_ID_LIMIT',
        `record limit reached. cannot submit more than ${MAX_RECORDS} records into this call`,
      );
    }
    for (const record of records) {
      if (record.attributes?.type?.toLowerCase() !== object.name.toLowerCase()) {
        throw new SalesforceError(
          'INVALID_INPUT',
          `The record type ${record.attributes?.type} does not match the URL's ${object.name}`,
        );
      }
    }
    const tx = ctx.org.begin(actorOf(request));
    const created: Array<{ referenceId: string; id: string }> = [];
    try {
      for (const record of records) insertTree(ctx.org, tx, record, {}, created);
    } catch (error) {
      tx.rollback();
      if (!(error instanceof TreeInsertError)) throw error;
      return reply.status(400).send({
        hasErrors: true,
        results: [{ referenceId: error.referenceId, errors: [error.failure.toSaveError()] }],
      });
    }
    tx.commit();
    return reply.status(201).send({ hasErrors: false, results: created });
  });
}
