// The sample data in data/ must load into the package: the plan names files that exist, every
// custom field a record sets exists on its object, picklist values are allowed, Time values use
// the REST form, and every @reference points at a record saved earlier in the plan.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { PackageModel } from '../model.ts';
import type { CheckProblem } from './checkResult.ts';

interface PlanEntry {
  sobject: string;
  saveRefs?: boolean;
  resolveRefs?: boolean;
  files: string[];
}

type TreeRecord = { attributes: { type: string; referenceId: string } } & Record<string, unknown>;

const TIME_VALUE = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
const CHECK = 'data.sample';

function readJson(file: string, problems: CheckProblem[]): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push({ check: CHECK, file, message: `cannot read JSON: ${(error as Error).message}` });
    return undefined;
  }
}

export function checkSampleData(model: PackageModel, planFile: string): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const plan = readJson(planFile, problems);
  if (!Array.isArray(plan)) {
    if (plan !== undefined)
      problems.push({ check: CHECK, file: planFile, message: 'a plan is a JSON array of {sobject, files}' });
    return problems;
  }
  const savedRefs = new Set<string>();
  for (const entry of plan as PlanEntry[]) {
    const object = model.objects.find((candidate) => candidate.apiName === entry.sobject);
    for (const name of entry.files) {
      const file = path.join(path.dirname(planFile), name);
      if (!existsSync(file)) {
        problems.push({ check: CHECK, file: planFile, message: `plan names missing file '${name}'` });
        continue;
      }
      const tree = readJson(file, problems) as { records?: TreeRecord[] } | undefined;
      for (const record of tree?.records ?? []) {
        const where = `${entry.sobject} ${record.attributes?.referenceId ?? '(no referenceId)'}`;
        if (record.attributes?.type !== entry.sobject) {
          problems.push({
            check: CHECK,
            file,
            message: `${where}: attributes.type is '${record.attributes?.type}', the plan says '${entry.sobject}'`,
          });
        }
        for (const [key, value] of Object.entries(record)) {
          if (key === 'attributes') continue;
          if (typeof value === 'string' && value.startsWith('@') && !savedRefs.has(value.slice(1))) {
            problems.push({
              check: CHECK,
              file,
              message: `${where}.${key}: reference '${value}' is not saved by an earlier plan entry`,
            });
          }
          if (!key.endsWith('__c')) continue;
          const field = object?.fields.find((candidate) => candidate.apiName === key);
          if (field === undefined) {
            problems.push({
              check: CHECK,
              file,
              message: `${where}: field ${entry.sobject}.${key} is not in the package`,
            });
            continue;
          }
          const allowed = field.picklistValues?.map((option) => option.apiName);
          if (field.type === 'Picklist' && allowed !== undefined && !allowed.includes(String(value))) {
            problems.push({
              check: CHECK,
              file,
              message: `${where}.${key}: '${String(value)}' is not one of ${allowed.join(', ')}`,
            });
          }
          if (field.type === 'Time' && (typeof value !== 'string' || !TIME_VALUE.test(value))) {
            problems.push({
              check: CHECK,
              file,
              message: `${where}.${key}: Time values are written 'HH:mm:ss.SSSZ', not '${String(value)}'`,
            });
          }
        }
        if (entry.saveRefs === true && record.attributes?.referenceId !== undefined)
          savedRefs.add(record.attributes.referenceId);
      }
    }
  }
  return problems;
}
