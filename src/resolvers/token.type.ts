/**
 * The GraphQL face of enrollment program tokens: the `EnrollmentProgramToken` and
 * `EncryptionPublicKey` Node types, their enums, the token connection and the payloads of the
 * token mutations. The entities stay free of GraphQL; each type is built from its entity with
 * `from(...)`. Fields that need a service (status, counts) are field resolvers in
 * `token.resolver.ts`; other resolvers may add fields to `EnrollmentProgramTokenType` with
 * `@Resolver(() => EnrollmentProgramTokenType)` (the profile resolver adds `profiles`).
 */
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { EncryptionKey } from '../entities/encryption-key.entity.js';
import { ErrorCode } from '../errors.js';
import { Connection } from '../schema/connection.type.js';
import { toGlobalId } from '../global-id.js';
import { Node } from '../schema/node.type.js';
import { TokenStatus, TokenType, type EnrollmentProgramToken } from '../entities/enrollment-program-token.entity.js';
import { TOKEN_STATUS_DESCRIPTIONS, TOKEN_TYPE_DESCRIPTIONS } from '../services/token/token-status.js';

function describeEach<T extends string>(descriptions: Record<T, string>): Record<T, { description: string }> {
  return Object.fromEntries(Object.entries(descriptions).map(([k, d]) => [k, { description: d }])) as Record<T, { description: string }>;
}

registerEnumType(TokenStatus, {
  name: 'TokenStatus',
  description: "A token's health: Apple's last verdict on it, and its expiry on the server's clock.",
  valuesConfig: describeEach(TOKEN_STATUS_DESCRIPTIONS),
});

registerEnumType(TokenType, {
  name: 'TokenType',
  description: 'Which Apple portal the token comes from.',
  valuesConfig: describeEach(TOKEN_TYPE_DESCRIPTIONS),
});

/**
 * A value object (no identity of its own, like `*Status`): the last call to Apple made with a token
 * that failed. Kept for the UI, so one refused call can be shown without changing the token's status.
 */
@ObjectType('AppleErrorEntry', {
  description:
    "The last call to Apple made with the token that failed: what Homeroom and Apple said, where and when. A 403 ACCESS_DENIED on a data call shows here without making the token REJECTED; only Apple's sign-in (`/session`) declaring the token dead does that.",
})
export class AppleErrorEntryType {
  @Field(() => ErrorCode, {
    description: "Homeroom's code for the failure (APPLE_REQUEST_REJECTED, APPLE_UNAVAILABLE, APPLE_TOKEN_REJECTED, ...).",
  })
  code!: ErrorCode;

  @Field(() => String, {
    nullable: true,
    description:
      "Apple's own error code as sent (`ACCESS_DENIED`, `token_rejected`, ...); null when Apple sent none (no answer, HTTP 5xx).",
  })
  appleCode!: string | null;

  @Field(() => String, { description: 'One sentence on the failure and what to do, for people.' })
  message!: string;

  @Field(() => String, { nullable: true, description: 'The call that failed, method and path (`POST /devices/sync`); null when unknown.' })
  endpoint!: string | null;

  @Field(() => Date, { description: 'When the call failed, on the server clock.' })
  at!: Date;

  /** Null when the token's last call to Apple succeeded, or none ever failed. */
  static from(token: EnrollmentProgramToken): AppleErrorEntryType | null {
    if (!token.lastAppleErrorCode || !token.lastAppleErrorAt) return null;
    return Object.assign(new AppleErrorEntryType(), {
      code: token.lastAppleErrorCode as ErrorCode,
      appleCode: token.lastAppleErrorAppleCode,
      message: token.lastAppleErrorMessage ?? '',
      endpoint: token.lastAppleErrorEndpoint,
      at: token.lastAppleErrorAt,
    });
  }
}

/** The GraphQL type name, which global IDs carry (the class name is not it). */
export const ENROLLMENT_PROGRAM_TOKEN_TYPE = 'EnrollmentProgramToken';
export const ENCRYPTION_PUBLIC_KEY_TYPE = 'EncryptionPublicKey';

@ObjectType(ENROLLMENT_PROGRAM_TOKEN_TYPE, {
  implements: Node,
  description:
    'An enrollment program token: one MDM server in Apple School Manager (or Business Manager), whose devices Homeroom may see and enroll. Its OAuth secrets and private key are stored encrypted and never shown.',
})
export class EnrollmentProgramTokenType extends Node {
  /** Row id; GraphQL shows the global ID. */
  id!: number;

  /** The row, for field resolvers (status, counts) that need more than the fields below. */
  entity!: EnrollmentProgramToken;

  @Field(() => String, { description: "Homeroom's name for the token, unique; 1 to 100 characters." })
  name!: string;

  @Field(() => String, { description: 'The Apple ID that downloaded the token in Apple School Manager; renew the token with it.' })
  appleId!: string;

  @Field(() => TokenType, { description: 'Apple School Manager or Apple Business Manager, as Apple reports the organisation.' })
  tokenType!: TokenType;

  @Field(() => String, { description: 'The organisation, as Apple names it.' })
  organizationName!: string;

  @Field(() => String, { description: 'The MDM server the token belongs to, as named in Apple School Manager.' })
  serverName!: string;

  @Field(() => String, { description: "Apple's UUID of the MDM server; a renewal must carry the same one." })
  serverUuid!: string;

  @Field(() => Date, { description: 'When Apple stops accepting the token (one year after download).' })
  expiresAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When Apple last answered a call made with the token; null if never.' })
  statusCheckedAt!: Date | null;

