/**
 * Where a device stands with Homeroom's MDM: one row per device that ever asked to
 * enroll, made when Homeroom accepts its MachineInfo and moved on by its check-ins and command
 * answers. A device without a row has never contacted Homeroom (`NOT_CONTACTED`).
 *
 * The identity Homeroom issued (its certificate serial and SHA-256 fingerprint) is how a check-in's
 * `Mdm-Signature` maps back to the device; the push token, push magic and unlock token are what
 * a later push or passcode clear would need. The unlock token clears the passcode of a supervised
 * device, so it is sealed at rest like every secret.
 */
import { Column, Entity, Index, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { DateTimeColumn, JsonColumn } from './columns.js';

/** What an erase with Return to Service prepared for the device's next enrollment (ISO instant, pinned identity). */
export interface PreparedReturn {
  readonly startedAt: string;
  readonly identitySerial: string | null;
  readonly identityFingerprint: string | null;
}
import { Device } from './device.entity.js';
import { DirectoryUser } from './directory-user.entity.js';
import { EnrollmentProfile } from './enrollment-profile.entity.js';

/** The enrollment states, in the order a device passes them (FAILED and UNENROLLED end a run). */
export const ENROLLMENT_STATES = [
  'NOT_CONTACTED',
  'AWAITING_USER',
  'ENROLLING',
  'AWAITING_CONFIGURATION',
  'ENROLLED',
  'FAILED',
  'UNENROLLED',
] as const;
export type EnrollmentStateName = (typeof ENROLLMENT_STATES)[number];

@Entity()
@Index('device_enrollment_token_state', ['tokenId', 'state'])
@Index('device_enrollment_identity', ['identitySerial'], { unique: true })
export class DeviceEnrollment {
  @PrimaryColumn({ type: 'integer' })
  deviceId!: number;

  @ManyToOne(() => Device, { onDelete: 'CASCADE', nullable: false })
  device!: Relation<Device>;

  /** The device's token when it enrolled (a copy of `device.token_id`, for the token's subscriptions and filters). */
  @Column({ type: 'integer' })
  tokenId!: number;

  /** The Homeroom profile it enrolled with. */
  @Column({ type: 'integer', nullable: true })
  profileId!: number | null;

  @ManyToOne(() => EnrollmentProfile, { onDelete: 'SET NULL', nullable: true })
  profile!: Relation<EnrollmentProfile> | null;

  @Column({ type: 'varchar', length: 30 })
  state!: EnrollmentStateName;

  /** The directory user who signed in during enrollment (profiles with user affinity). */
  @Column({ type: 'integer', nullable: true })
  userId!: number | null;

  @ManyToOne(() => DirectoryUser, { onDelete: 'SET NULL', nullable: true })
  user!: Relation<DirectoryUser> | null;

  /** Wrong user credentials in a row at the enrollment URL; the third ends the enrollment FAILED. */
  @Column({ type: 'integer', default: 0 })
  failedSignIns!: number;

  /** Shared iPad: the MaximumResidentUsers the device acknowledged (the profile's maximum cached users). */
  @Column({ type: 'integer', nullable: true })
  maximumResidentUsers!: number | null;

  /** Why the last enrollment failed (state FAILED), in words an admin can act on. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  failureReason!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  udid!: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  osVersion!: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  buildVersion!: string | null;

  /** The hardware product, e.g. `iPad13,18`. */
  @Column({ type: 'varchar', length: 60, nullable: true })
  productName!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  language!: string | null;

  /**
   * What the device says in its `DeviceInformation` answer (`IsSupervised`); null while it has not
   * said (not answered yet, or answered without it). Never the profile's wish: iOS decides, and an
   * MDM that reports the wish as a fact hides the devices that are not.
   */
  @Column({ type: 'boolean', nullable: true })
  supervised!: boolean | null;

  /** The push topic the device enrolled under (the push certificate's). */
  @Column({ type: 'varchar', length: 255, nullable: true })
  topic!: string | null;

  /** Serial (upper-case hex) of the identity certificate Homeroom issued for this enrollment. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  identitySerial!: string | null;

  /** SHA-256 of that certificate's DER, hex: a check-in must be signed by exactly this certificate. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  identityFingerprint!: string | null;

  /** APNs device token, hex (TokenUpdate `Token`). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  pushToken!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  pushMagic!: string | null;

  /** TokenUpdate `UnlockToken`, sealed with HOMEROOM_SECRET_KEY. */
  @Column({ type: 'text', nullable: true })
  sealedUnlockToken!: string | null;

  /** SetBootstrapToken's `BootstrapToken` (supervised devices escrow it for later unlocks), sealed. */
  @Column({ type: 'text', nullable: true })
  sealedBootstrapToken!: string | null;

  /**
   * The re-enrollment an erase with Return to Service prepared: the attempt's start (what its SCEP
   * challenge or ACME identifier is bound to) and the identity pinned for it when Homeroom issued one
   * (PKCS#12). Applied when the device acknowledges the erase; null otherwise.
   */
  @JsonColumn({ nullable: true })
  returnToService!: PreparedReturn | null;

  @DateTimeColumn()
  startedAt!: Date;

  @DateTimeColumn({ nullable: true })
  enrolledAt!: Date | null;

  /** The device's last request to any MDM endpoint. */
  @DateTimeColumn({ nullable: true })
  lastContactedAt!: Date | null;

  @DateTimeColumn()
  updatedAt!: Date;
}
