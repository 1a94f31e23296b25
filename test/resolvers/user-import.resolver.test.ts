import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId, toGlobalId } from '../../src/global-id.js';
import {
  AuditEventsDocument,
  ImportUsersDocument,
  UserImportJobDocument,
  UserImportJobNodeDocument,
  UsersDocument,
} from '../generated/operations.js';
import { gate, openAllGates } from '../support/gate.js';
import { startTestServer, type TestServer } from '../support/server.js';

const HEADER = 'username,displayName,role,password';

/**
 * `importUsers` over HTTP (issue 14, item 11): the mutation checks the file and answers with a
 * stored job at once; the users are created in the background; `userImportJob(id:)` and `node`
 * read the job and its rows. The live stream is in test/http/user-import-subscriptions.test.ts.
 */
describe('user imports over GraphQL', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterEach(async () => {
    t.server.services.userImports.hooks.beforeChunk = undefined;
    openAllGates();
    await t.server.services.userImports.idle();
  });
  afterAll(() => t.close());

  const auditOf = async (action: string) =>
    (await t.request(AuditEventsDocument, { first: 100, filter: { action } })).data!.auditEvents.edges.map((e) => e.node);

  it('refuses an import without the header with BAD_USER_INPUT on csv and stores nothing', async () => {
    const res = await t.request(ImportUsersDocument, { input: { csv: 'nohead@riverside.example,No Head,STUDENT,a fine password\n' } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csv' });
    expect(res.data ?? null).toBeNull();
    expect((await t.server.services.users.findByUsernames(['nohead@riverside.example'])).size).toBe(0);
  });

  it('answers importUsers at once with a PENDING job and the refused rows, before any password is hashed', async () => {
    // The job is held before its first chunk: the answer cannot have waited for it.
    const held = gate();
    t.server.services.userImports.hooks.beforeChunk = () => held.promise;
    const res = await t.request(ImportUsersDocument, {
      input: { csv: [HEADER, 'early@held.example,Early,STUDENT,a fine password', 'bad-name,Bad,STUDENT,a fine password'].join('\n') },
    });
    expect(res.errors).toBeUndefined();
    const { job, refusedRows } = res.data!.importUsers;
    expect(job).toMatchObject({ status: 'PENDING', rowCount: 2, createdCount: 0, failedCount: 1, pendingCount: 1, percent: 50 });
    expect(job.requestedBy).toBe('test-admin');
    expect(job.finishedAt).toBeNull();
    expect(refusedRows).toEqual([
      { row: 2, username: 'bad-name', status: 'FAILED', code: 'BAD_USER_INPUT', message: expect.stringMatching(/^username: /) },
    ]);
    expect((await t.server.services.users.findByUsernames(['early@held.example'])).size).toBe(0);
    const pending = (await t.request(UserImportJobDocument, { id: job.id, statuses: ['PENDING'] })).data!.userImportJob!;
    expect(pending.rows.edges.map((e) => e.node)).toEqual([
      { row: 1, username: 'early@held.example', status: 'PENDING', code: null, message: null },
    ]);

    held.open();
    await t.server.services.userImports.idle();
    const ended = (await t.request(UserImportJobDocument, { id: job.id })).data!.userImportJob!;
    expect(ended).toMatchObject({ status: 'SUCCEEDED', createdCount: 1, failedCount: 1, pendingCount: 0, percent: 100 });
    expect(ended.startedAt).not.toBeNull();
    expect(ended.finishedAt).not.toBeNull();
    expect(ended.rows.edges.map((e) => [e.node.row, e.node.status])).toEqual([
      [1, 'CREATED'],
      [2, 'FAILED'],
    ]);
    expect(await t.server.services.users.authenticate('early@held.example', 'a fine password')).toMatchObject({ displayName: 'Early' });
    const node = (await t.request(UserImportJobNodeDocument, { id: job.id })).data?.node;
    expect(node).toEqual({ __typename: 'UserImportJob', id: job.id, status: 'SUCCEEDED', rowCount: 2 });
  });

  it('imports 1,000 users with 3 bad rows: 3 refused in the answer, 997 created by the job, pages of FAILED rows', async () => {
    const lines = Array.from(
      { length: 1000 },
      (_, i) => `pupil${i}@import.riverside.example,"Pupil ${i}, Year ${1 + (i % 6)}",STUDENT,pw-${i}-secret`,
    );
    lines[99] = 'not-an-account,Bad Name,STUDENT,a fine password'; // row 100
    lines[499] = 'pupil499@import.riverside.example,Pupil 499,JANITOR,a fine password'; // row 500
    lines[899] = 'pupil0@import.riverside.example,Pupil Zero Again,STUDENT,a fine password'; // row 900
    const started = performance.now();
    const res = await t.request(ImportUsersDocument, { input: { csv: [HEADER, ...lines].join('\r\n') } });
    const answeredMs = performance.now() - started;
    expect(res.errors).toBeUndefined();
    const { job, refusedRows } = res.data!.importUsers;
    expect(job).toMatchObject({ status: 'PENDING', rowCount: 1000, failedCount: 3 });
    const refused = [
      {
        row: 100,
        username: 'not-an-account',
        status: 'FAILED',
        code: 'BAD_USER_INPUT',
        message: expect.stringMatching(/^username: must be a Managed Apple Account/),
      },
      {
        row: 500,
        username: 'pupil499@import.riverside.example',
        status: 'FAILED',
        code: 'BAD_USER_INPUT',
        message: 'role: must be one of STUDENT, TEACHER.',
      },
      {
        row: 900,
        username: 'pupil0@import.riverside.example',
        status: 'FAILED',
        code: 'ALREADY_EXISTS',
        message: 'A user named "pupil0@import.riverside.example" already exists earlier in this file.',
      },
    ];
    expect(refusedRows).toEqual(refused);

    await t.server.services.userImports.idle();
    const finishedMs = performance.now() - started;
    const ended = (await t.request(UserImportJobDocument, { id: job.id, first: 2, statuses: ['FAILED'] })).data!.userImportJob!;
    expect(ended).toMatchObject({ status: 'SUCCEEDED', rowCount: 1000, createdCount: 997, failedCount: 3, pendingCount: 0 });
    expect(ended.rows.totalCount).toBe(3);
    expect(ended.rows.edges.map((e) => e.node)).toEqual(refused.slice(0, 2));
    const rest = (
      await t.request(UserImportJobDocument, { id: job.id, first: 2, after: ended.rows.pageInfo.endCursor, statuses: ['FAILED'] })
    ).data!.userImportJob!.rows;
    expect(rest.edges.map((e) => e.node)).toEqual(refused.slice(2));
    expect(rest.pageInfo.hasNextPage).toBe(false);

    const listed = (await t.request(UsersDocument, { first: 1, filter: { usernameContains: '@import.riverside.example' } })).data!.users;
    expect(listed.totalCount).toBe(997);
    expect(await t.server.services.users.authenticate('PUPIL777@import.riverside.example', 'pw-777-secret')).toMatchObject({
      displayName: 'Pupil 777, Year 4',
      role: 'STUDENT',
    });
    const [event] = await auditOf('importUsers');
    expect(event).toMatchObject({
      outcome: 'SUCCEEDED',
      targetIds: [job.id],
      details: { jobId: Number(fromGlobalId(job.id)!.key), rowCount: 1000, refusedCount: 3, pendingCount: 997 },
    });
    expect(JSON.stringify(event)).not.toContain('secret');
    // Seen by the report: the answer (parse, checks, 997 passwords sealed, rows stored) and the job (997 scrypt hashes at the test cost 2^10).
    process.stdout.write(
      `[user import] 1,000 rows: answered in ${answeredMs.toFixed(0)} ms, SUCCEEDED after ${finishedMs.toFixed(0)} ms\n`,
    );
  });

  it('answers null for an unknown import or the ID of another type', async () => {
    expect((await t.request(UserImportJobDocument, { id: toGlobalId('UserImportJob', 987_654) })).data?.userImportJob).toBeNull();
    expect((await t.request(UserImportJobDocument, { id: toGlobalId('User', 1) })).data?.userImportJob).toBeNull();
  });
});
