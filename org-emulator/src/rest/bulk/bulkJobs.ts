// Bulk API 2.0 ingest jobs: uploaded CSV is processed after the job closes, in chunks of 200
// rows (each chunk one transaction, partial success like Salesforce's batches), and every row
// lands in the successful, failed or unprocessed results.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { SalesforceError, notFound } from '../../core/errors.ts';
import { formatDateTime } from '../../core/datetime.ts';
import type { Actor } from '../../core/transaction.ts';
import { deleteRecord, insertRecord, updateRecord, upsertRecord } from '../../records/dml.ts';
import type { Org } from '../../records/org.ts';

export type BulkOperation = 'insert' | 'update' | 'upsert' | 'delete' | 'hardDelete';
export type JobState = 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';

export interface BulkJob {
  id: string;
  object: string;
  operation: BulkOperation;
  externalIdFieldName?: string;
  lineEnding: 'LF' | 'CRLF';
  columnDelimiter: string;
  state: JobState;
  createdById: string;
  createdDate: string;
  systemModstamp: string;
  csv: string[];
  actor: Actor;
  successful: Array<Record<string, string>>;
  failed: Array<Record<string, string>>;
  unprocessed: Array<Record<string, string>>;
  columns: string[];
  errorMessage?: string;
  processingMs: number;
}

const CHUNK = 200;
const DELIMITERS: Record<string, string> = {
  COMMA: ',',
  TAB: '\t',
  SEMICOLON: ';',
  PIPE: '|',
  CARET: '^',
  BACKQUOTE: '`',
};

export class BulkJobStore {
  readonly jobs = new Map<string, BulkJob>();

  constructor(private readonly org: Org) {}

  create(spec: Record<string, unknown>, actor: Actor): BulkJob {
    const operation = spec.operation as BulkOperation;
    if (!['insert', 'update', 'upsert', 'delete', 'hardDelete'].includes(operation)) {
      throw new SalesforceError('INVALIDJOB', `InvalidJob : Invalid operation: ${String(spec.operation)}`);
    }
    const object = this.org.schema.find(String(spec.object ?? ''));
    if (!object)
      throw new SalesforceError('INVALIDJOB', `InvalidJob : Unable to find object: ${String(spec.object)}`);
    if (operation === 'upsert' && !spec.externalIdFieldName) {
      throw new SalesforceError('INVALIDJOB', 'InvalidJob : External ID was blank for upsert');
    }
    if (spec.contentType !== undefined && spec.contentType !== 'CSV')
      throw new SalesforceError('INVALIDJOB', 'InvalidJob : contentType must be CSV');
    const delimiter = DELIMITERS[String(spec.columnDelimiter ?? 'COMMA')];
    if (!delimiter)
      throw new SalesforceError(
        'INVALIDJOB',
        `InvalidJob : Invalid column delimiter: ${String(spec.columnDelimiter)}`,
      );
    const now = formatDateTime(this.org.clock.now());
    const job: BulkJob = {
      id: this.org.ids.next('750'),
      object: object.name,
      operation,
      externalIdFieldName: spec.externalIdFieldName as string | undefined,
      lineEnding: spec.lineEnding === 'CRLF' ? 'CRLF' : 'LF',
      columnDelimiter: String(spec.columnDelimiter ?? 'COMMA'),
      state: 'Open',
      createdById: actor.userId,
      createdDate: now,
      systemModstamp: now,
      csv: [],
      actor,
      successful: [],
      failed: [],
      unprocessed: [],
      columns: [],
      processingMs: 0,
    };
    this.jobs.set(job.id, job);
    return job;
  }

  get(id: string): BulkJob {
    const job = this.jobs.get(id);
    if (!job) throw notFound('The requested resource does not exist');
    return job;
  }

  upload(id: string, csv: string): void {
    const job = this.get(id);
    if (job.state !== 'Open')
      throw new SalesforceError(
        'INVALIDJOBSTATE',
        `Job ${id} is not open for uploads: ${job.state}`,
        [],
        409,
      );
    if (job.csv.length > 0)
      throw new SalesforceError(
        'INVALIDJOBSTATE',
        'Only one upload per job is supported by Bulk API 2.0 ingest',
        [],
        409,
      );
    job.csv.push(csv);
  }

  setState(id: string, state: string): BulkJob {
    const job = this.get(id);
    if (state === 'Aborted') {
      if (job.state === 'JobComplete' || job.state === 'Failed')
        throw new SalesforceError('INVALIDJOBSTATE', `Job ${id} is already ${job.state}`, [], 400);
      job.state = 'Aborted';
      return job;
    }
    if (state !== 'UploadComplete')
      throw new SalesforceError('INVALIDJOBSTATE', `Invalid state transition to ${state}`, [], 400);
    if (job.state !== 'Open')
      throw new SalesforceError('INVALIDJOBSTATE', `Job ${id} is not open: ${job.state}`, [], 400);
    job.state = 'UploadComplete';
    job.systemModstamp = formatDateTime(this.org.clock.now());
    // Salesforce queues the job; clients poll. Process on the next tick so they see the states.
    setTimeout(() => this.process(job), 20).unref();
    return job;
  }

