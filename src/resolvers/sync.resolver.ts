/**
 * Device sync over GraphQL: the `syncDevices` mutation (OPERATOR and ADMIN), the `SyncRun`
 * type's `token`, and the two live subscriptions, `syncProgressed` and `syncCooldown` (every
 * role), whose streams the sync service makes (`services/sync/sync-streams.ts`). The token's own
 * sync fields live in `sync-token.resolver.ts`.
 */
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root, Subscription } from 'type-graphql';
import { notFound } from '../errors.js';
import type { GraphQLContext } from './context.js';
import { Permission } from '../permissions.js';
import type { Services } from '../services/services.js';
import type { SyncCooldown, SyncProgressView } from '../services/sync/sync.service.js';
import { SyncDevicesInput } from './sync.input.js';
import { SYNC_RULES, SyncCooldownType, SyncDevicesPayload, SyncProgressType, SyncRunType } from './sync.type.js';
import { tokenIdOf } from './token.resolver.js';
import { EnrollmentProgramTokenType } from './token.type.js';

/** What a token subscription's `subscribe` receives (type-graphql passes raw GraphQL arguments). */
export interface SubscribeData {
  readonly args: { readonly tokenId: string };
  readonly context: GraphQLContext;
}

/**
 * The token a subscription names, checked before anything streams: NOT_FOUND for an unknown one.
 * Every token-scoped subscription (sync, enrollment) checks it here.
 */
export async function subscribedToken({ args, context }: SubscribeData): Promise<{ services: Services; tokenId: number }> {
  const tokenId = tokenIdOf(args.tokenId);
  if (!(await context.services.tokens.findById(tokenId))) throw notFound('enrollment program token', args.tokenId);
  return { services: context.services, tokenId };
}

@Resolver(() => SyncRunType)
export class SyncResolver {
  constructor(private readonly services: Services) {}

  @Authorized(Permission.DEVICE_SYNC)
  @Mutation(() => SyncDevicesPayload, {
    description: `Starts a device sync of a token now and returns its run (RUNNING); the run goes on in the background (follow it with \`syncProgressed\`). The kind follows the rules: ${SYNC_RULES} OPERATOR and ADMIN. Errors: NOT_FOUND, SYNC_IN_PROGRESS (a run holds the token), SYNC_TOO_SOON (a manual sync started less than 15 minutes ago); both with \`extensions.syncAvailableAt\`: when a manual sync may start. Apple's errors end the run (FAILED with \`errorCode\`), not this mutation.`,
  })
  async syncDevices(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => SyncDevicesInput, { description: 'The token to sync.' }) input: SyncDevicesInput,
  ): Promise<SyncDevicesPayload> {
    const { run, done } = await this.services.sync.requestSync(ctx, tokenIdOf(input.tokenId), 'MANUAL');
    // `done` never rejects by contract; should it ever, the run's failure is logged, not lost.
    done.catch((error: unknown) => ctx.logger.error({ err: error, runId: run.id }, 'device sync run failed unexpectedly'));
    return { run: SyncRunType.from(run) };
  }

  @FieldResolver(() => EnrollmentProgramTokenType, { description: 'The token the run synced.' })
  async token(@Root() run: SyncRunType, @Ctx() ctx: GraphQLContext): Promise<EnrollmentProgramTokenType> {
    const token = await ctx.loaders.tokens.load(run.tokenId);
    if (!token) throw new Error(`sync run ${run.id} names token ${run.tokenId}, which does not exist`);
    return EnrollmentProgramTokenType.from(token);
  }

  @Authorized(Permission.DEVICE_READ)
  @Subscription(() => SyncProgressType, {
    subscribe: async (data: SubscribeData) => {
      const { services, tokenId } = await subscribedToken(data);
      return services.sync.progressStream(tokenId);
    },
    description:
      "Each step of the token's sync runs, as it happens: first, at once, a snapshot (`snapshot: true`) of where the token stands: the running run's progress (status RUNNING; a sync just started by `uploadToken` or `syncDevices` is followed from there, its earlier pages counted in the snapshot), or, when none runs, its last run as it ended (phase DONE: idle; runId null when it never synced). A UI shows it as the current state and knows the stream is live. Then an event after every page saved and at every phase change, the last event of a run with its final status (SUCCEEDED, FAILED or TIMED_OUT). Streams every run of the token until the client unsubscribes. Every role. Errors: NOT_FOUND.",
  })
  syncProgressed(
    @Root() progress: SyncProgressView,
    @Arg('tokenId', () => ID, { description: 'Global ID of the token to follow.' }) _tokenId: string,
  ): SyncProgressType {
    return SyncProgressType.from(progress);
  }

  @Authorized(Permission.DEVICE_READ)
  @Subscription(() => SyncCooldownType, {
    subscribe: async (data: SubscribeData) => {
      const { services, tokenId } = await subscribedToken(data);
      return services.sync.cooldownStream(tokenId);
    },
    description:
      "The token's countdowns, live: sent at once, whenever a run starts or ends, and once a second while a countdown runs (a sync running, or a full sync not yet due). It counts the running run's 15 minutes and the 15-minute floor between manual syncs. When syncAvailableInSeconds reaches 0 a sync may start; it is LIMITED while fullSyncAvailableInSeconds is above 0. Every role. Errors: NOT_FOUND.",
  })
  syncCooldown(
    @Root() cooldown: SyncCooldown,
    @Arg('tokenId', () => ID, { description: 'Global ID of the token to watch.' }) _tokenId: string,
  ): SyncCooldownType {
    return cooldown;
  }
}

@Resolver(() => SyncProgressType)
export class SyncProgressResolver {
  constructor(private readonly services: Services) {}

  @FieldResolver(() => SyncRunType, {
    nullable: true,
    description: 'The run as it is now (it may have moved on since this event); null when it no longer exists.',
  })
  async run(@Root() event: SyncProgressType): Promise<SyncRunType | null> {
    if (event.runRowId === null) return null;
    const run = await this.services.sync.findRun(event.runRowId);
    return run && SyncRunType.from(run);
  }
}
