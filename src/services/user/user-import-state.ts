/**
 * A user import job's state as everyone reads it: its statuses and rows' statuses, how many rows
 * still wait, whether a status is final, and the event that reports it. The runner, the service,
 * the GraphQL types and the subscription all use these, so they cannot disagree.
 */
import type { UserImportJob } from '../../entities/user-import-job.entity.js';
import type { UserImportJobProgressed } from '../../platform/events/event-bus.js';

/**
 * PENDING: stored, not taken by a server yet; RUNNING: creating users chunk by chunk; SUCCEEDED:
 * every row was dealt with (created, or reported FAILED with its reason); FAILED: stopped on an
 * error, rows not reached reported FAILED too.
 */
export type UserImportJobStatus = 'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';

/** PENDING until its chunk ran; CREATED; or FAILED with a code and a reason. */
export type UserImportRowStatus = 'PENDING' | 'CREATED' | 'FAILED';

/** Statuses a job does not leave. */
export const FINAL_IMPORT_STATUSES: ReadonlySet<string> = new Set<UserImportJobStatus>(['SUCCEEDED', 'FAILED']);

/** Rows of the job neither created nor failed yet. */
export function importPendingCountOf(job: Pick<UserImportJob, 'rowCount' | 'createdCount' | 'failedCount'>): number {
  return job.rowCount - job.createdCount - job.failedCount;
}

/** The event for a job as stored. */
export function importProgressOf(job: UserImportJob, chunkSize: number, now: Date): UserImportJobProgressed {
  return {
    jobId: job.id,
    status: job.status,
    chunkSize,
    rowCount: job.rowCount,
    createdCount: job.createdCount,
    failedCount: job.failedCount,
    pendingCount: importPendingCountOf(job),
    at: now.toISOString(),
  };
}

/** The secret box context of a row's sealed password: a value moved to another row or job does not open. */
export function sealContextOf(jobId: number, rowNumber: number): string {
  return `user-import:${jobId}:${rowNumber}`;
}
