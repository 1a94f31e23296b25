/**
 * Homeroom's SCEP server (RFC 8894), the rules behind `/scep` (`src/http/scep-routes.ts`); the
 * messages are in `src/mdm/scep/`.
 *
 * An enrollment whose kind is SCEP hands the device a one-time challenge inside its profile
 * ({@link ScepIdentityIssuer}): 192 random bits, stored as SHA-256 only, bound to the device's
 * serial and to that enrollment attempt, valid `MDM_SCEP_CHALLENGE_MINUTES`. The device makes its
 * key, and sends a PKCSReq: its certificate request with the challenge, encrypted to Homeroom's CA,
 * signed with its own self-signed certificate. A request is certified when its challenge is known,
 * unused, unexpired, issued for the serial the request names, and its attempt is still the device's
 * current one (ENROLLING); then, in one transaction, the challenge is spent (only if still unused,
 * so two racing requests cannot both win) and the enrollment is pinned to the new certificate's
 * serial and fingerprint, as PKCS#12 enrollments are at once. Anything else is a CertRep FAILURE
 * (badRequest, badMessageCheck, badAlg) and writes nothing.
 *
 * The CA answers itself (no RA): GetCACert is its certificate, and it signs every CertRep.
 */
import crypto from 'node:crypto';
import { IsNull } from 'typeorm';
import { DeviceEnrollment } from '../../entities/device-enrollment.entity.js';
import { ScepChallenge } from '../../entities/scep-challenge.entity.js';
import { ErrorCode, HomeroomError } from '../../errors.js';
import { issueDeviceCertificate } from '../../mdm/certificate-authority.js';
import { scepPayload } from '../../mdm/mobileconfig.js';
import {
  certRep,
  openEnvelope,
  readCertificateRequest,
  readPkiMessage,
  SCEP_MESSAGE_TYPES,
  ScepMalformed,
  ScepRefusal,
  type PkiHeader,
  type PkiRequest,
  type ScepFailInfo,
  type ScepSigner,
} from '../../mdm/scep/scep-message.js';
import { normalizedSerial } from '../../crypto/x509.js';
import type { ServiceDependencies } from '../service-dependencies.js';
import { certificateFingerprint } from './mdm-authentication.js';
import type { DeviceIdentityIssuer, EnrollingDevice, PreparedIdentity } from './device-identity.js';
import type { MdmAuthorityService } from './mdm-authority.service.js';

/** Where devices send SCEP requests, under PUBLIC_URL. */
export const SCEP_PATH = '/scep';
/** The CA's name in the profile (`Name`, sent as GetCACert's `message`): any value is answered the same. */
export const SCEP_CA_NAME = 'Homeroom';
/** How long a challenge stays usable when `MDM_SCEP_CHALLENGE_MINUTES` is not given. */
export const DEFAULT_SCEP_CHALLENGE_TTL_MS = 15 * 60_000;
/** GetCACaps (section 3.5.2): what this server does. No Renewal: a device renews by enrolling again. */
export const SCEP_CAPABILITIES = ['POSTPKIOperation', 'SHA-256', 'SHA-512', 'SHA-1', 'AES', 'DES3', 'SCEPStandard'] as const;

/** SHA-256 of a challenge, hex: all that is stored. */
export function challengeHash(challenge: string): string {
  return crypto.createHash('sha256').update(challenge, 'utf8').digest('hex');
}

/** What a PKIOperation came to: the CertRep, and for the log what was issued or why it was refused (the device sees only the failInfo). */
export interface ScepOutcome {
  /** The DER CertRep to answer with (`application/x-pki-message`). */
  readonly certRep: Buffer;
  readonly transactionId: string;
  readonly issued: { readonly deviceId: number; readonly serialNumber: string } | null;
  readonly refusal: { readonly failInfo: ScepFailInfo; readonly reason: string } | null;
}

/** The CA as SCEP signs with it (parsed once), and as it issues certificates (PEM). */
type CaSigner = ScepSigner & { readonly privateKeyPem: string };

export class ScepService {
  private signer: Promise<CaSigner> | null = null;

  constructor(
    private readonly deps: ServiceDependencies,
    private readonly authority: MdmAuthorityService,
  ) {}

  /** GetCACert: the CA certificate, DER. */
  async caCertificate(): Promise<Buffer> {
    return Buffer.from((await this.scepSigner()).certificate.raw);
  }

  /** A one-time challenge issuer for enrollments of the SCEP kind. */
  issuer(): DeviceIdentityIssuer {
    return new ScepIdentityIssuer(this.deps);
  }

  /**
   * PKIOperation: a PKCSReq answered with a CertRep, SUCCESS or FAILURE.
   * @throws HomeroomError MDM_REQUEST_MALFORMED when the body is no PKIMessage at all (nothing to answer).
   */
  async pkiOperation(body: Buffer): Promise<ScepOutcome> {
    const signer = await this.scepSigner();
    let request: PkiRequest;
    try {
      request = readPkiMessage(body);
    } catch (error) {
      if (error instanceof ScepMalformed)
        throw new HomeroomError(ErrorCode.MDM_REQUEST_MALFORMED, `The SCEP request is not a PKIMessage: ${error.message}.`);
      if (error instanceof ScepRefusal && error.request) return this.failure(error.request, null, error, signer);
      throw error;
    }
    try {
      if (request.messageType !== SCEP_MESSAGE_TYPES.PKCSReq)
        throw new ScepRefusal('badRequest', `message type ${request.messageType} is not served (PKCSReq only)`);
      const { content, cipherOid } = openEnvelope(request.envelopedData, signer.privateKey);
      const csr = readCertificateRequest(content);
      const issued = await this.certify(csr, signer);
      return {
        certRep: certRep(request, { status: 'SUCCESS', certificates: [issued.der], cipherOid }, signer),
        transactionId: request.transactionId,
        issued: { deviceId: issued.deviceId, serialNumber: issued.serialNumber },
        refusal: null,
      };
    } catch (error) {
      if (error instanceof ScepRefusal) return this.failure(request, request.signerCertificate, error, signer);
      throw error;
    }
  }

