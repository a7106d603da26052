// The Streaming API's entry point: the REST side calls `registerStreamingRoutes(app, deps)` once,
// before the app listens, and exposes the returned handle's fault hooks on its control endpoints.
// Change events and platform events reach subscribers through the change feed only; the REST
// side never calls into streaming directly.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RegisterStreamingRoutes, StreamingHandle } from './deps.ts';
import { createChannelCatalog } from './channels.ts';
import { createEventStore } from './eventStore.ts';
import { createClientSessions } from './clientSessions.ts';
import { createEventPublisher } from './eventPublisher.ts';
import { createBayeuxHandler } from './bayeuxServer.ts';
import { apiVersionMandatory, unsupportedApiVersion } from './bayeuxErrors.ts';

export type { StreamingDeps, StreamingHandle, RegisterStreamingRoutes } from './deps.ts';

/** Salesforce holds /meta/connect for 110 s and forgets a client 40 s after its last reply. */
export const SALESFORCE_LONG_POLL_TIMEOUT_MS = 110_000;
export const SALESFORCE_CLIENT_TIMEOUT_MS = 40_000;
const OLDEST_STREAMING_API_VERSION = 37;

export const registerStreamingRoutes: RegisterStreamingRoutes = (app, deps) => {
  const catalog = createChannelCatalog(deps);
  const store = createEventStore(deps.clock, deps.retentionMs);
  const sessions = createClientSessions(deps.clientTimeoutMs ?? SALESFORCE_CLIENT_TIMEOUT_MS);
  const publisher = createEventPublisher({
    apiVersion: deps.apiVersion,
    catalog,
    store,
    sessions,
  });
  const stopListening = [
    deps.feed.onChange(publisher.publishChange),
    deps.feed.onEvent(publisher.publishEvent),
  ];

  const handleBayeux = createBayeuxHandler({
    catalog,
    store,
    sessions,
    longPollTimeoutMs: deps.longPollTimeoutMs ?? SALESFORCE_LONG_POLL_TIMEOUT_MS,
    verifyAccessToken: (token) => deps.verifyAccessToken(token),
  });

  const versioned = async (request: FastifyRequest<{ Params: { version: string } }>, reply: FastifyReply) => {
    const version = Number(request.params.version);
    if (!/^\d+\.\d$/.test(request.params.version) || version < OLDEST_STREAMING_API_VERSION) {
      return refuseAll(request, reply, unsupportedApiVersion(deps.apiVersion));
    }
    return handleBayeux(request, reply);
  };
  app.post('/cometd/:version', versioned);
  // CometD's JavaScript client appends the message type to the URL unless told not to.
  app.post('/cometd/:version/*', versioned);
  app.post('/cometd', (request, reply) => refuseAll(request, reply, apiVersionMandatory(deps.apiVersion)));

  let closed = false;
  const handle: StreamingHandle = {
    dropClients: () => sessions.forgetAll('unknown-client'),
    // A restarted server ends the polls in flight and knows no client afterwards: the next
    // connect of every client is answered `403::Unknown client`. Retained events survive.
    restart: () => sessions.forgetAll('end-poll'),
    clientCount: () => sessions.count(),
    async close() {
      if (closed) return;
      closed = true;
      for (const stop of stopListening) stop();
      sessions.forgetAll('end-poll');
    },
  };
  // Held long polls would keep the server from closing for up to 110 s.
  app.addHook('preClose', async () => handle.close());
  return handle;
};

function refuseAll(request: FastifyRequest, reply: FastifyReply, error: string) {
  const body = Array.isArray(request.body) ? request.body : [request.body];
  const replies = body.map((message: unknown) => {
    const { channel, id } = (message ?? {}) as { channel?: unknown; id?: unknown };
    return { channel, ...(id === undefined ? {} : { id }), error, successful: false };
  });
  return reply.code(400).header('content-type', 'application/json;charset=UTF-8').send(replies);
}
