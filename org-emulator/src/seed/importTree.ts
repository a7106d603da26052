// Loads sObject tree files the way `sf data import tree` does: a plan file lists tree files per
// object in order (`saveRefs` / `resolveRefs`), or a single tree file is given directly. Values
// like `@ContactRef1` refer to records created earlier under that referenceId.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SalesforceError } from '../core/errors.ts';
import { insertRecord } from '../records/dml.ts';
import type { Org } from '../records/org.ts';

interface TreeRecord {
  attributes: { type: string; referenceId?: string };
  [field: string]: unknown;
}

interface PlanEntry {
  sobject: string;
  saveRefs?: boolean;
  resolveRefs?: boolean;
  files: string[];
}

export interface ImportSummary {
  created: number;
  refs: Record<string, string>;
}

export function importSeed(org: Org, userId: string, file: string): ImportSummary {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  const refs: Record<string, string> = {};
  const files: string[] = Array.isArray(parsed)
    ? (parsed as PlanEntry[]).flatMap((entry) => entry.files.map((f) => path.resolve(path.dirname(file), f)))
    : [file];
  let created = 0;
  const tx = org.begin({ userId, clientName: 'seed' });
  try {
    for (const treeFile of files) {
      const tree = (treeFile === file && !Array.isArray(parsed) ? parsed : JSON.parse(readFileSync(treeFile, 'utf8'))) as { records?: TreeRecord[] };
      for (const record of tree.records ?? []) created += insertTree(org, tx, record, refs, undefined, treeFile);
    }
    tx.commit();
  } catch (error) {
    tx.rollback();
    throw error;
  }
  return { created, refs };
}

function insertTree(
  org: Org,
  tx: Parameters<typeof insertRecord>[1],
  record: TreeRecord,
  refs: Record<string, string>,
  parent: { field: string; id: string } | undefined,
  source: string,
): number {
  const { attributes, ...rest } = record;
  const object = org.schema.require(attributes.type);
  const values: Record<string, unknown> = {};
  const children: Array<[string, { records: TreeRecord[] }]> = [];
  for (const [key, value] of Object.entries(rest)) {
    if (value !== null && typeof value === 'object' && Array.isArray((value as { records?: unknown }).records)) {
      children.push([key, value as { records: TreeRecord[] }]);
    } else if (typeof value === 'string' && value.startsWith('@')) {
      const id = refs[value.slice(1)];
      if (!id) throw new SalesforceError('INVALID_FIELD', `${source}: unknown reference ${value} in ${object.name}.${key}`);
      values[key] = id;
    } else values[key] = value;
  }
  if (parent) values[parent.field] = parent.id;
  let inserted;
  try {
    inserted = insertRecord(org, tx, object.name, values);
  } catch (error) {
    if (error instanceof SalesforceError) {
      throw new SalesforceError(error.errorCode, `${source}: ${object.name} ${attributes.referenceId ?? ''}: ${error.message}`, error.fields);
    }
    throw error;
  }
  if (attributes.referenceId) refs[attributes.referenceId] = inserted.Id;
  let count = 1;
  for (const [relationshipName, nested] of children) {
    const relationship = object.childRelationships.find((r) => r.relationshipName?.toLowerCase() === relationshipName.toLowerCase());
    if (!relationship) throw new SalesforceError('INVALID_FIELD', `${source}: ${object.name} has no child relationship ${relationshipName}`);
    for (const child of nested.records) count += insertTree(org, tx, child, refs, { field: relationship.field, id: inserted.Id }, source);
  }
  return count;
}
