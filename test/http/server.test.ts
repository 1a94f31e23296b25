import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTokenKeyPair, readServerToken } from '../../src/apple/token-crypto.js';
import { APPLE_SIMULATOR_STATE_FILE } from '../../src/server.js';
import type { Clock } from '../../src/platform/clock.js';
import { ApiKeysDocument, CreateApiKeyDocument, ViewerDocument } from '../generated/operations.js';
import { startTestServer, type TestServer } from '../support/server.js';

/** `{ a: viewer { a: viewer { ... } } }`: `depth` fields deep. Not valid against the schema, which has no cycle yet. */
function nested(depth: number): string {
  return '{ ' + 'f { '.repeat(depth - 1) + 'f' + ' }'.repeat(depth - 1) + ' }';
}

describe('the HTTP server', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  async function post(body: unknown, key: string | null = t.keys.ADMIN) {
    const response = await fetch(`${t.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as { data?: unknown; errors?: Array<{ message: string; extensions: Record<string, unknown> }> },
    };
  }

  it('answers /healthz and /readyz (database reachable, migrations applied)', async () => {
    const health = await fetch(`${t.server.url}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
    const ready = await fetch(`${t.server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', database: { reachable: true, migrated: true } });
  });

  it('refuses a subscription sent over HTTP with BAD_REQUEST and HTTP 400, naming graphql-ws, instead of running its resolver', async () => {
    const res = await post({ query: 'subscription { auditEventRecorded { action } }' });
    expect(res.status).toBe(400);
    expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_REQUEST' });
    expect(res.body.errors![0]!.message).toContain('graphql-ws');
  });

  it('refuses a query 20 fields deep with QUERY_TOO_DEEP (the first error) and HTTP 400', async () => {
    const res = await post({ query: nested(20) });
    expect(res.status).toBe(400);
    expect(res.body.errors![0]!.extensions).toEqual({ code: 'QUERY_TOO_DEEP', depth: 20, maxDepth: 12 });
    expect(res.body.errors![0]!.message).toBe('The operation is 20 fields deep; the limit is 12. Split it into several requests.');
  });

  it('lets a query at the depth limit through to validation', async () => {
    const res = await post({ query: nested(12) });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('does not count introspection towards depth, so explorers work', async () => {
    const res = await post({
      query: `{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } }`,
    });
    expect(res.body.errors).toBeUndefined();
  });

  it('refuses nested pages whose sizes multiply past the limit with QUERY_TOO_COMPLEX', async () => {
    const page = 'auditEvents(first: 500) { edges { node { id action actorName outcome errorCode errorMessage requestId occurredAt } } }';
    // Each page of 500 costs about 5,000 (500 x 10 fields); five of them pass 20,000.
    const big = `{ ${[1, 2, 3, 4, 5].map((i) => `p${i}: ${page}`).join(' ')} }`;
    const res = await post({ query: big });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maxComplexity: 20_000 });
    const one = await post({ query: `{ ${page} }` });
    expect(one.body.errors).toBeUndefined();
    const fine = await t.request(ApiKeysDocument, { first: 500 });
    expect(fine.errors).toBeUndefined();
  });

  it('refuses a nested devices query padded with 10,000 __typename fields with QUERY_TOO_COMPLEX and HTTP 400, before validation', async () => {
    const devices = 'enrollmentProgramTokens(first: 100) { edges { node { devices(first: 500) { edges { node { id serialNumber } } } } } }';
    const res = await post({ query: `{ ${'__typename '.repeat(10_000)} ${devices} }` });
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0]!.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', fields: 10_008, maxFields: 500 });
  });

  it('refuses 2,000 aliased device counts with QUERY_TOO_COMPLEX', async () => {
    const counts = Array.from({ length: 2000 }, (_, i) => `c${i}: devices(filter: { serialContains: "X" }) { totalCount }`).join(' ');
    const res = await post({ query: `{ enrollmentProgramTokens(first: 1) { edges { node { ${counts} } } } }` });
    expect(res.status).toBe(400);
    expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maxFields: 500 });
  });

  it('refuses a document of more tokens than the parser allows with GRAPHQL_PARSE_FAILED', async () => {
    const res = await post({ query: `{ ${'viewer { name } '.repeat(20_000)}}` });
    expect(res.status).toBe(400);
    expect(res.body.errors![0]!.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('answers parse and validation errors with their codes', async () => {
    expect((await post({ query: '{ viewer { ' })).body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect((await post({ query: '{ viewer { nope } }' })).body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const badVariable = await post({ query: 'query($first: Int) { apiKeys(first: $first) { totalCount } }', variables: { first: 'ten' } });
    expect(badVariable.status).toBe(400);
    expect(badVariable.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('masks an unexpected failure as INTERNAL_SERVER_ERROR with the request id, and leaks no cause', async () => {
    // Break the database under the server: a real failure no resolver expects.
    await t.server.dataSource.query('ALTER TABLE audit_event RENAME TO audit_event_moved');
    try {
      const res = await post({ query: '{ auditEvents(first: 1) { totalCount } }' }, t.keys.ADMIN);
      const error = res.body.errors![0]!;
      expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: res.headers.get('x-request-id') });
      expect(JSON.stringify(res.body)).not.toMatch(/audit_event|SQL|no such table|relation/i);
    } finally {
      await t.server.dataSource.query('ALTER TABLE audit_event_moved RENAME TO audit_event');
    }
  });

  it('uses a sane X-Request-Id from the caller and echoes it', async () => {
    const response = await fetch(`${t.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.keys.ADMIN}`, 'x-request-id': 'frontend-1234abcd' },
      body: JSON.stringify({ query: '{ viewer { name } }' }),
    });
    expect(response.headers.get('x-request-id')).toBe('frontend-1234abcd');
  });

  it('serves queries over GET with only the Authorization header, as the README documents', async () => {
    const url = `${t.server.url}/graphql?query=${encodeURIComponent('{ viewer { name } }')}`;
    const response = await fetch(url, { headers: { authorization: `Bearer ${t.keys.ADMIN}` } });
    expect(response.status).toBe(200);
    // Every response reports its cost; the tests' servers charge no budget (test/support/database.ts).
    const cost = { requestedQueryCost: 2, throttleStatus: null };
    expect(await response.json()).toEqual({ data: { viewer: { name: 'test-admin' } }, extensions: { cost } });
  });

  it('refuses a GET without the Authorization header with 400 (CSRF prevention), and a mutation over GET with 405', async () => {
    const url = `${t.server.url}/graphql?query=${encodeURIComponent('{ viewer { name } }')}`;
    const refused = await fetch(url);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/Cross-Site Request Forgery/);
    const mutation = `${t.server.url}/graphql?query=${encodeURIComponent('mutation { createApiKey(input: { name: "via-get", role: ADMIN }) { secret } }')}`;
    const notAllowed = await fetch(mutation, { headers: { authorization: `Bearer ${t.keys.ADMIN}` } });
    expect(notAllowed.status).toBe(405);
  });

  it('answers unknown paths with 404 and the list of endpoints', async () => {
    const response = await fetch(`${t.server.url}/nope`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      endpoints: ['/graphql', '/healthz', '/readyz', '/mdm/enroll/<key>', '/mdm/checkin', '/mdm/connect', '/acme/directory'],
    });
  });

  it('reports not ready once shutting down', async () => {
    const other = await startTestServer();
    const url = other.server.url;
    const closing = other.close();
    await closing;
    await expect(fetch(`${url}/readyz`)).rejects.toThrow();
    expect((await t.request(ViewerDocument, {})).status).toBe(200);
  });
});

describe("the embedded default's Apple side", () => {
  it('starts the Apple simulator in-process with a demo school, points the DEP client at it, keeps its state in the data directory, and generates a simulated push certificate', async () => {
    const t = await startTestServer();
    try {
      const simulator = t.server.apple.simulator!;
      expect(simulator).not.toBeNull();
      expect(t.server.apple.depUrl).toBe(simulator.url);
      expect(simulator.portal.listDevices({})).toHaveLength(20);

      const keyPair = generateTokenKeyPair();
      const { token } = simulator.portal.createServer({ name: 'Demo MDM', publicKeyPem: keyPair.certificatePem });
      const account = await t.server.apple.connection.client(readServerToken(token.content, keyPair)).account();
      expect(account).toMatchObject({ server_name: 'Demo MDM', org_type: 'edu' });

      await simulator.save();
      expect(fs.existsSync(path.join(t.config.dataDir, APPLE_SIMULATOR_STATE_FILE))).toBe(true);

      const push = await t.server.services.pushCertificates.current();
      expect(push).toMatchObject({ simulated: true, topic: expect.stringMatching(/^com\.apple\.mgmt\.External\./) });
    } finally {
      await t.close();
    }
  });

  it('starts no simulator and generates no push certificate when APPLE_DEP_URL names Apple, and sends the DEP client there', async () => {
    const t = await startTestServer({ env: { APPLE_DEP_URL: 'http://127.0.0.1:9/' } });
    try {
      expect(t.server.apple.simulator).toBeNull();
      expect(t.server.apple.depUrl).toBe('http://127.0.0.1:9');
      expect(t.server.apple.connection.depUrl).toBe('http://127.0.0.1:9');
      expect(await t.server.services.pushCertificates.current()).toBeNull();
    } finally {
      await t.close();
    }
  });
});

describe('the time budget of an operation', () => {
  /** A clock a second further on at every reading: any budget is spent by the next database call. */
  const tickingClock = (): Clock => {
    let at = Date.parse('2026-09-01T08:00:00.000Z');
    return { now: () => new Date((at += 1000)) };
  };
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ clock: tickingClock(), env: { GRAPHQL_OPERATION_TIMEOUT_MS: '500' } });
  });
  afterAll(() => t.close());

  it('stops a query past GRAPHQL_OPERATION_TIMEOUT_MS at its next database call with OPERATION_TIMED_OUT', async () => {
    const res = await t.request(ApiKeysDocument, { first: 10 });
    expect(res.errors?.[0]?.extensions).toEqual({ code: 'OPERATION_TIMED_OUT', timeoutMs: 500 });
    expect(res.errors?.[0]?.message).toContain('ran longer than 500 ms');
  });

  it('does not stop a mutation half way', async () => {
    const res = await t.request(CreateApiKeyDocument, { input: { name: 'not stopped', role: 'READ_ONLY' } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createApiKey.apiKey.name).toBe('not stopped');
  });

  it('stops a query over the websocket the same way', async () => {
    const client = t.wsClient();
    const result = await new Promise<{ errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }>((resolve, reject) => {
      client.subscribe(
        { query: '{ apiKeys(first: 10) { totalCount } }' },
        { next: resolve as never, error: reject, complete: () => undefined },
      );
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATION_TIMED_OUT', timeoutMs: 500 });
  });
});
