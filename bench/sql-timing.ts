/**
 * Where a benchmark's database time goes: every SQLite statement Homeroom prepares from now on is
 * wrapped to add its run time and count, so a bench can say how much of its time is SQLite itself,
 * and which statements it was (by their first words, values left out).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { DataSource } from 'typeorm';

export interface StatementTime {
  /** Milliseconds inside `run`, `all` and `get`. */
  readonly ms: number;
  /** Statements run. */
  readonly count: number;
  /** The same, per statement shape: its text up to the first placeholder or list, at most 80 characters. */
  readonly byStatement: ReadonlyMap<string, { ms: number; count: number }>;
}

/** A statement's shape: what tells the benchmark's statements apart, without its values. */
function shapeOf(source: string): string {
  return source
    .replace(/\s+/g, ' ')
    .replace(/(\?|\$\d+)[\s\S]*$/, '…')
    .slice(0, 80);
}

/** Starts timing the statements of `dataSource` (better-sqlite3 only). */
export function timeStatements(dataSource: DataSource): StatementTime {
  const connection = (dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection;
  const byStatement = new Map<string, { ms: number; count: number }>();
  const spent = { ms: 0, count: 0, byStatement };
  const prepare = connection.prepare.bind(connection);
  connection.prepare = ((source: string) => {
    const statement = prepare(source);
    const shape = shapeOf(source);
    for (const method of ['run', 'all', 'get'] as const) {
      const original = statement[method].bind(statement) as (...args: unknown[]) => unknown;
      (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        const started = performance.now();
        try {
          return original(...args);
        } finally {
          const ms = performance.now() - started;
          spent.ms += ms;
          spent.count += 1;
          const entry = byStatement.get(shape) ?? { ms: 0, count: 0 };
          entry.ms += ms;
          entry.count += 1;
          byStatement.set(shape, entry);
        }
      };
    }
    return statement;
  }) as typeof connection.prepare;
  return spent;
}
