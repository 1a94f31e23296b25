/**
 * An enrollment profile (seed 002's "Create an Apple enrollment profile"), per token. Apple's
 * profiles are immutable, so each change defines a new one at Apple: `appleProfileUuid` is the
 * current one, and devices that had the old one are moved to it.
 */
import { Column, Entity, Index } from 'typeorm';
import { DateTimeColumn, JsonColumn } from './columns.js';
import { wordsOf } from '../words.js';
import { TokenOwnedRow } from './owned-rows.js';

/** Whether a device is tied to a user at setup (Intune's "user affinity"). */
export const UserAffinity = wordsOf('WITH_USER_AFFINITY', 'WITHOUT_USER_AFFINITY');
export type UserAffinity = (typeof UserAffinity)[keyof typeof UserAffinity];

/** Whether the device may pair with (sync to) computers. */
export const PairingMode = wordsOf('DENY_ALL', 'ALLOW_ALL', 'ALLOW_CONFIGURATOR_BY_CERTIFICATE');
export type PairingMode = (typeof PairingMode)[keyof typeof PairingMode];

/**
 * How a device enrolling with the profile gets its MDM identity: `SCEP` (the device makes its key and
 * Homeroom's SCEP endpoint certifies it), `ACME` (the device makes a hardware-bound key that Apple
 * attests, and Homeroom's ACME server certifies it) or `PKCS12` (Homeroom makes key and certificate
 * and sends both in the profile). Stored by name, so another kind is one more member.
 */
export const DeviceIdentityKind = wordsOf('SCEP', 'ACME', 'PKCS12');
export type DeviceIdentityKind = (typeof DeviceIdentityKind)[keyof typeof DeviceIdentityKind];

/** How the Return to Service Wi-Fi network is secured (Apple's `EncryptionType` WPA2, WPA3 or None). */
export const WifiSecurity = wordsOf('WPA2', 'WPA3', 'NONE');
export type WifiSecurity = (typeof WifiSecurity)[keyof typeof WifiSecurity];

@Entity()
@Index('enrollment_profile_token_name', ['tokenId', 'name'], { unique: true })
export class EnrollmentProfile extends TokenOwnedRow {
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

  @Column({ type: 'varchar', length: 30 })
  userAffinity!: UserAffinity;

  @Column({ type: 'boolean' })
  supervised!: boolean;

  /** Apple's `is_mdm_removable: false`. */
  @Column({ type: 'boolean' })
  lockedEnrollment!: boolean;

  @Column({ type: 'boolean' })
  sharedIPad!: boolean;

  @Column({ type: 'integer', nullable: true })
  maximumCachedUsers!: number | null;

  @Column({ type: 'varchar', length: 40 })
  pairing!: PairingMode;

  /** PEM certificates of the Apple Configurator hosts allowed to pair. */
  @JsonColumn()
  configuratorCertificates!: string[];

  @Column({ type: 'boolean' })
  awaitDeviceConfigured!: boolean;

  @Column({ type: 'varchar', length: 125, nullable: true })
  departmentName!: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  departmentPhone!: string | null;

  /** Apple's skip keys (`Passcode`, `Location`, ...). */
  @JsonColumn()
  skippedPanes!: string[];

  /** How its devices get their identity; null: the server's default (`MDM_IDENTITY`). Homeroom's own setting, never sent to Apple. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  identityKind!: DeviceIdentityKind | null;

  /** Apple's `is_return_to_service`: its devices may come back from an erase without a person (iPadOS 26+). */
  @Column({ type: 'boolean', default: false })
  isReturnToService!: boolean;

  /** The Wi-Fi network a device joins on its own after an erase with Return to Service; null: none set. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  wifiSsid!: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  wifiSecurity!: WifiSecurity | null;

  /** The Wi-Fi password, sealed with HOMEROOM_SECRET_KEY; never returned by the API. Null for an open network. */
  @Column({ type: 'text', nullable: true })
  sealedWifiPassword!: string | null;

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
