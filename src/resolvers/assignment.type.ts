/**
 * The GraphQL face of profile assignment (seed 002 "Assign a profile to devices"): the
 * `AssignmentJob` and `AssignmentOutcome` Node types and their enums, the `AssignmentPreview`
 * a dry run answers, the live `AssignmentJobProgress` the subscription sends, and the two
 * mutation payloads.
 *
 * The rules are written once, in {@link ASSIGNMENT_RULES}, and shown where clients look: the
 * mutations and the job type. A job's counts are declared once as GraphQL fields
 * ({@link WithJobCounts}) for both the job and its progress events, and copied from rows and
 * events by the one field list beside the entity (`ASSIGNMENT_JOB_COUNTS`).
 */
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import {
  ASSIGNMENT_JOB_COUNTS,
  type AssignmentJob,
  type AssignmentJobCounts,
  type AssignmentJobStatus,
  type AssignmentKind,
} from '../entities/assignment-job.entity.js';
import type { AssignmentOutcome, AssignmentResult } from '../entities/assignment-outcome.entity.js';
import { pickColumns } from '../entities/columns.js';
import { Connection } from '../schema/connection.type.js';
import { describedEnum } from '../schema/enums.js';
import type { AbstractClass } from '../schema/mixins.js';
import { toGlobalId } from '../global-id.js';
import { Node } from '../schema/node.type.js';
import { FINAL_JOB_STATUSES, pendingCountOf, PREVIEW_SAMPLE, type AssignmentPreview } from '../services/assignment/assignment.service.js';
import { APPLE_BATCH, FAILED_RETRIES, THROTTLED_RETRIES } from '../services/assignment/assignment-runner.js';
import type { AssignmentJobProgressed } from '../platform/events/event-bus.js';
import { DeviceType } from './device.type.js';
import { ENROLLMENT_PROGRAM_TOKEN_TYPE } from './token.type.js';

/** The seed's assignment rules, in the words the schema shows (numbers from the runner, so they cannot drift). */
export const ASSIGNMENT_RULES =
  `Any number of devices: Homeroom sends them to Apple in calls of at most ${APPLE_BATCH} serials, one batch after another, as a stored job that survives a restart (an interrupted job resumes with the serials not yet done), and keeps each device's result (\`outcomes\`). ` +
  `Serials Apple answers THROTTLED are sent again after Apple's \`retry_after_seconds\` (up to ${THROTTLED_RETRIES} times); FAILED ones up to ${FAILED_RETRIES} more times, waiting longer each time; then they are reported. Homeroom changes a device only once Apple accepted its serial. ` +
  'A device that already has the profile with Apple status assigned or pushed is skipped (UNCHANGED); one whose status is removed (Apple drops the profile of a device moved back to the same server) is assigned again. ' +
  'A device already activated with another profile keeps it until it is wiped: it is marked `requiresWipe`. ' +
  "Removed devices, another token's devices and unknown serials are left alone and reported.";

export const AssignmentKindEnum = describedEnum<AssignmentKind>('AssignmentKind', 'What an assignment job does at Apple.', {
  ASSIGN: 'Assigns an enrollment profile to the devices (`assignProfile`).',
  UNASSIGN: 'Removes whatever profile the devices have (`unassignProfile`).',
});

export const AssignmentJobStatusEnum = describedEnum<AssignmentJobStatus>(
  'AssignmentJobStatus',
  'How an assignment job stands or ended. SUCCEEDED, PARTIALLY_SUCCEEDED and FAILED are final.',
  {
    QUEUED: 'Stored with its devices, not started yet (a server takes it at once, or when it starts again).',
    RUNNING: 'Sending batches to Apple, or waiting for retries that are not due yet.',
    SUCCEEDED: 'Ended: every device has what was asked, changed by this job or already so.',
    PARTIALLY_SUCCEEDED:
      'Ended: some devices have what was asked and some do not (NOT_ACCESSIBLE, FAILED or THROTTLED after every retry, removed, of another token, unknown serials): `outcomes(results:)` lists them.',
    FAILED:
      'Ended without any device having what was asked, or stopped on an error (`errorCode`, `errorMessage`; serials Apple already accepted stay changed).',
  },
);

