/**
 * Column helpers for types that SQLite and PostgreSQL spell differently, and for JSON.
 *
 * TypeORM has no timestamp type both drivers accept (SQLite knows `datetime`, PostgreSQL
 * `timestamp`/`timestamptz`), and a per-driver type would make one entity class describe two
 * schemas. Instants are therefore stored as ISO-8601 UTC text (`2026-09-01T08:00:00.000Z`):
 * fixed width, so text order is time order and range comparisons in SQL stay correct on both
 * databases, and nothing depends on the server's time zone. Values are always written from the
 * injected clock, never from a database default, so tests with a fake clock see what they set.
 */
import { Column, type ValueTransformer } from 'typeorm';

const isoInstant: ValueTransformer = {
  to: (value: unknown) => (value instanceof Date ? value.toISOString() : value),
  from: (value: string | null) => (value === null ? null : new Date(value)),
};

export function DateTimeColumn(options: { nullable?: boolean } = {}): PropertyDecorator {
  return Column({ type: 'varchar', length: 32, nullable: options.nullable ?? false, transformer: isoInstant });
}

/**
 * JSON in a `text` column, parsed and serialised here and nowhere else: services read and write
 * arrays and objects. `text` on both databases (what TypeORM's `simple-json` is too), so the
 * schema is the same whichever wrote it; a JSON type would differ between SQLite and PostgreSQL.
 */
const jsonText: ValueTransformer = {
  to: (value: unknown) => (value === null || value === undefined ? value : JSON.stringify(value)),
  from: (value: string | null) => (value === null ? null : (JSON.parse(value) as unknown)),
};

export function JsonColumn(options: { nullable?: boolean } = {}): PropertyDecorator {
  return Column({ type: 'text', nullable: options.nullable ?? false, transformer: jsonText });
}

/**
 * Flat facts for a JSON column (counts, names, flags). Kept flat on purpose: TypeORM's deep
 * partial types cannot follow a recursive JSON type, and flat facts are what filters need.
 */
export type JsonFacts = Record<string, string | number | boolean | null | string[] | number[]>;

/**
 * The named columns of a row, copied into a plain object: how a field list declared once (beside
 * the entity) maps a row to an event or a view, instead of each one listing the fields again.
 */
export function pickColumns<T extends object, const K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> {
  const picked = {} as Pick<T, K>;
  for (const key of keys) picked[key] = row[key];
  return picked;
}
