/**
 * `npm run bench:query`: the devices connection a frontend hammers, under concurrent load.
 *
 * Homeroom on a fresh SQLite file with 200,000 devices (one token, a few profiles, an enrollment
 * row for every third device) answers `devices(first: 100, filter, orderBy)` with profile and
 * enrollment fields, over HTTP with an API key, to 50 clients for 20 s from a separate process
 * (`load.ts`). Ceiling, in the same run on the same file: a bare graphql-js server (node:http,
 * `graphql` parse/validate/execute, no Apollo, type-graphql or TypeORM) answering the same
 * document with the same SQL written by hand through the same driver (better-sqlite3), with
 * DataLoader batching. Prints requests/s, p50/p99 of each, SQL statements per request (counted,
 * to catch an N+1), Homeroom's event-loop delay and SQLite time, and the p99 ratio last
 * (Homeroom/bare, target 1.2 or less).
 *
 * Settings (environment): BENCH_DEVICES (200000), BENCH_SECONDS (20), BENCH_CONCURRENCY (50),
 * BENCH_PAGE (100), BENCH_PAGING=1 (each client pages through the list with `after` instead of
 * asking for the first page), BENCH_PROFILE=1 (a CPU profile of Homeroom's main thread during
 * its run; a file path instead of 1 also saves it there, for DevTools). `--quick` (or BENCH_QUICK=1): 2,000 devices, 8 clients, 2 s, for CI; any error
 * response fails the run (non-zero exit), timings never do.
 *
 * The cost budget is off (GRAPHQL_COST_BUDGET=0; costs are still computed and reported): one
 * key at this rate would spend a realistic budget in seconds and be refused, which is the budget
 * working, not the query path. The operation timeout is 60 s, for the same reason.
 * `BENCH_COST_BUDGET=default` (or a number) keeps a budget on: 429 `RATE_LIMITED` answers are then
 * counted as refusals, timed with the rest, and the served pages' own p50/p99 are printed beside.
 */
