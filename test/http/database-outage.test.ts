/**
 * What clients and the log see while the database is down, and after it is back.
 *
 * On SQLite the outage is simulated (the database layer's queries reject with a connection
 * error, the one fault a file database cannot produce); on PostgreSQL (TEST_DATABASE_URL) it is
 * real: Homeroom connects through a TCP proxy that the test closes and reopens.
 */
import net from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { isDatabaseUnavailable } from '../../src/entities/database-availability.js';
import { createLogger } from '../../src/logger.js';
import { startServer, type HomeroomServer } from '../../src/server.js';
import { Role } from '../../src/permissions.js';
import { systemContext } from '../../src/platform/request-context.js';
import { createTestDatabase, TEST_DATABASE_URL, testEnvironment, type TestDatabase } from '../support/database.js';

/** The server's log lines, parsed. */
class LogLines extends Writable {
  readonly lines: Array<{ level: string; msg: string; err?: { message?: string }; requestId?: string }> = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const text of String(chunk).split('\n').filter(Boolean)) this.lines.push(JSON.parse(text) as never);
    done();
  }
  count(message: RegExp): number {
    return this.lines.filter((l) => message.test(l.msg)).length;
  }
}

const DOWN = /^database unreachable/;
const BACK = /^database reachable again/;

async function query(server: HomeroomServer, key: string, document = '{ viewer { name } }') {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: document }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: Array<{ message: string; extensions: Record<string, unknown> }> };
  return { status: response.status, requestId: response.headers.get('x-request-id'), body };
}

async function start(db: TestDatabase, log: LogLines, env: Record<string, string> = {}) {
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', ...testEnvironment(db), LOG_LEVEL: 'info', ...env });
  const logger = createLogger('info', log);
  const server = await startServer(config, { logger });
  const { secret } = await server.services.apiKeys.create(systemContext(logger), { name: 'outage', role: Role.READ_ONLY });
  return { server, key: secret };
}

describe('isDatabaseUnavailable', () => {
  it("recognises socket errors, PostgreSQL's connection states and node-postgres's messages, wrapped or not", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseUnavailable({ message: 'query failed', driverError: { code: '57P01' } })).toBe(true);
    expect(isDatabaseUnavailable({ message: 'x', driverError: { code: '08006' } })).toBe(true);
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: new Error('Connection terminated unexpectedly') }))).toBe(true);
    expect(isDatabaseUnavailable({ message: 'duplicate key', driverError: { code: '23505' } })).toBe(false);
    expect(isDatabaseUnavailable(new Error('something else'))).toBe(false);
  });
});

