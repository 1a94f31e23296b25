/**
 * `npm run bench:fanout`: 1,000 graphql-ws subscribers follow `syncProgressed` while Homeroom
 * syncs 200,000 devices; how late each event reaches each of them, and whether any is lost.
 *
 * Apple is the simulator in a child process. Homeroom (NODE_ENV=production, real HTTP and
 * websockets) uploads a token of an MDM server with no devices (its first sync lists nothing),
 * then the server gets its 200,000 iPads, the subscribers connect (each its own websocket, as
 * 1,000 browser tabs would, all in a child process so they do not share Homeroom's event loop)
 * and wait for their snapshot, and `syncDevices` starts the run that lists them.
 *
 * - Latency: each event carries `at`, stamped on the server clock when the run published it;
 *   a subscriber on the same host subtracts it from the time the event arrived (1 ms grain).
 *   Snapshots are not counted.
 * - Lost: subscriber 0 (on the instance that runs the sync) is the reference; its events must
 *   name every page of the run (1..pages) and end with the final status, and every other
 *   subscriber must receive exactly the events the reference received, in the same order.
 * - With `REDIS_URL`, two Homeroom instances share PostgreSQL (`BENCH_DATABASE_URL`, default
 *   postgres://postgres@127.0.0.1:5432/test, in a schema of its own dropped at the end) and
 *   Redis: the second in a child process, half the subscribers on each. Without it, one
 *   instance on a fresh SQLite file.
 *
 * BENCH_DEVICES (200000) and BENCH_SUBSCRIBERS (1000) set the size. Exits non-zero on errors or
 * lost events, never on timings; prints the p99 against its target (100 ms) last.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import pg from 'pg';
import WebSocket from 'ws';
import { loadConfig } from '../src/config.js';
import { toGlobalId } from '../src/global-id.js';
import { createLogger } from '../src/logger.js';
import { Role } from '../src/permissions.js';
import { Topic } from '../src/platform/events/event-bus.js';
import { systemContext } from '../src/platform/request-context.js';
import { startServer, type HomeroomServer } from '../src/server.js';
import { CpuProfiler, mainThreadCpuMs, type Category } from './cpu-profile.js';
import { SimulatedApple } from './simulated-apple.js';

const DEVICES = Number(process.env.BENCH_DEVICES ?? 200_000);
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const ORDER = Math.min(10_000, DEVICES);
const TARGET_P99_MS = 100;
/** How long subscribers may take after the run ended before a missing event counts as lost. */
const GRACE_MS = 30_000;
/** How long one subscriber may take to connect and get its snapshot. */
const SNAPSHOT_WAIT_MS = 120_000;

/** The web console's own subscription (web/src/operations/sync.graphql). */
const SYNC_PROGRESSED = `subscription SyncProgressed($tokenId: ID!) {
  syncProgressed(tokenId: $tokenId) {
    snapshot runId kind status phase percent pages devicesSeen devicesAdded devicesUpdated devicesRemoved estimatedTotal at
  }
}`;

interface Progress {
  snapshot: boolean;
  runId: string | null;
  status: string | null;
  phase: string;
  pages: number;
  devicesSeen: number;
  devicesAdded: number;
  at: string;
}

/** What the subscribers' process reports. */
interface FanoutReport {
  readonly subscribers: number;
  /** Per instance (by URL index): latencies of every delivery, sorted. */
  readonly latencies: number[][];
  /** Per event the reference received, in its order: p50 and p99 over every subscriber that received it. */
  readonly perEvent: Array<{ key: string; p50: number; p99: number }>;
  /** The reference's events, in order. */
  readonly reference: string[];
  readonly referencePages: number[];
  readonly referenceEnded: boolean;
  readonly missing: number;
  readonly extra: number;
  readonly outOfOrder: number;
  readonly unfinished: number;
  readonly errors: string[];
}

