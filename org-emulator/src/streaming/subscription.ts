// /meta/subscribe and /meta/unsubscribe. A subscription names one channel and, through the replay
// extension (`ext.replay = {channel: replayId}`), where to start: -1 new events only (also the
// default without the extension), -2 everything retained, or a stored replay id to resume after.
// Refusals carry Salesforce's texts: an unknown channel, a replay map without this channel, and a
// replay id that is not, or no longer, retained.
import type { ChannelCatalog } from './channels.ts';
import type { EventStore } from './eventStore.ts';
import type { BayeuxMessage, ClientSession, ClientSessions } from './clientSessions.ts';
import {
  CHANNEL_NEEDS_LEADING_SLASH,
  CHANNEL_NOT_SPECIFIED,
  channelDoesNotExist,
  invalidReplayId,
  replayMapMismatch,
} from './bayeuxErrors.ts';

export interface SubscriptionContext {
  catalog: ChannelCatalog;
  store: EventStore;
  sessions: ClientSessions;
}

export function subscribe(
  context: SubscriptionContext,
  session: ClientSession,
  message: BayeuxMessage,
): BayeuxMessage {
  const subscription = message.subscription;
  const reply: BayeuxMessage = {
    clientId: session.clientId,
    channel: '/meta/subscribe',
    ...(message.id === undefined ? {} : { id: message.id }),
    subscription,
  };
  const fail = (error: string): BayeuxMessage => ({ ...reply, error, successful: false });

  if (typeof subscription !== 'string' || subscription === '') return fail(CHANNEL_NOT_SPECIFIED);
  if (!subscription.startsWith('/')) return fail(CHANNEL_NEEDS_LEADING_SLASH);
  const stream = context.catalog.streamOf(subscription);
  if (!stream) return fail(channelDoesNotExist(subscription));

  const replayMap = replayMapOf(message);
  let replayValue: unknown = -1;
  if (replayMap) {
    if (!Object.hasOwn(replayMap, subscription)) return fail(replayMapMismatch(subscription, replayMap));
    replayValue = replayMap[subscription];
  }
  const replayId = parseReplayId(replayValue);
  const replay =
    replayId === undefined
      ? { ok: false as const }
      : context.store.replayFrom(stream, subscription, replayId);
  if (!replay.ok) return fail(invalidReplayId(replayValue));

  session.subscriptions.add(subscription);
  context.sessions.queueFor(
    session,
    replay.events.map((event) => ({ channel: subscription, data: event.data })),
  );
  return { ...reply, successful: true };
}

export function unsubscribe(session: ClientSession, message: BayeuxMessage): BayeuxMessage {
  const subscription = message.subscription;
  const reply: BayeuxMessage = {
    clientId: session.clientId,
    channel: '/meta/unsubscribe',
    ...(message.id === undefined ? {} : { id: message.id }),
    subscription,
  };
  if (typeof subscription !== 'string' || subscription === '') {
    return { ...reply, error: CHANNEL_NOT_SPECIFIED, successful: false };
  }
  session.subscriptions.delete(subscription);
  // Events already queued for the channel are dropped with the subscription.
  session.queue = session.queue.filter((queued) => queued.channel !== subscription);
  return { ...reply, successful: true };
}

function replayMapOf(message: BayeuxMessage): Record<string, unknown> | undefined {
  const ext = message.ext;
  if (typeof ext !== 'object' || ext === null) return undefined;
  const replay = (ext as Record<string, unknown>).replay;
  if (typeof replay !== 'object' || replay === null || Array.isArray(replay)) return undefined;
  return replay as Record<string, unknown>;
}

/** Replay ids are Java longs on the server; a numeric string is accepted as Java would parse it. */
function parseReplayId(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number)) return undefined;
  if (number < -2) return undefined;
  return number;
}
