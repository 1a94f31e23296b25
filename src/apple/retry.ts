/**
 * When to try Apple again, and how long to wait first.
 *
 * Apple documents `503` with `Retry-After` and per-device throttling; `429` is seen from Apple's own
 * simulator. The DEP client retries transient failures inside one call (nanodep and micromdm leave it to
 * the next timer tick, which turns a blip into a 30-minute delay). The functions here are pure: the
 * clock and the random source are parameters, so tests can pin every delay.
 */

/** Backoff tuning; see {@link backoffDelay}. */
export interface BackoffOptions {
  /** Upper bound of the first retry's delay. */
  baseDelayMs: number;
  /** No delay exceeds this, however many attempts failed. */
  maxDelayMs: number;
}

/**
 * Exponential backoff with "full jitter": a uniform delay in `[0, min(maxDelayMs, baseDelayMs * 2^(attempt-1)))`,
 * rounded down to whole milliseconds. Full jitter spreads retries of many clients that failed together, so they
 * do not hit Apple again in lockstep.
 *
 * @param attempt the 1-based number of the attempt that just failed.
 * @param random a source of numbers in `[0, 1)`, like `Math.random`.
 */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number): number {
  const exponent = Math.max(0, attempt - 1);
  // 2^exponent overflows to Infinity for absurd attempt counts; min() keeps that harmless.
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** exponent);
  return Math.floor(random() * Math.max(0, ceiling));
}

/** HTTP statuses worth repeating unchanged: throttling (429) and server-side failures (5xx). */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/** Statuses whose `Retry-After` header the client honours (RFC 9110 §10.2.3 for 503, RFC 6585 §4 for 429). */
export function honoursRetryAfter(status: number): boolean {
  return status === 429 || status === 503;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const SHORT_DAY = '(?:mon|tue|wed|thu|fri|sat|sun)';
const LONG_DAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)';
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
// The three forms of RFC 9110 §5.6.7: IMF-fixdate, obsolete RFC 850, and asctime.
const IMF_FIXDATE = new RegExp(`^${SHORT_DAY}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`, 'i');
const RFC_850 = new RegExp(`^${LONG_DAY}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`, 'i');
const ASCTIME = new RegExp(`^${SHORT_DAY} ${MONTH} ([ \\d]\\d) ${TIME} (\\d{4})$`, 'i');

function utc(year: number, month: string, day: number, hour: number, minute: number, second: number): number | null {
  const monthIndex = MONTHS.indexOf(month.toLowerCase());
  if (monthIndex < 0 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  const time = Date.UTC(year, monthIndex, day, hour, minute, Math.min(second, 59));
  // Date.UTC rolls 31 Feb over into March; a real date round-trips its day of the month.
  return new Date(time).getUTCDate() === day ? time : null;
}

/**
 * Parses an HTTP-date (RFC 9110 §5.6.7) in any of its three forms into epoch milliseconds, or `null`.
 * Dates carry no zone but GMT, so the result never depends on the machine's time zone (which `Date.parse` would
 * for asctime). A two-digit RFC 850 year more than 50 years ahead of `now` belongs to the previous century.
 */
export function parseHttpDate(value: string, now: Date): number | null {
  const text = value.trim();
  let match = IMF_FIXDATE.exec(text);
  if (match) return utc(Number(match[3]), match[2]!, Number(match[1]), Number(match[4]), Number(match[5]), Number(match[6]));
  match = RFC_850.exec(text);
  if (match) {
    const currentYear = now.getUTCFullYear();
    let year = Math.floor(currentYear / 100) * 100 + Number(match[3]);
    if (year > currentYear + 50) year -= 100;
    return utc(year, match[2]!, Number(match[1]), Number(match[4]), Number(match[5]), Number(match[6]));
  }
  match = ASCTIME.exec(text);
  if (match) return utc(Number(match[6]), match[1]!, Number(match[2]!.trim()), Number(match[3]), Number(match[4]), Number(match[5]));
  return null;
}

/**
 * Reads a `Retry-After` header (RFC 9110 §10.2.3) as a delay in milliseconds from `now`.
 *
 * - delta-seconds (`120`) -> `120_000`;
 * - an HTTP-date -> the time until it, measured on the injected clock (not the machine's), `0` if already past;
 * - absent, empty or unreadable (`1.5`, `-3`, `soon`) -> `null`, and the caller falls back to backoff.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  // An absurdly large delta stays a (huge) number, so the caller's cap turns it into "give up", not "retry now".
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = parseHttpDate(text, now);
  return date === null ? null : Math.max(0, date - now.getTime());
}
