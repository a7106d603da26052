// Insert, update, delete and upsert of one record inside a transaction. Every check runs before
// the store is touched, so a failed record leaves nothing behind and the surrounding request
// decides (allOrNone) whether the others commit.
import { SalesforceError, notFound } from '../core/errors.ts';
import { formatDateTime } from '../core/datetime.ts';
import { isValidId, to18 } from '../core/ids.ts';
import type { SRecord } from '../core/recordStore.ts';
import type { Transaction } from '../core/transaction.ts';
import { requireField } from '../schema/orgSchema.ts';
import type { ObjectSchema } from '../schema/types.ts';
import {
  checkReferences,
  checkRequired,
  checkUnique,
  checkValidationRules,
  sameCaseIndex,
} from './checks.ts';
import { coerceValue } from './coerceValue.ts';
import { applyComputedFields } from './computedFields.ts';
import type { Org } from './org.ts';

export type Body = Record<string, unknown>;

/** Reads a request body into field values: unknown fields are INVALID_FIELD, read-only ones
 * INVALID_FIELD_FOR_INSERT_UPDATE, parent references by external id are resolved to ids. */
function readBody(
  org: Org,
  object: ObjectSchema,
  body: Body,
  mode: 'insert' | 'update',
): Map<string, unknown> {
  const values = new Map<string, unknown>();
  const readOnly: string[] = [];
  for (const [key, raw] of Object.entries(body)) {
    if (key === 'attributes') continue;
    if (key.toLowerCase() === 'id') {
      if (mode === 'insert' && raw != null) {
        throw new SalesforceError('INVALID_FIELD_FOR_INSERT_UPDATE', 'cannot specify Id in an insert call', [
          'Id',
        ]);
      }
      continue;
    }
    const relationship = object.parentRelationships.get(key.toLowerCase());
    if (relationship && raw !== null && typeof raw === 'object') {
      values.set(
        relationship.name,
        resolveParentByExternalId(org, relationship.referenceTo[0]!, raw as Body),
      );
      continue;
    }
    const f = requireField(object, key);
    const writable = mode === 'insert' ? f.createable : f.updateable;
    if (!writable) {
      readOnly.push(f.name);
      continue;
    }
    values.set(f.name, coerceValue(f, raw));
  }
  if (readOnly.length > 0) {
    throw new SalesforceError(
      'INVALID_FIELD_FOR_INSERT_UPDATE',
      `Unable to create/update fields: ${readOnly.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
      readOnly,
    );
  }
  return values;
}

function resolveParentByExternalId(org: Org, parentName: string, ref: Body): string {
  const parent = org.schema.require(parentName);
  const entries = Object.entries(ref).filter(([k]) => k !== 'attributes');
  if (entries.length !== 1)
    throw new SalesforceError(
      'INVALID_FIELD',
      `Foreign key external ID for ${parentName} must name exactly one field`,
    );
  const [fieldName, value] = entries[0]!;
  const f = requireField(parent, fieldName);
  const matches = findByField(org, parent, f.name, value);
  if (matches.length === 0) {
    throw new SalesforceError(
      'INVALID_FIELD',
      `Foreign key external ID: ${String(value)} not found for field ${f.name} in entity ${parent.name}`,
    );
  }
  if (matches.length > 1) {
    throw new SalesforceError(
      'INVALID_FIELD',
      `Foreign key external ID: ${String(value)} matches multiple records for field ${f.name} in entity ${parent.name}`,
    );
  }
  return matches[0]!.Id;
}

export function findByField(org: Org, object: ObjectSchema, fieldName: string, value: unknown): SRecord[] {
  const f = requireField(object, fieldName);
  const target = f.caseSensitive || f.type === 'id' ? String(value) : String(value).toLowerCase();
  const candidates =
    f.type === 'id'
      ? org.store.getMany(object.name, [to18(String(value))])
      : (sameCaseIndex(org, object.name, f.caseSensitive, f.name, value) ?? org.store.all(object.name));
  return candidates.filter((r) => {
    if (r.IsDeleted === true || r[f.name] == null) return false;
    const v =
      f.type === 'id' ? r[f.name] : f.caseSensitive ? String(r[f.name]) : String(r[f.name]).toLowerCase();
    return f.type === 'id' ? v === to18(String(value)) : v === target;
  });
}

function stamp(org: Org, tx: Transaction, record: SRecord, creating: boolean): void {
  const now = formatDateTime(org.clock.now());
  if (creating) {
    record.CreatedDate = now;
    record.CreatedById = tx.actor.userId;
  }
  if ('IsDeleted' in record || creating) record.IsDeleted = record.IsDeleted ?? false;
  record.LastModifiedDate = now;
  record.LastModifiedById = tx.actor.userId;
  record.SystemModstamp = now;
}

export function insertRecord(org: Org, tx: Transaction, objectName: string, body: Body): SRecord {
  const object = org.schema.require(objectName);
  if (!object.createable || object.kind === 'platformEvent') {
    throw new SalesforceError(
      'INVALID_TYPE_FOR_OPERATION',
      `entity type cannot be inserted: ${object.label}`,
    );
  }
  const values = readBody(org, object, body, 'insert');
  const record: SRecord = { Id: org.ids.next(object.keyPrefix) };
  for (const f of object.fields) {
    if (f.name === 'Id') continue;
    record[f.name] = f.type === 'boolean' ? false : null;
    if (f.defaultValue !== undefined && !values.has(f.name)) record[f.name] = f.defaultValue;
  }
  if (object.fieldsByLower.has('ownerid') && !values.has('OwnerId')) record.OwnerId = tx.actor.userId;
  for (const [name, value] of values) record[name] = value;
  applyComputedFields(org, object, record, undefined);
  stamp(org, tx, record, true);
  checkRequired(object, record);
  checkReferences(org, object, record, new Set(object.fields.map((f) => f.name)));
  checkValidationRules(object, record, undefined);
  checkUnique(org, object, record);
  tx.create(object.name, record);
  return record;
}

/** Loads a live record for writing; `expected` is the object named in the URL, if any. */
export function loadForWrite(
  org: Org,
  id: string,
  expected?: ObjectSchema,
): { object: ObjectSchema; record: SRecord } {
  if (!isValidId(id))
    throw new SalesforceError('MALFORMED_ID', `Record ID: id value of incorrect type: ${id}`, ['Id']);
  const found = org.store.find(id);
  const object = found ? org.schema.require(found.object) : undefined;
  if (!found || !object || (expected && expected.name !== object.name)) throw notFound();
  if (found.record.IsDeleted === true)
    throw new SalesforceError('ENTITY_IS_DELETED', 'entity is deleted', [], 404);
  return { object, record: found.record };
}

export function updateRecord(
  org: Org,
  tx: Transaction,
  id: string,
  body: Body,
  expected?: ObjectSchema,
): SRecord {
  const { object, record: before } = loadForWrite(org, id, expected);
  if (!object.updateable)
    throw new SalesforceError('INVALID_TYPE_FOR_OPERATION', `entity type cannot be updated: ${object.label}`);
  const values = readBody(org, object, body, 'update');
  const after: SRecord = { ...before };
  for (const [name, value] of values) after[name] = value;
  applyComputedFields(org, object, after, before);
  const changed = object.fields
    .filter((f) => !f.system && after[f.name] !== before[f.name])
    .map((f) => f.name);
  // Computed fields that moved count as changed too (Name after FirstName, IsClosed after Status).
  for (const name of ['Name', 'IsClosed', 'CompletedDateTime']) {
    if (
      object.fieldsByLower.has(name.toLowerCase()) &&
      after[name] !== before[name] &&
      !changed.includes(name)
    )
      changed.push(name);
  }
  stamp(org, tx, after, false);
  checkRequired(object, after);
  checkReferences(org, object, after, new Set(changed));
  checkValidationRules(object, after, before);
  checkUnique(org, object, after);
  tx.update(object.name, before, after, [...changed, 'LastModifiedDate']);
  return after;
}

export function deleteRecord(org: Org, tx: Transaction, id: string, expected?: ObjectSchema): void {
  const { object, record } = loadForWrite(org, id, expected);
  if (!object.deletable)
    throw new SalesforceError('INVALID_TYPE_FOR_OPERATION', `entity type cannot be deleted: ${object.label}`);
  // Restricted lookups block the delete before anything is written.
  for (const child of object.childRelationships) {
    if (!child.restrictedDelete) continue;
    const blocking = childrenOf(org, child.childSObject, child.field, record.Id).some(
      (r) => r.IsDeleted !== true && r[child.field] === record.Id,
    );
    if (blocking) {
      throw new SalesforceError(
        'DELETE_FAILED',
        `Your attempt to delete ${String(record.Name ?? record.Id)} could not be completed because it is associated with the following ${child.childSObject} records.`,
      );
    }
  }
  markDeleted(org, tx, object, record);
}

/** Candidates for the children of `parentId` through `field` (the caller still compares). */
function childrenOf(org: Org, childObject: string, field: string, parentId: string): SRecord[] {
  return org.store.lookup(childObject, field, 'id', [parentId]) ?? org.store.all(childObject);
}

function markDeleted(org: Org, tx: Transaction, object: ObjectSchema, record: SRecord): void {
  const after: SRecord = { ...record, IsDeleted: true };
  stamp(org, tx, after, false);
  tx.remove(object.name, record, after);
  for (const child of object.childRelationships) {
    const childObject = org.schema.require(child.childSObject);
    const field = childObject.fieldsByLower.get(child.field.toLowerCase());
    for (const row of childrenOf(org, childObject.name, child.field, record.Id)) {
      if (row.IsDeleted === true || row[child.field] !== record.Id) continue;
      if (child.cascadeDelete) markDeleted(org, tx, childObject, row);
      else if (field && field.nillable) {
        const cleared: SRecord = { ...row, [child.field]: null };
        stamp(org, tx, cleared, false);
        tx.update(childObject.name, row, cleared, [child.field, 'LastModifiedDate']);
      }
    }
  }
}

export interface UpsertResult {
  record: SRecord;
  created: boolean;
}

/** Upsert by an external id (or Id): 0 matches create, 1 updates, more is MULTIPLE_CHOICES (300). */
export function upsertRecord(
  org: Org,
  tx: Transaction,
  objectName: string,
  fieldName: string,
  value: string,
  body: Body,
): UpsertResult {
  const object = org.schema.require(objectName);
  const f = object.fieldsByLower.get(fieldName.toLowerCase());
  if (!f || !(f.externalId || f.idLookup)) {
    throw new SalesforceError(
      'NOT_FOUND',
      `Provided external ID field does not exist or is not accessible: ${fieldName}`,
      [],
      404,
    );
  }
  if (f.name === 'Id') {
    if (value) return { record: updateRecord(org, tx, value, body, object), created: false };
    return { record: insertRecord(org, tx, object.name, body), created: true };
  }
  const matches = findByField(org, object, f.name, value);
  if (matches.length > 1) {
    const error = new SalesforceError(
      'MULTIPLE_CHOICES',
      `More than one record found for external id field ${f.name}`,
      [],
      300,
    );
    (error as SalesforceError & { matches?: string[] }).matches = matches.map((m) => m.Id);
    throw error;
  }
  const bodyValue = Object.entries(body).find(([k]) => k.toLowerCase() === f.name.toLowerCase())?.[1];
  if (bodyValue !== undefined && bodyValue !== null && String(bodyValue) !== value) {
    throw new SalesforceError(
      'INVALID_FIELD',
      `The external ID field ${f.name} in the body doesn't match the value in the URL`,
      [f.name],
    );
  }
  if (matches.length === 1) {
    const { [f.name]: _ignored, ...rest } = body;
    return { record: updateRecord(org, tx, matches[0]!.Id, rest, object), created: false };
  }
  return { record: insertRecord(org, tx, object.name, { ...body, [f.name]: value }), created: true };
}
