// The service's HTTP door on node:http: /healthz (the process is up), /readyz (store and org
// reachable, stream subscribed when this instance holds it), /metrics (Prometheus). Other
// modules (one-click unsubscribe) add their routes through `routes`.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { SyncMetrics } from '../app/syncMetrics.ts';
import { prometheusText } from './prometheusText.ts';

/** Handles the request and returns true, or returns false to let the next route try. */
export type HttpRoute = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

export interface Readiness {
  ready: boolean;
  checks: Record<string, boolean | string>;
}

export interface HttpServerOptions {
  host: string;
  port: number;
  logger: Logger;
  metrics: SyncMetrics;
  readiness: () => Promise<Readiness> | Readiness;
  routes?: HttpRoute[];
  /** More Prometheus lines appended to /metrics (the dispatcher's). */
  extraMetrics?: () => string;
}

export interface RunningHttpServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const log = options.logger.child({ component: 'http' });
  const server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    try {
      if (req.method === 'GET' && path === '/healthz')
        return send(res, 200, 'application/json', '{"status":"ok"}');
      if (req.method === 'GET' && path === '/readyz') {
        const readiness = await options.readiness();
        return send(res, readiness.ready ? 200 : 503, 'application/json', JSON.stringify(readiness));
      }
      if (req.method === 'GET' && path === '/metrics') {
        return send(
          res,
          200,
          'text/plain; version=0.0.4; charset=utf-8',
          prometheusText(options.metrics) + (options.extraMetrics?.() ?? ''),
        );
      }
      for (const route of options.routes ?? []) if (await route(req, res)) return;
      send(res, 404, 'application/json', '{"error":"not found"}');
    } catch (error) {
      log.error({ path, error: (error as Error).message }, 'request failed');
      if (!res.headersSent) send(res, 500, 'application/json', '{"error":"internal error"}');
      else res.end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `HTTP port ${options.port} on ${options.host} is in use: set PORT (or --port) to a free port, or 0 for any`,
            )
          : error,
      ),
    );
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`;
  log.info({ url }, 'http listening');
  return {
    url,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
