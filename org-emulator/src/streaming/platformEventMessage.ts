// The body of a platform event as CometD subscribers receive it: the system fields CreatedDate and
// CreatedById first, then the event's own fields; the event's UUID travels as `event.EventUuid`
// next to the replay id, not in the payload (Platform Events Developer Guide, "Subscribe to
// Platform Event Notifications with CometD").
import type { PublishedEvent } from '../core/changeFeed.ts';
import type { EventData } from './eventStore.ts';
import { schemaIdOf } from './changeEventMessage.ts';
import { toEventFields } from './eventValues.ts';

export function buildPlatformEventData(event: PublishedEvent, replayId: number): EventData {
  const { CreatedDate: _date, CreatedById: _by, EventUuid: uuid, ...fields } = event.payload;
  return {
    schema: schemaIdOf(event.eventName),
    payload: toEventFields({ CreatedDate: event.createdDate, CreatedById: event.createdById, ...fields }),
    // The REST side puts the UUID of the publish result into the payload; older feeds only had an id.
    event: { EventUuid: typeof uuid === 'string' ? uuid : event.id, replayId },
  };
}
