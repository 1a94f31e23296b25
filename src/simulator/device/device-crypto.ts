/**
 * What a virtual iPad signs and unpacks (reference: device-enrollment.md section 5):
 *
 * - CMS SignedData over MachineInfo, content attached, signed with the factory identity (ECDSA
 *   P-256 from the simulated Apple device CA);
 * - `Mdm-Signature`: CMS SignedData over a check-in or connect body, content detached, signed with
 *   the identity the MDM issued (RSA, PKCS#1 v1.5), SHA-256 or, as older devices do, SHA-1;
 * - the enrollment profile's PKCS#12 identity payload, and a CMS-signed profile's content.
 *
 * A minimal DER writer (`der.ts`) builds the CMS structures (PKI.js's schema objects cost more CPU
 * than the signatures); node:crypto signs. Its signing is synchronous and runs in
 * OpenSSL (about a millisecond for RSA-2048, far less for P-256), where forge's pure-JS RSA costs
 * some 30 ms a message: too slow for a thousand devices checking in. node-forge is used once per
 * enrollment only, to open the PKCS#12 (3DES), which neither PKI.js nor Node does simply.
 */
import crypto from 'node:crypto';
import forge from 'node-forge';
import * as asn1 from '../../wire/der.js';
import { OID } from '../../wire/oids.js';

/** The digests a device signs with. */
export type SignatureDigest = 'sha256' | 'sha1';

/** A certificate and the key to sign with it. */
export interface SigningIdentity {
  /** The signer's certificate, DER. */
  readonly certificateDer: Buffer;
  readonly privateKey: crypto.KeyObject;
}

/** An identity read from a PKCS#12. */
export interface ImportedIdentity extends SigningIdentity {
  readonly certificatePem: string;
  /** Upper-case hex, as `X509Certificate.serialNumber` writes it. */
  readonly serialNumber: string;
}

/** An identity given as PEM certificate and PEM key (the factory identity). */
export function identityOfPem(certificatePem: string, privateKeyPem: string): SigningIdentity {
  return {
    certificateDer: Buffer.from(new crypto.X509Certificate(certificatePem).raw),
    privateKey: crypto.createPrivateKey(privateKeyPem),
  };
}

/**
 * The signature algorithm as the SignerInfo names it: `rsaEncryption` for RSA (what OpenSSL and
 * Go's pkcs7, used by mdmb, write; the digest comes from `digestAlgorithm`), ECDSA with its digest.
 */
function signatureAlgorithmOf(key: crypto.KeyObject, digest: SignatureDigest): Buffer {
  if (key.asymmetricKeyType === 'rsa') return asn1.algorithm(OID.rsaEncryption);
  if (key.asymmetricKeyType === 'ec') return asn1.algorithm(digest === 'sha1' ? OID.ecdsaWithSha1 : OID.ecdsaWithSha256, null);
  throw new Error(`cannot sign with a ${key.asymmetricKeyType} key`);
}

/** The signer's IssuerAndSerialNumber (RFC 5652 section 10.2.4), read once per identity. */
const issuerAndSerials = new WeakMap<SigningIdentity, Buffer>();

function issuerAndSerialOf(signer: SigningIdentity): Buffer {
  let encoded = issuerAndSerials.get(signer);
  if (!encoded) {
    const tbs = asn1.childrenOf(asn1.childrenOf(asn1.readDer(signer.certificateDer))[0]);
    // TBSCertificate: [0] version (absent for v1), serialNumber, signature, issuer, ...
    const at = asn1.isContext(tbs[0], 0) ? 1 : 0;
    encoded = asn1.sequence(asn1.encodingOf(tbs[at + 2]!), asn1.encodingOf(tbs[at]!));
    issuerAndSerials.set(signer, encoded);
  }
  return encoded;
}

/**
 * A DER ContentInfo holding SignedData over `content` with one signer, its certificate included,
 * and signed attributes (content type, signing time, message digest).
 */
