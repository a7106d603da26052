// The HTTP server: body parsers for JSON, forms and CSV, Salesforce-shaped error answers, the
// API gate, and every route group.
import Fastify, { type FastifyInstance } from 'fastify';
import { SalesforceError } from '../core/errors.ts';
import { registerEmailSimpleRoutes } from './actions/emailSimpleRoutes.ts';
import { registerApiHooks } from './apiHooks.ts';
import { registerBulkRoutes } from './bulk/bulkRoutes.ts';
import { registerCollectionRoutes } from './collections/collectionRoutes.ts';
import { registerCompositeRoutes } from './composite/compositeRoutes.ts';
import { registerTreeRoutes } from './composite/treeRoutes.ts';
import type { ServerContext } from './context.ts';
import { registerLimitsRoutes } from './limits/limitsRoutes.ts';
import { registerOAuthRoutes } from './oauth/oauthRoutes.ts';
import { registerSoapLogin } from './oauth/soapLogin.ts';
import { registerQueryRoutes } from './query/queryRoutes.ts';
import { registerSObjectRoutes } from './sobjects/sobjectRoutes.ts';

export function buildApp(ctx: ServerContext): FastifyInstance {
  const app = Fastify({
    logger: false,
    bodyLimit: 150 * 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  });

  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      done(
        new SalesforceError('JSON_PARSER_ERROR', `Unexpected character in JSON: ${(error as Error).message}`),
        undefined,
      );
    }
  });
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    },
  );
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string' }, (_request, body, done) =>
    done(null, body),
  );

  app.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) => {
    if (error instanceof SalesforceError) return reply.status(error.httpStatus).send(error.toRestBody());
    const status = error.statusCode;
    if (status === 415)
      return reply
        .status(415)
        .send([{ errorCode: 'UNSUPPORTED_MEDIA_TYPE', message: `Content type not supported` }]);
    if (status && status < 500)
      return reply.status(status).send([{ errorCode: 'INVALID_INPUT', message: error.message }]);
    return reply.status(500).send([
      {
        errorCode: 'UNKNOWN_EXCEPTION',
        message: `An unexpected error occurred in the org emulator: ${error.message}`,
      },
    ]);
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.status(404).send([{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]),
  );

  registerApiHooks(app, ctx);
  registerOAuthRoutes(app, ctx);
  registerSoapLogin(app, ctx);
  registerLimitsRoutes(app, ctx);
  registerSObjectRoutes(app, ctx);
  registerQueryRoutes(app, ctx);
  registerCollectionRoutes(app, ctx);
  registerCompositeRoutes(app, ctx);
  registerTreeRoutes(app, ctx);
  registerBulkRoutes(app, ctx);
  registerEmailSimpleRoutes(app, ctx);
  return app;
}
