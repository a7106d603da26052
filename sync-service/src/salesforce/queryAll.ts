// Runs a SOQL query over REST and follows nextRecordsUrl until every page is read, retrying
// transient failures. One API call per page (2,000 records by default).
import type { Connection } from 'jsforce';
import type { Logger } from 'pino';
import type { Clock } from '../app/ports/clock.ts';
import { withRetry } from './retryPolicy.ts';

interface QueryPage<T> {
  done: boolean;
  nextRecordsUrl?: string;
  records: T[];
}

export async function queryAll<T>(
  connection: Connection,
  apiVersion: string,
  soql: string,
  deps: { clock: Clock; logger: Logger },
): Promise<T[]> {
  const records: T[] = [];
  let url: string | undefined = `/services/data/v${apiVersion}/query?q=${encodeURIComponent(soql)}`;
  while (url) {
    const pageUrl: string = url;
    const page = await withRetry('query', () => connection.request<QueryPage<T>>(pageUrl), deps);
    records.push(...page.records);
    url = !page.done && page.nextRecordsUrl ? page.nextRecordsUrl : undefined;
  }
  for (const record of records) stripAttributes(record);
  return records;
}

function stripAttributes(record: unknown): void {
  if (record && typeof record === 'object') {
    delete (record as { attributes?: unknown }).attributes;
  }
}
