// `/__emulator/…`: inspection and fault control over HTTP, for scripts and the demo. Not part
// of the Salesforce API: no session needed, not counted, never faulted.
import type { FastifyInstance } from 'fastify';
import type { ControllableClock } from '../core/clock.ts';
import type { ServerContext } from '../rest/context.ts';
import type { StreamingHandle } from '../streaming/deps.ts';
import type { FaultsHandle, InspectHandle } from './emulatorHandles.ts';
import type { FaultSpec } from './faults.ts';

interface ControlDeps {
  ctx: ServerContext;
  inspect: InspectHandle;
  faults: FaultsHandle;
  clock: ControllableClock;
  streaming: () => StreamingHandle | undefined;
}

export function registerControlRoutes(
  app: FastifyInstance,
  { ctx, inspect, faults, clock, streaming }: ControlDeps,
): void {
  const base = '/__emulator';
  const bad = (message: string) => ({ error: message });

  app.get(base, async () => ({
    url: ctx.baseUrl(),
    apiVersion: ctx.apiVersion,
    orgId: ctx.org.orgId,
    integrationUserId: ctx.integrationUserId,
    now: new Date(clock.now()).toISOString(),
    clockFactor: clock.factor(),
    streamingClients: streaming()?.clientCount() ?? null,
  }));

  app.get(`${base}/records/:object`, async (request, reply) => {
    const { object } = request.params as { object: string };
    const includeDeleted = (request.query as { includeDeleted?: string }).includeDeleted === 'true';
    try {
      return inspect.records(object, { includeDeleted });
    } catch (error) {
      return reply.status(404).send(bad((error as Error).message));
    }
  });
  app.get(
    `${base}/record/:id`,
    async (request, reply) =>
      inspect.record((request.params as { id: string }).id) ?? reply.status(404).send(bad('not found')),
  );
  app.get(`${base}/emails`, async () => inspect.emails());
  app.get(`${base}/platform-events`, async () => inspect.platformEvents());
  app.get(`${base}/api-calls`, async () => inspect.apiCalls());
  app.get(`${base}/api-calls/recent`, async () => inspect.recentApiCalls());
  app.post(`${base}/api-calls/reset`, async () => {
    inspect.resetApiCalls();
    return inspect.apiCalls();
  });

  app.get(`${base}/clock`, async () => ({
    now: new Date(clock.now()).toISOString(),
    epochMs: clock.now(),
    factor: clock.factor(),
  }));
  app.post(`${base}/clock`, async (request, reply) => {
    const body = (request.body ?? {}) as {
      advanceMs?: number;
      advance?: string;
      set?: string;
      factor?: number;
    };
    if (body.advanceMs !== undefined) clock.advance(Number(body.advanceMs));
    if (body.advance !== undefined) {
      const ms = parseDuration(body.advance);
      if (ms === undefined)
        return reply.status(400).send(bad(`advance: expected e.g. 90s, 15m, 2h, 3d; got ${body.advance}`));
      clock.advance(ms);
    }
    if (body.set !== undefined) clock.set(Date.parse(body.set));
    if (body.factor !== undefined) clock.setFactor(Number(body.factor));
    return { now: new Date(clock.now()).toISOString(), epochMs: clock.now(), factor: clock.factor() };
  });

  app.get(`${base}/faults`, async () => faults.list());
  app.post(`${base}/faults`, async (request) => faults.add(request.body as FaultSpec));
  app.delete(`${base}/faults`, async () => {
    faults.clear();
    return [];
  });
  app.delete(`${base}/faults/:id`, async (request) => {
    faults.remove(Number((request.params as { id: string }).id));
    return faults.list();
  });
  app.post(`${base}/tokens/revoke`, async (request) => ({
    revoked: faults.revokeTokens((request.body as { token?: string } | undefined)?.token),
  }));
  app.post(`${base}/tokens/expire`, async () => ({ expired: faults.expireTokens() }));
  app.post(`${base}/tokens/lifetime`, async (request) => {
    faults.setTokenLifetime(Number((request.body as { ms: number }).ms));
    return { lifetimeMs: ctx.sessions.lifetimeMs };
  });
  app.post(`${base}/limits/exhaust`, async () => {
    faults.exhaustDailyApiLimit();
    return inspect.apiCalls();
  });
  app.post(`${base}/limits`, async (request) => {
    const body = request.body as { dailyApiRequests: number; usedToday?: number };
    faults.setDailyApiLimit(Number(body.dailyApiRequests), body.usedToday);
    return inspect.apiCalls();
  });
  app.post(`${base}/streaming/drop-clients`, async () => {
    faults.dropStreamingClients();
    return { clients: streaming()?.clientCount() ?? null };
  });
  app.post(`${base}/streaming/restart`, async () => {
    faults.restartStreaming();
    return { clients: streaming()?.clientCount() ?? null };
  });
  app.post(`${base}/oauth/refresh-token`, async (request, reply) => {
    const username =
      (request.body as { username?: string } | undefined)?.username ?? ctx.credentials.username;
    const user = ctx.org.store
      .all('User')
      .find((u) => String(u.Username).toLowerCase() === username.toLowerCase());
    if (!user) return reply.status(404).send(bad(`no user ${username}`));
    return { refresh_token: ctx.sessions.issueRefreshToken(user.Id, ctx.credentials.clientId) };
  });
}

function parseDuration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(text.trim());
  if (!match) return undefined;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as 'ms'];
  return Number(match[1]) * unit;
}
