/**
 * `npm run bench:import`: one CSV import of 1,000 users at the production scrypt cost (2^15),
 * over HTTP, as an admin's browser sends it.
 *
 * Homeroom on a fresh SQLite file (the embedded Apple simulator, idle). Prints how long the
 * `importUsers` mutation took to answer (the file checked, 1,000 passwords sealed, the job and
 * its rows stored) and how long until the job was SUCCEEDED (every password hashed and every
 * user created, 50 a transaction), with the number of progress events and the hashing rate.
 * BENCH_USERS and BENCH_SCRYPT_LOG_N scale it. Run with NODE_ENV=production (the npm script does).
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { availableParallelism } from 'node:os';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { Topic, type UserImportJobProgressed } from '../src/platform/events/event-bus.js';
import { Role } from '../src/permissions.js';
import { systemContext } from '../src/platform/request-context.js';
import { startServer } from '../src/server.js';
import { fromGlobalId } from '../src/global-id.js';

const USERS = Number(process.env.BENCH_USERS ?? 1000);
const LOG_N = process.env.BENCH_SCRYPT_LOG_N ?? '15';

const line = (text: string) => process.stdout.write(`${text}\n`);

const IMPORT = `mutation ($csv: String!) {
  importUsers(input: { csv: $csv }) { job { id status rowCount failedCount } refusedRows { row } }
}`;

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeroom-bench-import-'));
  const config = loadConfig({
    NODE_ENV: process.env.NODE_ENV ?? 'production',
    PORT: '0',
    HOMEROOM_DATA_DIR: dir,
    DATABASE_URL: `sqlite:${path.join(dir, 'bench.sqlite')}`,
    HOMEROOM_SECRET_KEY: randomBytes(32).toString('base64'),
    APPLE_SIMULATOR_PORT: '0',
    LOG_LEVEL: 'silent',
    USER_PASSWORD_SCRYPT_LOG_N: LOG_N,
  });
  const logger = createLogger('silent');
  const server = await startServer(config, { logger });
  try {
    const { secret } = await server.services.apiKeys.create(systemContext(logger), { name: 'bench admin', role: Role.ADMIN });
    const rows = Array.from({ length: USERS }, (_, i) => `pupil${i}@bench.school.example,"Pupil ${i}",STUDENT,bench-password-${i}`);
    const csv = ['username,displayName,role,password', ...rows].join('\r\n');

    const events: UserImportJobProgressed[] = [];
    let ended!: (event: UserImportJobProgressed) => void;
    const finished = new Promise<UserImportJobProgressed>((resolve) => (ended = resolve));
    void (async () => {
      for await (const event of server.services.deps.events.subscribe(Topic.USER_IMPORT_JOB_PROGRESSED)) {
        events.push(event);
        if (event.status === 'SUCCEEDED' || event.status === 'FAILED') ended(event);
      }
    })();

    const started = performance.now();
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify({ query: IMPORT, variables: { csv } }),
    });
    const body = (await response.json()) as { data?: { importUsers: { job: { id: string; status: string } } }; errors?: unknown[] };
    const answeredMs = performance.now() - started;
    if (!body.data) throw new Error(`importUsers failed: ${JSON.stringify(body.errors)}`);
    const jobId = Number(fromGlobalId(body.data.importUsers.job.id)!.key);
    const last = await finished;
    const finishedMs = performance.now() - started;
    if (last.jobId !== jobId) throw new Error('the event of another job');

    line(
      `user import: ${USERS.toLocaleString('en')} users, scrypt cost 2^${LOG_N}, ${availableParallelism()} cores, NODE_ENV=${config.environment}, SQLite`,
    );
    line(`  importUsers answered:  ${(answeredMs / 1000).toFixed(2)} s (HTTP ${response.status}, job ${body.data.importUsers.job.status})`);
    line(
      `  job ${last.status}:        ${(finishedMs / 1000).toFixed(1)} s after the request (${last.createdCount} created, ${last.failedCount} failed)`,
    );
    line(`  progress events:       ${events.filter((e) => e.jobId === jobId).length} (one per chunk of 50, and the end)`);
    line(`  users created per s:   ${(last.createdCount / ((finishedMs - answeredMs) / 1000)).toFixed(1)}`);
  } finally {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
