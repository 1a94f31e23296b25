/**
 * `npm run bench`: how close a paginated GraphQL read comes to the machine's ceiling.
 *
 * Homeroom: `auditEvents(first: 100)` over HTTP with an API key, through Express, Apollo,
 * type-graphql, the permission check, TypeORM and SQLite, over 20,000 audit events.
 * Ceiling, measured in the same run on the same database file: the same 100 rows read with a
 * raw prepared better-sqlite3 statement, shaped into the same JSON and served by a bare
 * node:http server. Load comes from a separate process (bench/load.ts) with the same settings
 * for both. Prints requests/s, p50/p99 and the ratio ceiling/Homeroom (lower is better).
 * Run with NODE_ENV=production (the npm script does).
 */
import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import Sqlite from 'better-sqlite3';
import { loadConfig } from '../src/config.js';
import { AuditEvent, AuditOutcome } from '../src/entities/audit-event.entity.js';
import { createLogger } from '../src/logger.js';
import { toGlobalId } from '../src/global-id.js';
import { startServer } from '../src/server.js';
import { encodeCursor } from '../src/entities/pagination.js';
import { Role } from '../src/permissions.js';
import { systemContext } from '../src/platform/request-context.js';

/** Audit rows to page over; BENCH_EVENTS makes it smaller (the CI regression run). */
const EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
const PAGE = 100;
const SECONDS = process.env.BENCH_SECONDS ?? '8';
const CONCURRENCY = process.env.BENCH_CONCURRENCY ?? '8';
const LOAD = path.join(path.dirname(new URL(import.meta.url).pathname), 'load.js');

/** Runs the load process; asynchronously, since this process serves the requests it sends. */
async function load(
  url: string,
  body: string,
  authorization: string,
): Promise<{ rps: number; p50: number; p99: number; requests: number }> {
  const { stdout } = await promisify(execFile)(process.execPath, [LOAD, url, body, authorization, SECONDS, CONCURRENCY], {
    encoding: 'utf8',
  });
  return JSON.parse(stdout.trim()) as { rps: number; p50: number; p99: number; requests: number };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeroom-bench-'));
const config = loadConfig({
  NODE_ENV: process.env.NODE_ENV ?? 'production',
  PORT: '0',
  HOMEROOM_DATA_DIR: dir,
  DATABASE_URL: `sqlite:${path.join(dir, 'bench.sqlite')}`,
  HOMEROOM_SECRET_KEY: randomBytes(32).toString('base64'),
  LOG_LEVEL: 'silent',
  // The bench measures the query path; one key at this rate would spend any realistic budget in seconds (bench:query's BENCH_COST_BUDGET measures the budget).
  GRAPHQL_COST_BUDGET: '0',
});
const logger = createLogger('silent');
const server = await startServer(config, { logger });
const { secret } = await server.services.apiKeys.create(systemContext(logger), { name: 'bench', role: Role.ADMIN });

// Seed with one multi-row insert per 500 events in one transaction (the fast path).
await server.dataSource.transaction(async (tx) => {
  for (let i = 0; i < EVENTS; i += 500) {
    const rows = Array.from({ length: Math.min(500, EVENTS - i) }, (_, j) => ({
      occurredAt: new Date(Date.UTC(2026, 8, 1) + (i + j) * 1000),
      actorName: 'bench',
      actorApiKeyId: null,
      action: (i + j) % 3 === 0 ? 'revokeApiKey' : 'createApiKey',
      outcome: AuditOutcome.SUCCEEDED,
      errorCode: null,
      errorMessage: null,
      requestId: null,
      details: { n: i + j },
    }));
    await tx.createQueryBuilder().insert().into(AuditEvent).values(rows).updateEntity(false).execute();
  }
});

const query = `{ auditEvents(first: ${PAGE}) { edges { cursor node { id occurredAt actorName action outcome errorCode details } } pageInfo { hasNextPage endCursor } } }`;

// The ceiling: same file, same rows, same JSON shape, no framework.
const db = new Sqlite(path.join(dir, 'bench.sqlite'), { readonly: true });
const page = db.prepare(
  'SELECT id, occurred_at, actor_name, action, outcome, error_code, details FROM audit_event ORDER BY id DESC LIMIT ?',
);
const ceiling = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const rows = page.all(PAGE + 1) as Array<Record<string, string | number | null>>;
    const kept = rows.slice(0, PAGE);
    const edges = kept.map((r) => ({
      cursor: encodeCursor(r.id as number),
      node: {
        id: toGlobalId('AuditEvent', r.id as number),
        occurredAt: new Date(r.occurred_at as string).toISOString(),
        actorName: r.actor_name,
        action: r.action,
        outcome: r.outcome,
        errorCode: r.error_code,
        details: r.details === null ? null : JSON.parse(r.details as string),
      },
    }));
    const body = JSON.stringify({
      data: { auditEvents: { edges, pageInfo: { hasNextPage: rows.length > PAGE, endCursor: edges.at(-1)?.cursor ?? null } } },
    });
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
});
await new Promise<void>((resolve) => ceiling.listen(0, '127.0.0.1', resolve));
const ceilingUrl = `http://127.0.0.1:${(ceiling.address() as AddressInfo).port}/graphql`;

const body = JSON.stringify({ query });
const homeroom = await load(`${server.url}/graphql`, body, `Bearer ${secret}`);
const raw = await load(ceilingUrl, body, '-');

const ratio = Math.round((raw.rps / homeroom.rps) * 100) / 100;
process.stdout.write(
  [
    `graphql page bench: auditEvents(first: ${PAGE}) over ${EVENTS} rows, ${CONCURRENCY} connections, ${SECONDS}s, NODE_ENV=${config.environment}`,
    `  homeroom: ${homeroom.rps} req/s  p50 ${homeroom.p50} ms  p99 ${homeroom.p99} ms  (${homeroom.requests} requests)`,
    `  ceiling (raw better-sqlite3 + node:http): ${raw.rps} req/s  p50 ${raw.p50} ms  p99 ${raw.p99} ms`,
    `  ratio ceiling/homeroom: ${ratio}`,
    '',
  ].join('\n'),
);

ceiling.close();
db.close();
await server.close();
fs.rmSync(dir, { recursive: true, force: true });