describe('a database outage (simulated on the database layer)', () => {
  let db: TestDatabase;
  let server: HomeroomServer;
  let key: string;
  let adminKey: string;
  const log = new LogLines();
  /** True: every query fails; a pattern: only the statements it matches (the rest of the request works). */
  let down: boolean | RegExp = false;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ server, key } = await start(db, log));
    adminKey = (await server.services.apiKeys.create(systemContext(createLogger('silent')), { name: 'outage-admin', role: Role.ADMIN }))
      .secret;
    // The runner every query goes through (SQLite's shared one, or each PostgreSQL runner).
    const driver = server.dataSource.driver;
    const create = driver.createQueryRunner.bind(driver);
    const failing = (runner: ReturnType<typeof create>) => {
      const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
      (runner as { query: unknown }).query = (...args: unknown[]) =>
        down === true || (down instanceof RegExp && down.test(String(args[0])))
          ? Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))
          : query(...args);
      return runner;
    };
    if (server.dataSource.options.type === 'better-sqlite3') failing(create('master'));
    else driver.createQueryRunner = (mode) => failing(create(mode));
  });
  afterEach(() => {
    down = false;
  });
  afterAll(async () => {
    await server.close();
    await db.cleanup();
  });

  it('answers SERVICE_UNAVAILABLE (503) with the request id, logs the cause once per outage and once on recovery', async () => {
    down = true;
    const answers = [await query(server, key), await query(server, key), await query(server, key)];
    for (const answer of answers) {
      expect(answer.status).toBe(503);
      expect(answer.body.errors).toEqual([
        {
          message: 'The database cannot be reached right now; nothing was changed. Try again shortly.',
          extensions: { code: 'SERVICE_UNAVAILABLE', requestId: answer.requestId },
        },
      ]);
    }
    expect(log.count(DOWN)).toBe(1);
    expect(log.lines.find((l) => DOWN.test(l.msg))).toMatchObject({
      level: 'error',
      err: { message: expect.stringContaining('ECONNREFUSED') },
    });
    expect(log.count(/unexpected error/)).toBe(0);

    down = false;
    const back = await query(server, key);
    expect(back.body).toEqual({
      data: { viewer: { name: 'outage' } },
      extensions: { cost: expect.objectContaining({ requestedQueryCost: 2 }) },
    });
    await query(server, key);
    expect(log.count(BACK)).toBe(1);
    expect(log.count(DOWN)).toBe(1);
  });

  it("answers SERVICE_UNAVAILABLE with the request id for a resolver's query that finds the database gone after authentication", async () => {
    const before = { down: log.count(DOWN), back: log.count(BACK) };
    down = /audit_event/;
    const result = await query(server, adminKey, '{ auditEvents(first: 5) { totalCount } }');
    expect(result.body.errors).toEqual([
      {
        message: 'The database cannot be reached right now; nothing was changed. Try again shortly.',
        path: ['auditEvents'],
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'SERVICE_UNAVAILABLE', requestId: result.requestId },
      },
    ]);
    expect(log.count(DOWN)).toBe(before.down + 1);
    expect(log.count(/unexpected error/)).toBe(0);
    down = false;
    expect((await query(server, adminKey, '{ auditEvents(first: 5) { totalCount } }')).body.errors).toBeUndefined();
    expect(log.count(BACK)).toBe(before.back + 1);
  });
});

/** A TCP proxy to PostgreSQL that can be closed (every connection cut, the port refusing) and reopened on the same port. */
class ClosableProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(
    private readonly host: string,
    private readonly targetPort: number,
  ) {}

  async open(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.targetPort, this.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('error', () => undefined);
        socket.on('close', () => {
          this.sockets.delete(socket);
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

describe.skipIf(!TEST_DATABASE_URL)('a PostgreSQL outage (through a TCP proxy that is closed, then reopened)', () => {
  let db: TestDatabase;
  let proxy: ClosableProxy;
  let server: HomeroomServer;
  let key: string;
  const log = new LogLines();

  beforeAll(async () => {
    const target = new URL(TEST_DATABASE_URL!);
    proxy = new ClosableProxy(target.hostname, Number(target.port || 5432));
    await proxy.open();
    db = await createTestDatabase();
    const url = new URL(testEnvironment(db).DATABASE_URL!);
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    ({ server, key } = await start(db, log, { DATABASE_URL: url.toString() }));
  });
  afterAll(async () => {
    await server?.close();
    await proxy?.close();
    await db?.cleanup();
  });

  it('answers SERVICE_UNAVAILABLE with the request id while PostgreSQL is unreachable, logs it once, and serves again once it is back', async () => {
    expect((await query(server, key)).status).toBe(200);

    await proxy.close();
    const answers = [await query(server, key), await query(server, key), await query(server, key)];
    for (const answer of answers) {
      expect(answer.status).toBe(503);
      expect(answer.body.errors?.[0]?.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', requestId: answer.requestId });
    }
    expect(log.count(DOWN)).toBe(1);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(503);

    await proxy.open();
    const back = await query(server, key);
    expect(back.status).toBe(200);
    expect(back.body).toEqual({
      data: { viewer: { name: 'outage' } },
      extensions: { cost: expect.objectContaining({ requestedQueryCost: 2 }) },
    });
    expect(log.count(BACK)).toBe(1);
    expect(log.count(DOWN)).toBe(1);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });
});
