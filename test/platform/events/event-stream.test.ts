import { describe, expect, it } from 'vitest';
import { EventStream, MAX_QUEUED_EVENTS } from '../../../src/platform/events/event-stream.js';

/** A stream over a hand-driven source: `emit` reaches it only while it listens. */
function source(): { stream: EventStream<number>; emit: (n: number) => void; listening: () => boolean } {
  let push: ((n: number) => void) | null = null;
  const stream = new EventStream<number>((p) => {
    push = p;
    return () => (push = null);
  });
  return { stream, emit: (n) => push?.(n), listening: () => push !== null };
}

describe('an event stream', () => {
  it('listens from its first next(), and passes on events in order, queued or awaited', async () => {
    const { stream, emit, listening } = source();
    expect(listening()).toBe(false);
    const first = stream.next();
    expect(listening()).toBe(true);
    emit(1);
    emit(2);
    emit(3);
    expect(await first).toEqual({ done: false, value: 1 });
    expect(await stream.next()).toEqual({ done: false, value: 2 });
    expect(await stream.next()).toEqual({ done: false, value: 3 });
  });

  it('ends a next() waiting on a quiet topic at once when returned, and stops listening', async () => {
    const { stream, listening } = source();
    const waiting = stream.next();
    await stream.return();
    expect(await waiting).toEqual({ done: true, value: undefined });
    expect(listening()).toBe(false);
    expect(await stream.next()).toEqual({ done: true, value: undefined });
  });

  it('ends with an error a subscriber that lets more than MAX_QUEUED_EVENTS pile up', async () => {
    const { stream, emit, listening } = source();
    void stream.next().then(() => undefined);
    for (let n = 0; n <= MAX_QUEUED_EVENTS + 1; n += 1) emit(n);
    expect(listening()).toBe(false);
    for (let n = 0; n < MAX_QUEUED_EVENTS; n += 1) await stream.next();
    await expect(stream.next()).rejects.toThrow(/fell more than/);
  });
});
