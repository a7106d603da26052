// Renders the package model as TypeScript: objects, fields and picklist values as `as const`
// data, plus record interfaces shaped like REST responses. Output is deterministic (sorted, no
// file paths, no timestamps) so the freshness test can compare it byte for byte.

import type { FieldDef, ObjectDef, PackageModel } from '../model.ts';
import {
  parentRelationshipName,
  picklistConstantName,
  picklistTypeName,
  recordInterfaceName,
} from './schemaNames.ts';

const quote = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const byApiName = <T extends { apiName: string }>(a: T, b: T): number =>
  a.apiName < b.apiName ? -1 : a.apiName > b.apiName ? 1 : 0;
const isPicklist = (field: FieldDef): boolean =>
  field.type === 'Picklist' && (field.picklistValues ?? []).length > 0;

/** The TypeScript type of a field's value as the REST API returns it. */
function valueType(object: ObjectDef, field: FieldDef): string {
  switch (field.type) {
    case 'Checkbox':
      return 'boolean';
    case 'Number':
    case 'Currency':
    case 'Percent':
      return 'number';
    case 'Picklist':
      return isPicklist(field) ? picklistTypeName(object.apiName, field.apiName) : 'string';
    default:
      // Text-like, ids, Date (YYYY-MM-DD), DateTime (ISO instant), Time ("09:00:00.000Z", local).
      return 'string';
  }
}

function fieldComment(field: FieldDef): string {
  const help = field.inlineHelpText ?? field.description;
  const what = `${field.label} (${field.type}${field.type === 'Time' ? ', REST returns "HH:mm:ss.SSSZ" where Z is not UTC' : ''})`;
  return `  /** ${(help === undefined ? what : `${what}: ${help}`).replace(/\*\//g, '* /')} */\n`;
}

function renderPicklists(objects: ObjectDef[]): string {
  let out = '';
  for (const object of objects) {
    for (const field of object.fields.filter(isPicklist).sort(byApiName)) {
      const constant = picklistConstantName(object.apiName, field.apiName);
      const values = (field.picklistValues ?? []).map((value) => quote(value.apiName)).join(', ');
      out += `/** ${object.apiName}.${field.apiName} values, in the package's order. */\n`;
      out += `export const ${constant} = [${values}] as const;\n`;
      out += `export type ${picklistTypeName(object.apiName, field.apiName)} = (typeof ${constant})[number];\n\n`;
    }
  }
  return out;
}

function renderFieldData(object: ObjectDef, field: FieldDef): string {
  const entries: string[] = [
    `type: ${quote(field.type)}`,
    `label: ${quote(field.label)}`,
    `required: ${field.required}`,
  ];
  if (field.length !== undefined) entries.push(`length: ${field.length}`);
  if (field.precision !== undefined)
    entries.push(`precision: ${field.precision}`, `scale: ${field.scale ?? 0}`);
  if (field.externalId) entries.push('externalId: true');
  if (field.unique) entries.push('unique: true');
  if (field.defaultValue !== undefined) entries.push(`defaultValue: ${quote(field.defaultValue)}`);
  if (field.referenceTo !== undefined) entries.push(`referenceTo: ${quote(field.referenceTo)}`);
  if (field.relationshipName !== undefined)
    entries.push(`relationshipName: ${quote(field.relationshipName)}`);
  if (field.deleteConstraint !== undefined)
    entries.push(`deleteConstraint: ${quote(field.deleteConstraint)}`);
  if (isPicklist(field)) {
    entries.push(`values: ${picklistConstantName(object.apiName, field.apiName)}`);
    const labels = (field.picklistValues ?? [])
      .map((value) => `${value.apiName}: ${quote(value.label)}`)
      .join(', ');
    entries.push(`labels: { ${labels} }`);
    entries.push(`restricted: ${field.restricted === true}`);
  }
  return `      ${field.apiName}: { ${entries.join(', ')} },\n`;
}

function renderObjectData(object: ObjectDef): string {
  let out = `  ${object.apiName}: {\n    kind: ${quote(object.kind)},\n`;
  if (object.label !== undefined) out += `    label: ${quote(object.label)},\n`;
  if (object.pluralLabel !== undefined) out += `    pluralLabel: ${quote(object.pluralLabel)},\n`;
  if (object.nameField !== undefined)
    out += `    nameField: { label: ${quote(object.nameField.label)}, type: ${quote(object.nameField.type)} },\n`;
  if (object.sharingModel !== undefined) out += `    sharingModel: ${quote(object.sharingModel)},\n`;
  if (object.declaredOn !== undefined) out += `    declaredOn: ${quote(object.declaredOn)},\n`;
  out += '    fields: {\n';
  for (const field of [...object.fields].sort(byApiName)) out += renderFieldData(object, field);
  out += '    },\n  },\n';
  return out;
}

