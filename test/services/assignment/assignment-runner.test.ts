import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssignmentJob } from '../../../src/entities/assignment-job.entity.js';
import { AssignmentGroup, AssignmentOutcome, type AssignmentResult } from '../../../src/entities/assignment-outcome.entity.js';
import { ErrorCode } from '../../../src/errors.js';
import {
  APPLE_BATCH,
  FAILED_BACKOFF_MS,
  GROUP_CALLS,
  LEASE_MS,
  THROTTLED_RETRIES,
} from '../../../src/services/assignment/assignment-runner.js';
import { Services } from '../../../src/services/services.js';
import { gate, openAllGates } from '../../support/gate.js';
import { startAssignmentHarness, type AssignmentHarness } from './harness.js';

/**
 * The job runner against the Apple simulator: Apple's per-serial answers and their retries (on
 * the harness's ManualClock, so every wait is recorded, not slept), whole-call failures, the
 * events, and jobs that outlive their process.
 */
describe('assignment job runner', () => {
  let h: AssignmentHarness;
  beforeAll(async () => {
    h = await startAssignmentHarness();
  });
  afterAll(async () => {
    openAllGates();
    await h.close();
  });

  const outcomesOf = async (jobId: number) =>
    new Map((await h.services.assignments.listOutcomes(jobId, {}, { first: 500 })).edges.map((e) => [e.node.serialNumber, e.node]));

  it('asks again for THROTTLED serials after retry_after_seconds and ends SUCCEEDED', async () => {
    const { profile, serials } = await h.school('Throttled school', 20);
    const throttled = serials.slice(0, 3);
    h.simulator.faults.add({ kind: 'throttle', serials: throttled, retryAfterSeconds: 120 });
    h.waits.length = 0;
    const { job, done } = await h.services.assignments.assign(h.ctx, profile.id, { serialNumbers: serials });
    const ended = await done;
    expect(ended).toMatchObject({ status: 'SUCCEEDED', succeededCount: 20, throttledCount: 0, appleCalls: 2 });
    expect(h.waits).toEqual([120_000]);
    const outcomes = await outcomesOf(job.id);
    for (const serial of throttled) expect(outcomes.get(serial)).toMatchObject({ result: 'SUCCESS', attempts: 2, retryAt: null });
    expect(outcomes.get(serials[5]!)).toMatchObject({ result: 'SUCCESS', attempts: 1 });
  });

  it(`reports a serial Apple keeps throttling THROTTLED after ${THROTTLED_RETRIES} retries (PARTIALLY_SUCCEEDED)`, async () => {
    const { profile, serials } = await h.school('Always throttled school', 4);
    h.simulator.faults.add({ kind: 'throttle', serials: [serials[0]!], retryAfterSeconds: 30, times: 100 });
    const { job, done } = await h.services.assignments.assign(h.ctx, profile.id, { serialNumbers: serials });
    expect(await done).toMatchObject({ status: 'PARTIALLY_SUCCEEDED', succeededCount: 3, throttledCount: 1 });
    expect((await outcomesOf(job.id)).get(serials[0]!)).toMatchObject({
      result: 'THROTTLED',
      attempts: THROTTLED_RETRIES + 1,
      retryAt: null,
    });
    h.simulator.faults.clear();
  });

  it('asks again for FAILED serials with a doubling backoff, and reports FAILED after 3 retries', async () => {
    const { profile, serials } = await h.school('Failing school', 6);
    const [recovers, neverWorks] = serials as [string, string];
    // The simulator applies the first fault that matches: both fail twice, then only one goes on failing.
    h.simulator.faults.add({ kind: 'fail-assign', serials: [recovers, neverWorks], times: 2 });
    h.simulator.faults.add({ kind: 'fail-assign', serials: [neverWorks], times: 10 });
    h.waits.length = 0;
    const { job, done } = await h.services.assignments.assign(h.ctx, profile.id, { serialNumbers: serials });
    expect(await done).toMatchObject({ status: 'PARTIALLY_SUCCEEDED', succeededCount: 5, failedCount: 1 });
    expect(h.waits).toEqual([FAILED_BACKOFF_MS, 2 * FAILED_BACKOFF_MS, 4 * FAILED_BACKOFF_MS]);
    const outcomes = await outcomesOf(job.id);
    expect(outcomes.get(recovers)).toMatchObject({ result: 'SUCCESS', attempts: 3, failures: 2 });
    expect(outcomes.get(neverWorks)).toMatchObject({ result: 'FAILED', attempts: 4, failures: 4, retryAt: null });
    expect((await h.device(neverWorks)).profileId).toBeNull();
    h.simulator.faults.clear();
  });

  it('ends PARTIALLY_SUCCEEDED with the serials Apple says are NOT_ACCESSIBLE, which keep their old state', async () => {
    const { profile, serials } = await h.school('Moved school', 5);
    const moved = serials.slice(0, 2);
    await h.school('Moved elsewhere', 0);
    h.simulator.portal.moveDevices(moved, 'Moved elsewhere');
    const { job, done } = await h.services.assignments.assign(h.ctx, profile.id, { filter: { profile: { kind: 'UNASSIGNED' } } });
    expect(await done).toMatchObject({ status: 'PARTIALLY_SUCCEEDED', succeededCount: 3, notAccessibleCount: 2 });
    const listed = await h.services.assignments.listOutcomes(job.id, { results: ['NOT_ACCESSIBLE'] }, { first: 10 });
    expect(listed.edges.map((e) => e.node.serialNumber).sort()).toEqual([...moved].sort());
    for (const serial of moved) expect(await h.device(serial)).toMatchObject({ profileId: null, profileStatus: 'empty' });
  });

  it("records a plain SUCCESS by its group, not on its outcome row, and reads it back as a SUCCESS of one attempt at the group's time", async () => {
    const { job, serials } = await h.assignedWithOneMovedAway('Grouped school', 4);

    // Stored: only the answer that is not a plain SUCCESS changed its row; the group's record answers the others.
    const manager = h.opened.dataSource.manager;
    const stored = await manager.find(AssignmentOutcome, { where: { jobId: job.id }, order: { id: 'ASC' } });
    expect(new Map(stored.map((row) => [row.serialNumber, row.result]))).toEqual(
      new Map(serials.map((serial, i) => [serial, i === 0 ? 'NOT_ACCESSIBLE' : 'PENDING'])),
    );
    const groups = await manager.find(AssignmentGroup, { where: { jobId: job.id } });
    expect(groups).toEqual([expect.objectContaining({ throughId: stored.at(-1)!.id })]);

    // Read: the API's answers are the same as if every row had been written.
    const outcomes = await outcomesOf(job.id);
    expect(outcomes.get(serials[0]!)).toMatchObject({ result: 'NOT_ACCESSIBLE', attempts: 1 });
    for (const serial of serials.slice(1)) {
      expect(outcomes.get(serial)).toMatchObject({
        result: 'SUCCESS',
        attempts: 1,
        requiresWipe: false,
        retryAt: null,
        updatedAt: groups[0]!.answeredAt,
      });
    }
    const count = async (results: AssignmentResult[]) =>
      (await h.services.assignments.listOutcomes(job.id, { results }, { first: 10 })).totalCount();
    expect([await count(['SUCCESS']), await count(['PENDING']), await count(['NOT_ACCESSIBLE', 'SUCCESS'])]).toEqual([3, 0, 4]);
    const succeeded = stored.find((row) => row.result === 'PENDING')!;
    expect(await h.services.assignments.findOutcome(succeeded.id)).toMatchObject({ result: 'SUCCESS', attempts: 1 });
  });

  it('ends FAILED with the error when Apple fails the whole call, leaving the serials PENDING', async () => {
    const { profile, serials } = await h.school('Unavailable school', 3);
    h.simulator.faults.add({ kind: 'http', status: 500, endpoint: 'POST /profile/devices', times: 50 });
    const { job, done } = await h.services.assignments.assign(h.ctx, profile.id, { serialNumbers: serials });
    const ended = (await done)!;
    expect(ended).toMatchObject({ status: 'FAILED', errorCode: ErrorCode.APPLE_UNAVAILABLE, succeededCount: 0 });
    expect(h.services.assignments.pendingCountOf(ended)).toBe(3);
    expect((await outcomesOf(job.id)).get(serials[0]!)).toMatchObject({ result: 'PENDING', attempts: 0 });
    h.simulator.faults.clear();
  });

  it('records the calls Apple answered in the group before one it fails, and ends FAILED with APPLE_UNAVAILABLE', async () => {
    const { token, profile } = await h.school('Failing later school', 2500);
    h.simulator.faults.add({ kind: 'http', status: 500, endpoint: 'POST /profile/devices', onCall: 3, times: 50 });
    try {
      const { job, done } = await h.services.assignments.assign(h.ctx, profile.id, { filter: {} });
      const ended = (await done)!;
      expect(ended).toMatchObject({ status: 'FAILED', errorCode: ErrorCode.APPLE_UNAVAILABLE, succeededCount: 2000, appleCalls: 2 });
      expect(h.services.assignments.pendingCountOf(ended)).toBe(500);
      const assigned = [...(await h.devices(token.id)).values()].filter((device) => device.profileId === profile.id);
      expect(assigned).toHaveLength(2000);
      const pending = await h.services.assignments.listOutcomes(job.id, { results: ['PENDING'] }, { first: 500 });
      expect(pending.edges).toHaveLength(500);
    } finally {
      h.simulator.faults.clear();
    }
  });

  it('publishes one event per batch, then the final state', async () => {
    const { profile } = await h.school('Evented school', 2100);
    const { job, done } = await h.services.assignments.assign(h.ctx, profile.id, { filter: {} });
    await done;
    const events = h.jobEvents.filter((e) => e.jobId === job.id);
    expect(events.map((e) => [e.status, e.batchSize, e.succeededCount, e.pendingCount])).toEqual([
      ['RUNNING', 1000, 1000, 1100],
      ['RUNNING', 1000, 2000, 100],
      ['RUNNING', 100, 2100, 0],
      ['SUCCEEDED', 0, 2100, 0],
    ]);
  });

  // A group of calls and half a call more: the first group is recorded while the last call is in flight.
  const GROUP_AND_A_HALF = GROUP_CALLS * APPLE_BATCH + APPLE_BATCH / 2;

  it('resumes a job whose process died after a group commit from the next group once its lease runs out, losing at most that call', async () => {
    const { profile } = await h.school('Crash school', GROUP_AND_A_HALF);
    h.services.assignments.hooks.afterBatchCommitted = () => {
      throw new Error('killed');
    };
    const before = h.assignCalls();
    const { job, done } = await h.services.assignments.assign(h.ctx, profile.id, { filter: {} });
    // The whole first group was recorded, in one transaction.
    expect(await done).toMatchObject({ status: 'RUNNING', succeededCount: GROUP_CALLS * APPLE_BATCH, appleCalls: GROUP_CALLS });
    h.services.assignments.hooks.afterBatchCommitted = undefined;
    // The dead process also sent the next group's first call; its answer was never recorded.

    const restarted = new Services(h.services.deps);
    restarted.assignments.hooks.sleep = h.services.assignments.hooks.sleep!;
    await restarted.assignments.resumeNow();
    await restarted.assignments.idle();
    expect((await h.services.assignments.findJob(job.id))!.status).toBe('RUNNING');

    h.clock.advance(LEASE_MS + 1);
    await restarted.assignments.resumeNow();
    await restarted.assignments.idle();
    expect(await h.services.assignments.findJob(job.id)).toMatchObject({
      status: 'SUCCEEDED',
      succeededCount: GROUP_AND_A_HALF,
      appleCalls: GROUP_CALLS + 1,
    });
    // Only the call whose answer was lost is sent again.
    expect(h.assignCalls() - before).toBe(GROUP_CALLS + 2);
    await restarted.assignments.stop();
  });

  it('lets exactly one of two instances take over an orphaned job', async () => {
    const { profile } = await h.school('Contended school', GROUP_AND_A_HALF);
    h.services.assignments.hooks.afterBatchCommitted = () => {
      throw new Error('killed');
    };
    const before = h.assignCalls();
    const { job, done } = await h.services.assignments.assign(h.ctx, profile.id, { filter: {} });
    await done;
    h.services.assignments.hooks.afterBatchCommitted = undefined;
    h.clock.advance(LEASE_MS + 1);

    const [first, second] = [new Services(h.services.deps), new Services(h.services.deps)];
    await Promise.all([first.assignments.resumeNow(), second.assignments.resumeNow()]);
    await Promise.all([first.assignments.idle(), second.assignments.idle()]);
    expect(await h.services.assignments.findJob(job.id)).toMatchObject({
      status: 'SUCCEEDED',
      succeededCount: GROUP_AND_A_HALF,
      leaseOwner: null,
    });
    // One taker sends again the one call the dead process left (sent but never recorded): the last 500 serials.
    expect(h.assignCalls() - before).toBe(GROUP_CALLS + 2);
    await Promise.all([first.assignments.stop(), second.assignments.stop()]);
  });

  it('releases a job when the server stops and the next start resumes it at once', async () => {
    const { profile } = await h.school('Restart school', 2500);
    const second = gate();
    let reached!: () => void;
    const arrived = new Promise<void>((resolve) => (reached = resolve));
    let batches = 0;
    h.services.assignments.hooks.beforeBatch = () => {
      if (++batches !== 2) return undefined;
      reached();
      return second.promise;
    };
    const before = h.assignCalls();
    const { job, done } = await h.services.assignments.assign(h.ctx, profile.id, { filter: {} });
    await arrived;
    const stopping = h.services.assignments.stop();
    second.open();
    await stopping;
    h.services.assignments.hooks.beforeBatch = undefined;
    const paused = (await done)!;

    expect(paused).toMatchObject({ status: 'RUNNING', leaseOwner: null, succeededCount: 1000 });

    const restarted = new Services(h.services.deps);
    restarted.assignments.start();
    await restarted.assignments.resumeNow();
    await restarted.assignments.idle();
    await restarted.assignments.stop();
    expect(await h.opened.dataSource.manager.findOneBy(AssignmentJob, { id: job.id })).toMatchObject({
      status: 'SUCCEEDED',
      succeededCount: 2500,
    });
    expect(h.assignCalls() - before).toBe(3);
  });
});
