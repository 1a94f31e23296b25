/**
 * Where a benchmark's database time goes: every SQLite statement Homeroom prepares from now on is
 * wrapped to add its run time and count, so a bench can say how much of its time is SQLite itself.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { DataSource } from 'typeorm';

export interface StatementTime {
  /** Milliseconds inside `run`, `all` and `get`. */
  readonly ms: number;
  /** Statements run. */
  readonly count: number;
}

/** Starts timing the statements of `dataSource` (better-sqlite3 only). */
export function timeStatements(dataSource: DataSource): StatementTime {
  const connection = (dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection;
  const spent = { ms: 0, count: 0 };
  const prepare = connection.prepare.bind(connection);
  connection.prepare = ((source: string) => {
    const statement = prepare(source);
    for (const method of ['run', 'all', 'get'] as const) {
      const original = statement[method].bind(statement) as (...args: unknown[]) => unknown;
      (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        const started = performance.now();
        try {
          return original(...args);
        } finally {
          spent.ms += performance.now() - started;
          spent.count += 1;
        }
      };
    }
    return statement;
  }) as typeof connection.prepare;
  return spent;
}
