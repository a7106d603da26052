// Change Data Capture channel members must name the change events of objects that exist, and
// belong to a channel the package declares with type `data`.

import type { PackageModel } from '../model.ts';
import type { CheckProblem } from './checkResult.ts';
import { STANDARD_OBJECTS } from './standardObjects.ts';

/** `Campaign_Step__ChangeEvent` → `Campaign_Step__c`; `ContactChangeEvent` → `Contact`. */
export function objectOfChangeEvent(entity: string): string | undefined {
  if (entity.endsWith('__ChangeEvent')) return `${entity.slice(0, -'__ChangeEvent'.length)}__c`;
  if (entity.endsWith('ChangeEvent')) return entity.slice(0, -'ChangeEvent'.length);
  return undefined;
}

export function checkChannels(model: PackageModel): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const objectNames = new Set(
    model.objects.filter((object) => object.kind === 'custom').map((object) => object.apiName),
  );
  for (const channel of model.channels) {
    if (channel.source === '') {
      for (const member of channel.members) {
        problems.push({
          check: 'schema.channel',
          file: channel.memberSources?.[member] ?? channel.fullName,
          message: `member '${member}' names channel '${channel.fullName}', which has no platformEventChannels file`,
        });
      }
      continue;
    }
    if (channel.channelType !== 'data') {
      problems.push({
        check: 'schema.channel',
        file: channel.source,
        message: `${channel.fullName}: channelType must be 'data' for change events, not '${channel.channelType}'`,
      });
    }
    for (const member of channel.members) {
      const file = channel.memberSources?.[member] ?? channel.source;
      const object = objectOfChangeEvent(member);
      if (object === undefined) {
        problems.push({
          check: 'schema.channel',
          file,
          message: `member '${member}' is not a change event (…ChangeEvent)`,
        });
      } else if (object === 'Task' || object === 'Event') {
        problems.push({
          check: 'schema.channel',
          file,
          message: `member '${member}': activity change events need View All Data, which the integration user must not have`,
        });
      } else if (!objectNames.has(object) && !STANDARD_OBJECTS.has(object)) {
        problems.push({
          check: 'schema.channel',
          file,
          message: `member '${member}' names missing object '${object}'`,
        });
      }
    }
  }
  return problems;
}
