// The body of a platform event as CometD subscribers receive it: the system fields CreatedDate and
// CreatedById first, then the event's own fields; the publish result's id travels as
// `event.EventUuid` next to the replay id (Platform Events Developer Guide, "Subscribe to Platform
// Event Notifications with CometD").
import type { PublishedEvent } from '../core/changeFeed.ts';
import type { EventData } from './eventStore.ts';
import { schemaIdOf } from './changeEventMessage.ts';

export function buildPlatformEventData(event: PublishedEvent, replayId: number): EventData {
  const { CreatedDate: _date, CreatedById: _by, ...fields } = event.payload;
  return {
    schema: schemaIdOf(event.eventName),
    payload: { CreatedDate: event.createdDate, CreatedById: event.createdById, ...fields },
    event: { EventUuid: event.id, replayId },
  };
}
