// Where committed writes become streaming events: listens on the change feed, stores each change
// event and platform event under its replay id, and queues it for every subscribed client. The
// feed announces changes after commit and in commit order, so replay ids follow commit order.
import type { CommittedChange, PublishedEvent } from '../core/changeFeed.ts';
import type { ChannelCatalog } from './channels.ts';
import type { EventStore, StoredEvent } from './eventStore.ts';
import type { ClientSessions } from './clientSessions.ts';
import { buildChangeEventBodies, schemaIdOf } from './changeEventMessage.ts';
import { buildPlatformEventData } from './platformEventMessage.ts';

export interface EventPublisher {
  publishChange(change: CommittedChange): void;
  publishEvent(event: PublishedEvent): void;
}

export function createEventPublisher(input: {
  apiVersion: string;
  catalog: ChannelCatalog;
  store: EventStore;
  sessions: ClientSessions;
}): EventPublisher {
  const { apiVersion, catalog, store } = input;

  const deliver = (stored: StoredEvent) =>
    input.sessions.deliver(stored.channels, (channel) => ({ channel, data: stored.data }));

  return {
    publishChange(change) {
      const channels = catalog.channelsForChange(change.entityName);
      if (channels.length === 0) return; // not on Change Data Capture
      for (const body of buildChangeEventBodies(change, apiVersion)) {
        const stored = store.append('changeEvents', channels, (replayId) => ({
          schema: schemaIdOf(body.entityName),
          payload: body.payload,
          event: { replayId },
        }));
        deliver(stored);
      }
    },
    publishEvent(event) {
      const channels = catalog.channelsForEvent(event.eventName);
      if (channels.length === 0) channels.push(`/event/${event.eventName}`);
      const stored = store.append(`event:${event.eventName}`, channels, (replayId) =>
        buildPlatformEventData(event, replayId),
      );
      deliver(stored);
    },
  };
}
