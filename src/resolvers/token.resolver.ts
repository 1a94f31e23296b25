/**
 * Enrollment program tokens over GraphQL: the public key to upload in ASM, upload, renewal,
 * rename, deletion, status refresh and School Data Sync. ADMIN changes them; every role reads.
 */
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ErrorCode, isHomeroomError, notFound } from '../errors.js';
import { ConnectionArgs, type ConnectionType } from '../schema/connection.type.js';
import type { GraphQLContext } from './context.js';
import { integerKeyOf, toGlobalId } from '../global-id.js';
import { COUNT_COST } from '../schema/operation-limits.js';
import { Permission } from '../permissions.js';
import type { Services } from '../services/services.js';
import { TokenStatus } from '../entities/enrollment-program-token.entity.js';
import {
  DeleteTokenInput,
  GenerateEncryptionPublicKeyInput,
  RefreshTokenStatusInput,
  RenewTokenInput,
  ShareTokenWithSchoolDataSyncInput,
  UpdateTokenInput,
  UploadTokenInput,
} from './token.input.js';
import {
  DeleteTokenPayload,
  ENROLLMENT_PROGRAM_TOKEN_TYPE,
  EncryptionPublicKeyType,
  EnrollmentProgramTokenConnection,
  EnrollmentProgramTokenType,
  GenerateEncryptionPublicKeyPayload,
  RefreshTokenStatusPayload,
  RenewTokenPayload,
  ShareTokenWithSchoolDataSyncPayload,
  UpdateTokenPayload,
  UploadTokenPayload,
} from './token.type.js';

/**
 * The service names an existing token by row id (`details.tokenId`); clients know it by its global
 * ID. Changed in place (the audit log already holds this error): the ID replaces the row id, and an
 * ALREADY_EXISTS message that points at `renewToken` gets the ID to call it with.
 */
function withTokenGlobalId(error: unknown): unknown {
  if (!isHomeroomError(error) || typeof error.details['tokenId'] !== 'number') return error;
  const globalId = toGlobalId(ENROLLMENT_PROGRAM_TOKEN_TYPE, error.details['tokenId']);
  error.details['tokenId'] = globalId;
  if (error.code === ErrorCode.ALREADY_EXISTS) error.message = `${error.message} The existing token's ID: ${globalId}.`;
  return error;
}

/** The row id a token's global ID names; NOT_FOUND for anything else. */
export function tokenIdOf(id: string): number {
  const key = integerKeyOf(id, ENROLLMENT_PROGRAM_TOKEN_TYPE);
  if (key === null) throw notFound('enrollment program token', id);
  return key;
}

@Resolver(() => EnrollmentProgramTokenType)
export class TokenResolver {
  constructor(private readonly services: Services) {}

  @Authorized(Permission.TOKEN_READ)
  @Query(() => EnrollmentProgramTokenConnection, { description: 'Enrollment program tokens, by name. Every role.' })
  async enrollmentProgramTokens(@Args(() => ConnectionArgs) page: ConnectionArgs): Promise<ConnectionType<EnrollmentProgramTokenType>> {
    const found = await this.services.tokens.list(page);
    return { ...found, edges: found.edges.map((e) => ({ cursor: e.cursor, node: EnrollmentProgramTokenType.from(e.node) })) };
  }

