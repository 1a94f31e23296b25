/**
 * The per-token Apple session gateway: every call to Apple on a token's behalf goes through
 * {@link AppleSessionGateway.callApple}, which unseals the token's credentials, reuses and rotates
 * the session Apple issued, and records what Apple's answer says about the token (its status and
 * its last Apple error). Sync, assignment and profile definition call Apple through it; the token
 * lifecycle (`token.service.ts`) uses it for renewal checks and status refreshes.
 *
 * It is its own module because it is the one place that turns Apple's answers into a token's
 * status: the services that call Apple need that rule, not the token lifecycle's mutations.
 */
import type { DepClient, DepCredentials } from '../../apple/dep-client.js';
import type { DepAccount } from '../../apple/dep-types.js';
import { DepApiError, isTokenDeath } from '../../apple/dep-errors.js';
import { EnrollmentProgramToken } from '../../entities/enrollment-program-token.entity.js';
import { ErrorCode, HomeroomError, isHomeroomError, rowNotFound } from '../../errors.js';
import { Topic } from '../../platform/events/event-bus.js';
import type { ServiceDependencies } from '../service-dependencies.js';
import { TokenSecrets } from './token-secrets.js';
import { TokenStatus } from '../../entities/enrollment-program-token.entity.js';
import { expiryStatus } from './token-status.js';

/** What Apple's answer to a call says about the token itself, if anything. */
interface Verdict {
  readonly status: TokenStatus;
  readonly reason: string | null;
}

/** The last failed Apple call, as kept on the token (`lastAppleError*` columns); all null once a call succeeds. */
export type AppleErrorColumns = Pick<
  EnrollmentProgramToken,
  'lastAppleErrorCode' | 'lastAppleErrorAppleCode' | 'lastAppleErrorMessage' | 'lastAppleErrorEndpoint' | 'lastAppleErrorAt'
>;

export const NO_APPLE_ERROR: AppleErrorColumns = {
  lastAppleErrorCode: null,
  lastAppleErrorAppleCode: null,
  lastAppleErrorMessage: null,
  lastAppleErrorEndpoint: null,
  lastAppleErrorAt: null,
};

export class AppleSessionGateway {
  private readonly secrets: TokenSecrets;

  constructor(private readonly deps: Pick<ServiceDependencies, 'database' | 'clock' | 'apple' | 'secretBox' | 'events'>) {
    this.secrets = new TokenSecrets(deps.secretBox);
  }

  /**
   * Runs `work` with a DEP client for the token (credentials unsealed, the saved session reused
   * and rotated ones saved). Apple's verdict updates the token's status: only `/session` declaring
   * the token dead (`isTokenDeath`) makes it REJECTED, and `T_C_NOT_SIGNED` TERMS_NOT_ACCEPTED; a
   * refused request (a 403 `ACCESS_DENIED` on a data call included) means the token got through;
   * success marks it ACTIVE/EXPIRING_SOON/EXPIRED by expiry. Every Apple failure is kept on the
   * token (`lastAppleError*`) and rethrown; a success clears it. Never call it inside a database
   * transaction.
   *
   * The save happens after `work` ends, in one UPDATE of its own, and only if the token still
   * has the credentials the call used: a renewal that landed meanwhile is not overwritten by a
   * verdict about the credentials it replaced. A failed save is ignored, so an Apple call that
   * took effect (an assignment) is never reported as failed because of it.
   *
   * @throws HomeroomError NOT_FOUND when there is no such token; whatever `work` throws.
   */
  async callApple<T>(tokenId: number, work: (client: DepClient) => Promise<T>): Promise<T> {
    const token = await this.deps.database.manager.findOneBy(EnrollmentProgramToken, { id: tokenId });
    if (!token) throw rowNotFound('enrollment program token', 'EnrollmentProgramToken', [tokenId]);
    const credentials = this.secrets.openCredentials(token);
    const savedSession = this.secrets.openSession(token);
    let session = savedSession;
    const client = this.deps.apple.client(credentials, {
      ...(savedSession ? { initialSession: savedSession } : {}),
      onSession: (issued) => (session = issued),
    });
    let verdict: Verdict | null = null;
    let appleError: AppleErrorColumns | undefined;
    try {
      const result = await work(client);
      verdict = this.accepted(token);
      appleError = NO_APPLE_ERROR;
      return result;
    } catch (error) {
      verdict = this.verdictOf(token, error);
      appleError = this.appleErrorOf(error);
      throw error;
    } finally {
      await this.saveCallOutcome(token, session === savedSession ? undefined : session, verdict, appleError);
    }
  }

