/**
 * The shape every "state now, then changes" subscription shares: listen to the bus first, then
 * read the snapshot, then pass on the events as they come. Listening before the read means no
 * change between the two is missed; a subscriber may see a change the snapshot already shows,
 * and `step` decides what to do with each event (drop it with null).
 *
 * A plain iterator, not a Repeater: one event reaches every subscriber of a topic, and each hop
 * of a Repeater costs promises per delivery. A client leaving a quiet stream still ends it at
 * once: `return()` ends the bus stream, whose waiting `next()` then resolves as done.
 */
import { Repeater } from '@graphql-yoga/subscription';

/** The snapshot first, then each event `step` keeps (null drops one), until the client leaves or the events end. */
export function snapshotThenEvents<E, V>(
  events: AsyncIterable<E>,
  snapshot: () => Promise<V>,
  step: (event: E) => V | null | Promise<V | null>,
): AsyncIterableIterator<V, undefined> {
  const iterator = events[Symbol.asyncIterator]();
  let started = false;
  let ended = false;
  /** The bus's first `next()`, taken before the snapshot was read. */
  let pending: Promise<IteratorResult<E>> | null = null;
  const end = async (): Promise<IteratorReturnResult<undefined>> => {
    if (!ended) {
      ended = true;
      await iterator.return?.();
    }
    return { done: true, value: undefined };
  };
  const stream: AsyncIterableIterator<V, undefined> = {
    async next() {
      if (ended) return { done: true, value: undefined };
      try {
        if (!started) {
          started = true;
          // A pub/sub subscription starts listening on its first `next()`: before the read.
          const first = iterator.next();
          first.catch(() => undefined);
          pending = first;
          return { done: false, value: await snapshot() };
        }
        for (;;) {
          const next = await (pending ?? iterator.next());
          pending = null;
          if (next.done || ended) return await end();
          const value = await step(next.value);
          if (value !== null) return { done: false, value };
        }
      } catch (error) {
        await end();
        throw error;
      }
    },
    return: end,
    async throw(error?: unknown) {
      await end();
      throw error;
    },
    [Symbol.asyncIterator]: () => stream,
  };
  return stream;
}

/**
 * A job's progress from now until it ends: `snapshot` first, then each event `step` keeps
 * (null drops one the snapshot already covers), closing after the first value `ended` says is
 * final, at once when the snapshot already is. The caller opened `events` before it read the
 * snapshot and hands over that first `next()` as `pending`, so nothing in between is missed.
 */
export function progressUntilEnded<E, V>(
  events: AsyncIterator<E, undefined>,
  pending: Promise<IteratorResult<E, undefined>>,
  snapshot: V,
  step: (event: E) => V | null,
  ended: (value: V) => boolean,
): AsyncIterable<V> {
  return new Repeater<V>(async (push, stop) => {
    void stop.then(() => events.return?.());
    let next = pending;
    try {
      await push(snapshot);
      if (ended(snapshot)) return stop();
      for (;;) {
        const result = await Promise.race([next, stop.then(() => null)]);
        if (result === null || result.done) break;
        next = events.next();
        const value = step(result.value);
        if (value === null) continue;
        await push(value);
        if (ended(value)) break;
      }
    } catch (error) {
      stop(error);
    }
    stop();
  });
}

/** Events opened before their snapshot was read: the first `next()` still pending, and the snapshot. */
export interface ListenedSnapshot<E, S> {
  readonly events: AsyncIterator<E, undefined>;
  readonly pending: Promise<IteratorResult<E, undefined>>;
  readonly snapshot: S;
}

/**
 * Opens `events` (a pub/sub subscription listens from its first `next()`), then reads the
 * snapshot, so no event between the two is missed: what {@link progressUntilEnded} is handed.
 * Null, with the listener closed, when there is nothing to follow; a failed read closes it too.
 */
export async function listenThenRead<E, S>(
  events: AsyncIterable<E>,
  read: () => S | null | Promise<S | null>,
): Promise<ListenedSnapshot<E, S> | null> {
  const iterator = events[Symbol.asyncIterator]() as AsyncIterator<E, undefined>;
  const pending = iterator.next();
  let snapshot: S | null;
  try {
    snapshot = await read();
  } catch (error) {
    await iterator.return?.();
    throw error;
  }
  if (snapshot === null) {
    await iterator.return?.();
    return null;
  }
  return { events: iterator, pending, snapshot };
}
