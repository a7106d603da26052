// The emulator's schema: what describe reports and what DML and SOQL check against. It is built
// from the package model (force-app) plus the standard objects the product touches.

/** Field types as the REST describe names them (`soapType` is derived from these). */
export type FieldKind =
  | 'id'
  | 'string'
  | 'textarea'
  | 'email'
  | 'phone'
  | 'url'
  | 'picklist'
  | 'multipicklist'
  | 'boolean'
  | 'double'
  | 'int'
  | 'currency'
  | 'percent'
  | 'date'
  | 'datetime'
  | 'time'
  | 'reference';

export interface PicklistEntry {
  value: string;
  label: string;
  defaultValue: boolean;
  active: boolean;
}

export interface FieldSchema {
  name: string;
  label: string;
  type: FieldKind;
  length: number;
  precision: number;
  scale: number;
  /** Can be null; false for required fields. */
  nillable: boolean;
  createable: boolean;
  updateable: boolean;
  /** Set by the platform, never by clients (CreatedDate, auto numbers, formulas). */
  system: boolean;
  custom: boolean;
  unique: boolean;
  externalId: boolean;
  caseSensitive: boolean;
  idLookup: boolean;
  nameField: boolean;
  autoNumber: boolean;
  /** Raw default as written in metadata (`true`, `'Draft'`), applied on create. */
  defaultValue?: string | boolean | number;
  picklistValues: PicklistEntry[];
  restrictedPicklist: boolean;
  htmlFormatted: boolean;
  referenceTo: string[];
  /** Parent relationship name used in SOQL (`Owner`, `Contact__r`). */
  relationshipName?: string;
  cascadeDelete: boolean;
  restrictedDelete: boolean;
  masterDetail: boolean;
}

export interface ChildRelationship {
  childSObject: string;
  field: string;
  relationshipName: string | null;
  cascadeDelete: boolean;
  restrictedDelete: boolean;
}

export interface ValidationRule {
  name: string;
  formula: string;
  message: string;
  field?: string;
}

export type ObjectKind = 'standard' | 'custom' | 'platformEvent' | 'customMetadata';

export interface ObjectSchema {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  kind: ObjectKind;
  custom: boolean;
  fields: FieldSchema[];
  fieldsByLower: Map<string, FieldSchema>;
  /** Lower-cased parent relationship name → its reference field. */
  parentRelationships: Map<string, FieldSchema>;
  childRelationships: ChildRelationship[];
  validationRules: ValidationRule[];
  autoNumberFormat?: string;
  createable: boolean;
  updateable: boolean;
  deletable: boolean;
  queryable: boolean;
}
