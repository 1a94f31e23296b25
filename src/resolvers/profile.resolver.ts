/**
 * Enrollment profile mutations (ADMIN), the `enrollmentProfile(id:)` look-up and the profile's
 * `token` field; lists go through the token.
 */
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { notFound } from '../errors.js';
import type { GraphQLContext } from './context.js';
import { integerKeyOf, toGlobalId } from '../global-id.js';
import { Permission } from '../permissions.js';
import type { Services } from '../services/services.js';
import {
  CreateEnrollmentProfileInput,
  DeleteEnrollmentProfileInput,
  SetDefaultEnrollmentProfileInput,
  SetEnrollmentProfileWifiInput,
  UpdateEnrollmentProfileInput,
} from './profile.input.js';
import {
  CreateEnrollmentProfilePayload,
  DeleteEnrollmentProfilePayload,
  ENROLLMENT_PROFILE_TYPE,
  EnrollmentProfileType,
  profileType,
  SetDefaultEnrollmentProfilePayload,
  SetEnrollmentProfileWifiPayload,
  UpdateEnrollmentProfilePayload,
} from './profile.type.js';
import { tokenIdOf } from './token.resolver.js';
import { EnrollmentProgramTokenType } from './token.type.js';

/** The row id of a profile's global ID; NOT_FOUND for anything else. */
export function profileKeyOf(id: string): number {
  const key = integerKeyOf(id, ENROLLMENT_PROFILE_TYPE);
  if (key === null) throw notFound('enrollment profile', id);
  return key;
}

@Resolver(() => EnrollmentProfileType)
export class ProfileResolver {
  constructor(private readonly services: Services) {}

