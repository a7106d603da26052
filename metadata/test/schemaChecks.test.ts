import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblems } from '../src/checks/checkResult.ts';
import { checkSchema } from '../src/checks/schemaChecks.ts';
import { readPackageSync } from '../src/index.ts';
import { fixture, forceAppDir } from './paths.ts';

describe('schema check of our own', () => {
  it('finds nothing wrong in the package, DESIGN §3 included', () => {
    const problems = checkSchema(readPackageSync(forceAppDir), forceAppDir);
    expect(formatProblems(problems)).toBe('');
  });

  describe('on the broken-schema fixture', () => {
    const dir = fixture('broken-schema');
    const problems = checkSchema(readPackageSync(dir), dir, { design: false });
    const found = (file: string) =>
      problems.filter((problem) => path.basename(problem.file) === file).map((problem) => problem.message);

    it.each([
      ['Colour__c.field-meta.xml', "Widget__c.Colour__c: unknown field type 'Colour'"],
      ['Fragile__c.field-meta.xml', 'Widget__c.Fragile__c: <length> is not valid on a Checkbox field'],
      ['Size__c.field-meta.xml', 'Widget__c.Size__c: picklist has no values'],
      ['Gadget__c.field-meta.xml', "Widget__c.Gadget__c: refers to unknown object 'Gadget__c'"],
      [
        'Widget_Key__c.field-meta.xml',
        'Widget__c.Widget_Key__c: an external id key must be unique so upserts can never create duplicates',
      ],
      [
        'Widget_User.permissionset-meta.xml',
        "Widget_User: object permission names missing object 'Sprocket__c'",
      ],
      [
        'Widget_User.permissionset-meta.xml',
        "Widget_User: field permission names missing field 'Widget__c.Missing__c'",
      ],
      [
        'Widget_User.permissionset-meta.xml',
        'Widget_User: grants ViewAllData, which the package never needs',
      ],
      [
        'Widgets_chn_Sprocket_ChangeEvent.platformEventChannelMember-meta.xml',
        "member 'Sprocket__ChangeEvent' names missing object 'Sprocket__c'",
      ],
    ])('%s: %s', (file, message) => {
      expect(found(file)).toContain(message);
    });

    it('reports nothing else', () => {
      expect(problems).toHaveLength(9);
    });
  });

  describe('against DESIGN §3, on the broken-design fixture', () => {
    const dir = fixture('broken-design');
    const messages = checkSchema(readPackageSync(dir), dir).map(
      (problem) => `${path.basename(problem.file)}: ${problem.message}`,
    );

    it.each([
      'Send_Option__c.field-meta.xml: Campaign_Step__c.Send_Option__c: picklist values should be Choose_At_Launch, At_Time, Manual_Task, Same_Time_As_Previous, Thread_Previous; are Choose_At_Launch, At_Time, Manual_Task, Same_Time_As_Previous',
      'Day__c.field-meta.xml: Campaign_Step__c.Day__c: type should be Number, is Text',
      'Send_Time__c.field-meta.xml: missing field Campaign_Step__c.Send_Time__c (Time, DESIGN §3)',
      'Enrollment_Step__c: missing object Enrollment_Step__c (DESIGN §3)',
      'Sales_Campaigns__chn.platformEventChannel-meta.xml: missing CDC channel Sales_Campaigns__chn',
      'Sales_Campaigns_Integration.permissionset-meta.xml: missing permission set Sales_Campaigns_Integration',
    ])('%s', (message) => {
      expect(messages).toContain(message);
    });
  });
});
