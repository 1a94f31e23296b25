/**
 * The automatic sync loop: once a minute (by default) it runs one check, and a check never
 * overlaps the previous one. The check itself (which tokens are due) lives in the service; this
 * class only owns the timer, so tests call `tick()` with a ManualClock and never wait for it.
 */
import { SCHEDULER_CHECK_MS } from './sync-rules.js';

export class SyncScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly check: () => Promise<void>,
    private readonly everyMs: number = SCHEDULER_CHECK_MS,
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
