/**
 * Rows that belong to one device (its MDM commands, the users signed in on it): their id, the
 * device's id and the relation, declared once. They go with the device (CASCADE).
 */
import { Column, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { DateTimeColumn } from './columns.js';
import { Device } from './device.entity.js';

export abstract class DeviceOwnedRow {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer' })
  deviceId!: number;

  @ManyToOne(() => Device, { onDelete: 'CASCADE', nullable: false })
  device!: Relation<Device>;
}

/**
 * A one-time secret handed to one device inside its enrollment profile (a SCEP challenge, an ACME
 * client identifier): stored only as a hash (the subclass's column), bound to the serial the
 * device's request must carry, short-lived, and spent once (`usedAt` kept, so a replay is told
 * apart from a guess).
 */
export abstract class DeviceOneTimeSecret extends DeviceOwnedRow {
  /** The serial the device's request must carry (the device's, as Homeroom knows it). */
  @Column({ type: 'varchar', length: 64 })
  serialNumber!: string;

  @DateTimeColumn()
  expiresAt!: Date;

  /** When a certificate was issued against it; it is good once. */
  @DateTimeColumn({ nullable: true })
  usedAt!: Date | null;

  @DateTimeColumn()
  createdAt!: Date;
}
