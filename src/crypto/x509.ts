/**
 * The pieces every certificate Homeroom makes shares (token key pairs, the simulated push
 * certificate, the MDM certificate authority and the device identities it issues): an RSA key
 * from Node's OpenSSL-backed generator (node-forge's pure-JS prime search blocks for seconds),
 * a serial X.509 parsers accept, and validity times X.509 can hold.
 */
import crypto from 'node:crypto';
import forge from 'node-forge';

const SERIAL_BYTES = 16;

/** A fresh RSA-2048 key: PKCS#1 PEM (what Homeroom seals and stores) and node-forge's form (to sign with). */
export function newRsaKey(): { privateKeyPem: string; privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey } {
  const { privateKey: privateKeyPem } = crypto.generateKeyPairSync('rsa', RSA_KEY_OPTIONS);
  return rsaKeyOfPem(privateKeyPem);
}

/**
 * A new RSA-2048 key as PKCS#1 PEM, generated on libuv's thread pool: some 50 to 100 ms of work
 * that a request path (a device enrolling) must not spend on the event loop.
 */
export function generateRsaKeyPem(): Promise<string> {
  return new Promise((resolve, reject) =>
    crypto.generateKeyPair('rsa', RSA_KEY_OPTIONS, (error, _publicKey, privateKey) => (error ? reject(error) : resolve(privateKey))),
  );
}

/** A PKCS#1 or PKCS#8 PEM RSA key in node-forge's form. */
export function rsaKeyOfPem(privateKeyPem: string): {
  privateKeyPem: string;
  privateKey: forge.pki.rsa.PrivateKey;
  publicKey: forge.pki.rsa.PublicKey;
} {
  const privateKey = forge.pki.privateKeyFromPem(privateKeyPem) as forge.pki.rsa.PrivateKey;
  return { privateKeyPem, privateKey, publicKey: forge.pki.setRsaPublicKey(privateKey.n, privateKey.e) };
}

const RSA_KEY_OPTIONS: crypto.RSAKeyPairOptions<'pem', 'pem'> = {
  modulusLength: 2048,
  publicExponent: 0x10001,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
};

/**
 * A random 16-byte serial in hex: positive (top bit clear) and minimally encoded (no leading zero
 * byte). OpenSSL rejects a padded INTEGER, and forge matches recipients by the serial's hex as written.
 */
export function randomSerialHex(): string {
  const serial = crypto.randomBytes(SERIAL_BYTES);
  serial[0] = serial[0]! & 0x7f || 0x01;
  return serial.toString('hex');
}

/** X.509 times have whole seconds; truncating first makes a returned time equal the encoded one. */
export function wholeSeconds(ms: number): Date {
  return new Date(Math.floor(ms / 1000) * 1000);
}

/** A certificate as PEM with `\n` line ends (forge writes CRLF; one convention is easier to store and compare). */
export function certificatePem(certificate: forge.pki.Certificate): string {
  return forge.pki.certificateToPem(certificate).replace(/\r\n/g, '\n');
}

/** A certificate serial in one spelling, however a library writes it: upper-case hex without leading zeros. */
export function normalizedSerial(hex: string): string {
  return hex.toUpperCase().replace(/^0+(?=.)/, '');
}
