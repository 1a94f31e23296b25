import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/errors.js';
import { ManualClock } from '../../src/platform/clock.js';
import { currentBudget, OperationBudget, runWithBudget } from '../../src/platform/operation-budget.js';

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
});
