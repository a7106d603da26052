// The one-click unsubscribe endpoint over real HTTP, as a mail provider and a person use it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signUnsubscribeToken } from '../../src/domain/compose/index.ts';
import { createUnsubscribeRoute, type UnsubscribePort } from '../../src/http/unsubscribeRoute.ts';

const secret = 'unsubscribe-route-secret-0123';
const claims = {
  personId: '003000000000001',
  campaignId: 'a01000000000001',
  enrollmentId: 'a02000000000001',
};
const token = signUnsubscribeToken(claims, secret);

let server: Server;
let base: string;
let optOuts: string[][];
let failing: boolean;

beforeEach(async () => {
  optOuts = [];
  failing = false;
  const port: UnsubscribePort = {
    async optOut(...ids) {
      if (failing) throw new Error('org unreachable');
      optOuts.push(ids);
    },
  };
  const route = createUnsubscribeRoute({ port, secrets: ['rotated-new-secret-0123', secret] });
  server = createServer(async (req, res) => {
    if (!(await route(req, res))) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('other route');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const oneClick = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: 'List-Unsubscribe=One-Click',
  });

describe('one-click unsubscribe endpoint', () => {
  it('opts the person out on the RFC 8058 POST', async () => {
    const res = await oneClick(`/u/${token}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('You are unsubscribed');
    expect(optOuts).toEqual([[claims.personId, claims.campaignId, claims.enrollmentId]]);
  });

  it('ignores cookies: the token alone decides', async () => {
    const res = await oneClick(`/u/${token}`, { cookie: 'session=someone-else' });
    expect(res.status).toBe(200);
    expect(optOuts).toHaveLength(1);
  });

  it('shows a confirmation page on GET without opting out (link scanners fetch URLs)', async () => {
    const res = await fetch(`${base}/u/${token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('<form method="post">');
    expect(html).toContain('<input type="hidden" name="List-Unsubscribe" value="One-Click">');
    expect(html).toContain('<input type="hidden" name="confirm" value="1">');
    expect(html).not.toContain('<script');
    expect(optOuts).toEqual([]);
  });

  it('and the page’s button opts out, then redirects to a GET that only says so', async () => {
    const res = await fetch(`${base}/u/${token}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: base,
        referer: `${base}/u/${token}`,
      },
      body: 'List-Unsubscribe=One-Click&confirm=1',
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get('location')!, `${base}/u/${token}`).href;
    expect(location).toBe(`${base}/u/${token}?done=1`);
    expect(optOuts).toHaveLength(1);

    const done = await fetch(location);
    expect(done.status).toBe(200);
    expect(done.headers.get('cache-control')).toBe('no-store');
    const html = await done.text();
    expect(html).toContain('You are unsubscribed');
    expect(html).not.toContain('<form');
    expect(optOuts).toHaveLength(1); // the GET, fetched any number of times, calls nothing
    await fetch(location);
    expect(optOuts).toHaveLength(1);
  });

  it('keeps the redirect relative to the token, whatever the path prefix', async () => {
    const route = createUnsubscribeRoute({
      port: { optOut: async () => {} },
      secrets: [secret],
      pathPrefix: '/mail/u/',
    });
    const other = createServer(async (req, res) => void (await route(req, res)));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const otherBase = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
      const res = await fetch(`${otherBase}/mail/u/${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'confirm=1',
        redirect: 'manual',
      });
      expect(res.status).toBe(303);
      expect(new URL(res.headers.get('location')!, `${otherBase}/mail/u/${token}`).pathname).toBe(
        `/mail/u/${token}`,
      );
    } finally {
      other.closeAllConnections();
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  });

  it.each([
    ['another person', token.replace(claims.personId, '003000000000002')],
    ['a truncated signature', token.slice(0, -3)],
    ['garbage', 'abc'],
    ['nothing', ''],
  ])('refuses a token for %s', async (_name, bad) => {
    const post = await oneClick(`/u/${bad}`);
    expect(post.status).toBe(404);
    expect(await post.text()).toContain('This link is not valid');
    expect((await fetch(`${base}/u/${bad}`)).status).toBe(404);
    expect((await fetch(`${base}/u/${bad}?done=1`)).status).toBe(404);
    expect(optOuts).toEqual([]);
  });

  it('answers 503 with Retry-After when the org cannot record it', async () => {
    failing = true;
    const res = await oneClick(`/u/${token}`);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('60');
  });

  it('refuses other methods', async () => {
    const res = await fetch(`${base}/u/${token}`, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, POST');
    expect(optOuts).toEqual([]);
  });

  it('leaves other paths to other routes', async () => {
    expect(await (await fetch(`${base}/healthz`)).text()).toBe('other route');
  });
});
