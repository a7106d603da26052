// Every OAuth grant the product uses, through jsforce 3.10.16, and the session-expiry behaviour
// that makes jsforce refresh.
import { generateKeyPair, exportSPKI, SignJWT } from 'jose';
import jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgEmulator } from '../../src/index.ts';
import { api, connectionFor, login, startTestOrg } from './harness.ts';

let org: OrgEmulator;
let privateKey: CryptoKey;

beforeAll(async () => {
  const keys = await generateKeyPair('RS256', { extractable: true });
  privateKey = keys.privateKey as CryptoKey;
  org = await startTestOrg({ jwtCertificate: await exportSPKI(keys.publicKey), tokenLifetimeMs: 60_000 });
});
afterAll(() => org.stop());

async function assertion(
  overrides: { sub?: string; iss?: string; aud?: string; expSeconds?: number; key?: CryptoKey } = {},
) {
  const now = Math.floor(org.clock.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'RS256' })
    .setIssuer(overrides.iss ?? org.clientId)
    .setSubject(overrides.sub ?? org.username)
    .setAudience(overrides.aud ?? 'https://login.salesforce.com')
    .setExpirationTime(now + (overrides.expSeconds ?? 180))
    .sign(overrides.key ?? privateKey);
}

describe('OAuth 2.0 token endpoint', () => {
  it('password grant: jsforce logs in and the id URL ends in org id / user id', async () => {
    const conn = connectionFor(org);
    const info = await conn.login(org.username, org.password);
    expect(info.organizationId).toBe(org.orgId);
    expect(info.id).toBe(org.integrationUserId);
    expect(conn.instanceUrl).toBe(org.url);
    const identity = await conn.identity();
    expect(identity.username).toBe(org.username);
  });

  it('password grant: wrong password is invalid_grant, wrong client invalid_client_id', async () => {
    await expect(connectionFor(org).login(org.username, 'nope')).rejects.toThrow(/authentication failure/);
    const bad = new jsforce.Connection({
      oauth2: { loginUrl: org.url, clientId: 'other', clientSecret: 'x' },
      version: org.apiVersion,
    });
    await expect(bad.login(org.username, org.password)).rejects.toThrow(/client identifier invalid/);
  });

  it('client_credentials grant runs as the integration user', async () => {
    const conn = connectionFor(org);
    const info = await conn.authorize({ grant_type: 'client_credentials' });
    expect(info.id).toBe(org.integrationUserId);
    const result = await conn.query<{ Id: string }>('SELECT Id FROM User');
    expect(result.totalSize).toBeGreaterThanOrEqual(2);
  });

  it('JWT bearer grant verifies the signature against the configured key', async () => {
    const conn = connectionFor(org);
    const info = await conn.authorize({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      assertion: await assertion(),
    });
    expect(info.id).toBe(org.integrationUserId);
    expect((await conn.query('SELECT Id FROM Organization')).totalSize).toBe(1);
  });

  it('JWT bearer grant refuses a foreign key, a wrong issuer and an expired assertion', async () => {
    const other = await generateKeyPair('RS256');
    const conn = connectionFor(org);
    const grant = async (jwt: string) =>
      conn.authorize({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: jwt });
    await expect(grant(await assertion({ key: other.privateKey as CryptoKey }))).rejects.toThrow(
      /invalid_grant|invalid assertion/,
    );
    await expect(grant(await assertion({ iss: 'someone-else' }))).rejects.toThrow(/invalid/);
    await expect(grant(await assertion({ expSeconds: -600 }))).rejects.toThrow(/invalid_grant|expired/);
    await expect(grant(await assertion({ sub: 'nobody@example.com' }))).rejects.toThrow(/approved/);
  });

  it('refresh_token grant: jsforce refreshes an expired session by itself', async () => {
    const seed = await login(org);
    const conn = new jsforce.Connection({
      oauth2: { loginUrl: org.url, clientId: org.clientId, clientSecret: org.clientSecret },
      instanceUrl: org.url,
      accessToken: seed.accessToken!,
      refreshToken: org.issueRefreshToken(),
      version: org.apiVersion,
    });
    let refreshed = 0;
    conn.on('refresh', () => (refreshed += 1));
    const before = conn.accessToken;
    org.clock.advance(61_000); // past the 60 s token lifetime
    const result = await conn.query('SELECT Id FROM User');
    expect(result.totalSize).toBeGreaterThan(0);
    expect(refreshed).toBe(1);
    expect(conn.accessToken).not.toBe(before);
  });

  it('an expired password session answers 401 INVALID_SESSION_ID and jsforce logs in again', async () => {
    const conn = await login(org);
    const token = conn.accessToken!;
    org.clock.advance(61_000);
    const raw = await api(org, token, 'GET', '/sobjects');
    expect(raw.status).toBe(401);
    expect(raw.body).toEqual([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    const result = await conn.query('SELECT Id FROM Organization');
    expect(result.totalSize).toBe(1);
    expect(conn.accessToken).not.toBe(token);
  });

  it('SOAP login, which jsforce uses without an OAuth client', async () => {
    const conn = new jsforce.Connection({ loginUrl: org.url, version: org.apiVersion });
    const info = await conn.login(org.username, org.password);
    expect(info).toMatchObject({ id: org.integrationUserId, organizationId: org.orgId });
    expect((await conn.query('SELECT Id FROM Organization')).totalSize).toBe(1);
    await expect(
      new jsforce.Connection({ loginUrl: org.url, version: org.apiVersion }).login(org.username, 'wrong'),
    ).rejects.toThrow(/INVALID_LOGIN/);
  });

  it('token responses carry Salesforce’s fields', async () => {
    const response = await fetch(`${org.url}/services/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: org.clientId,
        client_secret: org.clientSecret,
      }),
    });
    const body = (await response.json()) as Record<string, string>;
    expect(Object.keys(body).sort()).toEqual(
      ['access_token', 'id', 'instance_url', 'issued_at', 'scope', 'signature', 'token_type'].sort(),
    );
    expect(body.id).toBe(`${org.url}/id/${org.orgId}/${org.integrationUserId}`);
    expect(body.access_token!.startsWith(org.orgId.slice(0, 15) + '!')).toBe(true);
    const unsupported = await fetch(`${org.url}/services/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=magic&client_id=' + org.clientId,
    });
    expect(unsupported.status).toBe(400);
    expect(await unsupported.json()).toEqual({
      error: 'unsupported_grant_type',
      error_description: 'grant type not supported',
    });
  });
});
