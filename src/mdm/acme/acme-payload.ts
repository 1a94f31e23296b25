/**
 * The enrollment profile's `com.apple.security.acme` payload: it has the device make its identity
 * key itself (in the Secure Enclave: `HardwareBound`), get Apple to attest it (`Attest`), and obtain
 * the certificate from Homeroom's ACME server at `DirectoryURL`. `ClientIdentifier` is the one-time
 * identifier Homeroom issued with this profile for this device: the device sends it as the order's
 * `permanent-identifier`, which is how the order is tied to the device that got the profile.
 * The `com.apple.mdm` payload's `IdentityCertificateUUID` names this payload's `PayloadUUID`.
 *
 * P-384 because a hardware-bound key must be one (Apple: KeyType ECSECPrimeRandom, KeySize 384 when
 * HardwareBound).
 */
import { randomUUID } from 'node:crypto';

/** What the payload is made from. */
export interface AcmePayloadInput {
  /** The ACME directory, `<PUBLIC_URL>/acme/directory`. */
  readonly directoryUrl: string;
  /** The one-time identifier issued with the profile. */
  readonly clientIdentifier: string;
  /** The device's serial: the certificate's subject CN, as for the PKCS#12 identities. */
  readonly serialNumber: string;
  /** The payload's UUID (upper case), to name in `IdentityCertificateUUID`; a new one when not given. */
  readonly payloadUuid?: string;
  /** Reverse-DNS prefix of the payload identifier; `org.homeroom.mdm` when not given. */
  readonly identifierPrefix?: string;
}

/** The payload dictionary, as a profile's `PayloadContent` entry (for the `plist` builder). */
export interface AcmePayload {
  readonly PayloadType: 'com.apple.security.acme';
  readonly PayloadVersion: 1;
  readonly PayloadIdentifier: string;
  readonly PayloadUUID: string;
  readonly PayloadDisplayName: string;
  readonly DirectoryURL: string;
  readonly ClientIdentifier: string;
  readonly KeySize: 384;
  readonly KeyType: 'ECSECPrimeRandom';
  readonly HardwareBound: true;
  readonly Attest: true;
  /** X.500 name as Apple writes it: an array of RDNs, each an array of [type, value] pairs. */
  readonly Subject: Array<Array<[string, string]>>;
  /** Digital signature (1): the device signs its check-ins with the identity. */
  readonly UsageFlags: 1;
  /** Client authentication. */
  readonly ExtendedKeyUsage: string[];
}

/** The `com.apple.security.acme` payload for one device's enrollment profile. */
export function buildAcmePayload(input: AcmePayloadInput): AcmePayload {
  return {
    PayloadType: 'com.apple.security.acme',
    PayloadVersion: 1,
    PayloadIdentifier: `${input.identifierPrefix ?? 'org.homeroom.mdm'}.identity.acme`,
    PayloadUUID: input.payloadUuid ?? randomUUID().toUpperCase(),
    PayloadDisplayName: 'Device identity (ACME)',
    DirectoryURL: input.directoryUrl,
    ClientIdentifier: input.clientIdentifier,
    KeySize: 384,
    KeyType: 'ECSECPrimeRandom',
    HardwareBound: true,
    Attest: true,
    Subject: [[['CN', input.serialNumber]], [['O', 'Homeroom device identity']]],
    UsageFlags: 1,
    ExtendedKeyUsage: ['1.3.6.1.5.5.7.3.2'],
  };
}
