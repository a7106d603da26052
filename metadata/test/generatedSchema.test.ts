import { describe, expect, it } from 'vitest';
import { GENERATED_SCHEMA_FILE, checkGeneratedSchemaFresh } from '../src/schema/generateSchema.ts';
import {
  CAMPAIGN_STEP_SEND_OPTION_VALUES,
  ENROLLMENT_STEP_STATUS_VALUES,
  channels,
  customMetadataRecords,
  packageSchema,
} from '@sales-campaigns/metadata/schema';
import type {
  CampaignStepSendOption,
  Campaign_Step__c,
  Enrollment_Step__c,
} from '@sales-campaigns/metadata/schema';
import { fixture, forceAppDir } from './paths.ts';

describe('the generated typed schema', () => {
  it('is up to date with force-app', async () => {
    expect(await checkGeneratedSchemaFresh(forceAppDir)).toEqual([]);
  });

  it('names the stale file and the fix when it drifts', async () => {
    const stale = `${fixture('broken-stale-schema')}/packageSchema.ts`;
    const [problem] = await checkGeneratedSchemaFresh(forceAppDir, stale);
    expect(problem?.file).toBe(stale);
    // The fixture renamed Step_Key__c; whatever else changes in force-app, the file stays stale.
    expect(problem?.message).toMatch(
      /^stale: differs from .*force-app from line \d+ \(expected ".*"\); run `npm run generate -w @sales-campaigns\/metadata`/,
    );
    expect(GENERATED_SCHEMA_FILE).toMatch(/metadata\/src\/generated\/packageSchema\.ts$/);
  });

  it('describes fields as data the emulator can serve', () => {
    expect(packageSchema.Enrollment_Step__c.fields.Step_Key__c).toMatchObject({
      type: 'Text',
      externalId: true,
      unique: true,
    });
    expect(packageSchema.Campaign_Step__c.fields.Send_Time__c.type).toBe('Time');
    expect(packageSchema.Campaign_Step__c.fields.Send_Option__c.labels.Thread_Previous).toBe(
      'Thread this email to the previous email',
    );
    expect(ENROLLMENT_STEP_STATUS_VALUES).toContain('Uncertain');
    expect(channels.Sales_Campaigns__chn).toHaveLength(4);
    expect(customMetadataRecords['Campaign_Setting__mdt.Default'].Default_Send_Time__c).toBe('09:00');
  });

  it('types records so a wrong value or a renamed field fails the build', () => {
    const option: CampaignStepSendOption = 'Same_Time_As_Previous';
    const step: Campaign_Step__c = {
      Id: 'a01',
      Day__c: 2,
      Send_Option__c: option,
      Send_Time__c: '09:00:00.000Z',
    };
    const enrollmentStep: Enrollment_Step__c = { Id: 'a03', Status__c: 'Task_Open', Step__r: step };
    // @ts-expect-error — not a value of the restricted picklist
    const wrong: Enrollment_Step__c = { Id: 'a03', Status__c: 'Done' };
    // @ts-expect-error — no such field
    const renamed: Campaign_Step__c = { Id: 'a01', Send_Options__c: 'At_Time' };
    expect(CAMPAIGN_STEP_SEND_OPTION_VALUES).toContain(step.Send_Option__c);
    expect(enrollmentStep.Step__r?.Day__c).toBe(2);
    expect([wrong.Status__c, renamed.Id]).toEqual(['Done', 'a01']);
  });
});
