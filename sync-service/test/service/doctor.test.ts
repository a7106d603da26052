// `sync-service doctor` against the emulator: everything the service needs is there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDoctor } from '../../src/service/doctor.ts';
import { quietLogger, startTestOrg, type TestOrg } from '../support/testOrg.ts';
import { testConfig } from '../support/testService.ts';

describe('doctor', () => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await startTestOrg({ start: '2026-04-30T10:00:00Z' });
  });
  afterAll(async () => org?.stop());

  it('passes every check on a correctly set up org', async () => {
    const checks = await runDoctor(testConfig(org), quietLogger());
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(checks.map((c) => c.name)).toContain('CDC channel /data/Sales_Campaigns__chn');
  });

  it('says what is wrong with a bad login', async () => {
    const config = testConfig(org);
    const checks = await runDoctor(
      {
        ...config,
        org: { ...config.org, auth: { kind: 'client_credentials', clientId: 'nope', clientSecret: 'wrong' } },
      },
      quietLogger(),
    );
    const login = checks.find((c) => c.name === 'org login');
    expect(login).toMatchObject({ ok: false });
    expect(login!.detail).toMatch(/client_credentials grant failed/);
    expect(login!.detail).not.toContain('wrong');
  });
});
