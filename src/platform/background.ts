/**
 * What background work (sync runs, assignment jobs) shares when Homeroom stops: how long a
 * stopping server waits for it to reach a safe point, and the wait itself.
 */

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
