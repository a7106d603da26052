import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  GENERATED_SCHEMA_FILE,
  checkGeneratedSchemaFresh,
  generateSchemaSource,
} from '../src/schema/generateSchema.ts';
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
import { forceAppDir, repoRoot } from './paths.ts';

describe('the generated typed schema', () => {
  it('is up to date with force-app', async () => {
    expect(await checkGeneratedSchemaFresh(forceAppDir)).toEqual([]);
  });

  it('names the stale file and the fix when it drifts', async () => {
    // Build the stale file at run time: what force-app generates now, with one field renamed.
    // The repository's Prettier settings go alongside so only the rename differs.
    const dir = mkdtempSync(path.join(tmpdir(), 'stale-schema-'));
    try {
      copyFileSync(path.join(repoRoot, '.prettierrc.json'), path.join(dir, '.prettierrc.json'));
      const stale = path.join(dir, 'packageSchema.ts');
      const lines = (await generateSchemaSource(forceAppDir, stale)).split('\n');
      const renamed = lines.findIndex((line) => line === '      Step_Key__c: {');
      expect(renamed).toBeGreaterThan(-1);
      lines[renamed] = '      Step_Keys__c: {';
      writeFileSync(stale, lines.join('\n'));

      const [problem] = await checkGeneratedSchemaFresh(forceAppDir, stale);
      expect(problem?.file).toBe(stale);
      expect(problem?.message).toBe(
        `stale: differs from ${forceAppDir} from line ${renamed + 1} (expected "      Step_Key__c: {"); ` +
          'run `npm run generate -w @sales-campaigns/metadata` and commit the result',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
