import { describe, expect, it } from 'vitest';
import type { DepDevice } from '../../../src/apple/dep-types.js';
import { chooseKind, cooldownOf, FULL_SYNC_INTERVAL_MS, percentOf } from '../../../src/services/sync/sync-rules.js';
import { latestPerSerial } from '../../../src/services/sync/sync-writer.js';

const NOW = new Date('2026-09-10T12:00:00.000Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const idle = { syncLeaseRunId: null, syncLeaseUntil: null };

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
    const token = { syncCursor: 'c', syncCursorPhase: 'SYNC', lastFullSyncAt: ago(FULL_SYNC_INTERVAL_MS - 100_500) };
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
