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
import type { Bindings } from './raw-sql.js';

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
  /** Reads the page's rows; `getMany()` unless the key is not a column of the entity. */
  fetch?(page: SelectQueryBuilder<T>): Promise<T[]>;
}

/** A page request read and checked: the cursors decoded, the direction and the size. */
interface PageAsked<K> {
  readonly after: K | null;
  readonly before: K | null;
  /** `last`, or `before` without `first`: the page ends at `before` and is read in reverse. */
  readonly backward: boolean;
  readonly size: number;
}

/** Checks `request` (sizes, one direction at a time, cursors of this list) the same way for every list. */
function pageAsked<K>(request: PageRequest, decode: (cursor: string, argument: string) => K): PageAsked<K> {
  checkSize(request.first, 'first');
  checkSize(request.last, 'last');
  if (request.first != null && request.last != null) throw badInput('last', 'cannot be combined with `first`; page one way at a time.');
  const backward = request.last != null || (request.before != null && request.first == null);
  return {
    after: request.after != null ? decode(request.after, 'after') : null,
    before: request.before != null ? decode(request.before, 'before') : null,
    backward,
    size: (backward ? request.last : request.first) ?? DEFAULT_PAGE_SIZE,
  };
}

/**
 * The page from the rows read in page order, one more than `size` when more follow (also for
 * `first: 0`), each made into its edge; the total counted on first ask only.
 */
