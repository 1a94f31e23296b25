/**
 * The sync engine's read models the GraphQL layer shows, kept apart from the engine so resolvers
 * and tests can name them without it. The words the columns hold (kinds, statuses, phases) are in
 * `entities/sync-vocabulary.ts`.
 */
import { NO_SYNC_COUNTS, type SyncRun, type SyncRunCounts } from '../../entities/sync-run.entity.js';
import type { SyncKind, SyncRunStatus } from '../../entities/sync-vocabulary.js';
import type { SyncProgressed } from '../../platform/events/event-bus.js';

export interface SyncStatus {
  readonly state: 'IDLE' | 'RUNNING';
  readonly lastSyncAt: Date | null;
  readonly lastSuccessfulSyncAt: Date | null;
  readonly lastFullSyncAt: Date | null;
  /** When a sync asked for will be a full one (now or in the past when it already would be). */
  readonly nextFullSyncAvailableAt: Date;
  /** When a sync may start (now or in the past when none is running). */
  readonly syncAvailableAt: Date;
  readonly currentRun: SyncRun | null;
}

export interface SyncCooldown {
  /** Seconds until a sync may start; 0 when one may start now. */
  readonly syncAvailableInSeconds: number;
  /** Seconds until a sync asked for is a full one; 0 when it would be now. */
  readonly fullSyncAvailableInSeconds: number;
  readonly running: boolean;
}

/**
 * One value of a token's progress stream: a published step of a run, or the snapshot a subscriber
 * gets first (`snapshot: true`), which for a token that never synced has no run (ids, kind and
 * status null).
 */
export interface SyncProgressView extends Omit<SyncProgressed, 'runId' | 'kind' | 'status'> {
  readonly runId: number | null;
  readonly kind: SyncKind | null;
  readonly status: SyncRunStatus | null;
  readonly snapshot: boolean;
}

/** The snapshot of a token that never synced, but for its id and time: no run, idle. */
export const NO_SYNC_PROGRESS = {
  runId: null,
  kind: null,
  status: null,
  phase: 'DONE',
  ...NO_SYNC_COUNTS,
  estimatedTotal: null,
  percent: null,
} as const satisfies Omit<SyncProgressView, 'tokenId' | 'at' | 'snapshot'> & SyncRunCounts;
