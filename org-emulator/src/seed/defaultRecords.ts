// The records every fresh org has: the Organization, the integration user the default
// credentials log in as, a sales rep to own campaigns, default business hours, and the
// package's custom metadata records (queryable, not writable through the API).
import type { CustomMetadataRecordDef } from '@sales-campaigns/metadata';
import { formatDateTime } from '../core/datetime.ts';
import type { SRecord } from '../core/recordStore.ts';
import type { Org } from '../records/org.ts';

export interface DefaultUsers {
  integrationUserId: string;
  repUserId: string;
}

export function createDefaultRecords(
  org: Org,
  username: string,
  customMetadata: CustomMetadataRecordDef[],
): DefaultUsers {
  const existing = org.store.all('User').find((u) => u.Username === username);
  if (existing) {
    const rep = org.store.all('User').find((u) => u.Id !== existing.Id);
    return { integrationUserId: existing.Id, repUserId: rep?.Id ?? existing.Id };
  }
  const now = formatDateTime(org.clock.now());
  const integrationUserId = org.ids.next('005');
  const system = (id: string): Record<string, unknown> => ({
    Id: id,
    IsDeleted: false,
    CreatedDate: now,
    CreatedById: integrationUserId,
    LastModifiedDate: now,
    LastModifiedById: integrationUserId,
    SystemModstamp: now,
  });
  const tx = org.begin({ userId: integrationUserId, clientName: '' });
  const put = (object: string, values: Record<string, unknown>): SRecord => {
    const schema = org.schema.require(object);
    const record = { ...values } as SRecord;
    for (const f of schema.fields)
      if (!(f.name in record)) record[f.name] = f.type === 'boolean' ? false : null;
    tx.create(object, record);
    return record;
  };
  put('Organization', {
    ...system(org.orgId),
    Name: 'Sales Campaigns Emulated Org',
    TimeZoneSidKey: 'Europe/Paris',
    DefaultLocaleSidKey: 'en_US',
    LanguageLocaleKey: 'en_US',
    OrganizationType: 'Developer Edition',
    InstanceName: 'EM0',
    IsSandbox: false,
  });
  const user = (
    id: string,
    first: string,
    last: string,
    login: string,
    email: string,
    timeZone: string,
  ): void => {
    put('User', {
      ...system(id),
      Username: login,
      FirstName: first,
      LastName: last,
      Name: `${first} ${last}`,
      Email: email,
      Alias: (first[0]! + last).slice(0, 8).toLowerCase(),
      IsActive: true,
      TimeZoneSidKey: timeZone,
      LocaleSidKey: 'en_US',
      LanguageLocaleKey: 'en_US',
      EmailEncodingKey: 'UTF-8',
    });
  };
  user(
    integrationUserId,
    'Integration',
    'User',
    username,
    'integration@sales-campaigns.example',
    'Europe/Paris',
  );
  const repUserId = org.ids.next('005');
  user(
    repUserId,
    'Rita',
    'Rep',
    'rita.rep@sales-campaigns.example',
    'rita.rep@sales-campaigns.example',
    'Europe/Paris',
  );
  const weekday = { StartTime: '08:00:00.000Z', EndTime: '18:00:00.000Z' };
  put('BusinessHours', {
    ...system(org.ids.next('01m')),
    Name: 'Default',
    IsActive: true,
    IsDefault: true,
    TimeZoneSidKey: 'Europe/Paris',
    ...Object.fromEntries(
      ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'].flatMap((day) => [
        [`${day}StartTime`, weekday.StartTime],
        [`${day}EndTime`, weekday.EndTime],
      ]),
    ),
  });
  for (const def of customMetadata) {
    const type = org.schema.find(def.type);
    if (!type) continue;
    const values: Record<string, unknown> = {
      ...system(org.ids.next(type.keyPrefix)),
      DeveloperName: def.developerName,
      MasterLabel: def.label,
      Label: def.label,
      QualifiedApiName: def.developerName,
      NamespacePrefix: null,
      Language: 'en_US',
    };
    for (const [name, value] of Object.entries(def.values)) {
      const f = type.fieldsByLower.get(name.toLowerCase());
      if (f) values[f.name] = value;
    }
    delete values.IsDeleted;
    put(type.name, values);
  }
  tx.commit();
  return { integrationUserId, repUserId };
}
