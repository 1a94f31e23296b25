/** The School Manager API's token endpoint: client assertions checked as Apple documents them. */
import { randomBytes } from 'node:crypto';
import { decodeProtectedHeader, importSPKI, jwtVerify } from 'jose';
import {
  ASM_ACCESS_TOKEN_SECONDS,
  ASM_ASSERTION_AUDIENCE,
  ASM_MAX_ASSERTION_SECONDS,
  ASM_SCOPES,
  oauthError,
  type Answer,
} from './school-manager-http.js';
import type { ApiAccountRecord } from './state.js';

/** An access token the endpoint issued, kept in memory. */
export interface AccessToken {
  readonly clientId: string;
  readonly expiresAt: number;
}

/**
 * Answers `POST /auth/oauth2/token`: OAuth 2 client credentials with an ES256 client assertion
 * (RFC 7523) signed by the API account's key; on success stores a new access token in `tokens`.
 */
export async function answerTokenRequest(
  raw: Buffer,
  accounts: ReadonlyMap<string, ApiAccountRecord>,
  tokens: Map<string, AccessToken>,
  clock: () => number,
): Promise<Answer> {
  const form = new URLSearchParams(raw.toString('utf8'));
  if (form.get('grant_type') !== 'client_credentials')
    return oauthError('unsupported_grant_type', 'grant_type must be client_credentials.');
  if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
    return oauthError('invalid_request', 'client_assertion_type must be urn:ietf:params:oauth:client-assertion-type:jwt-bearer.');
  const scope = form.get('scope') ?? '';
  if (!(ASM_SCOPES as readonly string[]).includes(scope))
    return oauthError('invalid_scope', `scope must be one of ${ASM_SCOPES.join(', ')}.`);
  const clientId = form.get('client_id') ?? '';
  const assertion = form.get('client_assertion') ?? '';
  const account = accounts.get(clientId);
  if (!account) return oauthError('invalid_client', 'Unknown client_id.');
  let kid: string | undefined;
  try {
    const header = decodeProtectedHeader(assertion);
    if (header.alg !== 'ES256') return oauthError('invalid_client', 'The assertion must be signed with ES256.');
    kid = header.kid;
  } catch {
    return oauthError('invalid_client', 'The client assertion is not a JWT.');
  }
  if (kid !== account.keyId) return oauthError('invalid_client', 'The assertion kid is not the key of this API account.');
  const now = clock();
  try {
    const key = await importSPKI(account.publicKeyPem, 'ES256');
    const { payload } = await jwtVerify(assertion, key, {
      algorithms: ['ES256'],
      issuer: clientId,
      subject: clientId,
      audience: ASM_ASSERTION_AUDIENCE,
      currentDate: new Date(now),
      clockTolerance: 60,
      requiredClaims: ['iat', 'exp', 'jti'],
    });
    if (payload.exp! - payload.iat! > ASM_MAX_ASSERTION_SECONDS)
      return oauthError('invalid_client', 'The assertion lives longer than 180 days.');
  } catch (error) {
    return oauthError('invalid_client', `The client assertion was refused: ${(error as Error).message}`);
  }
  const accessToken = randomBytes(24).toString('base64url');
  tokens.set(accessToken, { clientId, expiresAt: now + ASM_ACCESS_TOKEN_SECONDS * 1000 });
  return { status: 200, body: { access_token: accessToken, token_type: 'Bearer', expires_in: ASM_ACCESS_TOKEN_SECONDS, scope } };
}
