/**
 * `npm run bench:assign:design` (SQLite): how close to `bench:assign`'s target (1.3 times Apple's
 * own time) an assignment job could come if its writes left the thread that makes Apple's calls.
 * A probe written before the design was chosen, not a measure of Homeroom's runner. Homeroom now
 * stores a job the "successes implicit" way (`AssignmentGroup`). Its writes stay on the calls'
 * thread: a writer thread with its own connection was built into the runner and measured no
 * faster end to end on 2 cores (bench/README.md, 2026-12-07 afternoon).
 *
 * `bench:assign`'s write floor adds the writes to the calls, as they add up on SQLite today: the
 * runner's group commit runs on the thread that makes the calls. Here the same 200 calls of 1000
 * serials go out from the main thread while a worker thread, on a connection of its own to the same
 * WAL file, writes each group of 5000 answers in one transaction as it lands (a group's answers
 * reach the worker only once all of them landed, as the runner's commit does). Three ways to store
 * a job, each timed from the first row written to the last group committed:
 *   - outcome rows as today: one PENDING row per device inserted up front (on the main thread,
 *     counted), then per group the devices and the outcomes updated;
 *   - successes implicit: the same rows inserted, but per group only the devices updated (a design
 *     where an outcome row changes only when Apple did not take the device, and the job records up
 *     to which row its successes reach);
 *   - devices only: no outcome rows at all (the least any job that assigns devices can write).
 * After each, the calls alone again (the ceiling), so every ratio compares times of the same moment.
 * Prints each time, the worker's busy time and the ratio. BENCH_DEVICES scales it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import Sqlite from 'better-sqlite3';
import { DepClient } from '../src/apple/dep-client.js';
import { generateTokenKeyPair, readServerToken } from '../src/apple/token-crypto.js';
import { openDatabase } from '../src/entities/data-source.js';
import { createLogger } from '../src/logger.js';
import { systemContext } from '../src/platform/request-context.js';
import { APPLE_BATCH, GROUP_CALLS } from '../src/services/assignment/assignment-runner.js';
import { benchSchool, benchServices, SimulatedApple } from './simulated-apple.js';

const DEVICES = Number(process.env.BENCH_DEVICES ?? 200_000);
const GROUP = GROUP_CALLS * APPLE_BATCH;
const SERVER = 'Bench assignment design';
const USER_AGENT = 'homeroom-bench/1';

/** What the main thread hands the writer: one group of answers. */
interface GroupMessage {
  readonly devices: number[];
  /** The group's outcome rows to mark SUCCESS; absent when successes are implicit or there are no outcome rows. */
  readonly outcomes?: number[];
}

interface WriterData {
  readonly file: string;
  readonly profileId: number;
  readonly jobId: number;
}

const round = (n: number) => Math.round(n * 100) / 100;
const line = (text: string) => process.stdout.write(`${text}\n`);