/** Where instance A's main thread spends the run (see cpu-profile.ts). */
const CATEGORIES: readonly Category[] = [
  { name: 'GraphQL execution per delivery', packages: /\/(graphql|type-graphql)\// },
  { name: 'websockets (graphql-ws, ws)', packages: /\/(graphql-ws|ws)\// },
  {
    name: 'subscription plumbing (streams, bus, onNext)',
    own: /\/src\/(http\/subscriptions|platform\/events|services\/sync\/sync-streams|schema|resolvers)\//,
    packages: /\/(@graphql-yoga|@repeaterjs|ioredis|@graphql-tools)\//,
  },
  {
    name: 'the sync (pages, database)',
    own: /\/src\/(services|entities|apple)\//,
    packages: /\/(typeorm|better-sqlite3|pg|pg-protocol)\//,
  },
];

const keyOf = (p: Progress) => `${p.runId}|${p.status}|${p.phase}|${p.pages}|${p.devicesSeen}|${p.devicesAdded}`;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const quantile = (sorted: readonly number[], q: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

// ------------------------------------------------------------------------------------------------
// The subscribers' process: `--subscribers <json>`.

async function subscribersProcess(options: { urls: string[]; key: string; tokenId: string; count: number }): Promise<void> {
  const events: Array<Array<{ key: string; latency: number; pages: number }>> = [];
  const ended: boolean[] = [];
  const errors: string[] = [];
  const clients: Client[] = [];
  let snapshots = 0;
  let finished = 0;
  let reported = false;
  const report = () => {
    if (reported) return;
    reported = true;
    const reference = events[0] ?? [];
    const referenceKeys = reference.map((e) => e.key);
    const expected = new Set(referenceKeys);
    let missing = 0;
    let extra = 0;
    let outOfOrder = 0;
    for (const received of events.slice(1)) {
      const keys = received.map((e) => e.key);
      const got = new Set(keys);
      missing += referenceKeys.filter((k) => !got.has(k)).length;
      extra += keys.filter((k) => !expected.has(k)).length;
      const common = referenceKeys.filter((k) => got.has(k));
      if (keys.filter((k) => expected.has(k)).join('\n') !== common.join('\n')) outOfOrder += 1;
    }
    const latencies = options.urls.map(() => [] as number[]);
    events.forEach((received, i) => latencies[i % options.urls.length]!.push(...received.map((e) => e.latency)));
    for (const list of latencies) list.sort((a, b) => a - b);
    const byEvent = new Map<string, number[]>(referenceKeys.map((key) => [key, []]));
    for (const received of events) for (const e of received) byEvent.get(e.key)?.push(e.latency);
    const perEvent = [...byEvent].map(([key, list]) => {
      list.sort((a, b) => a - b);
      return { key, p50: quantile(list, 0.5), p99: quantile(list, 0.99) };
    });
    const result: FanoutReport = {
      subscribers: events.length,
      latencies,
      perEvent,
      reference: referenceKeys,
      referencePages: reference.map((e) => e.pages),
      referenceEnded: ended[0] === true,
      missing,
      extra,
      outOfOrder,
      unfinished: ended.filter((e) => !e).length,
      errors: errors.slice(0, 10),
    };
    process.send!({ report: result }, undefined, {}, () => {
      for (const client of clients) void client.dispose();
      process.exit(0);
    });
  };
  process.on('message', (message: { finish?: boolean }) => {
    if (message.finish) report();
  });

  // Connected in waves of 50, so the burst of 1,000 handshakes does not itself time out.
  for (let wave = 0; wave < options.count; wave += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, options.count - wave) }, (_, j) => {
        const i = wave + j;
        events[i] = [];
        ended[i] = false;
        const client = createClient({
          url: options.urls[i % options.urls.length]!.replace(/^http/, 'ws') + '/graphql',
          webSocketImpl: WebSocket,
          connectionParams: { authorization: `Bearer ${options.key}` },
          retryAttempts: 0,
          lazy: true,
        });
        clients.push(client);
        return new Promise<void>((resolve) => {
          // A subscriber without its snapshot is reported, not waited for forever.
          const timer = setTimeout(() => {
            errors.push(`subscriber ${i}: no snapshot within ${SNAPSHOT_WAIT_MS / 1000} s`);
            resolve();
          }, SNAPSHOT_WAIT_MS);
          const subscribed = () => {
            clearTimeout(timer);
            resolve();
          };
          client.subscribe<{ syncProgressed: Progress }>(
            { query: SYNC_PROGRESSED, variables: { tokenId: options.tokenId } },
            {
              next: (result) => {
                const receivedAt = Date.now();
                if (result.errors) {
                  errors.push(`subscriber ${i}: ${JSON.stringify(result.errors)}`);
                  return;
                }
                const progress = result.data!.syncProgressed;
                if (progress.snapshot) {
                  snapshots += 1;
                  subscribed();
                  return;
                }
                events[i]!.push({ key: keyOf(progress), latency: receivedAt - Date.parse(progress.at), pages: progress.pages });
                if (progress.status !== 'RUNNING' && !ended[i]) {
                  ended[i] = true;
                  finished += 1;
                  if (finished === options.count) report();
                }
              },
              error: (error) => {
                errors.push(`subscriber ${i}: ${error instanceof Error ? error.message : JSON.stringify(error)}`);
                subscribed();
              },
              complete: () => undefined,
            },
          );
        });
      }),
    );
  }
  process.send!({ ready: snapshots });
}