  @Authorized(Permission.PROFILE_READ)
  @Query(() => EnrollmentProfileType, {
    nullable: true,
    description: 'One enrollment profile by global ID; null when there is none (deleted, or an ID of something else). Every role.',
  })
  async enrollmentProfile(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { description: 'Global ID of the profile.' }) id: string,
  ): Promise<EnrollmentProfileType | null> {
    const key = integerKeyOf(id, ENROLLMENT_PROFILE_TYPE);
    return key === null ? null : ctx.loaders.profiles.load(key);
  }

  @Authorized(Permission.PROFILE_CREATE)
  @Mutation(() => CreateEnrollmentProfilePayload, {
    description:
      'Creates an enrollment profile for a token and defines it at Apple. ADMIN only. Errors: NOT_FOUND, BAD_USER_INPUT, PROFILE_RULE_VIOLATION, ALREADY_EXISTS, PROFILE_LIMIT_REACHED, APPLE_* (Apple refused; nothing stored, `extensions.appleCode` says why).',
  })
  async createEnrollmentProfile(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => CreateEnrollmentProfileInput, { description: 'The new profile.' }) input: CreateEnrollmentProfileInput,
  ): Promise<CreateEnrollmentProfilePayload> {
    const { tokenId, ...settings } = input;
    const profile = await this.services.profiles.create(ctx, tokenIdOf(tokenId), settings);
    return { enrollmentProfile: (await profileType(this.services, profile))! };
  }

  @Authorized(Permission.PROFILE_UPDATE)
  @Mutation(() => UpdateEnrollmentProfilePayload, {
    description:
      'Changes a profile. Apple profiles cannot change, so a new one is defined at Apple and every device of this profile is moved to it (1000 per call); the payload counts them. ADMIN only. Errors: NOT_FOUND, BAD_USER_INPUT, PROFILE_RULE_VIOLATION, ALREADY_EXISTS, APPLE_* (Apple refused the new definition; nothing changed).',
  })
  async updateEnrollmentProfile(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => UpdateEnrollmentProfileInput, { description: 'The profile and the settings to change.' })
    input: UpdateEnrollmentProfileInput,
  ): Promise<UpdateEnrollmentProfilePayload> {
    const { profileId, ...changes } = input;
    const result = await this.services.profiles.update(ctx, profileKeyOf(profileId), changes);
    return {
      enrollmentProfile: (await profileType(this.services, result.profile))!,
      sharedIPadTurnedOff: result.sharedIPadTurnedOff,
      redefinedAtApple: result.redefinedAtApple,
      devicesMoved: result.devicesMoved,
      devicesNotMoved: result.devicesNotMoved,
      assignmentErrorCode: result.assignmentError?.code ?? null,
      assignmentErrorMessage: result.assignmentError?.message ?? null,
    };
  }

  @Authorized(Permission.PROFILE_DELETE)
  @Mutation(() => DeleteEnrollmentProfilePayload, {
    description:
      "Deletes a profile from Homeroom (Apple keeps its definitions; no device uses them any more). ADMIN only. Errors: NOT_FOUND, PROFILE_IN_USE (it is the token's default, or devices are assigned to it).",
  })
  async deleteEnrollmentProfile(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => DeleteEnrollmentProfileInput, { description: 'The profile to delete.' }) input: DeleteEnrollmentProfileInput,
  ): Promise<DeleteEnrollmentProfilePayload> {
    const deleted = await this.services.profiles.delete(ctx, profileKeyOf(input.profileId));
    return {
      deletedEnrollmentProfileId: toGlobalId(ENROLLMENT_PROFILE_TYPE, deleted.id),
      enrollmentProgramToken: await this.tokenOf(deleted.tokenId),
    };
  }

  @Authorized(Permission.PROFILE_UPDATE)
  @Mutation(() => SetDefaultEnrollmentProfilePayload, {
    description:
      "Makes a profile its token's default for new devices, or clears the default (profileId null). ADMIN only. Errors: NOT_FOUND, BAD_USER_INPUT (the profile belongs to another token).",
  })
  async setDefaultEnrollmentProfile(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => SetDefaultEnrollmentProfileInput, { description: 'The token and its new default.' })
    input: SetDefaultEnrollmentProfileInput,
  ): Promise<SetDefaultEnrollmentProfilePayload> {
    const tokenId = tokenIdOf(input.tokenId);
    const profileId = input.profileId == null ? null : profileKeyOf(input.profileId);
    const changed = await this.services.profiles.setDefault(ctx, tokenId, profileId);
    return {
      enrollmentProgramToken: EnrollmentProgramTokenType.from(changed.token),
      defaultProfile: await profileType(this.services, changed.profile),
    };
  }

  @Authorized(Permission.PROFILE_UPDATE)
  @Mutation(() => SetEnrollmentProfileWifiPayload, {
    description:
      "Sets (or removes) the Wi-Fi network a profile's devices join when they return to service; the password is sealed and never returned. Homeroom's setting: nothing changes at Apple. ADMIN only. Errors: NOT_FOUND, BAD_USER_INPUT (`extensions.field`: ssid, security or password; nothing changed).",
  })
  async setEnrollmentProfileWifi(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => SetEnrollmentProfileWifiInput, { description: 'The profile and its network.' })
    input: SetEnrollmentProfileWifiInput,
  ): Promise<SetEnrollmentProfileWifiPayload> {
    const profile = await this.services.profiles.setWifi(ctx, profileKeyOf(input.profileId), input.wifi ?? null);
    return { enrollmentProfile: (await profileType(this.services, profile))! };
  }

  @FieldResolver(() => EnrollmentProgramTokenType, { description: 'The token (MDM server) the profile belongs to.' })
  token(@Root() profile: EnrollmentProfileType): Promise<EnrollmentProgramTokenType> {
    return this.tokenOf(profile.tokenId);
  }

  private async tokenOf(tokenId: number): Promise<EnrollmentProgramTokenType> {
    const token = await this.services.tokens.findById(tokenId);
    // A profile's token cannot go while the profile exists (deleteToken refuses; the foreign key too).
    if (!token) throw new Error(`enrollment program token ${tokenId} of a profile cannot be read`);
    return EnrollmentProgramTokenType.from(token);
  }
}
