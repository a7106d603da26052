// The save-time checks Salesforce runs after field values are set: required fields, references
// that must point at live records of the right type, the package's validation rules and unique
// fields. Each throws the error a real org answers with.
import { SalesforceError } from '../core/errors.ts';
import type { SRecord } from '../core/recordStore.ts';
import type { ObjectSchema } from '../schema/types.ts';
import { FormulaError, evaluateFormula, parseFormula } from './formula.ts';
import type { Org } from './org.ts';

export function checkRequired(object: ObjectSchema, record: SRecord): void {
  const missing = object.fields
    .filter(
      (f) =>
        !f.nillable && !f.system && f.type !== 'boolean' && !f.autoNumber && (f.createable || f.masterDetail),
    )
    .filter((f) => record[f.name] === null || record[f.name] === undefined)
    .map((f) => f.name);
  if (missing.length > 0) {
    throw new SalesforceError(
      'REQUIRED_FIELD_MISSING',
      `Required fields are missing: [${missing.join(', ')}]`,
      missing,
    );
  }
}

export function checkReferences(org: Org, object: ObjectSchema, record: SRecord, changed: Set<string>): void {
  for (const f of object.fields) {
    if (f.type !== 'reference' || f.system || !changed.has(f.name)) continue;
    const id = record[f.name];
    if (typeof id !== 'string') continue;
    const target = org.schema.byKeyPrefix(id);
    if (!target || !f.referenceTo.includes(target.name)) {
      throw new SalesforceError(
        'FIELD_INTEGRITY_EXCEPTION',
        `${f.label}: id value of incorrect type: ${id}`,
        [f.name],
      );
    }
    const found = org.store.get(target.name, id);
    if (!found)
      throw new SalesforceError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', [f.name]);
    if (found.IsDeleted === true)
      throw new SalesforceError('ENTITY_IS_DELETED', 'entity is deleted', [f.name]);
  }
  // A task about a lead cannot also be related to a record (leads have no "related to").
  if (
    object.name === 'Task' &&
    typeof record.WhoId === 'string' &&
    record.WhoId.startsWith('00Q') &&
    record.WhatId
  ) {
    throw new SalesforceError(
      'FIELD_INTEGRITY_EXCEPTION',
      "Related To ID: You can't relate a lead to another record. Clear the Related To field (WhatId) when Name (WhoId) is a lead.",
      ['WhatId'],
    );
  }
}

const parsedRules = new Map<string, ReturnType<typeof parseFormula>>();

export function checkValidationRules(
  object: ObjectSchema,
  record: SRecord,
  before: SRecord | undefined,
): void {
  for (const rule of object.validationRules) {
    let tree = parsedRules.get(rule.formula);
    try {
      if (!tree) parsedRules.set(rule.formula, (tree = parseFormula(rule.formula)));
      const fail = evaluateFormula(tree, {
        get: (name) => valueOf(object, record, name),
        prior: (name) => (before ? valueOf(object, before, name) : null),
        isNew: before === undefined,
      });
      if (fail === true) {
        throw new SalesforceError(
          'FIELD_CUSTOM_VALIDATION_EXCEPTION',
          rule.message,
          rule.field ? [rule.field] : [],
        );
      }
    } catch (error) {
      if (error instanceof FormulaError) {
        throw new SalesforceError(
          'UNKNOWN_EXCEPTION',
          `Validation rule ${object.name}.${rule.name} cannot be evaluated by the emulator: ${error.message}`,
        );
      }
      throw error;
    }
  }
}

function valueOf(object: ObjectSchema, record: SRecord, name: string): unknown {
  const f = object.fieldsByLower.get(name.toLowerCase());
  if (!f) throw new FormulaError(`unknown field ${name} on ${object.name}`);
  return record[f.name] ?? null;
}

/** The records an index finds for `value`, when the field's index compares as `caseSensitive`
 * says (the caller filters them the same way); undefined when it has no such index. */
export function sameCaseIndex(
  org: Org,
  objectName: string,
  caseSensitive: boolean,
  fieldName: string,
  value: unknown,
): SRecord[] | undefined {
  return org.store.lookup(objectName, fieldName, caseSensitive ? 'exact' : 'lowercase', [value]);
}

export function checkUnique(org: Org, object: ObjectSchema, record: SRecord): void {
  for (const f of object.fields) {
    if (!f.unique || f.system) continue;
    const value = record[f.name];
    if (value === null || value === undefined) continue;
    const norm = (v: unknown): string => (f.caseSensitive ? String(v) : String(v).toLowerCase());
    const candidates =
      sameCaseIndex(org, object.name, f.caseSensitive, f.name, value) ?? org.store.all(object.name);
    const clash = candidates.find(
      (other) =>
        other.Id !== record.Id &&
        other.IsDeleted !== true &&
        other[f.name] != null &&
        norm(other[f.name]) === norm(value),
    );
    if (clash) {
      throw new SalesforceError(
        'DUPLICATE_VALUE',
        `duplicate value found: ${f.name} duplicates value on record with id: ${clash.Id}`,
        [],
      );
    }
  }
}