  @Authorized(Permission.TOKEN_READ)
  @Query(() => EnrollmentProgramTokenType, {
    nullable: true,
    description: 'One enrollment program token by global ID; null when there is none (deleted, or an ID of something else). Every role.',
  })
  async enrollmentProgramToken(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { description: 'Global ID of the token.' }) id: string,
  ): Promise<EnrollmentProgramTokenType | null> {
    const key = integerKeyOf(id, ENROLLMENT_PROGRAM_TOKEN_TYPE);
    const token = key === null ? null : await ctx.loaders.tokens.load(key);
    return token && EnrollmentProgramTokenType.from(token);
  }

  @Authorized(Permission.TOKEN_READ)
  @Query(() => EncryptionPublicKeyType, {
    nullable: true,
    description: 'The public key waiting for a token (from `generateEncryptionPublicKey`), or null when none is. Every role.',
  })
  async encryptionPublicKey(): Promise<EncryptionPublicKeyType | null> {
    const key = await this.services.tokens.pendingEncryptionKey();
    return key && EncryptionPublicKeyType.from(key);
  }

  @FieldResolver(() => TokenStatus, { description: "The token's health now; `statusReason` says why." })
  status(@Root() token: EnrollmentProgramTokenType): TokenStatus {
    return this.services.tokens.statusOf(token.entity).status;
  }

  @FieldResolver(() => String, { description: 'One sentence on why the status is what it is, and what to do about it.' })
  statusReason(@Root() token: EnrollmentProgramTokenType): string {
    return this.services.tokens.statusOf(token.entity).reason;
  }

  @FieldResolver(() => Int, {
    description:
      "Devices Apple assigns to the MDM server, as of the last sync: the same devices `devices` lists without a filter. Devices Apple stopped listing are not counted: those moved to another token's MDM server in Homeroom are in `movedAwayDeviceCount` (listed with the `movedAway` filter), the others are listed with the `removed` filter.",
    complexity: COUNT_COST,
  })
  deviceCount(@Root() token: EnrollmentProgramTokenType): Promise<number> {
    return this.services.devices.count(token.id);
  }

  @FieldResolver(() => Int, {
    description:
      "Devices Apple School Manager moved from this token's MDM server to another token's in Homeroom: the ones `devices(filter: { movedAway: true })` lists. Not part of `deviceCount`.",
    complexity: COUNT_COST,
  })
  movedAwayDeviceCount(@Root() token: EnrollmentProgramTokenType): Promise<number> {
    return this.services.devices.count(token.id, { movedAway: true });
  }

  @FieldResolver(() => Int, { description: 'Enrollment profiles of the token.', complexity: COUNT_COST })
  profileCount(@Root() token: EnrollmentProgramTokenType): Promise<number> {
    return this.services.tokens.countProfiles(token.id);
  }

  @Authorized(Permission.TOKEN_CREATE)
  @Mutation(() => GenerateEncryptionPublicKeyPayload, {
    description:
      'Generates a key pair and returns its public key as a certificate to upload to the MDM server in Apple School Manager. A key already waiting is replaced (the payload says so). ADMIN only. Errors: BAD_USER_INPUT.',
  })
  async generateEncryptionPublicKey(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => GenerateEncryptionPublicKeyInput, { description: 'Options of the key.' }) input: GenerateEncryptionPublicKeyInput,
  ): Promise<GenerateEncryptionPublicKeyPayload> {
    const { key, replacedPrevious } = await this.services.tokens.generateEncryptionPublicKey(ctx, input);
    return { encryptionPublicKey: EncryptionPublicKeyType.from(key), replacedPrevious };
  }

  @Authorized(Permission.TOKEN_CREATE)
  @Mutation(() => UploadTokenPayload, {
    description:
      "Stores a server token downloaded from Apple School Manager, after Apple confirms it (GET /account). ADMIN only. Errors, in the order checked: MDM_PUSH_CERTIFICATE_REQUIRED, BAD_USER_INPUT, ALREADY_EXISTS (the file is for a token already stored: the same file again, or a new download of its server; `extensions.tokenId` names it, renew it with `renewToken`), ALREADY_EXISTS (name), ENCRYPTION_KEY_REQUIRED, TOKEN_UNREADABLE, TOKEN_WRONG_KEY, TOKEN_INVALID_CONTENT, APPLE_* (Apple's answer), ALREADY_EXISTS (the MDM server already has a token: renew it).",
  })
  async uploadToken(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => UploadTokenInput, { description: 'The token file and its name.' }) input: UploadTokenInput,
  ): Promise<UploadTokenPayload> {
    try {
      return { token: EnrollmentProgramTokenType.from(await this.services.tokens.upload(ctx, input)) };
    } catch (error) {
      throw withTokenGlobalId(error);
    }
  }

  @Authorized(Permission.TOKEN_UPDATE)
  @Mutation(() => RenewTokenPayload, {
    description:
      'Replaces the token file with a new download for the same MDM server; profiles and devices keep working. ADMIN only. Errors: NOT_FOUND, BAD_USER_INPUT, TOKEN_UNREADABLE, TOKEN_WRONG_KEY, TOKEN_INVALID_CONTENT, APPLE_*, TOKEN_SERVER_MISMATCH (another server, without force), ALREADY_EXISTS (forced onto a server another token has).',
  })
  async renewToken(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => RenewTokenInput, { description: 'The token and its new file.' }) input: RenewTokenInput,
  ): Promise<RenewTokenPayload> {
    try {
      const renewed = await this.services.tokens.renew(ctx, { ...input, tokenId: tokenIdOf(input.tokenId) });
      return { ...renewed, token: EnrollmentProgramTokenType.from(renewed.token) };
    } catch (error) {
      throw withTokenGlobalId(error);
    }
  }

  @Authorized(Permission.TOKEN_UPDATE)
  @Mutation(() => UpdateTokenPayload, {
    description: 'Renames a token or changes its Apple ID. ADMIN only. Errors: NOT_FOUND, BAD_USER_INPUT, ALREADY_EXISTS (name).',
  })
  async updateToken(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => UpdateTokenInput, { description: 'The token and its new values.' }) input: UpdateTokenInput,
  ): Promise<UpdateTokenPayload> {
    const token = await this.services.tokens.update(ctx, { ...input, tokenId: tokenIdOf(input.tokenId) });
    return { token: EnrollmentProgramTokenType.from(token) };
  }

  @Authorized(Permission.TOKEN_DELETE)
  @Mutation(() => DeleteTokenPayload, {
    description:
      'Deletes a token. Refused with TOKEN_IN_USE while it has enrollment profiles or devices Apple assigns to it (`extensions.profiles`, `extensions.devices`). ADMIN only. Errors: NOT_FOUND, TOKEN_IN_USE.',
  })
  async deleteToken(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => DeleteTokenInput, { description: 'The token to delete.' }) input: DeleteTokenInput,
  ): Promise<DeleteTokenPayload> {
    const id = await this.services.tokens.delete(ctx, tokenIdOf(input.tokenId));
    return { deletedTokenId: toGlobalId(ENROLLMENT_PROGRAM_TOKEN_TYPE, id) };
  }

  @Authorized(Permission.TOKEN_UPDATE)
  @Mutation(() => RefreshTokenStatusPayload, {
    description:
      'Asks Apple about the token now (GET /account) and records the answer: Apple refusing the token or the terms comes back as `status`, not as an error. ADMIN only. Errors: NOT_FOUND, APPLE_UNAVAILABLE, APPLE_REQUEST_REJECTED.',
  })
  async refreshTokenStatus(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => RefreshTokenStatusInput, { description: 'The token.' }) input: RefreshTokenStatusInput,
  ): Promise<RefreshTokenStatusPayload> {
    return { token: EnrollmentProgramTokenType.from(await this.services.tokens.refreshStatus(ctx, tokenIdOf(input.tokenId))) };
  }

  @Authorized(Permission.TOKEN_UPDATE)
  @Mutation(() => ShareTokenWithSchoolDataSyncPayload, {
    description:
      'Legacy: shares the token with Microsoft School Data Sync, or stops sharing it (SDS Classic was retired at the end of 2024; kept for districts that still record it). At most one token is shared. ADMIN only. Errors: NOT_FOUND, SDS_ALREADY_SHARED (`extensions.tokenId` is the shared token).',
  })
  async shareTokenWithSchoolDataSync(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => ShareTokenWithSchoolDataSyncInput, { description: 'The token and whether to share it.' })
    input: ShareTokenWithSchoolDataSyncInput,
  ): Promise<ShareTokenWithSchoolDataSyncPayload> {
    try {
      const token = await this.services.tokens.shareWithSchoolDataSync(ctx, { tokenId: tokenIdOf(input.tokenId), shared: input.shared });
      return { token: EnrollmentProgramTokenType.from(token) };
    } catch (error) {
      throw withTokenGlobalId(error);
    }
  }
}
