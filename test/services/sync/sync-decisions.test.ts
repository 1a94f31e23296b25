import { describe, expect, it } from 'vitest';
import type { DepDevice } from '../../../src/apple/dep-types.js';
import {
  chooseKind,
  cooldownOf,
  FULL_SYNC_INTERVAL_MS,
  fullSyncRequiredAfter,
  MANUAL_SYNC_FLOOR_MS,
  percentOf,
  syncAvailableAt,
} from '../../../src/services/sync/sync-rules.js';
import { latestPerSerial } from '../../../src/services/sync/sync-writer.js';

const NOW = new Date('2026-09-10T12:00:00.000Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const idle = { syncLeaseRunId: null, syncLeaseUntil: null, lastManualSyncAt: null, fullSyncRequiredReason: null };

describe('sync rules (pure)', () => {
  it.each([
    ['never synced, asked', { syncCursor: null, syncCursorPhase: null, lastFullSyncAt: null }, 'MANUAL', 'FULL', null],
    ['never synced, uploaded', { syncCursor: null, syncCursorPhase: null, lastFullSyncAt: null }, 'TOKEN_UPLOADED', 'FULL', null],
    ['never synced, scheduled', { syncCursor: null, syncCursorPhase: null, lastFullSyncAt: null }, 'SCHEDULED', 'FULL', 'NO_CURSOR'],
    [
      'full 6 days ago, asked',
      { syncCursor: 'c', syncCursorPhase: 'SYNC', lastFullSyncAt: ago(6 * 86_400_000) },
      'MANUAL',
      'LIMITED',
      null,
    ],
    [
      'full exactly 7 days ago, asked',
      { syncCursor: 'c', syncCursorPhase: 'SYNC', lastFullSyncAt: ago(FULL_SYNC_INTERVAL_MS) },
      'MANUAL',
      'FULL',
      null,
    ],
    [
      'full 9 days ago, scheduled',
      { syncCursor: 'c', syncCursorPhase: 'SYNC', lastFullSyncAt: ago(9 * 86_400_000) },
      'SCHEDULED',
      'AUTOMATIC',
      null,
    ],
    [
      'listing interrupted, asked',
      { syncCursor: 'c', syncCursorPhase: 'FETCH', lastFullSyncAt: ago(60_000) },
      'MANUAL',
      'FULL',
      'RESUMED_FULL_SYNC',
    ],
    [
      'listing interrupted 8 days ago, asked',
      { syncCursor: 'c', syncCursorPhase: 'FETCH', lastFullSyncAt: ago(8 * 86_400_000) },
      'MANUAL',
      'FULL',
      null,
    ],
    [
      'cursor lost, asked within 7 days',
      { syncCursor: null, syncCursorPhase: null, lastFullSyncAt: ago(60_000) },
      'MANUAL',
      'FULL',
      'NO_CURSOR',
    ],
  ] as const)('%s -> %s', (_, token, trigger, kind, fallbackReason) => {
    expect(chooseKind({ ...idle, ...token }, trigger, NOW)).toMatchObject({ kind, fallbackReason });
  });

  it('counts down whole seconds, never below 0, and a full sync never before any sync', () => {
    const token = {
      syncCursor: 'c',
      syncCursorPhase: 'SYNC' as const,
      lastFullSyncAt: ago(FULL_SYNC_INTERVAL_MS - 100_500),
      lastManualSyncAt: null,
      fullSyncRequiredReason: null,
    };
    expect(cooldownOf({ ...token, ...idle }, NOW)).toEqual({ syncAvailableInSeconds: 0, fullSyncAvailableInSeconds: 101, running: false });
    const running = { syncLeaseRunId: 3, syncLeaseUntil: new Date(NOW.getTime() + 600_000) };
    expect(cooldownOf({ ...token, ...running }, NOW)).toEqual({
      syncAvailableInSeconds: 600,
      fullSyncAvailableInSeconds: 600,
      running: true,
    });
    const expired = { syncLeaseRunId: 3, syncLeaseUntil: NOW };
    expect(cooldownOf({ ...token, ...expired }, NOW)).toMatchObject({ syncAvailableInSeconds: 0, running: false });
  });

  it('counts the 15-minute manual floor from the last manual sync’s start into the countdown, running or not', () => {
    const synced = { syncCursor: 'c', syncCursorPhase: 'SYNC' as const, lastFullSyncAt: ago(86_400_000), fullSyncRequiredReason: null };
    const ended = { ...synced, ...idle, lastManualSyncAt: ago(10 * 60_000) };
    expect(cooldownOf(ended, NOW)).toEqual({ syncAvailableInSeconds: 300, fullSyncAvailableInSeconds: 6 * 86_400, running: false });
    expect(syncAvailableAt(ended, NOW)).toEqual(new Date(NOW.getTime() + 300_000));
    // A run that started 2 minutes after the manual one ends its lease at 17 minutes: the later one counts.
    const running = { ...ended, syncLeaseRunId: 4, syncLeaseUntil: new Date(NOW.getTime() + 7 * 60_000) };
    expect(cooldownOf(running, NOW)).toMatchObject({ syncAvailableInSeconds: 420, running: true });
    expect(cooldownOf({ ...ended, lastManualSyncAt: ago(MANUAL_SYNC_FLOOR_MS) }, NOW).syncAvailableInSeconds).toBe(0);
  });

  it.each([
    ['LIMITED', 'FAILED', 'PREVIOUS_LIMITED_FAILED'],
    ['LIMITED', 'TIMED_OUT', 'PREVIOUS_LIMITED_FAILED'],
    ['LIMITED', 'SUCCEEDED', undefined],
    ['FULL', 'FAILED', 'PREVIOUS_FULL_FAILED'],
    ['FULL', 'TIMED_OUT', 'PREVIOUS_FULL_FAILED'],
    ['FULL', 'SUCCEEDED', null],
    ['AUTOMATIC', 'FAILED', undefined],
  ] as const)('a %s run that ended %s leaves fullSyncRequiredReason %s', (kind, status, reason) => {
    expect(fullSyncRequiredAfter(kind, status)).toBe(reason);
  });

  it('makes the next asked-for sync FULL with the recorded reason after a failed run, but not a scheduled one', () => {
    const token = { ...idle, syncCursor: 'c', syncCursorPhase: 'SYNC' as const, lastFullSyncAt: ago(86_400_000) };
    const failed = { ...token, fullSyncRequiredReason: 'PREVIOUS_LIMITED_FAILED' as const };
    expect(chooseKind(failed, 'MANUAL', NOW)).toEqual({ kind: 'FULL', fallbackReason: 'PREVIOUS_LIMITED_FAILED', resume: false });
    expect(chooseKind(failed, 'SCHEDULED', NOW)).toMatchObject({ kind: 'AUTOMATIC', fallbackReason: null });
    expect(cooldownOf(failed, NOW).fullSyncAvailableInSeconds).toBe(0);
    // An interrupted listing is still resumed from its cursor rather than started again.
    const interrupted = { ...failed, syncCursorPhase: 'FETCH' as const, fullSyncRequiredReason: 'PREVIOUS_FULL_FAILED' as const };
    expect(chooseKind(interrupted, 'MANUAL', NOW)).toEqual({ kind: 'FULL', fallbackReason: 'RESUMED_FULL_SYNC', resume: true });
  });

  it('gives a percent only with an estimate, below 100 until the run succeeded', () => {
    expect(percentOf(500, null, false)).toBeNull();
    expect(percentOf(500, 2_000, false)).toBe(25);
    expect(percentOf(2_500, 2_000, false)).toBe(99);
    expect(percentOf(10, 2_000, true)).toBe(100);
  });

  it('keeps the latest change per serial: later op_date wins, and on a tie the later record', () => {
    const record = (serial: string, op: DepDevice['op_type'], date: string): DepDevice => ({
      serial_number: serial,
      model: 'iPad',
      op_type: op,
      op_date: date,
    });
    const latest = latestPerSerial([
      record('A', 'added', '2026-09-01T10:00:00Z'),
      record('B', 'added', '2026-09-01T10:00:00Z'),
      record('A', 'deleted', '2026-09-01T11:00:00Z'),
      record('B', 'deleted', '2026-09-01T09:00:00Z'),
      record('C', 'deleted', '2026-09-01T10:00:00Z'),
      record('C', 'added', '2026-09-01T10:00:00Z'),
    ]);
    expect(latest.map((d) => [d.serial_number, d.op_type])).toEqual([
      ['B', 'added'],
      ['A', 'deleted'],
      ['C', 'added'],
    ]);
  });
});
