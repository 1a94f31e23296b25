/**
 * The GraphQL face of device sync (seed 002 "Sync ASM-managed devices"): the `SyncRun` Node type
 * and its enums, the token's `TokenSyncStatus`, the live `SyncProgress` and `SyncCooldown` values
 * the subscriptions send, and the `syncDevices` payload.
 *
 * The rules are written once, in {@link SYNC_RULES}, and shown where clients look: the mutation
 * and the kind enum. A run's counts are declared once as GraphQL fields ({@link WithSyncCounts})
 * for both the run and its progress events, and copied from rows and events by the one field
 * list beside the entity (`SYNC_RUN_COUNTS`).
 */
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { pickColumns } from '../entities/columns.js';
import { SYNC_RUN_COUNTS, type SyncRun, type SyncRunCounts } from '../entities/sync-run.entity.js';
import type { FallbackReason, SyncKind, SyncPhase, SyncRunStatus, SyncTrigger } from '../entities/sync-vocabulary.js';
import { Connection } from '../schema/connection.type.js';
import { describedEnum } from '../schema/enums.js';
import type { AbstractClass } from '../schema/mixins.js';
import { toGlobalId } from '../global-id.js';
import { Node } from '../schema/node.type.js';
import { percentOf } from '../services/sync/sync-rules.js';
import type { SyncProgressView, SyncStatus } from '../services/sync/sync.service.js';
import { ENROLLMENT_PROGRAM_TOKEN_TYPE } from './token.type.js';

/** The seed's sync rules, in the words the schema shows. */
export const SYNC_RULES =
  'A FULL sync refreshes every serial Apple assigns to the MDM server and marks the ones it no longer lists as removed; a token gets at most one every 7 days. ' +
  "A sync asked for within 7 days of the last full one is LIMITED: it adds serials Homeroom does not know yet and marks removed ones (Apple's sync cursor), without refreshing known serials; if Apple says the cursor expired or is invalid, it falls back to a full sync and records why (`fallbackReason`). " +
  'Every run has 15 minutes: meanwhile another request gets SYNC_IN_PROGRESS, and after them an unfinished run is TIMED_OUT and syncing is allowed again. ' +
  "On top of that, at most one manual sync (`syncDevices`) per 15 minutes, counted from the previous manual one's start: sooner gets SYNC_TOO_SOON (Intune's rule). " +
  'A LIMITED run that FAILED or TIMED_OUT makes the next sync asked for FULL (`fallbackReason` PREVIOUS_LIMITED_FAILED), and a failed FULL one stays due (PREVIOUS_FULL_FAILED), until a full run succeeds. ' +
  'Homeroom also runs an AUTOMATIC sync (new and removed serials) of every token every 24 hours (AUTOMATIC_SYNC_INTERVAL_HOURS), and the first sync when a token is uploaded. ' +
  "New serials get the token's default enrollment profile at Apple in the same run.";

export const SyncKindEnum = describedEnum<SyncKind>('SyncKind', `What a sync run does. ${SYNC_RULES}`, {
  FULL: 'Lists every serial Apple assigns to the MDM server from the start, refreshes each, and marks the ones not listed as removed. At most once per 7 days per token.',
  LIMITED:
    "Asked for within 7 days of the last full sync: Apple's changes since the last run (sync cursor): adds unknown serials, marks removed ones, leaves known serials as they are.",
  AUTOMATIC: 'Started by Homeroom every 24 hours (configurable): like LIMITED, new and removed serials only.',
});

export const SyncTriggerEnum = describedEnum<SyncTrigger>('SyncTrigger', 'Why a sync run started.', {
  MANUAL: 'Someone asked for it (`syncDevices`).',
  SCHEDULED: 'The automatic sync, every 24 hours by default.',
  TOKEN_UPLOADED: 'The first sync of a token just uploaded.',
});

export const SyncRunStatusEnum = describedEnum<SyncRunStatus>('SyncRunStatus', 'How a sync run stands or ended.', {
  RUNNING: 'In progress, within its 15 minutes.',
  SUCCEEDED: 'Finished: every page Apple sent is saved.',
  FAILED: 'Stopped on an error (`errorCode`, `errorMessage`); the pages saved before stay, and the next run continues from there.',
  TIMED_OUT: 'Did not finish within its 15 minutes; syncing is allowed again and the next run continues from the last page saved.',
});

