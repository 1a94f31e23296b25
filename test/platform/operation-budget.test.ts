import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/errors.js';
import { ManualClock } from '../../src/platform/clock.js';
import { currentBudget, OperationBudget, outsideOperation, runWithBudget } from '../../src/platform/operation-budget.js';

describe('OperationBudget', () => {
  it('passes until the deadline and refuses after it with OPERATION_TIMED_OUT and timeoutMs', () => {
    const clock = new ManualClock();
    const budget = new OperationBudget(clock);
    budget.start(250);
    clock.advance(250);
    expect(() => budget.check()).not.toThrow();
    clock.advance(1);
    expect(() => budget.check()).toThrow(expect.objectContaining({ code: ErrorCode.OPERATION_TIMED_OUT, details: { timeoutMs: 250 } }));
  });

  it('never refuses before it is started (mutations, subscriptions)', () => {
    const clock = new ManualClock();
    const budget = new OperationBudget(clock);
    clock.advance(24 * 60 * 60 * 1000);
    expect(() => budget.check()).not.toThrow();
  });

  it('is seen by everything the operation awaits, and by nothing outside it', async () => {
    const budget = new OperationBudget(new ManualClock());
    const seen = await runWithBudget(budget, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return currentBudget();
    });
    expect(seen).toBe(budget);
    expect(currentBudget()).toBeUndefined();
  });

  it('is not seen by background work an operation starts outside it (a user import job), however long it runs', async () => {
    const budget = new OperationBudget(new ManualClock());
    const background = await runWithBudget(budget, async () => {
      const job = outsideOperation(async () => {
        await new Promise((resolve) => setImmediate(resolve));
        return currentBudget();
      });
      expect(currentBudget()).toBe(budget);
      return { job };
    });
    expect(await background.job).toBeUndefined();
  });
});
