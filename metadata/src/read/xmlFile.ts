// Reads one metadata XML file into plain objects. Elements that may repeat in Salesforce metadata
// are always arrays, so callers never have to guess whether one child or many came back.

import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { PackageReadError } from './packageReadError.ts';

/** Child elements that Salesforce allows more than once. */
const REPEATED_ELEMENTS = new Set([
  'value',
  'values',
  'objectPermissions',
  'fieldPermissions',
  'userPermissions',
  'customMetadataTypeAccesses',
  'tabSettings',
  'tabVisibilities',
  'applicationVisibilities',
  'classAccesses',
  'pageAccesses',
  'customPermissions',
  'recordTypeVisibilities',
  'tabs',
  'actionOverrides',
  'profileActionOverrides',
  'listViews',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => REPEATED_ELEMENTS.has(name),
});

export type XmlNode = Record<string, unknown>;

export interface XmlDocument {
  /** Name of the root element, e.g. `CustomField`. */
  root: string;
  body: XmlNode;
  file: string;
}

/** Checks well-formedness first so the error says which line is broken, then parses. */
export function parseXmlText(text: string, file: string): XmlDocument {
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    const { line, col, msg } = validation.err;
    throw new PackageReadError(
      'PACKAGE.MALFORMED_XML',
      file,
      `not well-formed XML at line ${line}, column ${col}: ${msg}`,
    );
  }
  const parsed = parser.parse(text) as XmlNode;
  const roots = Object.keys(parsed).filter((key) => key !== '?xml');
  const root = roots[0];
  if (roots.length !== 1 || root === undefined) {
    throw new PackageReadError(
      'PACKAGE.UNEXPECTED_ROOT',
      file,
      `expected one root element, found ${roots.length}`,
    );
  }
  const body = parsed[root];
  return { root, body: typeof body === 'object' && body !== null ? (body as XmlNode) : {}, file };
}

export function readXmlFile(file: string, expectedRoot?: string): XmlDocument {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new PackageReadError('PACKAGE.NOT_FOUND', file, `cannot read: ${(error as Error).message}`);
  }
  const doc = parseXmlText(text, file);
  if (expectedRoot !== undefined && doc.root !== expectedRoot) {
    throw new PackageReadError(
      'PACKAGE.UNEXPECTED_ROOT',
      file,
      `expected <${expectedRoot}>, found <${doc.root}>`,
    );
  }
  return doc;
}

/** Text of a simple child element, or undefined when absent. */
export function text(node: XmlNode, key: string): string | undefined {
  const value = node[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'object') {
    const inner = (value as XmlNode)['#text'];
    return inner === undefined ? '' : String(inner);
  }
  return String(value);
}

export function requiredText(doc: XmlDocument, node: XmlNode, key: string): string {
  const value = text(node, key);
  if (value === undefined || value === '') {
    throw new PackageReadError('PACKAGE.MISSING_ELEMENT', doc.file, `missing <${key}>`);
  }
  return value;
}

export function bool(node: XmlNode, key: string): boolean | undefined {
  const value = text(node, key);
  return value === undefined ? undefined : value === 'true';
}

export function int(node: XmlNode, key: string): number | undefined {
  const value = text(node, key);
  return value === undefined || value === '' ? undefined : Number.parseInt(value, 10);
}

export function children(node: XmlNode, key: string): XmlNode[] {
  const value = node[key];
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) =>
    typeof item === 'object' && item !== null ? (item as XmlNode) : { '#text': item },
  );
}

export function child(node: XmlNode, key: string): XmlNode | undefined {
  return children(node, key)[0];
}
