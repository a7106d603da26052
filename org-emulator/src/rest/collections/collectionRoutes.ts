// sObject Collections: create, update, upsert, delete and retrieve up to 200 records a call,
// with allOrNone semantics and per-record errors.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SalesforceError } from '../../core/errors.ts';
import { isValidId } from '../../core/ids.ts';
import { deleteRecord, insertRecord, updateRecord, upsertRecord } from '../../records/dml.ts';
import type { ServerContext } from '../context.ts';
import { actorOf } from '../requestContext.ts';
import { publishEvent } from '../sobjects/publishEvent.ts';
import { recordJson } from '../sobjects/recordJson.ts';
import { saveEach } from './saveResults.ts';

const LOCKED = (): SalesforceError =>
  new SalesforceError(
    'UNABLE_TO_LOCK_ROW',
    'unable to obtain exclusive access to this record or 1 records',
    [],
  );

type Rec = Record<string, unknown> & { attributes?: { type?: string } };
const BASE = '/services/data/v:version/composite/sobjects';
const MAX_RECORDS = 200;

function readBatch(request: FastifyRequest): { allOrNone: boolean; records: Rec[] } {
  const body = (request.body ?? {}) as { allOrNone?: boolean; records?: unknown };
  if (!Array.isArray(body.records))
    throw new SalesforceError('JSON_PARSER_ERROR', 'The request must contain a records array');
  checkSize(body.records.length);
  return { allOrNone: body.allOrNone === true, records: body.records as Rec[] };
}

function checkSize(count: number): void {
  if (count > MAX_RECORDS) {
    throw new SalesforceError(
      'EXCEEDED_ID_LIMIT',
      `record limit reached. cannot submit more than ${MAX_RECORDS} records into this call`,
    );
  }
}

function typeOf(record: Rec): string {
  const type = record.attributes?.type;
  if (!type) throw new SalesforceError('INVALID_FIELD', 'No SObject Type defined in JSON');
  return type;
}

export function registerCollectionRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { org } = ctx;
  const idOf = (r: Rec): string | null =>
    typeof r.id === 'string' ? r.id : typeof r.Id === 'string' ? r.Id : null;

  app.post(BASE, async (request) => {
    const { allOrNone, records } = readBatch(request);
    const tx = org.begin(actorOf(request));
    return saveEach(tx, records, allOrNone, (r) => {
      if (request.lockRows) throw LOCKED();
      const object = org.schema.require(typeOf(r));
      if (object.kind === 'platformEvent') return publishEvent(ctx, tx, object, r);
      return { id: insertRecord(org, tx, object.name, r).Id, success: true, errors: [] };
    });
  });

  app.patch(BASE, async (request) => {
    const { allOrNone, records } = readBatch(request);
    const tx = org.begin(actorOf(request));
    return saveEach(
      tx,
      records,
      allOrNone,
      (r) => {
        if (request.lockRows) throw LOCKED();
        const id = idOf(r);
        if (!id) throw new SalesforceError('MISSING_ARGUMENT', 'Id not specified in an update call', []);
        if (!isValidId(id)) throw new SalesforceError('MALFORMED_ID', `malformed id ${id}`, []);
        const expected = r.attributes?.type ? org.schema.require(r.attributes.type) : undefined;
        const { id: _id, Id: _Id, ...fields } = r;
        return { id: updateRecord(org, tx, id, fields, expected).Id, success: true, errors: [] };
      },
      idOf,
    );
  });

  app.patch(`${BASE}/:sobject/:field`, async (request) => {
    const { sobject, field } = request.params as { sobject: string; field: string };
    const object = org.schema.requireForRest(sobject);
    const { allOrNone, records } = readBatch(request);
    const extValue = (r: Rec): string | null => {
      const entry = Object.entries(r).find(([k]) => k.toLowerCase() === field.toLowerCase());
      return entry && entry[1] != null ? String(entry[1]) : null;
    };
    const counts = new Map<string, number>();
    for (const r of records) {
      const value = extValue(r);
      if (value !== null) counts.set(value.toLowerCase(), (counts.get(value.toLowerCase()) ?? 0) + 1);
    }
    const tx = org.begin(actorOf(request));
    return saveEach(tx, records, allOrNone, (r) => {
      if (request.lockRows) throw LOCKED();
      const value = extValue(r);
      if (value === null && field.toLowerCase() !== 'id') {
        throw new SalesforceError('MISSING_ARGUMENT', `${field} not specified`, []);
      }
      if (value !== null && (counts.get(value.toLowerCase()) ?? 0) > 1) {
        throw new SalesforceError('DUPLICATE_EXTERNAL_ID', `Duplicate external id specified: ${value}`, [
          field,
        ]);
      }
      try {
        const { record, created } = upsertRecord(org, tx, object.name, field, value ?? '', r);
        return { id: record.Id, success: true, errors: [], created };
      } catch (error) {
        if ((error as { matches?: string[] }).matches) {
          throw new SalesforceError(
            'DUPLICATE_EXTERNAL_ID',
            `${field}: more than one record found for external id field: ${value}`,
            [field],
          );
        }
        throw error;
      }
    });
  });

  app.delete(BASE, async (request) => {
    const query = request.query as { ids?: string; allOrNone?: string };
    const ids = (query.ids ?? '').split(',').filter(Boolean);
    checkSize(ids.length);
    const tx = org.begin(actorOf(request));
    return saveEach(
      tx,
      ids,
      query.allOrNone === 'true',
      (id) => {
        if (request.lockRows) throw LOCKED();
        if (!isValidId(id)) throw new SalesforceError('MALFORMED_ID', `malformed id ${id}`, []);
        deleteRecord(org, tx, id);
        return { id: org.store.resolveId(id) ?? id, success: true, errors: [] };
      },
      (id) => id,
    );
  });

  const retrieve = (
    sobject: string,
    ids: string[],
    fields: string[],
  ): Array<Record<string, unknown> | null> => {
    const object = org.schema.requireForRest(sobject);
    if (fields.length === 0) throw new SalesforceError('MISSING_ARGUMENT', 'fields parameter is required');
    checkSize(ids.length);
    return ids.map((id) => {
      const found = isValidId(id) ? org.store.find(id) : undefined;
      if (!found || found.object !== object.name || found.record.IsDeleted === true) return null;
      return recordJson(object, found.record, ctx.apiVersion, fields);
    });
  };

  app.get(`${BASE}/:sobject`, async (request) => {
    const { sobject } = request.params as { sobject: string };
    const query = request.query as { ids?: string; fields?: string };
    return retrieve(
      sobject,
      (query.ids ?? '').split(',').filter(Boolean),
      (query.fields ?? '').split(',').filter(Boolean),
    );
  });

  app.post(`${BASE}/:sobject`, async (request) => {
    const { sobject } = request.params as { sobject: string };
    const body = (request.body ?? {}) as { ids?: string[]; fields?: string[] };
    return retrieve(sobject, body.ids ?? [], body.fields ?? []);
  });
}
