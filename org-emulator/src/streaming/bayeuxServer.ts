// The Bayeux long-polling endpoint (`POST /cometd/<version>`) as Salesforce's CometD server
// answers it: a batch of messages in, their replies out; /meta/connect held open until events
// arrive or the advised timeout passes. Every request is authenticated by its
// `Authorization: OAuth <token>` (or Bearer) header, and after the handshake the client must send
// back the BAYEUX_BROWSER cookie it was given.
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticatedSession } from './deps.ts';
import type { BayeuxMessage, ClientSession } from './clientSessions.ts';
import { subscribe, unsubscribe, type SubscriptionContext } from './subscription.ts';
import * as errors from './bayeuxErrors.ts';

export interface BayeuxServerContext extends SubscriptionContext {
  longPollTimeoutMs: number;
  verifyAccessToken(token: string): AuthenticatedSession | null;
}

const BROWSER_COOKIE = 'BAYEUX_BROWSER';
const META = { handshake: '/meta/handshake', connect: '/meta/connect' } as const;
const SERVER_EXT = { replay: true, 'payload.format': true };

type Auth = { ok: true; session: AuthenticatedSession } | { ok: false; error: string };

export function createBayeuxHandler(context: BayeuxServerContext) {
  const { sessions } = context;

  return async function handleBayeux(request: FastifyRequest, reply: FastifyReply) {
    const messages = toMessages(request.body);
    const auth = authenticate(request.headers.authorization, context);
    const hasBrowserCookie = readCookie(request.headers.cookie, BROWSER_COOKIE) !== undefined;
    const replies: BayeuxMessage[] = [];
    let connect: BayeuxMessage | undefined;

    for (const message of messages) {
      if (message.channel === META.connect) connect = message;
      else replies.push(answer(message, auth, hasBrowserCookie, reply));
    }
    if (connect) {
      // A connect batched with other messages is not held: their replies must not wait 110 s.
      replies.push(...(await answerConnect(connect, auth, hasBrowserCookie, replies.length === 0, reply)));
    }
    return reply.header('content-type', 'application/json;charset=UTF-8').send(replies);
  };

  function answer(
    message: BayeuxMessage,
    auth: Auth,
    hasCookie: boolean,
    reply: FastifyReply,
  ): BayeuxMessage {
    if (message.channel === META.handshake) return handshake(message, auth, hasCookie, reply);
    const session = sessions.get(message.clientId);
    if (!session) return unknownClient(message);
    sessions.touch(session);
    try {
      if (!auth.ok) return authenticationFailed(session, message, auth.error);
      if (!hasCookie) return refused(session, message, errors.missingBrowserCookie(session.clientId));
      switch (message.channel) {
        case '/meta/subscribe':
          return subscribe(context, session, message);
        case '/meta/unsubscribe':
          return unsubscribe(session, message);
        case '/meta/disconnect':
          sessions.forget(session.clientId, 'end-poll');
          return withId(message, { clientId: session.clientId, channel: message.channel, successful: true });
        default:
          return refused(session, message, errors.PUBLISH_DENIED);
      }
    } finally {
      sessions.idle(session);
    }
  }

  function handshake(
    message: BayeuxMessage,
    auth: Auth,
    hasCookie: boolean,
    reply: FastifyReply,
  ): BayeuxMessage {
    if (!auth.ok) {
      return withId(message, {
        ext: { sfdc: { failureReason: auth.error }, ...SERVER_EXT },
        advice: { reconnect: 'none' },
        channel: META.handshake,
        error: errors.HANDSHAKE_DENIED,
        successful: false,
      });
    }
    const session = sessions.create(auth.session.userId);
    sessions.idle(session);
    if (!hasCookie) {
      reply.header(
        'set-cookie',
        `${BROWSER_COOKIE}=${randomBytes(12).toString('base64url')}; Path=/; HttpOnly`,
      );
    }
    return withId(message, {
      ext: SERVER_EXT,
      minimumVersion: '1.0',
      clientId: session.clientId,
      supportedConnectionTypes: ['long-polling'],
      channel: META.handshake,
      version: '1.0',
      successful: true,
    });
  }

  async function answerConnect(
    message: BayeuxMessage,
    auth: Auth,
    hasCookie: boolean,
    mayHold: boolean,
    reply: FastifyReply,
  ): Promise<BayeuxMessage[]> {
    const session = sessions.get(message.clientId);
    if (!session) return [unknownClient(message)];
    sessions.touch(session);
    const base = withId(message, { clientId: session.clientId, channel: META.connect });
    if (!auth.ok) return [authenticationFailed(session, message, auth.error)];
    if (!hasCookie) {
      sessions.idle(session);
      return [{ ...base, error: errors.missingBrowserCookie(session.clientId), successful: false }];
    }
    if (message.connectionType !== undefined && message.connectionType !== 'long-polling') {
      sessions.idle(session);
      return [{ ...base, error: errors.invalidConnectionType(message.connectionType), successful: false }];
    }
    if (!session.hasConnected || !mayHold) {
      // The first connect after a handshake comes straight back with the advice.
      const advice = session.hasConnected
        ? {}
        : { advice: { interval: 0, timeout: context.longPollTimeoutMs, reconnect: 'retry' } };
      session.hasConnected = true;
      const queued = session.queue;
      session.queue = [];
      sessions.idle(session);
      return [...queued, { ...base, ...advice, successful: true }];
    }
    const held = await sessions.hold(session, context.longPollTimeoutMs, (abort) =>
      reply.raw.once('close', abort),
    );
    if (held.outcome === 'forgotten') return [unknownClient(message)];
    // The session is checked again when the poll ends: a token revoked meanwhile ends the stream.
    const stillValid = authenticate(reply.request.headers.authorization, context);
    if (!stillValid.ok) return [authenticationFailed(session, message, stillValid.error)];
    sessions.idle(session);
    return [...held.messages, { ...base, successful: true }];
  }

  function authenticationFailed(
    session: ClientSession,
    message: BayeuxMessage,
    error: string,
  ): BayeuxMessage {
    sessions.forget(session.clientId);
    const subscription = message.subscription === undefined ? {} : { subscription: message.subscription };
    return withId(message, {
      clientId: session.clientId,
      advice: { reconnect: 'none', interval: 0 },
      channel: message.channel,
      ...subscription,
      error,
      successful: false,
    });
  }
}