  /** `GET /account` with fresh credentials, and the session Apple issued for them. */
  async askAccount(credentials: DepCredentials): Promise<{ account: DepAccount; session: string | null }> {
    const client = this.deps.apple.client(credentials);
    const account = await client.account();
    if (typeof account.server_uuid !== 'string' || account.server_uuid === '') {
      throw new HomeroomError(ErrorCode.APPLE_UNAVAILABLE, 'Apple answered GET /account without a server_uuid; try again later.', {
        endpoint: 'GET /account',
      });
    }
    return { account, session: client.currentSession };
  }

  private accepted(token: EnrollmentProgramToken): Verdict {
    return { status: expiryStatus(token.accessTokenExpiry, this.deps.clock.now()), reason: null };
  }

  /**
   * `/session` declaring the token dead, or the terms not accepted, is a verdict; refusing a request
   * (a 403 `ACCESS_DENIED` on a data call included) means the token got through. Other refusals of
   * the token (a 401 that survived a fresh sign-in) leave the status as it was: Apple only documents
   * `/session`'s answers as the token's end.
   */
  private verdictOf(token: EnrollmentProgramToken, error: unknown): Verdict | null {
    if (!isHomeroomError(error)) return null;
    switch (error.code) {
      case ErrorCode.APPLE_TOKEN_REJECTED:
        return isTokenDeath(error) ? { status: TokenStatus.REJECTED, reason: error.message.slice(0, 500) } : null;
      case ErrorCode.APPLE_TERMS_NOT_ACCEPTED:
        return { status: TokenStatus.TERMS_NOT_ACCEPTED, reason: error.message.slice(0, 500) };
      case ErrorCode.APPLE_REQUEST_REJECTED:
        return this.accepted(token);
      default:
        return null;
    }
  }

  /** The columns recording a failed Apple call; undefined for failures that are not Apple's (left as they were). */
  private appleErrorOf(error: unknown): AppleErrorColumns | undefined {
    if (!isHomeroomError(error) || !error.code.startsWith('APPLE_')) return undefined;
    const detail = (key: string): string | null => {
      const value = error.details[key];
      return typeof value === 'string' ? value : null;
    };
    return {
      lastAppleErrorCode: error.code,
      lastAppleErrorAppleCode: (error instanceof DepApiError ? error.appleCode : detail('appleCode'))?.slice(0, 100) ?? null,
      lastAppleErrorMessage: error.message.slice(0, 1000),
      lastAppleErrorEndpoint: (error instanceof DepApiError ? error.endpoint : detail('endpoint'))?.slice(0, 200) ?? null,
      lastAppleErrorAt: this.deps.clock.now(),
    };
  }

  private async saveCallOutcome(
    token: EnrollmentProgramToken,
    session: string | null | undefined,
    verdict: Verdict | null,
    appleError: AppleErrorColumns | undefined,
  ): Promise<void> {
    const changes: Partial<EnrollmentProgramToken> = { ...appleError };
    if (session !== undefined) {
      changes.sealedSession = this.secrets.sealSession(token.serverUuid, session);
    }
    if (verdict) {
      Object.assign(changes, { status: verdict.status, statusReason: verdict.reason, statusCheckedAt: this.deps.clock.now() });
      // A refused token's session died with it; the next call signs in afresh.
      if (verdict.status === TokenStatus.REJECTED) changes.sealedSession = null;
    }
    if (Object.keys(changes).length === 0) return;
    try {
      const result = await this.deps.database.manager.update(
        EnrollmentProgramToken,
        { id: token.id, sealedCredentials: token.sealedCredentials },
        changes,
      );
      // After the write, and only when what `tokenHealthChanged` shows moved (not for every success).
      if (result.affected !== 0 && healthMoved(token, changes)) this.deps.events.publish(Topic.TOKEN_HEALTH_CHANGED, { tokenId: token.id });
    } catch {
      // See callApple: the call's own outcome matters more than remembering it.
    }
  }
}

/** The columns a token's health shows: Apple's verdict and the last failed call. */
const HEALTH_COLUMNS = ['status', 'statusReason', 'lastAppleErrorCode', 'lastAppleErrorMessage', 'lastAppleErrorAt'] as const;

/** Whether `changes` give a health column another value than `token` has. */
function healthMoved(token: EnrollmentProgramToken, changes: Partial<EnrollmentProgramToken>): boolean {
  return HEALTH_COLUMNS.some((column) => {
    if (!(column in changes)) return false;
    const before: unknown = token[column];
    const after: unknown = changes[column];
    const time = (value: unknown) => (value instanceof Date ? value.getTime() : value);
    return time(before) !== time(after);
  });
}

/** Whether an error is Apple's verdict on the token itself (recorded as its status). */
export function isTokenVerdict(error: unknown): boolean {
  return isHomeroomError(error) && (error.code === ErrorCode.APPLE_TOKEN_REJECTED || error.code === ErrorCode.APPLE_TERMS_NOT_ACCEPTED);
}
