/**
 * The MDM enrollment profile (`.mobileconfig`, `application/x-apple-aspen-config`) Homeroom answers
 * a device's enrollment request with (reference: device-enrollment.md section 2.3).
 *
 * Two payloads, identity first because the device installs in that order: the device's identity
 * as `com.apple.security.pkcs12` (or `com.apple.security.acme`, with which the device makes its key
 * and obtains the certificate from Homeroom's ACME server), then `com.apple.mdm`, whose
 * `IdentityCertificateUUID` names it.
 * `Topic` is the MDM push certificate's topic: APNs delivers pushes for it only, and a device
 * keeps it for as long as it stays enrolled. Built with the `plist` library, never by hand.
 */
import { randomUUID } from 'node:crypto';
import { build, type PlistValue } from 'plist';
import type { AcmePayload } from './acme/acme-payload.js';

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
  /**
   * The device's identity: a PKCS#12 issued for this enrollment, or an ACME payload (the device
   * makes its key and gets the certificate from `/acme`; see `acme/acme-payload.ts`).
   */
  readonly identity: { readonly pkcs12: Buffer; readonly password: string } | { readonly acme: AcmePayload };
  /** Shown on the device as the profile's organisation (the profile's department, else the token's organisation). */
  readonly organization: string;
  /** Shared iPad: the server handles per-user connections. */
  readonly sharedIPad: boolean;
}

/** The profile as an XML plist. Every call makes new payload UUIDs, so a re-enrollment installs a new profile. */
export function buildEnrollmentProfile(input: EnrollmentProfileInput): string {
  const identityUuid = 'acme' in input.identity ? input.identity.acme.PayloadUUID : randomUUID().toUpperCase();
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
      'acme' in input.identity
        ? (input.identity.acme as unknown as { [key: string]: PlistValue })
        : {
            PayloadType: 'com.apple.security.pkcs12',
            PayloadVersion: 1,
            PayloadIdentifier: `${IDENTIFIER}.identity`,
            PayloadUUID: identityUuid,
            PayloadDisplayName: 'Device identity',
            PayloadCertificateFileName: 'identity.p12',
            PayloadContent: new Uint8Array(input.identity.pkcs12),
            Password: input.identity.password,
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
