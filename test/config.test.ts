import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { createCertificateAuthority } from '../src/mdm/certificate-authority.js';

const CWD = path.resolve('/srv/homeroom');
const HEX_KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
const BASE64_KEY = Buffer.alloc(32, 7).toString('base64');
const PG_URL = 'postgres://homeroom:pw@db.example:5432/homeroom';

/** The ConfigError `loadConfig` throws for `env`; fails the test when it does not throw one. */
function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env, CWD);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

function expectRefused(env: Record<string, string>, variable: string): ConfigError {
  const error = configError(env);
  expect(error.variable).toBe(variable);
  expect(error.name).toBe('ConfigError');
  expect(error.message.startsWith(`${variable}: `)).toBe(true);
  return error;
}

describe('loadConfig defaults', () => {
  it('gives the embedded setup when nothing is set', () => {
    const config = loadConfig({}, CWD);
    expect(config).toEqual({
      environment: 'development',
      host: '127.0.0.1',
      port: 4000,
      publicUrl: null,
      dataDir: path.join(CWD, 'data'),
      database: { type: 'sqlite', path: path.join(CWD, 'data', 'homeroom.sqlite') },
      embedded: true,
      secretKey: null,
      logLevel: 'info',
      corsOrigins: '*',
      graphql: { maxDepth: 12, maxComplexity: 20_000, maxFields: 500, operationTimeoutMs: 10_000 },
      graphqlCost: { budget: 200_000, restoreRate: 10_000 },
      trustedDocuments: { mode: 'off', file: path.join(CWD, 'web', 'trusted-documents.json'), documents: new Map() },
      bodyLimits: { graphqlBytes: 5 * 1024 * 1024, mdmBytes: 1024 * 1024 },
      apple: { mode: 'simulator', userAgent: 'homeroom/0.1.0', simulatorPort: 8081, simulatorDevices: 300 },
      appleInteractiveMaxWaitMs: 5000,
      automaticSyncIntervalMs: 24 * 60 * 60 * 1000,
      redisUrl: null,
      mdm: {
        trustSimulatorDeviceCa: true,
        extraDeviceCaPems: [],
        extraAttestationRootPems: [],
        identityKey: 'rsa-2048',
        identity: 'scep',
        scepChallengeTtlMs: 900_000,
      },
      userPasswordScryptLogN: 15,
    });
  });

  it('treats blank values as unset', () => {
    const config = loadConfig({ PORT: '  ', HOST: '', DATABASE_URL: ' ', LOG_LEVEL: '', CORS_ORIGINS: ' ' }, CWD);
    expect(config.port).toBe(4000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.embedded).toBe(true);
    expect(config.logLevel).toBe('info');
    expect(config.corsOrigins).toBe('*');
  });

  it('puts the default SQLite file in HOMEROOM_DATA_DIR, resolved from the working directory', () => {
    const config = loadConfig({ HOMEROOM_DATA_DIR: 'state' }, CWD);
    expect(config.dataDir).toBe(path.join(CWD, 'state'));
    expect(config.database).toEqual({ type: 'sqlite', path: path.join(CWD, 'state', 'homeroom.sqlite') });
    expect(config.embedded).toBe(true);
  });

  it('reads host, port, environment and limits', () => {
    const config = loadConfig(
      { HOST: '0.0.0.0', PORT: '0', NODE_ENV: 'production', LOG_LEVEL: 'DEBUG', GRAPHQL_MAX_DEPTH: '8', GRAPHQL_MAX_COMPLEXITY: '500' },
      CWD,
    );
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 0,
      environment: 'production',
      logLevel: 'debug',
      graphql: { maxDepth: 8, maxComplexity: 500 },
    });
  });
});

