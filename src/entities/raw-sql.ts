/**
 * Helpers for the hand-written SQL of the set-based writers (device sync, assignment jobs).
 *
 * Those writers bind values positionally rather than through the query builder: the builder
 * names every value and looks each name up among all the others, which made a statement of a
 * few thousand values cost tens of milliseconds (bench/sync.bench.ts). Both databases take the
 * same statements; only the placeholders differ (`?` on SQLite, `$n` on PostgreSQL).
 */
import type { EntityManager } from 'typeorm';
import { snakeCase } from './naming.strategy.js';

/** Values per `IN (...)` list: far below SQLite's 32,766 bound parameters and PostgreSQL's 65,535. */
export const IN_LIST_CHUNK = 1000;

/** `items` cut into runs of at most `size`, in order. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A LIKE pattern (used with `ESCAPE '\\'`) that matches `text` anywhere; its own `%`, `_` and backslashes match only themselves. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `?` on SQLite, `$1`, `$2`, ... on PostgreSQL; `index` counts from 0. */
export function placeholderStyle(manager: EntityManager): (index: number) => string {
  return manager.connection.options.type === 'postgres' ? (index) => `$${index + 1}` : () => '?';
}

/** The values of one statement, in order: `bind(value)` adds one and returns its placeholder. */
export class Bindings {
  readonly values: unknown[] = [];
  private readonly placeholder: (index: number) => string;
  private readonly postgres: boolean;

  constructor(manager: EntityManager) {
    this.placeholder = placeholderStyle(manager);
    this.postgres = manager.connection.options.type === 'postgres';
  }

  bind(value: unknown): string {
    this.values.push(value);
    return this.placeholder(this.values.length - 1);
  }

  /** `(p1, p2, ...)` for an `IN` list; never empty (callers skip empty lists). */
  list(values: readonly unknown[]): string {
    return `(${values.map((value) => this.bind(value)).join(', ')})`;
  }

  /**
   * Membership in `values`, to follow a column: `IN (?, ?, ...)` on SQLite, `= ANY($n)` with one
   * array value on PostgreSQL (a list of thousands of placeholders costs PostgreSQL more to parse
   * and plan than the statement takes to run). Never empty (callers skip empty lists).
   */
  in(values: readonly unknown[]): string {
    return this.postgres ? `= ANY(${this.bind([...values])})` : `IN ${this.list(values)}`;
  }
}

/*
 * Reading plain rows (hand-written SELECTs) the way the entities would: the two drivers give
 * the same column in different JavaScript types. better-sqlite3 has integers for booleans (0/1)
 * and never a Date; pg gives booleans, gives BIGINT (COUNT) and NUMERIC as text, and would give a
 * Date for a timestamp type (Homeroom stores instants as ISO text, `columns.ts`, so it gives text).
 */

/** An integer column (ids, counts): a number, whether the driver gave a number, a bigint or text. */
export function rowInteger(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

/** {@link rowInteger}, or null for SQL NULL. */
export function rowIntegerOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : rowInteger(value);
}

/** A boolean column: SQLite's 0/1, PostgreSQL's true/false (or its text `t`/`f`). */
export function rowBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't' || value === 'true' || value === 1n;
}

/** {@link rowBoolean}, or null for SQL NULL. */
export function rowBooleanOrNull(value: unknown): boolean | null {
  return value === null || value === undefined ? null : rowBoolean(value);
}

/** An instant column (ISO-8601 text, `DateTimeColumn`), as the entity's transformer reads it. */
export function rowInstant(value: unknown): Date {
  return value instanceof Date ? value : new Date(value as string);
}

/** {@link rowInstant}, or null for SQL NULL. */
export function rowInstantOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : rowInstant(value);
}

/** A text column, or null for SQL NULL. */
export function rowTextOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** `alias.column AS column` for each entity property, columns named by the naming strategy's rule (snake_case). */
export function selectList(alias: string, properties: readonly string[]): string {
  return properties.map((property) => `${alias}.${columnOf(property)} AS ${columnOf(property)}`).join(', ');
}

/** Column names by property, kept: a list that reads fewer columns builds its select list on each request. */
const columnNames = new Map<string, string>();

function columnOf(property: string): string {
  let column = columnNames.get(property);
  if (column === undefined) columnNames.set(property, (column = snakeCase(property)));
  return column;
}

/**
 * Plain rows of `table` (aliased `alias`, `columns` its select list) whose integer `keyColumn`
 * is one of `keys`, each key once, one statement per {@link IN_LIST_CHUNK} keys; each row made
 * by `rowOf` and kept by `keyOf`. For the loaders a page of rows asks of on every request.
 */
export async function rowsByKeys<T>(
  manager: EntityManager,
  from: { readonly table: string; readonly alias: string; readonly columns: string; readonly keyColumn: string },
  keys: readonly number[],
  rowOf: (raw: Record<string, unknown>) => T,
  keyOf: (row: T) => number,
): Promise<Map<number, T>> {
  const found = new Map<number, T>();
  for (const chunk of chunks([...new Set(keys)], IN_LIST_CHUNK)) {
    const sql = new Bindings(manager);
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT ${from.columns} FROM ${from.table} ${from.alias} WHERE ${from.alias}.${from.keyColumn} ${sql.in(chunk)}`,
      sql.values,
    );
    for (const raw of rows) {
      const row = rowOf(raw);
      found.set(keyOf(row), row);
    }
  }
  return found;
}

/** A JSON text column (`JsonColumn`), parsed as the entity's transformer parses it. */
export function rowJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
