/**
 * People on a virtual iPad, in two places:
 *
 * - **User affinity at enrollment.** The enrollment URL answers 401 with `WWW-Authenticate: Basic`
 *   when the profile enrolls the device for a user; Setup Assistant shows its sign-in pane and
 *   sends the same signed MachineInfo again with `Authorization: Basic base64(username:password)`.
 *   The device tries at most `maxSignInAttempts` times (3 by default, as Homeroom counts);
 *   `credentials` says what the person types at each attempt.
 * - **Shared iPad sign-ins.** A student signing in is a user-channel TokenUpdate; the device caches
 *   at most MaximumResidentUsers users and, when one more signs in, evicts the one whose last
 *   sign-in is oldest (the rule Homeroom applies to its own list, so the two agree).
 */
import type { HttpAnswer } from './http.js';

/** What a person types at the sign-in pane. */
export interface Credentials {
  readonly username: string;
  readonly password: string;
}

/** The same credentials at every attempt, or what the person types at attempt `n` (from 1); null: nobody signs in. */
export type CredentialsSource = Credentials | ((attempt: number) => Credentials | null);

/** Default attempts at the sign-in pane before Setup Assistant gives up (Homeroom refuses the third wrong one). */
export const DEFAULT_MAX_SIGN_IN_ATTEMPTS = 3;

/** The `UserID` of a Shared iPad's user channel: "no authentication will occur" (reference 2.7). */
export const SHARED_IPAD_USER_ID = 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF';

/** The capability an MDM must list for a Shared iPad to open user channels. */
export const PER_USER_CONNECTIONS = 'com.apple.mdm.per-user-connections';

/** What the person types at `attempt`, or null. */
export function credentialsAt(source: CredentialsSource | undefined, attempt: number): Credentials | null {
  if (source === undefined) return null;
  return typeof source === 'function' ? source(attempt) : source;
}

/** Whether an enrollment answer asks for a user: 401 with a Basic challenge. */
export function asksForUser(answer: HttpAnswer): boolean {
  return answer.status === 401 && /^\s*basic\b/i.test(answer.headers.get('www-authenticate') ?? '');
}

/** Whether an enrollment answer ends the sign-in for good: 403 with reason `USER_AUTHENTICATION_FAILED`. */
export function signInRefused(answer: HttpAnswer): boolean {
  if (answer.status !== 403) return false;
  try {
    return (JSON.parse(answer.body.toString('utf8')) as { reason?: unknown }).reason === 'USER_AUTHENTICATION_FAILED';
  } catch {
    return false;
  }
}

/** `Authorization: Basic` for `credentials` (RFC 7617, UTF-8). */
export function basicAuthorization(credentials: Credentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64')}`;
}

/** A user cached on a Shared iPad. */
export interface ResidentUser {
  readonly shortName: string;
  readonly longName: string;
  readonly lastSignedInAt: Date;
}

/**
 * The users a Shared iPad keeps, least recently signed in first. Short names compare without case,
 * as Managed Apple Accounts do.
 */
export class ResidentUsers {
  private list: ResidentUser[] = [];

  /** Oldest last sign-in first. */
  get users(): readonly ResidentUser[] {
    return this.list;
  }

  /**
   * Records a sign-in: refreshes a resident user, or adds a new one and, beyond `maximum` (none
   * when null: the MDM never set one), evicts the least recently signed in. Returns who was evicted.
   */
  signIn(user: ResidentUser, maximum: number | null): ResidentUser[] {
    const key = user.shortName.toLowerCase();
    this.list = this.list.filter((resident) => resident.shortName.toLowerCase() !== key);
    this.list.push(user);
    if (maximum === null || this.list.length <= maximum) return [];
    return this.list.splice(0, this.list.length - maximum);
  }

  clear(): void {
    this.list = [];
  }
}
