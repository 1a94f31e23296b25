/**
 * Time as a dependency. Every rule with a duration (sync windows, cooldowns, token expiry)
 * reads the clock it was given, so tests can move time instead of waiting for it.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to; for tests and repeatable simulations. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | string = '2026-09-01T08:00:00.000Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(milliseconds: number): void {
    this.current += milliseconds;
  }

  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }
}
