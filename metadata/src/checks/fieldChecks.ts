// Checks each field on its own and against the objects around it: a known type, only the
// elements that type takes, picklists with values, lookups to objects that exist, sane lengths,
// and uniqueness where the platform allows it.

import type { FieldDef, ObjectDef, PackageModel } from '../model.ts';
import type { CheckProblem } from './checkResult.ts';
import { LENGTH_LIMITS, REQUIRED_TYPE_ELEMENTS, allowedElements, isKnownFieldType } from './fieldRules.ts';
import { STANDARD_OBJECTS } from './standardObjects.ts';

function problem(check: string, field: FieldDef, object: ObjectDef, message: string): CheckProblem {
  return { check, file: field.source, message: `${object.apiName}.${field.apiName}: ${message}` };
}

function checkField(field: FieldDef, object: ObjectDef, objectNames: Set<string>): CheckProblem[] {
  const problems: CheckProblem[] = [];
  if (!isKnownFieldType(field.type)) {
    return [problem('schema.field-type', field, object, `unknown field type '${field.type}'`)];
  }
  const allowed = allowedElements(field.type);
  for (const element of field.elements ?? []) {
    if (!allowed.has(element)) {
      problems.push(
        problem('schema.field-elements', field, object, `<${element}> is not valid on a ${field.type} field`),
      );
    }
  }
  for (const element of REQUIRED_TYPE_ELEMENTS[field.type] ?? []) {
    if (field.elements !== undefined && !field.elements.includes(element)) {
      problems.push(
        problem('schema.field-elements', field, object, `a ${field.type} field needs <${element}>`),
      );
    }
  }
  const limits = LENGTH_LIMITS[field.type];
  if (
    limits !== undefined &&
    field.length !== undefined &&
    (field.length < limits.min || field.length > limits.max)
  ) {
    problems.push(
      problem(
        'schema.field-length',
        field,
        object,
        `length ${field.length} is outside ${limits.min}–${limits.max} for ${field.type}`,
      ),
    );
  }
  if (
    (field.type === 'Picklist' || field.type === 'MultiselectPicklist') &&
    (field.picklistValues ?? []).length === 0
  ) {
    problems.push(problem('schema.picklist-values', field, object, 'picklist has no values'));
  }
  if (
    field.type === 'Picklist' &&
    (field.picklistValues ?? []).filter((value) => value.isDefault).length > 1
  ) {
    problems.push(
      problem('schema.picklist-values', field, object, 'picklist has more than one default value'),
    );
  }
  if (field.type === 'Lookup' || field.type === 'MasterDetail') {
    if (
      field.referenceTo !== undefined &&
      !objectNames.has(field.referenceTo) &&
      !STANDARD_OBJECTS.has(field.referenceTo)
    ) {
      problems.push(
        problem('schema.lookup-target', field, object, `refers to unknown object '${field.referenceTo}'`),
      );
    }
    if (field.type === 'Lookup' && field.required && field.deleteConstraint !== 'Restrict') {
      problems.push(
        problem(
          'schema.lookup-target',
          field,
          object,
          `a required lookup needs deleteConstraint Restrict, not '${field.deleteConstraint ?? 'SetNull'}'`,
        ),
      );
    }
  }
  if (
    field.type === 'MasterDetail' &&
    object.sharingModel !== undefined &&
    object.sharingModel !== 'ControlledByParent'
  ) {
    problems.push(
      problem(
        'schema.sharing',
        field,
        object,
        `an object with a master-detail field must have sharingModel ControlledByParent, not '${object.sharingModel}'`,
      ),
    );
  }
  if (field.unique && object.declaredOn === 'Activity') {
    problems.push(
      problem(
        'schema.unique',
        field,
        object,
        'activity (Task/Event) custom fields cannot be unique; use a non-unique external id',
      ),
    );
  }
  if (
    field.externalId &&
    !field.unique &&
    /_Key__c$/.test(field.apiName) &&
    object.declaredOn !== 'Activity'
  ) {
    problems.push(
      problem(
        'schema.unique',
        field,
        object,
        'an external id key must be unique so upserts can never create duplicates',
      ),
    );
  }
  if (field.unique && field.type === 'Text' && field.caseSensitive !== true) {
    problems.push(
      problem(
        'schema.unique',
        field,
        object,
        'a unique key of ids must be case-sensitive (Salesforce ids differ only by case)',
      ),
    );
  }
  return problems;
}

export function checkFields(model: PackageModel): CheckProblem[] {
  const objectNames = new Set(model.objects.map((object) => object.apiName));
  const problems: CheckProblem[] = [];
  // Child relationship names must be unique on the parent object, across every child object.
  const seenRelationships = new Map<string, string>();
  for (const object of model.objects) {
    for (const field of object.fields) {
      problems.push(...checkField(field, object, objectNames));
      if (field.relationshipName !== undefined && field.referenceTo !== undefined) {
        const key = `${field.referenceTo}.${field.relationshipName}`;
        const other = seenRelationships.get(key);
        if (other !== undefined) {
          problems.push(
            problem(
              'schema.lookup-target',
              field,
              object,
              `relationship name '${field.relationshipName}' on ${field.referenceTo} is also used by ${other}`,
            ),
          );
        }
        seenRelationships.set(key, `${object.apiName}.${field.apiName}`);
      }
    }
  }
  return problems;
}