  @Field(() => AppleErrorEntryType, {
    nullable: true,
    description:
      'The last call to Apple made with the token, if it failed; null when the last call succeeded or none ever failed. A refused data call (403 ACCESS_DENIED) shows here and leaves `status` as it was.',
  })
  lastAppleError!: AppleErrorEntryType | null;

  @Field(() => Boolean, {
    description:
      'Legacy: whether the token is shared with Microsoft School Data Sync (SDS Classic, retired at the end of 2024). At most one token is shared.',
  })
  sharedWithSchoolDataSync!: boolean;

  @Field(() => Date, { description: 'When the token was first uploaded.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When the token last changed (renewal, rename, refreshed details).' })
  updatedAt!: Date;

  override get globalId(): string {
    return toGlobalId(ENROLLMENT_PROGRAM_TOKEN_TYPE, this.id);
  }

  static from(token: EnrollmentProgramToken): EnrollmentProgramTokenType {
    return Object.assign(new EnrollmentProgramTokenType(), {
      id: token.id,
      entity: token,
      name: token.name,
      appleId: token.appleId,
      tokenType: token.tokenType,
      organizationName: token.organizationName,
      serverName: token.serverName,
      serverUuid: token.serverUuid,
      expiresAt: token.accessTokenExpiry,
      statusCheckedAt: token.statusCheckedAt,
      lastAppleError: AppleErrorEntryType.from(token),
      sharedWithSchoolDataSync: token.sharedWithSchoolDataSync,
      createdAt: token.createdAt,
      updatedAt: token.updatedAt,
    });
  }
}

export const EnrollmentProgramTokenConnection = Connection(EnrollmentProgramTokenType, 'EnrollmentProgramToken');

@ObjectType(ENCRYPTION_PUBLIC_KEY_TYPE, {
  implements: Node,
  description:
    'The public key (as a certificate) to upload to the MDM server in Apple School Manager, which encrypts the server token to it. Homeroom keeps the private key until a token encrypted to it is uploaded.',
})
export class EncryptionPublicKeyType extends Node {
  /** Row id; GraphQL shows the global ID. */
  id!: number;

  @Field(() => String, {
    description: 'The self-signed X.509 certificate, PEM: save it as a .pem file and upload it in Apple School Manager.',
  })
  certificate!: string;

  @Field(() => Date, { description: 'When the key was generated.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'The certificate expires then; Apple School Manager must have encrypted the token to it before.' })
  expiresAt!: Date;

  override get globalId(): string {
    return toGlobalId(ENCRYPTION_PUBLIC_KEY_TYPE, this.id);
  }

  static from(key: EncryptionKey): EncryptionPublicKeyType {
    return Object.assign(new EncryptionPublicKeyType(), {
      id: key.id,
      certificate: key.certificatePem,
      createdAt: key.createdAt,
      expiresAt: key.expiresAt,
    });
  }
}

@ObjectType('GenerateEncryptionPublicKeyPayload', { description: 'The new public key to upload in Apple School Manager.' })
export class GenerateEncryptionPublicKeyPayload {
  @Field(() => EncryptionPublicKeyType, { description: 'The key; `encryptionPublicKey` returns it again until a token arrives.' })
  encryptionPublicKey!: EncryptionPublicKeyType;

  @Field(() => Boolean, {
    description:
      'True when another public key was waiting and is now discarded: a token Apple School Manager encrypted to it can no longer be uploaded.',
  })
  replacedPrevious!: boolean;
}

@ObjectType('UploadTokenPayload', { description: 'The stored token.' })
export class UploadTokenPayload {
  @Field(() => EnrollmentProgramTokenType, { description: 'The new token, with what Apple said about its server and organisation.' })
  token!: EnrollmentProgramTokenType;
}

@ObjectType('RenewTokenPayload', { description: 'The token with its new file.' })
export class RenewTokenPayload {
  @Field(() => EnrollmentProgramTokenType, { description: 'The renewed token; its profiles and devices are unchanged.' })
  token!: EnrollmentProgramTokenType;

  @Field(() => Boolean, { description: 'True when `force` moved the token to another MDM server.' })
  serverChanged!: boolean;

  @Field(() => Boolean, {
    description: 'True when the new file was encrypted to the pending public key, which the token now keeps for its next renewals.',
  })
  adoptedPendingKey!: boolean;
}

@ObjectType('UpdateTokenPayload', { description: 'The updated token.' })
export class UpdateTokenPayload {
  @Field(() => EnrollmentProgramTokenType, { description: 'The token with its new name or Apple ID.' })
  token!: EnrollmentProgramTokenType;
}

@ObjectType('DeleteTokenPayload', { description: 'What was deleted.' })
export class DeleteTokenPayload {
  @Field(() => ID, { description: 'Global ID of the deleted token.' })
  deletedTokenId!: string;
}

@ObjectType('RefreshTokenStatusPayload', { description: "The token with Apple's latest verdict." })
export class RefreshTokenStatusPayload {
  @Field(() => EnrollmentProgramTokenType, { description: 'The token; `status` and `statusCheckedAt` reflect the call just made.' })
  token!: EnrollmentProgramTokenType;
}

@ObjectType('ShareTokenWithSchoolDataSyncPayload', { description: 'The token with its School Data Sync flag.' })
export class ShareTokenWithSchoolDataSyncPayload {
  @Field(() => EnrollmentProgramTokenType, { description: 'The token.' })
  token!: EnrollmentProgramTokenType;
}
