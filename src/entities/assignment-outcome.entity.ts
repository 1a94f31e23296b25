/**
 * What became of one device (or serial) in an assignment job: Apple's last answer for it, how
 * many answers it took, and whether a retry is due. Rows are written when the job is created
 * (PENDING, or the reason it is left alone). After each group of Apple calls, in the same
 * transaction as the devices Apple accepted, a row changes only when Apple's answer is not a
 * plain SUCCESS; the group's `AssignmentGroup` record answers the rest. A job resumed after a
 * crash therefore sends only the serials not yet answered, and a row is read through
 * `services/assignment/answered-outcomes.ts`, never straight from the table.
 */
import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { AssignmentJob } from './assignment-job.entity.js';
import { wordsOf } from '../words.js';
import { DateTimeColumn } from './columns.js';

/**
 * What became of one device. PENDING until Apple answered for good; then Apple's answer
 * (SUCCESS, NOT_ACCESSIBLE, FAILED, THROTTLED: the last two only once retries ran out), or,
 * decided when the job was created, why the device was left alone (UNCHANGED, REMOVED,
 * OTHER_TOKEN, UNKNOWN_SERIAL).
 */
export const AssignmentResult = wordsOf(
  'PENDING',
  'SUCCESS',
  'NOT_ACCESSIBLE',
  'FAILED',
  'THROTTLED',
  'UNCHANGED',
  'REMOVED',
  'OTHER_TOKEN',
  'UNKNOWN_SERIAL',
);
export type AssignmentResult = (typeof AssignmentResult)[keyof typeof AssignmentResult];

/** Rows that belong to one assignment job: their id, the job's id and the relation, declared once. They go with the job (CASCADE). */
abstract class AssignmentJobRow {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer' })
  jobId!: number;

  @ManyToOne(() => AssignmentJob, { onDelete: 'CASCADE', nullable: false })
  job!: Relation<AssignmentJob>;
}

@Entity()
@Index('assignment_outcome_job_result', ['jobId', 'result', 'id'])
// Partial: only serials waiting for a retry are in it, so the 200,000 rows of a big job cost it nothing.
@Index('assignment_outcome_job_retry', ['jobId', 'retryAt'], { where: 'retry_at IS NOT NULL' })
export class AssignmentOutcome extends AssignmentJobRow {
  /**
   * The device; null for a serial number Homeroom does not know. No foreign key: the rows come
   * from the job's own selection of devices, and a key check per row doubled the job's creation
   * (a device deleted since simply no longer loads).
   */
  @Column({ type: 'integer', nullable: true })
  deviceId!: number | null;

  @Column({ type: 'varchar', length: 64 })
  serialNumber!: string;

  @Column({ type: 'varchar', length: 20 })
  result!: AssignmentResult;

  /** Apple answers received for this serial. */
  @Column({ type: 'integer' })
  attempts!: number;

  /** FAILED answers received (retried up to 3 times). */
  @Column({ type: 'integer' })
  failures!: number;

  /** When the serial is asked for again (THROTTLED or FAILED with retries left); null when final or not yet sent. */
  @DateTimeColumn({ nullable: true })
  retryAt!: Date | null;

  /** Apple accepted the profile, but the device was already activated with another one: it must be wiped. */
  @Column({ type: 'boolean' })
  requiresWipe!: boolean;

  @DateTimeColumn()
  updatedAt!: Date;
}

/**
 * One group commit of an assignment job that answered PENDING outcome rows: every PENDING row of
 * the job up to `throughId` was sent to Apple by then. Apple's plain SUCCESS, the answer for
 * nearly every serial, is not written to the outcome row: a row still PENDING at or below the
 * job's highest `throughId` is a SUCCESS, answered at the first group that reaches it (attempts
 * 1, no wipe). Any other answer (and a success that needs a wipe, or came on a retry) is written
 * to the row. Writing one row per group instead of one per device keeps a job's group commit to
 * the devices Apple accepted (bench/assign.bench.ts).
 */
@Entity()
@Index('assignment_group_job', ['jobId', 'throughId'])
export class AssignmentGroup extends AssignmentJobRow {
  /** The highest outcome row id (of a row that was PENDING) that this group answered. */
  @Column({ type: 'integer' })
  throughId!: number;

  /** When the group was recorded: the `updatedAt` of the successes it answered. */
  @DateTimeColumn()
  answeredAt!: Date;
}
