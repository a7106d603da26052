// Assembles the org's schema: the standard objects, the package's objects (custom objects,
// platform events, custom metadata types) and the custom fields it adds to standard objects,
// then the system fields every object carries and the relationships between them.
import type { ObjectDef, PackageModel } from '@sales-campaigns/metadata';
import { field, reference, systemField } from './fieldFactory.ts';
import { childRelationshipName, fieldFromPackage } from './packageFields.ts';
import { STANDARD_OBJECTS } from './standardObjects.ts';
import type { FieldSchema, ObjectKind, ObjectSchema } from './types.ts';

export function buildSchema(model: PackageModel): Map<string, ObjectSchema> {
  const objects = new Map<string, ObjectSchema>();
  const add = (object: ObjectSchema): void => {
    objects.set(object.name.toLowerCase(), object);
  };

  for (const spec of STANDARD_OBJECTS) {
    const fields = [...spec.fields];
    if (spec.owned) fields.push(ownerField());
    add(
      makeObject(
        spec.name,
        spec.label,
        spec.labelPlural,
        spec.keyPrefix,
        'standard',
        fields,
        spec.createable,
      ),
    );
  }

  let customIndex = 0;
  let eventIndex = 0;
  let mdtIndex = 0;
  const childLinks: Array<{ parent: string; child: string; def: FieldSchema; childName: string | null }> = [];
  for (const def of model.objects) {
    const existing = objects.get(def.apiName.toLowerCase());
    const packageFields = def.fields.map(fieldFromPackage);
    if (existing) {
      // A standard object the package extends (Task.Campaign_Step_Key__c).
      for (const f of packageFields) addField(existing, f);
      existing.validationRules.push(...rulesOf(def));
    } else {
      const kind: ObjectKind = def.kind === 'standard' ? 'custom' : def.kind;
      const keyPrefix =
        kind === 'platformEvent'
          ? `e0${letter(eventIndex++)}`
          : kind === 'customMetadata'
            ? `m0${letter(mdtIndex++)}`
            : `a0${letter(customIndex++)}`;
      const fields = [...nameFields(def, kind), ...packageFields];
      const isDetail = def.fields.some((f) => f.type === 'MasterDetail');
      if (kind === 'custom' && !isDetail) fields.push(ownerField());
      const object = makeObject(
        def.apiName,
        def.label ?? def.apiName,
        def.pluralLabel ?? def.label ?? def.apiName,
        keyPrefix,
        kind,
        fields,
        kind !== 'customMetadata',
      );
      if (def.nameField?.type === 'AutoNumber')
        object.autoNumberFormat = def.nameField.displayFormat ?? '{0}';
      object.validationRules.push(...rulesOf(def));
      add(object);
    }
    for (const f of def.fields) {
      if ((f.type === 'Lookup' || f.type === 'MasterDetail') && f.referenceTo) {
        const schemaField = objects
          .get(def.apiName.toLowerCase())!
          .fieldsByLower.get(f.apiName.toLowerCase())!;
        childLinks.push({
          parent: f.referenceTo,
          child: def.apiName,
          def: schemaField,
          childName: childRelationshipName(f),
        });
      }
    }
  }

  for (const object of objects.values()) {
    for (const f of systemFields(object)) addField(object, f, true);
  }
  for (const object of objects.values()) {
    for (const f of object.fields) {
      if (f.type !== 'reference' || !f.relationshipName) continue;
      object.parentRelationships.set(f.relationshipName.toLowerCase(), f);
    }
  }
  for (const link of childLinks) {
    objects.get(link.parent.toLowerCase())?.childRelationships.push({
      childSObject: link.child,
      field: link.def.name,
      relationshipName: link.childName,
      cascadeDelete: link.def.cascadeDelete,
      restrictedDelete: link.def.restrictedDelete,
    });
  }
  addStandardChildRelationships(objects);
  return objects;
}

function makeObject(
  name: string,
  label: string,
  labelPlural: string,
  keyPrefix: string,
  kind: ObjectKind,
  fields: FieldSchema[],
  createable: boolean,
): ObjectSchema {
  const object: ObjectSchema = {
    name,
    label,
    labelPlural,
    keyPrefix,
    kind,
    custom: kind !== 'standard',
    fields: [],
    fieldsByLower: new Map(),
    parentRelationships: new Map(),
    childRelationships: [],
    validationRules: [],
    createable,
    updateable: createable && kind !== 'platformEvent',
    deletable: createable && kind !== 'platformEvent',
    queryable: kind !== 'platformEvent',
  };
  for (const f of fields) addField(object, f);
  return object;
}

