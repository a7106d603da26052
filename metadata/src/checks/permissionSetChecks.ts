// Permission sets must name objects, fields, tabs and custom metadata types that exist, must not
// grant field permissions the platform refuses (required and master-detail fields are always
// accessible), and the integration user's set must stay least-privilege.

import type { FieldDef, PackageModel, PermissionSetDef } from '../model.ts';
import type { CheckProblem } from './checkResult.ts';
import { ACTIVITY_OBJECT, STANDARD_OBJECTS, STANDARD_PERMISSIONABLE_FIELDS } from './standardObjects.ts';

/** User permissions no set of ours may grant: the integration user is least privilege by design. */
const FORBIDDEN_USER_PERMISSIONS = new Set(['ViewAllData', 'ModifyAllData']);

function fieldIndex(model: PackageModel): Map<string, FieldDef> {
  const index = new Map<string, FieldDef>();
  for (const object of model.objects) {
    const prefix = object.declaredOn ?? object.apiName;
    for (const field of object.fields) index.set(`${prefix}.${field.apiName}`, field);
  }
  return index;
}

function checkPermissionSet(
  set: PermissionSetDef,
  model: PackageModel,
  fields: Map<string, FieldDef>,
): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const report = (message: string) =>
    problems.push({
      check: 'schema.permission-set',
      file: set.source,
      message: `${set.fullName}: ${message}`,
    });
  const objectNames = new Set(model.objects.map((object) => object.apiName));
  const tabNames = new Set(
    model.objects.filter((object) => object.kind === 'custom').map((object) => object.apiName),
  );

  for (const permission of set.objectPermissions) {
    if (!objectNames.has(permission.object) && !STANDARD_OBJECTS.has(permission.object)) {
      report(`object permission names missing object '${permission.object}'`);
    }
    if (
      permission.modifyAllRecords &&
      !(permission.allowRead && permission.allowEdit && permission.allowDelete && permission.viewAllRecords)
    ) {
      report(`Modify All on '${permission.object}' needs Read, Edit, Delete and View All too`);
    }
    if ((permission.allowEdit || permission.allowCreate) && !permission.allowRead) {
      report(`create or edit on '${permission.object}' needs Read`);
    }
  }
  for (const permission of set.fieldPermissions) {
    const field = fields.get(permission.field);
    if (field === undefined) {
      if (!STANDARD_PERMISSIONABLE_FIELDS.has(permission.field))
        report(`field permission names missing field '${permission.field}'`);
      continue;
    }
    if (field.required || field.type === 'MasterDetail') {
      report(
        `field permission on '${permission.field}' is refused by Salesforce: ${field.type === 'MasterDetail' ? 'master-detail' : 'required'} fields are always accessible`,
      );
    }
    if (permission.editable && !permission.readable)
      report(`'${permission.field}' is editable but not readable`);
    const [objectName] = permission.field.split('.');
    if (
      objectName !== ACTIVITY_OBJECT &&
      objectName !== undefined &&
      !set.objectPermissions.some((p) => p.object === objectName) &&
      objectNames.has(objectName) &&
      !STANDARD_OBJECTS.has(objectName)
    ) {
      report(`grants '${permission.field}' without any object permission on '${objectName}'`);
    }
  }
  if (set.fieldPermissions.some((p) => p.field.startsWith('Task.') || p.field.startsWith('Event.'))) {
    report(`custom activity fields are granted as 'Activity.<Field>', not 'Task.<Field>' or 'Event.<Field>'`);
  }
  for (const permission of set.userPermissions) {
    if (permission.enabled && FORBIDDEN_USER_PERMISSIONS.has(permission.name))
      report(`grants ${permission.name}, which the package never needs`);
  }
  for (const type of set.customMetadataTypeAccesses) {
    if (!model.objects.some((object) => object.apiName === type && object.kind === 'customMetadata')) {
      report(`custom metadata access names missing type '${type}'`);
    }
  }
  for (const setting of set.tabSettings) {
    if (setting.tab.endsWith('__c') && !tabNames.has(setting.tab))
      report(`tab setting names missing object tab '${setting.tab}'`);
  }
  return problems;
}

export function checkPermissionSets(model: PackageModel): CheckProblem[] {
  const fields = fieldIndex(model);
  return model.permissionSets.flatMap((set) => checkPermissionSet(set, model, fields));
}
