/**
 * The `Device` type's links: its token and its enrollment profile. A page of devices shares a
 * token and a few profiles, so they go through the operation's DataLoaders (`loaders.ts`): one
 * read per execution, not one per device, and nothing kept from one subscription event to the next.
 */
import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from './context.js';
import { Permission } from '../permissions.js';
import { DeviceType } from './device.type.js';
import { EnrollmentProfileType } from './profile.type.js';
import { EnrollmentProgramTokenType } from './token.type.js';

@Resolver(() => DeviceType)
export class DeviceResolver {
  @FieldResolver(() => EnrollmentProgramTokenType, { description: 'The token whose MDM server Apple assigns the device to (or last did).' })
  async token(@Root() device: DeviceType, @Ctx() ctx: GraphQLContext): Promise<EnrollmentProgramTokenType> {
    const token = await ctx.loaders.tokens.load(device.tokenId);
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
    const token = await ctx.loaders.tokens.load(tokenId);
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
    return ctx.loaders.profiles.load(profileId);
  }
}
