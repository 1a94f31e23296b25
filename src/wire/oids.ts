/**
 * The object identifiers the MDM protocol's CMS and SCEP messages name, in one table for both
 * sides (Homeroom reads and answers them, virtual iPads build and read them): content types
 * (RFC 5652), PKCS#9 attributes, SCEP's attributes (RFC 8894, under VeriSign's arc), the digest,
 * signature and cipher algorithms, and the X.520 name types a certificate subject uses.
 */
export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  envelopedData: '1.2.840.113549.1.7.3',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  challengePassword: '1.2.840.113549.1.9.7',
  extensionRequest: '1.2.840.113549.1.9.14',
  messageType: '2.16.840.1.113733.1.9.2',
  pkiStatus: '2.16.840.1.113733.1.9.3',
  failInfo: '2.16.840.1.113733.1.9.4',
  senderNonce: '2.16.840.1.113733.1.9.5',
  recipientNonce: '2.16.840.1.113733.1.9.6',
  transactionId: '2.16.840.1.113733.1.9.7',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecdsaWithSha1: '1.2.840.10045.4.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  aes128Cbc: '2.16.840.1.101.3.4.1.2',
  desEde3Cbc: '1.2.840.113549.3.7',
  commonName: '2.5.4.3',
  serialNumber: '2.5.4.5',
} as const;