export const AssignmentResultEnum = describedEnum<AssignmentResult>(
  'AssignmentResult',
  "What became of one device in an assignment job: Apple's answer, or why it was left alone.",
  {
    PENDING: 'Not sent to Apple yet.',
    SUCCESS: 'Apple accepted: the device has the profile (ASSIGN) or none any more (UNASSIGN), at Apple and in Homeroom.',
    NOT_ACCESSIBLE: "Apple answered NOT_ACCESSIBLE: the serial is not assigned to this token's MDM server at Apple. Final.",
    FAILED: `Apple answered FAILED. With \`retryAt\` set it is sent again then (up to ${FAILED_RETRIES} retries); without, every retry failed: Apple says to contact it after 3 failures.`,
    THROTTLED: `Apple asked to wait. With \`retryAt\` set it is sent again then (after Apple's \`retry_after_seconds\`, up to ${THROTTLED_RETRIES} times); without, it was still throttled after every retry.`,
    UNCHANGED:
      'Left alone, as asked already: the device has the profile with Apple status assigned or pushed (ASSIGN), or no profile at Apple (UNASSIGN).',
    REMOVED: 'Left alone: Apple no longer lists the device for the MDM server (`removedAt` is set).',
    OTHER_TOKEN: "Left alone: the device belongs to another token's MDM server.",
    UNKNOWN_SERIAL: 'Left alone: no device has this serial number (selection by serial numbers).',
  },
);

/**
 * Share of the devices with a final result, 0 to 100 with one decimal: 100 once the job ended,
 * never 100 before (a bar that reaches the end while work remains misleads).
 */
export function percentDone(deviceCount: number, pendingCount: number, status: AssignmentJobStatus): number {
  if (FINAL_JOB_STATUSES.has(status)) return 100;
  if (deviceCount <= 0) return 0;
  return Math.min(99.9, Math.floor(((deviceCount - pendingCount) * 1000) / deviceCount) / 10);
}

/** A job's kind, status and counts, as both the job and each of its progress events show them. */
export function WithJobCounts<TBase extends AbstractClass>(Base: TBase) {
  // An object type only so its fields pass to the classes built on it; it is in the schema under no name of its own.
  @ObjectType()
  abstract class JobCounts extends Base implements AssignmentJobCounts {
    @Field(() => AssignmentKindEnum, { description: 'ASSIGN or UNASSIGN.' })
    kind!: AssignmentKind;

    @Field(() => AssignmentJobStatusEnum, {
      description: 'QUEUED, RUNNING, or how the job ended (on the last event of a job, its final status).',
    })
    status!: AssignmentJobStatus;

    @Field(() => Int, { description: 'Every device (or serial) the job concerns, whatever became of it.' })
    deviceCount!: number;

    @Field(() => Int, { description: 'Devices without a final result yet: not sent to Apple, or waiting for a retry.' })
    pendingCount!: number;

    @Field(() => Int, { description: 'Devices left as they were because they already were as asked (UNCHANGED).' })
    unchangedCount!: number;

    @Field(() => Int, { description: "Devices the job could not touch: removed, another token's, or unknown serials." })
    cannotChangeCount!: number;

    @Field(() => Int, { description: 'Devices Apple accepted (SUCCESS) so far.' })
    succeededCount!: number;

    @Field(() => Int, { description: "Serials Apple answered NOT_ACCESSIBLE: not assigned to this token's MDM server at Apple." })
    notAccessibleCount!: number;

    @Field(() => Int, { description: 'Serials still FAILED after every retry.' })
    failedCount!: number;

    @Field(() => Int, { description: 'Serials still THROTTLED after every retry.' })
    throttledCount!: number;

    @Field(() => Int, {
      description: 'Devices Apple accepted that were already activated with another profile: they pick this one up only once wiped.',
    })
    requiresWipeCount!: number;

    @Field(() => Int, { description: `Calls made to Apple so far, each of at most ${APPLE_BATCH} serials.` })
    appleCalls!: number;

    @Field(() => Float, { description: 'Share of the devices with a final result, 0 to 100 (one decimal); 100 once the job ended.' })
    percent!: number;
  }
  return JobCounts;
}

/** The GraphQL type names, which global IDs carry. */
export const ASSIGNMENT_JOB_TYPE = 'AssignmentJob';
export const ASSIGNMENT_OUTCOME_TYPE = 'AssignmentOutcome';

@ObjectType(ASSIGNMENT_JOB_TYPE, {
  implements: Node,
  description: `One profile assignment (or removal) someone asked for: which devices, how far it got and how it ended, with a result per device. ${ASSIGNMENT_RULES}`,
})
export class AssignmentJobType extends WithJobCounts(Node) {
  id!: number;

  /** Row ids; the `token` and `profile` fields resolve them. */
  tokenId!: number;
  profileId!: number | null;

  @Field(() => String, {
    description: "Who asked, as the audit log names them: an API key's name, `cli:<user>` from the command line, or `system`.",
  })
  requestedBy!: string;

