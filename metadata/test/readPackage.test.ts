import { describe, expect, it } from 'vitest';
import { PackageReadError, readPackage, readPackageSync } from '../src/index.ts';
import type { ObjectDef } from '../src/index.ts';
import { fixture, forceAppDir } from './paths.ts';

function objectNamed(objects: ObjectDef[], apiName: string): ObjectDef {
  const object = objects.find((candidate) => candidate.apiName === apiName);
  if (object === undefined) throw new Error(`no ${apiName} in the package`);
  return object;
}

describe('readPackage', () => {
  it('reads objects of every kind with their fields and validation rules', async () => {
    const model = await readPackage(forceAppDir);
    const kinds = Object.fromEntries(model.objects.map((object) => [object.apiName, object.kind]));
    expect(kinds).toMatchObject({
      Sales_Campaign__c: 'custom',
      Campaign_Activity__e: 'platformEvent',
      Campaign_Setting__mdt: 'customMetadata',
      Task: 'standard',
    });
    const step = objectNamed(model.objects, 'Campaign_Step__c');
    const sendOption = step.fields.find((field) => field.apiName === 'Send_Option__c');
    expect(sendOption?.restricted).toBe(true);
    expect(sendOption?.picklistValues?.map((value) => value.apiName)).toEqual([
      'Choose_At_Launch',
      'At_Time',
      'Manual_Task',
      'Same_Time_As_Previous',
      'Thread_Previous',
    ]);
    expect(step.validationRules.map((rule) => rule.fullName)).toContain('At_Time_Needs_Send_Time');
    expect(step.fields.find((field) => field.apiName === 'Campaign__c')).toMatchObject({
      type: 'MasterDetail',
      referenceTo: 'Sales_Campaign__c',
      required: true,
    });
  });

  it('shows activity fields on Task and Event, declared on Activity', () => {
    const model = readPackageSync(forceAppDir);
    for (const name of ['Task', 'Event']) {
      const object = objectNamed(model.objects, name);
      expect(object.declaredOn).toBe('Activity');
      expect(object.fields.map((field) => field.apiName)).toEqual(['Campaign_Step_Key__c']);
    }
    expect(model.objects.some((object) => object.apiName === 'Activity')).toBe(false);
  });

  it('types custom metadata values as their XML declares', () => {
    const model = readPackageSync(forceAppDir);
    const defaults = model.customMetadataRecords.find((record) => record.developerName === 'Default');
    expect(defaults?.type).toBe('Campaign_Setting__mdt');
    expect(defaults?.values['Default_Send_Time__c']).toBe('09:00');
    expect(defaults?.values['Task_Expiry_Days__c']).toBe(2);
  });

  it('attaches the four change-event members to the channel', () => {
    const model = readPackageSync(forceAppDir);
    const channel = model.channels.find((candidate) => candidate.fullName === 'Sales_Campaigns__chn');
    expect(channel?.channelType).toBe('data');
    expect(channel?.members.sort()).toEqual([
      'Campaign_Enrollment__ChangeEvent',
      'Campaign_Step__ChangeEvent',
      'Enrollment_Step__ChangeEvent',
      'Sales_Campaign__ChangeEvent',
    ]);
  });

  it('names the broken file and line when the XML is not well-formed', () => {
    const read = () => readPackageSync(fixture('broken-xml'));
    expect(read).toThrow(PackageReadError);
    expect(read).toThrow(/Broken__c\.object-meta\.xml: not well-formed XML at line 5/);
  });

  it('names the folder when there is no package there', () => {
    expect(() => readPackageSync(fixture('does-not-exist'))).toThrow(/does-not-exist: no objects\/ folder/);
  });
});
