/**
 * The Apple School Manager API's credentials and the client assertion made from them: an ES256
 * JWT (RFC 7523) signed with the API account's P-256 key, `iss` and `sub` the client id, `aud`
 * Apple's token endpoint, `kid` the key id. Apple allows an assertion up to 180 days; Homeroom
 * signs a short one per token request, so a stolen assertion is worth little.
 */
import crypto, { randomUUID } from 'node:crypto';
import { importPKCS8, SignJWT } from 'jose';

/** An API account as created in Apple School Manager (Settings, API). */
export interface SchoolManagerCredentials {
  readonly clientId: string;
  readonly keyId: string;
  /** PEM of the P-256 private key ASM generated (PKCS#8 or SEC1 `EC PRIVATE KEY`). */
  readonly privateKeyPem: string;
}

/** The `aud` Apple requires. */
export const CLIENT_ASSERTION_AUDIENCE = 'https://account.apple.com/auth/oauth2/v2/token';
/** How long Homeroom's assertions live: enough for one token request and some clock skew. */
export const CLIENT_ASSERTION_SECONDS = 300;

/** Why a private key cannot be used; stable words the credentials mutation reports. */
export type PrivateKeyProblem = 'NOT_PEM' | 'UNREADABLE' | 'NOT_EC' | 'NOT_P256';

/** The key as a KeyObject, or what is wrong with it. */
export function readP256PrivateKey(pem: string): { key: crypto.KeyObject } | { problem: PrivateKeyProblem } {
  if (!/-----BEGIN (?:EC )?PRIVATE KEY-----/.test(pem) || pem.length > 16 * 1024) return { problem: 'NOT_PEM' };
  let key: crypto.KeyObject;
  try {
    key = crypto.createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    return { problem: 'UNREADABLE' };
  }
  if (key.asymmetricKeyType !== 'ec') return { problem: 'NOT_EC' };
  if (key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') return { problem: 'NOT_P256' };
  return { key };
}

/** A signed client assertion for `credentials`, issued at `now`. */
export async function clientAssertion(credentials: SchoolManagerCredentials, now: Date): Promise<string> {
  const read = readP256PrivateKey(credentials.privateKeyPem);
  if ('problem' in read) throw new Error(`the API account's private key cannot be used (${read.problem})`);
  // jose takes PKCS#8; a SEC1 key is re-exported as such.
  const pkcs8 = read.key.export({ type: 'pkcs8', format: 'pem' }).toString();
  const key = await importPKCS8(pkcs8, 'ES256');
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'ES256', kid: credentials.keyId, typ: 'JWT' })
    .setIssuer(credentials.clientId)
    .setSubject(credentials.clientId)
    .setAudience(CLIENT_ASSERTION_AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + CLIENT_ASSERTION_SECONDS)
    .setJti(randomUUID())
    .sign(key);
}
