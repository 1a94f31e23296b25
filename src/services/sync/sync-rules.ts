/**
 * The seed's sync rules, as pure functions of a token's sync columns and the time:
 *
 * - a full sync at most once every {@link FULL_SYNC_INTERVAL_MS} (7 days) per token;
 * - a sync asked for within 7 days of the last full one is limited (new and removed serials only),
 *   and a scheduled one is always automatic (the same, started by Homeroom);
 * - every run has {@link RUN_DEADLINE_MS} (15 minutes); meanwhile no other run of the token starts;
 * - on top of that, at most one manual sync (trigger MANUAL) per {@link MANUAL_SYNC_FLOOR_MS} (15
 *   minutes, Intune's rule), counted from the start of the previous manual one; scheduled and
 *   upload-triggered runs are not limited by it;
 * - a failed or timed-out LIMITED run makes the next sync asked for FULL (`PREVIOUS_LIMITED_FAILED`,
 *   Intune's "a failed delta makes the next sync full"), and a failed FULL one stays due
 *   (`PREVIOUS_FULL_FAILED`), until a full run succeeds; scheduled runs do not use it, and a run of
 *   kind AUTOMATIC does not set it (nobody asked for it, and its cursor is kept for the next one);
 * - a stored cursor decides more than the calendar: without one a limited run must list everything
 *   (a full run with `NO_CURSOR`), and a full listing that was interrupted is resumed from its
 *   cursor, whatever kind was asked for (`RESUMED_FULL_SYNC`).
 */
import type { EnrollmentProgramToken } from '../../entities/enrollment-program-token.entity.js';
import { CursorPhase, FallbackReason, type SyncKind, type SyncRunStatus, type SyncTrigger } from '../../entities/sync-vocabulary.js';
import type { SyncCooldown } from './sync-types.js';

/** A full sync at most once per 7 days (Intune's rule for Apple's terms of traffic). */
export const FULL_SYNC_INTERVAL_MS = 7 * 24 * 3600 * 1000;
/** Every run gets 15 minutes; after that it is TIMED_OUT and another may start. */
export const RUN_DEADLINE_MS = 15 * 60 * 1000;
/** At most one manual sync per 15 minutes, counted from the previous manual one's start (Intune's rule). */
export const MANUAL_SYNC_FLOOR_MS = 15 * 60 * 1000;
/** Default automatic sync period (`AUTOMATIC_SYNC_INTERVAL_HOURS`). */
export const DEFAULT_AUTOMATIC_SYNC_INTERVAL_MS = 24 * 3600 * 1000;
/** How often the scheduler looks for tokens due an automatic sync. */
export const SCHEDULER_CHECK_MS = 60 * 1000;

/** The token columns the rules read. */
export type SyncColumns = Pick<
  EnrollmentProgramToken,
  'syncCursor' | 'syncCursorPhase' | 'lastFullSyncAt' | 'syncLeaseRunId' | 'syncLeaseUntil' | 'lastManualSyncAt' | 'fullSyncRequiredReason'
>;

/** The 7-day calendar alone: 7 days after the last full listing began (now if there was none). */
function calendarFullSyncDueAt(token: Pick<SyncColumns, 'lastFullSyncAt'>, now: Date): Date {
  return token.lastFullSyncAt ? new Date(token.lastFullSyncAt.getTime() + FULL_SYNC_INTERVAL_MS) : now;
}

/** When a sync asked for becomes a full one: now when a failed run left one due, else by the 7-day calendar. */
export function fullSyncDueAt(token: Pick<SyncColumns, 'lastFullSyncAt' | 'fullSyncRequiredReason'>, now: Date): Date {
  return token.fullSyncRequiredReason ? now : calendarFullSyncDueAt(token, now);
}

/** When the next manual sync may start by the floor alone: 15 minutes after the last manual one started. */
export function manualSyncAvailableAt(token: Pick<SyncColumns, 'lastManualSyncAt'>, now: Date): Date {
  return token.lastManualSyncAt ? new Date(token.lastManualSyncAt.getTime() + MANUAL_SYNC_FLOOR_MS) : now;
}

/** When a manual sync may start: after the running run's lease and after the manual floor, whichever is later. */
export function syncAvailableAt(token: SyncColumns, now: Date): Date {
  const floor = manualSyncAvailableAt(token, now);
  const lease = leaseHeld(token, now) ? token.syncLeaseUntil! : now;
  return new Date(Math.max(floor.getTime(), lease.getTime(), now.getTime()));
}

/**
 * What a run that ended this way leaves for the next sync asked for: a failed LIMITED one makes it
 * FULL, a failed FULL one keeps it FULL; a FULL success clears it, anything else leaves it as it was
 * (`undefined`). AUTOMATIC runs change nothing: they are not asked for.
 */
export function fullSyncRequiredAfter(kind: SyncKind, status: SyncRunStatus): FallbackReason | null | undefined {
  const failed = status === 'FAILED' || status === 'TIMED_OUT';
  if (kind === 'LIMITED') return failed ? FallbackReason.PREVIOUS_LIMITED_FAILED : undefined;
  if (kind === 'FULL') return failed ? FallbackReason.PREVIOUS_FULL_FAILED : status === 'SUCCEEDED' ? null : undefined;
  return undefined;
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
  const fullDue = calendarFullSyncDueAt(token, now).getTime() <= now.getTime();
  const asked: SyncKind = trigger === 'SCHEDULED' ? 'AUTOMATIC' : fullDue ? 'FULL' : 'LIMITED';
  if (token.syncCursor && token.syncCursorPhase === CursorPhase.FETCH) {
    return { kind: 'FULL', fallbackReason: asked === 'FULL' ? null : FallbackReason.RESUMED_FULL_SYNC, resume: true };
  }
  const required = token.fullSyncRequiredReason;
  if (asked === 'LIMITED' && required) return { kind: 'FULL', fallbackReason: required, resume: false };
  if (asked !== 'FULL' && !(token.syncCursor && token.syncCursorPhase === CursorPhase.SYNC)) {
    return { kind: 'FULL', fallbackReason: FallbackReason.NO_CURSOR, resume: false };
  }
  return { kind: asked, fallbackReason: null, resume: false };
}

/** Whole seconds from `now` until `at`, never negative (a countdown shows 0, not -3). */
function secondsUntil(at: Date, now: Date): number {
  return Math.max(0, Math.ceil((at.getTime() - now.getTime()) / 1000));
}

/**
 * The countdowns a client shows, for the manual sync it can ask for: the lease and the manual floor
 * both count; a full sync can never start before any sync can. The one rule behind `syncStatus`,
 * `SyncService.cooldown` and the `syncCooldown` subscription.
 */
export function cooldownOf(token: SyncColumns, now: Date): SyncCooldown {
  const running = leaseHeld(token, now);
  const syncAvailableInSeconds = secondsUntil(syncAvailableAt(token, now), now);
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
