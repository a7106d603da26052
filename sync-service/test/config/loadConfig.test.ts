import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, redactConfig } from '../../src/config/index.ts';

const emulatorEnv = {
  SF_LOGIN_URL: 'http://127.0.0.1:4010',
  SF_CLIENT_ID: 'emulator-client',
  SF_CLIENT_SECRET: 'emulator-secret',
};

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('defaults to a SQLite file under .data and the client-credentials grant for the emulator', () => {
    const config = loadConfig(emulatorEnv, {}, '/srv/app');
    expect(config.database).toEqual({
      dialect: 'sqlite',
      url: path.resolve('/srv/app', '.data/sync-service.sqlite'),
    });
    expect(config.org.auth).toEqual({
      kind: 'client_credentials',
      clientId: 'emulator-client',
      clientSecret: 'emulator-secret',
    });
    expect(config.org.clientName).toBe('sales-campaigns-sync');
    expect(config.streaming.channel).toBe('/data/Sales_Campaigns__chn');
    expect(config.intervals.heartbeatMs).toBe(60_000);
  });

  it('selects PostgreSQL for a postgres:// DATABASE_URL and lets flags win over the environment', () => {
    const config = loadConfig(
      { ...emulatorEnv, DATABASE_URL: 'postgres://svc:pw@db:5432/sync', PORT: '9000' },
      { port: 9100, logLevel: 'debug' },
    );
    expect(config.database).toEqual({ dialect: 'postgres', url: 'postgres://svc:pw@db:5432/sync' });
    expect(config.http.port).toBe(9100);
    expect(config.logLevel).toBe('debug');
  });

  it('picks JWT bearer when a key file is given and says which variables are missing', () => {
    const problems = problemsOf(() =>
      loadConfig({ SF_LOGIN_URL: 'https://login.salesforce.com', SF_JWT_KEY_FILE: 'key.pem' }),
    );
    expect(problems).toEqual([
      'SF_CLIENT_ID: set SF_CLIENT_ID to the connected app consumer key',
      'SF_USERNAME: set SF_USERNAME to the integration user the JWT is issued for',
    ]);
  });

  it('fails fast without a login URL or credentials, explaining how to fix it', () => {
    const problems = problemsOf(() => loadConfig({}));
    expect(problems.join('\n')).toMatch(/no org login configured: set SF_JWT_KEY_FILE/);
    expect(problems.join('\n')).toMatch(/SF_LOGIN_URL is not set/);
  });

  it('names the bad value and its variable', () => {
    const problems = problemsOf(() =>
      loadConfig({ ...emulatorEnv, PORT: 'eighty', LOG_LEVEL: 'loud', SF_AUTH: 'saml' }),
    );
    expect(problems).toContain('PORT="eighty" is not a number');
    expect(problems).toContain('SF_AUTH="saml" is not one of jwt, client_credentials, password');
  });

  it('never shows secrets when redacted for logs', () => {
    const config = loadConfig({ ...emulatorEnv, DATABASE_URL: 'postgres://svc:hunter2@db/sync' });
    const text = JSON.stringify(redactConfig(config));
    expect(text).not.toContain('emulator-secret');
    expect(text).not.toContain('hunter2');
  });
});
