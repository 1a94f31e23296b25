/**
 * Revoking an API key ends what that key has open: its websockets close with 4403 and the
 * reason, on this server and (through Redis) on every other, and no event published after the
 * revocation committed reaches them; its next HTTP request is refused. The Redis part needs a
 * Redis at 127.0.0.1:6379 (or TEST_REDIS_URL) and is skipped, saying why, without one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { print } from 'graphql';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createLogger } from '../../src/logger.js';
import { Topic } from '../../src/platform/events/event-bus.js';
import { ManualTicker } from '../../src/platform/ticker.js';
import { ManualClock } from '../../src/platform/clock.js';
import { REVOCATION_CHECK_MS } from '../../src/http/subscriptions.js';
import { Role } from '../../src/permissions.js';
import { systemContext } from '../../src/platform/request-context.js';
import { startServer, type HomeroomServer } from '../../src/server.js';
import { AuditEventRecordedDocument, CreateApiKeyDocument, RevokeApiKeyDocument } from '../generated/operations.js';
import { within } from '../support/database.js';
import { runHomeroom } from '../support/cli.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { toGlobalId } from '../../src/global-id.js';
import { redisAnswers, TEST_REDIS_URL } from '../support/redis.js';

const REDIS_URL = TEST_REDIS_URL;

/** A raw graphql-transport-ws socket streaming `auditEventRecorded`: the actions it received, and how it closed. */
interface AuditStream {
  readonly actions: string[];
  readonly closed: Promise<{ code: number; reason: string }>;
  close(): void;
}

