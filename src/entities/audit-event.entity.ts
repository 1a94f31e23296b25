/**
 * The audit log: one row per mutation attempt by an authenticated caller. A success is written
 * in the same transaction as its effect, so the log never claims a change that was rolled back
 * nor misses one that was committed; a failure is written after the rollback, with its code.
 */
import { Column, Entity, Index, ManyToOne, OneToMany, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { ErrorCode } from '../errors.js';
import { DateTimeColumn, JsonColumn, type JsonFacts } from './columns.js';

export enum AuditOutcome {
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}

@Entity()
@Index('audit_event_action', ['action', 'id'])
export class AuditEvent {
  /** Increasing with time, so "newest first" is `ORDER BY id DESC`. */
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @DateTimeColumn()
  occurredAt!: Date;

  @Column({ type: 'varchar', length: 120 })
  actorName!: string;

  /** The acting key's row, when the actor was an API key; kept even after the key is revoked. */
  @Column({ type: 'integer', nullable: true })
  actorApiKeyId!: number | null;

  @Column({ type: 'varchar', length: 80 })
  action!: string;

  @Column({ type: 'varchar', length: 10 })
  outcome!: AuditOutcome;

  @Column({ type: 'varchar', length: 60, nullable: true })
  errorCode!: ErrorCode | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  errorMessage!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId!: string | null;

  @JsonColumn({ nullable: true })
  details!: JsonFacts | null;

  @OneToMany(() => AuditEventTarget, (target) => target.event, { cascade: ['insert'] })
  targets!: Relation<AuditEventTarget[]>;
}

/** One object an audit event concerns, by GraphQL type and row key, so it can be filtered on. */
@Entity()
@Index('audit_event_target_lookup', ['targetType', 'targetKey'])
export class AuditEventTarget {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @ManyToOne(() => AuditEvent, (event) => event.targets, { onDelete: 'CASCADE', nullable: false })
  event!: Relation<AuditEvent>;

  @Column({ type: 'varchar', length: 60 })
  targetType!: string;

  @Column({ type: 'varchar', length: 120 })
  targetKey!: string;
}
