// Compact constructors for field schemas, so the standard objects read like a field list.
import type { FieldKind, FieldSchema } from './types.ts';

const DEFAULT_LENGTH: Partial<Record<FieldKind, number>> = {
  id: 18,
  reference: 18,
  string: 255,
  textarea: 255,
  email: 80,
  phone: 40,
  url: 255,
  picklist: 255,
  multipicklist: 4099,
};

export function field(name: string, type: FieldKind, overrides: Partial<FieldSchema> = {}): FieldSchema {
  return {
    name,
    label: overrides.label ?? labelFromName(name),
    type,
    length: DEFAULT_LENGTH[type] ?? 0,
    precision: type === 'double' || type === 'currency' || type === 'percent' ? 18 : 0,
    scale: type === 'currency' ? 2 : 0,
    nillable: type !== 'boolean',
    createable: true,
    updateable: true,
    system: false,
    custom: name.endsWith('__c'),
    unique: false,
    externalId: false,
    caseSensitive: false,
    idLookup: false,
    nameField: false,
    autoNumber: false,
    picklistValues: [],
    restrictedPicklist: false,
    htmlFormatted: false,
    referenceTo: [],
    cascadeDelete: false,
    restrictedDelete: false,
    masterDetail: false,
    ...overrides,
  };
}

/** A platform-maintained field: readable, never writable by clients. */
export function systemField(
  name: string,
  type: FieldKind,
  overrides: Partial<FieldSchema> = {},
): FieldSchema {
  return field(name, type, { createable: false, updateable: false, system: true, ...overrides });
}

export function reference(
  name: string,
  referenceTo: string[],
  relationshipName: string,
  overrides: Partial<FieldSchema> = {},
): FieldSchema {
  return field(name, 'reference', { referenceTo, relationshipName, ...overrides });
}

export function picklist(name: string, values: string[], overrides: Partial<FieldSchema> = {}): FieldSchema {
  return field(name, 'picklist', {
    picklistValues: values.map((value) => ({ value, label: value, defaultValue: false, active: true })),
    ...overrides,
  });
}

function labelFromName(name: string): string {
  return name
    .replace(/__c$/, '')
    .replace(/Id$/, ' ID')
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .trim();
}
