/**
 * One CSV import of directory users (issue 14, item 11): the file was checked as a whole when the
 * job was stored, and its valid rows are hashed and created in the background, in chunks, so an
 * import of thousands of users answers at once and survives a restart. The rows, with what
 * became of each, live in `user_import_row`.
 *
 * The row is also the job's lease, as for assignment jobs: one Homeroom instance works on a job
 * at a time, and a job whose instance stopped or died is resumed by the next one. Counts are kept
 * up to date in the same transaction as the users each chunk creates, never recounted.
 */
import { Column, Entity, Index } from 'typeorm';
import { LeasedJob } from './leased-job.js';

@Entity()
@Index('user_import_job_status', ['status', 'leaseUntil'])
export class UserImportJob extends LeasedJob {
  /** PENDING, RUNNING, SUCCEEDED or FAILED. */
  @Column({ type: 'varchar', length: 20 })
  status!: string;

  /** Every data row of the file, whatever became of it. */
  @Column({ type: 'integer' })
  rowCount!: number;

  /** Users created so far. */
  @Column({ type: 'integer' })
  createdCount!: number;

  /** Rows that created nothing: refused when the file was checked, or found taken when their chunk ran. */
  @Column({ type: 'integer' })
  failedCount!: number;
}