  delete(id: string): void {
    const job = this.get(id);
    if (job.state === 'Open' || job.state === 'UploadComplete' || job.state === 'InProgress') {
      throw new SalesforceError(
        'INVALIDJOBSTATE',
        'Cannot delete a job that is not complete or aborted',
        [],
        400,
      );
    }
    this.jobs.delete(id);
  }

  private process(job: BulkJob): void {
    if (job.state !== 'UploadComplete') return;
    job.state = 'InProgress';
    const started = Date.now();
    let rows: Array<Record<string, string>>;
    try {
      rows = parse(job.csv.join('\n'), {
        columns: (header: string[]) => (job.columns = header),
        delimiter: DELIMITERS[job.columnDelimiter],
        skip_empty_lines: true,
        bom: true,
      }) as Array<Record<string, string>>;
    } catch (error) {
      job.state = 'Failed';
      job.errorMessage = `InvalidBatch : Failed to parse CSV: ${(error as Error).message}`;
      return;
    }
    for (let start = 0; start < rows.length; start += CHUNK) {
      if ((job.state as JobState) === 'Aborted') {
        job.unprocessed.push(...rows.slice(start));
        break;
      }
      this.processChunk(job, rows.slice(start, start + CHUNK));
    }
    job.processingMs = Date.now() - started;
    job.systemModstamp = formatDateTime(this.org.clock.now());
    if (job.state === 'InProgress') job.state = 'JobComplete';
  }

  private processChunk(job: BulkJob, rows: Array<Record<string, string>>): void {
    const tx = this.org.begin(job.actor);
    for (const row of rows) {
      try {
        const { id, created } = this.applyRow(job, tx, row);
        job.successful.push({ sf__Id: id, sf__Created: String(created), ...row });
      } catch (error) {
        if (!(error instanceof SalesforceError)) throw error;
        const idColumn = Object.keys(row).find((k) => k.toLowerCase() === 'id');
        job.failed.push({
          sf__Id: idColumn ? (row[idColumn] ?? '') : '',
          sf__Error: `${error.errorCode}:${error.message}:${error.fields.join(',')} --`,
          ...row,
        });
      }
    }
    tx.commit();
  }

  private applyRow(
    job: BulkJob,
    tx: Parameters<typeof insertRecord>[1],
    row: Record<string, string>,
  ): { id: string; created: boolean } {
    // Bulk CSV: an empty cell leaves the field alone, `#N/A` clears it.
    const values: Record<string, unknown> = {};
    for (const [column, cell] of Object.entries(row)) {
      if (cell === '') continue;
      const value = cell === '#N/A' ? null : cell;
      // `Account.External_Id__c` columns set a parent by its external id.
      const dot = column.indexOf('.');
      if (dot > 0) values[column.slice(0, dot)] = { [column.slice(dot + 1)]: value };
      else values[column] = value;
    }
    const idOf = (): string => {
      const key = Object.keys(values).find((k) => k.toLowerCase() === 'id');
      const id = key ? values[key] : undefined;
      if (typeof id !== 'string')
        throw new SalesforceError('MISSING_ARGUMENT', 'Id not specified in an update call', ['Id']);
      if (key) delete values[key];
      return id;
    };
    switch (job.operation) {
      case 'insert':
        return { id: insertRecord(this.org, tx, job.object, values).Id, created: true };
      case 'update':
        return { id: updateRecord(this.org, tx, idOf(), values).Id, created: false };
      case 'upsert': {
        const field = job.externalIdFieldName!;
        const key = Object.keys(values).find((k) => k.toLowerCase() === field.toLowerCase());
        const value = key ? String(values[key]) : '';
        const result = upsertRecord(this.org, tx, job.object, field, value, values);
        return { id: result.record.Id, created: result.created };
      }
      case 'delete':
      case 'hardDelete': {
        const id = idOf();
        deleteRecord(this.org, tx, id);
        return { id, created: false };
      }
    }
  }

  results(id: string, kind: 'successful' | 'failed' | 'unprocessed'): string {
    const job = this.get(id);
    const rows = kind === 'successful' ? job.successful : kind === 'failed' ? job.failed : job.unprocessed;
    const prefix =
      kind === 'successful' ? ['sf__Id', 'sf__Created'] : kind === 'failed' ? ['sf__Id', 'sf__Error'] : [];
    const columns = [...prefix, ...job.columns];
    return stringify(rows, {
      header: true,
      columns,
      record_delimiter: job.lineEnding === 'CRLF' ? 'windows' : 'unix',
      quoted: kind !== 'unprocessed',
    });
  }
}
