import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { toGlobalId } from '../../src/global-id.js';
import { ManualClock } from '../../src/platform/clock.js';
import { Role } from '../../src/permissions.js';
import { systemContext } from '../../src/platform/request-context.js';
import type { RunningAppleSimulator } from '../../src/simulator/apple/index.js';
import {
  AssignmentJobProgressedDocument,
  AssignProfileDocument,
  type AssignmentJobProgressedSubscription,
} from '../generated/operations.js';
import { within } from '../support/database.js';
import { gate, openAllGates } from '../support/gate.js';
import { startTestServer, Subscription, type TestServer } from '../support/server.js';
import { simulatedSchool } from '../support/tokens.js';

type Progress = AssignmentJobProgressedSubscription['assignmentJobProgressed'];

/**
 * `assignmentJobProgressed` over real websockets, against the embedded Apple simulator: one event
 * per batch of at most 1000 serials, the final state, then the end of the stream. A job is held
 * before its first batch (the service's `beforeBatch` hook) until the subscription listens.
 */
describe('assignment job subscription over graphql-ws', () => {
  const clock = new ManualClock('2026-09-01T08:00:00.000Z');
  const ctx = systemContext(createLogger('silent'));
  let t: TestServer;
  let apple: RunningAppleSimulator;
  let schools = 0;

  beforeAll(async () => {
    t = await startTestServer({ clock });
    apple = t.server.apple.simulator!;
  });
  afterEach(async () => {
    t.server.services.assignments.hooks.beforeBatch = undefined;
    openAllGates();
    await t.server.services.assignments.idle();
  });
  afterAll(() => t.close());

  /** A token whose MDM server had `devices` serials before the upload (its first sync, ended, listed them), and a profile. */
  async function school(devices: number) {
    schools += 1;
    const { token, profile } = await simulatedSchool(t.server.services, apple, ctx, { name: `Live assignment school ${schools}`, devices });
    expect(await t.server.services.devices.count(token.id)).toBe(devices);
    return { tokenId: toGlobalId('EnrollmentProgramToken', token.id), profileId: toGlobalId('EnrollmentProfile', profile.id) };
  }

  async function assignUnassigned(profileId: string) {
    const res = await t.request(AssignProfileDocument, {
      input: { profileId, devices: { filter: { profile: { assignment: 'UNASSIGNED' } } } },
    });
    expect(res.errors).toBeUndefined();
    return res.data!.assignProfile.job!;
  }

  /** Subscribes to the job, resolving once the server listens. */
  async function follow(jobId: string, key = t.keys[Role.READ_ONLY]) {
    const started = t.nextOperationStarted();
    const subscription = new Subscription(t.wsClient(key), AssignmentJobProgressedDocument, { jobId });
    await started;
    return subscription;
  }

  /** Every event until the stream completes. */
  async function drain(subscription: Subscription<AssignmentJobProgressedSubscription>): Promise<Progress[]> {
    const events: Progress[] = [];
    for (;;) {
      const event = (await subscription.next()).assignmentJobProgressed;
      events.push(event);
      if (['SUCCEEDED', 'PARTIALLY_SUCCEEDED', 'FAILED'].includes(event.status)) break;
    }
    await within(subscription.done, 10_000, 'the subscription to complete');
    return events;
  }

  it('streams one event per batch of a 2,100-device job (1000, 1000, 100), then the final state, then completes', async () => {
    const { tokenId, profileId } = await school(2_100);
    const held = gate();
    t.server.services.assignments.hooks.beforeBatch = () => held.promise;
    const job = await assignUnassigned(profileId);
    expect(job).toMatchObject({ status: 'QUEUED', deviceCount: 2_100 });
    const progress = await follow(job.id);

    // Another job ends meanwhile: its event is not this subscription's.
    const other = await school(0);
    expect(await assignUnassigned(other.profileId)).toMatchObject({ status: 'SUCCEEDED', deviceCount: 0 });

    const calls = apple.stats()['POST /profile/devices'] ?? 0;
    held.open();
    const events = await drain(progress);
    expect(apple.stats()['POST /profile/devices']).toBe(calls + 3);

    expect(new Set(events.map((e) => `${e.jobId} ${e.tokenId} ${e.kind}`))).toEqual(new Set([`${job.id} ${tokenId} ASSIGN`]));
    expect(events.map((e) => [e.status, e.batchSize, e.appleCalls, e.succeededCount, e.pendingCount, e.percent])).toEqual([
      ['RUNNING', 1_000, 1, 1_000, 1_100, 47.6],
      ['RUNNING', 1_000, 2, 2_000, 100, 95.2],
      // Every device answered, but the job has not ended yet: never 100 before it has.
      ['RUNNING', 100, 3, 2_100, 0, 99.9],
      ['SUCCEEDED', 0, 3, 2_100, 0, 100],
    ]);
    expect(events.every((e) => e.deviceCount === 2_100 && e.failedCount === 0 && e.notAccessibleCount === 0)).toBe(true);
    expect(events.every((e) => e.at === clock.now().toISOString())).toBe(true);
    // `job` reads the job as it is now: by the last event it has ended.
    expect(events.at(-1)!.job).toEqual({ id: job.id, status: 'SUCCEEDED' });
  });

  it('sends the final state at once and completes for a job that has already ended', async () => {
    const { profileId } = await school(3);
    const job = await assignUnassigned(profileId);
    await t.server.services.assignments.idle();
    clock.advance(60_000);

    const events = await drain(await follow(job.id));
    expect(events).toEqual([
      expect.objectContaining({
        jobId: job.id,
        status: 'SUCCEEDED',
        batchSize: 0,
        appleCalls: 1,
        deviceCount: 3,
        succeededCount: 3,
        pendingCount: 0,
        percent: 100,
        // When it ended, not when the client asked.
        at: new Date(clock.now().getTime() - 60_000).toISOString(),
        job: { id: job.id, status: 'SUCCEEDED' },
      }),
    ]);
  });

  it('misses no event of a job that ends between the subscription reading it and its stream starting', async () => {
    const { profileId } = await school(3);
    const held = gate();
    const assignments = t.server.services.assignments;
    assignments.hooks.beforeBatch = () => held.promise;
    const job = await assignUnassigned(profileId);
    // The window cannot be hit by timing alone: the read returns the job as it was (RUNNING, held),
    // and the job runs to its end before the subscription goes on.
    const findJob = assignments.findJob.bind(assignments);
    const spy = vi.spyOn(assignments, 'findJob').mockImplementationOnce(async (id) => {
      const stale = await findJob(id);
      expect(stale?.status).toBe('RUNNING');
      held.open();
      await assignments.idle();
      return stale;
    });
    try {
      const events = await drain(await follow(job.id));
      expect(events.map((e) => [e.status, e.batchSize, e.succeededCount])).toEqual([
        ['RUNNING', 3, 3],
        ['SUCCEEDED', 0, 3],
      ]);
    } finally {
      spy.mockRestore();
    }
  });

  it('refuses an unknown job, or the ID of another type, with NOT_FOUND', async () => {
    const notFound = { errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })] };
    const missing = new Subscription(t.wsClient(), AssignmentJobProgressedDocument, { jobId: toGlobalId('AssignmentJob', 987_654) });
    await expect(missing.next()).rejects.toMatchObject(notFound);
    const wrongType = new Subscription(t.wsClient(), AssignmentJobProgressedDocument, { jobId: toGlobalId('Device', 1) });
    await expect(wrongType.next()).rejects.toMatchObject(notFound);
  });
});
