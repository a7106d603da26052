// One authenticated jsforce Connection to the org: logs in with the configured grant, refreshes
// the session through `refreshFn` (the grants used here return no refresh token), tags every
// REST call with `Sforce-Call-Options: client=<name>` so CDC shows our writes in `changeOrigin`,
// and counts API calls for /metrics and the benchmarks.
import { Connection } from 'jsforce';
import type { Logger } from 'pino';
import type { ServiceConfig } from '../config/index.ts';
import { tokenSourceFor, type TokenSource } from './orgAuth.ts';

export interface OrgSession {
  readonly connection: Connection;
  readonly apiVersion: string;
  readonly clientName: string;
  /** REST calls made so far (queries, writes, describes, bulk job steps). */
  apiCalls(): number;
  /** Called after every re-login, so the streaming client can be rebuilt with the new token. */
  onRefresh(listener: (accessToken: string) => void): () => void;
  /** Forces a new token (used when the streaming server says `401::Authentication invalid`). */
  refresh(): Promise<void>;
  readonly userId: string;
  readonly orgId: string;
}

export async function connectOrg(org: ServiceConfig['org'], logger: Logger): Promise<OrgSession> {
  const log = logger.child({ component: 'org-connection', grant: org.auth.kind });
  const tokens: TokenSource = tokenSourceFor(org.auth, org.loginUrl);
  const first = await tokens.fetchToken();
  const listeners = new Set<(token: string) => void>();

  const connection = new Connection({
    loginUrl: org.loginUrl,
    instanceUrl: first.instance_url,
    accessToken: first.access_token,
    version: org.apiVersion,
    callOptions: { client: org.clientName },
    refreshFn: (_conn, callback) => {
      log.info('session expired, logging in again');
      tokens.fetchToken().then(
        (res) => callback(null, res.access_token, res),
        (error: Error) => {
          log.error({ err: error.message }, 're-login failed');
          callback(error);
        },
      );
    },
  });
  connection.on('refresh', (accessToken: string) => {
    for (const listener of listeners) listener(accessToken);
  });

  // Every REST call goes through the connection's transport: count there, once per HTTP request.
  let calls = 0;
  const transport = (
    connection as unknown as { _transport: { httpRequest: (...args: unknown[]) => unknown } }
  )._transport;
  const send = transport.httpRequest.bind(transport);
  transport.httpRequest = (...args: unknown[]) => {
    calls += 1;
    return send(...args);
  };

  const ids = /\/id\/([^/]+)\/([^/]+)$/.exec(first.id ?? '');
  log.info({ instanceUrl: first.instance_url, userId: ids?.[2] }, 'connected to org');
  return {
    connection,
    apiVersion: org.apiVersion,
    clientName: org.clientName,
    apiCalls: () => calls,
    onRefresh(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async refresh() {
      const res = await tokens.fetchToken();
      connection.accessToken = res.access_token;
      for (const listener of listeners) listener(res.access_token);
    },
    orgId: ids?.[1] ?? '',
    userId: ids?.[2] ?? '',
  };
}
