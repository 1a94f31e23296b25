/**
 * The `TokenHealthStatus` value (a value object, like `TokenSyncStatus`) of the `tokenHealthChanged` subscription: a token's status, its expiry
 * countdown, Apple's terms and the last failed Apple call, as of one moment. The token type shows
 * the same fields (`token-health.resolver.ts`), so a UI renders one from either.
 */
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { EnrollmentProgramToken } from '../entities/enrollment-program-token.entity.js';
import { toGlobalId } from '../global-id.js';
import { TokenStatus } from '../entities/enrollment-program-token.entity.js';
import type { TokenHealthView } from '../services/token/token-status.js';
import { AppleErrorEntryType, ENROLLMENT_PROGRAM_TOKEN_TYPE } from './token.type.js';

/** Shared by the token's fields and this type, so both say the same. */
export const HEALTH_DESCRIPTIONS = {
  expiresInSeconds: 'Whole seconds until the token expires (`expiresAt`), on the server clock; 0 once it has expired.',
  expiresInDays: 'Days until the token expires, rounded up (1 on its last day); 0 once it has expired. EXPIRING_SOON from 30.',
  termsAccepted:
    "False while Apple's last answer was that the latest terms and conditions are not accepted in Apple School Manager (status TERMS_NOT_ACCEPTED, unless the token has also expired); true otherwise. Accept them, then call `refreshTokenStatus`.",
} as const;

@ObjectType('TokenHealthStatus', {
  description:
    "A token's health at one moment: Apple's verdict as `status` and `statusReason`, the expiry countdown, Apple's terms and the last failed call to Apple. `tokenHealthChanged` sends one at once (`snapshot: true`) and another whenever the status, its reason or the last Apple error changes.",
})
export class TokenHealthStatusType {
  /** Row id, shown as a global ID. */
  tokenRowId!: number;

  @Field(() => Boolean, { description: 'True on the first value, sent when the subscription starts; false on every change after it.' })
  snapshot!: boolean;

  @Field(() => ID, { description: 'Global ID of the token.' })
  get tokenId(): string {
    return toGlobalId(ENROLLMENT_PROGRAM_TOKEN_TYPE, this.tokenRowId);
  }

  @Field(() => TokenStatus, { description: "The token's status, as the token's `status` field shows it." })
  status!: TokenStatus;

  @Field(() => String, { description: 'One sentence on why the status is what it is, and what to do about it.' })
  statusReason!: string;

  @Field(() => Date, { description: 'When Apple stops accepting the token.' })
  expiresAt!: Date;

  @Field(() => Int, { description: HEALTH_DESCRIPTIONS.expiresInSeconds })
  expiresInSeconds!: number;

  @Field(() => Int, { description: HEALTH_DESCRIPTIONS.expiresInDays })
  expiresInDays!: number;

  @Field(() => Boolean, { description: HEALTH_DESCRIPTIONS.termsAccepted })
  termsAccepted!: boolean;

  @Field(() => AppleErrorEntryType, {
    nullable: true,
    description: 'The last call to Apple made with the token, if it failed; null when the last call succeeded or none ever failed.',
  })
  lastAppleError!: AppleErrorEntryType | null;

  @Field(() => Date, { description: 'When this value was taken, on the server clock (the countdown is as of then).' })
  at!: Date;

  static from(token: EnrollmentProgramToken, health: TokenHealthView, at: Date, snapshot: boolean): TokenHealthStatusType {
    return Object.assign(new TokenHealthStatusType(), {
      tokenRowId: token.id,
      snapshot,
      status: health.status,
      statusReason: health.reason,
      expiresAt: token.accessTokenExpiry,
      expiresInSeconds: health.expiresInSeconds,
      expiresInDays: health.expiresInDays,
      termsAccepted: health.termsAccepted,
      lastAppleError: AppleErrorEntryType.from(token),
      at,
    });
  }
}
