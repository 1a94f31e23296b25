/**
 * Typed topics for everything Homeroom streams to subscribers.
 *
 * Services publish after their transaction commits, so a subscriber never hears of a change
 * that was rolled back. Payloads are small and JSON-safe (ids and counts, not entities): the
 * same bus runs over Redis when `REDIS_URL` is set, so an event published on one instance
 * reaches subscribers on another, and subscribers re-read rows rather than trust a stale copy.
 */
import { setMaxListeners } from 'node:events';
import type { PubSubEvent, PubSubEventTarget } from '@graphql-yoga/subscription';
import type { AssignmentJob, AssignmentJobCounts } from '../../entities/assignment-job.entity.js';
import type { EnrollmentStateName } from '../../entities/device-enrollment.entity.js';
import type { SyncRun, SyncRunCounts } from '../../entities/sync-run.entity.js';
import type { SyncPhase } from '../../entities/sync-vocabulary.js';
import { EventStream } from './event-stream.js';

export interface AuditEventRecorded {
  readonly auditEventId: number;
  readonly action: string;
}

/**
 * A device sync moved on: published after every committed page and every phase change, the
 * last one with the run's final status.
 */
export interface SyncProgressed extends Readonly<Pick<SyncRun, 'tokenId' | 'kind' | 'status'> & SyncRunCounts> {
  readonly runId: number;
  /** Where the run is now (the row's phase is written at phase changes only). */
  readonly phase: SyncPhase;
  /** 0 to 100, null when there is no estimate. */
  readonly percent: number | null;
  /** ISO 8601 time of the event (the server clock). */
  readonly at: string;
}

/**
 * An assignment job moved on: published after every batch committed (one Apple call) and when
 * it ends, the last one with its final status (a job with nothing for Apple has only that one).
 * Counts are final results so far.
 */
export interface AssignmentJobProgressed extends Readonly<Pick<AssignmentJob, 'tokenId' | 'kind' | 'status'> & AssignmentJobCounts> {
  readonly jobId: number;
  /** Serials in the batch this event reports; 0 on the final event. */
  readonly batchSize: number;
  /** Devices without a final result yet. */
  readonly pendingCount: number;
  /** ISO 8601 time of the event (the server clock). */
  readonly at: string;
}

/**
 * A user import job moved on: published after every chunk committed (users created, rows
 * reported) and when it ends, the last one with its final status (a job with no row left to
 * create has only that one).
 */
export interface UserImportJobProgressed {
  readonly jobId: number;
  /** PENDING, RUNNING, SUCCEEDED or FAILED. */
  readonly status: string;
  /** Rows in the chunk this event reports; 0 on the final event. */
  readonly chunkSize: number;
  readonly rowCount: number;
  readonly createdCount: number;
  readonly failedCount: number;
  readonly pendingCount: number;
  /** ISO 8601 time of the event (the server clock). */
  readonly at: string;
}

/**
 * A device's enrollment with Homeroom's MDM changed state: published after the change
 * committed, once per state a device passes (ENROLLING, AWAITING_CONFIGURATION, ENROLLED, FAILED,
 * UNENROLLED), never for a request that left the state as it was.
 */
export interface DeviceEnrollmentChanged {
  readonly tokenId: number;
  readonly deviceId: number;
  readonly serialNumber: string;
  /** The state entered. */
  readonly state: EnrollmentStateName;
  /** The state left (NOT_CONTACTED for a first contact). */
  readonly previousState: EnrollmentStateName;
  /** ISO 8601 time of the change (the server clock). */
  readonly at: string;
}

/**
 * A rehearsal moved on: published when it starts, each time one of its virtual iPads comes to
 * rest, and when it ends (the last one with its final status). The whole state, not a delta: a
 * rehearsal lives only in the memory of the server that runs it, with no row to re-read.
 */
export interface RehearsalProgressed {
  /** The rehearsal's key (a UUID; the global ID is made from it). */
  readonly rehearsalId: string;
  readonly tokenId: number;
  /** RUNNING, SUCCEEDED or FAILED. */
  readonly status: string;
  readonly requestedCount: number;
  readonly deviceCount: number;
  readonly concurrency: number;
  readonly doneCount: number;
  readonly enrolledCount: number;
  readonly unmanagedCount: number;
  readonly failedCount: number;
  /** Failures no injected fault explains (a rehearsal started from GraphQL injects none). */
  readonly unexpectedFailureCount: number;
  /** Failed iPads by the simulator's reason (known once the rehearsal ends). */
  readonly failures: ReadonlyArray<{ readonly reason: string; readonly count: number }>;
  readonly startedBy: string;
  /** ISO 8601. */
  readonly startedAt: string;
  /** ISO 8601; null while RUNNING. */
  readonly finishedAt: string | null;
  readonly errorMessage: string | null;
}

/**
 * An API key was revoked (published once the revocation committed): every instance closes the
 * websockets that key opened, so nothing more reaches them.
 */
export interface ApiKeyRevoked {
  readonly apiKeyId: number;
}

/** A token's sync started or ended: its cooldown and status changed. */
export interface SyncStateChanged {
  readonly tokenId: number;
}

