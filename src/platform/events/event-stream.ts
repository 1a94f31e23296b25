/**
 * One subscriber's events of a topic, as an async iterator: a plain queue and the pending
 * `next()` it resolves. An event reaches each of 1,000 subscribers of a sync; a Repeater per
 * subscriber (what `@graphql-yoga/subscription` makes) cost several promises and closures per
 * delivery, which showed up as GC and microtask time on the whole server.
 *
 * - Listens from the first `next()` (as a pub/sub subscription does), so a caller can start
 *   listening before it reads a snapshot, and nothing is heard by a stream no one pulls.
 * - `return()` ends it at once, even while a `next()` waits on a quiet topic: the waiting
 *   `next()` resolves as done and the listener is removed.
 * - A subscriber that lets more than {@link MAX_QUEUED_EVENTS} pile up is ended with an error
 *   rather than holding the events forever (the websocket layer closes a client that reads too
 *   slowly long before that; this bounds a consumer stuck elsewhere).
 */

/** Events a stream may hold for a subscriber that does not pull them. */
export const MAX_QUEUED_EVENTS = 10_000;

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/** Starts listening: `push` is called for each event; the returned function stops. */
export type Listen<T> = (push: (value: T) => void) => () => void;

export class EventStream<T> implements AsyncIterableIterator<T, undefined> {
  private queue: T[] = [];
  private head = 0;
  private waiting: Array<(step: IteratorResult<T, undefined>) => void> = [];
  private state: 'idle' | 'listening' | 'ended' = 'idle';
  private failure: Error | null = null;
  private stopListening: (() => void) | null = null;

  constructor(private readonly listen: Listen<T>) {}

  next(): Promise<IteratorResult<T, undefined>> {
    if (this.state === 'idle') {
      this.state = 'listening';
      this.stopListening = this.listen(this.push);
    }
    if (this.head < this.queue.length) {
      const value = this.queue[this.head] as T;
      this.queue[this.head++] = undefined as T;
      if (this.head === this.queue.length) {
        this.queue = [];
        this.head = 0;
      }
      return Promise.resolve({ done: false, value });
    }
    if (this.failure) {
      const failure = this.failure;
      this.failure = null;
      return Promise.reject(failure);
    }
    if (this.state === 'ended') return Promise.resolve(DONE);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  return(): Promise<IteratorResult<T, undefined>> {
    this.close();
    return Promise.resolve(DONE);
  }

  throw(error?: unknown): Promise<IteratorResult<T, undefined>> {
    this.close();
    return Promise.reject(error);
  }

  /** Stops listening, drops what is queued, and ends a waiting `next()`. */
  private close(): void {
    this.end();
    this.queue = [];
    this.head = 0;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private readonly push = (value: T): void => {
    if (this.state !== 'listening') return;
    const waiter = this.waiting.shift();
    if (waiter) return waiter({ done: false, value });
    if (this.queue.length - this.head >= MAX_QUEUED_EVENTS) {
      this.failure = new Error(`A subscriber fell more than ${MAX_QUEUED_EVENTS} events behind; its stream is ended.`);
      return this.end();
    }
    this.queue.push(value);
  };

  private end(): void {
    if (this.state === 'ended') return;
    const wasListening = this.state === 'listening';
    this.state = 'ended';
    if (wasListening) this.stopListening?.();
    this.stopListening = null;
    for (const waiter of this.waiting.splice(0)) waiter(DONE);
  }
}
