import { describe, expect, it } from 'vitest';
import {
  rowBoolean,
  rowBooleanOrNull,
  rowInstant,
  rowInstantOrNull,
  rowInteger,
  rowIntegerOrNull,
  rowJson,
  rowTextOrNull,
  selectList,
} from '../../src/entities/raw-sql.js';

describe('plain-row normalisation (what better-sqlite3 and pg give for one column)', () => {
  it('reads integers from numbers, bigints and PostgreSQL bigint text alike', () => {
    expect(rowInteger(42)).toBe(42);
    expect(rowInteger('42')).toBe(42);
    expect(rowInteger(42n)).toBe(42);
    expect(rowIntegerOrNull(null)).toBeNull();
    expect(rowIntegerOrNull('7')).toBe(7);
  });

  it('reads booleans from SQLite 0/1 and PostgreSQL true/false', () => {
    expect([1, true, 't', 'true', '1'].map(rowBoolean)).toEqual([true, true, true, true, true]);
    expect([0, false, 'f', 'false', '0'].map(rowBoolean)).toEqual([false, false, false, false, false]);
    expect(rowBooleanOrNull(null)).toBeNull();
    expect(rowBooleanOrNull(0)).toBe(false);
  });

  it('reads instants from ISO text and from a Date, and NULL as null', () => {
    const iso = '2026-09-01T08:00:00.123Z';
    expect(rowInstant(iso)).toEqual(new Date(iso));
    const date = new Date(iso);
    expect(rowInstant(date)).toBe(date);
    expect(rowInstantOrNull(null)).toBeNull();
    expect(rowInstantOrNull(undefined)).toBeNull();
  });

  it('reads JSON text (and an already parsed value) and text columns', () => {
    expect(rowJson<string[]>('["a","b"]')).toEqual(['a', 'b']);
    expect(rowJson<string[]>(['a'])).toEqual(['a']);
    expect(rowTextOrNull(null)).toBeNull();
    expect(rowTextOrNull('x')).toBe('x');
  });

  it('selects entity properties by their snake_case column names', () => {
    expect(selectList('profile', ['id', 'sharedIPad', 'tokenId'])).toBe(
      'profile.id AS id, profile.shared_i_pad AS shared_i_pad, profile.token_id AS token_id',
    );
  });
});
