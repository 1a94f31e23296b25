/**
 * A token's health for a UI: the countdown and terms fields of `EnrollmentProgramToken` (beside
 * `status`, `statusReason` and `lastAppleError`), and the `tokenHealthChanged` subscription that
 * sends the same fields live (every role; the stream is in `token-live.ts`).
 */
import { Arg, Authorized, FieldResolver, ID, Int, Resolver, Root, Subscription } from 'type-graphql';
import { Permission } from '../permissions.js';
import type { Services } from '../services/services.js';
import { subscribedToken, type SubscribeData } from './sync.resolver.js';
import { HEALTH_DESCRIPTIONS, TokenHealthStatusType } from './token-health.type.js';
import { healthFromNow } from './token-live.js';
import { EnrollmentProgramTokenType } from './token.type.js';

@Resolver(() => EnrollmentProgramTokenType)
export class TokenHealthResolver {
  constructor(private readonly services: Services) {}

  @FieldResolver(() => Int, { description: HEALTH_DESCRIPTIONS.expiresInSeconds })
  expiresInSeconds(@Root() token: EnrollmentProgramTokenType): number {
    return this.services.tokens.healthOf(token.entity).expiresInSeconds;
  }

  @FieldResolver(() => Int, { description: HEALTH_DESCRIPTIONS.expiresInDays })
  expiresInDays(@Root() token: EnrollmentProgramTokenType): number {
    return this.services.tokens.healthOf(token.entity).expiresInDays;
  }

  @FieldResolver(() => Boolean, { description: HEALTH_DESCRIPTIONS.termsAccepted })
  termsAccepted(@Root() token: EnrollmentProgramTokenType): boolean {
    return this.services.tokens.healthOf(token.entity).termsAccepted;
  }

  @Authorized(Permission.TOKEN_READ)
  @Subscription(() => TokenHealthStatusType, {
    subscribe: async (data: SubscribeData) => {
      const { services, tokenId } = await subscribedToken(data);
      return healthFromNow(services, tokenId);
    },
    description:
      "The token's health, live: first, at once, a snapshot (`snapshot: true`), then a value whenever its status, the status's reason or its last Apple error changes (Apple refused or accepted it again, the terms, a failed or recovered call to Apple, a renewal). The countdown is as of each value; between values a UI counts down from `expiresAt` (crossing into EXPIRING_SOON or EXPIRED by the clock alone sends nothing). Ends when the token is deleted. Every role. Errors: NOT_FOUND.",
  })
  tokenHealthChanged(
    @Root() health: TokenHealthStatusType,
    @Arg('tokenId', () => ID, { description: 'Global ID of the token to watch.' }) _tokenId: string,
  ): TokenHealthStatusType {
    return health;
  }
}
