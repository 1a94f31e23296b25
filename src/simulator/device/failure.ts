/**
 * Why a virtual iPad's run stopped, in a stable vocabulary a rehearsal report can count by
 * (`failed: { WRONG_CREDENTIALS: 10, NETWORK_FAILURE: 2 }`) and tests can match on, beside a
 * sentence for people. README.md beside this file has the same table.
 */

/**
 * The machine-readable reasons:
 * - `NETWORK_FAILURE`: an exchange got no HTTP answer at all (refused, reset, timed out, no network);
 * - `ACTIVATION_REFUSED`: Apple answered the cloud configuration lookup with an error or something unreadable;
 * - `ENROLLMENT_REFUSED`: the enrollment URL answered neither the profile nor a request for a user
 *   (e.g. 403 PROFILE_NOT_ASSIGNED, 404, 500); the status and body are kept;
 * - `NO_CREDENTIALS`: the enrollment asked for a user (401, `WWW-Authenticate: Basic`) and the
 *   device had nobody to sign in;
 * - `WRONG_CREDENTIALS`: the user's sign-in was refused: the attempts ran out on 401s, the server
 *   answered 403 `USER_AUTHENTICATION_FAILED`, or the user gave up after a wrong attempt;
 * - `PROFILE_REFUSED`: the answer was not an enrollment profile the device installs (wrong
 *   content type, unreadable, or failing the checks of enrollment-profile.ts);
 * - `CHECK_IN_REFUSED`: `Authenticate` or `TokenUpdate` answered other than 200 (the profile is not kept);
 * - `NOT_CONFIGURED`: `DeviceConfigured` never arrived within `maxConnectPolls` (the profile stays);
 * - `UNENROLLED`: the MDM told the device it is not enrolled (401, or 403 `com.apple.unrecognized.device`)
 *   while it awaited configuration.
 */
export type FailureReason =
  | 'NETWORK_FAILURE'
  | 'ACTIVATION_REFUSED'
  | 'ENROLLMENT_REFUSED'
  | 'NO_CREDENTIALS'
  | 'WRONG_CREDENTIALS'
  | 'PROFILE_REFUSED'
  | 'CHECK_IN_REFUSED'
  | 'NOT_CONFIGURED'
  | 'UNENROLLED';

/** Every reason, in the order above (reports list them so). */
export const FAILURE_REASONS: readonly FailureReason[] = [
  'NETWORK_FAILURE',
  'ACTIVATION_REFUSED',
  'ENROLLMENT_REFUSED',
  'NO_CREDENTIALS',
  'WRONG_CREDENTIALS',
  'PROFILE_REFUSED',
  'CHECK_IN_REFUSED',
  'NOT_CONFIGURED',
  'UNENROLLED',
];

/** Why the last run stopped. */
export interface DeviceFailure {
  /** The trace step that ended the run. */
  readonly step: 'ACTIVATION_FAILED' | 'ENROLLMENT_FAILED';
  readonly reason: FailureReason;
  /** What happened, in words. */
  readonly message: string;
  /** The HTTP status of the answer that ended the run, when there was one. */
  readonly status?: number;
  /** Its body, cut to 500 characters. */
  readonly body?: string;
}

/** What stops an enrollment: thrown inside a run, recorded as `ENROLLMENT_FAILED`. */
export class EnrollmentStopped extends Error {
  constructor(readonly detail: Omit<DeviceFailure, 'step'>) {
    super(detail.message);
    this.name = 'EnrollmentStopped';
  }
}
