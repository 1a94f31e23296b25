/**
 * Profile assignment over GraphQL: the `assignProfile` and `unassignProfile`
 * mutations (OPERATOR and ADMIN), `assignmentJob(id:)`, the job's and outcome's links, the
 * token's `assignmentJobs`, and the `assignmentJobProgressed` subscription (every role; the
 * stream is in `assignment-live.ts`). The rules are the service's; the descriptions say them.
 */
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { AssignmentJob } from '../entities/assignment-job.entity.js';
import { notFound } from '../errors.js';
import { ConnectionArgs, mapPage } from '../schema/connection.type.js';
import type { GraphQLContext } from './context.js';
import { integerKeyOf } from '../global-id.js';
import { PREVIEW_SAMPLE } from '../services/assignment/assignment.service.js';
import type { AssignmentJobProgressed } from '../platform/events/event-bus.js';
import type { Page } from '../entities/pagination.js';
import { Permission } from '../permissions.js';
import type { Services } from '../services/services.js';
import { AssignmentOutcomesArgs, AssignProfileInput, deviceSelectionOf, UnassignProfileInput } from './assignment.input.js';
import {
  ASSIGNMENT_JOB_TYPE,
  ASSIGNMENT_RULES,
  AssignmentJobConnection,
  AssignmentJobProgressType,
  AssignmentJobType,
  AssignmentOutcomeConnection,
  AssignmentOutcomeType,
  AssignmentPreviewType,
  AssignProfilePayload,
  UnassignProfilePayload,
} from './assignment.type.js';
import { DeviceType } from './device.type.js';
import { EnrollmentProfileType } from './profile.type.js';
import { profileKeyOf } from './profile.resolver.js';
import { tokenIdOf } from './token.resolver.js';
import { EnrollmentProgramTokenType } from './token.type.js';

/** What the subscription's `subscribe` receives (type-graphql passes raw GraphQL arguments). */
interface SubscribeData {
  readonly args: { readonly jobId: string };
  readonly context: GraphQLContext;
}

const PREVIEW = `With \`preview: true\` nothing is stored and Apple is not called: the payload says how many devices would change, how many already are as asked, how many cannot change (removed, another token, unknown serials), and the first ${PREVIEW_SAMPLE} of each.`;

@Resolver(() => AssignmentJobType)
export class AssignmentResolver {
  constructor(private readonly services: Services) {}

  @Authorized(Permission.PROFILE_ASSIGN)
  @Mutation(() => AssignProfilePayload, {
    description: `Assigns an enrollment profile to devices of its token at Apple: stores an assignment job and returns it (QUEUED; it runs in the background: follow it with \`assignmentJobProgressed\`), or, when no device needs Apple, already ended. ${ASSIGNMENT_RULES} ${PREVIEW} OPERATOR and ADMIN; audited with the counts. Errors: NOT_FOUND (the profile, or a device ID), BAD_USER_INPUT (the selection; \`extensions.field\` names it). Apple's errors end the job (FAILED with \`errorCode\`), not this mutation.`,
  })
  async assignProfile(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => AssignProfileInput, { description: 'The profile and the devices.' }) input: AssignProfileInput,
  ): Promise<AssignProfilePayload> {
    const profileId = profileKeyOf(input.profileId);
    const selection = deviceSelectionOf(input.devices);
    if (input.preview) {
      return { job: null, preview: AssignmentPreviewType.from(await this.services.assignments.previewAssign(ctx, profileId, selection)) };
    }
    return { job: started(ctx, await this.services.assignments.assign(ctx, profileId, selection)), preview: null };
  }

  @Authorized(Permission.PROFILE_ASSIGN)
  @Mutation(() => UnassignProfilePayload, {
    description: `Removes whatever enrollment profile devices of a token have at Apple: stores an assignment job (kind UNASSIGN) and returns it like \`assignProfile\`. Devices without a profile at Apple (status empty or removed) are left alone (UNCHANGED); the others go to Apple (\`DELETE /profile/devices\`) in the same batches and with the same retries as \`assignProfile\`, and lose their profile in Homeroom once Apple accepted. ${PREVIEW} OPERATOR and ADMIN; audited with the counts. Errors: NOT_FOUND (the token, or a device ID), BAD_USER_INPUT (the selection).`,
  })
  async unassignProfile(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => UnassignProfileInput, { description: 'The token and the devices.' }) input: UnassignProfileInput,
  ): Promise<UnassignProfilePayload> {
    const tokenId = tokenIdOf(input.tokenId);
    const selection = deviceSelectionOf(input.devices);
    if (input.preview) {
      return { job: null, preview: AssignmentPreviewType.from(await this.services.assignments.previewUnassign(ctx, tokenId, selection)) };
    }
    return { job: started(ctx, await this.services.assignments.unassign(ctx, tokenId, selection)), preview: null };
  }

  @Authorized(Permission.DEVICE_READ)
  @Query(() => AssignmentJobType, {
    nullable: true,
    description:
      'An assignment job by global ID, as it is now; null when no job has that ID (or it is not an AssignmentJob ID). Every role.',
  })
  async assignmentJob(@Arg('id', () => ID, { description: 'Global ID of the job.' }) id: string): Promise<AssignmentJobType | null> {
    const jobId = integerKeyOf(id, ASSIGNMENT_JOB_TYPE);
    const job = jobId === null ? null : await this.services.assignments.findJob(jobId);
    return job && AssignmentJobType.from(job);
  }

  @FieldResolver(() => EnrollmentProgramTokenType, { description: 'The token whose devices the job concerns.' })
  async token(@Root() job: AssignmentJobType, @Ctx() ctx: GraphQLContext): Promise<EnrollmentProgramTokenType> {
    const token = await ctx.loaders.tokens.load(job.tokenId);
    if (!token) throw new Error(`assignment job ${job.id} names token ${job.tokenId}, which does not exist`);
    return EnrollmentProgramTokenType.from(token);
  }

  @Authorized(Permission.PROFILE_READ)
  @FieldResolver(() => EnrollmentProfileType, {
    nullable: true,
    description: 'The profile assigned (ASSIGN); null for UNASSIGN, or when the profile was deleted since. Every role.',
  })
  async profile(@Root() job: AssignmentJobType, @Ctx() ctx: GraphQLContext): Promise<EnrollmentProfileType | null> {
    const profileId = job.profileId;
    if (profileId === null) return null;
    return ctx.loaders.profiles.load(profileId);
  }

  @Authorized(Permission.DEVICE_READ)
  @FieldResolver(() => AssignmentOutcomeConnection, {
    description:
      "The job's result for each device, in the order the devices go to Apple; `results` keeps only some (e.g. NOT_ACCESSIBLE and FAILED, to see what went wrong). Every role.",
  })
  async outcomes(
    @Root() job: AssignmentJobType,
    @Args(() => AssignmentOutcomesArgs) { results, ...page }: AssignmentOutcomesArgs,
  ): Promise<Page<AssignmentOutcomeType>> {
    const outcomes = mapPage(
      await this.services.assignments.listOutcomes(job.id, results ? { results } : {}, page),
      AssignmentOutcomeType.from,
    );
    // The page's devices in one query, not one per outcome.
    const ids = outcomes.edges.flatMap((edge) => (edge.node.deviceId === null ? [] : [edge.node.deviceId]));
    const devices = new Map((await this.services.devices.findByIds(ids)).map((device) => [device.id, DeviceType.from(device)]));
    for (const { node } of outcomes.edges) node.loadedDevice = node.deviceId === null ? null : (devices.get(node.deviceId) ?? null);
    return outcomes;
  }

  @Authorized(Permission.DEVICE_READ)
  @Subscription(() => AssignmentJobProgressType, {
    subscribe: async ({ args, context }: SubscribeData) => {
      const jobId = integerKeyOf(args.jobId, ASSIGNMENT_JOB_TYPE);
      const progress = jobId === null ? null : await context.services.assignments.followJob(jobId);
      if (!progress) throw notFound('assignment job', args.jobId);
      return progress;
    },
    description:
      "An assignment job's progress as it happens: an event after every batch Apple answered and Homeroom saved, then one with the job's final status (SUCCEEDED, PARTIALLY_SUCCEEDED or FAILED), after which the subscription completes. A job that has already ended sends that final event at once and completes. Every role. Errors: NOT_FOUND.",
  })
  assignmentJobProgressed(
    @Root() event: AssignmentJobProgressed,
    @Arg('jobId', () => ID, { description: 'Global ID of the job to follow.' }) _jobId: string,
  ): AssignmentJobProgressType {
    return AssignmentJobProgressType.from(event);
  }
}

