import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiKeysDocument,
  AuditEventsDocument,
  CreateApiKeyDocument,
  RevokeApiKeyDocument,
  ViewerDocument,
} from '../generated/operations.js';
import { Role } from '../../src/permissions.js';
import { toGlobalId } from '../../src/global-id.js';
import { startTestServer, type TestServer } from '../support/server.js';

describe('API keys over GraphQL', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  const events = async (action: string) =>
    (await t.request(AuditEventsDocument, { first: 100, filter: { action } })).data!.auditEvents.edges.map((e) => e.node);

  it('creates a key for an ADMIN, returns the secret once, and the new key authenticates with its role', async () => {
    const res = await t.request(CreateApiKeyDocument, { input: { name: 'frontend', role: 'OPERATOR', description: 'admin console' } });
    expect(res.errors).toBeUndefined();
    const { secret, apiKey } = res.data!.createApiKey;
    expect(secret).toMatch(/^hr_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({
      name: 'frontend',
      role: 'OPERATOR',
      description: 'admin console',
      active: true,
      createdBy: 'test-admin',
    });
    expect(apiKey.prefix).toBe(secret.slice(0, 10));
    const viewer = await t.request(ViewerDocument, {}, secret);
    expect(viewer.data?.viewer).toMatchObject({ name: 'frontend', role: 'OPERATOR' });
    const audit = (await events('createApiKey')).find((e) => e.targetIds.includes(apiKey.id));
    expect(audit).toMatchObject({
      actorName: 'test-admin',
      outcome: 'SUCCEEDED',
      errorCode: null,
      details: { name: 'frontend', role: 'OPERATOR' },
    });
  });

  it('refuses createApiKey from a READ_ONLY key with FORBIDDEN, creates nothing, and audits the refusal, not a success', async () => {
    const before = (await t.request(ApiKeysDocument, { first: 500, includeRevoked: true })).data!.apiKeys.totalCount;
    const res = await t.request(CreateApiKeyDocument, { input: { name: 'sneaky', role: 'ADMIN' } }, t.keys[Role.READ_ONLY]);
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', missingPermissions: ['API_KEY_MANAGE'] });
    expect(res.errors?.[0]?.message).toContain('READ_ONLY');
    expect((await t.request(ApiKeysDocument, { first: 500, includeRevoked: true })).data!.apiKeys.totalCount).toBe(before);
    const attempts = (await events('createApiKey')).filter((e) => e.actorName === 'test-read_only');
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ outcome: 'FAILED', errorCode: 'FORBIDDEN' });
  });

  it('refuses createApiKey from an OPERATOR key with FORBIDDEN', async () => {
    const res = await t.request(CreateApiKeyDocument, { input: { name: 'op-made', role: 'READ_ONLY' } }, t.keys[Role.OPERATOR]);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses an invalid name with BAD_USER_INPUT naming the field, and changes nothing', async () => {
    const before = (await t.request(ApiKeysDocument, { first: 500, includeRevoked: true })).data!.apiKeys.totalCount;
    const res = await t.request(CreateApiKeyDocument, { input: { name: '   ', role: 'ADMIN' } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect((await t.request(ApiKeysDocument, { first: 500, includeRevoked: true })).data!.apiKeys.totalCount).toBe(before);
  });

  it('refuses a second active key with the same name with ALREADY_EXISTS', async () => {
    await t.request(CreateApiKeyDocument, { input: { name: 'twice', role: 'READ_ONLY' } });
    const res = await t.request(CreateApiKeyDocument, { input: { name: 'twice', role: 'READ_ONLY' } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'ALREADY_EXISTS', field: 'name' });
  });

  it('revokes a key: it stops authenticating at once with UNAUTHENTICATED, and the revocation is audited', async () => {
    const created = (await t.request(CreateApiKeyDocument, { input: { name: 'short-lived', role: 'READ_ONLY' } })).data!.createApiKey;
    expect((await t.request(ViewerDocument, {}, created.secret)).status).toBe(200);
    const res = await t.request(RevokeApiKeyDocument, { input: { id: created.apiKey.id } });
    expect(res.data?.revokeApiKey.apiKey).toMatchObject({ id: created.apiKey.id, active: false });
    expect(res.data?.revokeApiKey.apiKey.revokedAt).toMatch(/Z$/);
    const after = await t.request(ViewerDocument, {}, created.secret);
    expect(after.status).toBe(401);
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await events('revokeApiKey')).find((e) => e.targetIds.includes(created.apiKey.id))).toMatchObject({ outcome: 'SUCCEEDED' });
  });

  it('answers NOT_FOUND for an ID that is not an API key, and audits the failed attempt', async () => {
    const notAKey = toGlobalId('AuditEvent', 1);
    const res = await t.request(RevokeApiKeyDocument, { input: { id: notAKey } });
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await events('revokeApiKey')).some((e) => e.outcome === 'FAILED' && e.errorCode === 'NOT_FOUND')).toBe(true);
  });

  it('answers NOT_FOUND, not INTERNAL_SERVER_ERROR, for an API key id beyond the id column', async () => {
    const res = await t.request(RevokeApiKeyDocument, { input: { id: toGlobalId('ApiKey', 2_147_483_648) } });
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses to revoke the last active ADMIN key with LAST_ADMIN_KEY', async () => {
    const admins = (await t.request(ApiKeysDocument, { first: 500 })).data!.apiKeys.edges.filter((e) => e.node.role === 'ADMIN');
    expect(admins).toHaveLength(1);
    const res = await t.request(RevokeApiKeyDocument, { input: { id: admins[0]!.node.id } });
    expect(res.errors?.[0]?.extensions?.code).toBe('LAST_ADMIN_KEY');
    expect((await t.request(ViewerDocument, {})).status).toBe(200);
  });

  it('pages through keys forward and backward with opaque cursors and a total count', async () => {
    for (let i = 0; i < 5; i++) await t.request(CreateApiKeyDocument, { input: { name: `page-${i}`, role: 'READ_ONLY' } });
    const all = (await t.request(ApiKeysDocument, { first: 500 })).data!.apiKeys;
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { edges: Array<{ node: { name: string } }>; pageInfo: { hasNextPage: boolean; endCursor?: string | null } } = (
        await t.request(ApiKeysDocument, { first: 2, after })
      ).data!.apiKeys;
      seen.push(...page.edges.map((e) => e.node.name));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor ?? null;
    }
    expect(seen).toEqual(all.edges.map((e) => e.node.name));
    expect(all.totalCount).toBe(seen.length);
    const lastTwo = (await t.request(ApiKeysDocument, { last: 2 })).data!.apiKeys;
    expect(lastTwo.edges.map((e) => e.node.name)).toEqual(seen.slice(-2));
    expect(lastTwo.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
  });

  it('refuses a page larger than 500 and a made-up cursor with BAD_USER_INPUT', async () => {
    expect((await t.request(ApiKeysDocument, { first: 501 })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
    });
    expect((await t.request(ApiKeysDocument, { first: 5, after: 'bm90LWEtY3Vyc29y' })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
  });

  it('does not list API keys to an OPERATOR (FORBIDDEN)', async () => {
    const res = await t.request(ApiKeysDocument, { first: 5 }, t.keys[Role.OPERATOR]);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(res.data ?? null).toBeNull();
  });
});
