// Reads customMetadata/<Type>.<Record>.md-meta.xml records. Values keep the type their XML
// declares (xsd:double → number, xsd:boolean → boolean, xsi:nil → null, anything else → string).

import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { CustomMetadataRecordDef } from '../model.ts';
import { PackageReadError } from './packageReadError.ts';
import { children, readXmlFile, requiredText, text } from './xmlFile.ts';
import type { XmlNode } from './xmlFile.ts';

function typedValue(value: XmlNode | undefined): string | number | boolean | null {
  if (value === undefined || value['@_xsi:nil'] === 'true') return null;
  const raw = value['#text'] === undefined ? '' : String(value['#text']);
  switch (value['@_xsi:type']) {
    case 'xsd:double':
    case 'xsd:int':
    case 'xsd:long':
      return Number(raw);
    case 'xsd:boolean':
      return raw === 'true';
    default:
      return raw;
  }
}

export function readCustomMetadataRecord(file: string): CustomMetadataRecordDef {
  const match = /^([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)\.md-meta\.xml$/.exec(path.basename(file));
  if (match === null) {
    throw new PackageReadError(
      'PACKAGE.UNEXPECTED_ROOT',
      file,
      'custom metadata file name must be <Type>.<Record>.md-meta.xml',
    );
  }
  const [, typeName, developerName] = match as unknown as [string, string, string];
  const doc = readXmlFile(file, 'CustomMetadata');
  const values: CustomMetadataRecordDef['values'] = {};
  for (const entry of children(doc.body, 'values')) {
    const field = requiredText(doc, entry, 'field');
    const value = entry['value'];
    values[field] = typedValue(
      Array.isArray(value)
        ? (value[0] as XmlNode)
        : typeof value === 'object' && value !== null
          ? (value as XmlNode)
          : value === undefined
            ? undefined
            : { '#text': String(value) },
    );
  }
  return {
    type: `${typeName}__mdt`,
    developerName,
    label: text(doc.body, 'label') ?? developerName,
    values,
    source: file,
  };
}

export function readCustomMetadataRecords(dir: string): CustomMetadataRecordDef[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md-meta.xml'))
    .sort()
    .map((name) => readCustomMetadataRecord(path.join(dir, name)));
}