function addField(object: ObjectSchema, f: FieldSchema, first = false): void {
  if (object.fieldsByLower.has(f.name.toLowerCase())) return;
  object.fieldsByLower.set(f.name.toLowerCase(), f);
  if (first) object.fields.unshift(f);
  else object.fields.push(f);
}

function ownerField(): FieldSchema {
  return reference('OwnerId', ['User'], 'Owner', { nillable: false, label: 'Owner ID' });
}

function nameFields(def: ObjectDef, kind: ObjectKind): FieldSchema[] {
  if (kind === 'platformEvent') {
    return [systemField('ReplayId', 'string'), systemField('EventUuid', 'string', { length: 36 })];
  }
  if (kind === 'customMetadata') {
    return [
      field('DeveloperName', 'string', { length: 40, nillable: false }),
      field('MasterLabel', 'string', { length: 40, nillable: false, nameField: true }),
      field('Label', 'string', { length: 40 }),
      field('QualifiedApiName', 'string', { length: 70 }),
      field('NamespacePrefix', 'string', { length: 15 }),
      field('Language', 'string', { length: 40 }),
    ];
  }
  const auto = def.nameField?.type === 'AutoNumber';
  return [
    field('Name', 'string', {
      label: def.nameField?.label ?? 'Name',
      length: 80,
      nameField: true,
      autoNumber: auto,
      createable: !auto,
      updateable: !auto,
      nillable: auto,
    }),
  ];
}

/** Salesforce's own system fields, in describe order (Id first). */
function systemFields(object: ObjectSchema): FieldSchema[] {
  const fields: FieldSchema[] = [
    systemField('Id', 'id', { nillable: false, idLookup: true, label: `${object.label} ID` }),
  ];
  if (object.kind === 'platformEvent') {
    return [
      ...fields,
      systemField('CreatedDate', 'datetime'),
      systemField('CreatedById', 'reference', { referenceTo: ['User'], relationshipName: 'CreatedBy' }),
    ].reverse();
  }
  if (object.kind !== 'customMetadata') fields.push(systemField('IsDeleted', 'boolean', { nillable: false }));
  fields.push(
    systemField('CreatedDate', 'datetime'),
    systemField('CreatedById', 'reference', { referenceTo: ['User'], relationshipName: 'CreatedBy' }),
    systemField('LastModifiedDate', 'datetime'),
    systemField('LastModifiedById', 'reference', {
      referenceTo: ['User'],
      relationshipName: 'LastModifiedBy',
    }),
    systemField('SystemModstamp', 'datetime'),
  );
  return fields.reverse();
}

function rulesOf(def: ObjectDef): ObjectSchema['validationRules'] {
  return def.validationRules
    .filter((r) => r.active)
    .map((r) => ({
      name: r.fullName,
      formula: r.errorConditionFormula,
      message: r.errorMessage,
      field: r.errorDisplayField,
    }));
}

function addStandardChildRelationships(objects: Map<string, ObjectSchema>): void {
  const link = (parent: string, child: string, fieldName: string, relationshipName: string): void => {
    objects.get(parent.toLowerCase())?.childRelationships.push({
      childSObject: child,
      field: fieldName,
      relationshipName,
      cascadeDelete: false,
      restrictedDelete: false,
    });
  };
  link('Account', 'Contact', 'AccountId', 'Contacts');
  for (const who of ['Contact', 'Lead']) link(who, 'Task', 'WhoId', 'Tasks');
  link('Account', 'Task', 'WhatId', 'Tasks');
  // Tasks can relate to any custom object with activities; WhatId is polymorphic.
  const task = objects.get('task');
  const whatId = task?.fieldsByLower.get('whatid');
  for (const object of objects.values()) {
    if (object.kind === 'custom' && whatId && !whatId.referenceTo.includes(object.name)) {
      whatId.referenceTo.push(object.name);
      link(object.name, 'Task', 'WhatId', 'Tasks');
    }
  }
}

/** Key prefix letters for the n-th custom object: a0A, a0B, … then a0a, a0b. */
function letter(n: number): string {
  return 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'[n % 52]!;
}
