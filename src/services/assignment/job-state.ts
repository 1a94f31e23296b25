/**
 * A job's state as everyone reads it: how many devices still wait, how a job that ran to the end
 * ended, whether a status is final, and the event that reports it. The runner, the service, the
 * GraphQL types and the subscription all use these, so they cannot disagree.
 */
import { ASSIGNMENT_JOB_COUNTS, type AssignmentJob, type AssignmentJobStatus } from '../../entities/assignment-job.entity.js';
import { pickColumns } from '../../entities/columns.js';
import type { AssignmentJobProgressed } from '../../platform/events/event-bus.js';

/** Statuses a job does not leave. */
export const FINAL_JOB_STATUSES: ReadonlySet<AssignmentJobStatus> = new Set<AssignmentJobStatus>([
  'SUCCEEDED',
  'PARTIALLY_SUCCEEDED',
  'FAILED',
]);

/** Devices of the job without a final result yet. */
export function pendingCountOf(job: AssignmentJob): number {
  return (
    job.deviceCount -
    job.unchangedCount -
    job.cannotChangeCount -
    job.succeededCount -
    job.notAccessibleCount -
    job.failedCount -
    job.throttledCount
  );
}

/**
 * How a job that ran to the end ended: SUCCEEDED when every device has what was asked (changed
 * or already so), PARTIALLY_SUCCEEDED when some have, FAILED when none has.
 */
export function endStatusOf(job: AssignmentJob): AssignmentJobStatus {
  const undone = job.cannotChangeCount + job.notAccessibleCount + job.failedCount + job.throttledCount + pendingCountOf(job);
  if (undone === 0) return 'SUCCEEDED';
  return job.succeededCount + job.unchangedCount > 0 ? 'PARTIALLY_SUCCEEDED' : 'FAILED';
}

/** The event for a job as stored. */
export function progressOf(job: AssignmentJob, batchSize: number, now: Date): AssignmentJobProgressed {
  return {
    ...pickColumns(job, ['tokenId', 'kind', 'status', ...ASSIGNMENT_JOB_COUNTS]),
    jobId: job.id,
    batchSize,
    pendingCount: pendingCountOf(job),
    at: now.toISOString(),
  };
}
