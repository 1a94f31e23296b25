/**
 * `npm run bench:sync`: a full device sync of 200,000 devices, end to end, against its ceiling.
 *
 * Apple is the simulator in a child process (like Apple, its work is not Homeroom's; Homeroom's
 * RSS is then its own), with 250,000 iPads in 25 orders of 10,000.
 * 1. Homeroom (Services over a fresh SQLite file, as `npm start` opens it) uploads a token of a
 *    50,000-device MDM server: the upload starts the FULL sync (warm-up, and the first RSS point).
 * 2. The same for a 200,000-device server: devices/s from the run's start to its end (listing,
 *    set-based upserts, marking removed, the trailing change-log call), and peak RSS.
 * 3. Ceiling: the same 200 pages of 1000 fetched by the DEP client from the same server, each
 *    upserted with ONE raw prepared better-sqlite3 statement, all in one transaction, into a
 *    second fresh database (foreign keys off). It runs last, warm, so the ratio is not flattered.
 * Prints devices/s of both, their ratio (target <= 1.5), and peak RSS at 50k and 200k (target:
 * flat). Run with NODE_ENV=production (the npm script does). BENCH_DEVICES scales step 2,
 * BENCH_WARMUP_DEVICES step 1 (whole orders of 10,000, or of the smaller of the two).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { DepClient } from '../src/apple/dep-client.js';
import { generateTokenKeyPair, readServerToken } from '../src/apple/token-crypto.js';
import { openDatabase } from '../src/entities/data-source.js';
import type { SyncRun } from '../src/entities/sync-run.entity.js';
import { createLogger } from '../src/logger.js';
import { systemContext } from '../src/platform/request-context.js';
import { Services } from '../src/services/services.js';
import { benchServices, SimulatedApple } from './simulated-apple.js';

/** The warm-up sync's size; BENCH_WARMUP_DEVICES makes it smaller (the CI regression run). */
const SMALL = Number(process.env.BENCH_WARMUP_DEVICES ?? 50_000);
const LARGE = Number(process.env.BENCH_DEVICES ?? 200_000);
/** iPads per simulator order; each step's size is whole orders. */
const ORDER = Math.min(10_000, SMALL, LARGE);
const USER_AGENT = 'homeroom-bench/1';

/** Peak RSS while `work` runs: sampled every 10 ms and after every committed page. */
class RssProbe {
  peak = 0;
  private timer: NodeJS.Timeout | null = null;

  sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
  }

  async during<T>(work: () => Promise<T>): Promise<T> {
    this.peak = 0;
    this.sample();
    this.timer = setInterval(() => this.sample(), 10);
    try {
      return await work();
    } finally {
      clearInterval(this.timer);
      this.sample();
    }
  }
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

async function fullSyncOf(services: Services, apple: SimulatedApple, name: string, devices: number, probe: RssProbe): Promise<SyncRun> {
  const ctx = systemContext(createLogger('silent'));
  const { key } = await services.tokens.generateEncryptionPublicKey(ctx);
  const tokenFile = await apple.server(name, key.certificatePem, devices);
  const before = process.memoryUsage.rss();
  const run = await probe.during(async () => {
    const token = await services.tokens.upload(ctx, { name, appleId: 'it-admin@school.example', tokenFile });
    await services.sync.idle();
    return (await services.sync.listRuns(token.id, { first: 1 })).edges[0]!.node;
  });
  if (run.status !== 'SUCCEEDED' || run.devicesAdded !== devices) {
    throw new Error(`the ${name} sync ended ${run.status} with ${run.devicesAdded} devices: ${run.errorMessage}`);
  }
  const seconds = (run.finishedAt!.getTime() - run.startedAt.getTime()) / 1000;
  process.stdout.write(
    `  ${String(devices).padStart(7)} devices: ${run.pages} pages in ${round(seconds)} s = ${Math.round(devices / seconds)} devices/s; ` +
      `RSS ${mb(before)} before, peak ${mb(probe.peak)} (+${mb(probe.peak - before)})\n`,
  );
  return run;
}

