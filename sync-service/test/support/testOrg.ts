// A real org emulator over HTTP for service tests, on a frozen clock the test moves, plus a
// jsforce connection that plays the screens and the rep (creating campaigns, adding people,
// completing tasks) without the service's client name, so its writes are not "own" writes.
import { Connection } from 'jsforce';
import pino from 'pino';
import { startOrgEmulator, type OrgEmulator } from 'org-emulator';
import type { ServiceConfig } from '../../src/config/index.ts';
import { DEFAULTS } from '../../src/config/index.ts';
import type { Clock } from '../../src/app/ports/clock.ts';

export interface TestOrg {
  emulator: OrgEmulator;
  /** The screens / a rep, over REST. */
  screen: Connection;
  /** The service's org configuration (client credentials grant). */
  orgConfig: ServiceConfig['org'];
  /** The emulator's clock as the service's clock; sleeps take a real millisecond. */
  clock: Clock;
  stop(): Promise<void>;
}

export const quietLogger = () => pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

export async function startTestOrg(options: {
  start: string;
  retentionMs?: number;
  tokenLifetimeMs?: number;
  /** SPKI public key (or certificate) PEM of the connected app, for the JWT bearer grant. */
  jwtCertificate?: string;
}): Promise<TestOrg> {
  const emulator = await startOrgEmulator({
    ...(options.jwtCertificate ? { jwtCertificate: options.jwtCertificate } : {}),
    clock: { start: options.start, factor: 0 },
    streamingLongPollMs: 300,
    ...(options.retentionMs ? { retentionMs: options.retentionMs } : {}),
    ...(options.tokenLifetimeMs ? { tokenLifetimeMs: options.tokenLifetimeMs } : {}),
  });
  const screen = new Connection({
    loginUrl: emulator.url,
    version: emulator.apiVersion,
    oauth2: { loginUrl: emulator.url, clientId: emulator.clientId, clientSecret: emulator.clientSecret },
  });
  await screen.login(emulator.username, emulator.password);
  return {
    emulator,
    screen,
    orgConfig: {
      loginUrl: emulator.url,
      apiVersion: emulator.apiVersion,
      clientName: DEFAULTS.clientName,
      auth: { kind: 'client_credentials', clientId: emulator.clientId, clientSecret: emulator.clientSecret },
    },
    clock: {
      now: () => emulator.clock.now(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 2))),
    },
    stop: () => emulator.stop(),
  };
}
