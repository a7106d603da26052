// Compares the package with DESIGN §3 (expectedModel.ts): every object and field present with
// its type, picklists with exactly the listed values, unique external ids, the channel and the
// permission sets. Problems name the file that should hold the missing or wrong definition.

import path from 'node:path';
import type { ObjectDef, PackageModel } from '../model.ts';
import type { CheckProblem } from './checkResult.ts';
import { EXPECTED_CHANNEL, EXPECTED_OBJECTS, EXPECTED_PERMISSION_SETS } from './expectedModel.ts';
import type { ExpectedField, ExpectedObject } from './expectedModel.ts';

const CHECK = 'schema.design';

function sameList(actual: readonly string[], expected: readonly string[]): boolean {
  return actual.length === expected.length && actual.every((value, index) => value === expected[index]);
}

function checkObject(
  name: string,
  expected: ExpectedObject,
  object: ObjectDef | undefined,
  objectsDir: string,
): CheckProblem[] {
  if (object === undefined) {
    return [
      { check: CHECK, file: path.join(objectsDir, name), message: `missing object ${name} (DESIGN §3)` },
    ];
  }
  const problems: CheckProblem[] = [];
  const report = (file: string, message: string) => problems.push({ check: CHECK, file, message });
  if (object.kind !== expected.kind)
    report(object.source, `${name} should be ${expected.kind}, is ${object.kind}`);
  for (const key of ['sharingModel', 'eventType', 'publishBehavior'] as const) {
    if (expected[key] !== undefined && object[key] !== expected[key]) {
      report(object.source, `${name}: ${key} should be ${expected[key]}, is ${object[key] ?? 'unset'}`);
    }
  }
  for (const [fieldName, want] of Object.entries(expected.fields)) {
    const field = object.fields.find((candidate) => candidate.apiName === fieldName);
    const fieldFile = path.join(
      objectsDir,
      object.declaredOn ?? name,
      'fields',
      `${fieldName}.field-meta.xml`,
    );
    if (field === undefined) {
      report(fieldFile, `missing field ${name}.${fieldName} (${want.type}, DESIGN §3)`);
      continue;
    }
    problems.push(...compareField(`${name}.${fieldName}`, want, field, field.source));
  }
  return problems;
}

function compareField(
  label: string,
  want: ExpectedField,
  field: ObjectDef['fields'][number],
  file: string,
): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const report = (message: string) => problems.push({ check: CHECK, file, message: `${label}: ${message}` });
  if (field.type !== want.type) report(`type should be ${want.type}, is ${field.type}`);
  const values = (field.picklistValues ?? []).map((value) => value.apiName);
  if (want.values !== undefined && !sameList(values, want.values)) {
    report(`picklist values should be ${want.values.join(', ')}; are ${values.join(', ') || 'none'}`);
  }
  const labels = (field.picklistValues ?? []).map((value) => value.label);
  if (want.labels !== undefined && !sameList(labels, want.labels)) {
    report(`picklist labels should be "${want.labels.join('", "')}"`);
  }
  if (want.values !== undefined && field.restricted !== true)
    report('picklist should be restricted to the listed values');
  if (want.referenceTo !== undefined && field.referenceTo !== want.referenceTo) {
    report(`should refer to ${want.referenceTo}, refers to ${field.referenceTo ?? 'nothing'}`);
  }
  if (want.externalId === true && !field.externalId) report('should be an external id');
  if (want.unique === true && !field.unique) report('external id should be unique (DESIGN §3)');
  return problems;
}

export function checkAgainstDesign(model: PackageModel, objectsDir: string): CheckProblem[] {
  const problems: CheckProblem[] = [];
  for (const [name, expected] of Object.entries(EXPECTED_OBJECTS)) {
    problems.push(
      ...checkObject(
        name,
        expected,
        model.objects.find((object) => object.apiName === name),
        objectsDir,
      ),
    );
  }
  const root = path.dirname(objectsDir);
  const channel = model.channels.find((candidate) => candidate.fullName === EXPECTED_CHANNEL.fullName);
  const channelFile = path.join(
    root,
    'platformEventChannels',
    `${EXPECTED_CHANNEL.fullName}.platformEventChannel-meta.xml`,
  );
  if (channel === undefined) {
    problems.push({
      check: CHECK,
      file: channelFile,
      message: `missing CDC channel ${EXPECTED_CHANNEL.fullName}`,
    });
  } else {
    const actual = [...channel.members].sort();
    const expected = [...EXPECTED_CHANNEL.members].sort();
    if (!sameList(actual, expected)) {
      problems.push({
        check: CHECK,
        file: channel.source || channelFile,
        message: `${EXPECTED_CHANNEL.fullName} members should be ${expected.join(', ')}; are ${actual.join(', ') || 'none'}`,
      });
    }
  }
  for (const name of EXPECTED_PERMISSION_SETS) {
    if (!model.permissionSets.some((set) => set.fullName === name)) {
      problems.push({
        check: CHECK,
        file: path.join(root, 'permissionsets', `${name}.permissionset-meta.xml`),
        message: `missing permission set ${name}`,
      });
    }
  }
  return problems;
}
