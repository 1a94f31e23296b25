/**
 * One profile assignment (or removal) asked for by someone (seed 002's "Assign a profile to
 * devices"): which devices, how far the work got and how it ended. Homeroom batches
 * any number of devices into Apple calls of at most 1000; the per-device results live in
 * `assignment_outcome`. The row is also the job's lease, so exactly one Homeroom instance works
 * on a job, and a job whose instance stopped or died is resumed by another.
 *
 * Counts are final results only: a serial Apple throttled and that waits for its retry is still
 * pending. They are kept up to date in the same transaction as the outcomes, never recounted.
 */
import { Column, Entity, Index, ManyToOne, type Relation } from 'typeorm';
import { wordsOf } from '../words.js';
import { EnrollmentProfile } from './enrollment-profile.entity.js';
import { EnrollmentProgramToken } from './enrollment-program-token.entity.js';
import { LeasedJob } from './leased-job.js';

/** ASSIGN a profile to devices, or UNASSIGN whatever profile they have at Apple. */
export const AssignmentKind = wordsOf('ASSIGN', 'UNASSIGN');
export type AssignmentKind = (typeof AssignmentKind)[keyof typeof AssignmentKind];

/** How a job stands; SUCCEEDED, PARTIALLY_SUCCEEDED and FAILED are final. */
export const AssignmentJobStatus = wordsOf('QUEUED', 'RUNNING', 'SUCCEEDED', 'PARTIALLY_SUCCEEDED', 'FAILED');
export type AssignmentJobStatus = (typeof AssignmentJobStatus)[keyof typeof AssignmentJobStatus];

@Entity()
@Index('assignment_job_token', ['tokenId', 'id'])
@Index('assignment_job_status', ['status', 'leaseUntil'])
export class AssignmentJob extends LeasedJob {
  @Column({ type: 'varchar', length: 20 })
  kind!: AssignmentKind;

  @Column({ type: 'integer' })
  tokenId!: number;

  @ManyToOne(() => EnrollmentProgramToken, { onDelete: 'CASCADE', nullable: false })
  token!: Relation<EnrollmentProgramToken>;

  /** The profile assigned (ASSIGN); null for UNASSIGN, or once the profile was deleted after the job. */
  @Column({ type: 'integer', nullable: true })
  profileId!: number | null;

  @ManyToOne(() => EnrollmentProfile, { onDelete: 'SET NULL', nullable: true })
  profile!: Relation<EnrollmentProfile> | null;

  @Column({ type: 'varchar', length: 30 })
  status!: AssignmentJobStatus;

  /** Every device (or serial) the job concerns, whatever became of it. */
  @Column({ type: 'integer' })
  deviceCount!: number;

  /** Devices left as they were: the profile was there already (ASSIGN), or no profile was (UNASSIGN). */
  @Column({ type: 'integer' })
  unchangedCount!: number;

  /** Devices the job could not touch: removed, of another token, or serials Homeroom does not know. */
  @Column({ type: 'integer' })
  cannotChangeCount!: number;

  @Column({ type: 'integer' })
  succeededCount!: number;

  @Column({ type: 'integer' })
  notAccessibleCount!: number;

  /** FAILED after every retry. */
  @Column({ type: 'integer' })
  failedCount!: number;

  /** Still THROTTLED after every retry. */
  @Column({ type: 'integer' })
  throttledCount!: number;

  /** Devices already activated with another profile: they pick this one up only once wiped. */
  @Column({ type: 'integer' })
  requiresWipeCount!: number;

  /** Calls made to Apple (each of at most 1000 serials). */
  @Column({ type: 'integer' })
  appleCalls!: number;
}

/** A job's counts, kept with its outcomes: what the job, its events and its views all show. */
export type AssignmentJobCounts = Pick<AssignmentJob, (typeof ASSIGNMENT_JOB_COUNTS)[number]>;
export const ASSIGNMENT_JOB_COUNTS = [
  'deviceCount',
  'unchangedCount',
  'cannotChangeCount',
  'succeededCount',
  'notAccessibleCount',
  'failedCount',
  'throttledCount',
  'requiresWipeCount',
  'appleCalls',
] as const satisfies ReadonlyArray<keyof AssignmentJob>;