describe('DATABASE_URL', () => {
  it('resolves a relative sqlite: path from the working directory and is not embedded', () => {
    const config = loadConfig({ DATABASE_URL: 'sqlite:rel/path.sqlite' }, CWD);
    expect(config.database).toEqual({ type: 'sqlite', path: path.join(CWD, 'rel', 'path.sqlite') });
    expect(config.embedded).toBe(false);
  });

  it('accepts an absolute path written as sqlite:/path or sqlite:///path', () => {
    expect(loadConfig({ DATABASE_URL: 'sqlite:/var/lib/homeroom.sqlite' }, CWD).database).toEqual({
      type: 'sqlite',
      path: '/var/lib/homeroom.sqlite',
    });
    expect(loadConfig({ DATABASE_URL: 'sqlite:///var/lib/homeroom.sqlite' }, CWD).database).toEqual({
      type: 'sqlite',
      path: '/var/lib/homeroom.sqlite',
    });
  });

  it('parses a postgres URL, takes ?schema= out of it and keeps other parameters', () => {
    const env = { HOMEROOM_SECRET_KEY: HEX_KEY };
    expect(loadConfig({ ...env, DATABASE_URL: PG_URL }, CWD).database).toEqual({ type: 'postgres', url: PG_URL });
    expect(loadConfig({ ...env, DATABASE_URL: `${PG_URL}?schema=school_1` }, CWD).database).toEqual({
      type: 'postgres',
      url: PG_URL,
      schema: 'school_1',
    });
    expect(loadConfig({ ...env, DATABASE_URL: `${PG_URL}?sslmode=require&schema=s` }, CWD).database).toEqual({
      type: 'postgres',
      url: `${PG_URL}?sslmode=require`,
      schema: 's',
    });
    const config = loadConfig({ ...env, DATABASE_URL: 'postgresql://db.example/homeroom' }, CWD);
    expect(config.database).toEqual({ type: 'postgres', url: 'postgresql://db.example/homeroom' });
    expect(config.embedded).toBe(false);
  });

  it('refuses garbage with DATABASE_URL', () => {
    expect(expectRefused({ DATABASE_URL: 'not a url' }, 'DATABASE_URL').message).toContain('is not a URL');
  });

  it('refuses a mysql:// URL with DATABASE_URL, naming the scheme', () => {
    expect(expectRefused({ DATABASE_URL: 'mysql://u@h/db' }, 'DATABASE_URL').message).toContain('"mysql:"');
  });

  it('refuses sqlite: without a path and sqlite::memory: with DATABASE_URL', () => {
    expect(expectRefused({ DATABASE_URL: 'sqlite:' }, 'DATABASE_URL').message).toContain('needs a file path');
    expect(expectRefused({ DATABASE_URL: 'sqlite::memory:' }, 'DATABASE_URL').message).toContain('in-memory');
  });

  it('refuses a postgres URL without a database with DATABASE_URL', () => {
    expect(expectRefused({ DATABASE_URL: 'postgres://db.example', HOMEROOM_SECRET_KEY: HEX_KEY }, 'DATABASE_URL').message).toContain(
      'must name a host and a database',
    );
    expectRefused({ DATABASE_URL: 'postgres://db.example/', HOMEROOM_SECRET_KEY: HEX_KEY }, 'DATABASE_URL');
  });

  it('refuses a schema that is not a plain identifier with DATABASE_URL', () => {
    for (const schema of ['1abc', 'a-b', 'a%22b', 'x'.repeat(64)]) {
      expect(expectRefused({ DATABASE_URL: `${PG_URL}?schema=${schema}`, HOMEROOM_SECRET_KEY: HEX_KEY }, 'DATABASE_URL').message).toContain(
        'plain identifier',
      );
    }
    expect(loadConfig({ DATABASE_URL: `${PG_URL}?schema=${'x'.repeat(63)}`, HOMEROOM_SECRET_KEY: HEX_KEY }, CWD).database).toMatchObject({
      schema: 'x'.repeat(63),
    });
  });

  it('hides the password when it quotes a bad DATABASE_URL', () => {
    const withoutDatabase = expectRefused({ DATABASE_URL: 'postgres://u:secret@h', HOMEROOM_SECRET_KEY: HEX_KEY }, 'DATABASE_URL');
    expect(withoutDatabase.message).toContain('postgres://u:***@h');
    expect(withoutDatabase.message).not.toContain('secret');
    const badPort = expectRefused({ DATABASE_URL: 'postgres://u:secret@h:notaport/db', HOMEROOM_SECRET_KEY: HEX_KEY }, 'DATABASE_URL');
    expect(badPort.message).toContain('is not a URL');
    expect(badPort.message).not.toContain('secret');
  });
});

