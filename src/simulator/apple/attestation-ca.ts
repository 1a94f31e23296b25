/**
 * The simulated Apple's Managed Device Attestation: what Apple's attestation servers do for a real
 * iPad asked for an ACME identity with `Attest` (draft-acme-device-attest, "apple" format). The
 * device makes a key in its Secure Enclave and asks Apple to vouch for it; Apple answers with a
 * certificate chain (leaf, then "Apple Enterprise Attestation Sub CA 1") under the "Apple Enterprise
 * Attestation Root CA", the leaf holding the device's key and, as extensions:
 *
 * - 1.2.840.113635.100.8.11.1, the freshness code the device asked for (SHA-256 of the ACME token);
 * - 1.2.840.113635.100.8.9.1, the serial number; 1.2.840.113635.100.8.9.2, the UDID;
 * - 1.2.840.113635.100.8.10.1, the OS version.
 *
 * No simulator can produce Apple's signature, so the simulated Apple has its own root and
 * intermediate (ECDSA P-384 like Apple's), and an MDM under test trusts that root explicitly
 * (Homeroom: only when it trusts the simulator's device CA). The root is published at
 * `GET /simulator/attestation-ca`; attestations are issued at `POST /simulator/device-attestations`.
 * The CA is kept in the state file like the device CA; its keys are real randomness.
 */
import crypto from 'node:crypto';
import { CertificateIssuer, newKeyPair, pemOf, pkcs8Of, spkiOf } from './certificate-builder.js';
import { validateIdentityRequest } from './device-ca.js';

/** The CA's certificates and PKCS#8 keys, as persisted. */
export interface AttestationCaRecord {
  readonly rootCertificatePem: string;
  readonly rootPrivateKeyPem: string;
  readonly intermediateCertificatePem: string;
  readonly intermediatePrivateKeyPem: string;
}

/** A device's request for an attestation of its key. */
export interface AttestationRequest {
  readonly serial: string;
  readonly udid: string;
  /** The key to attest: SubjectPublicKeyInfo DER, base64. */
  readonly publicKey: string;
  /** What the relying party asked to be bound in (ACME: SHA-256 of the challenge token), base64. */
  readonly freshnessCode: string;
  /** Reported in the leaf; `17.0` when not given. */
  readonly osVersion?: string;
}

/** The chain, leaf first, as base64 DER: what goes into the attestation statement's `x5c`. */
export interface DeviceAttestation {
  readonly x5c: readonly string[];
}

/** A request the CA refuses; `code` is the portal-style error code. */
export class AttestationCaError extends Error {
  constructor(
    readonly code: 'INVALID_SERIAL' | 'INVALID_UDID' | 'INVALID_PUBLIC_KEY' | 'INVALID_FRESHNESS_CODE',
    message: string,
  ) {
    super(message);
    this.name = 'AttestationCaError';
  }
}

const CA_VALIDITY_DAYS = 25 * 365;
/** Apple's attestations are short-lived: a relying party checks them at once. */
const ATTESTATION_VALIDITY_DAYS = 30;

const OID = {
  country: '2.5.4.6',
  organization: '2.5.4.10',
  commonName: '2.5.4.3',
  freshnessCode: '1.2.840.113635.100.8.11.1',
  serialNumber: '1.2.840.113635.100.8.9.1',
  udid: '1.2.840.113635.100.8.9.2',
  osVersion: '1.2.840.113635.100.8.10.1',
} as const;

// Not Apple's exact names, so nobody mistakes a simulated attestation for a real one.
const ROOT_NAME: Array<[string, string]> = [
  [OID.commonName, 'Apple Enterprise Attestation Root CA (Homeroom simulator)'],
  [OID.organization, 'Apple Inc.'],
  [OID.country, 'US'],
];
const INTERMEDIATE_NAME: Array<[string, string]> = [
  [OID.commonName, 'Apple Enterprise Attestation Sub CA 1 (Homeroom simulator)'],
  [OID.organization, 'Apple Inc.'],
  [OID.country, 'US'],
];

/** The simulated attestation CA: attests devices' keys. */
export class AttestationCertificateAuthority {
  private readonly intermediate: CertificateIssuer;
  private readonly intermediateDer: string;

