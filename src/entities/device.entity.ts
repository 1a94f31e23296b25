/**
 * A device Apple assigned to a token's MDM server: every field Apple sends (Device Assignment
 * API section 6) plus Homeroom's own (token, assigned profile, first/last seen, removed).
 * Serial numbers are unique across tokens: a device moved to another server moves its row, and
 * the row remembers the token it left (`movedAwayFromTokenId`, `movedAwayAt`) so that token can
 * still list it as moved away instead of losing it.
 */
import { Column, Entity, Index, ManyToOne, type Relation } from 'typeorm';
import { DateTimeColumn } from './columns.js';
import { EnrollmentProfile } from './enrollment-profile.entity.js';
import { EnrollmentProgramToken } from './enrollment-program-token.entity.js';
import { TokenOwnedRow } from './owned-rows.js';

@Entity()
@Index('device_token', ['tokenId', 'id'])
@Index('device_profile', ['profileId'])
@Index('device_moved_away_from', ['movedAwayFromTokenId', 'id'])
export class Device extends TokenOwnedRow {
  @Column({ type: 'varchar', length: 64, unique: true })
  serialNumber!: string;

  @Column({ type: 'varchar', length: 120, nullable: true })
  model!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  description!: string | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  color!: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  assetTag!: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  os!: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  deviceFamily!: string | null;

  /** Apple's `profile_status`: empty, assigned, pushed or removed. */
  @Column({ type: 'varchar', length: 20 })
  profileStatus!: string;

  /** Apple's `profile_uuid`, as Apple last reported it. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  appleProfileUuid!: string | null;

  @DateTimeColumn({ nullable: true })
  profileAssignTime!: Date | null;

  @DateTimeColumn({ nullable: true })
  profilePushTime!: Date | null;

  @DateTimeColumn({ nullable: true })
  deviceAssignedDate!: Date | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  deviceAssignedBy!: string | null;

  /** The Homeroom profile assigned to it, if any. */
  @Column({ type: 'integer', nullable: true })
  profileId!: number | null;

  @ManyToOne(() => EnrollmentProfile, { onDelete: 'RESTRICT', nullable: true })
  profile!: Relation<EnrollmentProfile> | null;

  @DateTimeColumn()
  firstSeenAt!: Date;

  @DateTimeColumn()
  lastSeenAt!: Date;

  /** When Apple stopped listing it for this server; null while assigned. */
  @DateTimeColumn({ nullable: true })
  removedAt!: Date | null;

  /**
   * The token whose MDM server Apple last moved the device away from, to this row's token (issue
   * 14); null when it never moved between Homeroom's tokens, or that token was deleted since.
   */
  @Column({ type: 'integer', nullable: true })
  movedAwayFromTokenId!: number | null;

  @ManyToOne(() => EnrollmentProgramToken, { onDelete: 'SET NULL', nullable: true })
  movedAwayFromToken!: Relation<EnrollmentProgramToken> | null;

  /** When Apple moved it there: Apple's `device_assigned_date` on the new server, else the sync that saw it arrive. */
  @DateTimeColumn({ nullable: true })
  movedAwayAt!: Date | null;

  /**
   * The device must be wiped to pick up the profile Apple holds for it: a profile was assigned
   * after it had already been activated with another one (Apple status `pushed`), or it is
   * enrolled with Homeroom's MDM under a profile other than the one Apple now holds (moved to
   * another token's server). It keeps its configuration until it is wiped (seed 002,
   * "Distribution").
   */
  @Column({ type: 'boolean', default: false })
  requiresWipe!: boolean;

  /**
   * Apple's `mdm_migration_deadline` (DEP protocol 8): the device is migrating to this token's MDM
   * server without erase and must enroll by then. Such a device never needs a wipe.
   */
  @DateTimeColumn({ nullable: true })
  mdmMigrationDeadline!: Date | null;

  /**
   * When Apple released it from the organisation, as the School Manager API reports it
   * (`releasedFromOrgDateTime`), or when a reconcile found Apple no longer knows it; DEP sends no
   * event for a release. Null while it belongs to the organisation (or before any reconcile).
   */
  @DateTimeColumn({ nullable: true })
  releasedFromOrgAt!: Date | null;

  /** The purchase order it came with (School Manager API `orderNumber`). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  orderNumber!: string | null;

  /** How it joined the organisation: `APPLE`, `RESELLER` or `MANUALLY_ADDED` (`purchaseSourceType`). */
  @Column({ type: 'varchar', length: 30, nullable: true })
  purchaseSourceType!: string | null;

  /** `ACTIVE` or `INACTIVE`: the status of its longest-running coverage (AppleCare+ or the warranty). */
  @Column({ type: 'varchar', length: 20, nullable: true })
  appleCareStatus!: string | null;

  /** That coverage's name, e.g. `AppleCare+ for Schools` or `Limited Warranty`. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  appleCareDescription!: string | null;

  @DateTimeColumn({ nullable: true })
  appleCareEndsAt!: Date | null;

  /** The last reconcile with the School Manager API that read this device. */
  @DateTimeColumn({ nullable: true })
  schoolManagerCheckedAt!: Date | null;
}
