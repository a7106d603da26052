import { describe, expect, it } from 'vitest';
import { PACKAGE_API_VERSION, convertWithSdr } from '../src/checks/convertWithSdr.ts';
import { fixture, forceAppDir } from './paths.ts';

process.env['SF_DISABLE_AUTOUPDATE'] = 'true';
process.env['SF_SKIP_NEW_VERSION_CHECK'] = 'true';

describe('source-deploy-retrieve resolves and converts force-app offline', () => {
  it(`converts every component to metadata format at API ${PACKAGE_API_VERSION}`, async () => {
    const result = await convertWithSdr(forceAppDir);
    expect(result.problems).toEqual([]);
    expect(result.components).toEqual(
      expect.arrayContaining([
        'CustomObject:Sales_Campaign__c',
        'CustomObject:Campaign_Activity__e',
        'CustomObject:Campaign_Setting__mdt',
        'CustomField:Activity.Campaign_Step_Key__c',
        'ValidationRule:Campaign_Enrollment__c.Exactly_One_Person',
        'CustomMetadata:Campaign_Setting.Default',
        'PlatformEventChannel:Sales_Campaigns__chn',
        'PlatformEventChannelMember:Sales_Campaigns_chn_Enrollment_Step_ChangeEvent',
        'PermissionSet:Sales_Campaigns_Integration',
        'CustomApplication:Sales_Campaigns',
        'CustomTab:Sales_Campaign__c',
      ]),
    );
    expect(result.packageXml).toContain(`<version>${PACKAGE_API_VERSION}</version>`);
  });

  it('names a file it cannot map to a metadata type', async () => {
    const result = await convertWithSdr(fixture('broken-sdr'));
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.message).toMatch(
      /gizmos\/Spinner\.gizmo-meta\.xml: Could not infer a metadata type/,
    );
  });
});
