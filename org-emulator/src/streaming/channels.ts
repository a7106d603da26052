// Which streaming channels exist in the emulated org, and on which channels a change or a platform
// event is delivered. Salesforce's rules: an object selected for Change Data Capture publishes on
// its standard channel (`/data/<Object>ChangeEvent`, `/data/<Custom>__ChangeEvent`) and on
// `/data/ChangeEvents`; a member of a custom channel (`/data/Sales_Campaigns__chn`) also
// publishes there, whether or not it is selected on the standard channel. Platform events publish
// on `/event/<Name>__e` and on any custom event channel (`/event/<Name>__chn`) listing them.
import type { ChannelDef } from '@sales-campaigns/metadata';

export const ALL_CHANGE_EVENTS_CHANNEL = '/data/ChangeEvents';

/** `Campaign_Step__c` → `Campaign_Step__ChangeEvent`, `Account` → `AccountChangeEvent`. */
export function changeEventEntityName(objectName: string): string {
  return objectName.endsWith('__c')
    ? `${objectName.slice(0, -'c'.length)}ChangeEvent`
    : `${objectName}ChangeEvent`;
}

/** Which retained stream a channel's events come from: one for all change events, one per
 * platform event; replay ids are unique and increasing within a stream. */
export type StreamKey = 'changeEvents' | `event:${string}`;

export interface ChannelCatalog {
  exists(channel: string): boolean;
  streamOf(channel: string): StreamKey | undefined;
  /** Channels that carry change events of this object; empty when it is not on CDC at all. */
  channelsForChange(objectName: string): string[];
  channelsForEvent(eventName: string): string[];
}

export function createChannelCatalog(input: {
  cdcEntities: string[];
  platformEvents: string[];
  channels: ChannelDef[];
}): ChannelCatalog {
  const changeChannels = new Map<string, Set<string>>(); // object → channels
  const eventChannels = new Map<string, Set<string>>(); // platform event → channels
  const streams = new Map<string, StreamKey>();

  const addChange = (objectName: string, channel: string) => {
    const set = changeChannels.get(objectName) ?? new Set<string>();
    set.add(channel);
    changeChannels.set(objectName, set);
    streams.set(channel, 'changeEvents');
  };
  const addEvent = (eventName: string, channel: string) => {
    const set = eventChannels.get(eventName) ?? new Set<string>();
    set.add(channel);
    eventChannels.set(eventName, set);
    streams.set(channel, `event:${eventName}`);
  };

  for (const objectName of input.cdcEntities) {
    addChange(objectName, `/data/${changeEventEntityName(objectName)}`);
    addChange(objectName, ALL_CHANGE_EVENTS_CHANNEL);
  }
  for (const eventName of input.platformEvents) addEvent(eventName, `/event/${eventName}`);

  for (const def of input.channels) {
    const isEventChannel = def.channelType.toLowerCase() === 'event';
    const channel = `/${isEventChannel ? 'event' : 'data'}/${def.fullName}`;
    for (const member of def.members) {
      if (isEventChannel) {
        addEvent(member, channel);
      } else {
        addChange(objectNameOfChangeEvent(member), channel);
      }
    }
    // A channel without members still exists: subscribing succeeds and nothing arrives.
    if (!streams.has(channel)) streams.set(channel, isEventChannel ? 'event:' : 'changeEvents');
  }
  // `/data/ChangeEvents` exists in every org, even with nothing selected.
  if (!streams.has(ALL_CHANGE_EVENTS_CHANNEL)) streams.set(ALL_CHANGE_EVENTS_CHANNEL, 'changeEvents');

  return {
    exists: (channel) => streams.has(channel),
    streamOf: (channel) => streams.get(channel),
    channelsForChange: (objectName) => [...(changeChannels.get(objectName) ?? [])],
    channelsForEvent: (eventName) => [...(eventChannels.get(eventName) ?? [])],
  };
}

/** `Campaign_Step__ChangeEvent` → `Campaign_Step__c`, `AccountChangeEvent` → `Account`. */
function objectNameOfChangeEvent(member: string): string {
  if (member.endsWith('__ChangeEvent')) return `${member.slice(0, -'ChangeEvent'.length)}c`;
  if (member.endsWith('ChangeEvent')) return member.slice(0, -'ChangeEvent'.length);
  return member;
}