  @Field(() => Date, { description: 'When the job was asked for.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When a server first started it; null while QUEUED.' })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it ended; null until then.' })
  finishedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the job stopped FAILED on an error: an ErrorCode (APPLE_UNAVAILABLE, APPLE_TOKEN_REJECTED, ...); null otherwise.',
  })
  errorCode!: string | null;

  @Field(() => String, { nullable: true, description: 'One sentence on that error, for people; null when there is none.' })
  errorMessage!: string | null;

  override get globalId(): string {
    return toGlobalId(ASSIGNMENT_JOB_TYPE, this.id);
  }

  static from(job: AssignmentJob): AssignmentJobType {
    const pendingCount = pendingCountOf(job);
    return Object.assign(new AssignmentJobType(), pickColumns(job, ASSIGNMENT_JOB_COLUMNS), {
      pendingCount,
      percent: percentDone(job.deviceCount, pendingCount, job.status),
    });
  }
}

/** What a job's GraphQL object copies from its row (`token` and `profile` are field resolvers). */
const ASSIGNMENT_JOB_COLUMNS = [
  'id',
  'tokenId',
  'profileId',
  'kind',
  'status',
  'requestedBy',
  'createdAt',
  'startedAt',
  'finishedAt',
  'errorCode',
  'errorMessage',
  ...ASSIGNMENT_JOB_COUNTS,
] as const satisfies ReadonlyArray<keyof AssignmentJobType>;

export const AssignmentJobConnection = Connection(AssignmentJobType, ASSIGNMENT_JOB_TYPE);

@ObjectType(ASSIGNMENT_OUTCOME_TYPE, {
  implements: Node,
  description: "What became of one device (or serial) in an assignment job: Apple's last answer, or why the job left it alone.",
})
export class AssignmentOutcomeType extends Node {
  id!: number;

  /** The device's row id (null for an unknown serial); the `device` field resolves it. */
  deviceId!: number | null;

  /** The device when the page that holds the outcome loaded it with the others (one query a page); undefined otherwise. */
  loadedDevice?: DeviceType | null;

  @Field(() => String, { description: 'The serial number, as sent to Apple.' })
  serialNumber!: string;

  @Field(() => AssignmentResultEnum, { description: "Apple's answer, PENDING, or why the device was left alone." })
  result!: AssignmentResult;

  @Field(() => Int, { description: 'Answers Apple gave for this serial (retries included); 0 when it was not sent.' })
  attempts!: number;

  @Field(() => Boolean, {
    description: 'Apple accepted the profile, but the device was already activated with another one: it picks this one up only once wiped.',
  })
  requiresWipe!: boolean;

  @Field(() => Date, {
    nullable: true,
    description: 'When the serial is sent to Apple again (THROTTLED or FAILED with retries left); null otherwise.',
  })
  retryAt!: Date | null;

  @Field(() => Date, { description: 'When the result last changed.' })
  updatedAt!: Date;

  override get globalId(): string {
    return toGlobalId(ASSIGNMENT_OUTCOME_TYPE, this.id);
  }

  static from(outcome: AssignmentOutcome): AssignmentOutcomeType {
    return Object.assign(new AssignmentOutcomeType(), {
      id: outcome.id,
      deviceId: outcome.deviceId,
      serialNumber: outcome.serialNumber,
      result: outcome.result,
      attempts: outcome.attempts,
      requiresWipe: outcome.requiresWipe,
      retryAt: outcome.retryAt,
      updatedAt: outcome.updatedAt,
    });
  }
}

export const AssignmentOutcomeConnection = Connection(AssignmentOutcomeType, ASSIGNMENT_OUTCOME_TYPE);

/** A value object: what a job would do now, computed for one request and never stored (nothing to refetch). */
@ObjectType('AssignmentPreview', {
  description: `What an assignment would do now, without doing it: counts, and the first ${PREVIEW_SAMPLE} devices of each kind. Nothing is stored and Apple is not called; the job, when asked for, decides again.`,
})
export class AssignmentPreviewType {
  @Field(() => AssignmentKindEnum, { description: 'ASSIGN or UNASSIGN.' })
  kind!: AssignmentKind;

  @Field(() => Int, { description: 'Devices that would be sent to Apple.' })
  willChangeCount!: number;

  @Field(() => Int, { description: 'Devices that would be left alone because they already are as asked (UNCHANGED).' })
  unchangedCount!: number;

  @Field(() => Int, { description: 'Devices that cannot change: removedCount + otherTokenCount + unknownSerialCount.' })
  cannotChangeCount!: number;

  @Field(() => Int, { description: 'Devices Apple no longer lists for the MDM server.' })
  removedCount!: number;

  @Field(() => Int, { description: "Devices of another token's MDM server." })
  otherTokenCount!: number;

