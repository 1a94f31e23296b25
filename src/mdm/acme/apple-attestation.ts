/**
 * Apple's Managed Device Attestation as ACME's `device-attest-01` carries it (draft-acme-device-attest,
 * Apple's "apple" attestation statement format): a CBOR attestation object
 * `{fmt: "apple", attStmt: {x5c: [leaf, intermediates...]}, authData}`. Apple's attestation servers
 * issue the leaf for a key the device made in its Secure Enclave, after checking the hardware, with
 * what they vouch for in extensions:
 *
 * - 1.2.840.113635.100.8.11.1, the freshness code: the SHA-256 of the ACME challenge token the
 *   device asked the attestation for (so an attestation answers one challenge only);
 * - 1.2.840.113635.100.8.9.1, the device's serial number; 1.2.840.113635.100.8.9.2, its UDID.
 *
 * The leaf's public key is the attested key: the certificate request that finalizes the order must
 * be for that very key. The chain must end at a trusted attestation root: Apple's Enterprise
 * Attestation Root CA, and the simulated Apple's own root when Homeroom trusts the simulator. Each
 * link is checked with Node's OpenSSL (issuer name, signature, CA flag, dates at `now`), as the
 * check-in signatures are in `cms.ts`.
 */
import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import { decode } from 'cborg';

/** OIDs of the attested facts in Apple's leaf. */
export const APPLE_ATTESTATION_OID = {
  freshnessCode: '1.2.840.113635.100.8.11.1',
  serialNumber: '1.2.840.113635.100.8.9.1',
  udid: '1.2.840.113635.100.8.9.2',
  osVersion: '1.2.840.113635.100.8.10.1',
} as const;

/**
 * Apple Enterprise Attestation Root CA (ECDSA P-384, 2022-02-16 to 2047-02-20), as Apple publishes it
 * at https://www.apple.com/certificateauthority/private/ (Apple_Enterprise_Attestation_Root_CA.pem).
 * SHA-256 fingerprint CC:F5:9E:F8:FC:B3:01:7D:97:F8:B5:FA:6F:A9:0E:7A:3F:92:83:F7:6B:55:AC:6C:F6:ED:A8:B8:B9:49:F0:5B
 * (checked in the tests).
 */
export const APPLE_ENTERPRISE_ATTESTATION_ROOT_CA_PEM = `-----BEGIN CERTIFICATE-----
MIICJDCCAamgAwIBAgIUQsDCuyxyfFxeq/bxpm8frF15hzcwCgYIKoZIzj0EAwMw
UTEtMCsGA1UEAwwkQXBwbGUgRW50ZXJwcmlzZSBBdHRlc3RhdGlvbiBSb290IENB
MRMwEQYDVQQKDApBcHBsZSBJbmMuMQswCQYDVQQGEwJVUzAeFw0yMjAyMTYxOTAx
MjRaFw00NzAyMjAwMDAwMDBaMFExLTArBgNVBAMMJEFwcGxlIEVudGVycHJpc2Ug
QXR0ZXN0YXRpb24gUm9vdCBDQTETMBEGA1UECgwKQXBwbGUgSW5jLjELMAkGA1UE
BhMCVVMwdjAQBgcqhkjOPQIBBgUrgQQAIgNiAAT6Jigq+Ps9Q4CoT8t8q+UnOe2p
oT9nRaUfGhBTbgvqSGXPjVkbYlIWYO+1zPk2Sz9hQ5ozzmLrPmTBgEWRcHjA2/y7
7GEicps9wn2tj+G89l3INNDKETdxSPPIZpPj8VmjQjBAMA8GA1UdEwEB/wQFMAMB
Af8wHQYDVR0OBBYEFPNqTQGd8muBpV5du+UIbVbi+d66MA4GA1UdDwEB/wQEAwIB
BjAKBggqhkjOPQQDAwNpADBmAjEA1xpWmTLSpr1VH4f8Ypk8f3jMUKYz4QPG8mL5
8m9sX/b2+eXpTv2pH4RZgJjucnbcAjEA4ZSB6S45FlPuS/u4pTnzoz632rA+xW/T
ZwFEh9bhKjJ+5VQ9/Do1os0u3LEkgN/r
-----END CERTIFICATE-----
`;

/** Why an attestation was refused. */
export type AttestationFailure = 'MALFORMED' | 'UNTRUSTED_CHAIN' | 'FRESHNESS_MISMATCH' | 'MISSING_FACT';

export class AttestationError extends Error {
  constructor(
    readonly reason: AttestationFailure,
    message: string,
  ) {
    super(message);
    this.name = 'AttestationError';
  }
}

/** What Apple vouches for, once the attestation holds. */
export interface VerifiedAttestation {
  readonly serialNumber: string;
  /** The UDID, when the leaf carries it (Apple includes it unless the device is a Mac with privacy settings). */
  readonly udid: string | null;
  /** The attested key: the leaf's SubjectPublicKeyInfo, DER. */
  readonly publicKeySpki: Buffer;
  /** The leaf, for logs. */
  readonly leaf: crypto.X509Certificate;
}

