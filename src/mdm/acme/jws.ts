/**
 * The signed requests of ACME (RFC 8555 section 6.2): every POST is a flattened JWS whose protected
 * header names the algorithm, a fresh nonce, the exact URL requested, and either the new account's
 * key (`jwk`, for newAccount only) or the account's URL (`kid`). `jose` checks the signature; the
 * rules around it are here, in the RFC's order of refusals: malformed, then the key or account,
 * then the signature, then the nonce. The nonce is used up only by a request whose signature holds,
 * so nobody can burn another client's nonces.
 */
import { calculateJwkThumbprint, flattenedVerify, importJWK, type FlattenedJWSInput, type JWK, type ProtectedHeaderParameters } from 'jose';
import { AcmeProblem } from './problems.js';
import type { NonceStore } from './nonces.js';

/** Signature algorithms accepted: what ACME clients (Apple's among them: ES256/ES384) use; never `none` or a MAC. */
export const ACME_ALGORITHMS = ['ES256', 'ES384', 'ES512', 'RS256', 'PS256', 'EdDSA', 'Ed25519'] as const;

/** A request whose signature, URL and nonce hold. */
export interface VerifiedAcmeRequest {
  /** The JSON payload; null for POST-as-GET (an empty payload). */
  readonly payload: unknown;
  /** The key of a newAccount request (`jwk`), else null. */
  readonly jwk: JWK | null;
  /** RFC 7638 thumbprint of `jwk`, else null. */
  readonly thumbprint: string | null;
  /** The account URL (`kid`), else null. */
  readonly kid: string | null;
}

export interface AcmeRequestRules {
  /** The URL the request was made to, as the client saw it: the header's `url` must equal it. */
  readonly url: string;
  readonly nonces: NonceStore;
  /** newAccount: the key comes in `jwk`; every other request names its account in `kid`. */
  readonly keyFrom: 'jwk' | 'kid';
  /** The key of the account at `kid`, or null when there is no such account. */
  readonly accountKey: (kid: string) => Promise<JWK | null>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The protected header, read before any verification (to pick the key). */
function protectedHeaderOf(jws: FlattenedJWSInput): ProtectedHeaderParameters & Record<string, unknown> {
  try {
    const header = JSON.parse(Buffer.from(jws.protected ?? '', 'base64url').toString('utf8')) as unknown;
    if (isObject(header)) return header as ProtectedHeaderParameters & Record<string, unknown>;
  } catch {
    // Answered below.
  }
  throw new AcmeProblem('malformed', 'The JWS protected header is not a JSON object.');
}

/**
 * Verifies `body` (the raw request body) by the rules.
 * @throws AcmeProblem malformed, badSignatureAlgorithm, badPublicKey, accountDoesNotExist, unauthorized or badNonce.
 */
export async function verifyAcmeRequest(body: Buffer, rules: AcmeRequestRules): Promise<VerifiedAcmeRequest> {
  let jws: unknown;
  try {
    jws = JSON.parse(body.toString('utf8'));
  } catch {
    throw new AcmeProblem('malformed', 'The body is not JSON (expected a flattened JWS, application/jose+json).');
  }
  if (!isObject(jws) || typeof jws.protected !== 'string' || typeof jws.payload !== 'string' || typeof jws.signature !== 'string')
    throw new AcmeProblem('malformed', 'The body is not a flattened JWS (protected, payload, signature).');
  if ('header' in jws) throw new AcmeProblem('malformed', 'An ACME JWS has no unprotected header.');
  const input = jws as unknown as FlattenedJWSInput;
  const header = protectedHeaderOf(input);
  const alg = header.alg;
  if (typeof alg !== 'string' || !(ACME_ALGORITHMS as readonly string[]).includes(alg))
    throw new AcmeProblem('badSignatureAlgorithm', `The algorithm ${String(alg)} is not accepted (${ACME_ALGORITHMS.join(', ')}).`);
  if (typeof header.nonce !== 'string' || header.nonce === '') throw new AcmeProblem('badNonce', 'The JWS has no nonce.');
  if (typeof header.url !== 'string') throw new AcmeProblem('malformed', 'The JWS protected header has no url.');
  if (header.url !== rules.url) throw new AcmeProblem('unauthorized', `The JWS was signed for ${header.url}, not ${rules.url}.`);
  const hasJwk = header.jwk !== undefined;
  const hasKid = header.kid !== undefined;
  if (hasJwk === hasKid) throw new AcmeProblem('malformed', 'The JWS protected header must carry exactly one of jwk and kid.');

  let jwk: JWK;
  let kid: string | null = null;
  if (rules.keyFrom === 'jwk') {
    if (!hasJwk || !isObject(header.jwk)) throw new AcmeProblem('malformed', 'A new account is requested with its key in jwk.');
    jwk = header.jwk as JWK;
    if ('d' in jwk || 'p' in jwk || 'k' in jwk) throw new AcmeProblem('badPublicKey', 'The jwk is not a public key.');
  } else {
    if (typeof header.kid !== 'string') throw new AcmeProblem('malformed', 'This request names its account by its URL in kid.');
    kid = header.kid;
    const known = await rules.accountKey(kid);
    if (!known) throw new AcmeProblem('accountDoesNotExist', `No account at ${kid}.`);
    jwk = known;
  }

  let payloadBytes: Uint8Array;
  try {
    const key = await importJWK(jwk, alg);
    payloadBytes = (await flattenedVerify(input, key, { algorithms: [alg] })).payload;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') throw new AcmeProblem('unauthorized', 'The JWS signature does not verify.');
    if (rules.keyFrom === 'jwk') throw new AcmeProblem('badPublicKey', `The jwk cannot verify ${alg}: ${(error as Error).message}`);
    throw new AcmeProblem('malformed', `The JWS does not verify: ${(error as Error).message}`);
  }
  if (!rules.nonces.consume(header.nonce)) throw new AcmeProblem('badNonce', 'The nonce is unknown, expired or already used.');

  let payload: unknown = null;
  if (payloadBytes.length > 0) {
    try {
      payload = JSON.parse(Buffer.from(payloadBytes).toString('utf8'));
    } catch {
      throw new AcmeProblem('malformed', 'The JWS payload is not JSON.');
    }
  }
  return {
    payload,
    jwk: rules.keyFrom === 'jwk' ? jwk : null,
    thumbprint: rules.keyFrom === 'jwk' ? await calculateJwkThumbprint(jwk) : null,
    kid,
  };
}