export const SyncPhaseEnum = describedEnum<SyncPhase>('SyncPhase', 'Where a sync run is.', {
  FETCHING: 'Listing every serial of the MDM server, page by page (full sync).',
  SYNCING: "Reading Apple's changes since the last run, page by page.",
  MARKING_REMOVED: 'Marking serials the full listing did not include as removed.',
  ASSIGNING_DEFAULT_PROFILE: "Assigning the token's default profile to new serials at Apple (batches of 1000).",
  DONE: 'Ended; `status` says how.',
});

export const SyncFallbackReasonEnum = describedEnum<FallbackReason>(
  'SyncFallbackReason',
  'Why a run asked for as LIMITED or AUTOMATIC listed everything instead (its kind is FULL).',
  {
    NO_CURSOR: 'No sync cursor is stored yet: only a full listing can start.',
    RESUMED_FULL_SYNC: 'A full listing stopped part way (crash, timeout, Apple failure); this run continues it from its last saved page.',
    EXPIRED_CURSOR: 'Apple answered EXPIRED_CURSOR (the cursor is older than 7 days): listing again from the start.',
    INVALID_CURSOR: 'Apple answered INVALID_CURSOR: listing again from the start.',
    PREVIOUS_LIMITED_FAILED:
      "The last LIMITED run FAILED or TIMED_OUT, so changes may have been missed: the next sync asked for is FULL (Intune's rule), until a full one succeeds.",
    PREVIOUS_FULL_FAILED: 'The last FULL run FAILED or TIMED_OUT: the full sync is still due, whatever the 7-day calendar says.',
  },
);

export const SyncStateEnum = describedEnum<SyncStatus['state']>('SyncState', 'Whether a sync of the token is running now.', {
  IDLE: 'No run holds the token: a sync may start now.',
  RUNNING: 'A run holds the token until it ends or its 15 minutes are over (`syncAvailableAt`).',
});

/** The counts of a run, as both the run and each of its progress events show them. */
export function WithSyncCounts<TBase extends AbstractClass>(Base: TBase) {
  // An object type only so its fields pass to the classes built on it; it is in the schema under no name of its own.
  @ObjectType()
  abstract class SyncCounts extends Base implements SyncRunCounts {
    @Field(() => Int, { description: 'Pages of devices received from Apple and saved so far.' })
    pages!: number;

    @Field(() => Int, { description: 'Device records Apple sent in those pages.' })
    devicesSeen!: number;

    @Field(() => Int, { description: 'Serials Homeroom did not know before this run.' })
    devicesAdded!: number;

    @Field(() => Int, { description: 'Known serials whose fields were refreshed (full sync).' })
    devicesUpdated!: number;

    @Field(() => Int, { description: 'Serials marked removed: Apple no longer lists them for this MDM server.' })
    devicesRemoved!: number;

    @Field(() => Int, { description: "New serials that got the token's default profile at Apple." })
    defaultProfileAssigned!: number;

    @Field(() => Int, {
      nullable: true,
      description: 'How many devices the run expects to see (the last full sync listed that many); null when unknown.',
    })
    estimatedTotal!: number | null;

    @Field(() => Float, {
      nullable: true,
      description: 'Progress from 0 to 100 (devicesSeen of estimatedTotal; 100 once SUCCEEDED); null when there is no estimate.',
    })
    percent!: number | null;
  }
  return SyncCounts;
}

/** The GraphQL type name, which global IDs carry (the entity has the class name `SyncRun`). */
export const SYNC_RUN_TYPE = 'SyncRun';

@ObjectType(SYNC_RUN_TYPE, {
  implements: Node,
  description: 'One device sync of one token: its kind, why it ran, how far it got and how it ended. The rules are on `SyncKind`.',
})
export class SyncRunType extends WithSyncCounts(Node) {
  id!: number;

  /** The token's row id; the `token` field resolves it. */
  tokenId!: number;

  @Field(() => SyncKindEnum, { description: 'FULL, LIMITED or AUTOMATIC, as the rules chose it.' })
  kind!: SyncKind;