export interface AttestationRules {
  /** The challenge token the attestation must answer: its SHA-256 is the freshness code. */
  readonly token: string;
  /** Trusted attestation roots (Apple's, and the simulator's when trusted). */
  readonly roots: readonly crypto.X509Certificate[];
  readonly now: Date;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/** The attestation object's certificates, leaf first. */
function chainOf(attestationObject: Uint8Array): crypto.X509Certificate[] {
  let decoded: unknown;
  try {
    decoded = decode(attestationObject);
  } catch (error) {
    throw new AttestationError('MALFORMED', `The attestation object is not CBOR: ${(error as Error).message}`);
  }
  if (!isObject(decoded)) throw new AttestationError('MALFORMED', 'The attestation object is not a CBOR map.');
  if (decoded.fmt !== 'apple') throw new AttestationError('MALFORMED', `The attestation format is ${String(decoded.fmt)}, not apple.`);
  const statement = decoded.attStmt;
  if (!isObject(statement) || !Array.isArray(statement.x5c) || statement.x5c.length === 0)
    throw new AttestationError('MALFORMED', 'The attestation statement has no x5c certificate chain.');
  return statement.x5c.map((der: unknown, index: number) => {
    if (!(der instanceof Uint8Array)) throw new AttestationError('MALFORMED', `x5c[${index}] is not a byte string.`);
    try {
      return new crypto.X509Certificate(der);
    } catch {
      throw new AttestationError('MALFORMED', `x5c[${index}] is not a DER certificate.`);
    }
  });
}

function validAt(certificate: crypto.X509Certificate, now: Date): boolean {
  return Date.parse(certificate.validFrom) <= now.getTime() && now.getTime() <= Date.parse(certificate.validTo);
}

/** `child` issued and signed by `parent`, a CA. */
function issuedBy(child: crypto.X509Certificate, parent: crypto.X509Certificate): boolean {
  return parent.ca && child.checkIssued(parent) && child.verify(parent.publicKey);
}

/** Throws unless the chain runs from the leaf, link by link, to one of the roots, every certificate valid at `now`. */
function verifyChain(chain: readonly crypto.X509Certificate[], roots: readonly crypto.X509Certificate[], now: Date): void {
  for (const [index, certificate] of chain.entries()) {
    if (!validAt(certificate, now)) throw new AttestationError('UNTRUSTED_CHAIN', `x5c[${index}] is not valid at ${now.toISOString()}.`);
    const next = chain[index + 1];
    if (next && !issuedBy(certificate, next))
      throw new AttestationError('UNTRUSTED_CHAIN', `x5c[${index}] is not signed by x5c[${index + 1}].`);
  }
  const top = chain[chain.length - 1]!;
  const trusted = roots.some((root) => validAt(root, now) && (Buffer.compare(top.raw, root.raw) === 0 || issuedBy(top, root)));
  if (!trusted)
    throw new AttestationError(
      'UNTRUSTED_CHAIN',
      `The chain ends at ${top.issuer.split('\n').join(', ')}, not a trusted attestation root.`,
    );
}

/** The leaf's extensions, OID to extnValue content. */
function extensionsOf(leaf: crypto.X509Certificate): Map<string, Buffer> {
  const parsed = asn1js.fromBER(new Uint8Array(leaf.raw));
  if (parsed.offset === -1) throw new AttestationError('MALFORMED', 'The leaf certificate does not parse.');
  const found = new Map<string, Buffer>();
  const tbs = (parsed.result as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence;
  for (const field of tbs.valueBlock.value) {
    // [3] EXPLICIT Extensions.
    if (field.idBlock.tagClass !== 3 || field.idBlock.tagNumber !== 3) continue;
    const list = (field as asn1js.Constructed).valueBlock.value[0] as asn1js.Sequence;
    for (const extension of list.valueBlock.value as asn1js.Sequence[]) {
      const parts = extension.valueBlock.value;
      const oid = (parts[0] as asn1js.ObjectIdentifier).valueBlock.toString();
      const value = parts[parts.length - 1] as asn1js.OctetString;
      found.set(oid, Buffer.from(value.valueBlock.valueHexView));
    }
  }
  return found;
}

/**
 * The facts of a `device-attest-01` attestation object, once it holds.
 * @throws AttestationError for a malformed object, a chain to no trusted root (or a bad signature in
 *   it), a freshness code other than SHA-256 of the token, or no serial number.
 */
export function verifyAppleAttestation(attestationObject: Uint8Array, rules: AttestationRules): VerifiedAttestation {
  const chain = chainOf(attestationObject);
  verifyChain(chain, rules.roots, rules.now);
  const leaf = chain[0]!;
  const extensions = extensionsOf(leaf);
  const freshness = extensions.get(APPLE_ATTESTATION_OID.freshnessCode);
  const expected = crypto.createHash('sha256').update(rules.token).digest();
  if (!freshness || freshness.length !== expected.length || !crypto.timingSafeEqual(freshness, expected))
    throw new AttestationError(
      'FRESHNESS_MISMATCH',
      'The attestation was made for another challenge (its freshness code is not SHA-256 of the token).',
    );
  const serial = extensions.get(APPLE_ATTESTATION_OID.serialNumber);
  if (!serial || serial.length === 0) throw new AttestationError('MISSING_FACT', 'The attestation carries no serial number.');
  const udid = extensions.get(APPLE_ATTESTATION_OID.udid);
  return {
    serialNumber: serial.toString('utf8'),
    udid: udid && udid.length > 0 ? udid.toString('utf8') : null,
    publicKeySpki: leaf.publicKey.export({ type: 'spki', format: 'der' }),
    leaf,
  };
}
