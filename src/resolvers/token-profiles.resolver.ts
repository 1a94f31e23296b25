/**
 * The enrollment profile fields of `EnrollmentProgramToken`: its profiles (by name) and its
 * default profile. They live with the profiles, not in the token's resolver, so each slice
 * owns its own fields.
 */
import { Args, Authorized, FieldResolver, Resolver, Root } from 'type-graphql';
import { ConnectionArgs } from '../schema/connection.type.js';
import type { Page } from '../entities/pagination.js';
import { Permission } from '../permissions.js';
import type { Services } from '../services/services.js';
import { EnrollmentProfileConnection, EnrollmentProfileType, profilePage, profileType } from './profile.type.js';
import { EnrollmentProgramTokenType } from './token.type.js';

@Resolver(() => EnrollmentProgramTokenType)
export class TokenProfilesResolver {
  constructor(private readonly services: Services) {}

  @Authorized(Permission.PROFILE_READ)
  @FieldResolver(() => EnrollmentProfileConnection, { description: "The token's enrollment profiles, by name. Every role." })
  async profiles(
    @Root() token: EnrollmentProgramTokenType,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
  ): Promise<Page<EnrollmentProfileType>> {
    return profilePage(this.services, await this.services.profiles.listForToken(token.id, page));
  }

  @Authorized(Permission.PROFILE_READ)
  @FieldResolver(() => EnrollmentProfileType, {
    nullable: true,
    description: 'The profile new devices of this token get (`setDefaultEnrollmentProfile`); null when there is none. Every role.',
  })
  async defaultProfile(@Root() token: EnrollmentProgramTokenType): Promise<EnrollmentProfileType | null> {
    return profileType(this.services, await this.services.profiles.findDefault(token.entity));
  }
}