// ------------------------------------------------------------------------------------------------
// A second Homeroom instance: `--instance <redis channel prefix>`, configured by its environment.

async function instanceProcess(prefix: string): Promise<void> {
  const server = await startServer(loadConfig(process.env), { logger: createLogger('silent'), redisChannelPrefix: prefix });
  process.on('message', (message: { stop?: boolean }) => {
    if (message.stop) void server.close().then(() => process.exit(0));
  });
  process.send!({ url: server.url });
}

// ------------------------------------------------------------------------------------------------

async function forkReady<T>(args: string[], env: NodeJS.ProcessEnv | undefined, key: string): Promise<{ child: ChildProcess; value: T }> {
  const child = fork(fileURLToPath(import.meta.url), args, { stdio: 'inherit', ...(env ? { env } : {}) });
  const value = await new Promise<T>((resolve, reject) => {
    const onMessage = (message: Record<string, T>) => {
      if (key in message) {
        child.off('message', onMessage);
        resolve(message[key]!);
      }
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`the ${args[0]} process exited with ${code}`)));
  });
  return { child, value };
}

async function postgresAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const redisUrl = process.env.REDIS_URL?.trim() || null;
  const pgUrl = process.env.BENCH_DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_fanout_${randomBytes(4).toString('hex')}`;
  const prefix = `homeroom-bench-fanout-${randomBytes(4).toString('hex')}:`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeroom-bench-fanout-'));
  if (redisUrl && !(await postgresAnswers(pgUrl))) {
    throw new Error(`REDIS_URL is set, so two instances need a shared PostgreSQL, and none answers at ${pgUrl} (BENCH_DATABASE_URL)`);
  }
  const apple = await SimulatedApple.start(Math.ceil(DEVICES / ORDER) * ORDER, ORDER);
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    APPLE_DEP_URL: apple.url,
    HOMEROOM_SECRET_KEY: randomBytes(32).toString('base64'),
    DATABASE_URL: redisUrl ? `${pgUrl}${pgUrl.includes('?') ? '&' : '?'}schema=${schema}` : `sqlite:${path.join(dir, 'homeroom.sqlite')}`,
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
  };
  let a: HomeroomServer | null = null;
  let b: ChildProcess | null = null;
  let subscribers: ChildProcess | null = null;
  let failed: boolean;
  try {
    a = await startServer(loadConfig({ ...env, HOMEROOM_DATA_DIR: path.join(dir, 'a') }), {
      logger: createLogger('silent'),
      redisChannelPrefix: prefix,
    });
    const urls = [a.url];
    if (redisUrl) {
      const second = await forkReady<string>(
        ['--instance', prefix],
        { ...process.env, ...env, HOMEROOM_DATA_DIR: path.join(dir, 'b') },
        'url',
      );
      b = second.child;
      urls.push(second.value);
    }
    process.stdout.write(
      `${DEVICES} devices, ${SUBSCRIBERS} subscribers on ${urls.length === 1 ? 'one instance (SQLite, events in memory)' : 'two instances (PostgreSQL + Redis, half on each)'}\n`,
    );

    const ctx = systemContext(createLogger('silent'));
    const services = a.services;
    await services.pushCertificates.ensureSimulated(ctx);
    const reader = await services.apiKeys.create(ctx, { name: 'bench-fanout-reader', role: Role.READ_ONLY });
    const operator = await services.apiKeys.create(ctx, { name: 'bench-fanout-operator', role: Role.OPERATOR });
    const { key } = await services.tokens.generateEncryptionPublicKey(ctx);
    const tokenFile = await apple.server('Bench fanout', key.certificatePem, 0);
    const token = await services.tokens.upload(ctx, { name: 'Bench fanout', appleId: 'it-admin@school.example', tokenFile });
    await services.sync.idle();
    await apple.assign('Bench fanout', DEVICES);
    const tokenId = toGlobalId('EnrollmentProgramToken', token.id);

    const connecting = performance.now();
    const started = await forkReady<number>(
      ['--subscribers', JSON.stringify({ urls, key: reader.secret, tokenId, count: SUBSCRIBERS })],
      undefined,
      'ready',
    );
    subscribers = started.child;
    process.stdout.write(
      `  ${started.value} subscribers had their snapshot after ${round((performance.now() - connecting) / 1000, 2)} s\n`,
    );
    const reported = new Promise<FanoutReport>((resolve, reject) => {
      subscribers!.on('message', (message: { report?: FanoutReport }) => message.report && resolve(message.report));
      subscribers!.once('exit', (code) => reject(new Error(`the subscribers' process exited with ${code} before reporting`)));
    });
    reported.catch(() => undefined);
    if (redisUrl) {
      // Both instances listen on the topic's Redis channel before the run starts.
      const redis = new Redis(redisUrl);
      try {
        for (;;) {
          const [, count] = (await redis.pubsub('NUMSUB', prefix + Topic.SYNC_PROGRESSED)) as [string, number];
          if (Number(count) >= urls.length) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      } finally {
        redis.disconnect();
      }
    }

    const profiler = new CpuProfiler();
    await profiler.start();
    const cpuBefore = mainThreadCpuMs();
    const response = await fetch(`${a.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${operator.secret}` },
      body: JSON.stringify({
        query: 'mutation($input: SyncDevicesInput!) { syncDevices(input: $input) { run { id } } }',
        variables: { input: { tokenId } },
      }),
    });
    const body = (await response.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(`syncDevices failed: ${JSON.stringify(body.errors)}`);
    await services.sync.idle();
    const run = (await services.sync.listRuns(token.id, { first: 1 })).edges[0]!.node;
    const seconds = (run.finishedAt!.getTime() - run.startedAt.getTime()) / 1000;
    process.stdout.write(
      `  the run: ${run.kind} ${run.status}, ${run.devicesAdded} devices added in ${run.pages} pages, ${round(seconds, 2)} s\n`,
    );
    const timeout = setTimeout(() => subscribers?.send({ finish: true }), GRACE_MS);
    const report = await reported;
    clearTimeout(timeout);
    const cpuAfter = mainThreadCpuMs();
    const split = await profiler.stop(CATEGORIES, process.env.BENCH_PROFILE || undefined);
    const busy = Object.entries(split).filter(([name]) => name !== 'idle');
    const busyMs = busy.reduce((sum, [, ms]) => sum + ms, 0);
    process.stdout.write(
      `  instance A's main thread: ${cpuBefore !== null && cpuAfter !== null ? `${round((cpuAfter - cpuBefore) / 1000)} s of CPU; ` : ''}` +
        `busy samples ${round(busyMs / 1000)} s: ` +
        busy
          .sort(([, x], [, y]) => y - x)
          .map(([name, ms]) => `${name} ${Math.round((100 * ms) / busyMs)}%`)
          .join(', ') +
        '\n',
    );
    const cpuMs = cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null;
    const deliveriesOnA = report.latencies[0]?.length ?? 0;
    if (cpuMs !== null && deliveriesOnA > 0) {
      // The sync's own samples taken out: what is left is what the deliveries cost.
      const syncShare = busyMs > 0 ? (split['the sync (pages, database)'] ?? 0) / busyMs : 0;
      const perDelivery = (cpuMs * (1 - syncShare)) / deliveriesOnA;
      const perInstance = Math.ceil(SUBSCRIBERS / urls.length);
      process.stdout.write(
        `  CPU per delivery on A (the sync's share taken out): ${round(perDelivery * 1000)} µs; one event to its ` +
          `${perInstance} subscribers is about ${Math.round(perDelivery * perInstance)} ms of one core, the last ` +
          `subscriber's wait on an idle machine; load average ${os
            .loadavg()
            .map((l) => round(l, 1))
            .join(' ')}\n`,
      );
    }

    const problems: string[] = [];
    if (run.status !== 'SUCCEEDED' || run.devicesAdded !== DEVICES)
      problems.push(`the run ended ${run.status} with ${run.devicesAdded} devices added`);
    const pagesSeen = new Set(report.referencePages);
    const unseenPages = Array.from({ length: run.pages }, (_, i) => i + 1).filter((p) => !pagesSeen.has(p));
    if (unseenPages.length > 0) problems.push(`the reference missed the events of ${unseenPages.length} of ${run.pages} pages`);
    if (!report.referenceEnded) problems.push('the reference never received the final event');
    if (report.errors.length > 0) problems.push(`subscription errors: ${report.errors.join('; ')}`);
    if (report.subscribers !== SUBSCRIBERS) problems.push(`${report.subscribers} of ${SUBSCRIBERS} subscribers reported`);
    if (report.extra > 0) problems.push(`${report.extra} events the reference did not receive`);
    if (report.outOfOrder > 0) problems.push(`${report.outOfOrder} subscribers received events out of order`);
    const lost = report.missing + (report.referenceEnded ? 0 : 1) + unseenPages.length;

    const all = report.latencies.flat().sort((x, y) => x - y);
    process.stdout.write(
      `  ${report.reference.length} events a subscriber, ${all.length} deliveries; ${report.unfinished} subscribers without the final event\n`,
    );
    report.latencies.forEach((list, i) =>
      process.stdout.write(
        `  instance ${i === 0 ? 'A (runs the sync)' : 'B (events through Redis)'}: p50 ${quantile(list, 0.5)} ms, ` +
          `p99 ${quantile(list, 0.99)} ms, max ${quantile(list, 1)} ms over ${list.length} deliveries\n`,
      ),
    );
    if (report.perEvent.length > 0) {
      const p99s = report.perEvent.map((e) => e.p99).sort((x, y) => x - y);
      const p50s = report.perEvent.map((e) => e.p50).sort((x, y) => x - y);
      const worst = report.perEvent.reduce((w, e) => (e.p99 > w.p99 ? e : w));
      process.stdout.write(
        `  per event (${report.perEvent.length}): p50 across subscribers, median ${quantile(p50s, 0.5)} ms; ` +
          `p99 across subscribers, median ${quantile(p99s, 0.5)} ms, worst ${worst.p99} ms (status|phase|pages ${worst.key.split('|').slice(1, 4).join('|')})\n`,
      );
    }
    for (const problem of problems) process.stdout.write(`  ERROR: ${problem}\n`);
    failed = problems.length > 0 || lost > 0;
    process.stdout.write(
      `delivery latency p50 ${quantile(all, 0.5)} ms, p99 ${quantile(all, 0.99)} ms (target < ${TARGET_P99_MS} ms); ` +
        `events lost ${lost} (target 0)\n`,
    );
  } finally {
    subscribers?.kill();
    if (b) {
      const exited = new Promise((resolve) => b!.once('exit', resolve));
      b.send({ stop: true });
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      b.kill();
    }
    await a?.close();
    apple.stop();
    if (redisUrl) {
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (failed) process.exitCode = 1;
}

if (process.argv[2] === '--subscribers') await subscribersProcess(JSON.parse(process.argv[3]!));
else if (process.argv[2] === '--instance') await instanceProcess(process.argv[3]!);
else await main();
