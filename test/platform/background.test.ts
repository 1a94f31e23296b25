import { describe, expect, it } from 'vitest';
import { BackgroundWork, ResumableJobs, type BackgroundRunner } from '../../src/platform/background.js';
import { currentBudget, OperationBudget, runWithBudget } from '../../src/platform/operation-budget.js';
import { systemClock } from '../../src/platform/clock.js';

/** A runner that ends when told to, or when asked to stop; it records the budget it ran under. */
class HeldRunner implements BackgroundRunner<string> {
  budget: unknown = 'not run';
  stopRequested = false;
  private release!: (value: string) => void;
  private readonly ended = new Promise<string>((resolve) => (this.release = resolve));

  async execute(): Promise<string> {
    this.budget = currentBudget();
    return this.ended;
  }
  requestStop(): void {
    this.stopRequested = true;
    this.release('stopped');
  }
  finish(): void {
    this.release('done');
  }
}

describe('BackgroundWork', () => {
  it('runs a key once: a second run while it works answers the same end without a new runner', async () => {
    const work = new BackgroundWork<HeldRunner, string>();
    const first = new HeldRunner();
    let created = 0;
    const a = work.run(1, () => (created++, first));
    const b = work.run(1, () => (created++, new HeldRunner()));
    expect(created).toBe(1);
    expect(work.has(1)).toBe(true);
    first.finish();
    expect(await Promise.all([a, b])).toEqual(['done', 'done']);
    expect(work.has(1)).toBe(false);
  });

  it('runs outside the operation budget of the request that starts it', async () => {
    const work = new BackgroundWork<HeldRunner, string>();
    const runner = new HeldRunner();
    const budget = new OperationBudget(systemClock);
    const done = runWithBudget(budget, () => work.run(7, () => runner));
    runner.finish();
    await done;
    expect(runner.budget).toBeUndefined();
  });

  it('asks every runner to stop and waits for them at stop(); idle() resolves once none runs', async () => {
    const work = new BackgroundWork<HeldRunner, string>();
    const runners = [new HeldRunner(), new HeldRunner()];
    const ends = runners.map((runner, i) => work.run(i, () => runner));
    await work.stop();
    expect(runners.every((runner) => runner.stopRequested)).toBe(true);
    expect(await Promise.all(ends)).toEqual(['stopped', 'stopped']);
    await work.idle();
    expect(work.has(0) || work.has(1)).toBe(false);
  });
});

describe('ResumableJobs', () => {
  it('looks for jobs to resume at start and on resumeNow, and at stop stops looking before it stops the jobs', async () => {
    const looks: number[] = [];
    const jobs = new ResumableJobs<HeldRunner, string>(async () => {
      looks.push(looks.length);
    });
    jobs.start();
    await jobs.resumeNow();
    expect(looks.length).toBeGreaterThanOrEqual(1);
    const runner = new HeldRunner();
    const end = jobs.run(3, () => runner);
    await jobs.stop();
    expect(runner.stopRequested).toBe(true);
    expect(await end).toBe('stopped');
    const seen = looks.length;
    await new Promise((resolve) => setImmediate(resolve));
    expect(looks.length).toBe(seen);
  });
});
