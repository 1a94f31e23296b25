/**
 * Two Homeroom instances on one PostgreSQL and one Redis, and one Apple (the simulator, in this
 * process, so it outlives them): A is what `npm start` runs (dist/src/main.js in a child
 * process), B runs in this process. A sync and an assignment job started on A are followed from
 * B's websockets; A is killed with SIGKILL mid-way (no shutdown, no lease released), and B resumes
 * the work once the lease has run out, with exact device counts at the end.
 *
 * The leases are 15 minutes (a sync run) and 2 minutes (an assignment job): B's clock is moved
 * past them rather than waited for. Needs PostgreSQL (TEST_DATABASE_URL, else
 * postgres://postgres@127.0.0.1:5432/test; a schema of its own, dropped after) and Redis
 * (TEST_REDIS_URL, else redis://127.0.0.1:6379); skipped, saying why, when either does not answer.
 * `npm test` builds dist/ first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadConfig } from '../../src/config.js';
import { Device } from '../../src/entities/device.entity.js';
import { SyncRun } from '../../src/entities/sync-run.entity.js';
import { fromGlobalId, toGlobalId } from '../../src/global-id.js';
import { createLogger } from '../../src/logger.js';
import { Role } from '../../src/permissions.js';
import type { Clock } from '../../src/platform/clock.js';
import { systemContext } from '../../src/platform/request-context.js';
import { ManualTicker } from '../../src/platform/ticker.js';
import { startServer, type HomeroomServer } from '../../src/server.js';
import { LEASE_MS } from '../../src/services/assignment/assignment-runner.js';
import { RUN_DEADLINE_MS } from '../../src/services/sync/sync.service.js';
import { startAppleSimulator, type RunningAppleSimulator } from '../../src/simulator/apple/index.js';
import {
  AssignmentJobProgressedDocument,
  AssignProfileDocument,
  GenerateEncryptionPublicKeyDocument,
  SyncDevicesDocument,
  SyncProgressedDocument,
  UploadTokenDocument,
} from '../generated/operations.js';
import { within } from '../support/database.js';
import { Subscription } from '../support/server.js';
import { cartProfile } from '../support/tokens.js';
import { redisAnswers, TEST_REDIS_URL } from '../support/redis.js';

const MAIN = path.resolve('dist/src/main.js');
const PG_URL = process.env.TEST_DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = TEST_REDIS_URL;
/** 12 pages of sync, 12 Apple calls of assignment: each slowed so A is killed with most still to do. */
const DEVICES = 12_000;
const SLOW_CALL_MS = 500;

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const missing = [
  ...((await postgresAnswers()) ? [] : [`no PostgreSQL answers at ${PG_URL} (set TEST_DATABASE_URL)`]),
  ...((await redisAnswers()) ? [] : [`no Redis answers at ${REDIS_URL} (set TEST_REDIS_URL)`]),
];
const SKIP_REASON = `SKIPPED: ${missing.join('; ')}`;
if (missing.length > 0) console.warn(`test/e2e/scale-out.e2e.test.ts ${SKIP_REASON}`);

/** The system clock, moved forward on demand: B lives through a lease without waiting for it. */
class MovableClock implements Clock {
  private offset = 0;
  now(): Date {
    return new Date(Date.now() + this.offset);
  }
  advance(ms: number): void {
    this.offset += ms;
  }
}

const rowId = (globalId: string) => Number(fromGlobalId(globalId)!.key);

interface Instance {
  readonly child: ChildProcess;
  readonly url: string;
  readonly exited: Promise<NodeJS.Signals | number | null>;
}