function refused(session: ClientSession, message: BayeuxMessage, error: string): BayeuxMessage {
  return withId(message, { clientId: session.clientId, channel: message.channel, error, successful: false });
}

function unknownClient(message: BayeuxMessage): BayeuxMessage {
  const subscription = message.subscription === undefined ? {} : { subscription: message.subscription };
  return withId(message, {
    advice: { interval: 0, reconnect: 'handshake' },
    channel: message.channel,
    ...subscription,
    error: errors.UNKNOWN_CLIENT,
    successful: false,
  });
}

/** Replies echo the request's id, placed as Salesforce places it (after `channel`). */
function withId(message: BayeuxMessage, fields: BayeuxMessage): BayeuxMessage {
  if (message.id === undefined) return fields;
  const { error, successful, ...rest } = fields;
  return {
    ...rest,
    id: message.id,
    ...(error === undefined ? {} : { error }),
    ...(successful === undefined ? {} : { successful }),
  };
}

function authenticate(header: string | undefined, context: BayeuxServerContext): Auth {
  const token = tokenOf(header);
  if (!token) return { ok: false, error: errors.AUTHENTICATION_REQUIRED };
  const session = context.verifyAccessToken(token);
  return session ? { ok: true, session } : { ok: false, error: errors.AUTHENTICATION_INVALID };
}

function tokenOf(header: string | undefined): string | undefined {
  const match = /^(?:OAuth|Bearer)\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

function toMessages(body: unknown): BayeuxMessage[] {
  const list = Array.isArray(body) ? body : [body];
  return list.filter(
    (item): item is BayeuxMessage =>
      typeof item === 'object' && item !== null && typeof (item as BayeuxMessage).channel === 'string',
  );
}
