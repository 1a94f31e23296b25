/**
 * The sync engine's public vocabulary: kinds, triggers, statuses, phases, and the read models the
 * GraphQL layer shows, kept apart from the engine so resolvers and tests can name them without it.
 */
import type { SyncRun } from '../../entities/sync-run.entity.js';

/** FULL refreshes every serial; LIMITED and AUTOMATIC only add new serials and mark removed ones. */
export type SyncKind = 'FULL' | 'LIMITED' | 'AUTOMATIC';
export type SyncTrigger = 'MANUAL' | 'SCHEDULED' | 'TOKEN_UPLOADED';
export type SyncRunStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT';
/** Where a run is; DONE once it ended, whatever the status. */
export type SyncPhase = 'FETCHING' | 'SYNCING' | 'MARKING_REMOVED' | 'ASSIGNING_DEFAULT_PROFILE' | 'DONE';

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
