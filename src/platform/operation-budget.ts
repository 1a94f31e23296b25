/**
 * The time budget of one GraphQL operation, carried to its database calls.
 *
 * Every database call checks the budget of the operation it belongs to (found through
 * AsyncLocalStorage, so no service signature changes): once the deadline has passed, the call
 * throws `OPERATION_TIMED_OUT` and the rest of the operation stops at its next query. The clock
 * starts once the operation is known to be a query; mutations get a budget without a deadline
 * (stopping one half way would leave its work half done), and so do work outside any operation
 * (syncs, jobs) and subscriptions.
 *
 * The budget is also what makes an operation take turns with the rest of the process: see
 * `Database`, which spaces an operation's database calls one event-loop turn apart.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { ErrorCode, HomeroomError } from '../errors.js';
import type { Clock } from './clock.js';

export class OperationBudget {
  private static started = 0;
  /**
   * The operation's place in arrival order (budgets are made as operations arrive): the database
   * gives its turns to the oldest operation waiting (`Database`).
   */
  readonly order = OperationBudget.started++;
  private deadline = Number.POSITIVE_INFINITY;
  private timeoutMs: number | null = null;

  constructor(private readonly clock: Clock) {}

  /** Starts the clock: database calls more than `timeoutMs` from now are refused. */
  start(timeoutMs: number): void {
    this.timeoutMs = timeoutMs;
    this.deadline = this.clock.now().getTime() + timeoutMs;
  }

  /** Throws `OPERATION_TIMED_OUT` once the deadline has passed. */
  check(): void {
    if (this.timeoutMs === null || this.clock.now().getTime() <= this.deadline) return;
    throw new HomeroomError(
      ErrorCode.OPERATION_TIMED_OUT,
      `The query ran longer than ${this.timeoutMs} ms and was stopped. Ask for less at once: smaller pages, fewer counts or aliases.`,
      { timeoutMs: this.timeoutMs },
    );
  }
}

const budgets = new AsyncLocalStorage<OperationBudget>();

/** Runs `work` (an operation) under `budget`; everything it awaits, however deep, sees it. */
export function runWithBudget<T>(budget: OperationBudget, work: () => T): T {
  return budgets.run(budget, work);
}

/** The budget of the operation the caller belongs to; undefined outside any operation. */
export function currentBudget(): OperationBudget | undefined {
  return budgets.getStore();
}

/** Runs `work` (background work a request starts, such as a job) outside any operation's budget. */
export function outsideOperation<T>(work: () => T): T {
  return budgets.exit(work);
}

/**
 * For the DEP client's `retry.waitLimitMs`: `maxWaitMs` while someone waits (the caller runs
 * inside a GraphQL operation), null for background work (syncs and jobs run outside any).
 */
export function interactiveWaitLimit(maxWaitMs: number): () => number | null {
  return () => (currentBudget() ? maxWaitMs : null);
}
