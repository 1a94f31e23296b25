/**
 * The shape every "state now, then changes" subscription shares: listen to the bus first, then
 * read the snapshot, then pass on the events as they come. Listening before the read means no
 * change between the two is missed; a subscriber may see a change the snapshot already shows,
 * and `step` decides what to do with each event (drop it with null).
 *
 * The stream is a Repeater: a client leaving a quiet stream ends it at once (an async generator
 * waiting on the bus could not be returned until the next event).
 */
import { Repeater } from '@graphql-yoga/subscription';

export function snapshotThenEvents<E, V>(
  events: AsyncIterable<E>,
  snapshot: () => Promise<V>,
  step: (event: E) => V | null | Promise<V | null>,
): AsyncIterable<V> {
  return new Repeater<V>(async (push, stop) => {
    const iterator = events[Symbol.asyncIterator]();
    // A pub/sub subscription starts listening on its first `next()`.
    let pending = iterator.next();
    void stop.then(() => iterator.return?.());
    try {
      await push(await snapshot());
      for (;;) {
        const next = await Promise.race([pending, stop.then(() => null)]);
        if (next === null || next.done) break;
        pending = iterator.next();
        const value = await step(next.value);
        if (value !== null) await push(value);
      }
    } catch (error) {
      stop(error);
    }
    stop();
  });
}
