/**
 * The PKCS#10 certificate request that finalizes an ACME order (RFC 8555 section 7.4, RFC 2986):
 * only its public key matters to Homeroom (the certificate's names come from the attested device),
 * and the request must be signed by that key, proving the client holds it. Read with asn1js and
 * checked with Node's OpenSSL.
 */
import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import { AcmeProblem } from './problems.js';

/** Signature algorithms of a CSR, to Node's digest name (null: the algorithm has its own, Ed25519). */
const SIGNATURE_DIGESTS: Readonly<Record<string, string | null>> = {
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.3.101.112': null,
};

/** A CSR whose signature holds. */
export interface VerifiedCsr {
  /** The requested key's SubjectPublicKeyInfo, DER. */
  readonly publicKeySpki: Buffer;
  readonly publicKey: crypto.KeyObject;
}

/**
 * Reads and checks a DER CSR.
 * @throws AcmeProblem badCSR when it does not parse, names an unknown algorithm, or its signature does not hold.
 */
export function verifyCsr(der: Buffer): VerifiedCsr {
  const parsed = asn1js.fromBER(new Uint8Array(der));
  if (parsed.offset === -1 || !(parsed.result instanceof asn1js.Sequence)) throw new AcmeProblem('badCSR', 'The CSR is not DER.');
  const [info, algorithm, signature] = parsed.result.valueBlock.value;
  if (!(info instanceof asn1js.Sequence) || !(algorithm instanceof asn1js.Sequence) || !(signature instanceof asn1js.BitString))
    throw new AcmeProblem('badCSR', 'The CSR is not a PKCS#10 CertificationRequest.');
  const spkiBlock = info.valueBlock.value[2];
  if (!(spkiBlock instanceof asn1js.Sequence)) throw new AcmeProblem('badCSR', 'The CSR has no public key.');
  const publicKeySpki = Buffer.from(spkiBlock.valueBeforeDecodeView);
  let publicKey: crypto.KeyObject;
  try {
    publicKey = crypto.createPublicKey({ key: publicKeySpki, format: 'der', type: 'spki' });
  } catch (error) {
    throw new AcmeProblem('badCSR', `The CSR's public key cannot be read: ${(error as Error).message}`);
  }
  const oid = (algorithm.valueBlock.value[0] as asn1js.ObjectIdentifier | undefined)?.valueBlock.toString() ?? '';
  if (!(oid in SIGNATURE_DIGESTS)) throw new AcmeProblem('badCSR', `The CSR is signed with an unsupported algorithm (${oid}).`);
  const holds = crypto.verify(
    SIGNATURE_DIGESTS[oid] ?? null,
    Buffer.from(info.valueBeforeDecodeView),
    publicKey,
    Buffer.from(signature.valueBlock.valueHexView),
  );
  if (!holds) throw new AcmeProblem('badCSR', 'The CSR is not signed by its own key.');
  return { publicKeySpki, publicKey };
}
