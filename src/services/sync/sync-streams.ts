/**
 * The two live values of a token's syncing, as streams of plain data (the GraphQL layer only
 * maps them): `progressFromNow`, a snapshot of where the token stands and then each step of its
 * runs, and `cooldownFromNow`, its countdowns.
 *
 * Countdown values come from the one rule, {@link cooldownOf} (the running run's lease, the
 * 15-minute manual floor, the 7-day calendar), applied to the token's sync columns and the
 * clock. The columns are read from the database only on subscribe, on a SYNC_STATE_CHANGED of
 * the token, and when the running run's 15 minutes are up (the read marks it TIMED_OUT); the
 * once-a-second ticks in between cost no query.
 */
import { Repeater } from '@graphql-yoga/subscription';
import { Topic, type SyncProgressed } from '../../platform/events/event-bus.js';
import { snapshotThenEvents } from '../../platform/events/snapshot-stream.js';
import type { Ticker } from '../../platform/ticker.js';
import type { ServiceDependencies } from '../service-dependencies.js';
import { cooldownOf, type SyncColumns } from './sync-rules.js';
import { NO_SYNC_PROGRESS, type SyncCooldown, type SyncProgressView } from './sync-types.js';

/** What the streams read through the sync service. */
export interface SyncReads {
  /** The running run's progress, else the last run's as it ended; null when the token never synced. */
  progressNow(tokenId: number): Promise<SyncProgressed | null>;
  /** The token's sync columns, an overdue run marked TIMED_OUT first. */
  syncTimes(tokenId: number): Promise<SyncColumns>;
}

export type SyncStreamDependencies = Pick<ServiceDependencies, 'clock' | 'events'> & { readonly ticker: Ticker };

/** Monotonic in a run's life (every count only grows): a published event below the snapshot's is older than it. */
function progressMade(event: SyncProgressed): number {
  return event.pages + event.devicesSeen + event.devicesAdded + event.devicesUpdated + event.devicesRemoved + event.defaultProfileAssigned;
}

/** Each published event's view, made once: every subscriber then yields the same object, which lets the GraphQL layer execute it once for all. */
const liveViews = new WeakMap<SyncProgressed, SyncProgressView>();

function liveViewOf(event: SyncProgressed): SyncProgressView {
  let view = liveViews.get(event);
  if (!view) liveViews.set(event, (view = { ...event, snapshot: false }));
  return view;
}

/**
 * A snapshot of where the token stands first, then its SYNC_PROGRESSED events as published.
 * Steps the snapshot already covers (its run's, with less progress, or every one of a run it
 * shows ended) are not sent again.
 */
export function progressFromNow(reads: SyncReads, deps: SyncStreamDependencies, tokenId: number): AsyncIterable<SyncProgressView> {
  let now: SyncProgressed | null = null;
  return snapshotThenEvents(
    deps.events.subscribe(Topic.SYNC_PROGRESSED),
    async (): Promise<SyncProgressView> => {
      now = await reads.progressNow(tokenId);
      if (now) return { ...now, snapshot: true };
      return { ...NO_SYNC_PROGRESS, tokenId, at: deps.clock.now().toISOString(), snapshot: true };
    },
    (event) => {
      if (event.tokenId !== tokenId) return null;
      const covered = now !== null && event.runId === now.runId && (now.status !== 'RUNNING' || progressMade(event) < progressMade(now));
      return covered ? null : liveViewOf(event);
    },
  );
}

/**
 * The token's countdowns: the first value at once, then a value whenever it changes: on a
 * SYNC_STATE_CHANGED of the token, and on each tick while a countdown is above 0 (no ticks
 * otherwise). A value equal to the last one sent is not sent again.
 */
export function cooldownFromNow(reads: SyncReads, deps: SyncStreamDependencies, tokenId: number): AsyncIterable<SyncCooldown> {
  const { clock, events, ticker } = deps;
  return new Repeater<SyncCooldown>(async (push, stop) => {
    let times: SyncColumns | null = null;
    let lastSent = '';
    // Typed by assertion: TypeScript cannot see the closures below assign it.
    let stopTicking = null as (() => void) | null;
    /** The deadline already re-read once it passed, so an overdue run costs one query, not one per tick. */
    let deadlineRead: number | null = null;
    let queue = Promise.resolve();

    const send = (): void => {
      if (!times) return;
      const value = cooldownOf(times, clock.now());
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
      (queue = queue
        .then(async () => {
          times = await reads.syncTimes(tokenId);
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