/** System fields every record of the kind carries, as REST returns them. */
function systemFields(object: ObjectDef): string[] {
  const attributes = '  attributes?: { type: string; url: string };\n';
  switch (object.kind) {
    case 'custom': {
      const isDetail = object.fields.some((field) => field.type === 'MasterDetail');
      const lines = [attributes, '  Id: string;\n', '  Name?: string;\n'];
      if (!isDetail) lines.push('  OwnerId?: string;\n');
      lines.push(
        '  CreatedDate?: string;\n',
        '  LastModifiedDate?: string;\n',
        '  SystemModstamp?: string;\n',
      );
      return lines;
    }
    case 'platformEvent':
      return [attributes, '  ReplayId?: string;\n', '  CreatedDate?: string;\n', '  CreatedById?: string;\n'];
    case 'customMetadata':
      return [attributes, '  Id?: string;\n', '  DeveloperName: string;\n', '  MasterLabel?: string;\n'];
    default:
      return [attributes, '  Id?: string;\n'];
  }
}

function renderInterface(object: ObjectDef, objects: ObjectDef[]): string {
  const names = new Set(
    objects.filter((candidate) => candidate.kind === 'custom').map((candidate) => candidate.apiName),
  );
  let out = `/** ${object.label ?? object.apiName}${object.kind === 'standard' ? `: the package's custom fields on ${object.apiName}` : ''}. */\n`;
  out += `export interface ${recordInterfaceName(object.apiName, object.kind)} {\n`;
  out += systemFields(object).join('');
  for (const field of [...object.fields].sort(byApiName)) {
    out += fieldComment(field);
    out += `  ${field.apiName}?: ${valueType(object, field)}${field.type === 'Checkbox' ? '' : ' | null'};\n`;
    if ((field.type === 'Lookup' || field.type === 'MasterDetail') && field.referenceTo !== undefined) {
      const parentType = names.has(field.referenceTo) ? field.referenceTo : 'StandardRecord';
      out += `  ${parentRelationshipName(field.apiName)}?: ${parentType} | null;\n`;
    }
  }
  for (const child of objects) {
    for (const field of child.fields) {
      if (
        field.referenceTo === object.apiName &&
        field.relationshipName !== undefined &&
        child.kind === 'custom'
      ) {
        out += `  /** Child ${child.label ?? child.apiName} records through ${child.apiName}.${field.apiName}. */\n`;
        out += `  ${field.relationshipName}__r?: QueryResult<${child.apiName}> | null;\n`;
      }
    }
  }
  return `${out}}\n\n`;
}

function renderChannels(model: PackageModel): string {
  const entries = [...model.channels]
    .sort((a, b) => (a.fullName < b.fullName ? -1 : 1))
    .map((channel) => `  ${channel.fullName}: [${[...channel.members].sort().map(quote).join(', ')}],\n`);
  return `/** Change Data Capture channels and their member change events. */\nexport const channels = {\n${entries.join('')}} as const;\n\n`;
}

function renderCustomMetadata(model: PackageModel): string {
  const records = [...model.customMetadataRecords].sort((a, b) =>
    `${a.type}.${a.developerName}` < `${b.type}.${b.developerName}` ? -1 : 1,
  );
  let out =
    '/** Custom metadata records shipped with the package, e.g. the org-default Campaign Setting. */\nexport const customMetadataRecords = {\n';
  for (const record of records) {
    const values = Object.keys(record.values)
      .sort()
      .map((key) => {
        const value = record.values[key];
        return `${key}: ${typeof value === 'string' ? quote(value) : String(value)}`;
      });
    out += `  ${quote(`${record.type}.${record.developerName}`)}: { DeveloperName: ${quote(record.developerName)}, MasterLabel: ${quote(record.label)}, ${values.join(', ')} },\n`;
  }
  return `${out}} as const;\n\n`;
}

export const GENERATED_HEADER =
  '// Generated from force-app by `npm run generate -w @sales-campaigns/metadata`. Do not edit by hand:\n' +
  '// `npm test` fails when this file no longer matches force-app. Import it as\n' +
  '// `@sales-campaigns/metadata/schema`: a renamed field then breaks the TypeScript build.\n\n';

/** The generated module's source text, before formatting. */
export function renderSchemaSource(model: PackageModel): string {
  const objects = [...model.objects].sort(byApiName);
  let out = GENERATED_HEADER;
  out += '/** A related record of a standard object: only what the query selected. */\n';
  out +=
    'export type StandardRecord = { Id?: string; attributes?: { type: string; url: string } } & Record<string, unknown>;\n\n';
  out += '/** A child relationship in a SOQL result. */\n';
  out += 'export interface QueryResult<T> {\n  totalSize: number;\n  done: boolean;\n  records: T[];\n}\n\n';
  out += renderPicklists(objects);
  out +=
    '/** Every object the package declares or extends, with its fields. */\nexport const packageSchema = {\n';
  for (const object of objects) out += renderObjectData(object);
  out += '} as const;\n\n';
  out += 'export type PackageObjectName = keyof typeof packageSchema;\n';
  out +=
    "export type PackageFieldName<O extends PackageObjectName> = keyof (typeof packageSchema)[O]['fields'];\n\n";
  for (const object of objects) out += renderInterface(object, objects);
  out += renderChannels(model);
  out += renderCustomMetadata(model);
  return out.replace(/\n+$/, '\n');
}
