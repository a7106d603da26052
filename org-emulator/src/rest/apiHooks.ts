// The gate every `/services/data` call passes: authentication (401 INVALID_SESSION_ID), the
// daily API limit (403 REQUEST_LIMIT_EXCEEDED), injected faults, call counting, and the
// `Sforce-Limit-Info` header on the way out.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ActiveFault } from '../control/faults.ts';
import type { ServerContext } from './context.ts';
import { clientNameOf } from './requestContext.ts';

const API_PREFIX = /^\/services\/data\/v\d+\.\d+\/?/;

/** The route a call is counted under: `GET sobjects/:sobject/:id`, `POST composite`. */
export function routeKey(request: FastifyRequest): string {
  const pattern = request.routeOptions.url ?? request.url.split('?')[0]!;
  return `${request.method} ${pattern.replace(/^\/services\/data\/v:version\/?/, '').replace(API_PREFIX, '') || '/'}`;
}

function sendError(reply: FastifyReply, status: number, errorCode: string, message: string): FastifyReply {
  return reply.status(status).send([{ message, errorCode }]);
}

export function registerApiHooks(app: FastifyInstance, ctx: ServerContext): void {
  app.decorateRequest('session', null);
  app.decorateRequest('clientName', '');
  app.decorateRequest('internal', false);
  app.decorateRequest('lockRows', false);
  app.decorateRequest('counted', false);

  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0]!;
    const isApi = API_PREFIX.test(path);
    if (!isApi) return;
    request.internal = request.headers['x-emulator-internal'] === ctx.internalSecret;
    request.clientName = clientNameOf(request.headers['sforce-call-options']);
    const authorization = request.headers.authorization ?? '';
    const token = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(authorization)?.[1]?.trim();
    request.session = token ? ctx.sessions.verify(token) : null;
    if (!request.session) return sendError(reply, 401, 'INVALID_SESSION_ID', 'Session expired or invalid');
    if (request.internal) {
      request.lockRows = request.headers['x-emulator-lock-rows'] === '1';
      return;
    }

    const fired = ctx.faults.pick(request.method, path.replace(API_PREFIX, ''));
    for (const fault of fired.filter((f) => f.kind === 'LATENCY')) {
      await new Promise((resolve) => setTimeout(resolve, fault.latencyMs ?? 1000));
    }
    if (ctx.usage.exhausted() || fired.some((f) => f.kind === 'REQUEST_LIMIT_EXCEEDED')) {
      return sendError(reply, 403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
    }
    ctx.usage.record(routeKey(request), request.clientName);
    request.counted = true;
    request.lockRows = fired.some((f) => f.kind === 'UNABLE_TO_LOCK_ROW' && f.perRecord);
    const failure = fired.find(
      (f) => f.kind !== 'LATENCY' && !(f.kind === 'UNABLE_TO_LOCK_ROW' && f.perRecord),
    );
    if (failure) return answerFault(reply, failure);
  });

  app.addHook('onResponse', async (request, reply) => {
    if (!request.counted) return;
    ctx.usage.log({
      at: new Date(ctx.org.clock.now()).toISOString(),
      method: request.method,
      url: request.url,
      route: routeKey(request),
      client: request.clientName,
      status: reply.statusCode,
    });
  });

  app.addHook('onSend', async (request, reply) => {
    if (API_PREFIX.test(request.url) && !request.internal)
      reply.header('Sforce-Limit-Info', ctx.usage.header());
  });
}

function answerFault(reply: FastifyReply, fault: ActiveFault): FastifyReply {
  switch (fault.kind) {
    case 'UNABLE_TO_LOCK_ROW':
      return reply.status(400).send([
        {
          message: 'unable to obtain exclusive access to this record or 1 records',
          errorCode: 'UNABLE_TO_LOCK_ROW',
          fields: [],
        },
      ]);
    case 'INVALID_SESSION_ID':
      return sendError(reply, 401, 'INVALID_SESSION_ID', 'Session expired or invalid');
    case 'SERVER_ERROR': {
      const status = fault.status ?? 503;
      if (status === 500) {
        return sendError(
          reply,
          500,
          'UNKNOWN_EXCEPTION',
          'An unexpected error occurred. Please include this ErrorId if you contact support: 1234567890-12345 (-1234567890)',
        );
      }
      return reply.status(status).type('text/html').send('<html><body>Service Unavailable</body></html>');
    }
    default:
      return sendError(reply, 400, fault.kind, fault.kind);
  }
}