describe.skipIf(missing.length > 0)(`two instances on one PostgreSQL and Redis${missing.length > 0 ? ` (${SKIP_REASON})` : ''}`, () => {
  const schema = `scale_out_${randomBytes(6).toString('hex')}`;
  const logger = createLogger('silent');
  const ctx = systemContext(logger);
  const clock = new MovableClock();
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  const clients: Client[] = [];
  let env: Record<string, string>;
  let apple: RunningAppleSimulator;
  let b: HomeroomServer;
  let keys: Record<'reader' | 'admin', string>;
  /** The token the sync test leaves with every device listed; the assignment test assigns them. */
  let syncedTokenId: number | null = null;

  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeroom-scale-out-'));
    dirs.push(dir);
    return dir;
  };

  beforeAll(async () => {
    if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` (npm test does it for you)`);
    apple = await startAppleSimulator({ port: 0, host: '127.0.0.1', devices: 10, orders: 1, seed: 19 });
    env = {
      NODE_ENV: 'production',
      PORT: '0',
      LOG_LEVEL: 'info',
      DATABASE_URL: `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}schema=${schema}`,
      HOMEROOM_SECRET_KEY: randomBytes(32).toString('base64'),
      REDIS_URL,
      APPLE_DEP_URL: apple.url,
    };
    // B first: it creates the schema and runs the migrations.
    b = await startServer(loadConfig({ ...env, HOMEROOM_DATA_DIR: tempDir(), LOG_LEVEL: 'silent' }), {
      logger,
      clock,
      ticker: new ManualTicker(),
    });
    keys = {
      reader: (await b.services.apiKeys.create(ctx, { name: 'scale-out-reader', role: Role.READ_ONLY })).secret,
      admin: (await b.services.apiKeys.create(ctx, { name: 'scale-out-admin', role: Role.ADMIN })).secret,
    };
    await b.services.pushCertificates.ensureSimulated(ctx);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    for (const child of children) child.kill('SIGKILL');
    await b?.close();
    await apple?.close();
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  /** Instance A: `npm start`'s server in its own process, ready when it says so. */
  async function startA(): Promise<Instance> {
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env, HOMEROOM_DATA_DIR: tempDir() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let out = '';
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
    const url = await within(
      new Promise<string>((resolve, reject) => {
        child.stdout!.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const ready = out.split('\n').find((line) => line.includes('"Homeroom is ready"'));
          if (ready) resolve((JSON.parse(ready) as { url: string }).url);
        });
        child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
        void exited.then((code) => reject(new Error(`instance A exited with ${code}:\n${out}`)));
      }),
      30_000,
      'instance A to be ready',
    );
    return { child, url, exited };
  }

  async function kill(a: Instance): Promise<void> {
    a.child.kill('SIGKILL');
    expect(await a.exited).toBe('SIGKILL');
  }

  async function request<TData, TVariables>(url: string, document: TypedDocumentNode<TData, TVariables>, variables: TVariables) {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${keys.admin}` },
      body: JSON.stringify({ query: print(document), variables }),
    });
    const body = (await response.json()) as { data?: TData; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body.data!;
  }

  /** A subscription on B, resolving once B is listening (its snapshot or first event arrived). */
  async function followOnB<T, V extends Record<string, unknown>>(document: TypedDocumentNode<T, V>, variables: V) {
    const client = createClient({
      url: b.url.replace(/^http/, 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${keys.reader}` },
      retryAttempts: 0,
      lazy: true,
    });
    clients.push(client);
    return new Subscription(client, document, variables);
  }

  it('follows from B a sync started on A; A killed mid-way, B resumes it from its last page once the lease ran out: every device, once', async () => {
    const a = await startA();
    const name = 'Scale-out school';
    const { generateEncryptionPublicKey } = await request(a.url, GenerateEncryptionPublicKeyDocument, {});
    const { token: file } = apple.portal.createServer({ name, publicKeyPem: generateEncryptionPublicKey.encryptionPublicKey.certificate });
    apple.portal.assignDevices(name, { orderNumbers: [apple.portal.addOrder({ count: DEVICES }).orderNumber] });
    const pages = apple.faults.add({ kind: 'delay', ms: SLOW_CALL_MS, endpoint: 'POST /server/devices', times: 1000 });

    // The upload on A starts the token's first (FULL) sync there.
    const { uploadToken } = await request(a.url, UploadTokenDocument, {
      input: { name, appleId: 'it-admin@school.example', tokenFile: file.content },
    });
    const tokenId = uploadToken.token.id;
    const progress = await followOnB(SyncProgressedDocument, { tokenId });
    const first = (await progress.next(30_000)).syncProgressed;
    expect(first).toMatchObject({ snapshot: true, status: 'RUNNING', kind: 'FULL' });
    const killedRunId = first.runId!;
    // Pages A commits reach B through Redis; A dies after the second.
    for (;;) {
      const event = (await progress.next(30_000)).syncProgressed;
      expect(event).toMatchObject({ runId: killedRunId, status: 'RUNNING' });
      if (event.pages >= 2) break;
    }
    await kill(a);
    const killed = (await b.dataSource.getRepository(SyncRun).findOneByOrFail({ id: rowId(killedRunId) }))!;
    expect(killed.status).toBe('RUNNING');
    expect(killed.devicesSeen).toBeLessThan(DEVICES);
    apple.faults.remove(pages);

    // Within the 15-minute lease nothing may start; past it, B marks the run TIMED_OUT and resumes the listing.
    const refused = await fetch(`${b.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${keys.admin}` },
      body: JSON.stringify({ query: print(SyncDevicesDocument), variables: { input: { tokenId } } }),
    });
    expect(((await refused.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe(
      'SYNC_IN_PROGRESS',
    );
    clock.advance(RUN_DEADLINE_MS + 1000);
    const { syncDevices } = await request(b.url, SyncDevicesDocument, { input: { tokenId } });
    expect(syncDevices.run).toMatchObject({ kind: 'FULL', status: 'RUNNING' });
    await b.services.sync.idle();

    const events = [];
    for (;;) {
      const event = (await progress.next(30_000)).syncProgressed;
      events.push(event);
      if (event.runId === syncDevices.run.id && event.status !== 'RUNNING') break;
    }
    expect(events.find((e) => e.runId === killedRunId)).toMatchObject({ status: 'TIMED_OUT', phase: 'DONE' });
    expect(events.at(-1)).toMatchObject({ status: 'SUCCEEDED', phase: 'DONE' });
    const resumed = (await b.dataSource.getRepository(SyncRun).findOneByOrFail({ id: rowId(syncDevices.run.id) }))!;
    expect(resumed).toMatchObject({ status: 'SUCCEEDED', fallbackReason: 'RESUMED_FULL_SYNC' });
    // It listed only what A had not committed.
    expect(resumed.devicesSeen).toBeLessThan(DEVICES);
    const storedToken = rowId(tokenId);
    syncedTokenId = storedToken;
    expect(await b.services.devices.count(storedToken)).toBe(DEVICES);
    expect(await b.dataSource.getRepository(Device).countBy({ tokenId: storedToken })).toBe(DEVICES);
    progress.close();
  }, 300_000);

  it('follows from B an assignment job started on A; A killed mid-way, B takes the job once its lease ran out: every device assigned', async () => {
    const tokenId = syncedTokenId!;
    const profile = await b.services.profiles.create(ctx, tokenId, cartProfile('Scale-out carts'));
    const a = await startA();
    const slow = apple.faults.add({ kind: 'delay', ms: SLOW_CALL_MS, endpoint: 'POST /profile/devices', times: 1000 });

    const { assignProfile } = await request(a.url, AssignProfileDocument, {
      input: { profileId: toGlobalId('EnrollmentProfile', profile.id), devices: { filter: { profile: { assignment: 'UNASSIGNED' } } } },
    });
    const job = assignProfile.job!;
    expect(job.deviceCount).toBe(DEVICES);
    const progress = await followOnB(AssignmentJobProgressedDocument, { jobId: job.id });
    for (;;) {
      const event = (await progress.next(30_000)).assignmentJobProgressed;
      expect(event.status).toBe('RUNNING');
      if (event.appleCalls >= 2) break;
    }
    await kill(a);
    const stalled = await b.services.assignments.findJob(rowId(job.id));
    expect(stalled).toMatchObject({ status: 'RUNNING' });
    expect(stalled!.succeededCount).toBeLessThan(DEVICES);
    apple.faults.remove(slow);

    // While A's lease holds, B leaves the job alone; past it, B's periodic look takes it.
    await b.services.assignments.resumeNow();
    expect(await b.services.assignments.findJob(rowId(job.id))).toMatchObject({ succeededCount: stalled!.succeededCount });
    clock.advance(LEASE_MS + 1000);
    await b.services.assignments.resumeNow();
    await b.services.assignments.idle();

    let last;
    do last = (await progress.next(30_000)).assignmentJobProgressed;
    while (last.status === 'RUNNING');
    expect(last).toMatchObject({ status: 'SUCCEEDED', deviceCount: DEVICES, succeededCount: DEVICES, pendingCount: 0, failedCount: 0 });
    expect(await b.dataSource.getRepository(Device).countBy({ tokenId, profileId: profile.id })).toBe(DEVICES);
    progress.close();
  }, 300_000);
});
