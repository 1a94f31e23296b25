/**
 * An enrollment profile (seed 002's "Create an Apple enrollment profile"), per token. Apple's
 * profiles are immutable, so each change defines a new one at Apple: `appleProfileUuid` is the
 * current one, and devices that had the old one are moved to it.
 */
import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { DateTimeColumn } from './columns.js';
import { EnrollmentProgramToken } from './enrollment-program-token.entity.js';

@Entity()
@Index('enrollment_profile_token_name', ['tokenId', 'name'], { unique: true })
export class EnrollmentProfile {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer' })
  tokenId!: number;

  @ManyToOne(() => EnrollmentProgramToken, { onDelete: 'RESTRICT', nullable: false })
  token!: Relation<EnrollmentProgramToken>;

  @Column({ type: 'varchar', length: 125 })
  name!: string;

  /**
   * Random, stable for the profile's life, unique: the last segment of the enrollment URL Apple
   * hands devices. Apple's UUID changes on every update, and the row id is not known before
   * Apple has accepted the definition, so neither can be in the URL.
   */
  @Column({ type: 'varchar', length: 40, unique: true })
  enrollmentKey!: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  description!: string | null;

  /** WITH_USER_AFFINITY or WITHOUT_USER_AFFINITY. */
  @Column({ type: 'varchar', length: 30 })
  userAffinity!: string;

  @Column({ type: 'boolean' })
  supervised!: boolean;

  /** Apple's `is_mdm_removable: false`. */
  @Column({ type: 'boolean' })
  lockedEnrollment!: boolean;

  @Column({ type: 'boolean' })
  sharedIPad!: boolean;

  @Column({ type: 'integer', nullable: true })
  maximumCachedUsers!: number | null;

  /** DENY_ALL, ALLOW_ALL or ALLOW_CONFIGURATOR_BY_CERTIFICATE. */
  @Column({ type: 'varchar', length: 40 })
  pairing!: string;

  /** JSON array of PEM certificates (Apple Configurator hosts allowed to pair). */
  @Column({ type: 'text' })
  configuratorCertificates!: string;

  @Column({ type: 'boolean' })
  awaitDeviceConfigured!: boolean;

  @Column({ type: 'varchar', length: 125, nullable: true })
  departmentName!: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  departmentPhone!: string | null;

  /** JSON array of Apple skip keys (`Passcode`, `Location`, ...). */
  @Column({ type: 'text' })
  skippedPanes!: string;

  /** The UUID Apple gave the current definition. */
  @Column({ type: 'varchar', length: 64 })
  appleProfileUuid!: string;

  @DateTimeColumn()
  appleDefinedAt!: Date;

  @DateTimeColumn()
  createdAt!: Date;

  @DateTimeColumn()
  updatedAt!: Date;
}