  @Field(() => Int, { description: 'Serial numbers no device has (selection by serial numbers).' })
  unknownSerialCount!: number;

  @Field(() => Int, {
    description: 'Of the devices that would change, those already activated with another profile: they would need a wipe (ASSIGN only).',
  })
  requiresWipeCount!: number;

  @Field(() => [DeviceType], { description: `The first ${PREVIEW_SAMPLE} devices that would be sent to Apple, in device order.` })
  willChange!: DeviceType[];

  @Field(() => [DeviceType], { description: `The first ${PREVIEW_SAMPLE} devices that would be left alone as they are.` })
  unchanged!: DeviceType[];

  @Field(() => [DeviceType], { description: `The first ${PREVIEW_SAMPLE} devices that cannot change (removed, or of another token).` })
  cannotChange!: DeviceType[];

  @Field(() => [String], { description: `The first ${PREVIEW_SAMPLE} serial numbers no device has.` })
  unknownSerialNumbers!: string[];

  static from(preview: AssignmentPreview): AssignmentPreviewType {
    return Object.assign(new AssignmentPreviewType(), {
      kind: preview.kind,
      willChangeCount: preview.willChangeCount,
      unchangedCount: preview.unchangedCount,
      cannotChangeCount: preview.removedCount + preview.otherTokenCount + preview.unknownSerialCount,
      removedCount: preview.removedCount,
      otherTokenCount: preview.otherTokenCount,
      unknownSerialCount: preview.unknownSerialCount,
      requiresWipeCount: preview.requiresWipeCount,
      willChange: preview.willChange.map(DeviceType.from),
      unchanged: preview.unchanged.map(DeviceType.from),
      cannotChange: preview.cannotChange.map(DeviceType.from),
      unknownSerialNumbers: [...preview.unknownSerialNumbers],
    });
  }
}

/** A value object like `SyncProgress`: one moment of one job, as it was published. */
@ObjectType('AssignmentJobProgress', {
  description:
    "An assignment job moved on: sent after every batch Apple answered and saved, the last one with the job's final status. The counts are the job's at that moment.",
})
export class AssignmentJobProgressType extends WithJobCounts(Object) {
  /** Row ids, shown as global IDs. */
  jobRowId!: number;
  tokenRowId!: number;

  @Field(() => ID, { description: 'Global ID of the job (`node(id:)` or the `job` field read it as it is now).' })
  get jobId(): string {
    return toGlobalId(ASSIGNMENT_JOB_TYPE, this.jobRowId);
  }

  @Field(() => ID, { description: 'Global ID of the token whose devices the job concerns.' })
  get tokenId(): string {
    return toGlobalId(ENROLLMENT_PROGRAM_TOKEN_TYPE, this.tokenRowId);
  }

  @Field(() => Int, { description: `Serials in the batch this event reports (at most ${APPLE_BATCH}); 0 on the final event.` })
  batchSize!: number;

  @Field(() => Date, { description: 'When this happened, on the server clock.' })
  at!: Date;

  static from(event: AssignmentJobProgressed): AssignmentJobProgressType {
    return Object.assign(
      new AssignmentJobProgressType(),
      pickColumns(event, ['kind', 'status', 'batchSize', 'pendingCount', ...ASSIGNMENT_JOB_COUNTS]),
      {
        jobRowId: event.jobId,
        tokenRowId: event.tokenId,
        percent: percentDone(event.deviceCount, event.pendingCount, event.status),
        at: new Date(event.at),
      },
    );
  }
}

@ObjectType('AssignProfilePayload', { description: 'The assignment job just stored, or what it would do (`preview: true`).' })
export class AssignProfilePayload {
  @Field(() => AssignmentJobType, {
    nullable: true,
    description:
      'The job: QUEUED (it runs in the background; follow it with `assignmentJobProgressed` or refetch it), or already ended when no device needed Apple. Null for a preview.',
  })
  job!: AssignmentJobType | null;

  @Field(() => AssignmentPreviewType, { nullable: true, description: 'What the assignment would do; null unless `preview` was true.' })
  preview!: AssignmentPreviewType | null;
}

@ObjectType('UnassignProfilePayload', { description: 'The removal job just stored, or what it would do (`preview: true`).' })
export class UnassignProfilePayload {
  @Field(() => AssignmentJobType, {
    nullable: true,
    description:
      'The job: QUEUED (it runs in the background; follow it with `assignmentJobProgressed` or refetch it), or already ended when no device needed Apple. Null for a preview.',
  })
  job!: AssignmentJobType | null;

  @Field(() => AssignmentPreviewType, { nullable: true, description: 'What the removal would do; null unless `preview` was true.' })
  preview!: AssignmentPreviewType | null;
}
