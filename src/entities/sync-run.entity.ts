/**
 * One device sync of one token (seed 002's "Sync ASM-managed devices"): what kind it was, why
 * it ran, how far it got and how it ended. The run row is also the 15-minute lease: the token
 * points at its running run until the run finishes or its deadline passes.
 */
import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { DateTimeColumn } from './columns.js';
import { EnrollmentProgramToken } from './enrollment-program-token.entity.js';
import type { FallbackReason, SyncKind, SyncPhase, SyncRunStatus, SyncTrigger } from './sync-vocabulary.js';

@Entity()
@Index('sync_run_token', ['tokenId', 'id'])
export class SyncRun {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer' })
  tokenId!: number;

  @ManyToOne(() => EnrollmentProgramToken, { onDelete: 'CASCADE', nullable: false })
  token!: Relation<EnrollmentProgramToken>;

  @Column({ type: 'varchar', length: 20 })
  kind!: SyncKind;

  @Column({ type: 'varchar', length: 20 })
  trigger!: SyncTrigger;

  @Column({ type: 'varchar', length: 20 })
  status!: SyncRunStatus;

  /** Where a running run is; DONE once it ended. */
  @Column({ type: 'varchar', length: 40 })
  phase!: SyncPhase;

  @DateTimeColumn()
  startedAt!: Date;

  @DateTimeColumn({ nullable: true })
  finishedAt!: Date | null;

  /** startedAt + 15 minutes: after it the run is TIMED_OUT and another may start. */
  @DateTimeColumn()
  deadlineAt!: Date;

  @Column({ type: 'integer' })
  pages!: number;

  @Column({ type: 'integer' })
  devicesSeen!: number;

  @Column({ type: 'integer' })
  devicesAdded!: number;

  @Column({ type: 'integer' })
  devicesUpdated!: number;

  @Column({ type: 'integer' })
  devicesRemoved!: number;

  @Column({ type: 'integer' })
  defaultProfileAssigned!: number;

  /** What the run expected to see (the previous full sync's count), for percentages. */
  @Column({ type: 'integer', nullable: true })
  estimatedTotal!: number | null;

  /** Why a limited run became a full one; null when it ran as asked. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  fallbackReason!: FallbackReason | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  errorCode!: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  errorMessage!: string | null;
}

/** The counts a run keeps as its pages commit: what the run, its events and its views all show. */
export const SYNC_RUN_COUNTS = [
  'pages',
  'devicesSeen',
  'devicesAdded',
  'devicesUpdated',
  'devicesRemoved',
  'defaultProfileAssigned',
  'estimatedTotal',
] as const satisfies ReadonlyArray<keyof SyncRun>;
export type SyncRunCounts = Pick<SyncRun, (typeof SYNC_RUN_COUNTS)[number]>;

/** A run's counts before its first page. */
export const NO_SYNC_COUNTS = {
  pages: 0,
  devicesSeen: 0,
  devicesAdded: 0,
  devicesUpdated: 0,
  devicesRemoved: 0,
  defaultProfileAssigned: 0,
} as const;
