/**
 * `npm run bench:assign`: one assignment job of 200,000 devices, end to end, against its ceiling.
 *
 * Apple is the simulator in a child process (bench/simulated-apple.ts) with an MDM server of
 * 200,000 iPads. Homeroom (Services over a fresh SQLite file, as `npm start` opens it) uploads its
 * token (the upload's FULL sync brings the devices in), creates a profile, and assigns it to every
 * unassigned device with one filter: the job writes 200,000 outcome rows, makes 200 Apple calls of
 * 1000 serials, and records each device (and each answer but a plain SUCCESS, which the group's
 * record answers) in one transaction per group of up to 5 calls, written while the next calls go
 * out.
 *
 * Ceiling: the simulator's own time for the same 200 calls (same serials, same order, same
 * profile), made straight from the DEP client with no database, measured after Homeroom's run in
 * the same process (so the simulator is warm and the ratio is not flattered).
 * Between the two, the write floor (bench/assign-floor.ts): the same rows stored by plain
 * statements on the driver, with no Apple call, which says how much of the ratio the storage
 * itself takes.
 * Prints the three times, the ratios to the ceiling (target <= 1.3), the main thread's CPU time and the load
 * average (on a shared machine the wall times move with it), and Homeroom's database write rate
 * (outcome rows inserted, device rows updated, per second of the job). Run with
 * NODE_ENV=production (the npm script does). BENCH_DEVICES scales it; BENCH_PROFILE=<path> saves
 * the main thread's CPU profile of the job (a `.cpuprofile` for DevTools).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DepClient } from '../src/apple/dep-client.js';
import { generateTokenKeyPair, readServerToken } from '../src/apple/token-crypto.js';
import { openDatabase } from '../src/entities/data-source.js';
import { Device } from '../src/entities/device.entity.js';
import { createLogger } from '../src/logger.js';
import { systemContext } from '../src/platform/request-context.js';
import { APPLE_BATCH, GROUP_CALLS } from '../src/services/assignment/assignment-runner.js';
import { benchSchool, benchServices, SimulatedApple } from './simulated-apple.js';
import { CpuProfiler, mainThreadCpuMs } from './cpu-profile.js';
import { timeStatements } from './sql-timing.js';
import { writeFloor } from './assign-floor.js';

const DEVICES = Number(process.env.BENCH_DEVICES ?? 200_000);
const ORDER = 10_000;
const BATCH = 1000;
/** Devices per transaction of the job: GROUP_CALLS Apple calls of APPLE_BATCH. */
const GROUP_DEVICES = GROUP_CALLS * APPLE_BATCH;
const USER_AGENT = 'homeroom-bench/1';
const SERVER = 'Bench assignment';

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

