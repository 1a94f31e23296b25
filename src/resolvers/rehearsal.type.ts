/**
 * The GraphQL face of rehearsals started from the API: the `Rehearsal` Node type, its failures by
 * reason, what `rehearsalSupport` answers, the live `RehearsalProgress` the subscription sends,
 * and the `startRehearsal` payload. A rehearsal lives in the memory of the server running it (see
 * `services/rehearsal/rehearsal.service.ts` for why), so its global ID carries a UUID, not a row key.
 */
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { toGlobalId } from '../global-id.js';
import type { RehearsalProgressed } from '../platform/events/event-bus.js';
import { describedEnum } from '../schema/enums.js';
import { Node } from '../schema/node.type.js';
import {
  MAX_REHEARSAL_COUNT,
  REHEARSAL_TYPE,
  type Rehearsal,
  type RehearsalAvailability,
  type RehearsalStatus,
} from '../services/rehearsal/rehearsal.service.js';

/** How a rehearsal runs, in the words the schema shows. */
export const REHEARSAL_RULES = `Only with the built-in Apple simulator (\`APPLE_DEP_URL=simulator\`, development and demos). Virtual iPads of the token power on in this server's process and speak to Homeroom over HTTP only, at the enrollment URLs the simulated Apple gives them, as \`homeroom simulate devices\` does from a shell: iPads that never contacted Homeroom first (assigned a profile without user affinity, then without a profile, then with user affinity, which end FAILED: no password is known to type), then the others again. One rehearsal at a time per server; a restart forgets rehearsals (the iPads die with the process).`;

export const RehearsalStatusEnum = describedEnum<RehearsalStatus>('RehearsalStatus', 'How a rehearsal stands or ended.', {
  RUNNING: 'iPads are powering on; counts grow as each comes to rest.',
  SUCCEEDED: 'Every iPad came to rest enrolled or unmanaged (no profile: the consumer Setup Assistant, expected).',
  FAILED:
    'An iPad failed (`failures` says why), the run itself stopped, or Homeroom stopped before every iPad ran; `errorMessage` says which.',
});

@ObjectType('RehearsalFailureCount', { description: 'How many iPads of a rehearsal failed for one reason.' })
export class RehearsalFailureCountType {
  @Field(() => String, {
    description:
      "The virtual iPad's reason: NETWORK_FAILURE, ACTIVATION_REFUSED, ENROLLMENT_REFUSED, NO_CREDENTIALS, WRONG_CREDENTIALS, PROFILE_REFUSED, CHECK_IN_REFUSED, NOT_CONFIGURED, UNENROLLED or SIMULATOR_ERROR (src/simulator/device/README.md).",
  })
  reason!: string;

  @Field(() => Int, { description: 'iPads that failed so.' })
  count!: number;
}

@ObjectType(REHEARSAL_TYPE, {
  implements: Node,
  description: `A rehearsal of the first day of term: virtual iPads of a token powered on against this Homeroom (\`startRehearsal\`). ${REHEARSAL_RULES}`,
})
export class RehearsalType extends Node {
  /** Node wants a row key; a rehearsal has none (it is kept in memory), so its global ID is made from `key`. */
  id = 0;
  /** The rehearsal's UUID. */
  key!: string;
  /** The token's row key, for the `token` field. */
  tokenId!: number;

  @Field(() => RehearsalStatusEnum, { description: 'RUNNING, or how it ended.' })
  status!: RehearsalStatus;

  @Field(() => Int, { description: 'iPads asked for (`count`).' })
  requestedCount!: number;

  @Field(() => Int, { description: 'iPads powered on: the count asked for, or all the token has when it has fewer.' })
  deviceCount!: number;

  @Field(() => Int, { description: 'At most this many iPads ran at once.' })
  concurrency!: number;

  @Field(() => Int, { description: 'iPads that came to rest so far, whatever the outcome.' })
  doneCount!: number;

  @Field(() => Int, { description: 'iPads that enrolled with Homeroom and reached the Home screen.' })
  enrolledCount!: number;

  @Field(() => Int, {
    description: 'iPads Apple has no profile for: they ran the consumer Setup Assistant and never contacted Homeroom (expected).',
  })
  unmanagedCount!: number;

