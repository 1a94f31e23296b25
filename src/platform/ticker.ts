/**
 * Wake-ups about once a second, injected like the clock: live countdowns (`syncCooldown`) tick
 * on one, tests drive a {@link ManualTicker} beside a ManualClock, and nothing waits for real
 * time. The production ticker runs one timer for all listeners, and only while someone listens.
 */

/** Wake-ups about once a second. */
export interface Ticker {
  /** Calls `listener` on every tick until the returned function is called. */
  onTick(listener: () => void): () => void;
}

/** The production ticker: one timer for all listeners, running only while someone listens. */
export function secondTicker(intervalMs = 1000): Ticker {
  const listeners = new Set<() => void>();
  let timer: NodeJS.Timeout | null = null;
  return {
    onTick(listener) {
      listeners.add(listener);
      // unref: a countdown never keeps a stopping process alive.
      timer ??= setInterval(() => [...listeners].forEach((l) => l()), intervalMs).unref();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer) {
          clearInterval(timer);
          timer = null;
        }
      };
    },
  };
}

/** A ticker that ticks only when told to; for tests (with a ManualClock). */
export class ManualTicker implements Ticker {
  private readonly listeners = new Set<() => void>();

  onTick(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** One tick for every listener. */
  tick(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** How many countdowns are ticking now. */
  get listening(): number {
    return this.listeners.size;
  }
}