  @Field(() => SyncTriggerEnum, { description: 'Why the run started.' })
  trigger!: SyncTrigger;

  @Field(() => SyncRunStatusEnum, { description: 'RUNNING, or how the run ended.' })
  status!: SyncRunStatus;

  @Field(() => SyncPhaseEnum, { description: 'Where the run is (DONE once ended).' })
  phase!: SyncPhase;

  @Field(() => Date, { description: 'When the run started.' })
  startedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the run ended; null while RUNNING.' })
  finishedAt!: Date | null;

  @Field(() => Date, { description: 'startedAt + 15 minutes: a run still RUNNING then is TIMED_OUT, and another may start.' })
  deadlineAt!: Date;

  @Field(() => SyncFallbackReasonEnum, {
    nullable: true,
    description: 'Why a run asked for as LIMITED or AUTOMATIC became a FULL listing; null when it ran as asked.',
  })
  fallbackReason!: FallbackReason | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why the run FAILED or TIMED_OUT: an ErrorCode (APPLE_UNAVAILABLE, APPLE_TOKEN_REJECTED, ...) or TIMED_OUT / INTERRUPTED; null otherwise.',
  })
  errorCode!: string | null;

  @Field(() => String, { nullable: true, description: 'One sentence on the failure, for people; null when there is none.' })
  errorMessage!: string | null;

  override get globalId(): string {
    return toGlobalId(SYNC_RUN_TYPE, this.id);
  }

  static from(run: SyncRun): SyncRunType {
    return Object.assign(new SyncRunType(), pickColumns(run, SYNC_RUN_COLUMNS), {
      percent: percentOf(run.devicesSeen, run.estimatedTotal, run.status === 'SUCCEEDED'),
    });
  }
}

/** What a run's GraphQL object copies from its row (the `token` relation is a field resolver). */
const SYNC_RUN_COLUMNS = [
  'id',
  'tokenId',
  'kind',
  'trigger',
  'status',
  'phase',
  'startedAt',
  'finishedAt',
  'deadlineAt',
  'fallbackReason',
  'errorCode',
  'errorMessage',
  ...SYNC_RUN_COUNTS,
] as const satisfies ReadonlyArray<keyof SyncRunType>;

export const SyncRunConnection = Connection(SyncRunType, SYNC_RUN_TYPE);

/**
 * Not a Node: a value computed for one token now, with no identity of its own (refetch the
 * token instead). The schema test exempts value objects named `*Status`, `*Cooldown`, `*Progress`.
 */
@ObjectType('TokenSyncStatus', {
  description:
    "Where a token's device syncing stands now: the 15-minute window of a running run and the 7-day rhythm of full syncs (rules on `SyncKind`).",
})
export class TokenSyncStatusType {
  @Field(() => SyncStateEnum, { description: 'RUNNING while a run holds the token, else IDLE.' })
  state!: SyncStatus['state'];

  @Field(() => Date, { nullable: true, description: 'When the last run ended, however it ended; null if none has.' })
  lastSyncAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the last run that SUCCEEDED ended; null if none has.' })
  lastSuccessfulSyncAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the last full listing began; null if there was none.' })
  lastFullSyncAt!: Date | null;

  @Field(() => Date, {
    description:
      'From when a sync asked for is a FULL one (7 days after the last full sync, or now after a failed LIMITED or FULL run); now or earlier when it already would be.',
  })
  nextFullSyncAvailableAt!: Date;

  @Field(() => Date, {
    description:
      "From when a manual sync (`syncDevices`) may start: the later of the running run's deadline and 15 minutes after the last manual sync started; now (or earlier) when one may start now. Earlier requests get SYNC_IN_PROGRESS while a run holds the token, else SYNC_TOO_SOON.",
  })
  syncAvailableAt!: Date;

  @Field(() => SyncRunType, { nullable: true, description: 'The run holding the token; null when IDLE.' })
  currentRun!: SyncRunType | null;

  static from(status: SyncStatus): TokenSyncStatusType {
    return Object.assign(new TokenSyncStatusType(), {
      state: status.state,
      lastSyncAt: status.lastSyncAt,
      lastSuccessfulSyncAt: status.lastSuccessfulSyncAt,
      lastFullSyncAt: status.lastFullSyncAt,
      nextFullSyncAvailableAt: status.nextFullSyncAvailableAt,
      syncAvailableAt: status.syncAvailableAt,
      currentRun: status.currentRun && SyncRunType.from(status.currentRun),
    });
  }
}

