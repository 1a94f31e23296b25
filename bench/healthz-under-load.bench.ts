/**
 * `npm run bench:limits`: does `/healthz` stay answerable while the heaviest operation the
 * limits allow runs?
 *
 * Homeroom over HTTP on a SQLite file with one token of 20,000 devices (synced from the
 * simulated Apple in a child process). The heavy operation is as many aliased
 * `devices(filter: { serialContains }) { totalCount }` as the default limits let through
 * (fields and cost), each a COUNT that scans every device; it runs back to back for the whole
 * measurement. A prober in a second process (this file with `--probe`) GETs `/healthz` one
 * request at a time, first at idle, then under that load, in the same run. Prints p50/p99/max
 * of both, their ratio, and how long the heavy operation takes. Run with NODE_ENV=production
 * (the npm script does). The acceptance line: `/healthz` p99 under load below 100 ms.
 */
import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { toGlobalId } from '../src/global-id.js';
import { startServer } from '../src/server.js';
import { Role } from '../src/permissions.js';
import { systemContext } from '../src/platform/request-context.js';
import { benchSchool, SimulatedApple } from './simulated-apple.js';

const DEVICES = Number(process.env.BENCH_DEVICES ?? 20_000);
const ORDER = 1000;
const PROBES = Number(process.env.BENCH_PROBES ?? 400);

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const line = (text: string) => process.stdout.write(`${text}\n`);

interface Latencies {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly count: number;
}

/** The prober: `count` sequential GETs of `url`; prints their latency percentiles as JSON. */
async function probe(url: string, count: number): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      http
        .get(url, { agent }, (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`/healthz answered ${res.statusCode}`))));
        })
        .on('error', reject);
    });
    times.push(performance.now() - started);
    // About 200 probes a second: a load balancer polls far less often, but we want samples.
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => round(times[Math.min(times.length - 1, Math.floor(q * times.length))]!);
  const result: Latencies = { p50: at(0.5), p99: at(0.99), max: round(times.at(-1)!), count: times.length };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  agent.destroy();
}

async function runProber(url: string): Promise<Latencies> {
  const { stdout } = await promisify(execFile)(process.execPath, [fileURLToPath(import.meta.url), '--probe', url, String(PROBES)], {
    encoding: 'utf8',
  });
  return JSON.parse(stdout.trim()) as Latencies;
}

/** The heavy document: `aliases` counts of the token's devices, each with a scanning filter. */
function countsQuery(tokenId: string, aliases: number): string {
  const counts = Array.from({ length: aliases }, (_, i) => `c${i}: devices(filter: { serialContains: "${i % 10}" }) { totalCount }`);
  return `{ node(id: "${tokenId}") { ... on EnrollmentProgramToken { ${counts.join(' ')} } } }`;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeroom-bench-limits-'));
  const apple = await SimulatedApple.start(Math.ceil(DEVICES / ORDER) * ORDER, ORDER);
  const config = loadConfig({
    NODE_ENV: process.env.NODE_ENV ?? 'production',
    PORT: '0',
    HOMEROOM_DATA_DIR: dir,
    DATABASE_URL: `sqlite:${path.join(dir, 'bench.sqlite')}`,
    HOMEROOM_SECRET_KEY: randomBytes(32).toString('base64'),
    APPLE_DEP_URL: apple.url,
    LOG_LEVEL: 'silent',
  });
  const logger = createLogger('silent');
  const server = await startServer(config, { logger });
  try {
    const ctx = systemContext(logger);
    const { token, listed } = await benchSchool(apple, server.services, ctx, {
      name: 'Bench limits',
      devices: DEVICES,
      awaitDeviceConfigured: false,
    });
    const { secret } = await server.services.apiKeys.create(ctx, { name: 'bench read-only', role: Role.READ_ONLY });
    const tokenId = toGlobalId('EnrollmentProgramToken', token.id);

    const post = async (query: string) => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
        body: JSON.stringify({ query }),
      });
      return (await response.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
    };

    // The most counts the limits let through: start from the field limit and step down.
    let aliases = Math.floor(config.graphql.maxFields / 2);
    let first = await post(countsQuery(tokenId, aliases));
    while (first.errors?.[0]?.extensions?.code === 'QUERY_TOO_COMPLEX' && aliases > 1) {
      aliases -= 1;
      first = await post(countsQuery(tokenId, aliases));
    }
    const heavy = countsQuery(tokenId, aliases);

    const idle = await runProber(`${server.url}/healthz`);

    let running = true;
    const durations: number[] = [];
    const codes = new Set<string>();
    const loop = (async () => {
      while (running) {
        const started = performance.now();
        const result = await post(heavy);
        durations.push(performance.now() - started);
        for (const error of result.errors ?? []) codes.add(error.extensions?.code ?? 'unknown');
      }
    })();
    const loaded = await runProber(`${server.url}/healthz`);
    running = false;
    await loop;

    durations.sort((a, b) => a - b);
    line(
      `healthz under load: ${aliases} aliased devices(filter: { serialContains }) { totalCount } over ${listed.toLocaleString('en')} devices, READ_ONLY key, NODE_ENV=${config.environment}, SQLite`,
    );
    line(
      `  heavy operation: ${durations.length} runs during the probe, median ${round(durations[Math.floor(durations.length / 2)] ?? 0, 0)} ms each${codes.size ? `, errors: ${[...codes].join(', ')}` : ''}`,
    );
    line(`  /healthz at idle:       p50 ${idle.p50} ms, p99 ${idle.p99} ms, max ${idle.max} ms (${idle.count} probes)`);
    line(`  /healthz under load:    p50 ${loaded.p50} ms, p99 ${loaded.p99} ms, max ${loaded.max} ms (${loaded.count} probes)`);
    line(`  ratio load/idle:        p50 ${round(loaded.p50 / idle.p50)}x, p99 ${round(loaded.p99 / idle.p99)}x`);
    line(`  p99 under load below 100 ms: ${loaded.p99 < 100 ? 'yes' : 'NO'}`);
  } finally {
    await server.close();
    apple.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--probe') await probe(process.argv[3]!, Number(process.argv[4]));
else await main();