const line = (text: string) => process.stdout.write(`${text}\n`);

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeroom-bench-assign-'));
  const apple = await SimulatedApple.start(Math.ceil(DEVICES / ORDER) * ORDER, ORDER);
  try {
    // BENCH_DATABASE_URL: the same on PostgreSQL, in a schema of its own (dropped at the end).
    const schema = `bench_assign_${process.pid}`;
    const dataSource = await openDatabase(
      process.env.BENCH_DATABASE_URL
        ? { type: 'postgres', url: process.env.BENCH_DATABASE_URL, schema }
        : { type: 'sqlite', path: path.join(dir, 'homeroom.sqlite') },
    );
    const sqlite = dataSource.options.type === 'better-sqlite3';
    const services = benchServices(dataSource, apple.url, USER_AGENT);
    const ctx = systemContext(createLogger('silent'));
    const { token, profile } = await benchSchool(apple, services, ctx, {
      name: SERVER,
      devices: DEVICES,
      awaitDeviceConfigured: false,
    });

    const where = sqlite ? 'SQLite file, WAL' : 'PostgreSQL';
    line(`Homeroom: assignProfile by filter (unassigned) to ${DEVICES.toLocaleString('en')} devices (${where}):`);
    const statements = timeStatements(dataSource);
    const loop = performance.eventLoopUtilization();
    // BENCH_PROFILE=<path>: the main thread's CPU profile of the job, for DevTools.
    const profiler = process.env.BENCH_PROFILE ? new CpuProfiler() : null;
    await profiler?.start(200);
    const cpuBefore = mainThreadCpuMs();
    const started = performance.now();
    const { job, done } = await services.assignments.assign(ctx, profile.id, { filter: { profile: { kind: 'UNASSIGNED' } } });
    const created = performance.now();
    const ended = await done;
    const finished = performance.now();
    await profiler?.stop([], process.env.BENCH_PROFILE);
    if (ended?.status !== 'SUCCEEDED' || ended.succeededCount !== DEVICES) {
      throw new Error(`the job ended ${ended?.status} with ${ended?.succeededCount} of ${job.deviceCount}: ${ended?.errorMessage}`);
    }
    const homeroomSeconds = (finished - started) / 1000;
    const busy = performance.eventLoopUtilization(loop);
    const cpuAfter = mainThreadCpuMs();
    // Apple took every serial: its outcome rows are answered by the groups' records, not updated.
    const rowsWritten = DEVICES * 2;
    line(
      `  job created (${DEVICES.toLocaleString('en')} outcome rows) in ${round((created - started) / 1000)} s; ` +
        `${ended.appleCalls} Apple calls; done in ${round(homeroomSeconds)} s = ${Math.round(DEVICES / homeroomSeconds)} devices/s`,
    );
    line(
      `  Homeroom's event loop busy ${Math.round(busy.utilization * 100)}% of it` +
        (cpuBefore !== null && cpuAfter !== null ? ` (main thread CPU ${round((cpuAfter - cpuBefore) / 1000)} s)` : '') +
        `; ${sqlite ? 'inside SQLite statements' : 'waiting for PostgreSQL'} ${round(statements.ms / 1000)} s ` +
        `(${round(statements.ms / ended.appleCalls, 1)} ms per batch), most in:`,
    );
    for (const [shape, time] of [...statements.byStatement].sort((a, b) => b[1].ms - a[1].ms).slice(0, 5)) {
      line(`    ${round(time.ms / 1000)} s, ${time.count}x ${shape}`);
    }
    line(
      `  database writes: ${rowsWritten.toLocaleString('en')} rows (outcomes inserted, devices updated) = ${Math.round(rowsWritten / homeroomSeconds)} rows/s`,
    );

    // The same serials in the same batches, straight to the simulator.
    const serials = (
      await dataSource.manager.find(Device, { where: { tokenId: token.id }, select: { serialNumber: true }, order: { id: 'ASC' } })
    ).map((device) => device.serialNumber);
    const uuid = (await services.profiles.findById(profile.id))!.appleProfileUuid;
    await services.assignments.stop();
    await services.sync.stopScheduler();

    // The same rows through the simplest statements on the driver, no Apple: what the storage alone costs.
    const floor = await writeFloor(dataSource, job.id, profile.id, token.id);
    line(
      `Write floor: the same rows by plain statements on the driver, no Apple, no TypeORM (${floor.groups} transactions of ${GROUP_DEVICES}):`,
    );
    line(
      `  ${round(floor.seconds)} s (outcome rows inserted ${round(floor.insertSeconds)} s, groups read and written ${round(floor.groupsSeconds)} s: ` +
        `devices updated ${round(floor.deviceSeconds)} s, the rest reads, group records and commits)`,
    );
    if (!sqlite) await dataSource.query(`DROP SCHEMA "${schema}" CASCADE`);
    await dataSource.destroy();

    line(`Ceiling: the same ${Math.ceil(serials.length / BATCH)} calls of ${BATCH} serials from the DEP client, no database:`);
    const keyPair = generateTokenKeyPair();
    const credentials = readServerToken(await apple.token(SERVER, keyPair.certificatePem), keyPair);
    const client = new DepClient({ baseUrl: apple.url, credentials, userAgent: USER_AGENT });
    await client.account();
    const directCpu = mainThreadCpuMs();
    const directStart = performance.now();
    let accepted = 0;
    for (let i = 0; i < serials.length; i += BATCH) {
      const answer = await client.assignProfile(uuid, serials.slice(i, i + BATCH));
      accepted += Object.values(answer.results).filter((status) => status === 'SUCCESS').length;
    }
    const directSeconds = (performance.now() - directStart) / 1000;
    if (accepted !== DEVICES) throw new Error(`the simulator accepted ${accepted} of ${DEVICES}`);
    const directCpuAfter = mainThreadCpuMs();
    line(
      `  ${round(directSeconds)} s = ${Math.round(DEVICES / directSeconds)} devices/s` +
        (directCpu !== null && directCpuAfter !== null ? ` (main thread CPU ${round((directCpuAfter - directCpu) / 1000)} s)` : ''),
    );
    // The machine's load says whether the two times are comparable with another run's.
    line(
      `load average ${os
        .loadavg()
        .map((n) => round(n, 1))
        .join(' ')} on ${os.availableParallelism()} cores`,
    );
    // Over 1.3, no runner that writes these rows reaches the target: on SQLite the writes share the thread that makes the
    // calls, and even written elsewhere while the calls go out, they alone take longer than 1.3 times the calls.
    const floorRatio = floor.seconds / directSeconds;
    line(
      `write floor/simulator: ${round(floorRatio)}${floorRatio > 1.3 ? ' (over 1.3: the target is below what these rows cost to store)' : ''}`,
    );
    line(`ratio Homeroom/simulator: ${round(homeroomSeconds / directSeconds)} (target <= 1.3)`);
  } finally {
    apple.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
