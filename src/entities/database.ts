/**
 * The one way services open transactions: `database.transaction(tx => ...)`.
 *
 * Why not `dataSource.transaction` directly: TypeORM's better-sqlite3 driver shares ONE query
 * runner across the process and supports "nested" transactions. Two requests that each open a
 * transaction at the same time therefore do not get two transactions: the second becomes a
 * SAVEPOINT inside the first, and the first one's rollback silently undoes the second one's
 * committed work. Any query another request runs meanwhile also executes inside the open
 * transaction (it sees uncommitted rows, and its writes roll back with it).
 *
 * On SQLite this class therefore lets one transaction run at a time, and holds back every query
 * that does not belong to it until it ends (ownership is tracked with AsyncLocalStorage, so code
 * inside the transaction, however deep, is never held back by itself). SQLite serialises
 * writers anyway, so nothing is lost; the rule that follows is that a transaction must never
 * await anything but the database (no HTTP to Apple or devices inside one), or every other
 * request waits with it. On PostgreSQL each transaction gets its own pooled connection and this
 * class adds nothing.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { currentBudget } from '../platform/operation-budget.js';

/** Most turns one operation gets in a row while others wait (`Database.takeTurn`). */
export const TURNS_IN_A_ROW = 8;

export class Database {
  private readonly owner = new AsyncLocalStorage<symbol>();
  private holder: symbol | null = null;
  private released: Promise<void> = Promise.resolve();
  private readonly serialized: boolean;
  /** Operation calls waiting for a turn, in the order they asked (`takeTurn`). */
  private readonly waiting: Array<{ readonly order: number; readonly release: () => void }> = [];
  private turnScheduled = false;
  /** The operation that had the last turn, and how many it had in a row. */
  private lastOrder = -1;
  private turnsInARow = 0;

  constructor(readonly dataSource: DataSource) {
    this.serialized = dataSource.options.type === 'better-sqlite3';
    if (this.serialized) this.guardSharedRunner(dataSource.driver.createQueryRunner('master'));
    else this.guardEveryRunner(dataSource);
  }

  /** For reads; on SQLite its queries wait while another request's transaction is open. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  get type(): 'sqlite' | 'postgres' {
    return this.serialized ? 'sqlite' : 'postgres';
  }

  async transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    if (!this.serialized) return this.dataSource.transaction(work);
    const current = this.owner.getStore();
    // Already inside our own transaction: TypeORM nests it as a savepoint, which is what the caller means.
    if (current !== undefined && current === this.holder) return this.dataSource.transaction(work);
    while (this.holder !== null) await this.released;
    const token = Symbol('transaction');
    let release!: () => void;
    this.holder = token;
    this.released = new Promise((resolve) => (release = resolve));
    try {
      return await this.owner.run(token, () => this.dataSource.transaction(work));
    } finally {
      this.holder = null;
      release();
    }
  }

  private guardSharedRunner(runner: QueryRunner): void {
    const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
    const guarded = async (...args: unknown[]): Promise<unknown> => {
      await this.takeTurn();
      while (this.holder !== null && this.owner.getStore() !== this.holder) await this.released;
      return query(...args);
    };
    (runner as { query: unknown }).query = guarded;
  }

  /** PostgreSQL: a runner per query or transaction; each checks the operation's budget too. */
  private guardEveryRunner(dataSource: DataSource): void {
    const driver = dataSource.driver;
    const create = driver.createQueryRunner.bind(driver);
    driver.createQueryRunner = (mode) => {
      const runner = create(mode);
      const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
      (runner as { query: unknown }).query = async (...args: unknown[]) => {
        await this.takeTurn();
        return query(...args);
      };
      return runner;
    };
  }

  /**
   * Inside a GraphQL operation: refuse the call once its time budget is spent, and wait for a
   * turn: one operation call per event-loop turn, so other requests get in between any two
   * statements. better-sqlite3 runs each statement synchronously, and graphql-js starts every
   * aliased field at once: without turns, 2,000 aliased counts would run back to back and
   * `/healthz` would wait for all of them. Work outside operations (syncs, jobs) is not held up.
   *
   * A turn goes to the operation that had the last one, when it asks again, up to
   * {@link TURNS_IN_A_ROW} turns in a row; otherwise to the call that has waited longest. Under
   * load that finishes a short operation (a page read is four statements) before starting the
   * next, instead of advancing every operation in flight one statement at a time: an operation's
   * objects (its rows, its result) then die young instead of being kept, copied and promoted by
   * the collector while fifty others take their turns (bench/query.bench.ts: the collector took
   * about a third of Homeroom's CPU before, a seventh after). A long operation still lets the
   * others in every {@link TURNS_IN_A_ROW} turns. On PostgreSQL a statement's answer comes over
   * the network, usually after the next turn was given, so there the turns stay close to FIFO.
   */
  private async takeTurn(): Promise<void> {
    const budget = currentBudget();
    if (!budget) return;
    budget.check();
    await new Promise<void>((release) => {
      this.waiting.push({ order: budget.order, release });
      this.scheduleTurn();
    });
    budget.check();
  }

  /**
   * Gives the next turn, on the next loop turn: an immediate queued from an immediate runs on the
   * next loop turn, after pending I/O, so other callbacks run between any two turns.
   */
  private scheduleTurn(): void {
    if (this.turnScheduled) return;
    this.turnScheduled = true;
    setImmediate(() => {
      this.turnScheduled = false;
      const waiting = this.waiting;
      let next = 0;
      if (this.turnsInARow < TURNS_IN_A_ROW) {
        // One entry per call in flight: a scan costs far less than the statement it lets run.
        const again = waiting.findIndex((turn) => turn.order === this.lastOrder);
        if (again >= 0) next = again;
      }
      const [turn] = waiting.splice(next, 1);
      if (turn) {
        this.turnsInARow = turn.order === this.lastOrder ? this.turnsInARow + 1 : 1;
        this.lastOrder = turn.order;
        turn.release();
      }
      if (waiting.length > 0) this.scheduleTurn();
    });
  }
}

/** True when a write failed on a unique constraint (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE). */
export function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { driverError?: { code?: string } } | null)?.driverError ?? error;
  const code = (cause as { code?: string } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
