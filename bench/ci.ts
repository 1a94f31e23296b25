/**
 * `npm run bench:ci`: every benchmark once at a small size, one after the other, to catch
 * regressions that break them (an error, a count that does not add up, a lost event), not slow
 * them: each bench exits non-zero on those and never on a timing, and so does this run. Timings
 * are printed, not judged. Built first by the npm script; each bench runs as its npm script
 * would (`NODE_ENV=production node dist/bench/<file>.js`), with the environment below.
 *
 * `BENCH_CI_ONLY=sync,fanout` runs only those (by name, without `bench:`).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface SmallBench {
  /** The npm script's name without `bench:` (`bench` itself is `page`). */
  readonly name: string;
  readonly file: string;
  readonly env: Readonly<Record<string, string>>;
}

const BENCHES: readonly SmallBench[] = [
  { name: 'page', file: 'graphql-page.bench.js', env: { BENCH_EVENTS: '1000', BENCH_SECONDS: '1', BENCH_CONCURRENCY: '2' } },
  { name: 'apple', file: 'apple-fetch.bench.js', env: { BENCH_DEVICES: '2000', BENCH_SECONDS: '1', BENCH_CONCURRENCY: '2' } },
  { name: 'sync', file: 'sync.bench.js', env: { BENCH_DEVICES: '5000', BENCH_WARMUP_DEVICES: '5000' } },
  // Whole orders of 10,000 (the bench's own order size).
  { name: 'assign', file: 'assign.bench.js', env: { BENCH_DEVICES: '10000' } },
  { name: 'assign:design', file: 'assign-design.bench.js', env: { BENCH_DEVICES: '10000' } },
  { name: 'enroll', file: 'enroll.bench.js', env: { BENCH_DEVICES: '20', BENCH_CONCURRENCY: '5', BENCH_IDENTITY: 'all' } },
  { name: 'limits', file: 'healthz-under-load.bench.js', env: { BENCH_DEVICES: '2000', BENCH_PROBES: '50' } },
  { name: 'import', file: 'user-import.bench.js', env: { BENCH_USERS: '20', BENCH_SCRYPT_LOG_N: '10' } },
  // Two instances over PostgreSQL + Redis when REDIS_URL is set (CI sets it when a Redis answers).
  { name: 'fanout', file: 'fanout.bench.js', env: { BENCH_DEVICES: '5000', BENCH_SUBSCRIBERS: '50' } },
  // Its quick mode: 2,000 devices, 8 clients, 2 s; any error response fails it.
  { name: 'query', file: 'query.bench.js', env: { BENCH_QUICK: '1' } },
];

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.env.BENCH_CI_ONLY?.split(',').map((name) => name.trim());

function run(bench: SmallBench): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(here, bench.file)], {
      env: { ...process.env, NODE_ENV: 'production', ...bench.env },
      stdio: 'inherit',
    });
    child.on('exit', (code, signal) => resolve(signal ? 1 : code));
    child.on('error', () => resolve(1));
  });
}

const results: Array<{ name: string; code: number | null; seconds: number }> = [];
for (const bench of BENCHES.filter((b) => !only || only.includes(b.name))) {
  const settings = Object.entries(bench.env)
    .map(([key, value]) => `${key}=${value}`)
    .join(' ');
  process.stdout.write(`\n== bench:${bench.name} (${settings})\n`);
  const started = performance.now();
  const code = await run(bench);
  results.push({ name: bench.name, code, seconds: Math.round((performance.now() - started) / 100) / 10 });
}

process.stdout.write('\n');
for (const { name, code, seconds } of results) {
  process.stdout.write(`${code === 0 ? 'ok    ' : 'FAILED'} bench:${name} in ${seconds} s${code === 0 ? '' : ` (exit ${code})`}\n`);
}
const failed = results.filter((r) => r.code !== 0).length;
process.stdout.write(`${results.length - failed} of ${results.length} benches ran clean (timings are not judged)\n`);
if (failed > 0) process.exitCode = 1;
