/**
 * An API key: how frontends, scripts and CI authenticate. The key itself is shown once at
 * creation and only its SHA-256 is stored (keys are 256 random bits, so a slow KDF would add
 * latency to every request without adding safety). Revoked keys stay, so the audit log can
 * still name who did what.
 */
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '../permissions.js';
import { DateTimeColumn } from './columns.js';

@Entity()
@Index('api_key_active_name', ['name'], { unique: true, where: 'revoked_at IS NULL' })
export class ApiKey {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description!: string | null;

  @Column({ type: 'varchar', length: 20 })
  role!: Role;

  @Column({ type: 'varchar', length: 16 })
  prefix!: string;

  /** SHA-256 of the whole secret, hex. */
  @Column({ type: 'varchar', length: 64, unique: true })
  secretHash!: string;

  @Column({ type: 'varchar', length: 120 })
  createdBy!: string;

  @DateTimeColumn()
  createdAt!: Date;

  @DateTimeColumn({ nullable: true })
  lastUsedAt!: Date | null;

  @DateTimeColumn({ nullable: true })
  revokedAt!: Date | null;
}
