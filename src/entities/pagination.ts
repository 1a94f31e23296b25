/**
 * Keyset pagination for every list, shaped as a Relay connection.
 *
 * Lists are ordered by one unique, indexed key (a row id), and a cursor is that key, encoded.
 * Unlike OFFSET, a page costs the same at row 200,000 as at row 0, and rows inserted while a
 * client pages do not shift later pages. `totalCount` is a separate COUNT, run only when the
 * client asks for it.
 */
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from '../errors.js';

/** Largest page a client may ask for (`first` or `last`). */
export const MAX_PAGE_SIZE = 500;
/** Page size when the client gives neither `first` nor `last`. */
export const DEFAULT_PAGE_SIZE = 50;

export interface PageRequest {
  readonly first?: number | null;
  readonly after?: string | null;
  readonly last?: number | null;
  readonly before?: string | null;
}

export interface PageInfo {
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  readonly startCursor: string | null;
  readonly endCursor: string | null;
}

export interface Edge<T> {
  readonly cursor: string;
  readonly node: T;
}

export interface Page<T> {
  readonly edges: Edge<T>[];
  readonly pageInfo: PageInfo;
  totalCount(): Promise<number>;
}

export interface KeysetOrder<T> {
  /** Column in SQL, with the query builder's alias: `event.id`. */
  readonly column: string;
  /** The same key read from a loaded row. */
  readonly keyOf: (row: T) => number;
  /** `DESC` lists newest first. */
  readonly direction: 'ASC' | 'DESC';
}

const CURSOR_PREFIX = 'k1:';

export function encodeCursor(key: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${key}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, argument: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const key = text.startsWith(CURSOR_PREFIX) ? Number(text.slice(CURSOR_PREFIX.length)) : NaN;
  if (!Number.isSafeInteger(key) || encodeCursor(key) !== cursor) {
    throw badInput(argument, 'is not a cursor from this list. Use a `cursor` or `pageInfo` value this API returned.');
  }
  return key;
}

function checkSize(value: number | null | undefined, argument: string): void {
  if (value != null && (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE)) {
    throw badInput(argument, `must be a whole number from 0 to ${MAX_PAGE_SIZE}.`);
  }
}

/** How one kind of list is keyed: cursor text, the key of a row, and the SQL that bounds and orders a page. */
interface KeyStrategy<T extends ObjectLiteral, K> {
  encode(key: K): string;
  decode(cursor: string, argument: string): K;
  keyOf(row: T): K;
  /** Keeps rows after (`after`) or before (`before`) `key` in list order. */
  bound(page: SelectQueryBuilder<T>, side: 'after' | 'before', key: K): void;
  /** Orders the page in list order, or reversed when paging backward. */
  order(page: SelectQueryBuilder<T>, backward: boolean): void;
}

