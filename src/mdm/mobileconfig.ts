/**
 * The MDM enrollment profile (`.mobileconfig`, `application/x-apple-aspen-config`) Homeroom answers
 * a device's enrollment request with (reference: device-enrollment.md section 2.3).
 *
 * Two payloads, identity first because the device installs in that order: the device's identity,
 * then `com.apple.mdm`, whose `IdentityCertificateUUID` names it. The identity payload is
 * `com.apple.security.scep` (the device makes its key and asks Homeroom's SCEP endpoint for the
 * certificate: no private key leaves the device), `com.apple.security.acme` (the device makes a
 * hardware-bound key and gets the certificate from Homeroom's ACME server with Apple's attestation;
 * see `acme/acme-payload.ts`) or `com.apple.security.pkcs12` (key and certificate made by Homeroom,
 * inside the profile); see {@link scepPayload} and {@link pkcs12Payload}.
 * `Topic` is the MDM push certificate's topic: APNs delivers pushes for it only, and a device
 * keeps it for as long as it stays enrolled. Built with the `plist` library, never by hand.
 */
import { randomUUID } from 'node:crypto';
import { build, type PlistValue } from 'plist';

/** Everything the device may be asked to do: Apple's AccessRights bits 1 to 4096 (micromdm and nanomdm send the same). */
export const ALL_ACCESS_RIGHTS = 8191;
/** Reverse-DNS prefix of every payload identifier Homeroom writes. */
const IDENTIFIER = 'org.homeroom.mdm';

export interface EnrollmentProfileInput {
  /** The MDM push certificate's topic (`com.apple.mgmt.…`). */
  readonly topic: string;
  /** Where the device polls for commands (the connect endpoint). */
  readonly serverUrl: string;
  /** Where the device sends check-in messages. */
  readonly checkInUrl: string;
  /** The device's identity payload, without its PayloadUUID (the profile gives it one). */
  readonly identity: IdentityPayload;
  /** Shown on the device as the profile's organisation (the profile's department, else the token's organisation). */
  readonly organization: string;
  /** Shared iPad: the server handles per-user connections. */
  readonly sharedIPad: boolean;
}

/** An identity payload: its type, display name and content keys. */
export interface IdentityPayload {
  readonly PayloadType: string;
  readonly PayloadDisplayName: string;
  readonly [key: string]: PlistValue;
}

/** The identity as a PKCS#12 Homeroom made: key and certificate travel in the profile, under `password`. */
export function pkcs12Payload(identity: { readonly pkcs12: Buffer; readonly password: string }): IdentityPayload {
  return {
    PayloadType: 'com.apple.security.pkcs12',
    PayloadDisplayName: 'Device identity',
    PayloadCertificateFileName: 'identity.p12',
    PayloadContent: new Uint8Array(identity.pkcs12),
    Password: identity.password,
  };
}

/** SCEP `Key Usage`: 1 signing + 4 encryption (the MDM identity signs check-ins; some clients decrypt CertReps with it). */
export const SCEP_KEY_USAGE = 5;

/**
 * The identity by SCEP (RFC 8894): the device makes an RSA-2048 key, sends a certificate request
 * with `challenge` to `url`, and installs what the CA answers. `Subject` names the device by its
 * serial (CN), which the SCEP endpoint checks against the challenge's device.
 */
export function scepPayload(input: {
  readonly url: string;
  readonly challenge: string;
  readonly serialNumber: string;
  readonly name: string;
}): IdentityPayload {
  return {
    PayloadType: 'com.apple.security.scep',
    PayloadDisplayName: 'Device identity (SCEP)',
    PayloadContent: {
      URL: input.url,
      Name: input.name,
      Subject: [[['O', 'Homeroom device identity']], [['CN', input.serialNumber]]],
      Challenge: input.challenge,
      Keysize: 2048,
      'Key Type': 'RSA',
      'Key Usage': SCEP_KEY_USAGE,
    },
  };
}

/** The profile as an XML plist. Every call makes new payload UUIDs, so a re-enrollment installs a new profile. */
export function buildEnrollmentProfile(input: EnrollmentProfileInput): string {
  const identityUuid = randomUUID().toUpperCase();
  // Only what Homeroom's check-in serves: the bootstrap token (Set/GetBootstrapToken), and per-user
  // connections for Shared iPad (a device drops IsMultiUser without it).
  const capabilities = ['com.apple.mdm.bootstraptoken'];
  if (input.sharedIPad) capabilities.unshift('com.apple.mdm.per-user-connections');
  return build({
    PayloadType: 'Configuration',
    PayloadVersion: 1,
    PayloadIdentifier: `${IDENTIFIER}.enrollment`,
    PayloadUUID: randomUUID().toUpperCase(),
    PayloadDisplayName: 'Device management',
    PayloadDescription: `Lets ${input.organization} manage this device.`,
    PayloadOrganization: input.organization,
    PayloadScope: 'System',
    PayloadContent: [
      {
        ...input.identity,
        PayloadVersion: 1,
        PayloadIdentifier: `${IDENTIFIER}.identity`,
        PayloadUUID: identityUuid,
      },
      {
        PayloadType: 'com.apple.mdm',
        PayloadVersion: 1,
        PayloadIdentifier: `${IDENTIFIER}.mdm`,
        PayloadUUID: randomUUID().toUpperCase(),
        PayloadDisplayName: 'Mobile device management',
        IdentityCertificateUUID: identityUuid,
        Topic: input.topic,
        ServerURL: input.serverUrl,
        CheckInURL: input.checkInUrl,
        SignMessage: true,
        CheckOutWhenRemoved: true,
        AccessRights: ALL_ACCESS_RIGHTS,
        ServerCapabilities: capabilities,
      },
    ],
  });
}
