import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblems } from '../src/checks/checkResult.ts';
import { checkSampleData } from '../src/checks/sampleDataChecks.ts';
import { readPackageSync } from '../src/index.ts';
import { fixture, forceAppDir, repoRoot } from './paths.ts';

describe('sample data loads into the package', () => {
  const model = readPackageSync(forceAppDir);

  it('finds nothing wrong in data/sample-plan.json', () => {
    expect(formatProblems(checkSampleData(model, path.join(repoRoot, 'data', 'sample-plan.json')))).toBe('');
  });

  it('names the file and the problem in a broken fixture', () => {
    const problems = checkSampleData(model, path.join(fixture('broken-data'), 'plan.json'));
    const messages = problems.map((problem) => `${path.basename(problem.file)}: ${problem.message}`);
    expect(messages).toEqual([
      "Campaign_Step__c.json: Campaign_Step__c StepRef.Campaign__c: reference '@CampaignRef' is not saved by an earlier plan entry",
      "Campaign_Step__c.json: Campaign_Step__c StepRef.Type__c: 'Letter' is not one of Email, Call, InMail, Custom_Task",
      "Campaign_Step__c.json: Campaign_Step__c StepRef.Send_Time__c: Time values are written 'HH:mm:ss.SSSZ', not '8:30'",
      'Campaign_Step__c.json: Campaign_Step__c StepRef: field Campaign_Step__c.Send_Options__c is not in the package',
      "plan.json: plan names missing file 'Lead-missing.json'",
    ]);
  });

  it('covers every send option, every step type and one opted-out person', async () => {
    const steps = (await import('../../data/Campaign_Step__c.json', { with: { type: 'json' } })).default
      .records;
    const options = new Set(
      steps.map((step: Record<string, unknown>) => step['Send_Option__c']).filter(Boolean),
    );
    const types = new Set(steps.map((step: Record<string, unknown>) => step['Type__c']));
    expect([...options].sort()).toEqual([
      'At_Time',
      'Choose_At_Launch',
      'Manual_Task',
      'Same_Time_As_Previous',
      'Thread_Previous',
    ]);
    expect([...types].sort()).toEqual(['Call', 'Custom_Task', 'Email', 'InMail']);
    const contacts = (await import('../../data/Contact.json', { with: { type: 'json' } })).default.records;
    const leads = (await import('../../data/Lead.json', { with: { type: 'json' } })).default.records;
    const people: Array<Record<string, unknown>> = [...contacts, ...leads];
    expect(people.filter((person) => person['HasOptedOutOfEmail'] === true)).toHaveLength(1);
    expect(new Set(people.map((person) => person['Time_Zone__c']).filter(Boolean))).toEqual(
      new Set(['America/New_York', 'Europe/Paris', 'Asia/Kolkata', 'Australia/Sydney']),
    );
  });
});
