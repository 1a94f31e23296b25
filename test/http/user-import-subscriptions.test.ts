import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { toGlobalId } from '../../src/global-id.js';
import { Role } from '../../src/permissions.js';
import { ImportUsersDocument, UserImportJobProgressedDocument, type UserImportJobProgressedSubscription } from '../generated/operations.js';
import { within } from '../support/database.js';
import { gate, openAllGates } from '../support/gate.js';
import { startTestServer, Subscription, type TestServer } from '../support/server.js';

type Progress = UserImportJobProgressedSubscription['userImportJobProgressed'];

const HEADER = 'username,displayName,role,password';

/**
 * `userImportJobProgressed` over real websockets: a snapshot first, one event per chunk of 50
 * users, the final state, then the end of the stream. A job is held before its first chunk (the
 * service's `beforeChunk` hook) until the subscription listens.
 */
describe('user import subscription over graphql-ws', () => {
  let t: TestServer;
  let files = 0;

  beforeAll(async () => {
    t = await startTestServer();
  });
  afterEach(async () => {
    t.server.services.userImports.hooks.beforeChunk = undefined;
    openAllGates();
    await t.server.services.userImports.idle();
  });
  afterAll(() => t.close());

  /** Sends a file of `n` valid rows (and `bad` refused ones); returns the job. */
  async function importUsers(n: number, bad = 0) {
    files += 1;
    const rows = Array.from({ length: n }, (_, i) => `u${i}@file${files}.example,User ${i},STUDENT,password ${i}`);
    for (let i = 0; i < bad; i++) rows.push(`bad-${i},Bad,STUDENT,password`);
    const res = await t.request(ImportUsersDocument, { input: { csv: [HEADER, ...rows].join('\n') } });
    expect(res.errors).toBeUndefined();
    return res.data!.importUsers.job;
  }

  /** Subscribes to the job, resolving once the server listens. */
  async function follow(jobId: string, key = t.keys[Role.ADMIN]) {
    const started = t.nextOperationStarted();
    const subscription = new Subscription(t.wsClient(key), UserImportJobProgressedDocument, { jobId });
    await started;
    return subscription;
  }

  /** Every event until the stream completes. */
  async function drain(subscription: Subscription<UserImportJobProgressedSubscription>): Promise<Progress[]> {
    const events: Progress[] = [];
    for (;;) {
      const event = (await subscription.next()).userImportJobProgressed;
      events.push(event);
      if (['SUCCEEDED', 'FAILED'].includes(event.status)) break;
    }
    await within(subscription.done, 10_000, 'the subscription to complete');
    return events;
  }

  it('sends a snapshot, then one event per chunk of a 120-row import (50, 50, 20), then SUCCEEDED, then completes', async () => {
    const held = gate();
    t.server.services.userImports.hooks.beforeChunk = () => held.promise;
    const job = await importUsers(120, 2);
    expect(job).toMatchObject({ status: 'PENDING', rowCount: 122, failedCount: 2 });
    const progress = await follow(job.id);

    // Another import runs meanwhile: its events are not this subscription's.
    t.server.services.userImports.hooks.beforeChunk = undefined;
    await importUsers(3);

    held.open();
    const events = await drain(progress);
    expect(new Set(events.map((e) => e.jobId))).toEqual(new Set([job.id]));
    expect(events.map((e) => [e.snapshot, e.status, e.chunkSize, e.createdCount, e.failedCount, e.pendingCount, e.percent])).toEqual([
      // Taken by the server already, and held before its first chunk.
      [true, 'RUNNING', 0, 0, 2, 120, 1.6],
      [false, 'RUNNING', 50, 50, 2, 70, 42.6],
      [false, 'RUNNING', 50, 100, 2, 20, 83.6],
      // Every row dealt with, but the import has not ended yet: never 100 before it has.
      [false, 'RUNNING', 20, 120, 2, 0, 99.9],
      [false, 'SUCCEEDED', 0, 120, 2, 0, 100],
    ]);
    // `job` reads the import as it is now: by the last event it has ended.
    expect(events.at(-1)!.job).toEqual({ id: job.id, status: 'SUCCEEDED', createdCount: 120 });
  });

  it('sends the final state as its snapshot and completes for an import that has already ended', async () => {
    const job = await importUsers(3);
    await t.server.services.userImports.idle();
    const events = await drain(await follow(job.id));
    expect(events).toEqual([
      expect.objectContaining({ jobId: job.id, snapshot: true, status: 'SUCCEEDED', createdCount: 3, pendingCount: 0, percent: 100 }),
    ]);
  });

  it('misses no event of an import that ends between the subscription reading it and its stream starting', async () => {
    const held = gate();
    const imports = t.server.services.userImports;
    imports.hooks.beforeChunk = () => held.promise;
    const job = await importUsers(3);
    // The window cannot be hit by timing alone: the read returns the job as it was (held before its
    // first chunk), and the job runs to its end before the subscription goes on.
    const findJob = imports.findJob.bind(imports);
    const spy = vi.spyOn(imports, 'findJob').mockImplementationOnce(async (id) => {
      const stale = await findJob(id);
      expect(stale?.status).toBe('RUNNING');
      held.open();
      await imports.idle();
      return stale;
    });
    try {
      const events = await drain(await follow(job.id));
      expect(events.map((e) => [e.snapshot, e.status, e.chunkSize, e.createdCount])).toEqual([
        [true, 'RUNNING', 0, 0],
        [false, 'RUNNING', 3, 3],
        [false, 'SUCCEEDED', 0, 3],
      ]);
    } finally {
      spy.mockRestore();
    }
  });

  it('refuses an unknown import, or the ID of another type, with NOT_FOUND, and an OPERATOR with FORBIDDEN', async () => {
    const notFound = { errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })] };
    const missing = new Subscription(t.wsClient(), UserImportJobProgressedDocument, { jobId: toGlobalId('UserImportJob', 987_654) });
    await expect(missing.next()).rejects.toMatchObject(notFound);
    const wrongType = new Subscription(t.wsClient(), UserImportJobProgressedDocument, { jobId: toGlobalId('User', 1) });
    await expect(wrongType.next()).rejects.toMatchObject(notFound);

    const job = await importUsers(1);
    const operator = new Subscription(t.wsClient(t.keys[Role.OPERATOR]), UserImportJobProgressedDocument, { jobId: job.id });
    await expect(operator.next()).rejects.toMatchObject({
      errors: [
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN', missingPermissions: ['USER_MANAGE'] }) }),
      ],
    });
  });
});
