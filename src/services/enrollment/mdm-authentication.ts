/**
 * Who is asking: the two signatures Homeroom's MDM endpoints check (reference: device-enrollment.md
 * sections 2.1 and 5).
 *
 * - An enrollment's MachineInfo is signed by the device's own identity, from its manufacturer:
 *   Apple's iPhone Device CA (checked by signature alone: it expired in 2014 and still issues), and,
 *   where configured, the simulator's device CA and those of `MDM_DEVICE_CA_FILE`, directly or
 *   through intermediates (in the file, or sent by the device in the SignedData).
 * - Every check-in and connect carries `Mdm-Signature`: a detached CMS signature over the exact body
 *   by the identity Homeroom issued at enrollment. It maps to the enrollment by the certificate's
 *   serial, and must be that very certificate (its SHA-256 fingerprint, stored at issuance): a
 *   certificate byte for byte identical to one Homeroom's CA signed needs no chain check, so the
 *   signature is checked with Node's crypto alone (`verifyPinnedSignature`), once per request.
 *
 * Failures are HomeroomErrors with the MDM codes; none of them is ever answered with HTTP 401, which
 * would make an enrolled device drop its enrollment.
 */
import crypto from 'node:crypto';
import { DeviceEnrollment } from '../../entities/device-enrollment.entity.js';
import type { Database } from '../../entities/database.js';
import { ErrorCode, HomeroomError } from '../../errors.js';
import { normalizedSerial } from '../../crypto/x509.js';
import {
  CmsVerificationError,
  trustedCertificates,
  verifyPinnedSignature,
  verifySignedData,
  type CaCertificate,
  type VerifiedSignedData,
} from '../../mdm/cms.js';

/** Which device CAs a MachineInfo signer may come from, parsed once (every enrollment checks them). */
export interface DeviceTrust {
  /** Checked with their validity dates, as roots of a chain (the simulator's device CA, `MDM_DEVICE_CA_FILE`). */
  readonly trustedCas: readonly crypto.X509Certificate[];
  /** Checked by signature alone (Apple's iPhone Device CA). */
  readonly legacyCas: readonly crypto.X509Certificate[];
}

/** The trust an enrollment checks against, from PEM (or parsed) certificates. */
export function deviceTrust(trustedCas: readonly CaCertificate[], legacyCas: readonly CaCertificate[]): DeviceTrust {
  return { trustedCas: trustedCertificates(trustedCas), legacyCas: trustedCertificates(legacyCas) };
}

/** SHA-256 of a certificate's DER, lower-case hex: what pins a check-in's signer to its enrollment. */
export function certificateFingerprint(certificate: crypto.X509Certificate): string {
  return crypto.createHash('sha256').update(certificate.raw).digest('hex');
}

/** The signed MachineInfo's content, once its signer is a trusted device. */
export async function verifyMachineInfo(body: Buffer, trust: DeviceTrust, now: Date): Promise<VerifiedSignedData> {
  if (body.length === 0)
    throw new HomeroomError(ErrorCode.MDM_REQUEST_MALFORMED, 'The enrollment request has no body (expected a CMS-signed MachineInfo).');
  try {
    return await verifySignedData(body, { trustedCas: trust.trustedCas, legacyCas: trust.legacyCas, now });
  } catch (error) {
    if (!(error instanceof CmsVerificationError)) throw error;
    if (error.reason === 'UNTRUSTED_SIGNER')
      throw new HomeroomError(
        ErrorCode.MDM_DEVICE_NOT_TRUSTED,
        `The MachineInfo's signer is not a trusted device: ${error.message}`,
        // The issuer is logged with the refusal: what an admin adds to MDM_DEVICE_CA_FILE, if it should be trusted.
        error.untrustedIssuer === null ? {} : { reason: 'UNTRUSTED_ISSUER', issuer: error.untrustedIssuer },
      );
    if (error.reason === 'BAD_SIGNATURE')
      throw new HomeroomError(ErrorCode.MDM_SIGNATURE_INVALID, `The MachineInfo's signature: ${error.message}`);
    throw new HomeroomError(ErrorCode.MDM_REQUEST_MALFORMED, `The enrollment request is not a CMS-signed MachineInfo: ${error.message}`);
  }
}

/**
 * The enrollment whose identity signed `body` (header `Mdm-Signature`). The row is read outside any
 * transaction; callers re-read it inside theirs before writing.
 */
export async function authenticateSignedRequest(
  database: Database,
  body: Buffer,
  signatureHeader: string | undefined,
  options: { readonly now: Date },
): Promise<DeviceEnrollment> {
  const encoded = signatureHeader?.replace(/\s+/g, '') ?? '';
  if (encoded === '') throw new HomeroomError(ErrorCode.MDM_SIGNATURE_INVALID, 'The request has no Mdm-Signature header.');
  const der = Buffer.from(encoded, 'base64');
  let certificate: crypto.X509Certificate;
  try {
    // The certificate is pinned below (the exact one Homeroom issued), so its chain needs no check here.
    certificate = verifyPinnedSignature(der, body, options.now);
  } catch (error) {
    if (!(error instanceof CmsVerificationError)) throw error;
    if (error.reason === 'UNTRUSTED_SIGNER')
      throw new HomeroomError(
        ErrorCode.MDM_DEVICE_NOT_ENROLLED,
        `The Mdm-Signature is not by an identity Homeroom issued: ${error.message}`,
      );
    throw new HomeroomError(ErrorCode.MDM_SIGNATURE_INVALID, `The Mdm-Signature does not verify: ${error.message}`);
  }
  const row = await database.manager.findOneBy(DeviceEnrollment, { identitySerial: normalizedSerial(certificate.serialNumber) });
  if (!row || row.identityFingerprint !== certificateFingerprint(certificate)) {
    throw new HomeroomError(
      ErrorCode.MDM_DEVICE_NOT_ENROLLED,
      'The Mdm-Signature is by an identity no enrollment holds (replaced by a newer enrollment of the device, or never issued).',
    );
  }
  return row;
}
