// The CometD server's memory of its clients: who handshook, what they subscribed to, the messages
// waiting for their next /meta/connect, and the connect currently held open. A client that does
// not come back within the reconnect timeout after a reply (40 s on Salesforce) is forgotten, and
// its next request is answered `403::Unknown client` — the same thing a dropped client or a server
// restart produces.
import { randomBytes } from 'node:crypto';

export interface BayeuxMessage {
  channel: string;
  id?: string;
  clientId?: string;
  [field: string]: unknown;
}

interface HeldConnect {
  timer: NodeJS.Timeout;
  release: (outcome: 'deliver' | 'forgotten') => void;
}

export interface ClientSession {
  readonly clientId: string;
  readonly userId: string;
  readonly subscriptions: Set<string>;
  /** Event messages not yet handed to a /meta/connect. */
  queue: BayeuxMessage[];
  /** Salesforce answers a client's first /meta/connect at once, with the advice. */
  hasConnected: boolean;
  held?: HeldConnect;
  expiry?: NodeJS.Timeout;
  flushScheduled?: boolean;
}

export type HeldAnswer = 'unknown-client' | 'end-poll';

export type HoldOutcome = { outcome: 'deliver'; messages: BayeuxMessage[] } | { outcome: 'forgotten' };

export interface ClientSessions {
  create(userId: string): ClientSession;
  get(clientId: string | undefined): ClientSession | undefined;
  /** Forget a client (disconnect, revoked session, expiry, drop, restart). A held connect is
   * answered at once: with `403::Unknown client` ('unknown-client'), or as if its poll ended
   * normally ('end-poll'), so that the client learns it is unknown on its next connect. */
  forget(clientId: string, held?: HeldAnswer): void;
  forgetAll(held: HeldAnswer): void;
  count(): number;
  /** The client sent something: it is alive, stop its expiry countdown. */
  touch(session: ClientSession): void;
  /** A reply went out and no connect is held: start counting towards expiry. */
  idle(session: ClientSession): void;
  /** Queues event messages for every client subscribed to one of the channels. */
  deliver(channels: string[], messageFor: (channel: string) => BayeuxMessage): void;
  queueFor(session: ClientSession, messages: BayeuxMessage[]): void;
  /** Holds a /meta/connect until there is something to deliver or the timeout passes. */
  hold(session: ClientSession, timeoutMs: number, onAbort: (abort: () => void) => void): Promise<HoldOutcome>;
}

export function createClientSessions(clientTimeoutMs: number): ClientSessions {
  const sessions = new Map<string, ClientSession>();

  const takeQueue = (session: ClientSession) => {
    const messages = session.queue;
    session.queue = [];
    return messages;
  };

  const scheduleFlush = (session: ClientSession) => {
    if (!session.held || session.flushScheduled) return;
    session.flushScheduled = true;
    // Wait a tick so that every change of one transaction leaves in the same response.
    setImmediate(() => {
      session.flushScheduled = false;
      session.held?.release('deliver');
    });
  };

  const forget = (clientId: string, held: HeldAnswer = 'unknown-client') => {
    const session = sessions.get(clientId);
    if (!session) return;
    sessions.delete(clientId);
    if (session.expiry) clearTimeout(session.expiry);
    session.held?.release(held === 'end-poll' ? 'deliver' : 'forgotten');
  };

  return {
    create(userId) {
      // Salesforce client ids are ~28 lowercase base-36 characters.
      const clientId = BigInt(`0x${randomBytes(18).toString('hex')}`)
        .toString(36)
        .slice(0, 28);
      const session: ClientSession = {
        clientId,
        userId,
        subscriptions: new Set(),
        queue: [],
        hasConnected: false,
      };
      sessions.set(clientId, session);
      return session;
    },
    get: (clientId) => (clientId === undefined ? undefined : sessions.get(clientId)),
    forget,
    forgetAll(held) {
      for (const clientId of [...sessions.keys()]) forget(clientId, held);
    },
    count: () => sessions.size,
    touch(session) {
      if (session.expiry) clearTimeout(session.expiry);
      session.expiry = undefined;
    },
    idle(session) {
      if (session.held || !sessions.has(session.clientId)) return;
      if (session.expiry) clearTimeout(session.expiry);
      session.expiry = setTimeout(() => forget(session.clientId), clientTimeoutMs);
      session.expiry.unref();
    },
    deliver(channels, messageFor) {
      for (const session of sessions.values()) {
        const matching = channels.filter((channel) => session.subscriptions.has(channel));
        if (matching.length === 0) continue;
        session.queue.push(...matching.map(messageFor));
        scheduleFlush(session);
      }
    },
    queueFor(session, messages) {
      if (messages.length === 0) return;
      session.queue.push(...messages);
      scheduleFlush(session);
    },
    hold(session, timeoutMs, onAbort) {
      // A newer connect supersedes one still held (the client gave up on it).
      session.held?.release('deliver');
      if (session.queue.length > 0) {
        return Promise.resolve({ outcome: 'deliver', messages: takeQueue(session) });
      }
      return new Promise<HoldOutcome>((resolve) => {
        const held: HeldConnect = {
          timer: setTimeout(() => held.release('deliver'), timeoutMs),
          release(outcome) {
            clearTimeout(held.timer);
            if (session.held === held) session.held = undefined;
            resolve(outcome === 'forgotten' ? { outcome } : { outcome, messages: takeQueue(session) });
          },
        };
        session.held = held;
        // The HTTP request went away: stop holding, keep the queue for the next connect.
        onAbort(() => {
          if (session.held !== held) return;
          clearTimeout(held.timer);
          session.held = undefined;
          resolve({ outcome: 'deliver', messages: [] });
        });
      });
    },
  };
}
