/**
 * Where a benchmark's database time goes: every statement Homeroom runs from now on is wrapped to
 * add its time and count, so a bench can say how much of its time is the database, and which
 * statements it was (by their first words, values left out).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { DataSource } from 'typeorm';

export interface StatementTime {
  /** Milliseconds inside `run`, `all` and `get` (SQLite), or waiting for answers (PostgreSQL). */
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

/**
 * Starts timing the statements of `dataSource`. On SQLite the time inside better-sqlite3 (the
 * event loop's own time); on PostgreSQL each statement's round trip, from sending it to its answer
 * (the server's work, the network, and the wait for Homeroom's event loop to read it).
 */
export function timeStatements(dataSource: DataSource): StatementTime {
  const byStatement = new Map<string, { ms: number; count: number }>();
  const spent = { ms: 0, count: 0, byStatement };
  const add = (shape: string, ms: number) => {
    spent.ms += ms;
    spent.count += 1;
    const entry = byStatement.get(shape) ?? { ms: 0, count: 0 };
    entry.ms += ms;
    entry.count += 1;
    byStatement.set(shape, entry);
  };
  if (dataSource.options.type === 'postgres') {
    const driver = dataSource.driver;
    const create = driver.createQueryRunner.bind(driver);
    driver.createQueryRunner = (mode) => {
      const runner = create(mode);
      const query = runner.query.bind(runner) as (source: string, ...rest: unknown[]) => Promise<unknown>;
      (runner as { query: unknown }).query = async (source: string, ...rest: unknown[]) => {
        const started = performance.now();
        try {
          return await query(source, ...rest);
        } finally {
          add(shapeOf(source), performance.now() - started);
        }
      };
      return runner;
    };
    return spent;
  }
  const connection = (dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection;
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
          add(shape, performance.now() - started);
        }
      };
    }
    return statement;
  }) as typeof connection.prepare;
  return spent;
}