/** The one keyset algorithm every list shares; strategies only say what the key is. */
async function keysetPage<T extends ObjectLiteral, K>(
  query: SelectQueryBuilder<T>,
  strategy: KeyStrategy<T, K>,
  request: PageRequest,
): Promise<Page<T>> {
  checkSize(request.first, 'first');
  checkSize(request.last, 'last');
  if (request.first != null && request.last != null) throw badInput('last', 'cannot be combined with `first`; page one way at a time.');
  const after = request.after != null ? strategy.decode(request.after, 'after') : null;
  const before = request.before != null ? strategy.decode(request.before, 'before') : null;
  const countQuery = query.clone();
  const backward = request.last != null || (request.before != null && request.first == null);
  const size = (backward ? request.last : request.first) ?? DEFAULT_PAGE_SIZE;
  const page = query.clone();
  if (after !== null) strategy.bound(page, 'after', after);
  if (before !== null) strategy.bound(page, 'before', before);
  strategy.order(page, backward);
  // One row more than asked for tells whether more follow (also for `first: 0`).
  const rows = await page.take(size + 1).getMany();
  const hasMore = rows.length > size;
  const kept = rows.slice(0, size);
  if (backward) kept.reverse();
  const edges = kept.map((node) => ({ cursor: strategy.encode(strategy.keyOf(node)), node }));
  let counted: Promise<number> | undefined;
  return {
    edges,
    pageInfo: {
      // Relay lets a server answer false for the direction it is not paging in; the cursor
      // given in that direction proves rows exist beyond it, so say true then.
      hasNextPage: backward ? before !== null : hasMore,
      hasPreviousPage: backward ? hasMore : after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: () => (counted ??= countQuery.getCount()),
  };
}

/**
 * Runs one page of `query` (already filtered) in `order`. `first`/`after` page forward,
 * `last`/`before` page backward; both return rows in list order.
 */
export async function paginate<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  order: KeysetOrder<T>,
  request: PageRequest,
): Promise<Page<T>> {
  const flip = (d: 'ASC' | 'DESC') => (d === 'ASC' ? 'DESC' : 'ASC');
  return keysetPage(
    query,
    {
      encode: encodeCursor,
      decode: decodeCursor,
      keyOf: order.keyOf,
      bound(page, side, key) {
        const op = (side === 'after') === (order.direction === 'ASC') ? '>' : '<';
        page.andWhere(`${order.column} ${op} :${side}Key`, { [`${side}Key`]: key });
      },
      order: (page, backward) => page.orderBy(order.column, backward ? flip(order.direction) : order.direction),
    },
    request,
  );
}

/** A list ordered by a text column (a name), ties broken by the row id: both ascending. */
export interface TextKeysetOrder<T> {
  /** The text column in SQL, with the query builder's alias: `token.name`. */
  readonly textColumn: string;
  /** The unique id column in SQL: `token.id`. */
  readonly idColumn: string;
  /** Both keys read from a loaded row. */
  readonly keyOf: (row: T) => TextKey;
}

interface TextKey {
  readonly text: string;
  readonly id: number;
}

const TEXT_CURSOR_PREFIX = 't1:';

function encodeTextCursor(key: TextKey): string {
  return Buffer.from(`${TEXT_CURSOR_PREFIX}${key.id}:${key.text}`, 'utf8').toString('base64url');
}

function decodeTextCursor(cursor: string, argument: string): TextKey {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = decoded.startsWith(TEXT_CURSOR_PREFIX) ? /^(\d{1,15}):([\s\S]*)$/.exec(decoded.slice(TEXT_CURSOR_PREFIX.length)) : null;
  const key = match ? { id: Number(match[1]), text: match[2]! } : null;
  if (!key || !Number.isSafeInteger(key.id) || encodeTextCursor(key) !== cursor) {
    throw badInput(argument, 'is not a cursor from this list. Use a `cursor` or `pageInfo` value this API returned.');
  }
  return key;
}

/**
 * {@link paginate} for lists people read by name (tokens, profiles): ordered by `textColumn`
 * then `idColumn`. The cursor carries both keys, so a page stays put when the row it started
 * after is renamed or deleted meanwhile; the comparison runs in SQL with the database's own
 * collation, the same one its ORDER BY uses.
 */
export async function paginateByText<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  order: TextKeysetOrder<T>,
  request: PageRequest,
): Promise<Page<T>> {
  const { textColumn: text, idColumn: id } = order;
  return keysetPage(
    query,
    {
      encode: encodeTextCursor,
      decode: decodeTextCursor,
      keyOf: order.keyOf,
      bound(page, side, key) {
        const op = side === 'after' ? '>' : '<';
        page.andWhere(`(${text} ${op} :${side}Text OR (${text} = :${side}Text AND ${id} ${op} :${side}Id))`, {
          [`${side}Text`]: key.text,
          [`${side}Id`]: key.id,
        });
      },
      order(page, backward) {
        const direction = backward ? 'DESC' : 'ASC';
        page.orderBy(text, direction).addOrderBy(id, direction);
      },
    },
    request,
  );
}
