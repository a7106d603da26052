// Bulk API 2.0 upserts for large batches (above SYNC_BULK_THRESHOLD records). A job costs a
// handful of calls (create, upload, close, polls, results) whatever its size, so it pays off only
// once Composite collections would need more calls than that. Results are matched back to the
// input by the external id value, since Bulk API reports them in no guaranteed order.
import type { Connection } from 'jsforce';
import type { Logger } from 'pino';
import type { OrgRecord, RecordOutcome } from '../app/ports/campaignOrg.ts';
import { errorCodeOf } from './retryPolicy.ts';

export async function bulkUpsert(
  connection: Connection,
  job: { sobject: string; externalIdField: string; records: OrgRecord[] },
  logger: Logger,
): Promise<RecordOutcome[]> {
  const log = logger.child({ component: 'bulk-writer', sobject: job.sobject, records: job.records.length });
  log.info('upserting through Bulk API 2.0');
  try {
    const results = await connection.bulk2.loadAndWaitForResults({
      object: job.sobject,
      operation: 'upsert',
      externalIdFieldName: job.externalIdField,
      input: job.records.map((record) =>
        Object.fromEntries(Object.entries(record).map(([k, v]) => [k, v === null ? '#N/A' : v])),
      ) as never,
      pollTimeout: 10 * 60 * 1000,
    });
    const byKey = new Map<string, RecordOutcome>();
    for (const ok of results.successfulResults) {
      byKey.set(String((ok as Record<string, unknown>)[job.externalIdField]), {
        ok: true,
        id: String(ok.sf__Id),
        created: String(ok.sf__Created) === 'true',
      });
    }
    for (const failed of results.failedResults) {
      const [code, ...rest] = String(failed.sf__Error).split(':');
      byKey.set(String((failed as Record<string, unknown>)[job.externalIdField]), {
        ok: false,
        errors: [
          { code: code ?? 'UNKNOWN', message: rest.join(':').trim() || String(failed.sf__Error), fields: [] },
        ],
      });
    }
    return job.records.map(
      (record) =>
        byKey.get(String(record[job.externalIdField])) ?? {
          ok: false,
          errors: [{ code: 'UNPROCESSED', message: 'Bulk API left the record unprocessed', fields: [] }],
        },
    );
  } catch (error) {
    const code = errorCodeOf(error) ?? 'BULK_JOB_FAILED';
    log.error({ code, message: (error as Error).message }, 'bulk upsert failed');
    return job.records.map(() => ({
      ok: false,
      errors: [{ code, message: (error as Error).message, fields: [] }],
    }));
  }
}
