/**
 * A command queued for one device: sent in answer to the device's next connect, then
 * answered by it (`Acknowledged`, `Error`, `CommandFormatError` end it; `NotNow` puts it back in
 * the queue to be sent again on a later connect).
 */
import { Column, Entity, Index } from 'typeorm';
import { DateTimeColumn, JsonColumn } from './columns.js';
import { DeviceOwnedRow } from './device-owned-row.js';

export const COMMAND_STATUSES = ['QUEUED', 'SENT', 'ACKNOWLEDGED', 'ERROR', 'COMMAND_FORMAT_ERROR', 'NOT_NOW'] as const;
export type CommandStatusName = (typeof COMMAND_STATUSES)[number];

@Entity()
@Index('mdm_command_device_status', ['deviceId', 'status', 'id'])
export class MdmCommand extends DeviceOwnedRow {
  @Column({ type: 'varchar', length: 64, unique: true })
  commandUuid!: string;

  @Column({ type: 'varchar', length: 60 })
  requestType!: string;

  /** The `Command` dictionary (strings, numbers, booleans, arrays and objects of them). */
  @JsonColumn()
  command!: Record<string, unknown>;

  @Column({ type: 'varchar', length: 30 })
  status!: CommandStatusName;

  /** The device's `ErrorChain`, when it answered Error. */
  @JsonColumn({ nullable: true })
  errorChain!: unknown[] | null;

  @DateTimeColumn()
  createdAt!: Date;

  @DateTimeColumn({ nullable: true })
  sentAt!: Date | null;

  @DateTimeColumn({ nullable: true })
  answeredAt!: Date | null;
}
