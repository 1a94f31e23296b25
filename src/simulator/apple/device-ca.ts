/**
 * The simulated "Apple iPhone Device CA": the factory CA whose identities real iPads carry and sign
 * their MachineInfo with (reference: device-enrollment.md section 2.1). No simulator can produce an
 * identity Apple issued, so the simulated Apple has its own CA, and an MDM under test trusts it
 * explicitly (Homeroom: only when configured to).
 *
 * ECDSA P-256 throughout: an RSA key takes some 50 to 100 ms to generate and the many-device
 * rehearsal burns 1,000 identities; a P-256 key takes well under a millisecond. Certificates are
 * PKI.js structures signed with node:crypto, which is synchronous and fast (WebCrypto would make
 * every caller async for no gain), and PKI.js verifies them like any other.
 *
 * The CA's key is real randomness (like the token files' content keys): the seed does not fix it.
 * The CA is kept in the state file; identities are not (a device keeps its own, as a real one does).
 */
import { CertificateIssuer, newKeyPair, pemOf, pkcs8Of, spkiOf } from './certificate-builder.js';

/** The CA's certificate and PKCS#8 private key, as persisted. */
export interface DeviceCaRecord {
  readonly certificatePem: string;
  readonly privateKeyPem: string;
}

/** What the factory burns into a new device. */
export interface DeviceIdentityBundle {
  /** The device's certificate: CN = its UDID, issued by the device CA. */
  readonly certificatePem: string;
  /** Its P-256 private key, PKCS#8 PEM. */
  readonly privateKeyPem: string;
  /** The device CA's certificate, the chain a verifier needs. */
  readonly caCertificatePem: string;
}

/** The request for an identity. */
export interface DeviceIdentityRequest {
  readonly serial: string;
  readonly udid: string;
}

/** A request the CA refuses (bad serial or UDID); `code` is the portal-style error code. */
export class DeviceCaError extends Error {
  constructor(
    readonly code: 'INVALID_SERIAL' | 'INVALID_UDID',
    message: string,
  ) {
    super(message);
    this.name = 'DeviceCaError';
  }
}

/** The CA outlives every identity it issues. */
export const DEVICE_CA_VALIDITY_DAYS = 20 * 365;
/** A device lives about as long as its identity; Apple's last for years. */
export const DEVICE_IDENTITY_VALIDITY_DAYS = 10 * 365;

/** Serials: letters and digits (Apple's are 10 to 12; any length up to 64 is taken, "bought elsewhere" included). */
const SERIAL_PATTERN = /^[A-Za-z0-9]{1,64}$/;
/** UDIDs: 40 hex digits (older devices), 8-16 hex (A12 and later), or a UUID (8-4-4-4-12). */
const UDID_PATTERN = /^(?:[0-9A-Fa-f]{40}|[0-9A-Fa-f]{8}-[0-9A-Fa-f]{16}|[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12})$/;

const OID = {
  country: '2.5.4.6',
  state: '2.5.4.8',
  locality: '2.5.4.7',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  commonName: '2.5.4.3',
  serialNumber: '2.5.4.5',
} as const;

const CA_NAME: Array<[string, string]> = [
  [OID.country, 'US'],
  [OID.organization, 'Apple Inc.'],
  [OID.organizationalUnit, 'Apple iPhone'],
  // Not Apple's exact name, so nobody mistakes a simulated identity for a real one.
  [OID.commonName, 'Apple iPhone Device CA (Homeroom simulator)'],
];

/** The simulated device CA: makes identities for devices. */
export class DeviceCertificateAuthority {
  private readonly issuer: CertificateIssuer;

  private constructor(readonly record: DeviceCaRecord) {
    this.issuer = new CertificateIssuer(record, 'P-256');
  }

  /** A new self-signed CA, valid {@link DEVICE_CA_VALIDITY_DAYS} days from `now`. */
  static create(now: Date): DeviceCertificateAuthority {
    return new DeviceCertificateAuthority(CertificateIssuer.selfSigned(CA_NAME, 'P-256', DEVICE_CA_VALIDITY_DAYS, now));
  }

  /** The CA as persisted earlier. */
  static load(record: DeviceCaRecord): DeviceCertificateAuthority {
    return new DeviceCertificateAuthority(record);
  }

  get certificatePem(): string {
    return this.record.certificatePem;
  }

  /**
   * A new identity for the device: a fresh P-256 key and a certificate with CN = the UDID and the
   * serial as `serialNumber`, valid {@link DEVICE_IDENTITY_VALIDITY_DAYS} days from `now`.
   *
   * @throws DeviceCaError for a serial or UDID that does not look like one.
   */
  issue(request: DeviceIdentityRequest, now: Date): DeviceIdentityBundle {
    validateIdentityRequest(request);
    const { publicKey, privateKey } = newKeyPair('P-256');
    const subject: Array<[string, string]> = [
      [OID.country, 'US'],
      [OID.state, 'CA'],
      [OID.locality, 'Cupertino'],
      [OID.organization, 'Apple Inc.'],
      [OID.organizationalUnit, 'iPhone'],
      [OID.serialNumber, request.serial],
      [OID.commonName, request.udid],
    ];
    const certificate = this.issuer.issue(
      { subject, spki: spkiOf(publicKey), validityDays: DEVICE_IDENTITY_VALIDITY_DAYS, ca: false },
      now,
    );
    return {
      certificatePem: pemOf(certificate),
      privateKeyPem: pkcs8Of(privateKey),
      caCertificatePem: this.record.certificatePem,
    };
  }
}

/** Throws {@link DeviceCaError} unless `request` has a plausible serial and UDID. */
export function validateIdentityRequest(request: unknown): asserts request is DeviceIdentityRequest {
  const body = (typeof request === 'object' && request !== null ? request : {}) as Record<string, unknown>;
  if (typeof body.serial !== 'string' || !SERIAL_PATTERN.test(body.serial)) {
    throw new DeviceCaError('INVALID_SERIAL', 'serial must be 1 to 64 letters and digits.');
  }
  if (typeof body.udid !== 'string' || !UDID_PATTERN.test(body.udid)) {
    throw new DeviceCaError('INVALID_UDID', 'udid must be 40 hex digits, 8-16 hex digits (00008101-001E30590C08001E) or a UUID.');
  }
}
