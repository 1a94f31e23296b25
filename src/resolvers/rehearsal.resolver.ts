/**
 * Rehearsals over GraphQL: `startRehearsal` (OPERATOR and ADMIN, audited), `rehearsal(id:)`,
 * `rehearsalSupport` and the `rehearsalProgressed` subscription (the stream is in
 * `rehearsal-live.ts`).
 *
 * GraphQL rather than a development-only HTTP route: the console speaks only GraphQL (one client,
 * one key, trusted documents), and a refusal is then an error code like any other
 * (SIMULATOR_UNAVAILABLE where there is no built-in simulator) instead of a route that exists on
 * some servers and not others. The rules are the service's; the descriptions say them.
 */
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { notFound } from '../errors.js';
import { fromGlobalId } from '../global-id.js';
import { Permission } from '../permissions.js';
import { REHEARSAL_TYPE } from '../services/rehearsal/rehearsal.service.js';
import type { Services } from '../services/services.js';
import type { GraphQLContext } from './context.js';
import { rehearsalProgressFromNow } from './rehearsal-live.js';
import { StartRehearsalInput } from './rehearsal.input.js';
import { REHEARSAL_RULES, RehearsalProgressType, RehearsalSupportType, RehearsalType, StartRehearsalPayload } from './rehearsal.type.js';
import { tokenIdOf } from './token.resolver.js';
import { EnrollmentProgramTokenType } from './token.type.js';

/** What the subscription's `subscribe` receives (type-graphql passes raw GraphQL arguments). */
interface SubscribeData {
  readonly args: { readonly id: string };
  readonly context: GraphQLContext;
}

/** The UUID inside a rehearsal's global ID, or null when it is not one. */
export function rehearsalKeyOf(id: string): string | null {
  const decoded = fromGlobalId(id);
  return decoded?.typeName === REHEARSAL_TYPE ? decoded.key : null;
}

@Resolver(() => RehearsalType)
export class RehearsalResolver {
  constructor(private readonly services: Services) {}

  @Authorized(Permission.REHEARSAL_RUN)
  @Mutation(() => StartRehearsalPayload, {
    description: `Starts a rehearsal: \`count\` virtual iPads of the token power on and enroll against this Homeroom, at most \`concurrency\` at once, in the background; answers at once with the RUNNING rehearsal (follow it with \`rehearsalProgressed\`, and the iPads themselves with \`deviceEnrollmentChanged\`). ${REHEARSAL_RULES} OPERATOR and ADMIN; audited. Errors: SIMULATOR_UNAVAILABLE (no built-in simulator here; \`rehearsalSupport\` says so beforehand), BAD_USER_INPUT (\`count\` or \`concurrency\` out of range, a token without iPads), NOT_FOUND (the token), REHEARSAL_IN_PROGRESS.`,
  })
  async startRehearsal(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => StartRehearsalInput, { description: 'The token, how many iPads, how many at once.' }) input: StartRehearsalInput,
  ): Promise<StartRehearsalPayload> {
    const { rehearsal } = await this.services.rehearsals.start(ctx, {
      tokenId: tokenIdOf(input.tokenId),
      count: input.count,
      concurrency: input.concurrency ?? null,
    });
    return { rehearsal: RehearsalType.from(rehearsal) };
  }

  @Authorized(Permission.DEVICE_READ)
  @Query(() => RehearsalSupportType, {
    description: 'Whether `startRehearsal` can run on this server (and why not), and the rehearsal running now. Every role.',
  })
  rehearsalSupport(): RehearsalSupportType {
    return RehearsalSupportType.from(this.services.rehearsals.availability(), this.services.rehearsals.running());
  }

  @Authorized(Permission.DEVICE_READ)
  @Query(() => RehearsalType, {
    nullable: true,
    description:
      'A rehearsal by global ID, as it is now; null when this server does not know it (never ran here, forgotten after 20 more, or before a restart). Every role.',
  })
  rehearsal(@Arg('id', () => ID, { description: 'Global ID of the rehearsal.' }) id: string): RehearsalType | null {
    const key = rehearsalKeyOf(id);
    const rehearsal = key === null ? null : this.services.rehearsals.find(key);
    return rehearsal && RehearsalType.from(rehearsal);
  }

  @Authorized(Permission.DEVICE_READ)
  @FieldResolver(() => EnrollmentProgramTokenType, { description: 'The token whose iPads power on.' })
  async token(@Root() rehearsal: RehearsalType, @Ctx() ctx: GraphQLContext): Promise<EnrollmentProgramTokenType> {
    const token = await ctx.loaders.tokens.load(rehearsal.tokenId);
    if (!token) throw new Error(`rehearsal ${rehearsal.key} names token ${rehearsal.tokenId}, which does not exist`);
    return EnrollmentProgramTokenType.from(token);
  }

  @Authorized(Permission.DEVICE_READ)
  @Subscription(() => RehearsalProgressType, {
    subscribe: ({ args, context }: SubscribeData) => {
      const key = rehearsalKeyOf(args.id);
      if (key === null) throw notFound('rehearsal', args.id);
      return rehearsalProgressFromNow(context.services, key, args.id);
    },
    description:
      "A rehearsal's progress as it happens: first, at once, the rehearsal as it stands (`snapshot: true`), then an event each time one of its iPads comes to rest, then one with the final status (SUCCEEDED or FAILED), after which the subscription completes. A rehearsal that has already ended sends its final state as the snapshot and completes. Every role. Errors: NOT_FOUND (not known to this server).",
  })
  rehearsalProgressed(
    @Root() event: RehearsalProgressType,
    @Arg('id', () => ID, { description: 'Global ID of the rehearsal to follow.' }) _id: string,
  ): RehearsalProgressType {
    return event;
  }
}
