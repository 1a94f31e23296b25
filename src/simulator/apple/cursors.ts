/**
 * Fetch and sync cursors: opaque to clients, like Apple's (base64 of a colon list), and
 * tamper-evident, so a client that edits, truncates or swaps a cursor gets `INVALID_CURSOR`
 * instead of silently reading the wrong page. The key is derived from the seed, so cursors
 * survive a restart of a persisted simulator and repeat exactly for the same seed and calls.
 *
 * A cursor names a server, a log position (fetch: the snapshot it lists; sync: the last change
 * it has seen), the last member it listed (fetch only), whether the fetch is finished, and `at`:
 * for a fetch, when it started; for a sync, the time of the oldest change it has not seen yet
 * (or when it was issued, if it has seen everything). A cursor is expired when `at` is more than
 * seven days ago; that definition guarantees every change a valid cursor can still ask for is
 * kept (state.ts drops log entries older than that).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Apple: "cursor should not be older than 7 days". */
export const CURSOR_LIFETIME_MS = 7 * 24 * 3600 * 1000;

/** What a cursor says. */
export interface CursorData {
  readonly serverUuid: string;
  readonly position: number;
  /** Fetch: `addedAt` position of the last member listed (0 = none yet). */
  readonly after: number;
  /** Epoch milliseconds; see the module comment. */
  readonly at: number;
  /** True once a fetch has listed everything (and for every sync cursor): fetch answers `EXHAUSTED_CURSOR`. */
  readonly done: boolean;
}

const VERSION = '1';
const MAX_LENGTH = 1000;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Encodes and checks cursors with one simulator's key. */
export class CursorCodec {
  private readonly key: Buffer;

  constructor(seed: number) {
    this.key = createHash('sha256').update(`homeroom-apple-simulator:${seed}:cursor-key`).digest();
  }

  /** The opaque cursor string for `data`. */
  encode(data: CursorData): string {
    const payload = [VERSION, data.serverUuid.replace(/-/g, ''), data.position, data.after, data.at, data.done ? 1 : 0].join(':');
    return Buffer.from(`${payload}:${this.mac(payload)}`, 'utf8').toString('base64');
  }

  /** The cursor's data, or null when it is not one of ours, was altered, or is malformed. */
  decode(cursor: string): CursorData | null {
    if (cursor.length === 0 || cursor.length > MAX_LENGTH || !BASE64.test(cursor)) return null;
    const text = Buffer.from(cursor, 'base64').toString('utf8');
    const cut = text.lastIndexOf(':');
    if (cut < 0) return null;
    const payload = text.slice(0, cut);
    const given = Buffer.from(text.slice(cut + 1), 'utf8');
    const expected = Buffer.from(this.mac(payload), 'utf8');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const [version, server, position, after, at, done] = payload.split(':');
    if (version !== VERSION || !server || !/^[0-9a-f]{32}$/.test(server)) return null;
    const numbers = [position, after, at].map((value) => (value !== undefined && /^\d+$/.test(value) ? Number(value) : NaN));
    if (numbers.some((value) => !Number.isSafeInteger(value))) return null;
    const uuid = `${server.slice(0, 8)}-${server.slice(8, 12)}-${server.slice(12, 16)}-${server.slice(16, 20)}-${server.slice(20)}`;
    return { serverUuid: uuid, position: numbers[0]!, after: numbers[1]!, at: numbers[2]!, done: done === '1' };
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('hex').slice(0, 32);
  }
}
