/**
 * The words a sync run's and a token's sync columns hold, each set declared once with
 * {@link wordsOf} and its union derived: the entities type their columns with them, the events
 * carry them, the rules compare them and the GraphQL layer registers the same values as enums.
 * They live here, below the entities, because the run and the token both use them and neither
 * may import the other.
 */
import { wordsOf } from '../words.js';

/** FULL refreshes every serial; LIMITED and AUTOMATIC only add new serials and mark removed ones. */
export const SyncKind = wordsOf('FULL', 'LIMITED', 'AUTOMATIC');
export type SyncKind = (typeof SyncKind)[keyof typeof SyncKind];

/** Why a run started. */
export const SyncTrigger = wordsOf('MANUAL', 'SCHEDULED', 'TOKEN_UPLOADED');
export type SyncTrigger = (typeof SyncTrigger)[keyof typeof SyncTrigger];

export const SyncRunStatus = wordsOf('RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT');
export type SyncRunStatus = (typeof SyncRunStatus)[keyof typeof SyncRunStatus];

/** Where a run is; DONE once it ended, whatever the status. */
export const SyncPhase = wordsOf('FETCHING', 'SYNCING', 'MARKING_REMOVED', 'ASSIGNING_DEFAULT_PROFILE', 'DONE');
export type SyncPhase = (typeof SyncPhase)[keyof typeof SyncPhase];

/**
 * Why a run lists everything although a limited one was asked for (`SyncRun.fallbackReason`):
 * - NO_CURSOR: no cursor stored yet (or the last one was cleared): only a full listing can start;
 * - RESUMED_FULL_SYNC: a full listing stopped part way (crash, timeout, Apple failure); this run
 *   continues it from its cursor;
 * - EXPIRED_CURSOR, INVALID_CURSOR: Apple refused the cursor (older than 7 days, or unknown):
 *   listing again from the start;
 * - PREVIOUS_LIMITED_FAILED: the last LIMITED run failed or timed out, so a delta may have been
 *   missed: this one lists everything;
 * - PREVIOUS_FULL_FAILED: the last FULL run failed or timed out after its listing began: the full
 *   sync is still due.
 */
export const FallbackReason = wordsOf(
  'NO_CURSOR',
  'RESUMED_FULL_SYNC',
  'EXPIRED_CURSOR',
  'INVALID_CURSOR',
  'PREVIOUS_LIMITED_FAILED',
  'PREVIOUS_FULL_FAILED',
);
export type FallbackReason = (typeof FallbackReason)[keyof typeof FallbackReason];

/** `syncCursorPhase`: what the stored cursor continues, a FETCH (full listing) or a SYNC (change log). */
export const CursorPhase = wordsOf('FETCH', 'SYNC');
export type CursorPhase = (typeof CursorPhase)[keyof typeof CursorPhase];