import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import Sqlite from 'better-sqlite3';
import DataLoader from 'dataloader';
import { buildSchema, execute, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { toGlobalId } from '../src/global-id.js';
import { startServer } from '../src/server.js';
import { Role } from '../src/permissions.js';
import { systemContext } from '../src/platform/request-context.js';
import { timeStatements } from './sql-timing.js';
import { CpuProfiler } from './cpu-profile.js';

const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const DEVICES = Number(process.env.BENCH_DEVICES ?? (quick ? 2_000 : 200_000));
const SECONDS = process.env.BENCH_SECONDS ?? (quick ? '2' : '20');
const CONCURRENCY = process.env.BENCH_CONCURRENCY ?? (quick ? '8' : '50');
const WARMUP = quick ? '1' : '2';
const PAGE = Number(process.env.BENCH_PAGE ?? 100);
const PAGING = process.env.BENCH_PAGING === '1';
const PROFILE = process.env.BENCH_PROFILE !== undefined && process.env.BENCH_PROFILE !== '0';
const PROFILES = 4;
/** Unset: no budget; `default`: the server's default budget; a number: that budget. */
const COST_BUDGET = process.env.BENCH_COST_BUDGET;
const LOAD = path.join(path.dirname(new URL(import.meta.url).pathname), 'load.js');

interface LoadResult {
  /** With a cost budget on: 429 RATE_LIMITED answers among `requests`, and the served ones' percentiles. */
  readonly refused?: number;
  readonly p50Served?: number;
  readonly p99Served?: number;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly requests: number;
}

/** Runs the load process; asynchronously, since this process serves the requests it sends. */
async function load(url: string, body: string, authorization: string): Promise<LoadResult> {
  const { stdout } = await promisify(execFile)(process.execPath, [LOAD, url, body, authorization, SECONDS, CONCURRENCY, WARMUP], {
    encoding: 'utf8',
    env: { ...process.env, ...(PAGING ? { LOAD_FOLLOW: 'devices' } : {}), ...(COST_BUDGET ? { LOAD_ACCEPT_RATE_LIMITED: '1' } : {}) },
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim()) as LoadResult;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeroom-bench-query-'));
const file = path.join(dir, 'bench.sqlite');
const config = loadConfig({
  NODE_ENV: process.env.NODE_ENV ?? 'production',
  PORT: '0',
  HOMEROOM_DATA_DIR: dir,
  DATABASE_URL: `sqlite:${file}`,
  HOMEROOM_SECRET_KEY: randomBytes(32).toString('base64'),
  LOG_LEVEL: 'silent',
  ...(COST_BUDGET === 'default' ? {} : { GRAPHQL_COST_BUDGET: COST_BUDGET ?? '0' }),
  // A busy 2-core machine stretches a 50-client queue past the default 10 s: measure, do not refuse.
  GRAPHQL_OPERATION_TIMEOUT_MS: '60000',
});
const server = await startServer(config, { logger: createLogger('silent') });
const { secret } = await server.services.apiKeys.create(systemContext(createLogger('silent')), { name: 'bench', role: Role.ADMIN });

// Seed straight into the file Homeroom opened (migrations applied): one transaction, prepared inserts.
const seeding = performance.now();
{
  const db = new Sqlite(file);
  const now = new Date().toISOString();
  db.transaction(() => {
    const token = db
      .prepare(
        `INSERT INTO enrollment_program_token (name, apple_id, token_type, organization_name, server_name, server_uuid,
           sealed_credentials, access_token_expiry, certificate_pem, sealed_private_key, status, shared_with_school_data_sync,
           created_at, updated_at, last_sync_at, last_successful_sync_at, last_full_sync_at)
         VALUES ('bench', 'it@school.example', 'education', 'Bench School', 'bench', 'bench-server', '-', @expiry, '-', '-',
           'ACTIVE', 0, @now, @now, @now, @now, @now)`,
      )
      .run({ now, expiry: new Date(Date.now() + 365 * 86_400_000).toISOString() }).lastInsertRowid;
    const profile = db.prepare(
      `INSERT INTO enrollment_profile (token_id, name, enrollment_key, user_affinity, supervised, locked_enrollment, shared_i_pad,
         pairing, configurator_certificates, await_device_configured, skipped_panes, apple_profile_uuid, apple_defined_at,
         created_at, updated_at)
       VALUES (@token, @name, @key, 'WITHOUT_USER_AFFINITY', 1, 0, 0, 'DENY_ALL', '[]', 0, '[]', @uuid, @now, @now, @now)`,
    );
    const profileIds = Array.from({ length: PROFILES }, (_, i) =>
      Number(profile.run({ token, name: `Cart ${i + 1}`, key: randomBytes(16).toString('hex'), uuid: `uuid-${i}`, now }).lastInsertRowid),
    );
    const device = db.prepare(
      `INSERT INTO device (token_id, serial_number, model, description, color, os, device_family, profile_status, profile_id,
         first_seen_at, last_seen_at)
       VALUES (@token, @serial, @model, 'IPAD WI-FI 64GB SILVER', 'silver', 'iPadOS', @family, @status, @profile, @seen, @seen)`,
    );
    const enrollment = db.prepare(
      `INSERT INTO device_enrollment (device_id, token_id, profile_id, state, udid, os_version, started_at, enrolled_at,
         last_contacted_at, updated_at)
       VALUES (@device, @token, @profile, 'ENROLLED', @udid, '18.1', @seen, @seen, @seen, @seen)`,
    );
    for (let i = 0; i < DEVICES; i++) {
      // Serials in another order than ids, so ordering by serial is a real sort.
      const serial = `DMP${((i * 7919) % DEVICES).toString(36).toUpperCase().padStart(9, '0')}${i.toString(36).toUpperCase()}`;
      const profileId = i % 5 === 0 ? null : profileIds[i % PROFILES]!;
      const seen = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
      const id = device.run({
        token,
        serial,
        model: i % 2 ? 'iPad (10th generation)' : 'iPad Air (5th generation)',
        family: i % 10 === 9 ? 'Mac' : 'iPad',
        status: profileId === null ? 'empty' : 'assigned',
        profile: profileId,
        seen,
      }).lastInsertRowid;
      if (i % 3 === 0) enrollment.run({ device: id, token, profile: profileId, udid: `udid-${i}`, seen });
    }
  })();
  db.exec('ANALYZE');
  db.close();
}
const seeded = (performance.now() - seeding) / 1000;

const query = `query Devices($after: String) {
  devices(first: ${PAGE}, after: $after, filter: { deviceFamilies: ["iPad"] }, orderBy: { field: SERIAL_NUMBER, direction: ASC }) {
    edges {
      cursor
      node {
        id serialNumber model os profileStatus firstSeenAt
        profile { id name }
        enrollment { state osVersion lastContactedAt profile { id name } }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;
const body = JSON.stringify({ query, variables: { after: null } });

// ---------------------------------------------------------------------------------------------
// The ceiling: plain graphql-js over node:http, the SQL written by hand on its own connection.

const SDL = `
type Query { devices(first: Int, after: String, filter: DevicesFilterInput, orderBy: DeviceOrderInput): DeviceConnection! }
input DevicesFilterInput { deviceFamilies: [String!] }
enum DeviceOrderField { SERIAL_NUMBER }
enum OrderDirection { ASC DESC }
input DeviceOrderInput { field: DeviceOrderField!, direction: OrderDirection = ASC }
type DeviceConnection { edges: [DeviceEdge!]!, pageInfo: PageInfo! }
type DeviceEdge { cursor: String!, node: Device! }
type PageInfo { hasNextPage: Boolean!, endCursor: String }
type Device { id: ID!, serialNumber: String!, model: String, os: String, profileStatus: String!, firstSeenAt: String!,
  profile: EnrollmentProfile, enrollment: DeviceEnrollment! }
type DeviceEnrollment { state: String!, osVersion: String, lastContactedAt: String, profile: EnrollmentProfile }
type EnrollmentProfile { id: ID!, name: String! }
`;

interface DeviceRow {
  id: number;
  serial_number: string;
  model: string | null;
  os: string | null;
  profile_status: string;
  first_seen_at: string;
  profile_id: number | null;
}

function bareServer(statements: { count: number }): http.Server {
  const db = new Sqlite(file, { readonly: true });
  const run = <T>(statement: Sqlite.Statement, ...args: unknown[]): T[] => {
    statements.count += 1;
    return statement.all(...args) as T[];
  };
  const keyBySecret = db.prepare('SELECT id, role, revoked_at FROM api_key WHERE secret_hash = ?');
  const pageAfter = db.prepare(
    `SELECT id, serial_number, model, os, profile_status, first_seen_at, profile_id FROM device
     WHERE removed_at IS NULL AND UPPER(device_family) IN (SELECT value FROM json_each(?))
       AND (serial_number > ? OR (serial_number = ? AND id > ?))
     ORDER BY serial_number, id LIMIT ?`,
  );
  const pageFirst = db.prepare(
    `SELECT id, serial_number, model, os, profile_status, first_seen_at, profile_id FROM device
     WHERE removed_at IS NULL AND UPPER(device_family) IN (SELECT value FROM json_each(?))
     ORDER BY serial_number, id LIMIT ?`,
  );
  const profilesByIds = db.prepare('SELECT id, name FROM enrollment_profile WHERE id IN (SELECT value FROM json_each(?))');
  const enrollmentsByIds = db.prepare(
    'SELECT device_id, state, os_version, last_contacted_at, profile_id FROM device_enrollment WHERE device_id IN (SELECT value FROM json_each(?))',
  );
  const schema: GraphQLSchema = buildSchema(SDL);
  const documents = new Map<string, DocumentNode>();
  const cursorOf = (row: DeviceRow) => Buffer.from(JSON.stringify([row.serial_number, row.id])).toString('base64url');

  return http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const { query: text, variables } = JSON.parse(Buffer.concat(chunks).toString()) as {
          query: string;
          variables?: Record<string, unknown>;
        };
        const secretHash = createHash('sha256')
          .update((req.headers.authorization ?? '').replace(/^Bearer /, ''), 'utf8')
          .digest('hex');
        const key = run<{ revoked_at: string | null }>(keyBySecret, secretHash)[0];
        if (!key || key.revoked_at) {
          res.writeHead(401).end('{"errors":[{"message":"unknown key"}]}');
          return;
        }
        let document = documents.get(text);
        if (!document) {
          document = parse(text);
          const errors = validate(schema, document);
          if (errors.length) throw errors[0]!;
          documents.set(text, document);
        }
        const profiles = new DataLoader<number, { id: string; name: string } | null>(async (ids) => {
          const found = new Map(
            run<{ id: number; name: string }>(profilesByIds, JSON.stringify(ids)).map((p) => [
              p.id,
              { id: toGlobalId('EnrollmentProfile', p.id), name: p.name },
            ]),
          );
          return ids.map((id) => found.get(id) ?? null);
        });
        const profileOf = (id: number | null) => (id === null ? null : profiles.load(id));
        const enrollments = new DataLoader<number, Record<string, unknown>>(async (ids) => {
          type Row = {
            device_id: number;
            state: string;
            os_version: string | null;
            last_contacted_at: string | null;
            profile_id: number | null;
          };
          const found = new Map(run<Row>(enrollmentsByIds, JSON.stringify(ids)).map((e) => [e.device_id, e]));
          return ids.map((id) => {
            const e = found.get(id);
            return e
              ? { state: e.state, osVersion: e.os_version, lastContactedAt: e.last_contacted_at, profile: () => profileOf(e.profile_id) }
              : { state: 'NOT_CONTACTED', osVersion: null, lastContactedAt: null, profile: null };
          });
        });
        const rootValue = {
          devices: (args: { first: number; after: string | null; filter: { deviceFamilies: string[] } }) => {
            const families = JSON.stringify(args.filter.deviceFamilies.map((f) => f.toUpperCase()));
            const after = args.after ? (JSON.parse(Buffer.from(args.after, 'base64url').toString()) as [string, number]) : null;
            const rows = after
              ? run<DeviceRow>(pageAfter, families, after[0], after[0], after[1], args.first + 1)
              : run<DeviceRow>(pageFirst, families, args.first + 1);
            const kept = rows.slice(0, args.first);
            return {
              edges: kept.map((row) => ({
                cursor: cursorOf(row),
                node: {
                  id: toGlobalId('Device', row.id),
                  serialNumber: row.serial_number,
                  model: row.model,
                  os: row.os,
                  profileStatus: row.profile_status.toUpperCase(),
                  firstSeenAt: row.first_seen_at,
                  profile: () => profileOf(row.profile_id),
                  enrollment: () => enrollments.load(row.id),
                },
              })),
              pageInfo: { hasNextPage: rows.length > args.first, endCursor: kept.length ? cursorOf(kept.at(-1)!) : null },
            };
          },
        };
        const result = await execute({ schema, document, rootValue, variableValues: variables ?? {} });
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
      })().catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: String(error) }] }));
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Measure.

/** `extensions.cost.requestedQueryCost` of the last answer (Homeroom's; the bare server has none). */
let requestedCost: number | null = null;

/** Statements one request runs, averaged over `n` requests one after another. */
async function statementsPerRequest(url: string, counter: { count: number }, n = 5): Promise<number> {
  const before = counter.count;
  for (let i = 0; i < n; i++) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body,
    });
    const text = await response.text();
    if (response.status !== 200 || text.includes('"errors"')) throw new Error(`bad response ${response.status}: ${text.slice(0, 300)}`);
    requestedCost =
      (JSON.parse(text) as { extensions?: { cost?: { requestedQueryCost?: number } } }).extensions?.cost?.requestedQueryCost ?? null;
  }
  return Math.round(((counter.count - before) / n) * 10) / 10;
}

// Homeroom's statements, counted on its one shared query runner (every statement goes through it).
const homeroomStatements = { count: 0 };
{
  const runner = server.dataSource.driver.createQueryRunner('master');
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  (runner as { query: unknown }).query = (...args: unknown[]) => {
    homeroomStatements.count += 1;
    if (process.env.BENCH_SQL === '1' && homeroomStatements.count <= 20) process.stderr.write(`SQL: ${String(args[0])}\n`);
    return query(...args);
  };
}
const homeroomUrl = `${server.url}/graphql`;
// Before the first request: TypeORM keeps prepared statements, and only those prepared from now on are timed.
const sql = timeStatements(server.dataSource);
const homeroomPerRequest = await statementsPerRequest(homeroomUrl, homeroomStatements);
const homeroomCost = requestedCost;
const sqlBefore = { ms: sql.ms, count: sql.count };
const statementsBefore = homeroomStatements.count;
const loop = monitorEventLoopDelay({ resolution: 10 });
const profiler = PROFILE ? new CpuProfiler() : null;
await profiler?.start();
const gc = { ms: 0 };
const gcObserver = new PerformanceObserver((list) => list.getEntries().forEach((entry) => (gc.ms += entry.duration)));
gcObserver.observe({ entryTypes: ['gc'] });
loop.enable();
const cpuBefore = process.cpuUsage();
const wallBefore = performance.now();
const homeroom = await load(homeroomUrl, body, `Bearer ${secret}`);
const wall = performance.now() - wallBefore;
const cpu = process.cpuUsage(cpuBefore);
loop.disable();
gcObserver.disconnect();
const split = await profiler?.stop(
  [
    { name: 'graphql (validation, complexity, execution)', packages: /node_modules\/(graphql|graphql-query-complexity|type-graphql)\// },
    { name: 'apollo/express', packages: /node_modules\/(@apollo|@as-integrations|express|body-parser|router|raw-body|cors)\// },
    { name: 'database (typeorm, sqlite)', own: /src\/entities\//, packages: /node_modules\/(typeorm|better-sqlite3)\// },
    { name: 'homeroom (resolvers, services, http)', own: /src\/(resolvers|services|http|schema|platform)\// },
    { name: 'pino', packages: /node_modules\/pino/ },
  ],
  PROFILE && process.env.BENCH_PROFILE !== '1' ? process.env.BENCH_PROFILE : undefined,
);

const bareStatements = { count: 0 };
const bare = bareServer(bareStatements);
await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/graphql`;
const barePerRequest = await statementsPerRequest(bareUrl, bareStatements);
const bareStatementsBefore = bareStatements.count;
const bareCpuBefore = process.cpuUsage();
const ceiling = await load(bareUrl, body, `Bearer ${secret}`);
const bareCpu = process.cpuUsage(bareCpuBefore);

const ms = (ns: number) => Math.round(ns / 1e4) / 100;
/** Milliseconds of this process's CPU per request served (requests counted by their SQL statements). */
const cpuPerRequest = (used: NodeJS.CpuUsage, statements: number, perRequest: number) =>
  Math.round(((used.user + used.system) / 1000 / Math.max(1, statements / perRequest)) * 10) / 10;
const homeroomCpu = cpuPerRequest(cpu, homeroomStatements.count - statementsBefore, homeroomPerRequest);
const ceilingCpu = cpuPerRequest(bareCpu, bareStatements.count - bareStatementsBefore, barePerRequest);
const ratio = Math.round((homeroom.p99 / ceiling.p99) * 100) / 100;
process.stdout.write(
  [
    `query bench: devices(first: ${PAGE}, filter: deviceFamilies, orderBy: SERIAL_NUMBER) with profile and enrollment, ${DEVICES} devices ` +
      `(seeded in ${Math.round(seeded * 10) / 10} s), ${CONCURRENCY} clients, ${SECONDS} s${PAGING ? ', paging with after' : ', first page'}, ` +
      `NODE_ENV=${config.environment}${quick ? ', --quick' : ''}`,
    `  homeroom: ${homeroom.rps} req/s  p50 ${homeroom.p50} ms  p99 ${homeroom.p99} ms  (${homeroom.requests} requests)  ` +
      `SQL statements/request ${homeroomPerRequest}  query cost ${homeroomCost}` +
      (homeroom.refused === undefined
        ? ''
        : `\n    cost budget on: ${homeroom.refused} of ${homeroom.requests} answers were 429 RATE_LIMITED; ` +
          `the pages served: p50 ${homeroom.p50Served} ms  p99 ${homeroom.p99Served} ms`),
    `    event-loop delay p50 ${ms(loop.percentile(50))} ms  p99 ${ms(loop.percentile(99))} ms  max ${ms(loop.max)} ms; ` +
      `process CPU ${Math.round(((cpu.user + cpu.system) / 1000 / wall) * 100)}% of one core ` +
      `(${homeroomCpu} ms a request); ` +
      `SQLite ${Math.round(sql.ms - sqlBefore.ms)} ms in ${sql.count - sqlBefore.count} statements ` +
      `(${Math.round(((sql.ms - sqlBefore.ms) / wall) * 100)}% of the run); GC ${Math.round(gc.ms)} ms`,
    ...(split
      ? [
          `    CPU profile (ms): ${Object.entries(split)
            .sort((a, b) => b[1] - a[1])
            .map(([name, t]) => `${name} ${Math.round(t)}`)
            .join(', ')}`,
        ]
      : []),
    `  bare graphql-js + hand-written SQL (better-sqlite3, DataLoader): ${ceiling.rps} req/s  p50 ${ceiling.p50} ms  p99 ${ceiling.p99} ms  ` +
      `(${ceiling.requests} requests)  SQL statements/request ${barePerRequest}  CPU ${ceilingCpu} ms a request`,
    // Under saturation p99 is about the queue times the CPU a request takes, so this ratio is what
    // the p99 ratio tends to on a machine that gives both servers the same share of a core.
    `  CPU per request homeroom/bare: ${Math.round((homeroomCpu / Math.max(0.1, ceilingCpu)) * 100) / 100}`,
    `  p99 ratio homeroom/bare: ${ratio} (target <= 1.2)`,
    '',
  ].join('\n'),
);

bare.close();
await server.close();
fs.rmSync(dir, { recursive: true, force: true });
