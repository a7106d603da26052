// The one-click unsubscribe endpoint (RFC 8058) wired to the org: POST <path><token> — what
// mail clients send, no cookies, no confirmation — opts the person out and ends the campaign;
// GET shows a page with one button that POSTs, because link scanners fetch URLs with GET and
// must not unsubscribe anyone. A stand-in until src/mail's handler lands; the token is the
// composer's signed one, verified with the same secrets.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { verifyUnsubscribeToken } from '../domain/compose/index.ts';
import type { Dispatcher } from '../app/dispatch/dispatcher.ts';
import type { HttpRoute } from '../http/httpServer.ts';

const PAGE = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Unsubscribe</title></head><body style="font-family:sans-serif;max-width:32rem;margin:3rem auto">${body}</body></html>`;

export function unsubscribeRoute(options: {
  path: string;
  secrets: string[];
  dispatcher: Dispatcher;
  logger: Logger;
}): HttpRoute {
  const prefix = options.path.endsWith('/') ? options.path : `${options.path}/`;
  const log = options.logger.child({ component: 'unsubscribe' });
  return async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (!path.startsWith(prefix)) return false;
    const token = decodeURIComponent(path.slice(prefix.length));
    const claims = verifyUnsubscribeToken(token, options.secrets);
    const reply = (status: number, body: string) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(PAGE(body));
    };
    if (!claims) {
      log.warn('unsubscribe with an invalid token');
      reply(404, '<p>This unsubscribe link is not valid.</p>');
      return true;
    }
    if (req.method === 'GET') {
      reply(
        200,
        `<p>Stop receiving these emails?</p><form method="post"><button type="submit" name="List-Unsubscribe" value="One-Click">Unsubscribe</button></form>`,
      );
      return true;
    }
    if (req.method !== 'POST') return false;
    req.resume();
    const result = await options.dispatcher.unsubscribe(claims);
    log.info({ enrollmentId: claims.enrollmentId, ...result }, 'one-click unsubscribe');
    reply(
      result.optedOut ? 200 : 500,
      result.optedOut
        ? '<p>You are unsubscribed. You will not receive these emails again.</p>'
        : '<p>Something went wrong; please try again.</p>',
    );
    return true;
  };
}
