// The unsubscribe route on a real node:http server at 127.0.0.1, with a port that records every
// opt-out, for the browser test and the screenshot script.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signUnsubscribeToken } from '../../src/domain/compose/index.ts';
import { createUnsubscribeRoute, type UnsubscribePort } from '../../src/http/unsubscribeRoute.ts';

export const secret = 'browser-unsubscribe-secret-0123';
export const claims = {
  personId: '003000000000001',
  campaignId: 'a01000000000001',
  enrollmentId: 'a02000000000001',
} as const;

export interface UnsubscribeServer {
  /** The link an email carries in List-Unsubscribe and its footer. */
  readonly link: string;
  readonly base: string;
  /** Every optOut call, in order: [personId, campaignId, enrollmentId]. */
  readonly optOuts: string[][];
  /** Every request the server answered: "METHOD status". */
  readonly requests: string[];
  /** While true, optOut fails as an unreachable org would. */
  failing: boolean;
  close(): Promise<void>;
}

export async function startUnsubscribeServer(): Promise<UnsubscribeServer> {
  const optOuts: string[][] = [];
  const requests: string[] = [];
  const port: UnsubscribePort = {
    async optOut(...ids) {
      if (started.failing) throw new Error('org unreachable');
      optOuts.push(ids);
    },
  };
  const route = createUnsubscribeRoute({ port, secrets: [secret], pathPrefix: '/u/' });
  const server = createServer(async (req, res) => {
    res.on('finish', () => requests.push(`${req.method} ${res.statusCode}`));
    if (!(await route(req, res))) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const started: UnsubscribeServer = {
    link: `${base}/u/${signUnsubscribeToken(claims, secret)}`,
    base,
    optOuts,
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    failing: false,
  };
  return started;
}
