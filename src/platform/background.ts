/**
 * What background work (sync runs, assignment jobs, user imports) shares: the set a service
 * runs in this process, and, when Homeroom stops, how long it waits for that work to reach a
 * safe point.
 */
import { outsideOperation } from './operation-budget.js';
import { PeriodicCheck } from './periodic-check.js';

/** How long a stopping server waits for runs and jobs to reach their next page or batch. */
export const STOP_GRACE_MS = 10_000;

/** Waits for `work`, but no longer than `ms`; the timer never keeps the process alive. */
export async function waitAtMost(work: Promise<unknown>, ms: number = STOP_GRACE_MS): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
    timer.unref();
  });
  try {
    await Promise.race([work, grace]);
  } finally {
    clearTimeout(timer);
  }
}

/** A run or job that works until done, and can be asked to stop at its next safe point. */
export interface BackgroundRunner<T> {
  execute(): Promise<T>;
  requestStop(): void;
}

/**
 * The background work one service runs in this process, by key (a run's or a job's id): each
 * piece started at most once, outside the operation budget of the request that started it (its
 * database calls are not the request's), and forgotten when it ends; at shutdown, asked to stop
 * and awaited together.
 */
export class BackgroundWork<R extends BackgroundRunner<T>, T> {
  private readonly active = new Map<number, { runner: R; done: Promise<T> }>();

  /** Whether work of `key` runs in this process now. */
  has(key: number): boolean {
    return this.active.has(key);
  }

  /** The end of the work of `key`: the running one's, or a new runner's from `create`. */
  run(key: number, create: () => R): Promise<T> {
    const running = this.active.get(key);
    if (running) return running.done;
    const runner = create();
    const done = outsideOperation(() => runner.execute()).finally(() => this.active.delete(key));
    this.active.set(key, { runner, done });
    return done;
  }

  /** Asks every piece of work running now to stop at its next safe point. */
  requestStop(): void {
    for (const { runner } of this.active.values()) runner.requestStop();
  }

  /** Resolves when every piece of work this process runs has ended or paused (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.active.size > 0) await Promise.allSettled([...this.active.values()].map((entry) => entry.done));
  }

  /** Asks everything to stop, then waits for it, no longer than {@link STOP_GRACE_MS}. */
  async stop(): Promise<void> {
    this.requestStop();
    await waitAtMost(this.idle());
  }
}

/** How often a service looks for its jobs that no process holds (an instance stopped or died). */
export const RESUME_CHECK_MS = 30_000;

/**
 * Leased jobs a service runs (assignment jobs, user imports): `resume` (the service's look for
 * jobs no process holds, which starts them with `run`) runs at `start()` and every
 * {@link RESUME_CHECK_MS}; at shutdown the look stops and the running jobs stop together.
 */
export class ResumableJobs<R extends BackgroundRunner<T>, T> extends BackgroundWork<R, T> {
  private readonly resumer: PeriodicCheck;

  constructor(resume: () => Promise<void>) {
    super();
    this.resumer = new PeriodicCheck(resume, RESUME_CHECK_MS);
  }

  /** Resumes jobs no process holds now, then looks again every {@link RESUME_CHECK_MS}. */
  start(): void {
    this.resumer.start();
    void this.resumer.tick();
  }

  /** One look for jobs to resume, now. */
  resumeNow(): Promise<void> {
    return this.resumer.tick();
  }

  /**
   * Stops looking, and asks the running jobs to stop at their next safe point (they stay RUNNING
   * with their lease released, so the next start resumes them), waiting up to {@link STOP_GRACE_MS}.
   */
  override async stop(): Promise<void> {
    // Asked before anything is awaited, so no job starts another step after stop() was called.
    this.requestStop();
    await this.resumer.stop();
    await super.stop();
  }
}
