import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { groupKeyOf } from '../../src/http/shared-executions.js';
import { createLogger } from '../../src/logger.js';
import { Role } from '../../src/permissions.js';
import { systemContext } from '../../src/platform/request-context.js';
import { within } from '../support/database.js';
import { startTestServer, type TestServer } from '../support/server.js';

const RECORDED = 'subscription Recorded($action: String) { auditEventRecorded(action: $action) { action actorName } }';

/** A raw graphql-transport-ws socket: its `next` frames exactly as they arrived. */
class RawSocket {
  readonly frames: string[] = [];
  private readonly waiting: Array<() => void> = [];
  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const text = String(data);
      if ((JSON.parse(text) as { type: string }).type !== 'next') return;
      this.frames.push(text);
      for (const wake of this.waiting.splice(0)) wake();
    });
  }

  static async open(url: string, key: string): Promise<RawSocket> {
    const socket = new WebSocket(url, 'graphql-transport-ws');
    await within(
      new Promise<void>((resolve, reject) => {
        socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${key}` } })));
        socket.on('message', (data) => {
          if ((JSON.parse(String(data)) as { type: string }).type === 'connection_ack') resolve();
        });
        socket.on('error', reject);
      }),
      10_000,
      'connection_ack',
    );
    return new RawSocket(socket);
  }

  subscribe(id: string, variables: Record<string, unknown> = {}): void {
    this.socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query: RECORDED, variables } }));
  }

  async frame(index: number): Promise<string> {
    while (this.frames.length <= index) await within(new Promise<void>((wake) => this.waiting.push(wake)), 10_000, 'a next frame');
    return this.frames[index]!;
  }

  close(): void {
    this.socket.close(1000, 'test done');
  }
}

describe('one execution of each event per group of subscribers', () => {
  let t: TestServer;
  let url: string;
  let executions = 0;
  let otherAdminKey: string;
  beforeAll(async () => {
    t = await startTestServer({ start: { onSubscriptionEventExecuted: () => void (executions += 1) } });
    url = t.server.url.replace(/^http/, 'ws') + '/graphql';
    const created = await t.server.services.apiKeys.create(systemContext(createLogger('silent')), {
      name: 'other-admin',
      role: Role.ADMIN,
    });
    otherAdminKey = created.secret;
  });
  afterAll(() => t.close());

  /** Subscribes each (socket, id, variables) and waits until all of them listen. */
  async function subscribeAll(subscriptions: Array<[RawSocket, string, Record<string, unknown>?]>): Promise<void> {
    for (const [socket, id, variables] of subscriptions) {
      const started = t.nextOperationStarted();
      socket.subscribe(id, variables);
      await started;
    }
  }

  it('executes an event once for two subscribers of one key and document, and sends each the same bytes under its own id', async () => {
    const [a, b] = [await RawSocket.open(url, t.keys[Role.ADMIN]), await RawSocket.open(url, t.keys[Role.ADMIN])];
    try {
      await subscribeAll([
        [a, 'first'],
        [b, 'second'],
      ]);
      const before = executions;
      await t.server.services.apiKeys.create(systemContext(createLogger('silent')), { name: 'shared-event', role: Role.READ_ONLY });
      const [fromA, fromB] = [await a.frame(0), await b.frame(0)];
      expect(executions - before).toBe(1);
      const [parsedA, parsedB] = [JSON.parse(fromA), JSON.parse(fromB)] as Array<{ id: string; payload: { data: unknown } }>;
      expect(parsedA.id).toBe('first');
      expect(parsedB.id).toBe('second');
      expect(parsedA.payload.data).toEqual({ auditEventRecorded: { action: 'createApiKey', actorName: 'system' } });
      // The same payload bytes; only the frame's id differs.
      expect(fromA.replace('"id":"first"', '')).toBe(fromB.replace('"id":"second"', ''));
      expect(fromA).toMatch(/"extensions":\{"cost":\{"requestedQueryCost":\d+/);
    } finally {
      a.close();
      b.close();
    }
  });

  it('executes an event once per key and per variables: another key, or other variables, never share a result', async () => {
    const [a, b, c] = [
      await RawSocket.open(url, t.keys[Role.ADMIN]),
      await RawSocket.open(url, otherAdminKey),
      await RawSocket.open(url, t.keys[Role.ADMIN]),
    ];
    try {
      await subscribeAll([
        [a, 'all'],
        [b, 'other-key'],
        [c, 'by-action', { action: 'createApiKey' }],
        [c, 'same-as-a'],
      ]);
      const before = executions;
      await t.server.services.apiKeys.create(systemContext(createLogger('silent')), { name: 'grouped-event', role: Role.READ_ONLY });
      await Promise.all([a.frame(0), b.frame(0), c.frame(1)]);
      // Groups: (ADMIN key, no variables) for `all` and `same-as-a`, the other key, the action variable.
      expect(executions - before).toBe(3);
      expect(new Set(c.frames.map((frame) => (JSON.parse(frame) as { id: string }).id))).toEqual(new Set(['by-action', 'same-as-a']));
    } finally {
      [a, b, c].forEach((socket) => socket.close());
    }
  });

  it('puts callers of different roles, keys or variables in different groups', () => {
    const admin = { kind: 'apiKey' as const, apiKeyId: 1, name: 'k', role: Role.ADMIN };
    const key = (actor: typeof admin | { kind: 'apiKey'; apiKeyId: number; name: string; role: Role }, variables: unknown = {}) =>
      groupKeyOf(RECORDED, 'Recorded', variables, actor);
    expect(key(admin)).toBe(key({ ...admin }));
    expect(key({ ...admin, role: Role.READ_ONLY })).not.toBe(key(admin));
    expect(key({ ...admin, apiKeyId: 2 })).not.toBe(key(admin));
    expect(key(admin, { action: 'x' })).not.toBe(key(admin));
  });
});
