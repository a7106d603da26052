// Starts an emulator for a test file and hands out real jsforce connections to it.
import jsforce, { type Connection } from 'jsforce';
import { type OrgEmulator, type OrgEmulatorOptions, startOrgEmulator } from '../../src/index.ts';

export async function startTestOrg(options: OrgEmulatorOptions = {}): Promise<OrgEmulator> {
  return startOrgEmulator({ clock: { start: '2026-05-04T08:00:00Z', factor: 1 }, ...options });
}

export function connectionFor(org: OrgEmulator, extra: Record<string, unknown> = {}): Connection {
  return new jsforce.Connection({
    oauth2: { loginUrl: org.url, clientId: org.clientId, clientSecret: org.clientSecret },
    loginUrl: org.url,
    version: org.apiVersion,
    ...extra,
  });
}

export async function login(org: OrgEmulator, extra: Record<string, unknown> = {}): Promise<Connection> {
  const conn = connectionFor(org, extra);
  await conn.login(org.username, org.password);
  return conn;
}

/** Raw HTTP with a fresh password-grant token, for wire-shape checks. */
export async function rawToken(org: OrgEmulator): Promise<string> {
  const response = await fetch(`${org.url}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: org.clientId,
      client_secret: org.clientSecret,
      username: org.username,
      password: org.password,
    }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

export async function api(
  org: OrgEmulator,
  token: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${org.url}/services/data/v${org.apiVersion}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: response.status, headers: response.headers, body: json as any };
}
