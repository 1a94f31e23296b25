/**
 * Apple's error answers turned into Homeroom's error codes.
 *
 * Apple answers errors with a bare code in a `text/plain` body (`INVALID_CURSOR`); Apple's simulator quotes it
 * (`"INVALID_CURSOR"`); test mocks elsewhere use `{"code":"…"}`, and OAuth failures may come as
 * `oauth_problem=token_rejected`. One parser reads them all, and one mapping decides what the school IT admin is
 * told: accept the terms, upload a new token, fix the request, or wait for Apple.
 */
import { ErrorCode, HomeroomError } from '../errors.js';

/** Facts about a failed Apple call; also copied into {@link HomeroomError.details} (and so into GraphQL `extensions`). */
export interface DepApiErrorFacts {
  /** HTTP status of Apple's last answer; `null` when no answer came (network error, timeout). */
  status: number | null;
  /** Apple's error code from the body (`T_C_NOT_SIGNED`, `INVALID_CURSOR`, …), as sent; `null` if none. */
  appleCode: string | null;
  /** Method and path, e.g. `POST /server/devices`. */
  endpoint: string;
  /** How many HTTP requests this call sent to the endpoint, retries and the replay after a re-sign-in included. */
  attempts: number;
}

/** A failed call to Apple's Device Assignment API, with the facts needed to act on it. */
export class DepApiError extends HomeroomError {
  readonly status: number | null;
  readonly appleCode: string | null;
  readonly endpoint: string;
  readonly attempts: number;

  constructor(
    code: ErrorCode,
    message: string,
    facts: DepApiErrorFacts,
    extra: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(
      code,
      message,
      { ...extra, status: facts.status, appleCode: facts.appleCode, endpoint: facts.endpoint, attempts: facts.attempts },
      options,
    );
    this.name = 'DepApiError';
    this.status = facts.status;
    this.appleCode = facts.appleCode;
    this.endpoint = facts.endpoint;
    this.attempts = facts.attempts;
  }
}

// A code is one word of letters, digits and separators; anything else (an HTML error page from a proxy, a sentence)
// is not Apple's code and is better reported as "no code" than as a misleading one.
const CODE_SHAPE = /^[A-Za-z][A-Za-z0-9_.-]{0,99}$/;

function asCode(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return CODE_SHAPE.test(text) ? text : null;
}

/**
 * Reads Apple's error code from a response body:
 * bare `INVALID_CURSOR`, JSON-quoted `"INVALID_CURSOR"`, `{"code":"X"}` (or `{"error":"X"}`), and
 * `oauth_problem=token_rejected&oauth_problem_advice=…` all give the code; an empty body, or text that is not
 * shaped like a code, gives `null`. The code is returned as sent (case kept); compare with {@link sameAppleCode}.
 */
export function parseAppleErrorBody(text: string | null | undefined): string | null {
  const body = (text ?? '').trim();
  if (body === '') return null;
  if (body.startsWith('"') || body.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(body);
      if (typeof parsed === 'string') return asCode(parsed);
      if (parsed !== null && typeof parsed === 'object') {
        const record = parsed as Record<string, unknown>;
        return asCode(record['code']) ?? asCode(record['error']);
      }
      return null;
    } catch {
      // Not JSON after all: fall through to the plain-text forms.
    }
  }
  if (/(^|&)oauth_problem=/.test(body)) return asCode(new URLSearchParams(body).get('oauth_problem'));
  return asCode(body);
}

/** Apple's codes come in upper case from Apple and in lower case from some OAuth layers; compare without case. */
export function sameAppleCode(code: string | null, expected: string): boolean {
  return code !== null && code.toUpperCase() === expected.toUpperCase();
}

/**
 * OAuth problems that mean "this token is no good"; they come from `/session` and are recognised on data calls too.
 * `ACCESS_DENIED` is not one of them: on a data call it is Apple's "this server lacks access to what was asked"
 * (a device or profile of another MDM server, say), answered to a token Apple just accepted.
 */
const TOKEN_CODES = ['TOKEN_REJECTED', 'TOKEN_EXPIRED', 'SIGNATURE_INVALID'];

/**
 * The `/session` answers Apple documents as the token's death: revoked or replaced by a newer download
 * (`token_rejected`, also `signature_invalid`, which Fleet sees for replaced tokens) or past its expiry
 * (`token_expired`). Only these make Homeroom mark a token REJECTED; any other failure, a 403 `ACCESS_DENIED` on a
 * data call above all, leaves the token's status alone (see {@link isTokenDeath}).
 */
const TOKEN_DEATH_CODES = ['TOKEN_REJECTED', 'TOKEN_EXPIRED', 'SIGNATURE_INVALID'];

/** The endpoint of the sign-in, as {@link DepApiError.endpoint} names it. */
export const SESSION_ENDPOINT = 'GET /session';

