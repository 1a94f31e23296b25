import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEventRecordedDocument, AuditEventsDocument, CreateApiKeyDocument } from '../generated/operations.js';
import { Role } from '../../src/permissions.js';
import { startTestServer, Subscription, type TestServer } from '../support/server.js';

describe('audit log over GraphQL', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it('lists events newest first and filters them by action and by target', async () => {
    const a = (await t.request(CreateApiKeyDocument, { input: { name: 'audit-a', role: 'READ_ONLY' } })).data!.createApiKey.apiKey;
    const b = (await t.request(CreateApiKeyDocument, { input: { name: 'audit-b', role: 'READ_ONLY' } })).data!.createApiKey.apiKey;
    const all = (await t.request(AuditEventsDocument, { first: 50 })).data!.auditEvents;
    const ids = all.edges.map((e) => e.node.id);
    expect(all.edges[0]!.node.targetIds).toEqual([b.id]);
    expect(all.edges[1]!.node.targetIds).toEqual([a.id]);
    expect(new Set(ids).size).toBe(ids.length);
    const aboutA = (await t.request(AuditEventsDocument, { first: 50, filter: { targetId: a.id } })).data!.auditEvents;
    expect(aboutA.totalCount).toBe(1);
    expect(aboutA.edges[0]!.node).toMatchObject({ action: 'createApiKey', actorName: 'test-admin', outcome: 'SUCCEEDED' });
    expect(aboutA.edges[0]!.node.requestId).toMatch(/[0-9a-f-]{36}/);
    const none = (await t.request(AuditEventsDocument, { first: 50, filter: { action: 'noSuchMutation' } })).data!.auditEvents;
    expect(none).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('refuses a target ID the API never issued with BAD_USER_INPUT', async () => {
    const res = await t.request(AuditEventsDocument, { first: 5, filter: { targetId: 'nonsense' } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.targetId' });
  });

  it('shows the audit log to ADMIN only (FORBIDDEN for OPERATOR and READ_ONLY)', async () => {
    for (const role of [Role.OPERATOR, Role.READ_ONLY]) {
      const res = await t.request(AuditEventsDocument, { first: 5 }, t.keys[role]);
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('streams each audit event to a subscriber after its mutation commits, filtered by action', async () => {
    const started = t.nextOperationStarted();
    const sub = new Subscription(t.wsClient(), AuditEventRecordedDocument, { action: 'createApiKey' });
    expect(await started).toBe('AuditEventRecorded');
    const created = (await t.request(CreateApiKeyDocument, { input: { name: 'streamed', role: 'READ_ONLY' } })).data!.createApiKey.apiKey;
    const first = await sub.next();
    expect(first.auditEventRecorded).toMatchObject({
      action: 'createApiKey',
      actorName: 'test-admin',
      outcome: 'SUCCEEDED',
      targetIds: [created.id],
    });
    // A refused attempt is an event too, delivered in order.
    await t.request(CreateApiKeyDocument, { input: { name: 'refused', role: 'READ_ONLY' } }, t.keys[Role.OPERATOR]);
    expect((await sub.next()).auditEventRecorded).toMatchObject({ actorName: 'test-operator', outcome: 'FAILED', errorCode: 'FORBIDDEN' });
    sub.close();
  });

  it('refuses the audit subscription to a READ_ONLY key with FORBIDDEN', async () => {
    const sub = new Subscription(t.wsClient(t.keys[Role.READ_ONLY]), AuditEventRecordedDocument, {});
    await expect(sub.next()).rejects.toMatchObject({
      errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })],
    });
  });
});
