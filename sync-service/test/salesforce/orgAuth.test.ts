// Each login grant against the emulator's OAuth endpoints, and what a failed login says.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectOrg } from '../../src/salesforce/orgConnection.ts';
import { quietLogger, startTestOrg, type TestOrg } from '../support/testOrg.ts';

describe('org login', () => {
  let org: TestOrg;
  let dir: string;
  let keyFile: string;
  beforeAll(async () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    dir = mkdtempSync(path.join(tmpdir(), 'jwt-'));
    keyFile = path.join(dir, 'server.key');
    writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    org = await startTestOrg({
      start: '2026-04-30T10:00:00Z',
      jwtCertificate: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    });
  });
  afterAll(async () => {
    await org?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const base = () => ({ ...org.orgConfig });

  it('logs in with the JWT bearer grant, signing the assertion with the key file', async () => {
    const session = await connectOrg(
      {
        ...base(),
        auth: { kind: 'jwt', clientId: org.emulator.clientId, username: org.emulator.username, keyFile },
      },
      quietLogger(),
    );
    expect(session.userId).toBe(org.emulator.integrationUserId);
    const result = await session.connection.query('SELECT Id FROM User LIMIT 1');
    expect(result.records).toHaveLength(1);
  });

  it('logs in with client credentials and with username-password', async () => {
    const viaClient = await connectOrg(base(), quietLogger());
    expect(viaClient.orgId).toBe(org.emulator.orgId);
    const viaPassword = await connectOrg(
      {
        ...base(),
        auth: {
          kind: 'password',
          username: org.emulator.username,
          password: org.emulator.password,
          clientId: org.emulator.clientId,
          clientSecret: org.emulator.clientSecret,
        },
      },
      quietLogger(),
    );
    expect(viaPassword.userId).toBe(org.emulator.integrationUserId);
  });

  it('refreshes an expired session through refreshFn and tags every call with the client name', async () => {
    const session = await connectOrg(base(), quietLogger());
    org.emulator.inspect.resetApiCalls();
    org.emulator.faults.expireTokens();
    await session.connection
      .sobject('Sales_Campaign__c')
      .create({ Name: 'After expiry', Status__c: 'Draft' });
    expect(org.emulator.inspect.records('Sales_Campaign__c').some((r) => r.Name === 'After expiry')).toBe(
      true,
    );
    const counts = org.emulator.inspect.apiCalls();
    expect(Object.keys(counts.byClient)).toEqual(['sales-campaigns-sync']);
  });

  it('names the grant and the login URL when a key file is missing, without the key path leaking secrets', async () => {
    await expect(
      connectOrg(
        {
          ...base(),
          auth: { kind: 'jwt', clientId: 'x', username: 'y', keyFile: path.join(dir, 'missing.key') },
        },
        quietLogger(),
      ),
    ).rejects.toThrow(/Cannot read SF_JWT_KEY_FILE .*missing\.key/);
  });
});
