// Reads permissionsets/*.permissionset-meta.xml into the access each permission set grants.

import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { PermissionSetDef } from '../model.ts';
import { bool, children, readXmlFile, requiredText, text } from './xmlFile.ts';

export function readPermissionSet(file: string): PermissionSetDef {
  const doc = readXmlFile(file, 'PermissionSet');
  const node = doc.body;
  const fullName = path.basename(file).replace(/\.permissionset-meta\.xml$/, '');
  return {
    fullName,
    label: text(node, 'label') ?? fullName,
    objectPermissions: children(node, 'objectPermissions').map((permission) => ({
      object: requiredText(doc, permission, 'object'),
      allowCreate: bool(permission, 'allowCreate') === true,
      allowRead: bool(permission, 'allowRead') === true,
      allowEdit: bool(permission, 'allowEdit') === true,
      allowDelete: bool(permission, 'allowDelete') === true,
      viewAllRecords: bool(permission, 'viewAllRecords') === true,
      modifyAllRecords: bool(permission, 'modifyAllRecords') === true,
    })),
    fieldPermissions: children(node, 'fieldPermissions').map((permission) => ({
      field: requiredText(doc, permission, 'field'),
      readable: bool(permission, 'readable') === true,
      editable: bool(permission, 'editable') === true,
    })),
    userPermissions: children(node, 'userPermissions').map((permission) => ({
      name: requiredText(doc, permission, 'name'),
      enabled: bool(permission, 'enabled') === true,
    })),
    customMetadataTypeAccesses: children(node, 'customMetadataTypeAccesses')
      .filter((access) => bool(access, 'enabled') === true)
      .map((access) => requiredText(doc, access, 'name')),
    tabSettings: children(node, 'tabSettings').map((setting) => ({
      tab: requiredText(doc, setting, 'tab'),
      visibility: requiredText(doc, setting, 'visibility'),
    })),
    source: file,
  };
}

export function readPermissionSets(dir: string): PermissionSetDef[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.permissionset-meta.xml'))
    .sort()
    .map((name) => readPermissionSet(path.join(dir, name)));
}