describe('PORT', () => {
  it('refuses a port that is not a whole number with PORT', () => {
    for (const port of ['abc', '-1', '1.5', '80a']) {
      expect(expectRefused({ PORT: port }, 'PORT').message).toContain(`not "${port}"`);
    }
  });

  it('refuses a port above 65535 with PORT and accepts 65535', () => {
    expect(expectRefused({ PORT: '70000' }, 'PORT').message).toContain('from 0 to 65535');
    expect(loadConfig({ PORT: '65535' }, CWD).port).toBe(65535);
  });
});

describe('HOMEROOM_SECRET_KEY', () => {
  it('accepts 64 hex digits and 44 base64 characters as the same 32 bytes they encode', () => {
    expect(loadConfig({ HOMEROOM_SECRET_KEY: HEX_KEY }, CWD).secretKey).toEqual(Buffer.from(HEX_KEY, 'hex'));
    expect(loadConfig({ HOMEROOM_SECRET_KEY: BASE64_KEY }, CWD).secretKey).toEqual(Buffer.alloc(32, 7));
    expect(BASE64_KEY).toHaveLength(44);
  });

  it('refuses a key of the wrong length with HOMEROOM_SECRET_KEY', () => {
    for (const key of [
      'short',
      HEX_KEY.slice(1),
      HEX_KEY + '0',
      Buffer.alloc(31).toString('base64'),
      Buffer.alloc(33).toString('base64'),
    ]) {
      expect(expectRefused({ HOMEROOM_SECRET_KEY: key }, 'HOMEROOM_SECRET_KEY').message).toContain('32 bytes');
    }
  });

  it('requires HOMEROOM_SECRET_KEY with PostgreSQL', () => {
    expect(expectRefused({ DATABASE_URL: PG_URL }, 'HOMEROOM_SECRET_KEY').message).toContain('required with PostgreSQL');
  });

  it('does not require a key with SQLite', () => {
    expect(loadConfig({ DATABASE_URL: 'sqlite:x.sqlite' }, CWD).secretKey).toBeNull();
  });
});

describe('PUBLIC_URL', () => {
  it('strips the trailing slash', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://homeroom.school.example/' }, CWD).publicUrl).toBe('https://homeroom.school.example');
    expect(loadConfig({ PUBLIC_URL: 'http://10.0.0.2:4000/base/' }, CWD).publicUrl).toBe('http://10.0.0.2:4000/base');
  });

  it('refuses something that is not a URL with PUBLIC_URL', () => {
    expect(expectRefused({ PUBLIC_URL: 'homeroom.example' }, 'PUBLIC_URL').message).toContain('is not a URL');
  });

  it('refuses an ftp: URL with PUBLIC_URL', () => {
    expect(expectRefused({ PUBLIC_URL: 'ftp://homeroom.example' }, 'PUBLIC_URL').message).toContain('"ftp:"');
  });

  it('refuses a URL with a query or fragment with PUBLIC_URL', () => {
    expect(expectRefused({ PUBLIC_URL: 'https://homeroom.example/?a=1' }, 'PUBLIC_URL').message).toContain('query or fragment');
    expectRefused({ PUBLIC_URL: 'https://homeroom.example/#top' }, 'PUBLIC_URL');
  });
});

