import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuditEvent, AuditEventTarget } from '../../../src/entities/audit-event.entity.js';
import { DirectoryUser } from '../../../src/entities/directory-user.entity.js';
import { UserImportJob } from '../../../src/entities/user-import-job.entity.js';
import { UserImportRow } from '../../../src/entities/user-import-row.entity.js';
import { ErrorCode } from '../../../src/errors.js';
import { createLogger } from '../../../src/logger.js';
import { ManualClock } from '../../../src/platform/clock.js';
import { createEventBus, Topic, type UserImportJobProgressed } from '../../../src/platform/events/event-bus.js';
import { Role } from '../../../src/permissions.js';
import type { RequestContext } from '../../../src/platform/request-context.js';
import { SecretBox } from '../../../src/platform/secret-box.js';
import { Services } from '../../../src/services/services.js';
import { IMPORT_CHUNK, IMPORT_LEASE_MS, sealContextOf } from '../../../src/services/user/user-import.service.js';
import { homeroomErrorOf } from '../../support/assertions.js';
import { openTestDatabase, within, type OpenTestDatabase } from '../../support/database.js';
import { gate, openAllGates } from '../../support/gate.js';
import { offlineApple } from '../../support/services.js';

const HEADER = 'username,displayName,role,password';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');
/** `n` valid rows: `pupil<i>@<domain>` with the password `secret-<i>-<domain>`. */
const pupils = (n: number, domain: string, from = 0) =>
  Array.from({ length: n }, (_, i) => `pupil${from + i}@${domain},Pupil ${from + i},STUDENT,secret-${from + i}-${domain}`);

/**
 * CSV imports as background jobs (issue 14, item 11), against a real SQLite file and real crypto
 * (scrypt at the cheapest cost, 2^10): the file check, chunks of 50, sealed passwords, a crash
 * half way resumed by another process, a stop at a chunk boundary, and failures.
 */
