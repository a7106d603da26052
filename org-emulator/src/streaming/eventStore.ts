// The event bus's retained history: what a subscriber can replay. Salesforce keeps change events
// and high-volume platform events for 72 hours; within one stream replay ids only increase, and a
// subscriber may resume after any id still retained. Retention is measured on the emulator's
// clock, so tests can age events out by advancing it instead of waiting three days.
import type { EmulatorClock } from './deps.ts';
import type { StreamKey } from './channels.ts';

export interface EventData {
  schema: string;
  payload: Record<string, unknown>;
  event: { replayId: number } & Record<string, unknown>;
}

export interface StoredEvent {
  replayId: number;
  storedAt: number;
  /** Every channel this event is delivered on. */
  channels: string[];
  data: EventData;
}

export type ReplayCheck = { ok: true; events: StoredEvent[] } | { ok: false };

export interface EventStore {
  /** Stores an event under the next replay id of its stream; `build` receives that id. */
  append(stream: StreamKey, channels: string[], build: (replayId: number) => EventData): StoredEvent;
  /** What a subscription with this replay position receives at once: nothing for -1, everything
   * retained for -2, everything after a stored id; refused for an id not (or no longer) retained. */
  replayFrom(stream: StreamKey, channel: string, replayId: number): ReplayCheck;
}

export function createEventStore(clock: EmulatorClock, retentionMs: number): EventStore {
  const streams = new Map<StreamKey, { lastReplayId: number; events: StoredEvent[] }>();

  const streamOf = (key: StreamKey) => {
    let stream = streams.get(key);
    if (!stream) {
      stream = { lastReplayId: 0, events: [] };
      streams.set(key, stream);
    }
    // Drop what fell out of the retention window; events are stored in time order.
    const oldestKept = clock.now() - retentionMs;
    const firstKept = stream.events.findIndex((event) => event.storedAt >= oldestKept);
    if (firstKept === -1) stream.events = [];
    else if (firstKept > 0) stream.events = stream.events.slice(firstKept);
    return stream;
  };

  return {
    append(key, channels, build) {
      const stream = streamOf(key);
      stream.lastReplayId += 1;
      const stored: StoredEvent = {
        replayId: stream.lastReplayId,
        storedAt: clock.now(),
        channels,
        data: build(stream.lastReplayId),
      };
      stream.events.push(stored);
      return stored;
    },
    replayFrom(key, channel, replayId) {
      const stream = streamOf(key);
      const onChannel = (event: StoredEvent) => event.channels.includes(channel);
      if (replayId === -1) return { ok: true, events: [] };
      if (replayId === -2) return { ok: true, events: stream.events.filter(onChannel) };
      const position = stream.events.findIndex((event) => event.replayId === replayId);
      if (position === -1) return { ok: false };
      return { ok: true, events: stream.events.slice(position + 1).filter(onChannel) };
    },
  };
}
