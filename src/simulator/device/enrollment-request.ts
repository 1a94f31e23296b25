/**
 * The enrollment request (reference 2.1): `POST ConfigurationURL` with the signed MachineInfo, and,
 * when the profile enrolls the device for a user, the sign-in Setup Assistant runs after a 401 with
 * `WWW-Authenticate: Basic`: the same signed body again with each attempt's credentials, until the
 * profile comes or the sign-in ends (users.ts has the rules, failure.ts the reasons).
 */
import { EnrollmentStopped } from './failure.js';
import { bodyExcerpt, DeviceHttpError, type HttpAnswer, type Transport } from './http.js';
import { postMachineInfo } from './mdm-client.js';
import type { Trace } from './trace.js';
import { asksForUser, basicAuthorization, credentialsAt, signInRefused, type CredentialsSource } from './users.js';

/** HTTP that stops the enrollment (`NETWORK_FAILURE`) when the exchange itself fails. */
export async function stopOnNetworkFailure<T = HttpAnswer>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof DeviceHttpError) throw new EnrollmentStopped({ reason: 'NETWORK_FAILURE', message: `${what}: ${error.message}` });
    throw error;
  }
}

/** What the request needs from the device. */
export interface ProfileRequest {
  readonly url: string;
  /** The CMS-signed MachineInfo, sent as is at every attempt. */
  readonly signed: Buffer;
  readonly transport: Transport;
  readonly trace: Trace;
  readonly credentials: CredentialsSource | undefined;
  readonly maxAttempts: number;
}

/**
 * The 200 answer (the profile, not yet checked) and the user who signed in, if one was asked for.
 *
 * @throws EnrollmentStopped with `NO_CREDENTIALS`, `WRONG_CREDENTIALS`, `ENROLLMENT_REFUSED` or `NETWORK_FAILURE`
 */
export async function requestProfile(request: ProfileRequest): Promise<{ answer: HttpAnswer; user: string | null }> {
  const { url, signed, transport, trace } = request;
  let answer = await stopOnNetworkFailure('MachineInfo', () => postMachineInfo(url, signed, { transport }));
  trace.add('MACHINE_INFO_POSTED', { url, status: answer.status });
  let user: string | null = null;
  for (let attempt = 1; asksForUser(answer); attempt += 1) {
    const credentials = attempt <= request.maxAttempts ? credentialsAt(request.credentials, attempt) : null;
    if (!credentials) {
      const message =
        attempt > request.maxAttempts
          ? `the sign-in was refused ${request.maxAttempts} times`
          : attempt === 1
            ? 'the enrollment asks for a user and nobody signs in'
            : `the user gave up after ${attempt - 1} refused sign-in${attempt > 2 ? 's' : ''}`;
      throw new EnrollmentStopped({
        reason: attempt === 1 ? 'NO_CREDENTIALS' : 'WRONG_CREDENTIALS',
        message,
        status: answer.status,
        body: bodyExcerpt(answer.body),
      });
    }
    // Setup Assistant's sign-in pane, shown only because the MDM asked.
    trace.add('USER_SIGN_IN', { pane: 'UserSignIn', channel: 'enrollment', attempt, username: credentials.username });
    const authorization = basicAuthorization(credentials);
    answer = await stopOnNetworkFailure('MachineInfo', () => postMachineInfo(url, signed, { authorization, transport }));
    trace.add('MACHINE_INFO_POSTED', { url, status: answer.status, attempt });
    user = credentials.username;
  }
  if (user !== null && signInRefused(answer)) {
    throw new EnrollmentStopped({
      reason: 'WRONG_CREDENTIALS',
      message: 'the MDM refused the sign-in for good',
      status: answer.status,
      body: bodyExcerpt(answer.body),
    });
  }
  if (answer.status !== 200) {
    throw new EnrollmentStopped({
      reason: 'ENROLLMENT_REFUSED',
      message: `the enrollment URL answered ${answer.status}`,
      status: answer.status,
      body: bodyExcerpt(answer.body),
    });
  }
  return { answer, user };
}