describe('UserImportService', () => {
  let opened: OpenTestDatabase;
  let clock: ManualClock;
  let key: Buffer;
  let services: Services;
  const ctx: RequestContext = {
    requestId: 'req-admin',
    actor: { kind: 'apiKey', apiKeyId: 1, name: 'root-admin', role: Role.ADMIN },
    logger: createLogger('silent'),
  };

  /** Another Homeroom process on the same database (its own lease owner), with the secret key given. */
  const processWith = (secretKey: Buffer = key) =>
    new Services({
      database: opened.database,
      clock,
      events: createEventBus(),
      secretBox: new SecretBox(secretKey),
      ...offlineApple(),
      userPasswordScryptLogN: 10,
    });

  beforeAll(async () => {
    opened = await openTestDatabase();
  });
  afterAll(() => opened.close());
  beforeEach(async () => {
    for (const entity of [UserImportRow, UserImportJob, DirectoryUser, AuditEventTarget, AuditEvent]) {
      await opened.dataSource.createQueryBuilder().delete().from(entity).execute();
    }
    clock = new ManualClock('2026-09-01T08:00:00.000Z');
    key = randomBytes(32);
    services = processWith();
  });
  afterEach(async () => {
    openAllGates();
    await services.userImports.idle();
  });

  const importEvents = (of: Services) => {
    const events: UserImportJobProgressed[] = [];
    void (async () => {
      for await (const event of of.deps.events.subscribe(Topic.USER_IMPORT_JOB_PROGRESSED)) events.push(event);
    })();
    return events;
  };
  const auditEvents = async (action: string) => (await services.audit.list({ action }, { first: 500 })).edges.map((e) => e.node).reverse();
  const usernames = async () =>
    (await opened.dataSource.getRepository(DirectoryUser).find({ order: { username: 'ASC' } })).map((u) => u.username);
  const storedRows = (jobId: number) => opened.dataSource.getRepository(UserImportRow).find({ where: { jobId }, order: { id: 'ASC' } });
  const rowResults = async (jobId: number) =>
    (await services.userImports.listRows(jobId, {}, { first: 500 })).edges.map((e) => ({
      row: e.node.rowNumber,
      username: e.node.username,
      status: e.node.status,
      code: e.node.errorCode,
      message: e.node.errorMessage,
    }));

  it('answers at once with the job and the rows refused by row number, code and reason, then creates the valid rows in the background', async () => {
    await services.users.create(ctx, {
      username: 'taken@riverside.example',
      displayName: 'Taken',
      role: 'TEACHER',
      password: 'taken password',
    });
    const held = gate();
    services.userImports.hooks.beforeChunk = () => held.promise;
    const { job, refused, done } = await services.userImports.importCsv(
      ctx,
      csv(
        'Ann@Riverside.example,"Lee, Ann",student,password one',
        'not-a-username,Bad,STUDENT,password two',
        'ann@riverside.example,Ann again,STUDENT,password three',
        'taken@riverside.example,Taken,TEACHER,password four',
        'bo@riverside.example,Bo,HEADMASTER,password five',
        'cy@riverside.example,Cy,TEACHER,short',
        'di@riverside.example,Di',
        'ed@riverside.example,Ed,TEACHER,pass,word',
        ',,,',
        'fay@riverside.example,Fay,Teacher,"password, with ""quotes"""',
      ),
    );
    // Nothing is created before the answer: the job waits, held before its first chunk.
    expect(job).toMatchObject({ status: 'PENDING', rowCount: 10, createdCount: 0, failedCount: 8, startedAt: null, finishedAt: null });
    expect(await usernames()).toEqual(['taken@riverside.example']);
    const refusedRows = [
      { row: 2, username: 'not-a-username', status: 'FAILED', code: 'BAD_USER_INPUT', message: expect.stringMatching(/^username: /) },
      {
        row: 3,
        username: 'ann@riverside.example',
        status: 'FAILED',
        code: 'ALREADY_EXISTS',
        message: expect.stringContaining('earlier in this file'),
      },
      {
        row: 4,
        username: 'taken@riverside.example',
        status: 'FAILED',
        code: 'ALREADY_EXISTS',
        message: expect.stringContaining('in the directory'),
      },
      { row: 5, username: 'bo@riverside.example', status: 'FAILED', code: 'BAD_USER_INPUT', message: expect.stringMatching(/^role: /) },
      { row: 6, username: 'cy@riverside.example', status: 'FAILED', code: 'BAD_USER_INPUT', message: expect.stringMatching(/^password: /) },
      {
        row: 7,
        username: 'di@riverside.example',
        status: 'FAILED',
        code: 'BAD_USER_INPUT',
        message: expect.stringContaining('fewer cells'),
      },
      {
        row: 8,
        username: 'ed@riverside.example',
        status: 'FAILED',
        code: 'BAD_USER_INPUT',
        message: expect.stringContaining('more cells'),
      },
      { row: 9, username: null, status: 'FAILED', code: 'BAD_USER_INPUT', message: expect.stringMatching(/^username: /) },
    ];
    expect(refused).toEqual(refusedRows);
    expect(await rowResults(job.id)).toEqual([
      { row: 1, username: 'ann@riverside.example', status: 'PENDING', code: null, message: null },
      ...refusedRows,
      { row: 10, username: 'fay@riverside.example', status: 'PENDING', code: null, message: null },
    ]);

    held.open();
    expect(await done).toMatchObject({ status: 'SUCCEEDED', rowCount: 10, createdCount: 2, failedCount: 8, leaseOwner: null });
    expect((await rowResults(job.id)).filter((r) => r.status === 'CREATED').map((r) => r.row)).toEqual([1, 10]);
    expect(await services.users.authenticate('ann@riverside.example', 'password one')).toMatchObject({ displayName: 'Lee, Ann' });
    expect(await services.users.authenticate('fay@riverside.example', 'password, with "quotes"')).toMatchObject({ role: 'TEACHER' });

    const [event] = await auditEvents('importUsers');
    expect(event).toMatchObject({
      outcome: 'SUCCEEDED',
      details: { jobId: job.id, rowCount: 10, refusedCount: 8, pendingCount: 2 },
    });
    for (const secret of ['password one', 'password two', 'password three', 'password five', 'with ""quotes']) {
      expect(JSON.stringify(await auditEvents('importUsers'))).not.toContain(secret);
      expect(JSON.stringify(refused)).not.toContain(secret);
    }
  });

  it('refuses a file without the header with BAD_USER_INPUT on csv, stores no job, and audits the refusal', async () => {
    const refusal = await homeroomErrorOf(services.userImports.importCsv(ctx, 'ann@riverside.example,Ann,STUDENT,password one\n'));
    expect(refusal).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, details: { field: 'csv' } });
    expect(await opened.dataSource.getRepository(UserImportJob).count()).toBe(0);
    expect((await auditEvents('importUsers'))[0]).toMatchObject({ outcome: 'FAILED', errorCode: 'BAD_USER_INPUT' });
  });

  it('answers a file with only the header with a job already SUCCEEDED, and publishes that final state', async () => {
    const events = importEvents(services);
    const { job, refused, done } = await services.userImports.importCsv(ctx, `${HEADER}\r\n`);
    expect(job).toMatchObject({ status: 'SUCCEEDED', rowCount: 0, createdCount: 0, failedCount: 0 });
    expect(job.finishedAt).toEqual(clock.now());
    expect(refused).toEqual([]);
    expect(await done).toBe(job);
    expect(events).toMatchObject([{ jobId: job.id, status: 'SUCCEEDED', chunkSize: 0, rowCount: 0, pendingCount: 0 }]);
  });

  it(`creates the users ${IMPORT_CHUNK} a transaction, with one progress event per chunk and one at the end`, async () => {
    const events = importEvents(services);
    const { job, done } = await services.userImports.importCsv(ctx, csv(...pupils(120, 'chunks.example')));
    expect(await done).toMatchObject({ status: 'SUCCEEDED', createdCount: 120, failedCount: 0 });
    expect(events.map((e) => [e.status, e.chunkSize, e.createdCount, e.pendingCount])).toEqual([
      ['RUNNING', 50, 50, 70],
      ['RUNNING', 50, 100, 20],
      ['RUNNING', 20, 120, 0],
      ['SUCCEEDED', 0, 120, 0],
    ]);
    expect(events.every((e) => e.jobId === job.id && e.rowCount === 120)).toBe(true);
    expect(await usernames()).toHaveLength(120);
    expect(await services.users.authenticate('pupil119@chunks.example', 'secret-119-chunks.example')).not.toBeNull();
  });

  it('keeps the passwords of waiting rows sealed (never in clear) and wipes each once its user exists', async () => {
    const held = gate();
    const second = gate();
    let chunks = 0;
    services.userImports.hooks.beforeChunk = () => {
      chunks += 1;
      if (chunks < 2) return undefined;
      second.open();
      return held.promise;
    };
    const { job, done } = await services.userImports.importCsv(ctx, csv(...pupils(60, 'sealed.example')));
    await within(second.promise, 10_000, 'the second chunk');
    // Held before the second chunk: the first 50 are created and wiped, the last 10 wait sealed.
    const rows = await storedRows(job.id);
    const raw = JSON.stringify(await opened.dataSource.query('SELECT * FROM user_import_row'));
    expect(raw).not.toMatch(/secret-\d+-sealed\.example/);
    expect(rows.slice(0, 50).every((r) => r.status === 'CREATED' && r.sealedPassword === null)).toBe(true);
    const waiting = rows.slice(50);
    expect(waiting.every((r) => r.status === 'PENDING' && r.sealedPassword!.startsWith('v1.'))).toBe(true);
    const box = new SecretBox(key);
    expect(box.openText(waiting[0]!.sealedPassword!, sealContextOf(job.id, 51))).toBe('secret-50-sealed.example');
    // Bound to its row: the same value does not open as another row's.
    expect(() => box.openText(waiting[0]!.sealedPassword!, sealContextOf(job.id, 52))).toThrow();

    held.open();
    expect(await done).toMatchObject({ status: 'SUCCEEDED', createdCount: 60 });
    expect((await storedRows(job.id)).every((r) => r.sealedPassword === null)).toBe(true);
  });

  it('resumes a job whose process died after its first chunk, on the next start, without creating any user twice', async () => {
    // The first process commits one chunk, then "dies": it writes nothing more and keeps its lease.
    services.userImports.hooks.afterChunkCommitted = () => {
      throw new Error('killed');
    };
    const { job, done } = await services.userImports.importCsv(ctx, csv(...pupils(130, 'crash.example')));
    expect(await done).toMatchObject({ status: 'RUNNING', createdCount: 50, leaseOwner: expect.any(String) });
    expect(await usernames()).toHaveLength(50);

    // Another process starts: the lease still holds, so it leaves the job alone...
    const next = processWith();
    const events = importEvents(next);
    await next.userImports.resumeNow();
    await next.userImports.idle();
    expect(await next.userImports.findJob(job.id)).toMatchObject({ status: 'RUNNING', createdCount: 50 });
    // ...until it runs out.
    clock.advance(IMPORT_LEASE_MS + 1);
    await next.userImports.resumeNow();
    await next.userImports.idle();

    expect(await next.userImports.findJob(job.id)).toMatchObject({ status: 'SUCCEEDED', createdCount: 130, failedCount: 0 });
    expect(events.map((e) => [e.status, e.createdCount])).toEqual([
      ['RUNNING', 100],
      ['RUNNING', 130],
      ['SUCCEEDED', 130],
    ]);
    const names = await usernames();
    expect(names).toHaveLength(130);
    expect(new Set(names).size).toBe(130);
    expect((await storedRows(job.id)).every((r) => r.status === 'CREATED' && r.sealedPassword === null)).toBe(true);
    expect(await next.users.authenticate('pupil0@crash.example', 'secret-0-crash.example')).not.toBeNull();
    expect(await next.users.authenticate('pupil129@crash.example', 'secret-129-crash.example')).not.toBeNull();
  });

  it('releases the job at the next chunk boundary when the server stops, and the next start resumes it at once', async () => {
    let stopping: Promise<void> | undefined;
    services.userImports.hooks.afterChunkCommitted = () => {
      stopping ??= services.userImports.stop();
    };
    const { job, done } = await services.userImports.importCsv(ctx, csv(...pupils(75, 'stop.example')));
    expect(await done).toMatchObject({ status: 'RUNNING', createdCount: 50, leaseOwner: null, leaseUntil: null });
    await stopping;

    const next = processWith();
    await next.userImports.resumeNow();
    await next.userImports.idle();
    expect(await next.userImports.findJob(job.id)).toMatchObject({ status: 'SUCCEEDED', createdCount: 75 });
    expect(await usernames()).toHaveLength(75);
  });

  it('reports a row whose username was created while it waited as ALREADY_EXISTS, and creates the others', async () => {
    const held = gate();
    services.userImports.hooks.beforeChunk = () => held.promise;
    const { job, done } = await services.userImports.importCsv(ctx, csv(...pupils(3, 'race.example')));
    await services.users.create(ctx, { username: 'pupil1@race.example', displayName: 'Quick', role: 'TEACHER', password: 'first come' });
    held.open();
    expect(await done).toMatchObject({ status: 'SUCCEEDED', createdCount: 2, failedCount: 1 });
    expect((await rowResults(job.id))[1]).toEqual({
      row: 2,
      username: 'pupil1@race.example',
      status: 'FAILED',
      code: 'ALREADY_EXISTS',
      message: 'A user named "pupil1@race.example" already exists in the directory.',
    });
    expect(await services.users.authenticate('pupil1@race.example', 'first come')).toMatchObject({ displayName: 'Quick' });
  });

  it('reports rows sealed under another secret key as FAILED with INTERNAL_SERVER_ERROR, never as created', async () => {
    services.userImports.hooks.afterChunkCommitted = () => {
      throw new Error('killed');
    };
    const { job, done } = await services.userImports.importCsv(ctx, csv(...pupils(55, 'rekeyed.example')));
    await done;
    clock.advance(IMPORT_LEASE_MS + 1);
    const rekeyed = processWith(randomBytes(32));
    await rekeyed.userImports.resumeNow();
    await rekeyed.userImports.idle();
    expect(await rekeyed.userImports.findJob(job.id)).toMatchObject({ status: 'SUCCEEDED', createdCount: 50, failedCount: 5 });
    const failed = (await rowResults(job.id)).filter((r) => r.status === 'FAILED');
    expect(failed).toHaveLength(5);
    expect(failed[0]).toMatchObject({ row: 51, code: 'INTERNAL_SERVER_ERROR', message: expect.stringContaining('HOMEROOM_SECRET_KEY') });
    expect((await storedRows(job.id)).every((r) => r.sealedPassword === null)).toBe(true);
    expect(await usernames()).toHaveLength(50);
  });

  it('ends FAILED when the database refuses a chunk, reporting the rows not created as FAILED and wiping their passwords', async () => {
    await failInsertsOf('pupil60@broken.example');
    try {
      const { job, done } = await services.userImports.importCsv(ctx, csv(...pupils(120, 'broken.example')));
      expect(await done).toMatchObject({
        status: 'FAILED',
        createdCount: 50,
        failedCount: 70,
        errorCode: 'INTERNAL_SERVER_ERROR',
        leaseOwner: null,
      });
      const rows = await storedRows(job.id);
      expect(rows.every((r) => r.sealedPassword === null)).toBe(true);
      expect(rows.slice(50).every((r) => r.status === 'FAILED' && r.errorCode === 'INTERNAL_SERVER_ERROR')).toBe(true);
      // The chunk that failed is rolled back whole: none of its 50 users exists.
      expect(await usernames()).toHaveLength(50);
    } finally {
      await stopFailingInserts();
    }
  });

  /** A real database failure: inserting this username aborts its statement (and so its transaction). */
  async function failInsertsOf(username: string): Promise<void> {
    if (opened.database.type === 'sqlite') {
      await opened.dataSource.query(
        `CREATE TRIGGER fail_user_insert BEFORE INSERT ON directory_user WHEN NEW.username = '${username}' BEGIN SELECT RAISE(ABORT, 'injected failure'); END`,
      );
      return;
    }
    await opened.dataSource.query(
      `CREATE FUNCTION fail_user_insert() RETURNS trigger AS $$ BEGIN IF NEW.username = '${username}' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
    );
    await opened.dataSource.query(
      'CREATE TRIGGER fail_user_insert BEFORE INSERT ON directory_user FOR EACH ROW EXECUTE FUNCTION fail_user_insert()',
    );
  }

  async function stopFailingInserts(): Promise<void> {
    if (opened.database.type === 'sqlite') {
      await opened.dataSource.query('DROP TRIGGER fail_user_insert');
      return;
    }
    await opened.dataSource.query('DROP TRIGGER fail_user_insert ON directory_user');
    await opened.dataSource.query('DROP FUNCTION fail_user_insert()');
  }
});