describe('Apple', () => {
  it('uses the built-in simulator by default in development and Apple in production', () => {
    expect(loadConfig({}, CWD).apple.mode).toBe('simulator');
    expect(loadConfig({ NODE_ENV: 'production' }, CWD).apple).toEqual({
      mode: 'apple',
      depUrl: 'https://mdmenrollment.apple.com',
      userAgent: 'homeroom/0.1.0',
    });
  });

  it('starts the simulator in production only when APPLE_DEP_URL=simulator says so', () => {
    const apple = loadConfig({ NODE_ENV: 'production', APPLE_DEP_URL: 'simulator', APPLE_SIMULATOR_PORT: '0' }, CWD).apple;
    expect(apple).toMatchObject({ mode: 'simulator', simulatorPort: 0 });
  });

  it('takes another Apple URL without its trailing slash, and the User-Agent', () => {
    const apple = loadConfig({ APPLE_DEP_URL: 'http://127.0.0.1:8081/', APPLE_DEP_USER_AGENT: 'school-mdm/2' }, CWD).apple;
    expect(apple).toEqual({ mode: 'apple', depUrl: 'http://127.0.0.1:8081', userAgent: 'school-mdm/2' });
  });

  it('refuses a non-URL, a non-http scheme and a query with APPLE_DEP_URL', () => {
    expect(expectRefused({ APPLE_DEP_URL: 'mdmenrollment.apple.com' }, 'APPLE_DEP_URL').message).toContain('simulator');
    expect(expectRefused({ APPLE_DEP_URL: 'ftp://apple.example' }, 'APPLE_DEP_URL').message).toContain('"ftp:"');
    expectRefused({ APPLE_DEP_URL: 'https://apple.example/?x=1' }, 'APPLE_DEP_URL');
  });

  it('refuses a User-Agent that cannot be an HTTP header with APPLE_DEP_USER_AGENT', () => {
    expectRefused({ APPLE_DEP_USER_AGENT: 'homeroom\u00e9/1' }, 'APPLE_DEP_USER_AGENT');
  });

  it('refuses a demo school outside 10..500000 iPads with APPLE_SIMULATOR_DEVICES', () => {
    expectRefused({ APPLE_SIMULATOR_DEVICES: '5' }, 'APPLE_SIMULATOR_DEVICES');
    expectRefused({ APPLE_SIMULATOR_PORT: '70000' }, 'APPLE_SIMULATOR_PORT');
    expect(loadConfig({ APPLE_SIMULATOR_DEVICES: '500000' }, CWD).apple).toMatchObject({ simulatorDevices: 500_000 });
  });
});