  private failure(
    request: PkiHeader,
    signerCertificate: crypto.X509Certificate | null,
    refusal: ScepRefusal,
    signer: ScepSigner,
  ): ScepOutcome {
    return {
      certRep: certRep({ ...request, signerCertificate }, { status: 'FAILURE', failInfo: refusal.failInfo }, signer),
      transactionId: request.transactionId,
      issued: null,
      refusal: { failInfo: refusal.failInfo, reason: refusal.message },
    };
  }

  /** Checks the challenge against the request and the device's attempt, issues, then spends and pins in one transaction. */
  private async certify(
    csr: ReturnType<typeof readCertificateRequest>,
    signer: CaSigner,
  ): Promise<{ der: Buffer; deviceId: number; serialNumber: string }> {
    const now = this.deps.clock.now();
    if (!csr.challengePassword) throw new ScepRefusal('badRequest', 'the request has no challengePassword');
    const manager = this.deps.database.manager;
    const challenge = await manager.findOneBy(ScepChallenge, { challengeHash: challengeHash(csr.challengePassword) });
    if (!challenge) throw new ScepRefusal('badRequest', 'the challenge is unknown (never issued, or replaced by a newer enrollment)');
    if (challenge.usedAt) throw new ScepRefusal('badRequest', `the challenge was already used at ${challenge.usedAt.toISOString()}`);
    if (challenge.expiresAt <= now) throw new ScepRefusal('badRequest', `the challenge expired at ${challenge.expiresAt.toISOString()}`);
    const named = (csr.commonName ?? csr.subjectSerialNumber ?? '').toUpperCase();
    if (named !== challenge.serialNumber.toUpperCase())
      throw new ScepRefusal(
        'badRequest',
        `the request names ${named || 'no serial'}, but the challenge was issued to ${challenge.serialNumber}`,
      );
    const attempt = await manager.findOneBy(DeviceEnrollment, { deviceId: challenge.deviceId });
    const current = (row: DeviceEnrollment | null) =>
      row !== null && row.state === 'ENROLLING' && row.startedAt.getTime() === challenge.attemptStartedAt.getTime();
    if (!current(attempt)) throw new ScepRefusal('badRequest', "the challenge's enrollment attempt is no longer the device's current one");

    // The CA's signature: CPU before the transaction.
    const issued = issueDeviceCertificate(
      { certificatePem: signer.certificate.toString(), privateKeyPem: signer.privateKeyPem },
      { serialNumber: challenge.serialNumber, udid: attempt!.udid, spki: csr.spki, now },
    );
    const fingerprint = certificateFingerprint(new crypto.X509Certificate(issued.der));
    await this.deps.database.transaction(async (tx) => {
      // Spent only if still unused: of two requests racing with one challenge, one wins.
      const spent = await tx.update(ScepChallenge, { id: challenge.id, usedAt: IsNull() }, { usedAt: now });
      if (spent.affected !== 1) throw new ScepRefusal('badRequest', 'the challenge was already used');
      const row = await tx.findOneBy(DeviceEnrollment, { deviceId: challenge.deviceId });
      if (!current(row)) throw new ScepRefusal('badRequest', "the challenge's enrollment attempt is no longer the device's current one");
      await tx.update(
        DeviceEnrollment,
        { deviceId: challenge.deviceId },
        { identitySerial: normalizedSerial(issued.serialNumber), identityFingerprint: fingerprint, updatedAt: now },
      );
    });
    return { der: issued.der, deviceId: challenge.deviceId, serialNumber: challenge.serialNumber };
  }

  private scepSigner(): Promise<CaSigner> {
    this.signer ??= this.authority.authority().then(
      (ca) => ({
        certificate: new crypto.X509Certificate(ca.certificatePem),
        privateKey: crypto.createPrivateKey(ca.privateKeyPem),
        privateKeyPem: ca.privateKeyPem,
      }),
      (error: unknown) => {
        this.signer = null;
        throw error;
      },
    );
    return this.signer;
  }
}

/** Hands the device a one-time challenge in a `com.apple.security.scep` payload; the certificate comes later, at `/scep`. */
export class ScepIdentityIssuer implements DeviceIdentityIssuer {
  constructor(private readonly deps: ServiceDependencies) {}

  prepare(device: EnrollingDevice, now: Date): Promise<PreparedIdentity> {
    const challenge = crypto.randomBytes(24).toString('hex');
    const ttl = this.deps.identities?.scepChallengeTtlMs ?? DEFAULT_SCEP_CHALLENGE_TTL_MS;
    return Promise.resolve({
      payload: scepPayload({
        url: `${this.deps.publicUrl()}${SCEP_PATH}`,
        challenge,
        serialNumber: device.serialNumber,
        name: SCEP_CA_NAME,
      }),
      issued: null,
      async persist(tx, attempt) {
        // A new attempt makes the device's older challenges worthless: drop them.
        await tx.delete(ScepChallenge, { deviceId: attempt.deviceId });
        await tx.insert(ScepChallenge, {
          deviceId: attempt.deviceId,
          serialNumber: device.serialNumber,
          challengeHash: challengeHash(challenge),
          attemptStartedAt: attempt.startedAt,
          expiresAt: new Date(now.getTime() + ttl),
          usedAt: null,
          createdAt: now,
        });
      },
    });
  }
}
