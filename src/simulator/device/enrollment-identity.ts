/**
 * The enrollment profile a virtual iPad installs and the identity it names: a PKCS#12 identity
 * carried in the profile, or one the device obtains by SCEP or by ACME with Apple's attestation.
 * As on iOS, a profile that cannot be read, or whose identity cannot be obtained, fails the
 * profile's installation (`PROFILE_REFUSED`); a network failure stops with `NETWORK_FAILURE`.
 */
import { AcmeClientError, obtainAcmeIdentity } from './acme-client.js';
import type { ImportedIdentity } from './device-crypto.js';
import { ProfileRefusedError, readEnrollmentProfile } from './enrollment-profile.js';
import { stopOnNetworkFailure } from './enrollment-request.js';
import { EnrollmentStopped } from './failure.js';
import { DeviceHttpError, type HttpAnswer, type Transport } from './http.js';
import { enrollByScep, ScepEnrollmentError, type KeySource } from './scep-client.js';
import type { Trace } from './trace.js';

/** An enrollment profile as read by `readEnrollmentProfile`. */
export type EnrollmentProfile = ReturnType<typeof readEnrollmentProfile>;

/** What obtaining an identity needs from the device. */
export interface IdentityContext {
  readonly serialNumber: string;
  readonly udid: string;
  readonly osVersion: string;
  readonly appleUrl: string;
  readonly transport: Transport;
  readonly trace: Trace;
  readonly scepKeys?: KeySource;
}

/** Reads the enrollment URL's answer as an enrollment profile, or stops with `PROFILE_REFUSED`. */
export function readProfileAnswer(answer: HttpAnswer): EnrollmentProfile {
  if (!answer.contentType.startsWith('application/x-apple-aspen-config')) {
    throw new EnrollmentStopped({
      reason: 'PROFILE_REFUSED',
      message: `the enrollment URL answered ${answer.contentType || 'no content type'}, not application/x-apple-aspen-config`,
      status: answer.status,
    });
  }
  try {
    return readEnrollmentProfile(answer.body);
  } catch (error) {
    if (error instanceof ProfileRefusedError) throw new EnrollmentStopped({ reason: 'PROFILE_REFUSED', message: error.reason });
    throw error;
  }
}

/** The profile's identity: the PKCS#12 one it carries, else by SCEP, else by ACME. */
export async function acquireIdentity(profile: EnrollmentProfile, device: IdentityContext): Promise<ImportedIdentity> {
  return profile.identity ?? (profile.scep ? await scepIdentity(profile.scep, device) : await acmeIdentity(profile.acme!, device));
}

/**
 * The identity an ACME payload asks for: the key made here, attested by the simulated Apple, the
 * certificate from the MDM's ACME server. iOS fails the profile's installation when this fails.
 */
async function acmeIdentity(settings: NonNullable<EnrollmentProfile['acme']>, device: IdentityContext): Promise<ImportedIdentity> {
  try {
    return await obtainAcmeIdentity(
      settings,
      { serialNumber: device.serialNumber, udid: device.udid, appleUrl: device.appleUrl, osVersion: device.osVersion },
      device.transport,
    );
  } catch (error) {
    if (error instanceof DeviceHttpError) throw new EnrollmentStopped({ reason: 'NETWORK_FAILURE', message: `ACME: ${error.message}` });
    if (error instanceof AcmeClientError)
      throw new EnrollmentStopped({ reason: 'PROFILE_REFUSED', message: `the ACME identity was refused: ${error.message}` });
    throw error;
  }
}

/** The identity the profile's SCEP payload asks for: the key made here, the certificate from the SCEP server. */
async function scepIdentity(payload: NonNullable<EnrollmentProfile['scep']>, device: IdentityContext): Promise<ImportedIdentity> {
  try {
    const identity = await stopOnNetworkFailure('SCEP', () =>
      enrollByScep(payload, { transport: device.transport, ...(device.scepKeys ? { keys: device.scepKeys } : {}) }),
    );
    device.trace.add('SCEP_ENROLLED', { identitySerial: identity.serialNumber });
    return identity;
  } catch (error) {
    // As on iOS, a SCEP payload that gets no certificate fails the profile's installation.
    if (error instanceof ScepEnrollmentError)
      throw new EnrollmentStopped({
        reason: 'PROFILE_REFUSED',
        message: `SCEP enrollment failed: ${error.reason}`,
        ...(error.status ? { status: error.status } : {}),
      });
    throw error;
  }
}
