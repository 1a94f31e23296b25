/**
 * What Homeroom says about a token's health: the rule, and the words the GraphQL layer shows
 * for each status and kind. The stored `status` column keeps Apple's last verdict; what clients see is
 * decided on read from that verdict and the clock, so a token silently crosses into
 * `EXPIRING_SOON` and `EXPIRED` without anyone calling Apple.
 */
import { TokenStatus, TokenType, type EnrollmentProgramToken } from '../../entities/enrollment-program-token.entity.js';

export const TOKEN_STATUS_DESCRIPTIONS: Record<TokenStatus, string> = {
  [TokenStatus.ACTIVE]: 'Apple accepted the token when last asked, and it expires in more than 30 days.',
  [TokenStatus.EXPIRING_SOON]: 'The token expires within 30 days: download a new one in Apple School Manager and call `renewToken`.',
  [TokenStatus.EXPIRED]:
    'The token is past its expiry; Apple refuses it. Download a new one in Apple School Manager and call `renewToken`.',
  [TokenStatus.TERMS_NOT_ACCEPTED]:
    'Apple refuses calls until an administrator accepts the latest terms and conditions in Apple School Manager; then call `refreshTokenStatus`.',
  [TokenStatus.REJECTED]:
    'Apple refuses the token (replaced by a newer download, or revoked), as its sign-in (`/session`) said; one refused data call does not make a token REJECTED. Download a new token for this MDM server and call `renewToken`.',
};

export const TOKEN_TYPE_DESCRIPTIONS: Record<TokenType, string> = {
  [TokenType.APPLE_SCHOOL_MANAGER]: 'A token from Apple School Manager (`org_type: edu`).',
  [TokenType.APPLE_BUSINESS_MANAGER]: 'A token from Apple Business Manager (`org_type: org`).',
};

/**
 * `org_type` to token type. Apple sends `org_type` from protocol 3 (Homeroom asks for 10); when
 * it is missing, the token is taken for a school's, which is what Homeroom is for.
 */
export function tokenTypeOf(orgType: string | undefined): TokenType {
  return orgType === 'org' ? TokenType.APPLE_BUSINESS_MANAGER : TokenType.APPLE_SCHOOL_MANAGER;
}

/** Fleet's warning window (reference 2.4): a token with 30 days or less left is "expiring soon". */
export const EXPIRING_SOON_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A status and the sentence that explains it. */
export interface TokenStatusView {
  readonly status: TokenStatus;
  readonly reason: string;
}

/** The status from the expiry alone: what Apple's acceptance means at `now`. */
export function expiryStatus(expiresAt: Date, now: Date): TokenStatus {
  const left = expiresAt.getTime() - now.getTime();
  if (left <= 0) return TokenStatus.EXPIRED;
  return left <= EXPIRING_SOON_DAYS * DAY_MS ? TokenStatus.EXPIRING_SOON : TokenStatus.ACTIVE;
}

/**
 * The status clients see. Past its expiry a token is `EXPIRED` whatever Apple said last (an
 * expired token is refused anyway, and "expired" tells the admin exactly what to do); otherwise
 * Apple's last refusal (`REJECTED`, `TERMS_NOT_ACCEPTED`) stands until Apple accepts the token
 * again; otherwise the expiry decides between `EXPIRING_SOON` and `ACTIVE`.
 */
export function tokenStatus(
  token: Pick<EnrollmentProgramToken, 'status' | 'statusReason' | 'accessTokenExpiry'>,
  now: Date,
): TokenStatusView {
  const byExpiry = expiryStatus(token.accessTokenExpiry, now);
  const expiry = token.accessTokenExpiry.toISOString();
  if (byExpiry === TokenStatus.EXPIRED) {
    return {
      status: byExpiry,
      reason: `The token expired on ${expiry}; download a new one for this MDM server in Apple School Manager and call \`renewToken\` with it.`,
    };
  }
  if (token.status === TokenStatus.REJECTED || token.status === TokenStatus.TERMS_NOT_ACCEPTED) {
    return { status: token.status, reason: token.statusReason ?? TOKEN_STATUS_DESCRIPTIONS[token.status] };
  }
  if (byExpiry === TokenStatus.EXPIRING_SOON) {
    const days = Math.ceil((token.accessTokenExpiry.getTime() - now.getTime()) / DAY_MS);
    return {
      status: byExpiry,
      reason: `The token expires on ${expiry} (in ${days} day${days === 1 ? '' : 's'}); download a new one for this MDM server in Apple School Manager and call \`renewToken\` with it.`,
    };
  }
  return { status: byExpiry, reason: `Apple accepts the token; it expires on ${expiry}.` };
}

/** What a UI shows of a token's health: the status, the expiry countdown, Apple's terms. */
export interface TokenHealthView extends TokenStatusView {
  /** Whole seconds until the token expires; 0 once it has. */
  readonly expiresInSeconds: number;
  /** Days until the token expires, rounded up (as the EXPIRING_SOON reason counts them); 0 once it has. */
  readonly expiresInDays: number;
  /**
   * False while Apple's last verdict is that the terms are not accepted (`T_C_NOT_SIGNED`); the
   * stored verdict, so an expired token still says whether the terms stand in the way too.
   */
  readonly termsAccepted: boolean;
}

/** {@link tokenStatus} with the countdown and the terms, at `now`. */
export function tokenHealth(
  token: Pick<EnrollmentProgramToken, 'status' | 'statusReason' | 'accessTokenExpiry'>,
  now: Date,
): TokenHealthView {
  const left = Math.max(0, token.accessTokenExpiry.getTime() - now.getTime());
  return {
    ...tokenStatus(token, now),
    expiresInSeconds: Math.floor(left / 1000),
    expiresInDays: Math.ceil(left / DAY_MS),
    termsAccepted: token.status !== TokenStatus.TERMS_NOT_ACCEPTED,
  };
}