/**
 * A token's health may have changed: its recorded status or reason (Apple's verdict, a renewal)
 * or its last Apple error. Subscribers re-read the token.
 */
export interface TokenHealthChanged {
  readonly tokenId: number;
}

/**
 * A migration without erase moved on (scheduled, updated, cancelled, Apple's activity finished,
 * or its device's enrollment advanced): published after the change committed. Subscribers re-read
 * the migration by its id.
 */
export interface MigrationProgressed {
  readonly tokenId: number;
  readonly migrationId: number;
  readonly serialNumber: string;
  /** The status now (REQUESTED, STARTED, SUCCESS, FAILED, CANCELLED). */
  readonly status: string;
  /** ISO 8601 time of the change (the server clock). */
  readonly at: string;
}

export type HomeroomTopics = {
  TOKEN_HEALTH_CHANGED: [TokenHealthChanged];
  AUDIT_EVENT_RECORDED: [AuditEventRecorded];
  SYNC_PROGRESSED: [SyncProgressed];
  SYNC_STATE_CHANGED: [SyncStateChanged];
  ASSIGNMENT_JOB_PROGRESSED: [AssignmentJobProgressed];
  USER_IMPORT_JOB_PROGRESSED: [UserImportJobProgressed];
  DEVICE_ENROLLMENT_CHANGED: [DeviceEnrollmentChanged];
  REHEARSAL_PROGRESSED: [RehearsalProgressed];
  API_KEY_REVOKED: [ApiKeyRevoked];
  MIGRATION_PROGRESSED: [MigrationProgressed];
};

export const Topic = {
  TOKEN_HEALTH_CHANGED: 'TOKEN_HEALTH_CHANGED',
  AUDIT_EVENT_RECORDED: 'AUDIT_EVENT_RECORDED',
  SYNC_PROGRESSED: 'SYNC_PROGRESSED',
  SYNC_STATE_CHANGED: 'SYNC_STATE_CHANGED',
  ASSIGNMENT_JOB_PROGRESSED: 'ASSIGNMENT_JOB_PROGRESSED',
  USER_IMPORT_JOB_PROGRESSED: 'USER_IMPORT_JOB_PROGRESSED',
  DEVICE_ENROLLMENT_CHANGED: 'DEVICE_ENROLLMENT_CHANGED',
  REHEARSAL_PROGRESSED: 'REHEARSAL_PROGRESSED',
  API_KEY_REVOKED: 'API_KEY_REVOKED',
  MIGRATION_PROGRESSED: 'MIGRATION_PROGRESSED',
} as const satisfies Record<keyof HomeroomTopics, keyof HomeroomTopics>;

/**
 * Publishes an event to every subscriber of its topic (on every instance, over Redis); each
 * `subscribe` is one subscriber's stream ({@link EventStream}: it listens from its first
 * `next()`). Every subscriber of an event receives the same object, which is what lets the
 * GraphQL layer execute an event once for many subscribers.
 */
export interface EventBus {
  publish<K extends keyof HomeroomTopics>(topic: K, payload: HomeroomTopics[K][0]): void;
  subscribe<K extends keyof HomeroomTopics>(topic: K): EventStream<HomeroomTopics[K][0]>;
}

/**
 * Where events travel when not in memory (`pubsub-redis.ts` makes the Redis one). Declared here,
 * and implemented there, so the transport depends on the bus's topics and not the other way round.
 */
export interface EventTransport {
  /** Where the bus dispatches each event and listens for every subscriber. */
  readonly eventTarget: PubSubEventTarget<HomeroomTopics>;
  /** Closes the transport's connections; pending publishes are sent first. */
  close(): Promise<void>;
}

/** A bus its owner closes on shutdown (a Redis bus holds two connections; in memory, nothing). */
export type ClosableEventBus = EventBus & { close(): Promise<void> };

/**
 * In memory by default (one process); with `redis` (see `pubsub-redis.ts`, `REDIS_URL`) every
 * event goes through Redis, so subscribers on every instance hear it. Closing the bus closes
 * the transport.
 */
export function createEventBus(options: { readonly redis?: EventTransport | null } = {}): ClosableEventBus {
  const redis = options.redis ?? null;
  const target = redis ? redis.eventTarget : inMemoryTarget();
  type Listener = (event: PubSubEvent<HomeroomTopics, keyof HomeroomTopics>) => void;
  return {
    publish(topic, payload) {
      target.dispatchEvent(new CustomEvent(topic, { detail: payload }));
    },
    subscribe<K extends keyof HomeroomTopics>(topic: K) {
      return new EventStream<HomeroomTopics[K][0]>((push) => {
        const listener: Listener = (event) => push(event.detail as HomeroomTopics[K][0]);
        target.addEventListener(topic, listener);
        return () => target.removeEventListener(topic, listener);
      });
    },
    close: async () => redis?.close(),
  };
}

/**
 * Every subscriber of a topic is one listener of its event: Node's EventTarget warns of a leak
 * past 10 of them, which 11 browser tabs on one sync would print.
 */
function inMemoryTarget(): PubSubEventTarget<HomeroomTopics> {
  const target = new EventTarget();
  setMaxListeners(0, target);
  return target as PubSubEventTarget<HomeroomTopics>;
}
