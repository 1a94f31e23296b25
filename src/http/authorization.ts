/**
 * API key authentication, the same for HTTP (`Authorization: Bearer <key>`) and graphql-ws
 * (`connectionParams.authorization`), so both transports refuse for the same reasons with the
 * same words: no key, a key without the `Bearer ` scheme, an unknown key, a revoked key.
 *
 * HTTP answers every refusal with 401 UNAUTHENTICATED and the message below. A websocket is
 * closed before `connection_ack`: 4401 when the client sent nothing usable (it should ask its
 * user for a key), 4403 when the key itself is refused (unknown or revoked: asking again with
 * the same key will not help). The close reason is the message (close reasons are capped at
 * 123 bytes, so these stay short).
 */
import type { Actor } from '../platform/request-context.js';
import type { ApiKeyService } from '../services/api-key/api-key.service.js';

/** Why a request was refused. */
export type AuthenticationRefusal = 'MISSING_KEY' | 'MISSING_SCHEME' | 'UNKNOWN_KEY' | 'REVOKED_KEY';

export const REFUSAL_MESSAGES: Readonly<Record<AuthenticationRefusal, string>> = {
  MISSING_KEY: 'An API key is required: send `Authorization: Bearer <key>`.',
  MISSING_SCHEME: 'The API key has no `Bearer ` scheme: send `Authorization: Bearer <key>`.',
  UNKNOWN_KEY: 'The API key is unknown.',
  REVOKED_KEY: 'The API key was revoked.',
};

/** graphql-ws close codes: 4401 for a missing key or scheme, 4403 for a key that is refused. */
export const REFUSAL_CLOSE_CODES: Readonly<Record<AuthenticationRefusal, 4401 | 4403>> = {
  MISSING_KEY: 4401,
  MISSING_SCHEME: 4401,
  UNKNOWN_KEY: 4403,
  REVOKED_KEY: 4403,
};

export type Authentication = { readonly actor: Actor } | { readonly refused: AuthenticationRefusal; readonly message: string };

/**
 * Reads the API key from an `Authorization` value (`Bearer <key>`); null when there is none
 * in that form.
 */
export function bearerToken(header: unknown): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header.trim());
  return match ? match[1]! : null;
}

/** A refusal with its message. */
function refused(refusal: AuthenticationRefusal): Authentication {
  return { refused: refusal, message: REFUSAL_MESSAGES[refusal] };
}

/** Checks an `Authorization` value: the actor it stands for, or why it is refused. */
export async function authenticate(apiKeys: ApiKeyService, header: unknown): Promise<Authentication> {
  if (typeof header !== 'string' || /^(Bearer)?\s*$/i.test(header.trim())) return refused('MISSING_KEY');
  const token = bearerToken(header);
  // A bare key (or another scheme): say what is missing rather than "unknown key".
  if (token === null) return refused('MISSING_SCHEME');
  const checked = await apiKeys.check(token);
  if ('actor' in checked) return { actor: checked.actor };
  return refused(checked.refused === 'REVOKED' ? 'REVOKED_KEY' : 'UNKNOWN_KEY');
}

/**
 * The `Authorization` value of a graphql-ws `connection_init` payload: `authorization` or
 * `Authorization` at the top level (what most clients send), else the same inside `headers`
 * (what clients written for HTTP headers send).
 */
export function connectionAuthorization(params: Readonly<Record<string, unknown>> | undefined): unknown {
  if (!params) return undefined;
  const headers = params['headers'];
  const nested = typeof headers === 'object' && headers !== null ? (headers as Record<string, unknown>) : {};
  return params['authorization'] ?? params['Authorization'] ?? nested['authorization'] ?? nested['Authorization'];
}