/** The worker: one transaction per group, on its own connection with Homeroom's pragmas. */
function writer(data: WriterData): void {
  const db = new Sqlite(data.file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -65536');
  const stamp = new Date().toISOString();
  const prepared = new Map<string, Sqlite.Statement>();
  const run = (text: string, values: unknown[]) => {
    let statement = prepared.get(text);
    if (!statement) prepared.set(text, (statement = db.prepare(text)));
    statement.run(...values);
  };
  const list = (count: number) => new Array<string>(count).fill('?').join(', ');
  let busyMs = 0;
  parentPort!.postMessage('ready');
  const write = db.transaction((group: GroupMessage) => {
    run(
      `UPDATE device SET profile_id = ?, apple_profile_uuid = ?, profile_status = 'assigned', profile_assign_time = ?, ` +
        `profile_push_time = NULL, requires_wipe = FALSE WHERE id IN (${list(group.devices.length)})`,
      [data.profileId, 'design-uuid', stamp, ...group.devices],
    );
    if (group.outcomes) {
      run(
        `UPDATE assignment_outcome SET result = 'SUCCESS', attempts = attempts + 1, updated_at = ? WHERE id IN (${list(group.outcomes.length)})`,
        [stamp, ...group.outcomes],
      );
    }
    run('UPDATE assignment_job SET succeeded_count = succeeded_count + ?, updated_at = ? WHERE id = ?', [
      group.devices.length,
      stamp,
      data.jobId,
    ]);
  });
  parentPort!.on('message', (message: GroupMessage | 'end') => {
    if (message === 'end') {
      db.close();
      parentPort!.postMessage({ busyMs });
      return;
    }
    const started = performance.now();
    write(message);
    busyMs += performance.now() - started;
    parentPort!.postMessage({ written: message.devices.length });
  });
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeroom-bench-assign-design-'));
  const apple = await SimulatedApple.start(Math.ceil(DEVICES / 10_000) * 10_000, 10_000);
  try {
    const file = path.join(dir, 'homeroom.sqlite');
    const dataSource = await openDatabase({ type: 'sqlite', path: file });
    const services = benchServices(dataSource, apple.url, USER_AGENT);
    const ctx = systemContext(createLogger('silent'));
    const { token, profile } = await benchSchool(apple, services, ctx, {
      name: SERVER,
      devices: DEVICES,
      awaitDeviceConfigured: false,
    });
    const uuid = (await services.profiles.findById(profile.id))!.appleProfileUuid;
    await services.sync.stopScheduler();
    const devices = (await dataSource.query('SELECT id, serial_number FROM device WHERE token_id = ? ORDER BY id', [token.id])) as Array<{
      id: number;
      serial_number: string;
    }>;
    const now = new Date().toISOString();
    await dataSource.query(
      'INSERT INTO assignment_job (kind, token_id, profile_id, status, requested_by, device_count, unchanged_count, cannot_change_count, ' +
        'succeeded_count, not_accessible_count, failed_count, throttled_count, requires_wipe_count, apple_calls, created_at, updated_at) ' +
        "VALUES ('ASSIGN', ?, ?, 'RUNNING', 'bench', ?, 0, 0, 0, 0, 0, 0, 0, 0, ?, ?)",
      [token.id, profile.id, DEVICES, now, now],
    );
    const [{ jobId }] = (await dataSource.query('SELECT MAX(id) AS jobId FROM assignment_job')) as Array<{ jobId: number }>;
    const keyPair = generateTokenKeyPair();
    const client = new DepClient({
      baseUrl: apple.url,
      credentials: readServerToken(await apple.token(SERVER, keyPair.certificatePem), keyPair),
      userAgent: USER_AGENT,
    });
    await client.account();

    /** The 200 calls from the main thread; `landed` gets each group of accepted devices (by index) once the group is whole. */
    const calls = async (landed?: (from: number, to: number) => void): Promise<number> => {
      const started = performance.now();
      let groupFrom = 0;
      for (let i = 0; i < devices.length; i += APPLE_BATCH) {
        const batch = devices.slice(i, i + APPLE_BATCH);
        const answer = await client.assignProfile(
          uuid,
          batch.map((device) => device.serial_number),
        );
        const accepted = batch.filter((device) => answer.results[device.serial_number] === 'SUCCESS').length;
        if (accepted !== batch.length) throw new Error(`the simulator took ${accepted} of ${batch.length}`);
        const end = i + batch.length;
        if (landed && (end - groupFrom >= GROUP || end === devices.length)) {
          landed(groupFrom, end);
          groupFrom = end;
        }
      }
      return (performance.now() - started) / 1000;
    };

    line(
      `${DEVICES.toLocaleString('en')} devices, ${Math.ceil(DEVICES / APPLE_BATCH)} Apple calls of ${APPLE_BATCH}, groups of ${GROUP} written on a worker thread (SQLite file, WAL):`,
    );
    line(`  the calls alone (warm-up): ${round(await calls())} s`);
    for (const design of ['outcome rows as today', 'successes implicit', 'devices only'] as const) {
      // Each design starts from the school as the sync left it: no device assigned, no outcome row, the WAL checkpointed.
      await dataSource.query(
        "UPDATE device SET profile_id = NULL, apple_profile_uuid = NULL, profile_status = 'empty', profile_assign_time = NULL WHERE token_id = ?",
        [token.id],
      );
      await dataSource.query('DELETE FROM assignment_outcome');
      await dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)');
      // Ready before the clock starts: loading this module in a thread takes a few hundred ms, which a job would pay once per process.
      const worker = new Worker(fileURLToPath(import.meta.url), {
        workerData: { file, profileId: profile.id, jobId } satisfies WriterData,
      });
      await new Promise<void>((resolve) => worker.once('message', () => resolve()));
      const started = performance.now();
      let outcomeIds: number[] = [];
      if (design !== 'devices only') {
        await dataSource.query(
          'INSERT INTO assignment_outcome (job_id, device_id, serial_number, result, attempts, failures, retry_at, requires_wipe, updated_at) ' +
            "SELECT ?, id, serial_number, 'PENDING', 0, 0, NULL, FALSE, ? FROM device WHERE token_id = ? ORDER BY id",
          [jobId, now, token.id],
        );
        outcomeIds = (
          (await dataSource.query('SELECT id FROM assignment_outcome WHERE job_id = ? ORDER BY id', [jobId])) as Array<{ id: number }>
        ).map((row) => row.id);
      }
      const inserted = performance.now();
      let sent = 0;
      let written = 0;
      let allWritten: (() => void) | null = null;
      worker.on('message', (message: { written?: number }) => {
        if (message.written === undefined) return;
        written += message.written;
        if (written === sent) allWritten?.();
      });
      await calls((from, to) => {
        sent += to - from;
        const group: GroupMessage = {
          devices: devices.slice(from, to).map((device) => device.id),
          ...(design === 'outcome rows as today' ? { outcomes: outcomeIds.slice(from, to) } : {}),
        };
        worker.postMessage(group);
      });
      if (written < sent) await new Promise<void>((resolve) => (allWritten = resolve));
      const seconds = (performance.now() - started) / 1000;
      const busy = await new Promise<number>((resolve) => {
        worker.on('message', (message: { busyMs?: number }) => {
          if (message.busyMs !== undefined) resolve(message.busyMs / 1000);
        });
        worker.postMessage('end');
      });
      await worker.terminate();
      const ceiling = await calls();
      line(
        `  ${design}: ${round(seconds)} s (outcome rows inserted ${round((inserted - started) / 1000)} s; the worker busy ${round(busy)} s); ` +
          `the calls alone right after ${round(ceiling)} s; ratio ${round(seconds / ceiling)} (target <= 1.3)`,
      );
    }
    line(
      `load average ${os
        .loadavg()
        .map((n) => round(n))
        .join(' ')} on ${os.availableParallelism()} cores`,
    );
    await dataSource.destroy();
  } finally {
    apple.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (isMainThread) await main();
else writer(workerData as WriterData);
