// Query locators for `nextRecordsUrl` paging. A query's full result is computed once and handed
// out batch by batch; Salesforce's default batch is 2000 and `Sforce-Query-Options: batchSize=N`
// may ask for 200..2000.
import { randomBytes } from 'node:crypto';
import type { Row } from '../../soql/runQuery.ts';

interface Cursor {
  records: Row[];
  batchSize: number;
  totalSize: number;
  all: boolean;
  createdAt: number;
}

export interface QueryPage {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: Row[];
}

/** Locators live for 15 minutes (real time), as Salesforce's do when idle. */
const LOCATOR_TTL_MS = 15 * 60_000;
const MAX_OPEN_CURSORS = 500;

export class QueryCursors {
  private readonly cursors = new Map<string, Cursor>();

  constructor(private readonly now: () => number) {}

  firstPage(
    records: Row[],
    totalSize: number,
    batchSize: number,
    all: boolean,
    apiVersion: string,
  ): QueryPage {
    if (records.length <= batchSize) return { totalSize, done: true, records };
    const id = `01g${randomBytes(9).toString('base64url').replace(/[-_]/g, 'x').slice(0, 12)}`;
    this.prune();
    this.cursors.set(id, { records, batchSize, totalSize, all, createdAt: this.now() });
    return this.page(id, 0, apiVersion)!;
  }

  /** The page starting at `offset` of locator `id`; undefined when unknown or expired. */
  page(id: string, offset: number, apiVersion: string): QueryPage | undefined {
    const cursor = this.cursors.get(id);
    if (!cursor || this.now() - cursor.createdAt > LOCATOR_TTL_MS) return undefined;
    const end = offset + cursor.batchSize;
    const page: QueryPage = {
      totalSize: cursor.totalSize,
      done: end >= cursor.records.length,
      records: cursor.records.slice(offset, end),
    };
    if (!page.done)
      page.nextRecordsUrl = `/services/data/v${apiVersion}/${cursor.all ? 'queryAll' : 'query'}/${id}-${end}`;
    return page;
  }

  private prune(): void {
    for (const [id, cursor] of this.cursors) {
      if (this.now() - cursor.createdAt > LOCATOR_TTL_MS || this.cursors.size > MAX_OPEN_CURSORS)
        this.cursors.delete(id);
    }
  }
}