  @Field(() => Int, { description: 'iPads that failed; `failures` says why once the rehearsal has ended.' })
  failedCount!: number;

  @Field(() => Float, { description: 'Share of the iPads that came to rest, 0 to 100.' })
  percent!: number;

  @Field(() => [RehearsalFailureCountType], { description: 'Failed iPads by reason; filled in when the rehearsal ends.' })
  failures!: RehearsalFailureCountType[];

  @Field(() => String, { description: 'Who started it, as the audit log names them (an API key’s name).' })
  startedBy!: string;

  @Field(() => Date, { description: 'When it started.' })
  startedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it ended; null while RUNNING.' })
  finishedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it FAILED, in words; null otherwise.' })
  errorMessage!: string | null;

  override get globalId(): string {
    return toGlobalId(REHEARSAL_TYPE, this.key);
  }

  /** From the service's rehearsal, or an event of one (the same shape, its status a plain string). */
  static from(rehearsal: Rehearsal | RehearsalProgressed): RehearsalType {
    return Object.assign(new RehearsalType(), {
      key: rehearsal.rehearsalId,
      tokenId: rehearsal.tokenId,
      status: rehearsal.status as RehearsalStatus,
      requestedCount: rehearsal.requestedCount,
      deviceCount: rehearsal.deviceCount,
      concurrency: rehearsal.concurrency,
      doneCount: rehearsal.doneCount,
      enrolledCount: rehearsal.enrolledCount,
      unmanagedCount: rehearsal.unmanagedCount,
      failedCount: rehearsal.failedCount,
      percent: rehearsal.deviceCount === 0 ? 100 : Math.floor((rehearsal.doneCount * 1000) / rehearsal.deviceCount) / 10,
      failures: rehearsal.failures.map((f) => Object.assign(new RehearsalFailureCountType(), f)),
      startedBy: rehearsal.startedBy,
      startedAt: new Date(rehearsal.startedAt),
      finishedAt: rehearsal.finishedAt === null ? null : new Date(rehearsal.finishedAt),
      errorMessage: rehearsal.errorMessage,
    });
  }
}

@ObjectType('RehearsalSupportStatus', {
  description: 'Whether this server can run rehearsals, and the one it runs now: what a console needs to offer the button, or say why not.',
})
export class RehearsalSupportType {
  @Field(() => Boolean, {
    description: 'True when `startRehearsal` can run here (the built-in Apple simulator runs and its iPads are trusted).',
  })
  available!: boolean;

  @Field(() => String, { nullable: true, description: 'Why not, in words for the person at the console; null when available.' })
  unavailableReason!: string | null;

  @Field(() => Int, { description: `Most iPads one rehearsal may power on (${MAX_REHEARSAL_COUNT}).` })
  maxCount!: number;

  @Field(() => RehearsalType, { nullable: true, description: 'The rehearsal running on this server now; null when none runs.' })
  running!: RehearsalType | null;

  static from(availability: RehearsalAvailability, running: Rehearsal | null): RehearsalSupportType {
    return Object.assign(new RehearsalSupportType(), {
      available: availability.available,
      unavailableReason: availability.reason,
      maxCount: MAX_REHEARSAL_COUNT,
      running: running && RehearsalType.from(running),
    });
  }
}

@ObjectType('StartRehearsalPayload', { description: 'The rehearsal just started.' })
export class StartRehearsalPayload {
  @Field(() => RehearsalType, { description: 'The rehearsal, RUNNING: follow it with `rehearsalProgressed(id:)`.' })
  rehearsal!: RehearsalType;
}

@ObjectType('RehearsalProgress', { description: 'One event of `rehearsalProgressed`: the rehearsal as it stands.' })
export class RehearsalProgressType {
  @Field(() => Boolean, { description: 'True for the first event, sent at once: where the rehearsal stood when the subscription started.' })
  snapshot!: boolean;

  @Field(() => RehearsalType, { description: 'The rehearsal, with its counts as of this event.' })
  rehearsal!: RehearsalType;

  static from(rehearsal: Rehearsal | RehearsalProgressed, snapshot = false): RehearsalProgressType {
    return Object.assign(new RehearsalProgressType(), { snapshot, rehearsal: RehearsalType.from(rehearsal) });
  }
}
