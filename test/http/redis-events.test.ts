/**
 * Two Homeroom servers on one database and one Redis (`REDIS_URL`): an event published by one
 * reaches subscribers on the other, both ways. Needs a Redis at 127.0.0.1:6379 (or
 * TEST_REDIS_URL); without one the test is skipped and says why, so `npm test` passes anywhere.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { ManualTicker } from '../../src/platform/ticker.js';
import { toGlobalId } from '../../src/global-id.js';
import { startServer, type HomeroomServer } from '../../src/server.js';
import { Topic } from '../../src/platform/events/event-bus.js';
import { Role } from '../../src/permissions.js';
import { systemContext } from '../../src/platform/request-context.js';
import {
  AuditEventRecordedDocument,
  CreateApiKeyDocument,
  SyncCooldownDocument,
  SyncDevicesDocument,
  SyncProgressedDocument,
} from '../generated/operations.js';
import { createTestDatabase, testEnvironment, within } from '../support/database.js';
import { startTestServer, Subscription, type TestServer } from '../support/server.js';
import { uploadSimulatedToken } from '../support/tokens.js';
import { redisAnswers, TEST_REDIS_URL } from '../support/redis.js';

const REDIS_URL = TEST_REDIS_URL;

const available = await redisAnswers();
const SKIP_REASON = `SKIPPED: no Redis answers at ${REDIS_URL} (start one, e.g. \`redis-server\`, or set TEST_REDIS_URL, to run it)`;
if (!available) console.warn(`test/http/redis-events.test.ts ${SKIP_REASON}`);

describe.skipIf(!available)(`events through Redis between two Homeroom servers${available ? '' : ` (${SKIP_REASON})`}`, () => {
  // Channels of their own: other test runs on the same Redis never hear these servers.
  const prefix = `homeroom-test-${randomBytes(6).toString('hex')}:`;
  const logger = createLogger('silent');
  let a: TestServer;
  let b: HomeroomServer;
  let bDir: string;
  let redis: Redis;
  const bStarted: Array<() => void> = [];

  beforeAll(async () => {
    a = await startTestServer({ env: { REDIS_URL }, start: { redisChannelPrefix: prefix, ticker: new ManualTicker() } });
    // B: the same database and secret key, its own port, data directory and (unused) simulator.
    bDir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeroom-test-b-'));
    b = await startServer(
      { ...a.config, port: 0, dataDir: bDir, apple: { ...a.config.apple, simulatorPort: 0 } as typeof a.config.apple },
      { logger, redisChannelPrefix: prefix, ticker: new ManualTicker(), onOperationStarted: () => bStarted.shift()?.() },
    );
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    redis?.disconnect();
    await b?.close();
    fs.rmSync(bDir, { recursive: true, force: true });
    await a?.close();
  });

  /** A websocket client to server B, with one of A's keys (they share the database). */
  function bClient(key: string) {
    return createClient({
      url: b.url.replace(/^http/, 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${key}` },
      retryAttempts: 0,
      lazy: true,
    });
  }

  async function bRequest<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables, key: string) {
    const response = await fetch(`${b.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: print(document), variables }),
    });
    return (await response.json()) as { data?: TData; errors?: unknown[] };
  }

  /** Resolves once someone subscribes to the topic's channel in Redis (a SUBSCRIBE lands after the operation starts). */
  async function subscribedInRedis(topic: string): Promise<void> {
    const channel = prefix + topic;
    await within(
      (async () => {
        for (;;) {
          const [, count] = (await redis.pubsub('NUMSUB', channel)) as [string, number];
          if (Number(count) > 0) return;
        }
      })(),
      10_000,
      `a Redis subscriber on ${channel}`,
    );
  }

  it('delivers a sync started on A to syncProgressed and syncCooldown subscribers on B', async () => {
    const ctx = systemContext(logger);
    const apple = a.server.apple.simulator!;
    const token = await uploadSimulatedToken(a.server.services, apple, ctx, { name: 'Redis school' });
    await a.server.services.sync.idle();
    apple.portal.assignDevices('Redis school', { orderNumbers: [apple.portal.addOrder({ count: 7 }).orderNumber] });
    const tokenId = toGlobalId('EnrollmentProgramToken', token.id);

    const started = new Promise<void>((resolve) => bStarted.push(resolve));
    const progress = new Subscription(bClient(a.keys[Role.READ_ONLY]), SyncProgressedDocument, { tokenId });
    await started;
    expect((await progress.next()).syncProgressed).toMatchObject({ snapshot: true, status: 'SUCCEEDED' });
    const cooldown = new Subscription(bClient(a.keys[Role.READ_ONLY]), SyncCooldownDocument, { tokenId });
    expect((await cooldown.next()).syncCooldown).toMatchObject({ syncAvailableInSeconds: 0, running: false });
    await subscribedInRedis(Topic.SYNC_PROGRESSED);
    await subscribedInRedis(Topic.SYNC_STATE_CHANGED);

    const res = await a.request(SyncDevicesDocument, { input: { tokenId } }, a.keys[Role.OPERATOR]);
    expect(res.errors).toBeUndefined();
    const runId = res.data!.syncDevices.run.id;

    const events = [];
    for (;;) {
      const event = (await progress.next()).syncProgressed;
      events.push(event);
      if (event.status !== 'RUNNING') break;
    }
    expect(events.every((e) => e.runId === runId && e.tokenId === tokenId)).toBe(true);
    expect(events.at(-1)).toMatchObject({ status: 'SUCCEEDED', phase: 'DONE', kind: 'LIMITED', devicesAdded: 7 });

    const running = (await cooldown.next()).syncCooldown;
    expect(running.running).toBe(true);
    expect(running.syncAvailableInSeconds).toBeGreaterThan(890);
    // The run ended; the next manual sync waits out the 15-minute floor counted from this one's start.
    const afterRun = (await cooldown.next()).syncCooldown;
    expect(afterRun.running).toBe(false);
    expect(afterRun.syncAvailableInSeconds).toBeGreaterThan(890);
    progress.close();
    cooldown.close();
    await a.server.services.sync.idle();
  });

  it('delivers an audit event recorded on B to an auditEventRecorded subscriber on A', async () => {
    const started = a.nextOperationStarted();
    const recorded = new Subscription(a.wsClient(), AuditEventRecordedDocument, { action: 'createApiKey' });
    await started;
    await subscribedInRedis(Topic.AUDIT_EVENT_RECORDED);

    const created = await bRequest(CreateApiKeyDocument, { input: { name: 'made-on-b', role: 'READ_ONLY' } }, a.keys[Role.ADMIN]);
    expect(created.errors).toBeUndefined();
    const event = (await recorded.next()).auditEventRecorded;
    expect(event).toMatchObject({ action: 'createApiKey', outcome: 'SUCCEEDED', actorName: 'test-admin' });
    recorded.close();
  });
});

describe('a REDIS_URL that does not answer', () => {
  it('fails the start naming REDIS_URL, with the address and without the password, and leaves the database closed', async () => {
    const db = await createTestDatabase();
    try {
      const config = loadConfig({ NODE_ENV: 'test', PORT: '0', ...testEnvironment(db), REDIS_URL: 'redis://:hunter2@127.0.0.1:1' });
      const refused = startServer(config, { logger: createLogger('silent') });
      await expect(refused).rejects.toMatchObject({ name: 'ConfigError', variable: 'REDIS_URL' });
      const message = ((await refused.catch((error: unknown) => error)) as Error).message;
      expect(message).toMatch(/^REDIS_URL: could not connect to Redis at redis:\/\/.*127\.0\.0\.1:1/);
      expect(message).not.toContain('hunter2');
    } finally {
      await db.cleanup();
    }
  });
});