/** The job a mutation started, whose background run is logged should it ever fail. */
function started(ctx: GraphQLContext, { job, done }: { job: AssignmentJob; done: Promise<unknown> }): AssignmentJobType {
  // `done` never rejects by contract; should it ever, the job's failure is logged, not lost.
  done.catch((error: unknown) => ctx.logger.error({ err: error, jobId: job.id }, 'assignment job failed unexpectedly'));
  return AssignmentJobType.from(job);
}

@Resolver(() => AssignmentOutcomeType)
export class AssignmentOutcomeResolver {
  constructor(private readonly services: Services) {}

  @FieldResolver(() => DeviceType, {
    nullable: true,
    description: 'The device as it is now; null for a serial number no device has, or a device deleted since.',
  })
  async device(@Root() outcome: AssignmentOutcomeType): Promise<DeviceType | null> {
    if (outcome.loadedDevice !== undefined) return outcome.loadedDevice;
    // Not memoised per request: a subscription's events share one context, and devices change as the job runs.
    const device = outcome.deviceId === null ? null : await this.services.devices.findById(outcome.deviceId);
    return device && DeviceType.from(device);
  }
}

@Resolver(() => AssignmentJobProgressType)
export class AssignmentJobProgressResolver {
  constructor(private readonly services: Services) {}

  @FieldResolver(() => AssignmentJobType, {
    nullable: true,
    description: 'The job as it is now (it may have moved on since this event); null when it no longer exists.',
  })
  async job(@Root() event: AssignmentJobProgressType): Promise<AssignmentJobType | null> {
    const job = await this.services.assignments.findJob(event.jobRowId);
    return job && AssignmentJobType.from(job);
  }
}

/** The token's assignment jobs; they live with assignment, as `syncRuns` lives with sync. */
@Resolver(() => EnrollmentProgramTokenType)
export class AssignmentTokenResolver {
  constructor(private readonly services: Services) {}

  @Authorized(Permission.DEVICE_READ)
  @FieldResolver(() => AssignmentJobConnection, {
    description: "The token's assignment jobs (`assignProfile`, `unassignProfile`), newest first. Every role.",
  })
  async assignmentJobs(
    @Root() token: EnrollmentProgramTokenType,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
  ): Promise<Page<AssignmentJobType>> {
    return mapPage(await this.services.assignments.listJobs(token.id, page), AssignmentJobType.from);
  }
}
