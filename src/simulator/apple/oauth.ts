/**
 * Apple's side of OAuth 1.0a (RFC 5849) for `GET /session`: parse the `Authorization: OAuth ...`
 * header, rebuild the signature base string from the request as it arrived (its own Host header
 * and path, so a client pointed at any host and port signs what it sends), check HMAC-SHA1, the
 * timestamp window and nonce reuse. It returns OAuth problem names (the "Problem Reporting"
 * extension vocabulary) rather than writing responses; the DEP layer chooses the bodies.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Apple tolerates this much clock skew on `oauth_timestamp`, either way. */
export const TIMESTAMP_WINDOW_SECONDS = 300;

/** Why a header could not even be read (all answered with 400). */
export type OAuthSyntaxProblem = 'parameter_absent' | 'parameter_rejected' | 'signature_method_rejected' | 'version_rejected';

/** The protocol parameters of a readable header. */
export interface OAuthParams {
  readonly consumerKey: string;
  readonly token: string;
  readonly signature: string;
  readonly signatureMethod: string;
  readonly timestamp: number;
  readonly nonce: string;
  /** Every `oauth_*` parameter except the signature, as they enter the base string. */
  readonly signed: ReadonlyArray<readonly [string, string]>;
}

const REQUIRED = ['oauth_consumer_key', 'oauth_token', 'oauth_signature_method', 'oauth_signature', 'oauth_timestamp', 'oauth_nonce'];
const ALLOWED = new Set([...REQUIRED, 'oauth_version']);

/** RFC 3986 percent-encoding as OAuth requires (unreserved characters only are left alone). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function percentDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/**
 * Reads an `Authorization` header: scheme `OAuth`, comma-separated `name="value"` pairs in any
 * order, `realm` optional and unsigned. Unknown or repeated `oauth_*` parameters are rejected,
 * as RFC 5849 section 3.2 asks; other names are ignored.
 */
export function parseAuthorization(
  header: string | undefined,
): { ok: true; params: OAuthParams } | { ok: false; problem: OAuthSyntaxProblem } {
  const match = header === undefined ? null : /^\s*OAuth\s+([\s\S]*)$/i.exec(header);
  if (!match) return { ok: false, problem: 'parameter_absent' };
  const found = new Map<string, string>();
  const pair = /\s*([A-Za-z0-9_.~%-]+)\s*=\s*(?:"([^"]*)"|([^,\s]*))\s*(?:,|$)/y;
  const text = match[1]!.trim();
  pair.lastIndex = 0;
  while (pair.lastIndex < text.length) {
    const start = pair.lastIndex;
    const m = pair.exec(text);
    if (!m || pair.lastIndex === start) return { ok: false, problem: 'parameter_rejected' };
    const name = percentDecode(m[1]!);
    const value = percentDecode(m[2] ?? m[3] ?? '');
    if (name === null || value === null) return { ok: false, problem: 'parameter_rejected' };
    if (!name.startsWith('oauth_')) continue;
    if (found.has(name) || !ALLOWED.has(name)) return { ok: false, problem: 'parameter_rejected' };
    found.set(name, value);
  }
  if (REQUIRED.some((name) => !found.get(name))) return { ok: false, problem: 'parameter_absent' };
  if (found.get('oauth_signature_method') !== 'HMAC-SHA1') return { ok: false, problem: 'signature_method_rejected' };
  if (found.has('oauth_version') && found.get('oauth_version') !== '1.0') return { ok: false, problem: 'version_rejected' };
  const timestamp = found.get('oauth_timestamp')!;
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, problem: 'parameter_rejected' };
  return {
    ok: true,
    params: {
      consumerKey: found.get('oauth_consumer_key')!,
      token: found.get('oauth_token')!,
      signature: found.get('oauth_signature')!,
      signatureMethod: 'HMAC-SHA1',
      timestamp: Number(timestamp),
      nonce: found.get('oauth_nonce')!,
      signed: [...found.entries()].filter(([name]) => name !== 'oauth_signature'),
    },
  };
}

/**
 * The base string URI (RFC 5849 3.4.1.2) of a request: scheme and host lower-cased, the default
 * port dropped, the path as sent, no query.
 */
export function baseStringUri(scheme: 'http' | 'https', hostHeader: string, path: string): string {
  let host = hostHeader.trim().toLowerCase();
  if ((scheme === 'http' && host.endsWith(':80')) || (scheme === 'https' && host.endsWith(':443'))) host = host.replace(/:\d+$/, '');
  const pathOnly = path.split('?')[0] || '/';
  return `${scheme}://${host}${pathOnly}`;
}

/** The signature base string: method, URI, and the sorted, encoded parameters (oauth and query). */
export function signatureBaseString(method: string, uri: string, params: ReadonlyArray<readonly [string, string]>): string {
  const normalized = params
    .map(([name, value]) => [percentEncode(name), percentEncode(value)] as const)
    .sort(([an, av], [bn, bv]) => (an === bn ? (av < bv ? -1 : av > bv ? 1 : 0) : an < bn ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  return `${method.toUpperCase()}&${percentEncode(uri)}&${percentEncode(normalized)}`;
}

/** Base64 HMAC-SHA1 of the base string with key `enc(consumer secret)&enc(token secret)`. */
export function hmacSha1Signature(baseString: string, consumerSecret: string, tokenSecret: string): string {
  return createHmac('sha1', `${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`)
    .update(baseString)
    .digest('base64');
}

/** Constant-time comparison of two base64 signatures. */
export function signaturesMatch(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The request's query parameters, which RFC 5849 signs along with the oauth ones. */
export function queryParams(path: string): Array<[string, string]> {
  const query = path.includes('?') ? path.slice(path.indexOf('?') + 1) : '';
  return [...new URLSearchParams(query).entries()];
}

/**
 * Nonces seen in the last two timestamp windows. A nonce older than that cannot come back: its
 * timestamp would be refused first. Entries are swept from the front (insertion order).
 */
export class NonceCache {
  private readonly seen = new Map<string, number>();

  constructor(private readonly retentionMs: number = 2 * TIMESTAMP_WINDOW_SECONDS * 1000) {}

  /** Records the nonce; false when it was already used within the window. */
  use(key: string, now: number): boolean {
    for (const [old, at] of this.seen) {
      if (at > now - this.retentionMs) break;
      this.seen.delete(old);
    }
    if (this.seen.has(key)) return false;
    this.seen.set(key, now);
    return true;
  }

  /** Forgets every nonce (a restarted Apple has an empty cache too). */
  clear(): void {
    this.seen.clear();
  }
}
