/**
 * One data row of a user import and what became of it. Rows refused when the file was checked
 * are stored FAILED with their reason; the others wait PENDING with what the user will be, their
 * password sealed with the secret box (`platform/secret-box.ts`, bound to the job and the row),
 * never in clear. The chunk that creates the user sets the row CREATED (or FAILED, when the name
 * was taken meanwhile) and wipes the sealed password in the same transaction, so a password is
 * kept only while its user does not exist yet.
 */
import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { DateTimeColumn } from './columns.js';
import { UserImportJob } from './user-import-job.entity.js';

@Entity()
@Index('user_import_row_job_status', ['jobId', 'status', 'id'])
@Index('user_import_row_job', ['jobId', 'id'])
export class UserImportRow {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer' })
  jobId!: number;

  @ManyToOne(() => UserImportJob, { onDelete: 'CASCADE', nullable: false })
  job!: Relation<UserImportJob>;

  /** 1-based number of the row among the file's data rows (the header and blank lines are not counted). */
  @Column({ type: 'integer' })
  rowNumber!: number;

  /** The row's username, lower-cased (cut to 254 characters when invalid); null when the row has none. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  username!: string | null;

  /** The user's display name and role, checked; null for a refused row. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  displayName!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  role!: string | null;

  /**
   * The password sealed with the secret box while the row is PENDING (`v1.<key>.<iv>.<tag>.<data>`;
   * 256 characters of 4 UTF-8 bytes seal to under 1,500); null once the row is done.
   */
  @Column({ type: 'varchar', length: 2000, nullable: true })
  sealedPassword!: string | null;

  /** PENDING, CREATED or FAILED. */
  @Column({ type: 'varchar', length: 20 })
  status!: string;

  /** Why the row failed (BAD_USER_INPUT, ALREADY_EXISTS, INTERNAL_SERVER_ERROR); null otherwise. */
  @Column({ type: 'varchar', length: 60, nullable: true })
  errorCode!: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  errorMessage!: string | null;

  @DateTimeColumn()
  updatedAt!: Date;
}
