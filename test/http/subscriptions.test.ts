import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { AuditEventRecordedDocument, AuditEventsDocument } from '../generated/operations.js';
import { createLogger } from '../../src/logger.js';
import { Role } from '../../src/permissions.js';
import { systemContext } from '../../src/platform/request-context.js';
import { within } from '../support/database.js';
import { startTestServer, Subscription, type TestServer } from '../support/server.js';

/** Opens a raw graphql-transport-ws socket, sends connection_init, and resolves with how it ended. */
function connectRaw(url: string, payload: Record<string, unknown>): Promise<{ code: number; reason: string; acked: boolean }> {
  return within(
    new Promise((resolve, reject) => {
      const socket = new WebSocket(url, 'graphql-transport-ws');
      let acked = false;
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload })));
      socket.on('message', (data) => {
        if (JSON.parse(String(data)).type === 'connection_ack') {
          acked = true;
          socket.close(1000, 'test done');
        }
      });
      socket.on('close', (code, reason) => resolve({ code, reason: String(reason), acked }));
      socket.on('error', reject);
    }),
    10_000,
    'the websocket to close',
  );
}

/** Runs one operation over graphql-ws and resolves with its first result (or error list). */
function once(
  t: TestServer,
  query: string,
  variables: Record<string, unknown> = {},
  key?: string,
): Promise<{ data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }> {
  const client = t.wsClient(key);
  return within(
    new Promise((resolve) => {
      const stop = client.subscribe(
        { query, variables },
        {
          next: (result) => {
            stop();
            resolve(result as never);
          },
          error: (errors) => resolve({ errors: errors as never }),
          complete: () => undefined,
        },
      );
    }),
    10_000,
    'a websocket result',
  );
}

describe('subscriptions over graphql-ws', () => {
  let t: TestServer;
  let wsUrl: string;
  beforeAll(async () => {
    t = await startTestServer();
    wsUrl = t.server.url.replace(/^http/, 'ws') + '/graphql';
  });
  afterAll(() => t.close());

  it('closes a websocket without a key with 4401 and a reason saying a key is required', async () => {
    expect(await connectRaw(wsUrl, {})).toEqual({
      code: 4401,
      reason: 'An API key is required: send `Authorization: Bearer <key>`.',
      acked: false,
    });
  });

  it('closes a websocket whose key has no Bearer scheme with 4401 and a reason saying the scheme is missing', async () => {
    expect(await connectRaw(wsUrl, { authorization: t.keys.READ_ONLY })).toEqual({
      code: 4401,
      reason: 'The API key has no `Bearer ` scheme: send `Authorization: Bearer <key>`.',
      acked: false,
    });
  });

  it('closes a websocket with an unknown key with 4403 and a reason saying the key is unknown', async () => {
    expect(await connectRaw(wsUrl, { authorization: 'Bearer hr_not-a-real-key' })).toEqual({
      code: 4403,
      reason: 'The API key is unknown.',
      acked: false,
    });
  });

  it('closes a websocket with a revoked key with 4403 and a reason saying the key was revoked', async () => {
    const ctx = systemContext(createLogger('silent'));
    const created = await t.server.services.apiKeys.create(ctx, { name: 'ws-revoked-at-connect', role: Role.READ_ONLY });
    await t.server.services.apiKeys.revoke(ctx, created.apiKey.id);
    expect(await connectRaw(wsUrl, { authorization: `Bearer ${created.secret}` })).toEqual({
      code: 4403,
      reason: 'The API key was revoked.',
      acked: false,
    });
  });

  it('acknowledges a websocket with a valid key in authorization, Authorization, headers.authorization or headers.Authorization', async () => {
    const bearer = `Bearer ${t.keys.READ_ONLY}`;
    for (const payload of [
      { authorization: bearer },
      { Authorization: bearer },
      { headers: { authorization: bearer } },
      { headers: { Authorization: bearer } },
    ]) {
      expect(await connectRaw(wsUrl, payload), JSON.stringify(Object.keys(payload))).toMatchObject({ code: 1000, acked: true });
    }
  });

  it('applies the depth limit to websocket operations (QUERY_TOO_DEEP)', async () => {
    const deep = 'subscription { ' + 'f { '.repeat(19) + 'f' + ' }'.repeat(19) + ' }';
    const result = await once(t, deep);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', depth: 20 });
  });

  it('applies the field limit to websocket operations (QUERY_TOO_COMPLEX)', async () => {
    const result = await once(t, `query { ${'__typename '.repeat(10_000)} viewer { name } }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', fields: 10_002, maxFields: 500 });
  });

  it('answers an invalid subscription with GRAPHQL_VALIDATION_FAILED', async () => {
    const result = await once(t, 'subscription { auditEventRecorded { nope } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('runs queries over the websocket with the same permissions as HTTP', async () => {
    const query = 'query { auditEvents(first: 1) { totalCount } }';
    expect(
      ((await once(t, query)) as { data: { auditEvents: { totalCount: number } } }).data.auditEvents.totalCount,
    ).toBeGreaterThanOrEqual(0);
    const refused = await once(t, query, {}, t.keys[Role.READ_ONLY]);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('audits a mutation refused over the websocket, like one over HTTP', async () => {
    const result = await once(t, 'mutation { createApiKey(input: { name: "via-ws", role: ADMIN }) { secret } }', {}, t.keys[Role.OPERATOR]);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const events = (await t.request(AuditEventsDocument, { first: 10, filter: { action: 'createApiKey' } })).data!.auditEvents.edges;
    expect(events.some((e) => e.node.actorName === 'test-operator' && e.node.errorCode === 'FORBIDDEN')).toBe(true);
  });

  it('refuses a new operation once its key is revoked: the socket was closed (4403) and reconnecting is refused with 4403', async () => {
    const created = await t.server.services.apiKeys.create(systemContext(createLogger('silent')), { name: 'ws-revoked', role: Role.ADMIN });
    const client = t.wsClient(created.secret);
    const query = 'query { viewer { name } }';
    const ask = () =>
      within(
        new Promise<{ data?: unknown; closed?: { code: number; reason: string } }>((resolve) => {
          const stop = client.subscribe(
            { query },
            {
              next: (r) => (stop(), resolve(r as never)),
              error: (e) => resolve({ closed: { code: (e as { code: number }).code, reason: (e as { reason: string }).reason } }),
              complete: () => undefined,
            },
          );
        }),
        10_000,
        'a websocket result',
      );
    expect(await ask()).toEqual({
      data: { viewer: { name: 'ws-revoked' } },
      extensions: { cost: { requestedQueryCost: 2, throttleStatus: null } },
    });
    await t.server.services.apiKeys.revoke(systemContext(createLogger('silent')), created.apiKey.id);
    expect(await ask()).toEqual({ closed: { code: 4403, reason: 'The API key was revoked.' } });
  });

  it('ends subscriptions cleanly when the server shuts down', async () => {
    const other = await startTestServer();
    const started = other.nextOperationStarted();
    const sub = new Subscription(other.wsClient(), AuditEventRecordedDocument, {});
    await started;
    await other.close();
    await expect(
      within(
        sub.done.then(
          () => 'completed',
          () => 'closed',
        ),
        10_000,
        'the subscription to end',
      ),
    ).resolves.toMatch(/completed|closed/);
  });
});
