/**
 * What became of one device (or serial) in an assignment job: Apple's last answer for it, how
 * many answers it took, and whether a retry is due. Rows are written when the job is created
 * (PENDING, or the reason it is left alone) and updated after each Apple call, in the same
 * transaction as the devices Apple accepted, so a job resumed after a crash sends only the
 * serials not yet answered.
 */
import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { AssignmentJob } from './assignment-job.entity.js';
import { wordsOf } from '../words.js';
import { DateTimeColumn } from './columns.js';
import { Device } from './device.entity.js';

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

@Entity()
@Index('assignment_outcome_job_result', ['jobId', 'result', 'id'])
// Partial: only serials waiting for a retry are in it, so the 200,000 rows of a big job cost it nothing.
@Index('assignment_outcome_job_retry', ['jobId', 'retryAt'], { where: 'retry_at IS NOT NULL' })
export class AssignmentOutcome {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer' })
  jobId!: number;

  @ManyToOne(() => AssignmentJob, { onDelete: 'CASCADE', nullable: false })
  job!: Relation<AssignmentJob>;

  /** The device; null for a serial number Homeroom does not know. */
  @Column({ type: 'integer', nullable: true })
  deviceId!: number | null;

  @ManyToOne(() => Device, { onDelete: 'SET NULL', nullable: true })
  device!: Relation<Device> | null;

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
