/**
 * A PKCS#12 (PFX, RFC 7292) of one private key and its certificate chain, for any key algorithm.
 *
 * node-forge's `toPkcs12Asn1` only takes RSA keys in its own form; the device identities Homeroom
 * issues may be RSA or EC (P-256, whose key costs microseconds to make where RSA-2048 costs
 * 100 ms), so this builds the same structure from DER: certificates in a plain SafeContents, the key
 * as a pkcs8ShroudedKeyBag encrypted with pbeWithSHAAnd3-KeyTripleDES-CBC (what every iOS and iPadOS
 * version imports), both bags tagged with the certificate's localKeyId, and an HMAC-SHA1 MAC over
 * the whole, keyed by the PKCS#12 KDF. forge supplies the ASN.1, the PBE and the KDF.
 */
import crypto from 'node:crypto';
import forge from 'node-forge';

const { asn1, pki } = forge;
const UNIVERSAL = asn1.Class.UNIVERSAL;
const CONTEXT = asn1.Class.CONTEXT_SPECIFIC;

export interface Pkcs12Input {
  /** The private key as DER PKCS#8 (`PrivateKeyInfo`), RSA or EC. */
  readonly privateKeyPkcs8: Buffer;
  /** DER certificates, the key's own first. */
  readonly certificates: readonly Buffer[];
  readonly password: string;
  readonly friendlyName?: string;
  /** PBE and MAC iterations; forge's and OpenSSL's default is 2048. */
  readonly iterations: number;
}

const oid = (id: string) => asn1.create(UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(id).getBytes());
const sequence = (items: forge.asn1.Asn1[]) => asn1.create(UNIVERSAL, asn1.Type.SEQUENCE, true, items);
const octets = (bytes: string) => asn1.create(UNIVERSAL, asn1.Type.OCTETSTRING, false, bytes);
const explicit = (item: forge.asn1.Asn1) => asn1.create(CONTEXT, 0, true, [item]);
const binary = (buffer: Buffer) => buffer.toString('binary');

/** A ContentInfo of type data around `content` (RFC 7292 section 4.1, unencrypted). */
function dataContentInfo(content: forge.asn1.Asn1): forge.asn1.Asn1 {
  return sequence([oid(pki.oids.data!), explicit(octets(asn1.toDer(content).getBytes()))]);
}

function bagAttributes(localKeyId: string, friendlyName: string | undefined): forge.asn1.Asn1 {
  const attribute = (type: string, value: forge.asn1.Asn1) => sequence([oid(type), asn1.create(UNIVERSAL, asn1.Type.SET, true, [value])]);
  const attributes = [attribute(pki.oids.localKeyId!, octets(localKeyId))];
  if (friendlyName) attributes.push(attribute(pki.oids.friendlyName!, asn1.create(UNIVERSAL, asn1.Type.BMPSTRING, false, friendlyName)));
  return asn1.create(UNIVERSAL, asn1.Type.SET, true, attributes);
}

/** The PKCS#12 as DER. */
export function buildPkcs12(input: Pkcs12Input): Buffer {
  const [own] = input.certificates;
  if (!own) throw new Error('buildPkcs12: the key needs its certificate');
  // What ties the key to its certificate: the SHA-1 of the certificate, as forge and OpenSSL write it.
  const localKeyId = binary(crypto.createHash('sha1').update(own).digest());
  const attributes = bagAttributes(localKeyId, input.friendlyName);

  const certificateBags = input.certificates.map((der, index) =>
    sequence([
      oid(pki.oids.certBag!),
      explicit(sequence([oid(pki.oids.x509Certificate!), explicit(octets(binary(der)))])),
      ...(index === 0 ? [attributes] : []),
    ]),
  );
  const privateKeyInfo = asn1.fromDer(binary(input.privateKeyPkcs8));
  const shrouded = pki.encryptPrivateKeyInfo(privateKeyInfo, input.password, { algorithm: '3des', count: input.iterations, saltSize: 8 });
  const keyBag = sequence([oid(pki.oids.pkcs8ShroudedKeyBag!), explicit(shrouded), attributes]);
  const authenticatedSafe = sequence([dataContentInfo(sequence(certificateBags)), dataContentInfo(sequence([keyBag]))]);

  const macSalt = crypto.randomBytes(8);
  const macKey = forge.pkcs12.generateKey(input.password, forge.util.createBuffer(binary(macSalt)), 3, input.iterations, 20);
  const hmac = forge.hmac.create();
  hmac.start('sha1', macKey);
  const safeDer = asn1.toDer(authenticatedSafe).getBytes();
  hmac.update(safeDer);
  const macData = sequence([
    sequence([sequence([oid(pki.oids.sha1!), asn1.create(UNIVERSAL, asn1.Type.NULL, false, '')]), octets(hmac.digest().getBytes())]),
    octets(binary(macSalt)),
    asn1.create(UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(input.iterations).getBytes()),
  ]);
  const pfx = sequence([
    asn1.create(UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(3).getBytes()),
    sequence([oid(pki.oids.data!), explicit(octets(safeDer))]),
    macData,
  ]);
  return Buffer.from(asn1.toDer(pfx).getBytes(), 'binary');
}