/** A value object like {@link TokenSyncStatusType}: the countdowns of one token at one second. */
@ObjectType('SyncCooldown', {
  description:
    'How long until a token may sync, and until a sync would be FULL, on the server clock: what a progress bar of the time you must wait shows. `syncCooldown` sends it live.',
})
export class SyncCooldownType {
  @Field(() => Int, {
    description:
      'Seconds until a manual sync may start: the running run reaches its 15-minute deadline (or ends earlier), and 15 minutes have passed since the last manual sync started; 0 when one may start now.',
  })
  syncAvailableInSeconds!: number;

  @Field(() => Int, {
    description:
      'Seconds until a sync asked for is FULL (7 days after the last full sync, or now after a failed run; never before a sync may start); 0 when it would be now. While it is above 0 and syncAvailableInSeconds is 0, a LIMITED sync is available.',
  })
  fullSyncAvailableInSeconds!: number;

  @Field(() => Boolean, { description: 'True while a run holds the token.' })
  running!: boolean;
}

/**
 * A value object like {@link TokenSyncStatusType}: one moment of one run, as it was published,
 * or (the first value a subscriber gets) the token's state when it subscribed.
 */
@ObjectType('SyncProgress', {
  description:
    "A sync run moved on: sent after every page saved and at every phase change, the last one with the run's final status. The counts are the run's at that moment. The first value a subscription gets is a snapshot (`snapshot: true`) of where the token stands.",
})
export class SyncProgressType extends WithSyncCounts(Object) {
  /** Row ids, shown as global IDs; `runRowId` is null only on the snapshot of a token that never synced. */
  tokenRowId!: number;
  runRowId!: number | null;

  @Field(() => Boolean, {
    description:
      'True on the first value, sent when the subscription starts: the running run as it stands (status RUNNING), or, when none runs, the last run as it ended (phase DONE: the token is idle), or, for a token that never synced, no run at all (runId, kind and status null). False on every later value, each a step of a run.',
  })
  snapshot!: boolean;

  @Field(() => ID, { description: 'Global ID of the token.' })
  get tokenId(): string {
    return toGlobalId(ENROLLMENT_PROGRAM_TOKEN_TYPE, this.tokenRowId);
  }

  @Field(() => ID, {
    nullable: true,
    description:
      'Global ID of the run (`node(id:)` or the `run` field read it as it is now); null only on the snapshot of a token that never synced.',
  })
  get runId(): string | null {
    return this.runRowId === null ? null : toGlobalId(SYNC_RUN_TYPE, this.runRowId);
  }

  @Field(() => SyncKindEnum, {
    nullable: true,
    description: 'The kind of the run; null only on the snapshot of a token that never synced.',
  })
  kind!: SyncKind | null;

  @Field(() => SyncRunStatusEnum, {
    nullable: true,
    description: 'RUNNING, or the final status on the last event of the run; null only on the snapshot of a token that never synced.',
  })
  status!: SyncRunStatus | null;

  @Field(() => SyncPhaseEnum, { description: 'Where the run is; DONE on the last event (and on an idle snapshot).' })
  phase!: SyncPhase;

  @Field(() => Date, { description: 'When this happened (for a snapshot: when it was taken), on the server clock.' })
  at!: Date;

  static from(view: SyncProgressView): SyncProgressType {
    return Object.assign(
      new SyncProgressType(),
      pickColumns(view, ['snapshot', 'kind', 'status', 'phase', 'percent', ...SYNC_RUN_COUNTS]),
      {
        tokenRowId: view.tokenId,
        runRowId: view.runId,
        at: new Date(view.at),
      },
    );
  }
}

@ObjectType('SyncDevicesPayload', { description: 'The sync run just started.' })
export class SyncDevicesPayload {
  @Field(() => SyncRunType, {
    description: 'The run, RUNNING, with the kind the rules chose; follow it with `syncProgressed` or refetch it with `node(id:)`.',
  })
  run!: SyncRunType;
}
