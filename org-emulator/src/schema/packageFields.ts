// Converts the package model's field definitions (force-app source) into the emulator's field
// schema, with Salesforce's describe conventions (types, lengths, relationship names).
import type { FieldDef } from '@sales-campaigns/metadata';
import { field } from './fieldFactory.ts';
import type { FieldKind, FieldSchema } from './types.ts';

const KIND: Record<FieldDef['type'], FieldKind> = {
  AutoNumber: 'string',
  Checkbox: 'boolean',
  Currency: 'currency',
  Date: 'date',
  DateTime: 'datetime',
  Email: 'email',
  Html: 'textarea',
  Id: 'id',
  Lookup: 'reference',
  LongTextArea: 'textarea',
  MasterDetail: 'reference',
  Number: 'double',
  Percent: 'percent',
  Phone: 'phone',
  Picklist: 'picklist',
  MultiselectPicklist: 'multipicklist',
  Text: 'string',
  TextArea: 'textarea',
  Time: 'time',
  Url: 'url',
};

export function fieldFromPackage(def: FieldDef): FieldSchema {
  const type = KIND[def.type];
  const isRef = def.type === 'Lookup' || def.type === 'MasterDetail';
  const isMasterDetail = def.type === 'MasterDetail';
  const overrides: Partial<FieldSchema> = {
    label: def.label,
    custom: def.apiName.endsWith('__c'),
    // Checkboxes are never null; master-details are always required.
    nillable: !(def.required || isMasterDetail || def.type === 'Checkbox'),
    unique: def.unique,
    externalId: def.externalId,
    idLookup: def.externalId || def.unique,
    caseSensitive: def.caseSensitive ?? false,
    htmlFormatted: def.type === 'Html',
    autoNumber: def.type === 'AutoNumber',
    createable: def.type !== 'AutoNumber',
    updateable: def.type !== 'AutoNumber',
    masterDetail: isMasterDetail,
  };
  if (def.length !== undefined && (type === 'string' || type === 'textarea')) overrides.length = def.length;
  if (def.type === 'TextArea') overrides.length = 255;
  if (def.precision !== undefined) overrides.precision = def.precision;
  if (def.scale !== undefined) overrides.scale = def.scale;
  if (def.type === 'Number' && def.precision === undefined && def.length !== undefined) {
    overrides.precision = def.length + (def.scale ?? 0);
  }
  const defaultValue = parseDefault(def);
  if (defaultValue !== undefined) overrides.defaultValue = defaultValue;
  if (def.picklistValues) {
    overrides.picklistValues = def.picklistValues.map((v) => ({
      value: v.apiName,
      label: v.label,
      defaultValue: v.isDefault,
      active: true,
    }));
    overrides.restrictedPicklist = def.restricted ?? false;
    const initial = def.picklistValues.find((v) => v.isDefault);
    if (initial && overrides.defaultValue === undefined) overrides.defaultValue = initial.apiName;
  }
  if (isRef && def.referenceTo) {
    overrides.referenceTo = [def.referenceTo];
    overrides.relationshipName = def.apiName.replace(/__c$/, '__r');
    overrides.cascadeDelete = isMasterDetail || def.deleteConstraint === 'Cascade';
    overrides.restrictedDelete = def.deleteConstraint === 'Restrict';
    if (isMasterDetail) overrides.updateable = false;
  }
  return field(def.apiName, type, overrides);
}

/** The child relationship name (`Enrollment_Steps__r`) a lookup declares, if any. */
export function childRelationshipName(def: FieldDef): string | null {
  if (!def.relationshipName) return null;
  return def.relationshipName.endsWith('__r') ? def.relationshipName : `${def.relationshipName}__r`;
}

/** Metadata defaults are formulas; we understand literals (`true`, `'Draft'`, `2`). */
function parseDefault(def: FieldDef): string | boolean | number | undefined {
  const raw = def.defaultValue?.trim();
  if (raw === undefined || raw === '') return def.type === 'Checkbox' ? false : undefined;
  if (def.type === 'Checkbox') return raw.toLowerCase() === 'true';
  if (/^'.*'$/s.test(raw) || /^".*"$/s.test(raw)) return raw.slice(1, -1);
  if (/^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  return undefined;
}
