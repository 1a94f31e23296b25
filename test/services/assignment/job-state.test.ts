import { describe, expect, it } from 'vitest';
import { AssignmentJob } from '../../../src/entities/assignment-job.entity.js';
import { endStatusOf, pendingCountOf, progressOf } from '../../../src/services/assignment/job-state.js';

function job(counts: Partial<AssignmentJob>): AssignmentJob {
  return Object.assign(new AssignmentJob(), {
    id: 7,
    tokenId: 3,
    kind: 'ASSIGN',
    status: 'RUNNING',
    deviceCount: 0,
    unchangedCount: 0,
    cannotChangeCount: 0,
    succeededCount: 0,
    notAccessibleCount: 0,
    failedCount: 0,
    throttledCount: 0,
    requiresWipeCount: 0,
    appleCalls: 0,
    ...counts,
  });
}

describe('assignment job state', () => {
  it('counts as pending every device without a final result', () => {
    expect(pendingCountOf(job({ deviceCount: 10, unchangedCount: 1, cannotChangeCount: 2, succeededCount: 3, failedCount: 1 }))).toBe(3);
  });

  it('ends SUCCEEDED when every device has what was asked, changed or already so, including a job of 0 devices', () => {
    expect(endStatusOf(job({ deviceCount: 5, succeededCount: 3, unchangedCount: 2 }))).toBe('SUCCEEDED');
    expect(endStatusOf(job({ deviceCount: 0 }))).toBe('SUCCEEDED');
  });

  it('ends PARTIALLY_SUCCEEDED when some devices could not change and some have what was asked', () => {
    expect(endStatusOf(job({ deviceCount: 4, succeededCount: 1, notAccessibleCount: 1, throttledCount: 1, cannotChangeCount: 1 }))).toBe(
      'PARTIALLY_SUCCEEDED',
    );
    expect(endStatusOf(job({ deviceCount: 2, unchangedCount: 1, failedCount: 1 }))).toBe('PARTIALLY_SUCCEEDED');
  });

  it('ends FAILED when no device has what was asked', () => {
    expect(endStatusOf(job({ deviceCount: 3, notAccessibleCount: 2, cannotChangeCount: 1 }))).toBe('FAILED');
  });

  it('reports the counts and the batch in its event, with the time of the server clock', () => {
    const event = progressOf(job({ deviceCount: 2000, succeededCount: 1000, appleCalls: 1 }), 1000, new Date('2026-09-01T08:00:00.000Z'));
    expect(event).toMatchObject({
      jobId: 7,
      tokenId: 3,
      status: 'RUNNING',
      batchSize: 1000,
      pendingCount: 1000,
      at: '2026-09-01T08:00:00.000Z',
    });
  });
});