/** The ceiling: DEP client pages straight into one prepared upsert, one transaction. */
async function ceiling(apple: SimulatedApple, name: string, dir: string, devices: number): Promise<number> {
  const keyPair = generateTokenKeyPair();
  const credentials = readServerToken(await apple.token(name, keyPair.certificatePem), keyPair);
  const dataSource = await openDatabase({ type: 'sqlite', path: path.join(dir, 'ceiling.sqlite') });
  const db = (dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection;
  db.pragma('foreign_keys = OFF');
  const upsert = db.prepare(
    `INSERT INTO device (token_id, serial_number, model, description, color, asset_tag, os, device_family, profile_status,
       apple_profile_uuid, profile_assign_time, profile_push_time, device_assigned_date, device_assigned_by, profile_id,
       first_seen_at, last_seen_at, removed_at)
     VALUES (1, @serial_number, @model, @description, @color, @asset_tag, @os, @device_family, @profile_status, @profile_uuid,
       @profile_assign_time, @profile_push_time, @device_assigned_date, @device_assigned_by, NULL, @now, @now, NULL)
     ON CONFLICT (serial_number) DO UPDATE SET token_id = excluded.token_id, model = excluded.model,
       description = excluded.description, color = excluded.color, asset_tag = excluded.asset_tag, os = excluded.os,
       device_family = excluded.device_family, profile_status = excluded.profile_status,
       apple_profile_uuid = excluded.apple_profile_uuid, profile_assign_time = excluded.profile_assign_time,
       profile_push_time = excluded.profile_push_time, device_assigned_date = excluded.device_assigned_date,
       device_assigned_by = excluded.device_assigned_by, last_seen_at = excluded.last_seen_at, removed_at = NULL`,
  );
  const client = new DepClient({ baseUrl: apple.url, credentials, userAgent: USER_AGENT });
  await client.account();
  const started = performance.now();
  let written = 0;
  db.exec('BEGIN');
  for await (const page of client.fetchDevices({ limit: 1000 })) {
    const now = new Date().toISOString();
    for (const d of page.devices) {
      upsert.run({
        serial_number: d.serial_number,
        model: d.model ?? null,
        description: d.description ?? null,
        color: d.color ?? null,
        asset_tag: d.asset_tag ?? null,
        os: d.os ?? null,
        device_family: d.device_family ?? null,
        profile_status: d.profile_status ?? 'empty',
        profile_uuid: d.profile_uuid ?? null,
        profile_assign_time: d.profile_assign_time ?? null,
        profile_push_time: d.profile_push_time ?? null,
        device_assigned_date: d.device_assigned_date ?? null,
        device_assigned_by: d.device_assigned_by ?? null,
        now,
      });
    }
    written += page.devices.length;
  }
  db.exec('COMMIT');
  const seconds = (performance.now() - started) / 1000;
  await dataSource.destroy();
  if (written !== devices) throw new Error(`the ceiling wrote ${written} devices, expected ${devices}`);
  process.stdout.write(`  ${String(devices).padStart(7)} devices: ${round(seconds)} s = ${Math.round(devices / seconds)} devices/s\n`);
  return devices / seconds;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeroom-bench-sync-'));
  const apple = await SimulatedApple.start(Math.ceil((SMALL + LARGE) / ORDER) * ORDER, ORDER);
  try {
    const dataSource = await openDatabase({ type: 'sqlite', path: path.join(dir, 'homeroom.sqlite') });
    const services = benchServices(dataSource, apple.url, USER_AGENT);
    const probe = new RssProbe();
    services.sync.hooks.afterPageCommitted = () => probe.sample();
    await services.pushCertificates.ensureSimulated(systemContext(createLogger('silent')));

    process.stdout.write(`Homeroom full sync (upload -> FULL run; SQLite file, WAL, synchronous=NORMAL):\n`);
    await fullSyncOf(services, apple, 'Bench 50k', SMALL, probe);
    const smallPeak = probe.peak;
    const run = await fullSyncOf(services, apple, 'Bench 200k', LARGE, probe);
    const largePeak = probe.peak;
    const homeroomRate = LARGE / ((run.finishedAt!.getTime() - run.startedAt.getTime()) / 1000);
    await dataSource.destroy();

    process.stdout.write(`Ceiling (same server's pages via the DEP client, one raw prepared upsert, one transaction):\n`);
    const ceilingRate = await ceiling(apple, 'Bench 200k', dir, LARGE);
    process.stdout.write(
      [
        `ratio ceiling/Homeroom: ${round(ceilingRate / homeroomRate)} (target <= 1.5)`,
        `peak RSS: ${mb(smallPeak)} at ${SMALL / 1000}k devices, ${mb(largePeak)} at ${LARGE / 1000}k devices ` +
          `(growth ${mb(largePeak - smallPeak)}; target: flat)`,
      ].join('\n') + '\n',
    );
  } finally {
    apple.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
