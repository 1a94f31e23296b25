/**
 * The columns every leased background job has (assignment jobs, user imports): who asked, when it
 * was made, started and finished, the lease, and why it failed. The row is the job's lease, so
 * exactly one Homeroom instance works on a job, and a job whose instance stopped or died is
 * resumed by another (`platform/leased-jobs.ts`).
 *
 * An abstract class with no table of its own: each job entity extends it (TypeORM's concrete
 * table inheritance) and adds its status, its counts and its indexes.
 */
import { Column, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from './columns.js';

/**
 * When a piece of work started and finished (null until then) and when its row last changed: the
 * times a leased job and a device's migration share.
 */
export abstract class WorkTimes {
  @DateTimeColumn({ nullable: true })
  startedAt!: Date | null;

  @DateTimeColumn({ nullable: true })
  finishedAt!: Date | null;

  @DateTimeColumn()
  updatedAt!: Date;
}

export abstract class LeasedJob extends WorkTimes {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** Declared by each job with its own words; RUNNING while a process may work on it. */
  abstract status: string;

  /** The audit log's name of who asked (an API key's name, `cli:<user>`, `system`). */
  @Column({ type: 'varchar', length: 200 })
  requestedBy!: string;

  @DateTimeColumn()
  createdAt!: Date;

  /** Which process works on the job (random per process); null when none. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  leaseOwner!: string | null;

  /** Until when that process holds it; renewed with every batch or chunk. */
  @DateTimeColumn({ nullable: true })
  leaseUntil!: Date | null;

  /** Why a FAILED job stopped; null otherwise. */
  @Column({ type: 'varchar', length: 60, nullable: true })
  errorCode!: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  errorMessage!: string | null;
}

/** The lease and end columns of a job just stored: nobody holds it, nothing failed. */
export function unleasedJobColumns(): Pick<LeasedJob, 'leaseOwner' | 'leaseUntil' | 'errorCode' | 'errorMessage'> {
  return { leaseOwner: null, leaseUntil: null, errorCode: null, errorMessage: null };
}

/** The columns of a job that ends now: the lease cleared, and why it failed when `error` says. */
export function endedJobColumns(
  now: Date,
  error: { code: string; message: string } | null,
): Pick<LeasedJob, 'finishedAt' | 'updatedAt' | 'leaseOwner' | 'leaseUntil' | 'errorCode' | 'errorMessage'> {
  return {
    finishedAt: now,
    updatedAt: now,
    leaseOwner: null,
    leaseUntil: null,
    errorCode: error?.code.slice(0, 60) ?? null,
    errorMessage: error?.message.slice(0, 1000) ?? null,
  };
}
