// Turns one committed change into the Change Data Capture event bodies Salesforce would publish
// (Change Data Capture Developer Guide, "Change Event Message Structure" and "Change Event Body
// Fields"):
//   CREATE, UNDELETE — every non-null field of the record;
//   UPDATE          — only the changed fields (null for a field set to null), plus LastModifiedDate;
//   DELETE          — the header only.
// Records of one object changed in one transaction share a single event (several recordIds) only
// when their bodies are identical; otherwise each distinct body is its own event.
import { createHash } from 'node:crypto';
import type { CommittedChange } from '../core/changeFeed.ts';
import { toEventFields } from './eventValues.ts';

/** Fields Salesforce never puts into a change event body. */
const NOT_IN_BODY = new Set([
  'Id',
  'attributes',
  'IsDeleted',
  'SystemModstamp',
  'LastViewedDate',
  'LastReferencedDate',
]);

export interface ChangeEventBody {
  entityName: string;
  payload: Record<string, unknown>;
}

export function buildChangeEventBodies(change: CommittedChange, apiVersion: string): ChangeEventBody[] {
  const changedFields = headerChangedFields(change);
  const groups = new Map<string, { recordIds: string[]; fields: Record<string, unknown> }>();
  for (const recordId of change.recordIds) {
    const fields = bodyFields(change, change.records[recordId] ?? {}, changedFields);
    const key = JSON.stringify(fields);
    const group = groups.get(key);
    if (group) group.recordIds.push(recordId);
    else groups.set(key, { recordIds: [recordId], fields });
  }
  return [...groups.values()].map(({ recordIds, fields }) => ({
    entityName: change.entityName,
    payload: {
      ChangeEventHeader: {
        entityName: change.entityName,
        recordIds,
        changeType: change.changeType,
        changeOrigin: changeOrigin(change.changeOrigin, apiVersion),
        transactionKey: change.transactionKey,
        // Salesforce numbers the changes of a transaction from 1; the feed counts from 0.
        sequenceNumber: change.sequenceNumber + 1,
        commitTimestamp: change.commitTimestamp,
        commitNumber: change.commitNumber,
        commitUser: change.commitUser,
        nulledFields: [],
        diffFields: [],
        changedFields,
      },
      ...toEventFields(fields),
    },
  }));
}

/** A stable, opaque schema id per change event entity, shaped like Salesforce's 22-character ids. */
export function schemaIdOf(entityName: string): string {
  return createHash('md5').update(entityName).digest('base64url').slice(0, 22);
}

function headerChangedFields(change: CommittedChange): string[] {
  if (change.changeType !== 'UPDATE') return [];
  const fields = change.changedFields.filter((field) => !NOT_IN_BODY.has(field));
  // Every update touches LastModifiedDate, and Salesforce lists it among the changed fields.
  const touchesLastModified = change.recordIds.some(
    (id) => change.records[id]?.LastModifiedDate !== undefined,
  );
  if (touchesLastModified && !fields.includes('LastModifiedDate')) fields.push('LastModifiedDate');
  return fields;
}

function bodyFields(
  change: CommittedChange,
  record: Record<string, unknown>,
  changedFields: string[],
): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  switch (change.changeType) {
    case 'CREATE':
    case 'UNDELETE':
      for (const [name, value] of Object.entries(record)) {
        if (!NOT_IN_BODY.has(name) && value !== null && value !== undefined) fields[name] = value;
      }
      break;
    case 'UPDATE':
      for (const name of changedFields) fields[name] = record[name] ?? null;
      break;
    case 'DELETE':
      break;
  }
  return fields;
}

/** The feed carries the `Sforce-Call-Options` client name; the header carries the full origin. */
function changeOrigin(clientName: string, apiVersion: string): string {
  if (clientName.startsWith('com/salesforce/')) return clientName;
  const base = `com/salesforce/api/rest/${apiVersion}`;
  return clientName ? `${base};client=${clientName}` : base;
}
