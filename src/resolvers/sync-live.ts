/**
 * The live streams behind the sync subscriptions: `syncProgressed` (a snapshot of the token's
 * syncing, then the bus's SYNC_PROGRESSED events of the token) and `syncCooldown` (a token's countdowns: at once, on every change, and
 * once a second while one runs).
 *
 * A subscription's `subscribe` function gets no resolver instance, so no services: the server
 * registers what the streams need against its schema ({@link serveLiveSync}), and the streams
 * find it through `info.schema`. Two servers in one process keep their own.
 *
 * The once-a-second wake-up is a {@link Ticker}, injected like the clock: tests drive a
 * {@link ManualTicker} and move a ManualClock, and nothing waits for real time. Countdown
 * values are computed by the sync service's one rule (`cooldownOf` in `sync-rules.ts`: the running
 * run's lease, the 15-minute manual floor, the 7-day calendar) from the server clock and the
 * token's times, read from the database only
 * on subscribe, on a SYNC_STATE_CHANGED of the token, and when the running run's 15 minutes
 * are up (the read marks it TIMED_OUT); ticks cost no query.
 */
import { filter, pipe, Repeater } from '@graphql-yoga/subscription';
import type { GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import { Topic, type SyncProgressed } from '../platform/events/event-bus.js';
import type { Services } from '../services/services.js';
import { cooldownOf as cooldownRule, type SyncColumns } from '../services/sync/sync.service.js';
import { SyncProgressType, type SyncCooldownType } from './sync.type.js';

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

export interface LiveSyncSources {
  readonly services: Services;
  readonly ticker: Ticker;
}

const sourcesBySchema = new WeakMap<GraphQLSchema, LiveSyncSources>();

/** Makes `schema`'s sync subscriptions work with these services and ticker (server start). */
export function serveLiveSync(schema: GraphQLSchema, sources: LiveSyncSources): void {
  sourcesBySchema.set(schema, sources);
}

export function liveSyncOf(info: GraphQLResolveInfo): LiveSyncSources {
  const sources = sourcesBySchema.get(info.schema);
  if (!sources) throw new Error('sync subscriptions need serveLiveSync(schema, ...) at server start');
  return sources;
}

/** The token's SYNC_PROGRESSED events, as published (every run, for as long as the client listens). */
export function progressOf(sources: LiveSyncSources, tokenId: number): AsyncIterable<SyncProgressed> {
  return pipe(
    sources.services.deps.events.subscribe(Topic.SYNC_PROGRESSED),
    filter((event: SyncProgressed) => event.tokenId === tokenId),
  );
}

/** Monotonic in a run's life (every count only grows): a published event below the snapshot's is older than it. */
function progressMade(event: SyncProgressed): number {
  return event.pages + event.devicesSeen + event.devicesAdded + event.devicesUpdated + event.devicesRemoved + event.defaultProfileAssigned;
}

/**
 * `syncProgressed`'s stream: a snapshot of where the token stands first (`SyncService.progressNow`),
 * then its SYNC_PROGRESSED events as published. The bus is listened to before the snapshot is
 * read, so no step after the snapshot is missed; steps the snapshot already covers (its run's,
 * with less progress, or every one of a run it shows ended) are not sent again.
 */
export function progressFromNow(sources: LiveSyncSources, tokenId: number): AsyncIterable<SyncProgressType> {
  return new Repeater<SyncProgressType>(async (push, stop) => {
    const events = progressOf(sources, tokenId)[Symbol.asyncIterator]();
    // A pub/sub subscription starts listening on its first `next()`.
    let pending = events.next();
    void stop.then(() => events.return?.());
    try {
      const now = await sources.services.sync.progressNow(tokenId);
      await push(now ? SyncProgressType.from(now, true) : SyncProgressType.neverSynced(tokenId, sources.services.deps.clock.now()));
      for (;;) {
        const step = await Promise.race([pending, stop.then(() => null)]);
        if (step === null || step.done) break;
        pending = events.next();
        const event = step.value;
        const covered = now !== null && event.runId === now.runId && (now.status !== 'RUNNING' || progressMade(event) < progressMade(now));
        if (!covered) await push(SyncProgressType.from(event));
      }
    } catch (error) {
      stop(error);
    }
    stop();
  });
}

/**
 * The token's countdowns: the first value at once, then a value whenever it changes: on a
 * SYNC_STATE_CHANGED of the token, and on each tick while a countdown is above 0 (no ticks
 * otherwise). A value equal to the last one sent is not sent again.
 */
export function cooldownOf(sources: LiveSyncSources, tokenId: number): AsyncIterable<SyncCooldownType> {
  const { services, ticker } = sources;
  const { clock, events } = services.deps;
  return new Repeater<SyncCooldownType>(async (push, stop) => {
    let times: SyncColumns | null = null;
    let lastSent = '';
    // Typed by assertion: TypeScript cannot see the closures below assign it.
    let stopTicking = null as (() => void) | null;
    /** The deadline already re-read once it passed, so an overdue run costs one query, not one per tick. */
    let deadlineRead: number | null = null;
    let reads = Promise.resolve();

    const send = (): void => {
      if (!times) return;
      const now = clock.now();
      // The service's one rule (lease, manual floor, 7-day calendar), applied to the times read last.
      const value: SyncCooldownType = cooldownRule(times, now);
      const key = `${value.syncAvailableInSeconds}/${value.fullSyncAvailableInSeconds}/${value.running}`;
      if (key !== lastSent) {
        lastSent = key;
        push(value).catch(() => undefined);
      }
      const counting = value.syncAvailableInSeconds > 0 || value.fullSyncAvailableInSeconds > 0;
      if (counting && !stopTicking) stopTicking = ticker.onTick(send);
      if (!counting && stopTicking) {
        stopTicking();
        stopTicking = null;
      }
      // The run's 15 minutes are up: the database read marks it TIMED_OUT (or shows it ended).
      const deadline = times.syncLeaseUntil?.getTime() ?? null;
      if (times.syncLeaseRunId !== null && deadline !== null && !value.running && deadlineRead !== deadline) {
        deadlineRead = deadline;
        void read();
      }
    };
    /** Reads the token's times again; reads run one after another, so the last answer wins. */
    const read = (): Promise<void> =>
      (reads = reads
        .then(async () => {
          times = await services.sync.syncTimes(tokenId);
          send();
        })
        .catch((error: unknown) => stop(error)));

    // Listen before the first read, so a change between the two is not missed.
    const changes = events.subscribe(Topic.SYNC_STATE_CHANGED);
    void (async () => {
      for await (const change of changes) if (change.tokenId === tokenId) void read();
    })().catch((error: unknown) => stop(error));
    await read();
    await stop;
    stopTicking?.();
    await changes.return?.();
  });
}
