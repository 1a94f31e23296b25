import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ViewerDocument } from '../generated/operations.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { Role } from '../../src/permissions.js';
import { createLogger } from '../../src/logger.js';
import { systemContext } from '../../src/platform/request-context.js';

describe('viewer', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it('answers with the calling key, its role and permissions', async () => {
    const res = await t.request(ViewerDocument, {}, t.keys[Role.OPERATOR]);
    expect(res.errors).toBeUndefined();
    expect(res.data?.viewer).toMatchObject({
      name: 'test-operator',
      role: 'OPERATOR',
      permissions: ['TOKEN_READ', 'PROFILE_READ', 'PROFILE_ASSIGN', 'DEVICE_READ', 'DEVICE_SYNC', 'REHEARSAL_RUN'],
    });
    expect(res.data?.viewer.apiKey?.prefix).toBe(t.keys[Role.OPERATOR].slice(0, 10));
  });

  it('lists only read permissions for a READ_ONLY key', async () => {
    const res = await t.request(ViewerDocument, {}, t.keys[Role.READ_ONLY]);
    expect(res.data?.viewer.permissions).toEqual(['TOKEN_READ', 'PROFILE_READ', 'DEVICE_READ']);
  });

  it('refuses a request without a key with UNAUTHENTICATED and HTTP 401', async () => {
    const res = await t.request(ViewerDocument, {}, null);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.data ?? null).toBeNull();
  });

  it('refuses an unknown key with UNAUTHENTICATED', async () => {
    const res = await t.request(ViewerDocument, {}, 'hr_' + 'A'.repeat(43));
    expect(res.status).toBe(401);
    expect(res.errors?.[0]).toMatchObject({ message: 'The API key is unknown.', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a key sent without the Bearer scheme with UNAUTHENTICATED saying the scheme is missing', async () => {
    const response = await fetch(`${t.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: t.keys[Role.ADMIN] },
      body: JSON.stringify({ query: '{ viewer { name } }' }),
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { errors: unknown[] }).errors[0]).toMatchObject({
      message: 'The API key has no `Bearer ` scheme: send `Authorization: Bearer <key>`.',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('refuses a revoked key with UNAUTHENTICATED saying it was revoked', async () => {
    const ctx = systemContext(createLogger('silent'));
    const created = await t.server.services.apiKeys.create(ctx, { name: 'http-revoked', role: Role.READ_ONLY });
    await t.server.services.apiKeys.revoke(ctx, created.apiKey.id);
    const res = await t.request(ViewerDocument, {}, created.secret);
    expect(res.status).toBe(401);
    expect(res.errors?.[0]).toMatchObject({ message: 'The API key was revoked.', extensions: { code: 'UNAUTHENTICATED' } });
  });
});
