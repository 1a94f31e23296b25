/**
 * The Apple School Manager API over GraphQL: the organisation's API account (stored, replaced,
 * removed; ADMIN) and the reconcile of a token's devices with the API (OPERATOR and up, as a sync).
 */
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { notFound } from '../errors.js';
import { Permission } from '../permissions.js';
import type { Services } from '../services/services.js';
import type { GraphQLContext } from './context.js';
import {
  ReconcileWithSchoolManagerInput,
  RemoveSchoolManagerApiAccountInput,
  SetSchoolManagerApiAccountInput,
} from './school-manager.input.js';
import {
  ReconcileWithSchoolManagerPayload,
  RemoveSchoolManagerApiAccountPayload,
  SchoolManagerApiAccountType,
  SetSchoolManagerApiAccountPayload,
} from './school-manager.type.js';
import { EnrollmentProgramTokenType } from './token.type.js';
import { tokenIdOf } from './token.resolver.js';

@Resolver(() => EnrollmentProgramTokenType)
export class SchoolManagerResolver {
  constructor(private readonly services: Services) {}

  @FieldResolver(() => SchoolManagerApiAccountType, {
    nullable: true,
    description:
      "The Apple School Manager API account of the token's organisation (shared by its tokens), or null: without one, devices are not reconciled with the API.",
  })
  async schoolManagerApiAccount(@Root() token: EnrollmentProgramTokenType): Promise<SchoolManagerApiAccountType | null> {
    const account = await this.services.schoolManager.accountForToken(token.id);
    return account && SchoolManagerApiAccountType.from(account);
  }

  @Authorized(Permission.TOKEN_UPDATE)
  @Mutation(() => SetSchoolManagerApiAccountPayload, {
    description:
      "Stores the Apple School Manager API account of the token's organisation, replacing the one stored before; Apple is asked for an access token with it first. ADMIN only. Errors: SCHOOL_MANAGER_ACCOUNT_INVALID (`extensions.field`, `extensions.reason`: NOT_PEM, UNREADABLE, NOT_EC, NOT_P256, CLIENT_ID_INVALID, KEY_ID_INVALID, NO_ORGANIZATION), SCHOOL_MANAGER_CREDENTIALS_REJECTED, APPLE_UNAVAILABLE, NOT_FOUND. Nothing is stored on an error.",
  })
  async setSchoolManagerApiAccount(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => SetSchoolManagerApiAccountInput, { description: 'The account and the token naming its organisation.' })
    input: SetSchoolManagerApiAccountInput,
  ): Promise<SetSchoolManagerApiAccountPayload> {
    const stored = await this.services.schoolManager.setAccount(ctx, { ...input, tokenId: tokenIdOf(input.tokenId) });
    return { schoolManagerApiAccount: SchoolManagerApiAccountType.from(stored.account), replacedPrevious: stored.replacedPrevious };
  }

  @Authorized(Permission.TOKEN_UPDATE)
  @Mutation(() => RemoveSchoolManagerApiAccountPayload, {
    description: "Removes the Apple School Manager API account of the token's organisation. ADMIN only. Errors: NOT_FOUND.",
  })
  async removeSchoolManagerApiAccount(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => RemoveSchoolManagerApiAccountInput, { description: 'The token naming the organisation.' })
    input: RemoveSchoolManagerApiAccountInput,
  ): Promise<RemoveSchoolManagerApiAccountPayload> {
    return { removed: await this.services.schoolManager.removeAccount(ctx, tokenIdOf(input.tokenId)) };
  }

  @Authorized(Permission.DEVICE_SYNC)
  @Mutation(() => ReconcileWithSchoolManagerPayload, {
    description:
      "Compares the token's devices with the Apple School Manager API now and records what DEP does not say: devices released from the organisation (`releasedFromOrgAt`), order numbers, purchase sources and AppleCare coverage. Also runs after every successful sync when the organisation has an API account. Errors: SCHOOL_MANAGER_ACCOUNT_REQUIRED, SCHOOL_MANAGER_CREDENTIALS_REJECTED, APPLE_UNAVAILABLE, APPLE_REQUEST_REJECTED, NOT_FOUND.",
  })
  async reconcileWithSchoolManager(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => ReconcileWithSchoolManagerInput, { description: 'The token.' }) input: ReconcileWithSchoolManagerInput,
  ): Promise<ReconcileWithSchoolManagerPayload> {
    const tokenId = tokenIdOf(input.tokenId);
    const result = await this.services.schoolManager.reconcile(ctx, tokenId);
    const token = await ctx.loaders.tokens.load(tokenId);
    if (!token) throw notFound('enrollment program token', input.tokenId);
    return ReconcileWithSchoolManagerPayload.from(result, EnrollmentProgramTokenType.from(token));
  }
}
