import { describe, expect, it } from 'vitest';
import { readPackageSync } from '../src/index.ts';
import type { PermissionSetDef } from '../src/index.ts';
import { forceAppDir } from './paths.ts';

const model = readPackageSync(forceAppDir);

function permissionSet(name: string): PermissionSetDef {
  const set = model.permissionSets.find((candidate) => candidate.fullName === name);
  if (set === undefined) throw new Error(`no permission set ${name}`);
  return set;
}

const objectAccess = (set: PermissionSetDef, object: string) =>
  set.objectPermissions.find((permission) => permission.object === object);
const fieldAccess = (set: PermissionSetDef, field: string) =>
  set.fieldPermissions.find((permission) => permission.field === field);

describe('Sales_Campaigns_Integration: least privilege for the sync service', () => {
  const integration = permissionSet('Sales_Campaigns_Integration');

  it('has neither View All Data nor Modify All Data', () => {
    const enabled = integration.userPermissions
      .filter((permission) => permission.enabled)
      .map((permission) => permission.name);
    expect(enabled).not.toContain('ViewAllData');
    expect(enabled).not.toContain('ModifyAllData');
    expect(enabled).toEqual(expect.arrayContaining(['ApiEnabled', 'EditTask']));
  });

  it('plans and updates every rep’s enrollments and creates their steps', () => {
    expect(objectAccess(integration, 'Campaign_Enrollment__c')).toMatchObject({
      allowRead: true,
      allowEdit: true,
      viewAllRecords: true,
      modifyAllRecords: true,
      allowCreate: false,
    });
    expect(objectAccess(integration, 'Enrollment_Step__c')).toMatchObject({
      allowCreate: true,
      allowRead: true,
      allowEdit: true,
    });
    expect(fieldAccess(integration, 'Enrollment_Step__c.Message_Id__c')).toEqual({
      field: 'Enrollment_Step__c.Message_Id__c',
      readable: true,
      editable: true,
    });
  });

  it('only reads campaigns and steps, writes its heartbeat, publishes Live Feed events and keys tasks', () => {
    expect(objectAccess(integration, 'Sales_Campaign__c')).toMatchObject({
      allowRead: true,
      allowEdit: false,
      allowCreate: false,
    });
    expect(objectAccess(integration, 'Campaign_Step__c')).toMatchObject({
      allowRead: true,
      allowEdit: false,
    });
    expect(objectAccess(integration, 'Sync_Service_Status__c')).toMatchObject({
      allowCreate: true,
      allowEdit: true,
      allowDelete: false,
    });
    expect(objectAccess(integration, 'Campaign_Activity__e')).toMatchObject({ allowCreate: true });
    expect(fieldAccess(integration, 'Activity.Campaign_Step_Key__c')?.editable).toBe(true);
    expect(fieldAccess(integration, 'Contact.HasOptedOutOfEmail')?.editable).toBe(true);
    expect(integration.customMetadataTypeAccesses).toEqual(['Campaign_Setting__mdt']);
  });
});

describe('Sales_Campaigns_User: reps', () => {
  const user = permissionSet('Sales_Campaigns_User');

  it('sees only their own enrollments and cannot forge what the service records', () => {
    expect(objectAccess(user, 'Campaign_Enrollment__c')).toMatchObject({
      allowCreate: true,
      viewAllRecords: false,
      modifyAllRecords: false,
    });
    for (const field of ['Message_Id__c', 'Step_Key__c', 'Error__c', 'Task_Id__c', 'Sent_At__c']) {
      expect(fieldAccess(user, `Enrollment_Step__c.${field}`), field).toMatchObject({
        readable: true,
        editable: false,
      });
    }
    for (const field of ['Subject__c', 'Body__c', 'Scheduled_At__c', 'Completed_At__c', 'Notes__c']) {
      expect(fieldAccess(user, `Enrollment_Step__c.${field}`), field).toMatchObject({
        readable: true,
        editable: true,
      });
    }
  });

  // Command Center and Live Feed are the rep's daily screens (app pages behind tabs); the admin
  // console's tab stays with Sales_Campaigns_Admin.
  it('sees the app and its tabs, but not the admin console', () => {
    expect(user.tabSettings.map((setting) => setting.tab).sort()).toEqual([
      'Campaign_Enrollment__c',
      'Command_Center',
      'Live_Feed',
      'Sales_Campaign__c',
    ]);
  });

  it('reads Campaign Activity events (Live Feed) without publishing them', () => {
    expect(objectAccess(user, 'Campaign_Activity__e')).toMatchObject({ allowRead: true, allowCreate: false });
  });
});

describe('Sales_Campaigns_Admin', () => {
  it('works on every rep’s records without org-wide data permissions', () => {
    const admin = permissionSet('Sales_Campaigns_Admin');
    expect(objectAccess(admin, 'Campaign_Enrollment__c')).toMatchObject({
      viewAllRecords: true,
      modifyAllRecords: true,
    });
    expect(objectAccess(admin, 'Sync_Service_Status__c')).toMatchObject({
      allowRead: true,
      allowCreate: false,
    });
    expect(admin.userPermissions.filter((permission) => permission.enabled)).toEqual([]);
  });

  it('sees the rep tabs and the admin console tab, and reads Live Feed events', () => {
    const admin = permissionSet('Sales_Campaigns_Admin');
    expect(admin.tabSettings.map((setting) => setting.tab).sort()).toEqual([
      'Campaign_Enrollment__c',
      'Command_Center',
      'Live_Feed',
      'Sales_Campaign__c',
      'Sales_Campaigns_Admin',
    ]);
    expect(objectAccess(admin, 'Campaign_Activity__e')).toMatchObject({
      allowRead: true,
      allowCreate: false,
    });
  });
});
