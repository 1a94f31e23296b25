/**
 * Retry-After parsing (both RFC 9110 forms, on an injected clock) and the full-jitter backoff the DEP client
 * waits between retries.
 */
import { describe, expect, it } from 'vitest';
import { backoffDelay, honoursRetryAfter, isRetryableStatus, parseHttpDate, parseRetryAfter } from '../../src/apple/retry.js';

const NOW = new Date('2026-09-01T08:00:00Z');

describe('parseRetryAfter', () => {
  it('reads delta-seconds as milliseconds', () => {
    expect(parseRetryAfter('7', NOW)).toBe(7000);
    expect(parseRetryAfter(' 120 ', NOW)).toBe(120_000);
    expect(parseRetryAfter('0', NOW)).toBe(0);
  });

  it('reads an IMF-fixdate relative to the given clock, not the machine clock', () => {
    expect(parseRetryAfter('Tue, 01 Sep 2026 08:00:12 GMT', NOW)).toBe(12_000);
    expect(parseRetryAfter(new Date(NOW.getTime() + 90_000).toUTCString(), NOW)).toBe(90_000);
  });

  it('reads the obsolete RFC 850 and asctime forms as GMT', () => {
    expect(parseRetryAfter('Tuesday, 01-Sep-26 08:01:00 GMT', NOW)).toBe(60_000);
    expect(parseRetryAfter('Tue Sep  1 08:00:30 2026', NOW)).toBe(30_000);
  });

  it('gives 0 for a date already past', () => {
    expect(parseRetryAfter('Mon, 31 Aug 2026 08:00:00 GMT', NOW)).toBe(0);
  });

  it('gives null for absent, empty and unreadable values', () => {
    for (const value of [null, undefined, '', '   ', '1.5', '-3', 'soon', '2026-09-01T08:00:12Z', 'Tue, 31 Feb 2026 08:00:00 GMT']) {
      expect(parseRetryAfter(value, NOW), String(value)).toBeNull();
    }
  });

  it('keeps an absurdly long delta as a huge delay rather than dropping it', () => {
    expect(parseRetryAfter('99999999999999999999', NOW)).toBeGreaterThan(1e20);
  });
});

describe('parseHttpDate', () => {
  it('puts a two-digit RFC 850 year more than 50 years ahead into the previous century', () => {
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT', NOW)).toBe(Date.UTC(1994, 10, 6, 8, 49, 37));
    expect(parseHttpDate('Saturday, 06-Nov-27 08:49:37 GMT', NOW)).toBe(Date.UTC(2027, 10, 6, 8, 49, 37));
  });

  it('accepts any letter case in day and month names', () => {
    expect(parseHttpDate('tue, 01 SEP 2026 08:00:00 GMT', NOW)).toBe(NOW.getTime());
  });
});

describe('backoffDelay', () => {
  const options = { baseDelayMs: 500, maxDelayMs: 30_000 };

  it('doubles the ceiling per failed attempt and scales it by random()', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, options, () => 0.5))).toEqual([250, 500, 1000, 2000]);
  });

  it('never exceeds maxDelayMs, however many attempts failed', () => {
    expect(backoffDelay(10, options, () => 0.999)).toBe(29_970);
    expect(backoffDelay(5000, options, () => 0.999)).toBe(29_970);
  });

  it('is full jitter: anywhere from 0 up to the ceiling', () => {
    expect(backoffDelay(3, options, () => 0)).toBe(0);
    expect(backoffDelay(3, options, () => 0.9999)).toBe(1999);
  });
});

describe('status classification', () => {
  it('retries 429 and 5xx only, and honours Retry-After on 429 and 503 only', () => {
    expect([200, 400, 401, 403, 404, 429, 500, 502, 503, 599].filter(isRetryableStatus)).toEqual([429, 500, 502, 503, 599]);
    expect([429, 500, 502, 503].filter(honoursRetryAfter)).toEqual([429, 503]);
  });
});