describe('MDM device trust', () => {
  it("trusts the simulator's device CA by default only where the simulator runs, and MDM_TRUST_SIMULATOR_DEVICE_CA switches it", () => {
    expect(loadConfig({}, CWD).mdm).toEqual({
      trustSimulatorDeviceCa: true,
      extraDeviceCaPems: [],
      extraAttestationRootPems: [],
      identityKey: 'rsa-2048',
      identity: 'scep',
      scepChallengeTtlMs: 15 * 60_000,
    });
    expect(loadConfig({ MDM_IDENTITY_KEY: 'ec-p256' }, CWD).mdm.identityKey).toBe('ec-p256');
    expect(configError({ MDM_IDENTITY_KEY: 'dsa' }).variable).toBe('MDM_IDENTITY_KEY');
    expect(loadConfig({ NODE_ENV: 'production', HOMEROOM_SECRET_KEY: HEX_KEY }, CWD).mdm.trustSimulatorDeviceCa).toBe(false);
    expect(loadConfig({ MDM_TRUST_SIMULATOR_DEVICE_CA: 'false' }, CWD).mdm.trustSimulatorDeviceCa).toBe(false);
    expect(configError({ MDM_TRUST_SIMULATOR_DEVICE_CA: 'yes' }).variable).toBe('MDM_TRUST_SIMULATOR_DEVICE_CA');
    expect(configError({ APPLE_DEP_URL: 'https://mdmenrollment.apple.com', MDM_TRUST_SIMULATOR_DEVICE_CA: 'true' }).variable).toBe(
      'MDM_TRUST_SIMULATOR_DEVICE_CA',
    );
  });

  it('issues identities by SCEP by default; MDM_IDENTITY picks acme or pkcs12 and refuses an unknown kind (CONFIG_INVALID)', () => {
    expect(loadConfig({ MDM_IDENTITY: 'pkcs12' }, CWD).mdm.identity).toBe('pkcs12');
    expect(loadConfig({ MDM_IDENTITY: 'scep' }, CWD).mdm.identity).toBe('scep');
    expect(loadConfig({ MDM_IDENTITY: 'acme' }, CWD).mdm.identity).toBe('acme');
    expect(loadConfig({}, CWD).mdm.identity).toBe('scep');
    expect(configError({ MDM_IDENTITY: 'p12' }).variable).toBe('MDM_IDENTITY');
    expect(loadConfig({ MDM_SCEP_CHALLENGE_MINUTES: '5' }, CWD).mdm.scepChallengeTtlMs).toBe(5 * 60_000);
    expectRefused({ MDM_SCEP_CHALLENGE_MINUTES: '0' }, 'MDM_SCEP_CHALLENGE_MINUTES');
    expectRefused({ MDM_SCEP_CHALLENGE_MINUTES: '1441' }, 'MDM_SCEP_CHALLENGE_MINUTES');
  });

  it('reads the certificates of MDM_DEVICE_CA_FILE and MDM_ATTESTATION_CA_FILE and refuses a missing file or one without a certificate', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeroom-config-'));
    try {
      const ca = createCertificateAuthority({ commonName: 'Elsewhere Device CA', now: new Date() });
      fs.writeFileSync(path.join(dir, 'cas.pem'), `${ca.certificatePem}\n${ca.certificatePem}`);
      fs.writeFileSync(path.join(dir, 'empty.pem'), 'nothing here');
      expect(loadConfig({ MDM_DEVICE_CA_FILE: 'cas.pem' }, dir).mdm.extraDeviceCaPems).toHaveLength(2);
      expect(configError({ MDM_DEVICE_CA_FILE: path.join(dir, 'missing.pem') }).message).toMatch(/MDM_DEVICE_CA_FILE: cannot read/);
      expect(configError({ MDM_DEVICE_CA_FILE: path.join(dir, 'empty.pem') }).message).toMatch(/holds no PEM certificate/);
      expect(loadConfig({ MDM_ATTESTATION_CA_FILE: 'cas.pem' }, dir).mdm.extraAttestationRootPems).toHaveLength(2);
      expect(loadConfig({}, dir).mdm.extraAttestationRootPems).toEqual([]);
      expect(configError({ MDM_ATTESTATION_CA_FILE: path.join(dir, 'empty.pem') }).variable).toBe('MDM_ATTESTATION_CA_FILE');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('user directory', () => {
  it('reads the body limits from GRAPHQL_MAX_BODY_BYTES and MDM_MAX_BODY_BYTES (1024 to 104857600) and refuses others', () => {
    expect(loadConfig({ GRAPHQL_MAX_BODY_BYTES: '1024', MDM_MAX_BODY_BYTES: '104857600' }, CWD).bodyLimits).toEqual({
      graphqlBytes: 1024,
      mdmBytes: 104_857_600,
    });
    expectRefused({ GRAPHQL_MAX_BODY_BYTES: '1023' }, 'GRAPHQL_MAX_BODY_BYTES');
    expectRefused({ GRAPHQL_MAX_BODY_BYTES: '5mb' }, 'GRAPHQL_MAX_BODY_BYTES');
    expectRefused({ MDM_MAX_BODY_BYTES: '104857601' }, 'MDM_MAX_BODY_BYTES');
  });

  it('reads APPLE_INTERACTIVE_MAX_WAIT_MS from 0 to 600000 and refuses others', () => {
    expect(loadConfig({ APPLE_INTERACTIVE_MAX_WAIT_MS: '0' }, CWD).appleInteractiveMaxWaitMs).toBe(0);
    expect(loadConfig({ APPLE_INTERACTIVE_MAX_WAIT_MS: '600000' }, CWD).appleInteractiveMaxWaitMs).toBe(600_000);
    expectRefused({ APPLE_INTERACTIVE_MAX_WAIT_MS: '600001' }, 'APPLE_INTERACTIVE_MAX_WAIT_MS');
    expectRefused({ APPLE_INTERACTIVE_MAX_WAIT_MS: '-1' }, 'APPLE_INTERACTIVE_MAX_WAIT_MS');
  });

  it('reads the scrypt cost of user passwords from 10 to 20 and refuses others with USER_PASSWORD_SCRYPT_LOG_N', () => {
    expect(loadConfig({ USER_PASSWORD_SCRYPT_LOG_N: '10' }, CWD).userPasswordScryptLogN).toBe(10);
    expect(loadConfig({ USER_PASSWORD_SCRYPT_LOG_N: '20' }, CWD).userPasswordScryptLogN).toBe(20);
    expectRefused({ USER_PASSWORD_SCRYPT_LOG_N: '9' }, 'USER_PASSWORD_SCRYPT_LOG_N');
    expectRefused({ USER_PASSWORD_SCRYPT_LOG_N: '21' }, 'USER_PASSWORD_SCRYPT_LOG_N');
    expectRefused({ USER_PASSWORD_SCRYPT_LOG_N: '15.5' }, 'USER_PASSWORD_SCRYPT_LOG_N');
  });
});

describe('sync and Redis', () => {
  it('reads the automatic sync interval in hours and refuses 0 with AUTOMATIC_SYNC_INTERVAL_HOURS', () => {
    expect(loadConfig({ AUTOMATIC_SYNC_INTERVAL_HOURS: '6' }, CWD).automaticSyncIntervalMs).toBe(6 * 60 * 60 * 1000);
    expectRefused({ AUTOMATIC_SYNC_INTERVAL_HOURS: '0' }, 'AUTOMATIC_SYNC_INTERVAL_HOURS');
  });

  it('takes a redis:// URL and refuses anything else with REDIS_URL, hiding a password', () => {
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }, CWD).redisUrl).toBe('redis://127.0.0.1:6379');
    const error = expectRefused({ REDIS_URL: 'http://:hunter2@cache:6379' }, 'REDIS_URL');
    expect(error.message).not.toContain('hunter2');
  });
});

describe('LOG_LEVEL and NODE_ENV', () => {
  it('refuses an unknown level with LOG_LEVEL', () => {
    expect(expectRefused({ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL').message).toContain('"verbose"');
  });

  it('refuses an unknown environment with NODE_ENV', () => {
    expect(expectRefused({ NODE_ENV: 'staging' }, 'NODE_ENV').message).toContain('"staging"');
  });
});

describe('CORS_ORIGINS', () => {
  it('reads a comma-separated list of origins', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://admin.school.example, http://localhost:3000' }, CWD).corsOrigins).toEqual([
      'https://admin.school.example',
      'http://localhost:3000',
    ]);
  });

  it('refuses an origin with a path or trailing slash with CORS_ORIGINS', () => {
    expect(expectRefused({ CORS_ORIGINS: 'https://a.example,https://b.example/app' }, 'CORS_ORIGINS').message).toContain(
      '"https://b.example/app"',
    );
    expectRefused({ CORS_ORIGINS: 'https://a.example/' }, 'CORS_ORIGINS');
    expectRefused({ CORS_ORIGINS: 'a.example' }, 'CORS_ORIGINS');
  });
});

describe('GraphQL limits', () => {
  it('accepts GRAPHQL_MAX_DEPTH from 2 to 100 and refuses values outside with GRAPHQL_MAX_DEPTH', () => {
    expect(loadConfig({ GRAPHQL_MAX_DEPTH: '2' }, CWD).graphql.maxDepth).toBe(2);
    expect(loadConfig({ GRAPHQL_MAX_DEPTH: '100' }, CWD).graphql.maxDepth).toBe(100);
    expect(expectRefused({ GRAPHQL_MAX_DEPTH: '1' }, 'GRAPHQL_MAX_DEPTH').message).toContain('from 2 to 100');
    expectRefused({ GRAPHQL_MAX_DEPTH: '101' }, 'GRAPHQL_MAX_DEPTH');
  });

  it('refuses GRAPHQL_MAX_COMPLEXITY below 10 with GRAPHQL_MAX_COMPLEXITY', () => {
    expect(expectRefused({ GRAPHQL_MAX_COMPLEXITY: '9' }, 'GRAPHQL_MAX_COMPLEXITY').message).toContain('from 10 to 10000000');
  });
});

describe('secrets in messages', () => {
  it.each([
    ['postgres://u:p@ss@h', 'p@ss'],
    ['postgres://u:pa/ss@h/db', 'pa/ss'],
    ['postgres://u:topsecret@/db', 'topsecret'],
  ])('never shows any part of the password of %s', (url, password) => {
    const error = expectRefused({ DATABASE_URL: url, HOMEROOM_SECRET_KEY: BASE64_KEY }, 'DATABASE_URL');
    const echoed = /\("([^"]*)"\)/.exec(error.message)?.[1] ?? '';
    expect(echoed).toContain('***');
    for (const part of [password, ...password.split(/[@/]/).filter((p) => p.length > 1)]) expect(echoed).not.toContain(part);
  });
});

