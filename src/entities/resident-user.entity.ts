/**
 * A user signed in on a Shared iPad: one row per device and Managed Apple Account, made
 * or refreshed by each user-channel TokenUpdate. A device keeps at most its MaximumResidentUsers;
 * beyond that the user whose last sign-in is oldest is dropped, as the device itself evicts them.
 */
import { Column, Entity, Index, ManyToOne, type Relation } from 'typeorm';
import { DateTimeColumn } from './columns.js';
import { DeviceOwnedRow } from './device-owned-row.js';
import { DirectoryUser } from './directory-user.entity.js';

@Entity()
@Index('resident_user_device_name', ['deviceId', 'shortName'], { unique: true })
export class ResidentUser extends DeviceOwnedRow {
  /** TokenUpdate `UserShortName`: the Managed Apple Account, lower-case. */
  @Column({ type: 'varchar', length: 254 })
  shortName!: string;

  /** TokenUpdate `UserLongName`, when the device sent one. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  longName!: string | null;

  /** The directory user of that name, when Homeroom has one. */
  @Column({ type: 'integer', nullable: true })
  userId!: number | null;

  @ManyToOne(() => DirectoryUser, { onDelete: 'SET NULL', nullable: true })
  user!: Relation<DirectoryUser> | null;

  @DateTimeColumn()
  firstSignedInAt!: Date;

  @DateTimeColumn()
  lastSignedInAt!: Date;
}
