// Reads objects/<Object>/ folders: the object file (absent for standard objects that only get
// custom fields), its fields and its validation rules. Custom activity fields are declared on the
// `Activity` object in Salesforce and appear on both Task and Event, so they are copied onto those.

import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { FieldDef, FieldType, ObjectDef, PicklistValue, ValidationRuleDef } from '../model.ts';
import { bool, child, children, int, readXmlFile, requiredText, text } from './xmlFile.ts';

const ACTIVITY_OBJECTS = ['Task', 'Event'] as const;

export function objectKindOf(apiName: string): ObjectDef['kind'] {
  if (apiName.endsWith('__e')) return 'platformEvent';
  if (apiName.endsWith('__mdt')) return 'customMetadata';
  if (apiName.endsWith('__c')) return 'custom';
  return 'standard';
}

function listFiles(dir: string, suffix: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(suffix))
    .sort()
    .map((name) => path.join(dir, name));
}

export function readField(file: string): FieldDef {
  const doc = readXmlFile(file, 'CustomField');
  const node = doc.body;
  const type = requiredText(doc, node, 'type') as FieldType;
  const apiName = text(node, 'fullName') ?? path.basename(file).replace(/\.field-meta\.xml$/, '');
  const field: FieldDef = {
    apiName,
    label: text(node, 'label') ?? apiName,
    type,
    required: type === 'MasterDetail' || bool(node, 'required') === true,
    unique: bool(node, 'unique') === true,
    externalId: bool(node, 'externalId') === true,
    elements: Object.keys(node).filter((key) => !key.startsWith('@_') && key !== '#text'),
    source: file,
  };
  const optionalText = {
    description: 'description',
    inlineHelpText: 'inlineHelpText',
    defaultValue: 'defaultValue',
    referenceTo: 'referenceTo',
    relationshipName: 'relationshipName',
    relationshipLabel: 'relationshipLabel',
  } as const;
  for (const [prop, key] of Object.entries(optionalText)) {
    const value = text(node, key);
    if (value !== undefined) field[prop as keyof typeof optionalText] = value;
  }
  const length = int(node, 'length');
  if (length !== undefined) field.length = length;
  const precision = int(node, 'precision');
  if (precision !== undefined) field.precision = precision;
  const scale = int(node, 'scale');
  if (scale !== undefined) field.scale = scale;
  const caseSensitive = bool(node, 'caseSensitive');
  if (caseSensitive !== undefined) field.caseSensitive = caseSensitive;
  const deleteConstraint = text(node, 'deleteConstraint');
  if (deleteConstraint !== undefined)
    field.deleteConstraint = deleteConstraint as FieldDef['deleteConstraint'];
  const visibleLines = int(node, 'visibleLines');
  if (visibleLines !== undefined) field.visibleLines = visibleLines;
  const displayFormat = text(node, 'displayFormat');
  if (displayFormat !== undefined) field.displayFormat = displayFormat;

  const valueSet = child(node, 'valueSet');
  if (valueSet !== undefined) {
    field.restricted = bool(valueSet, 'restricted') === true;
    const definition = child(valueSet, 'valueSetDefinition');
    field.picklistValues =
      definition === undefined
        ? []
        : children(definition, 'value').map((value): PicklistValue => {
            const apiValue = requiredText(doc, value, 'fullName');
            return {
              apiName: apiValue,
              label: text(value, 'label') ?? apiValue,
              isDefault: bool(value, 'default') === true,
            };
          });
  }
  return field;
}

export function readValidationRule(file: string): ValidationRuleDef {
  const doc = readXmlFile(file, 'ValidationRule');
  const node = doc.body;
  const rule: ValidationRuleDef = {
    fullName: text(node, 'fullName') ?? path.basename(file).replace(/\.validationRule-meta\.xml$/, ''),
    active: bool(node, 'active') !== false,
    errorConditionFormula: requiredText(doc, node, 'errorConditionFormula'),
    errorMessage: requiredText(doc, node, 'errorMessage'),
    source: file,
  };
  const displayField = text(node, 'errorDisplayField');
  if (displayField !== undefined) rule.errorDisplayField = displayField;
  return rule;
}

export function readObject(objectDir: string): ObjectDef {
  const apiName = path.basename(objectDir);
  const objectFile = path.join(objectDir, `${apiName}.object-meta.xml`);
  const object: ObjectDef = {
    apiName,
    kind: objectKindOf(apiName),
    fields: listFiles(path.join(objectDir, 'fields'), '.field-meta.xml').map(readField),
    validationRules: listFiles(path.join(objectDir, 'validationRules'), '.validationRule-meta.xml').map(
      readValidationRule,
    ),
    source: existsSync(objectFile) ? objectFile : objectDir,
  };
  if (!existsSync(objectFile)) return object;

  const doc = readXmlFile(objectFile, 'CustomObject');
  const node = doc.body;
  const optionalText = {
    label: 'label',
    pluralLabel: 'pluralLabel',
    description: 'description',
    sharingModel: 'sharingModel',
    eventType: 'eventType',
    publishBehavior: 'publishBehavior',
  } as const;
  for (const [prop, key] of Object.entries(optionalText)) {
    const value = text(node, key);
    if (value !== undefined) object[prop as keyof typeof optionalText] = value;
  }
  const enableActivities = bool(node, 'enableActivities');
  if (enableActivities !== undefined) object.enableActivities = enableActivities;
  const enableHistory = bool(node, 'enableHistory');
  if (enableHistory !== undefined) object.enableHistory = enableHistory;
  const nameField = child(node, 'nameField');
  if (nameField !== undefined) {
    const type = text(nameField, 'type') === 'AutoNumber' ? 'AutoNumber' : 'Text';
    object.nameField = { label: text(nameField, 'label') ?? 'Name', type };
    const displayFormat = text(nameField, 'displayFormat');
    if (displayFormat !== undefined) object.nameField.displayFormat = displayFormat;
  }
  return object;
}

/** Every object under `<forceApp>/main/default/objects`, activity fields copied onto Task and Event. */
export function readObjects(objectsDir: string): ObjectDef[] {
  if (!existsSync(objectsDir)) return [];
  const objects = readdirSync(objectsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => readObject(path.join(objectsDir, name)));

  const activity = objects.find((object) => object.apiName === 'Activity');
  if (activity === undefined) return objects;
  const result = objects.filter((object) => object !== activity);
  for (const activityObject of ACTIVITY_OBJECTS) {
    const existing = result.find((object) => object.apiName === activityObject);
    const copied = activity.fields.map((field) => ({ ...field }));
    if (existing !== undefined) {
      existing.fields.push(...copied);
      existing.declaredOn = 'Activity';
    } else {
      result.push({
        apiName: activityObject,
        kind: 'standard',
        fields: copied,
        validationRules: [],
        declaredOn: 'Activity',
        source: activity.source,
      });
    }
  }
  return result.sort((a, b) => a.apiName.localeCompare(b.apiName));
}