  private constructor(readonly record: AttestationCaRecord) {
    this.intermediate = new CertificateIssuer(
      { certificatePem: record.intermediateCertificatePem, privateKeyPem: record.intermediatePrivateKeyPem },
      'P-384',
    );
    this.intermediateDer = Buffer.from(new crypto.X509Certificate(record.intermediateCertificatePem).raw).toString('base64');
  }

  /** A new root and intermediate, valid 25 years from `now`. */
  static create(now: Date): AttestationCertificateAuthority {
    const root = CertificateIssuer.selfSigned(ROOT_NAME, 'P-384', CA_VALIDITY_DAYS, now);
    const intermediateKey = newKeyPair('P-384');
    const intermediate = new CertificateIssuer(root, 'P-384').issue(
      { subject: INTERMEDIATE_NAME, spki: spkiOf(intermediateKey.publicKey), validityDays: CA_VALIDITY_DAYS - 1, ca: true },
      now,
    );
    return new AttestationCertificateAuthority({
      rootCertificatePem: root.certificatePem,
      rootPrivateKeyPem: root.privateKeyPem,
      intermediateCertificatePem: pemOf(intermediate),
      intermediatePrivateKeyPem: pkcs8Of(intermediateKey.privateKey),
    });
  }

  static load(record: AttestationCaRecord): AttestationCertificateAuthority {
    return new AttestationCertificateAuthority(record);
  }

  /** The root an MDM trusts to accept simulated attestations. */
  get rootCertificatePem(): string {
    return this.record.rootCertificatePem;
  }

  /**
   * Attests `request.publicKey` for the device, binding in `request.freshnessCode`.
   * @throws AttestationCaError for a bad serial, UDID, key or freshness code.
   */
  attest(request: AttestationRequest, now: Date): DeviceAttestation {
    validateAttestationRequest(request);
    let spki;
    try {
      spki = spkiOf(crypto.createPublicKey({ key: Buffer.from(request.publicKey, 'base64'), format: 'der', type: 'spki' }));
    } catch {
      throw new AttestationCaError('INVALID_PUBLIC_KEY', 'publicKey must be a base64 DER SubjectPublicKeyInfo.');
    }
    const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
    const leaf = this.intermediate.issue(
      {
        subject: [[OID.commonName, crypto.createHash('sha256').update(Buffer.from(request.publicKey, 'base64')).digest('hex')]],
        spki,
        validityDays: ATTESTATION_VALIDITY_DAYS,
        ca: false,
        facts: [
          [OID.freshnessCode, new Uint8Array(Buffer.from(request.freshnessCode, 'base64'))],
          [OID.serialNumber, utf8(request.serial)],
          [OID.udid, utf8(request.udid)],
          [OID.osVersion, utf8(request.osVersion ?? '17.0')],
        ],
      },
      now,
    );
    return { x5c: [Buffer.from(leaf.toSchema().toBER(false)).toString('base64'), this.intermediateDer] };
  }
}

/** Throws {@link AttestationCaError} unless `request` is a plausible attestation request. */
export function validateAttestationRequest(request: unknown): asserts request is AttestationRequest {
  try {
    validateIdentityRequest(request);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new AttestationCaError(code === 'INVALID_UDID' ? 'INVALID_UDID' : 'INVALID_SERIAL', (error as Error).message);
  }
  const body = request as unknown as Record<string, unknown>;
  if (typeof body.publicKey !== 'string' || body.publicKey === '')
    throw new AttestationCaError('INVALID_PUBLIC_KEY', 'publicKey must be a base64 DER SubjectPublicKeyInfo.');
  if (typeof body.freshnessCode !== 'string' || Buffer.from(body.freshnessCode, 'base64').length !== 32)
    throw new AttestationCaError('INVALID_FRESHNESS_CODE', 'freshnessCode must be 32 bytes (a SHA-256), base64.');
  if (body.osVersion !== undefined && typeof body.osVersion !== 'string')
    throw new AttestationCaError('INVALID_SERIAL', 'osVersion must be a string.');
}
