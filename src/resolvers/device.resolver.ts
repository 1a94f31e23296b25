/**
 * The `Device` type's links: its token and its enrollment profile. A page of devices shares a
 * token and a few profiles, so each is read once per request (a small per-request memo, which
 * `SyncRun.token` uses too), not once per device.
 */
import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../schema/context.js';
import { Permission } from '../services/permissions.js';
import type { Services } from '../services/services.js';
import { DeviceType } from './device.type.js';
import { EnrollmentProfileType, profileType } from './profile.type.js';
import { EnrollmentProgramTokenType } from './token.type.js';

const memos = new WeakMap<object, Map<string, Promise<unknown>>>();

/** `load()` once per request (or websocket operation) and key; the promise is shared by every field that asks. */
export function oncePerRequest<T>(ctx: GraphQLContext, key: string, load: () => Promise<T>): Promise<T> {
  let memo = memos.get(ctx);
  if (!memo) memos.set(ctx, (memo = new Map()));
  let found = memo.get(key) as Promise<T> | undefined;
  if (!found) memo.set(key, (found = load()));
  return found;
}

@Resolver(() => DeviceType)
export class DeviceResolver {
  constructor(private readonly services: Services) {}

  @FieldResolver(() => EnrollmentProgramTokenType, { description: 'The token whose MDM server Apple assigns the device to (or last did).' })
  async token(@Root() device: DeviceType, @Ctx() ctx: GraphQLContext): Promise<EnrollmentProgramTokenType> {
    const token = await oncePerRequest(ctx, `token:${device.tokenId}`, () => this.services.tokens.findById(device.tokenId));
    if (!token) throw new Error(`device ${device.id} names token ${device.tokenId}, which does not exist`);
    return EnrollmentProgramTokenType.from(token);
  }

  @FieldResolver(() => EnrollmentProgramTokenType, {
    nullable: true,
    description:
      "The token whose MDM server Apple School Manager last moved the device away from, to its `token` (when: `movedAwayAt`); null when it never moved between Homeroom's tokens, or that token was deleted since.",
  })
  async movedAwayFrom(@Root() device: DeviceType, @Ctx() ctx: GraphQLContext): Promise<EnrollmentProgramTokenType | null> {
    const tokenId = device.movedAwayFromTokenId;
    if (tokenId === null) return null;
    const token = await oncePerRequest(ctx, `token:${tokenId}`, () => this.services.tokens.findById(tokenId));
    return token ? EnrollmentProgramTokenType.from(token) : null;
  }

  @Authorized(Permission.PROFILE_READ)
  @FieldResolver(() => EnrollmentProfileType, {
    nullable: true,
    description:
      "The Homeroom enrollment profile assigned to the device (the token's default for new serials, or one assigned later); null when none. Every role.",
  })
  async profile(@Root() device: DeviceType, @Ctx() ctx: GraphQLContext): Promise<EnrollmentProfileType | null> {
    const profileId = device.profileId;
    if (profileId === null) return null;
    return oncePerRequest(ctx, `profile:${profileId}`, async () =>
      profileType(this.services, await this.services.profiles.findById(profileId)),
    );
  }
}