/** Whether `error` is Apple declaring the token dead: a `/session` answer in {@link TOKEN_DEATH_CODES}. */
export function isTokenDeath(error: unknown): boolean {
  return (
    error instanceof DepApiError &&
    error.endpoint === SESSION_ENDPOINT &&
    TOKEN_DEATH_CODES.some((code) => sameAppleCode(error.appleCode, code))
  );
}

/** What {@link depErrorCode} decides on. */
export interface DepFailure {
  status: number | null;
  appleCode: string | null;
  /** True for `GET /session`: any 400/401/403 there means the token itself was refused. */
  session: boolean;
  /** True when a 401 (or 403 `FORBIDDEN`) came back again after one fresh sign-in. */
  afterReauth?: boolean;
}

/**
 * The contract's mapping from Apple's answer to a Homeroom code:
 * - `T_C_NOT_SIGNED` anywhere -> `APPLE_TERMS_NOT_ACCEPTED` (checked first: on `/session` it is a 403 too, but
 *   the fix is accepting terms, not a new token);
 * - `/session` failing with 400, 401 or 403; `token_rejected`, `token_expired` or `signature_invalid` anywhere;
 *   a 401, or 403 `FORBIDDEN`, that survives a fresh sign-in -> `APPLE_TOKEN_REJECTED`;
 * - `ACCESS_DENIED` on a data call -> `APPLE_REQUEST_REJECTED`, like any other 4xx: the token got through;
 * - no answer, 429, 5xx (after the retries) and anything else that is not a 4xx -> `APPLE_UNAVAILABLE`;
 * - any other 4xx -> `APPLE_REQUEST_REJECTED`.
 */
export function depErrorCode(failure: DepFailure): ErrorCode {
  const { status, appleCode } = failure;
  if (sameAppleCode(appleCode, 'T_C_NOT_SIGNED')) return ErrorCode.APPLE_TERMS_NOT_ACCEPTED;
  if (TOKEN_CODES.some((code) => sameAppleCode(appleCode, code))) return ErrorCode.APPLE_TOKEN_REJECTED;
  if (status === null || status === 429 || status >= 500 || status < 400) return ErrorCode.APPLE_UNAVAILABLE;
  if (failure.session && (status === 400 || status === 401 || status === 403)) return ErrorCode.APPLE_TOKEN_REJECTED;
  if (failure.afterReauth && (status === 401 || (status === 403 && sameAppleCode(appleCode, 'FORBIDDEN')))) {
    return ErrorCode.APPLE_TOKEN_REJECTED;
  }
  return ErrorCode.APPLE_REQUEST_REJECTED;
}

function describeAnswer(status: number | null, appleCode: string | null): string {
  if (status === null) return 'no answer';
  return appleCode === null ? `HTTP ${status}` : `HTTP ${status} ${appleCode}`;
}

/**
 * Builds the {@link DepApiError} for a failure, with a message for a school IT admin: what Apple said and what to do.
 * `reason` (e.g. `ECONNREFUSED`, "unexpected response: no cursor") explains an `APPLE_UNAVAILABLE` beyond the status.
 */
export function depApiError(
  failure: DepFailure & { endpoint: string; attempts: number; reason?: string },
  extra: Record<string, unknown> = {},
  options?: { cause?: unknown },
): DepApiError {
  const code = depErrorCode(failure);
  const { status, appleCode, endpoint, attempts } = failure;
  const answer = describeAnswer(status, appleCode);
  let message: string;
  switch (code) {
    case ErrorCode.APPLE_TERMS_NOT_ACCEPTED:
      message =
        `Apple refused ${endpoint} because the latest Apple School Manager terms and conditions are not accepted (T_C_NOT_SIGNED). ` +
        'An administrator must sign in to Apple School Manager and accept them; Apple can take some hours to notice.';
      break;
    case ErrorCode.APPLE_TOKEN_REJECTED:
      message =
        `Apple refused the server token (${endpoint}: ${answer}). It was replaced by a newer download, expired or was revoked: ` +
        'download a new token for this MDM server in Apple School Manager and call renewToken with it.';
      break;
    case ErrorCode.APPLE_UNAVAILABLE: {
      const last = failure.reason ? `${answer}, ${failure.reason}` : answer;
      const when = typeof extra['retryAfter'] === 'number' ? `in ${extra['retryAfter']} s` : 'later';
      message = `Apple did not complete ${endpoint} after ${attempts} attempt${attempts === 1 ? '' : 's'} (last: ${last}). Try again ${when}.`;
      break;
    }
    default:
      message = sameAppleCode(appleCode, 'ACCESS_DENIED')
        ? `Apple denied ${endpoint} (${answer}): this MDM server has no access to what was asked (for example a device or profile of another MDM server). ` +
          'The token itself was accepted and stays as it is; check the request, not the token.'
        : `Apple refused ${endpoint} (${answer}); repeating the same request will not help.`;
  }
  return new DepApiError(code, message, { status, appleCode, endpoint, attempts }, extra, options);
}