/** Connects with `key`, subscribes to `auditEventRecorded`, and resolves once the server runs the operation. */
async function streamAudit(url: string, key: string, operationStarted: () => Promise<unknown>): Promise<AuditStream> {
  const socket = new WebSocket(url.replace(/^http/, 'ws') + '/graphql', 'graphql-transport-ws');
  const actions: string[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  const started = operationStarted();
  await within(
    new Promise<void>((resolve, reject) => {
      socket.on('error', reject);
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${key}` } })));
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as { type: string; payload?: { data?: { auditEventRecorded?: { action: string } } } };
        if (message.type === 'connection_ack') {
          socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: print(AuditEventRecordedDocument) } }));
          resolve();
        } else if (message.type === 'next') {
          actions.push(message.payload?.data?.auditEventRecorded?.action ?? JSON.stringify(message.payload));
        }
      });
    }),
    10_000,
    'the websocket to be acknowledged',
  );
  await started;
  return { actions, closed, close: () => socket.close(1000, 'test done') };
}

/** Waits until `actions` holds `count` entries (events arrive after the mutation's answer). */
async function received(actions: string[], count: number): Promise<void> {
  await within(
    (async () => {
      while (actions.length < count) await new Promise((resolve) => setImmediate(resolve));
    })(),
    10_000,
    `${count} audit events`,
  );
}

describe('revoking an API key ends its open operations', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it('closes the revoked key’s websockets with 4403 "The API key was revoked." before any later event reaches them; other keys keep streaming', async () => {
    const ctx = systemContext(createLogger('silent'));
    const doomed = await t.server.services.apiKeys.create(ctx, { name: 'doomed-admin', role: Role.ADMIN });
    const first = await streamAudit(t.server.url, doomed.secret, () => t.nextOperationStarted());
    const second = await streamAudit(t.server.url, doomed.secret, () => t.nextOperationStarted());
    const bystander = await streamAudit(t.server.url, t.keys[Role.ADMIN], () => t.nextOperationStarted());

    await t.request(CreateApiKeyDocument, { input: { name: 'before-revocation', role: Role.READ_ONLY } });
    await received(first.actions, 1);
    await received(second.actions, 1);

    const revoked = await t.request(RevokeApiKeyDocument, { input: { id: toGlobalId('ApiKey', doomed.apiKey.id) } });
    expect(revoked.errors).toBeUndefined();
    for (const name of ['after-1', 'after-2', 'after-3']) {
      await t.request(CreateApiKeyDocument, { input: { name, role: Role.READ_ONLY } });
    }
    await received(bystander.actions, 5);
    expect(bystander.actions).toEqual(['createApiKey', 'revokeApiKey', 'createApiKey', 'createApiKey', 'createApiKey']);

    for (const stream of [first, second]) {
      expect(await within(stream.closed, 10_000, 'the revoked key’s websocket to close')).toEqual({
        code: 4403,
        reason: 'The API key was revoked.',
      });
      // Not even the revocation's own audit event.
      expect(stream.actions).toEqual(['createApiKey']);
    }
    bystander.close();
    expect((await bystander.closed).code).toBe(1000);
  });

  it('refuses the revoked key’s next HTTP request with UNAUTHENTICATED "The API key was revoked."', async () => {
    const ctx = systemContext(createLogger('silent'));
    const doomed = await t.server.services.apiKeys.create(ctx, { name: 'doomed-http', role: Role.ADMIN });
    const before = await t.request(CreateApiKeyDocument, { input: { name: 'made-by-doomed', role: Role.READ_ONLY } }, doomed.secret);
    expect(before.errors).toBeUndefined();
    await t.request(RevokeApiKeyDocument, { input: { id: toGlobalId('ApiKey', doomed.apiKey.id) } });
    const after = await t.request(CreateApiKeyDocument, { input: { name: 'refused', role: Role.READ_ONLY } }, doomed.secret);
    expect(after.status).toBe(401);
    expect(after.errors?.[0]).toMatchObject({ message: 'The API key was revoked.', extensions: { code: 'UNAUTHENTICATED' } });
  });
});

describe('a revocation no event announced (the CLI without REDIS_URL)', () => {
  const clock = new ManualClock('2026-09-01T08:00:00.000Z');
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ clock });
  });
  afterAll(() => t?.close());

  it('is found before the first event sent 30 s after the key’s last check, which closes the websocket with 4403 instead', async () => {
    const ctx = systemContext(createLogger('silent'));
    const doomed = await t.server.services.apiKeys.create(ctx, { name: 'doomed-quietly', role: Role.ADMIN });
    const stream = await streamAudit(t.server.url, doomed.secret, () => t.nextOperationStarted());
    const run = await runHomeroom(cliEnvironment(t), 'api-key', 'revoke', '--name', 'doomed-quietly');
    expect(run.code, run.stderr).toBe(0);
    // Nothing told this server, and the key was checked (at connect) less than 30 s ago.
    clock.advance(REVOCATION_CHECK_MS - 1000);
    await t.request(CreateApiKeyDocument, { input: { name: 'still-heard', role: Role.READ_ONLY } });
    await received(stream.actions, 1);

    clock.advance(1000);
    await t.request(CreateApiKeyDocument, { input: { name: 'not-heard', role: Role.READ_ONLY } });
    expect(await within(stream.closed, 10_000, 'the websocket to close')).toEqual({ code: 4403, reason: 'The API key was revoked.' });
    expect(stream.actions).toEqual(['createApiKey']);
  });
});

/** The environment a shell on the server's machine has: its database and keys (and REDIS_URL when given). */
function cliEnvironment(t: TestServer, redisUrl?: string): NodeJS.ProcessEnv {
  const database = t.config.database;
  return {
    DATABASE_URL:
      database.type === 'sqlite' ? `sqlite:${database.path}` : `${database.url}${database.schema ? `?schema=${database.schema}` : ''}`,
    HOMEROOM_DATA_DIR: t.config.dataDir,
    HOMEROOM_SECRET_KEY: t.config.secretKey!.toString('base64'),
    LOG_LEVEL: 'silent',
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
  };
}

const available = await redisAnswers();
const SKIP_REASON = `SKIPPED: no Redis answers at ${REDIS_URL} (start one, e.g. \`redis-server\`, or set TEST_REDIS_URL, to run it)`;
if (!available) console.warn(`test/http/key-revocation.test.ts ${SKIP_REASON}`);

describe.skipIf(!available)(`revocation across two servers sharing Redis${available ? '' : ` (${SKIP_REASON})`}`, () => {
  const prefix = `homeroom-test-${randomBytes(6).toString('hex')}:`;
  let a: TestServer;
  let b: HomeroomServer;
  let bDir: string;
  let redis: Redis;
  const bStarted: Array<() => void> = [];

  beforeAll(async () => {
    a = await startTestServer({ env: { REDIS_URL }, start: { redisChannelPrefix: prefix, ticker: new ManualTicker() } });
    bDir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeroom-test-b-'));
    b = await startServer(
      { ...a.config, port: 0, dataDir: bDir, apple: { ...a.config.apple, simulatorPort: 0 } as typeof a.config.apple },
      {
        logger: createLogger('silent'),
        redisChannelPrefix: prefix,
        ticker: new ManualTicker(),
        onOperationStarted: () => bStarted.shift()?.(),
      },
    );
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    redis?.disconnect();
    await b?.close();
    if (bDir) fs.rmSync(bDir, { recursive: true, force: true });
    await a?.close();
  });

  /** Resolves once `count` connections subscribe to the topic's channel. */
  async function subscribedInRedis(topic: string, count: number): Promise<void> {
    await within(
      (async () => {
        for (;;) {
          const [, subscribers] = (await redis.pubsub('NUMSUB', prefix + topic)) as [string, number];
          if (Number(subscribers) >= count) return;
        }
      })(),
      10_000,
      `${count} Redis subscribers on ${topic}`,
    );
  }

  it('a key revoked on A closes its websocket on B with 4403, and B sends it nothing published after the revocation', async () => {
    const ctx = systemContext(createLogger('silent'));
    const doomed = await a.server.services.apiKeys.create(ctx, { name: 'doomed-on-b', role: Role.ADMIN });
    const onB = await streamAudit(b.url, doomed.secret, () => new Promise<void>((resolve) => bStarted.push(resolve)));
    // Both servers listen for revocations and B for audit events before anything is published.
    await subscribedInRedis(Topic.API_KEY_REVOKED, 2);
    await subscribedInRedis(Topic.AUDIT_EVENT_RECORDED, 1);

    await a.request(CreateApiKeyDocument, { input: { name: 'seen-on-b', role: Role.READ_ONLY } });
    await received(onB.actions, 1);
    const revoked = await a.request(RevokeApiKeyDocument, { input: { id: toGlobalId('ApiKey', doomed.apiKey.id) } });
    expect(revoked.errors).toBeUndefined();
    for (const name of ['after-b-1', 'after-b-2', 'after-b-3']) {
      await a.request(CreateApiKeyDocument, { input: { name, role: Role.READ_ONLY } });
    }
    expect(await within(onB.closed, 10_000, 'the websocket on B to close')).toEqual({ code: 4403, reason: 'The API key was revoked.' });
    expect(onB.actions).toEqual(['createApiKey']);
  });

  it('a key revoked from the CLI with REDIS_URL set closes its websocket on a running server with 4403', async () => {
    // The CLI publishes on the default channels: this server listens there.
    const c = await startTestServer({ env: { REDIS_URL }, start: { ticker: new ManualTicker() } });
    try {
      const ctx = systemContext(createLogger('silent'));
      const doomed = await c.server.services.apiKeys.create(ctx, { name: 'doomed-by-cli', role: Role.ADMIN });
      const stream = await streamAudit(c.server.url, doomed.secret, () => c.nextOperationStarted());
      const run = await runHomeroom(cliEnvironment(c, REDIS_URL), 'api-key', 'revoke', '--name', 'doomed-by-cli');
      expect(run.code, run.stderr).toBe(0);
      expect(await within(stream.closed, 10_000, 'the websocket to close')).toEqual({ code: 4403, reason: 'The API key was revoked.' });
      expect(stream.actions).toEqual([]);
    } finally {
      await c.close();
    }
  });
});
