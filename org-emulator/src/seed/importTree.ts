// Loads sObject tree files the way `sf data import tree` does: a plan file lists tree files per
// object in order (`saveRefs` / `resolveRefs`), or a single tree file is given directly. Values
// like `@ContactRef1` refer to records created earlier under that referenceId.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SalesforceError } from '../core/errors.ts';
import { TreeInsertError, type TreeRecord, insertTree } from '../records/insertTree.ts';
import type { Org } from '../records/org.ts';

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
  const created: Array<{ referenceId: string; id: string }> = [];
  const files: string[] = Array.isArray(parsed)
    ? (parsed as PlanEntry[]).flatMap((entry) => entry.files.map((f) => path.resolve(path.dirname(file), f)))
    : [file];
  const tx = org.begin({ userId, clientName: 'seed' });
  try {
    for (const treeFile of files) {
      const tree = (Array.isArray(parsed) ? JSON.parse(readFileSync(treeFile, 'utf8')) : parsed) as {
        records?: TreeRecord[];
      };
      for (const record of tree.records ?? []) {
        try {
          insertTree(org, tx, record, refs, created);
        } catch (error) {
          if (!(error instanceof TreeInsertError)) throw error;
          throw new SalesforceError(
            error.failure.errorCode,
            `${treeFile}: ${error.objectName} ${error.referenceId}: ${error.failure.message}`,
            error.failure.fields,
          );
        }
      }
    }
    tx.commit();
  } catch (error) {
    tx.rollback();
    throw error;
  }
  return { created: created.length, refs };
}
