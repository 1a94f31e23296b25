/**
 * A check run every `everyMs` (the automatic sync loop, the look for jobs to resume), never
 * overlapping the previous one. The check itself lives in the service; this class only owns the
 * timer, so tests call `tick()` with a ManualClock and never wait for it.
 */
export class PeriodicCheck {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly check: () => Promise<void>,
    private readonly everyMs: number,
  ) {}

  get started(): boolean {
    return this.timer !== null;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.everyMs);
    // The loop alone never keeps the process alive (the HTTP server does).
    this.timer.unref();
  }

  /** Stops the timer and waits for a check in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One check now; if one is already running, waits for that one instead. */
  tick(): Promise<void> {
    this.running ??= this.check().finally(() => (this.running = null));
    return this.running;
  }
}
