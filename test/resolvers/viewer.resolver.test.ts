import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ViewerDocument } from '../generated/operations.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { Role } from '../../src/services/permissions.js';

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
      permissions: ['TOKEN_READ', 'PROFILE_READ', 'PROFILE_ASSIGN', 'DEVICE_READ', 'DEVICE_SYNC'],
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
    expect(res.errors?.[0]).toMatchObject({ message: 'The API key is unknown or revoked.', extensions: { code: 'UNAUTHENTICATED' } });
  });
});
