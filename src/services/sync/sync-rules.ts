/**
 * The seed's sync rules, as pure functions of a token's sync columns and the time (issue 5):
 *
 * - a full sync at most once every {@link FULL_SYNC_INTERVAL_MS} (7 days) per token;
 * - a sync asked for within 7 days of the last full one is limited (new and removed serials only),
 *   and a scheduled one is always automatic (the same, started by Homeroom);
 * - every run has {@link RUN_DEADLINE_MS} (15 minutes); meanwhile no other run of the token starts;
 * - a stored cursor decides more than the calendar: without one a limited run must list everything
 *   (a full run with `NO_CURSOR`), and a full listing that was interrupted is resumed from its
 *   cursor, whatever kind was asked for (`RESUMED_FULL_SYNC`).
 */
import type { EnrollmentProgramToken } from '../../entities/enrollment-program-token.entity.js';
import type { SyncCooldown, SyncKind, SyncTrigger } from './sync-types.js';

/** A full sync at most once per 7 days (Intune's rule for Apple's terms of traffic). */
export const FULL_SYNC_INTERVAL_MS = 7 * 24 * 3600 * 1000;
/** Every run gets 15 minutes; after that it is TIMED_OUT and another may start. */
export const RUN_DEADLINE_MS = 15 * 60 * 1000;
/** Default automatic sync period (`AUTOMATIC_SYNC_INTERVAL_HOURS`). */
export const DEFAULT_AUTOMATIC_SYNC_INTERVAL_MS = 24 * 3600 * 1000;
/** How often the scheduler looks for tokens due an automatic sync. */
export const SCHEDULER_CHECK_MS = 60 * 1000;

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
} as const;
export type FallbackReason = (typeof FallbackReason)[keyof typeof FallbackReason];

/** `syncCursorPhase`: what the stored cursor continues. */
export const CursorPhase = { FETCH: 'FETCH', SYNC: 'SYNC' } as const;
export type CursorPhase = (typeof CursorPhase)[keyof typeof CursorPhase];

type SyncColumns = Pick<EnrollmentProgramToken, 'syncCursor' | 'syncCursorPhase' | 'lastFullSyncAt' | 'syncLeaseRunId' | 'syncLeaseUntil'>;

/** When a sync asked for becomes a full one: 7 days after the last full listing began (now if there was none). */
export function fullSyncDueAt(token: Pick<SyncColumns, 'lastFullSyncAt'>, now: Date): Date {
  return token.lastFullSyncAt ? new Date(token.lastFullSyncAt.getTime() + FULL_SYNC_INTERVAL_MS) : now;
}

/** Whether a run holds the token's lease now (taken and not past its 15 minutes). */
export function leaseHeld(token: Pick<SyncColumns, 'syncLeaseRunId' | 'syncLeaseUntil'>, now: Date): boolean {
  return token.syncLeaseRunId !== null && token.syncLeaseUntil !== null && token.syncLeaseUntil.getTime() > now.getTime();
}

export interface KindDecision {
  readonly kind: SyncKind;
  /** Set when the calendar said limited/automatic but the cursor forces a full listing. */
  readonly fallbackReason: FallbackReason | null;
  /** Start the listing from the stored FETCH cursor rather than from the beginning. */
  readonly resume: boolean;
}

/**
 * The kind of a run asked for now. Scheduled runs are AUTOMATIC (new and removed serials), asked
 * ones FULL once 7 days passed since the last full listing began and LIMITED before that; then the
 * stored cursor may turn it into a full listing (see the module comment).
 */
export function chooseKind(token: SyncColumns, trigger: SyncTrigger, now: Date): KindDecision {
  const fullDue = fullSyncDueAt(token, now).getTime() <= now.getTime();
  const asked: SyncKind = trigger === 'SCHEDULED' ? 'AUTOMATIC' : fullDue ? 'FULL' : 'LIMITED';
  if (token.syncCursor && token.syncCursorPhase === CursorPhase.FETCH) {
    return { kind: 'FULL', fallbackReason: asked === 'FULL' ? null : FallbackReason.RESUMED_FULL_SYNC, resume: true };
  }
  if (asked !== 'FULL' && !(token.syncCursor && token.syncCursorPhase === CursorPhase.SYNC)) {
    return { kind: 'FULL', fallbackReason: FallbackReason.NO_CURSOR, resume: false };
  }
  return { kind: asked, fallbackReason: null, resume: false };
}

/** Whole seconds from `now` until `at`, never negative (a countdown shows 0, not -3). */
function secondsUntil(at: Date, now: Date): number {
  return Math.max(0, Math.ceil((at.getTime() - now.getTime()) / 1000));
}

/** The countdowns a client shows; a full sync can never start before any sync can. */
export function cooldownOf(token: SyncColumns, now: Date): SyncCooldown {
  const running = leaseHeld(token, now);
  const syncAvailableInSeconds = running ? secondsUntil(token.syncLeaseUntil!, now) : 0;
  return {
    syncAvailableInSeconds,
    fullSyncAvailableInSeconds: Math.max(syncAvailableInSeconds, secondsUntil(fullSyncDueAt(token, now), now)),
    running,
  };
}

/** Progress in percent when the run knows what to expect (0 to 100; 100 only once it ended). */
export function percentOf(seen: number, estimatedTotal: number | null, finished: boolean): number | null {
  if (finished) return 100;
  if (estimatedTotal === null || estimatedTotal <= 0) return null;
  return Math.min(99, Math.floor((seen * 100) / estimatedTotal));
}
