/**
 * The `Device` type's links: its token and its enrollment profile. A page of devices shares a
 * token and a few profiles, so they go through the operation's DataLoaders (`loaders.ts`): one
 * read per execution, not one per device, and nothing kept from one subscription event to the next.
 */
import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../schema/context.js';
import { Permission } from '../services/permissions.js';
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