function pageOf<R, T>(asked: PageAsked<unknown>, rows: R[], edgeOf: (row: R) => Edge<T>, count: () => Promise<number>): Page<T> {
  const hasMore = rows.length > asked.size;
  const kept = hasMore ? rows.slice(0, asked.size) : rows;
  if (asked.backward) kept.reverse();
  const edges = kept.map(edgeOf);
  let counted: Promise<number> | undefined;
  return {
    edges,
    pageInfo: {
      // Relay lets a server answer false for the direction it is not paging in; the cursor
      // given in that direction proves rows exist beyond it, so say true then.
      hasNextPage: asked.backward ? asked.before !== null : hasMore,
      hasPreviousPage: asked.backward ? hasMore : asked.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: () => (counted ??= count()),
  };
}

/** The one keyset algorithm every list shares; strategies only say what the key is. */
async function keysetPage<T extends ObjectLiteral, K>(
  query: SelectQueryBuilder<T>,
  strategy: KeyStrategy<T, K>,
  request: PageRequest,
): Promise<Page<T>> {
  const asked = pageAsked(request, strategy.decode);
  const countQuery = query.clone();
  const page = query.clone();
  if (asked.after !== null) strategy.bound(page, 'after', asked.after);
  if (asked.before !== null) strategy.bound(page, 'before', asked.before);
  strategy.order(page, asked.backward);
  const limited = page.take(asked.size + 1);
  const rows = await (strategy.fetch ? strategy.fetch(limited) : limited.getMany());
  return pageOf(
    asked,
    rows,
    (node) => ({ cursor: strategy.encode(strategy.keyOf(node)), node }),
    () => countQuery.getCount(),
  );
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
  const byId: KeyStrategy<T, number> = {
    encode: encodeCursor,
    decode: decodeCursor,
    keyOf: order.keyOf,
    bound: (page, side, key) => {
      const op = (side === 'after') === (order.direction === 'ASC') ? '>' : '<';
      page.andWhere(`${order.column} ${op} :${side}Key`, { [`${side}Key`]: key });
    },
    order: (page, backward) => page.orderBy(order.column, backward ? flip(order.direction) : order.direction),
  };
  return keysetPage(query, byId, request);
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

/** A sort key value as SQL returns it: text (names, ISO instants), a number, or null. */
export type SortValue = string | number | null;

/**
 * A list ordered by any one expression, ties broken by the row id, nulls last in both directions.
 * The expression may be a column or a correlated subquery (a value of another table, one per row).
 */
export interface SortKeysetOrder {
  /**
   * Names the order (`MODEL:ASC`); cursors carry it, so a cursor of another order, whose value
   * would mean another position (or compare as another type), is refused.
   */
  readonly name: string;
  /** SQL of the sort value, with the query builder's alias: `device.model` or `(SELECT ...)`. */
  readonly expression: string;
  /** The unique id column in SQL: `device.id`. */
  readonly idColumn: string;
  /** The id of a loaded row. */
  readonly idOf: (row: { id: number }) => number;
  readonly direction: 'ASC' | 'DESC';
  /**
   * False when the expression is never null (a NOT NULL column): the order and the bound then
   * leave out the null cases, so the database can walk an index on the column instead of
   * sorting every row for each page. True when omitted.
   */
  readonly nullable?: boolean;
}

interface SortKey {
  readonly value: SortValue;
  readonly id: number;
}

const SORT_CURSOR_PREFIX = 's1:';
/** The sort value's column in the page's SELECT (read back for the cursor). */
const SORT_VALUE_ALIAS = 'keyset_sort_value';

function encodeSortCursor(order: string, key: SortKey): string {
  return Buffer.from(`${SORT_CURSOR_PREFIX}${JSON.stringify([order, key.value, key.id])}`, 'utf8').toString('base64url');
}

function decodeSortCursor(order: string, cursor: string, argument: string): SortKey {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  let key: SortKey | null = null;
  if (text.startsWith(SORT_CURSOR_PREFIX)) {
    try {
      const parsed: unknown = JSON.parse(text.slice(SORT_CURSOR_PREFIX.length));
      if (
        Array.isArray(parsed) &&
        parsed.length === 3 &&
        parsed[0] === order &&
        (parsed[1] === null || typeof parsed[1] === 'string' || (typeof parsed[1] === 'number' && Number.isFinite(parsed[1]))) &&
        Number.isSafeInteger(parsed[2])
      ) {
        key = { value: parsed[1] as SortValue, id: parsed[2] as number };
      }
    } catch {
      key = null;
    }
  }
  if (!key || encodeSortCursor(order, key) !== cursor) {
    throw badInput(argument, 'is not a cursor from this list. Use a `cursor` or `pageInfo` value this API returned.');
  }
  return key;
}

/**
 * {@link paginate} for a list a client orders (devices by serial, model, first seen, ...): ordered
 * by `expression` in `direction`, then by `idColumn` in the same direction, rows whose value is
 * null after all others either way. The cursor carries the sort value and the id, so a page is
 * exact under ties and nulls, and stays put when rows change meanwhile; it names its order, so
 * another order refuses it.
 *
 * Portable SQL: SQLite sorts nulls first and PostgreSQL last, so neither default is used; the
 * order leads with `(expression IS NULL)` as 0/1 (a CASE), and the bound spells out the null
 * cases. Values compare in SQL with the database's own collation, the one its ORDER BY uses. The
 * value is read back from the page's own SELECT (raw column), so a subquery's value needs no
 * second read.
 */
export async function paginateBySortKey<T extends ObjectLiteral & { id: number }>(
  query: SelectQueryBuilder<T>,
  order: SortKeysetOrder,
  request: PageRequest,
): Promise<Page<T>> {
  const { expression: value, idColumn: id, direction, nullable = true } = order;
  const isNull = `CASE WHEN ${value} IS NULL THEN 1 ELSE 0 END`;
  const keys = new Map<T, SortKey>();
  return keysetPage(
    query,
    {
      encode: (key: SortKey) => encodeSortCursor(order.name, key),
      decode: (cursor: string, argument: string) => decodeSortCursor(order.name, cursor, argument),
      keyOf: (row) => keys.get(row) ?? { value: null, id: order.idOf(row) },
      bound(page, side, key) {
        // `op` moves along the list (after) or against it (before).
        const op = (side === 'after') === (direction === 'ASC') ? '>' : '<';
        const v = `${side}SortValue`;
        const i = `${side}SortId`;
        if (key.value === null) {
          // Nulls come last: after a null, only later nulls; before it, every value and earlier nulls.
          page.andWhere(side === 'after' ? `(${value} IS NULL AND ${id} ${op} :${i})` : `(${value} IS NOT NULL OR ${id} ${op} :${i})`, {
            [i]: key.id,
          });
        } else {
          const beyond = `(${value} ${op} :${v} OR (${value} = :${v} AND ${id} ${op} :${i}))`;
          // Never null: the same rows, with a range on the value first, which an index on it can seek.
          const bounded = !nullable
            ? `(${value} ${op}= :${v} AND (${value} ${op} :${v} OR ${id} ${op} :${i}))`
            : side === 'after'
              ? `(${value} IS NULL OR ${beyond})`
              : `(${value} IS NOT NULL AND ${beyond})`;
          page.andWhere(bounded, {
            [v]: key.value,
            [i]: key.id,
          });
        }
      },
      order(page, backward) {
        const flip = (d: 'ASC' | 'DESC') => (d === 'ASC' ? 'DESC' : 'ASC');
        const along = backward ? flip(direction) : direction;
        page.addSelect(value, SORT_VALUE_ALIAS);
        if (nullable) page.orderBy(isNull, backward ? 'DESC' : 'ASC').addOrderBy(value, along);
        else page.orderBy(value, along);
        page.addOrderBy(id, along);
      },
      async fetch(page) {
        const { entities, raw } = await page.getRawAndEntities();
        entities.forEach((row, index) => {
          const read = (raw[index] as Record<string, unknown> | undefined)?.[SORT_VALUE_ALIAS];
          keys.set(row, { value: read === undefined || read === null ? null : (read as string | number), id: order.idOf(row) });
        });
        return entities;
      },
    },
    request,
  );
}

/**
 * A list read with hand-written SQL instead of a query builder: the hot lists (a page of devices
 * with every column) spend more CPU hydrating entities than SQLite spends finding the rows, so
 * they read plain rows and map them themselves. Same keyset rules, cursors and errors as the
 * query-builder functions above.
 */
export interface SqlList<T> {
  /** The select list, e.g. `device.id AS id, device.serial_number AS serial_number`. */
  readonly columns: string;
  /** The FROM clause (tables with their aliases). */
  readonly from: string;
  /** Conditions (joined with AND) whose values `sql` already holds, in text order. */
  readonly conditions: readonly string[];
  readonly sql: Bindings;
  /** Runs a statement (`manager.query`: through the operation's budget and turns). */
  readonly run: (text: string, values: unknown[]) => Promise<Array<Record<string, unknown>>>;
  /** One raw row as the list's item. */
  readonly rowOf: (raw: Record<string, unknown>) => T;
}

/** How a raw list is keyed: cursor text, a row's key, and the SQL of a bound and of the order. */
interface SqlKeyStrategy<T, K> {
  encode(key: K): string;
  decode(cursor: string, argument: string): K;
  keyOf(row: T, raw: Record<string, unknown>): K;
  /** Extra select-list items (`, expression AS alias`), or ''. */
  readonly extraColumns: string;
  bound(side: 'after' | 'before', key: K, sql: Bindings): string;
  order(backward: boolean): string;
}

/** {@link keysetPage} over hand-written SQL. */
async function sqlKeysetPage<T, K>(list: SqlList<T>, strategy: SqlKeyStrategy<T, K>, request: PageRequest): Promise<Page<T>> {
  const asked = pageAsked(request, strategy.decode);
  const { sql } = list;
  // The filter's values come first in the text, so the count reuses them as they are.
  const filterValues = sql.values.slice();
  const filter = list.conditions.length > 0 ? list.conditions.join(' AND ') : '1 = 1';
  const conditions = [filter];
  if (asked.after !== null) conditions.push(strategy.bound('after', asked.after, sql));
  if (asked.before !== null) conditions.push(strategy.bound('before', asked.before, sql));
  // One row more than asked for tells whether more follow; `size` is a checked integer.
  const text =
    `SELECT ${list.columns}${strategy.extraColumns} FROM ${list.from} WHERE ${conditions.join(' AND ')} ` +
    `ORDER BY ${strategy.order(asked.backward)} LIMIT ${asked.size + 1}`;
  const raws = await list.run(text, sql.values);
  const edgeOf = (raw: Record<string, unknown>) => {
    const node = list.rowOf(raw);
    return { cursor: strategy.encode(strategy.keyOf(node, raw)), node };
  };
  return pageOf(asked, raws, edgeOf, async () => {
    const [row] = await list.run(`SELECT COUNT(*) AS count FROM ${list.from} WHERE ${filter}`, filterValues);
    // PostgreSQL answers COUNT(*) as a bigint, which its driver gives as text.
    return Number(row?.count ?? 0);
  });
}

/** {@link paginate} over hand-written SQL: ordered by the row id `column`. */
export function paginateSql<T>(list: SqlList<T>, order: KeysetOrder<T>, request: PageRequest): Promise<Page<T>> {
  const flip = (d: 'ASC' | 'DESC') => (d === 'ASC' ? 'DESC' : 'ASC');
  return sqlKeysetPage(
    list,
    {
      encode: encodeCursor,
      decode: decodeCursor,
      keyOf: order.keyOf,
      extraColumns: '',
      bound: (side, key, sql) => `${order.column} ${(side === 'after') === (order.direction === 'ASC') ? '>' : '<'} ${sql.bind(key)}`,
      order: (backward) => `${order.column} ${backward ? flip(order.direction) : order.direction}`,
    },
    request,
  );
}

/** {@link paginateBySortKey} over hand-written SQL: the same order, bounds, nulls and cursors. */
export function paginateSqlBySortKey<T extends { id: number }>(
  list: SqlList<T>,
  order: SortKeysetOrder,
  request: PageRequest,
): Promise<Page<T>> {
  const { expression: value, idColumn: id, direction, nullable = true } = order;
  const isNull = `CASE WHEN ${value} IS NULL THEN 1 ELSE 0 END`;
  return sqlKeysetPage<T, SortKey>(
    list,
    {
      encode: (key) => encodeSortCursor(order.name, key),
      decode: (cursor, argument) => decodeSortCursor(order.name, cursor, argument),
      keyOf: (row, raw) => {
        const read = raw[SORT_VALUE_ALIAS];
        return { value: read === undefined || read === null ? null : (read as string | number), id: order.idOf(row) };
      },
      extraColumns: `, ${value} AS ${SORT_VALUE_ALIAS}`,
      bound(side, key, sql) {
        // `op` moves along the list (after) or against it (before); see paginateBySortKey.
        const op = (side === 'after') === (direction === 'ASC') ? '>' : '<';
        if (key.value === null) {
          const i = sql.bind(key.id);
          return side === 'after' ? `(${value} IS NULL AND ${id} ${op} ${i})` : `(${value} IS NOT NULL OR ${id} ${op} ${i})`;
        }
        // Positional values: each placeholder is bound where it appears in the text.
        if (!nullable) {
          const v1 = sql.bind(key.value);
          const v2 = sql.bind(key.value);
          const i = sql.bind(key.id);
          return `(${value} ${op}= ${v1} AND (${value} ${op} ${v2} OR ${id} ${op} ${i}))`;
        }
        const v1 = sql.bind(key.value);
        const v2 = sql.bind(key.value);
        const i = sql.bind(key.id);
        const beyond = `(${value} ${op} ${v1} OR (${value} = ${v2} AND ${id} ${op} ${i}))`;
        return side === 'after' ? `(${value} IS NULL OR ${beyond})` : `(${value} IS NOT NULL AND ${beyond})`;
      },
      order(backward) {
        const flip = (d: 'ASC' | 'DESC') => (d === 'ASC' ? 'DESC' : 'ASC');
        const along = backward ? flip(direction) : direction;
        return nullable ? `${isNull} ${backward ? 'DESC' : 'ASC'}, ${value} ${along}, ${id} ${along}` : `${value} ${along}, ${id} ${along}`;
      },
    },
    request,
  );
}
