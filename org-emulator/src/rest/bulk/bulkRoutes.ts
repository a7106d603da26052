// Bulk API 2.0 ingest endpoints under `/jobs/ingest`.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SalesforceError } from '../../core/errors.ts';
import type { ServerContext } from '../context.ts';
import { actorOf } from '../requestContext.ts';
import type { BulkJob } from './bulkJobs.ts';

const BASE = '/services/data/v:version/jobs/ingest';

function jobInfo(job: BulkJob, apiVersion: string): Record<string, unknown> {
  return {
    id: job.id,
    operation: job.operation,
    object: job.object,
    createdById: job.createdById,
    createdDate: job.createdDate,
    systemModstamp: job.systemModstamp,
    state: job.state,
    ...(job.externalIdFieldName ? { externalIdFieldName: job.externalIdFieldName } : {}),
    concurrencyMode: 'Parallel',
    contentType: 'CSV',
    apiVersion: Number(apiVersion),
    jobType: 'V2Ingest',
    contentUrl: `services/data/v${apiVersion}/jobs/ingest/${job.id}/batches`,
    lineEnding: job.lineEnding,
    columnDelimiter: job.columnDelimiter,
    numberRecordsProcessed: job.successful.length + job.failed.length,
    numberRecordsFailed: job.failed.length,
    retries: 0,
    totalProcessingTime: job.processingMs,
    apiActiveProcessingTime: job.processingMs,
    apexProcessingTime: 0,
    ...(job.errorMessage ? { errorMessage: job.errorMessage } : {}),
  };
}

export function registerBulkRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const v = ctx.apiVersion;
  const jobs = ctx.bulkJobs;
  const idOf = (request: FastifyRequest): string => (request.params as { jobId: string }).jobId;

  app.post(BASE, async (request) => {
    const spec = (request.body ?? {}) as Record<string, unknown>;
    return jobInfo(jobs.create(spec, actorOf(request)), v);
  });

  app.get(BASE, async () => ({
    done: true,
    records: [...jobs.jobs.values()].map((job) => jobInfo(job, v)),
    nextRecordsUrl: null,
  }));

  app.put(`${BASE}/:jobId/batches`, async (request, reply) => {
    const body = request.body;
    if (typeof body !== 'string' && !Buffer.isBuffer(body))
      throw new SalesforceError('INVALIDBATCH', 'The request body must be CSV (Content-Type: text/csv)');
    jobs.upload(idOf(request), body.toString());
    return reply.status(201).send();
  });

  app.patch(`${BASE}/:jobId`, async (request) => {
    const { state } = (request.body ?? {}) as { state?: string };
    return jobInfo(jobs.setState(idOf(request), String(state)), v);
  });

  app.get(`${BASE}/:jobId`, async (request) => jobInfo(jobs.get(idOf(request)), v));

  app.delete(`${BASE}/:jobId`, async (request, reply) => {
    jobs.delete(idOf(request));
    return reply.status(204).send();
  });

  const results =
    (kind: 'successful' | 'failed' | 'unprocessed') =>
    async (request: FastifyRequest, reply: import('fastify').FastifyReply) => {
      return reply.type('text/csv').send(jobs.results(idOf(request), kind));
    };
  app.get(`${BASE}/:jobId/successfulResults`, results('successful'));
  app.get(`${BASE}/:jobId/failedResults`, results('failed'));
  app.get(`${BASE}/:jobId/unprocessedrecords`, results('unprocessed'));
}
