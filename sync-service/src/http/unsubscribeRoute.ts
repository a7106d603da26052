// The one-click unsubscribe endpoint (RFC 8058) behind the List-Unsubscribe URL of every email.
//   POST /u/<token>  — what Gmail, Yahoo and Apple Mail send for "Unsubscribe"
//                      (body List-Unsubscribe=One-Click, no cookies): the person is opted out,
//                      and the answer is a plain 200 page.
//   GET  /u/<token>  — a person following the link: a confirmation page whose button POSTs.
//                      GET never opts out, because link scanners and previewers fetch URLs.
//   The page's own form adds confirm=1: that POST opts out too, then answers 303 See Other to
//   GET /u/<token>?done=1 (POST/Redirect/GET), so a reload or Back never resubmits the form.
//   done=1 only changes the page's words; it calls nothing, so a prefetched URL is harmless.
// The token is the only authority (unsubscribeToken.ts): a forged or altered one is refused.
// A plain node:http handler; the service mounts it as a route of its HTTP server and wires
// the port to the org (HasOptedOutOfEmail = true, the enrollment ended as Unsubscribed).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { verifyUnsubscribeToken } from '../domain/compose/index.ts';
import { silentLogger, type MailLogger } from '../mail/mailLogger.ts';
import { confirmationPage, invalidLinkPage, tryAgainPage, unsubscribedPage } from './unsubscribePage.ts';

export interface UnsubscribePort {
  /** Idempotent: opting out a person twice is not an error. */
  optOut(personId: string, campaignId: string, enrollmentId: string): Promise<void>;
}

export interface UnsubscribeRouteOptions {
  readonly port: UnsubscribePort;
  /** Secrets that verify tokens; the first is the one that signs (rotation). */
  readonly secrets: readonly string[];
  /** Path prefix, matching the configured base URL's path. */
  readonly pathPrefix?: string | undefined;
  readonly logger?: MailLogger | undefined;
}

/** A body is read only to be discarded; nothing legitimate is larger. */
const MAX_BODY_BYTES = 8 * 1024;

const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
};

function reply(res: ServerResponse, status: number, html: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...HEADERS, ...extra });
  res.end(html);
}

/** The urlencoded body, or null when it is larger than anything legitimate. */
async function readForm(req: IncomingMessage): Promise<URLSearchParams | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** Returns a route: true when it handled the request, false when the path is not its own. */
export function createUnsubscribeRoute(
  options: UnsubscribeRouteOptions,
): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const prefix = options.pathPrefix ?? '/u/';
  const log = (options.logger ?? silentLogger).child({ component: 'unsubscribe' });
  return async (req, res) => {
    const [path = '/', query = ''] = (req.url ?? '/').split('?', 2);
    if (!path.startsWith(prefix)) return false;
    const token = path.slice(prefix.length);
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'POST') {
      reply(res, 405, invalidLinkPage(), { allow: 'GET, POST' });
      return true;
    }
    // Cookies are never read: RFC 8058 POSTs carry none, and the token alone decides.
    const claims = verifyUnsubscribeToken(token, options.secrets);
    if (claims === null) {
      if (req.method === 'POST') await readForm(req);
      log.warn({ method: req.method }, 'unsubscribe with an invalid token');
      reply(res, 404, invalidLinkPage());
      return true;
    }
    if (req.method !== 'POST') {
      const done = new URLSearchParams(query).get('done') === '1';
      reply(res, 200, req.method === 'HEAD' ? '' : done ? unsubscribedPage() : confirmationPage());
      return true;
    }
    const form = await readForm(req);
    if (form === null) {
      reply(res, 413, invalidLinkPage());
      return true;
    }
    try {
      await options.port.optOut(claims.personId, claims.campaignId, claims.enrollmentId);
    } catch (error) {
      log.error({ enrollmentId: claims.enrollmentId, err: (error as Error).message }, 'opt-out failed');
      reply(res, 503, tryAgainPage(), { 'retry-after': '60' });
      return true;
    }
    log.info(
      { personId: claims.personId, campaignId: claims.campaignId, enrollmentId: claims.enrollmentId },
      'opted out',
    );
    if (form.get('confirm') === '1') {
      // Relative to /…/<token>, so it holds behind a proxy that rewrites the path prefix.
      reply(res, 303, '', { location: `./${token}?done=1` });
      return true;
    }
    reply(res, 200, unsubscribedPage());
    return true;
  };
}
