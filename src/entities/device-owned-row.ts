/**
 * Rows that belong to one device (its MDM commands, the users signed in on it): their id, the
 * device's id and the relation, declared once. They go with the device (CASCADE).
 */
import { Column, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Device } from './device.entity.js';

export abstract class DeviceOwnedRow {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer' })
  deviceId!: number;

  @ManyToOne(() => Device, { onDelete: 'CASCADE', nullable: false })
  device!: Relation<Device>;
}