export function signCms(
  content: Buffer,
  signer: SigningIdentity,
  options: { detached: boolean; digest?: SignatureDigest; signingTime?: Date },
): Buffer {
  const digest = options.digest ?? 'sha256';
  const attribute = (type: string, value: Buffer) => asn1.sequence(asn1.oid(type), asn1.set(value));
  // The signature covers the attributes encoded as a SET (tag 0x31), not as the [0] they are sent as.
  const toSign = asn1.set(
    attribute(OID.contentType, asn1.oid(OID.data)),
    attribute(OID.signingTime, asn1.time(options.signingTime ?? new Date())),
    attribute(OID.messageDigest, asn1.octetString(crypto.createHash(digest).update(content).digest())),
  );
  const signedAttributes = Buffer.from(toSign);
  signedAttributes[0] = asn1.contextTag(0);
  const digestAlgorithm = asn1.algorithm(OID[digest]);
  const signerInfo = asn1.sequence(
    asn1.integer(1),
    issuerAndSerialOf(signer),
    digestAlgorithm,
    signedAttributes,
    signatureAlgorithmOf(signer.privateKey, digest),
    // RSA keys sign PKCS#1 v1.5 by default; EC keys give the DER Ecdsa-Sig-Value CMS wants.
    asn1.octetString(crypto.sign(digest, toSign, signer.privateKey)),
  );
  const signed = asn1.sequence(
    asn1.integer(1),
    asn1.set(digestAlgorithm),
    asn1.sequence(asn1.oid(OID.data), ...(options.detached ? [] : [asn1.tlv(asn1.contextTag(0), asn1.octetString(content))])),
    asn1.tlv(asn1.contextTag(0), signer.certificateDer),
    asn1.set(signerInfo),
  );
  return asn1.sequence(asn1.oid(OID.signedData), asn1.tlv(asn1.contextTag(0), signed));
}

/** The content of a CMS SignedData (a signed profile). The device does not check who signed it. */
export function signedContentOf(der: Buffer): Buffer {
  const [type, wrapped] = asn1.childrenOf(asn1.readDer(der));
  if (asn1.oidOf(type) !== OID.signedData) throw new Error(`content type ${asn1.oidOf(type)}, not SignedData`);
  const encapsulated = asn1.childrenOf(asn1.childrenOf(asn1.childrenOf(wrapped)[0])[2]);
  if (!asn1.isContext(encapsulated[1], 0)) throw new Error('the SignedData carries no content');
  return Buffer.from(asn1.octetsOf(asn1.childrenOf(encapsulated[1])[0]!));
}

/**
 * Opens a PKCS#12 (the profile's `com.apple.security.pkcs12` payload) and returns the identity:
 * the key and the certificate whose public key matches it.
 *
 * @throws Error when the password is wrong, the structure unreadable, or no certificate fits the key.
 */
export function openPkcs12(der: Buffer, password: string): ImportedIdentity {
  const pfx = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der.toString('binary')), password);
  const keys: crypto.KeyObject[] = [];
  const certificates: crypto.X509Certificate[] = [];
  // forge reads RSA keys and RSA certificates; anything else (an EC identity) it hands back as ASN.1.
  const derOf = (asn1: forge.asn1.Asn1) => Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
  for (const contents of pfx.safeContents) {
    for (const bag of contents.safeBags) {
      if (bag.type === forge.pki.oids.certBag) {
        const asn1 = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1;
        if (asn1) certificates.push(new crypto.X509Certificate(derOf(asn1)));
      } else if (bag.key) {
        keys.push(crypto.createPrivateKey(forge.pki.privateKeyToPem(bag.key)));
      } else if (bag.asn1) {
        keys.push(crypto.createPrivateKey({ key: derOf(bag.asn1), format: 'der', type: 'pkcs8' }));
      }
    }
  }
  const [privateKey] = keys;
  if (!privateKey) throw new Error('the PKCS#12 holds no private key');
  const publicKey = crypto.createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const mine = certificates.find((certificate) => certificate.publicKey.export({ type: 'spki', format: 'der' }).equals(publicKey));
  if (!mine) throw new Error('no certificate in the PKCS#12 matches its key');
  return {
    certificatePem: mine.toString(),
    certificateDer: Buffer.from(mine.raw),
    serialNumber: mine.serialNumber.toUpperCase(),
    privateKey,
  };
}
