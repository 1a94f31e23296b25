/**
 * Batched reads for field resolvers: every `loadBatched` call with one name made while a
 * request's resolvers run in one turn becomes one `loadMany` call, whatever the number of parent
 * objects (a page of 500 devices asks for its enrollments once).
 *
 * Unlike `oncePerRequest` (`device.resolver.ts`), nothing is kept once a batch is answered. A graphql-ws
 * subscription runs every event with the context of its operation, so a cache keyed on the
 * context would show the first event's rows for as long as the client listens; a batch lives for
 * one turn only, and each event reads what is current.
 */
import type { GraphQLContext } from '../schema/context.js';

interface Batch<K, V> {
  readonly keys: Set<K>;
  readonly answer: Promise<ReadonlyMap<K, V>>;
}

const pending = new WeakMap<object, Map<string, Batch<unknown, unknown>>>();

/**
 * Runs `dispatch` once every promise job queued now has run, and the ones those queue: graphql-js
 * calls the resolvers of a list's items from one turn, but each through a few awaits (the
 * permission middleware), so a batch has to outwait them. A microtask, then a tick: the tick
 * runs only when the microtask queue is empty (DataLoader's schedule).
 */
function afterPromiseJobs(dispatch: () => void): void {
  void Promise.resolve().then(() => process.nextTick(dispatch));
}

/**
 * The value `loadMany` gives `key`, from one `loadMany` call per batch (`undefined` when its map
 * has no entry for the key). The batch's first caller's `loadMany` answers it: every caller
 * naming one `name` must read the same thing.
 */
export function loadBatched<K, V>(
  ctx: GraphQLContext,
  name: string,
  key: K,
  loadMany: (keys: readonly K[]) => Promise<ReadonlyMap<K, V>>,
): Promise<V | undefined> {
  let batches = pending.get(ctx);
  if (!batches) pending.set(ctx, (batches = new Map()));
  let batch = batches.get(name) as Batch<K, V> | undefined;
  if (!batch) {
    const keys = new Set<K>();
    const owner = batches;
    const answer = new Promise<ReadonlyMap<K, V>>((resolve, reject) =>
      afterPromiseJobs(() => {
        // Closed before the read starts: a key asked for while it runs starts the next batch.
        owner.delete(name);
        loadMany([...keys]).then(resolve, reject);
      }),
    );
    batch = { keys, answer };
    batches.set(name, batch as Batch<unknown, unknown>);
  }
  batch.keys.add(key);
  return batch.answer.then((found) => found.get(key));
}
