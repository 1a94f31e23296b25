/**
 * The words a sync run's and a token's sync columns hold, declared once as `as const` objects
 * and the unions they make: the entities type their columns with them, the events carry them,
 * the rules compare them and the GraphQL layer registers the same values as enums. They live
 * here, below the entities, because the run and the token both use them and neither may import
 * the other's rules.
 */

/** FULL refreshes every serial; LIMITED and AUTOMATIC only add new serials and mark removed ones. */
export const SyncKind = { FULL: 'FULL', LIMITED: 'LIMITED', AUTOMATIC: 'AUTOMATIC' } as const;
export type SyncKind = (typeof SyncKind)[keyof typeof SyncKind];

/** Why a run started. */
export const SyncTrigger = { MANUAL: 'MANUAL', SCHEDULED: 'SCHEDULED', TOKEN_UPLOADED: 'TOKEN_UPLOADED' } as const;
export type SyncTrigger = (typeof SyncTrigger)[keyof typeof SyncTrigger];

export const SyncRunStatus = { RUNNING: 'RUNNING', SUCCEEDED: 'SUCCEEDED', FAILED: 'FAILED', TIMED_OUT: 'TIMED_OUT' } as const;
export type SyncRunStatus = (typeof SyncRunStatus)[keyof typeof SyncRunStatus];

/** Where a run is; DONE once it ended, whatever the status. */
export const SyncPhase = {
  FETCHING: 'FETCHING',
  SYNCING: 'SYNCING',
  MARKING_REMOVED: 'MARKING_REMOVED',
  ASSIGNING_DEFAULT_PROFILE: 'ASSIGNING_DEFAULT_PROFILE',
  DONE: 'DONE',
} as const;
export type SyncPhase = (typeof SyncPhase)[keyof typeof SyncPhase];

/** Why a run lists everything although a limited one was asked for (`SyncRun.fallbackReason`). */
export const FallbackReason = {
  /** No cursor stored yet (or the last one was cleared): only a full listing can start. */
  NO_CURSOR: 'NO_CURSOR',
  /** A full listing stopped part way (crash, timeout, Apple failure); this run continues it from its cursor. */
  RESUMED_FULL_SYNC: 'RESUMED_FULL_SYNC',
  /** Apple answered `EXPIRED_CURSOR` (cursor older than 7 days): listing again from the start. */
  EXPIRED_CURSOR: 'EXPIRED_CURSOR',
  /** Apple answered `INVALID_CURSOR`: listing again from the start. */
  INVALID_CURSOR: 'INVALID_CURSOR',
  /** The last LIMITED run failed or timed out: a delta may have been missed, so this one lists everything. */
  PREVIOUS_LIMITED_FAILED: 'PREVIOUS_LIMITED_FAILED',
  /** The last FULL run failed or timed out after its listing began: the full sync is still due. */
  PREVIOUS_FULL_FAILED: 'PREVIOUS_FULL_FAILED',
} as const;
export type FallbackReason = (typeof FallbackReason)[keyof typeof FallbackReason];

/** `syncCursorPhase`: what the stored cursor continues. */
export const CursorPhase = { FETCH: 'FETCH', SYNC: 'SYNC' } as const;
export type CursorPhase = (typeof CursorPhase)[keyof typeof CursorPhase];