describe('empty query, fragment and origin lists', () => {
  it.each(['https://x.example/?', 'https://x.example/#'])('refuses PUBLIC_URL %s with a bare query or fragment mark', (url) => {
    expectRefused({ PUBLIC_URL: url }, 'PUBLIC_URL');
  });

  it('refuses CORS_ORIGINS that lists no origin', () => {
    expectRefused({ CORS_ORIGINS: ' , ' }, 'CORS_ORIGINS');
  });
});

describe('GraphQL cost budget and trusted documents', () => {
  it('defaults the budget to 10 × GRAPHQL_MAX_COMPLEXITY, refilling in 20 s, and trusted documents to off', () => {
    const config = loadConfig({}, CWD);
    expect(config.graphqlCost).toEqual({ budget: 200_000, restoreRate: 10_000 });
    expect(loadConfig({ GRAPHQL_MAX_COMPLEXITY: '500' }, CWD).graphqlCost).toEqual({ budget: 5000, restoreRate: 250 });
    expect(config.trustedDocuments).toMatchObject({ mode: 'off', file: path.join(CWD, 'web', 'trusted-documents.json') });
  });

  it('takes 0 as no budget, and refuses a budget below GRAPHQL_MAX_COMPLEXITY with GRAPHQL_COST_BUDGET', () => {
    expect(loadConfig({ GRAPHQL_COST_BUDGET: '0' }, CWD).graphqlCost.budget).toBe(0);
    expect(expectRefused({ GRAPHQL_COST_BUDGET: '19999' }, 'GRAPHQL_COST_BUDGET').message).toContain('at least GRAPHQL_MAX_COMPLEXITY');
    expectRefused({ GRAPHQL_COST_RESTORE_RATE: '0' }, 'GRAPHQL_COST_RESTORE_RATE');
  });

  it('reads the manifest with allow or only, and refuses a bad mode, a missing file or a stale hash', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeroom-config-'));
    try {
      const document = '{ viewer { name } }';
      const hash = crypto.createHash('sha256').update(document).digest('hex');
      fs.writeFileSync(path.join(dir, 'good.json'), JSON.stringify({ [hash]: document }));
      fs.writeFileSync(path.join(dir, 'stale.json'), JSON.stringify({ [hash]: `${document} ` }));
      const only = loadConfig({ GRAPHQL_TRUSTED_DOCUMENTS: 'only', GRAPHQL_TRUSTED_DOCUMENTS_FILE: 'good.json' }, dir);
      expect([...only.trustedDocuments.documents]).toEqual([[hash, document]]);
      expectRefused({ GRAPHQL_TRUSTED_DOCUMENTS: 'strict' }, 'GRAPHQL_TRUSTED_DOCUMENTS');
      const missing = { GRAPHQL_TRUSTED_DOCUMENTS: 'allow', GRAPHQL_TRUSTED_DOCUMENTS_FILE: path.join(dir, 'none.json') };
      expect(expectRefused(missing, 'GRAPHQL_TRUSTED_DOCUMENTS_FILE').message).toContain('cannot read');
      const stale = { GRAPHQL_TRUSTED_DOCUMENTS: 'only', GRAPHQL_TRUSTED_DOCUMENTS_FILE: path.join(dir, 'stale.json') };
      expect(expectRefused(stale, 'GRAPHQL_TRUSTED_DOCUMENTS_FILE').message).toContain('regenerate');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
