// Inserts an sObject tree (a record with nested child records under relationship names, as in
// `sf data import tree` files and `/composite/tree`), resolving `@referenceId` values to the ids
// of records created earlier.
import { SalesforceError } from '../core/errors.ts';
import type { Transaction } from '../core/transaction.ts';
import { insertRecord } from './dml.ts';
import type { Org } from './org.ts';

export interface TreeRecord {
  attributes: { type: string; referenceId?: string };
  [field: string]: unknown;
}

/** The failing record's referenceId with Salesforce's error for it. */
export class TreeInsertError extends Error {
  constructor(
    readonly referenceId: string,
    readonly objectName: string,
    readonly failure: SalesforceError,
  ) {
    super(failure.message);
  }
}

/** Inserts `record` and its children; each created record's referenceId → id goes into `refs`
 * and, in creation order, into `created`. */
export function insertTree(
  org: Org,
  tx: Transaction,
  record: TreeRecord,
  refs: Record<string, string>,
  created: Array<{ referenceId: string; id: string }>,
  parent?: { field: string; id: string },
): void {
  const { attributes, ...rest } = record;
  const referenceId = attributes?.referenceId ?? '';
  try {
    const object = org.schema.require(attributes?.type ?? '');
    const values: Record<string, unknown> = {};
    const children: Array<[string, TreeRecord[]]> = [];
    for (const [key, value] of Object.entries(rest)) {
      if (
        value !== null &&
        typeof value === 'object' &&
        Array.isArray((value as { records?: unknown }).records)
      ) {
        children.push([key, (value as { records: TreeRecord[] }).records]);
      } else if (typeof value === 'string' && value.startsWith('@') && refs[value.slice(1)]) {
        values[key] = refs[value.slice(1)];
      } else if (typeof value === 'string' && value.startsWith('@')) {
        throw new SalesforceError('INVALID_FIELD', `Unknown reference ${value} in ${object.name}.${key}`, [
          key,
        ]);
      } else values[key] = value;
    }
    if (parent) values[parent.field] = parent.id;
    const inserted = insertRecord(org, tx, object.name, values);
    if (referenceId) refs[referenceId] = inserted.Id;
    created.push({ referenceId, id: inserted.Id });
    for (const [relationshipName, childRecords] of children) {
      const relationship = object.childRelationships.find(
        (r) => r.relationshipName?.toLowerCase() === relationshipName.toLowerCase(),
      );
      if (!relationship)
        throw new SalesforceError(
          'INVALID_FIELD',
          `${object.name} has no child relationship ${relationshipName}`,
        );
      for (const child of childRecords)
        insertTree(org, tx, child, refs, created, { field: relationship.field, id: inserted.Id });
    }
  } catch (error) {
    if (error instanceof SalesforceError)
      throw new TreeInsertError(referenceId, attributes?.type ?? '', error);
    throw error;
  }
}
