/**
 * OAuth 1.0a (RFC 5849) HMAC-SHA1 signing for Apple's `GET /session`.
 *
 * Apple's Device Assignment API uses OAuth 1.0a only to trade the server token's four secrets for
 * a session token; every other call carries that session in `X-ADM-Auth-Session`. The signer is a
 * pure function of its inputs (timestamp and nonce are parameters), so tests can check it against
 * the published vectors and the simulator can verify it independently.
 */
import { createHmac, randomBytes } from 'node:crypto';

/** The four OAuth secrets from a decrypted server token (`consumer_key`, `consumer_secret`, `access_token`, `access_secret`). */
export interface DepCredentials {
  consumerKey: string;
  consumerSecret: string;
  accessToken: string;
  accessSecret: string;
}

/** What {@link signOAuth1} needs; `timestamp` is Unix seconds, `nonce` any string unique per timestamp. */
export interface OAuth1SignInput {
  method: string;
  /** Absolute URL of the request; a query string is parsed into signature parameters (RFC 5849 §3.4.1.3.1). */
  url: string;
  credentials: DepCredentials;
  timestamp: number;
  nonce: string;
  /**
   * `realm` of the Authorization header; never signed (RFC 5849 §3.4.1.3.1). Defaults to `'ADM'` because
   * Apple's own example sends it; nanodep sends none and works too, so `null` omits it.
   */
  realm?: string | null;
  /** Extra request parameters that take part in the signature (form-encoded body parameters). Apple's `/session` has none. */
  extraParams?: ReadonlyArray<readonly [string, string]>;
}

/** The signed result: the header to send, and the intermediate values for diagnosis and tests. */
export interface OAuth1Signature {
  /** The full `Authorization` header value, `OAuth realm="ADM", oauth_consumer_key="…", …`. */
  authorization: string;
  /** The base64 HMAC-SHA1 signature, before percent-encoding. */
  signature: string;
  /** The signature base string (RFC 5849 §3.4.1). */
  baseString: string;
}

/**
 * Percent-encodes per RFC 5849 §3.6 (= RFC 3986 unreserved set): everything except `A-Z a-z 0-9 - . _ ~`
 * becomes `%XX` of its UTF-8 bytes, with upper-case hex.
 */
export function percentEncode(value: string): string {
  // encodeURIComponent also leaves ! ' ( ) * alone; OAuth requires them encoded.
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The base string URI (RFC 5849 §3.4.1.2): lower-case scheme and host, the port only when it is not the
 * scheme's default, the path, no query or fragment.
 */
export function normalizeBaseUrl(url: string): string {
  // WHATWG URL already lower-cases scheme and host and drops default ports (80 for http, 443 for https).
  const parsed = new URL(url);
  const port = parsed.port === '' ? '' : `:${parsed.port}`;
  const path = parsed.pathname === '' ? '/' : parsed.pathname;
  return `${parsed.protocol}//${parsed.hostname}${port}${path}`;
}

/**
 * Normalizes request parameters (RFC 5849 §3.4.1.3.2): encode each name and value, sort by encoded name
 * then encoded value (byte order), join as `name=value` with `&`.
 */
export function normalizeParameters(params: ReadonlyArray<readonly [string, string]>): string {
  return params
    .map(([name, value]) => [percentEncode(name), percentEncode(value)] as const)
    .sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

/** The signature base string (RFC 5849 §3.4.1.1): `METHOD&pct(base URL)&pct(normalized parameters)`. */
export function signatureBaseString(method: string, url: string, params: ReadonlyArray<readonly [string, string]>): string {
  const queryParams = [...new URL(url).searchParams.entries()];
  return [method.toUpperCase(), percentEncode(normalizeBaseUrl(url)), percentEncode(normalizeParameters([...queryParams, ...params]))].join(
    '&',
  );
}

/**
 * Signs one request with HMAC-SHA1 (RFC 5849 §3.4.2): key `pct(consumer_secret)&pct(access_secret)`, message the
 * base string. Always sends `oauth_version="1.0"` (optional in the RFC, present in Apple's example and in nanodep).
 * Header parameters are written in sorted order; OAuth servers must accept any order.
 */
export function signOAuth1(input: OAuth1SignInput): OAuth1Signature {
  const { credentials } = input;
  const oauthParams: Array<[string, string]> = [
    ['oauth_consumer_key', credentials.consumerKey],
    ['oauth_nonce', input.nonce],
    ['oauth_signature_method', 'HMAC-SHA1'],
    ['oauth_timestamp', String(input.timestamp)],
    ['oauth_token', credentials.accessToken],
    ['oauth_version', '1.0'],
  ];
  const baseString = signatureBaseString(input.method, input.url, [...oauthParams, ...(input.extraParams ?? [])]);
  const key = `${percentEncode(credentials.consumerSecret)}&${percentEncode(credentials.accessSecret)}`;
  const signature = createHmac('sha1', key).update(baseString).digest('base64');
  const realm = input.realm === undefined ? 'ADM' : input.realm;
  const headerParams = [...oauthParams, ['oauth_signature', signature] as [string, string]].sort(([a], [b]) => (a < b ? -1 : 1));
  const parts = headerParams.map(([name, value]) => `${percentEncode(name)}="${percentEncode(value)}"`);
  if (realm !== null) parts.unshift(`realm="${realm.replace(/["\\]/g, '\\$&')}"`);
  return { authorization: `OAuth ${parts.join(', ')}`, signature, baseString };
}

/** A fresh nonce: 16 random bytes from the CSPRNG as 32 hex characters (Apple rejects a reused nonce). */
export function createNonce(): string {
  return randomBytes(16).toString('hex');
}
