/**
 * A migration without erase (iPadOS 26+): a device of the organisation asked, through the Apple
 * School Manager API, to leave the MDM that manages it for one of Homeroom's tokens by a deadline,
 * keeping its data. One row per serial number, because the device usually has no `device` row yet
 * when the migration is scheduled (it is on another MDM server until Apple's activity moves it);
 * the sync brings the row later, and `Device.migration` joins them by serial.
 *
 * The status moves REQUESTED (Apple's activity sent) -> STARTED (the device began enrolling with
 * Homeroom) -> SUCCESS (ENROLLED) or FAILED (Apple refused the device, or the enrollment failed);
 * CANCELLED when Homeroom cancelled it at Apple. `keptApps` are the managed apps the device keeps
 * and Homeroom reinstalls (takes over) before it releases the device with DeviceConfigured.
 */
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { wordsOf } from '../words.js';
import { DateTimeColumn, JsonColumn } from './columns.js';
import { WorkTimes } from './leased-job.js';

export const MigrationStatus = wordsOf('REQUESTED', 'STARTED', 'SUCCESS', 'FAILED', 'CANCELLED');
export type MigrationStatus = (typeof MigrationStatus)[keyof typeof MigrationStatus];

/** Statuses in which a migration is still under way (it may be updated or cancelled). */
export const OPEN_MIGRATION_STATUSES: readonly MigrationStatus[] = ['REQUESTED', 'STARTED'];

@Entity()
@Index('device_migration_token', ['tokenId', 'id'])
export class DeviceMigration extends WorkTimes {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** The token whose MDM server the device migrates to. */
  @Column({ type: 'integer' })
  tokenId!: number;

  @Column({ type: 'varchar', length: 64, unique: true })
  serialNumber!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: MigrationStatus;

  /** When Apple forces the migration on the device. */
  @DateTimeColumn()
  deadline!: Date;

  /** The profile (with await-configuration) the sync assigns to the device when it arrives. */
  @Column({ type: 'integer', nullable: true })
  profileId!: number | null;

  /** Bundle ids of the managed apps the device keeps; Homeroom reinstalls them before DeviceConfigured. */
  @JsonColumn()
  keptApps!: string[];

  /** Those of `keptApps` the device acknowledged reinstalling. */
  @JsonColumn()
  reinstalledApps!: string[];

  /** The last School Manager API activity sent for the device, and Apple's status of it. */
  @Column({ type: 'varchar', length: 64 })
  activityId!: string;

  @Column({ type: 'varchar', length: 60 })
  activityType!: string;

  /** `IN_PROGRESS`, `COMPLETED`, `FAILED` or `STOPPED`, as Apple last said. */
  @Column({ type: 'varchar', length: 20 })
  activityStatus!: string;

  /** Why it FAILED (Apple's log line, or the enrollment's failure). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  failureReason!: string | null;

  @DateTimeColumn()
  requestedAt!: Date;
}
