/**
 * Apple's error bodies in every form seen in the wild, and the mapping from Apple's answer to Homeroom's
 * APPLE_* codes that a school IT admin acts on.
 */
import { describe, expect, it } from 'vitest';
import { DepApiError, depApiError, depErrorCode, isTokenDeath, parseAppleErrorBody } from '../../src/apple/dep-errors.js';
import { ErrorCode, HomeroomError } from '../../src/errors.js';

describe('parseAppleErrorBody', () => {
  it('reads a bare code (Apple) and a JSON-quoted code (depsim) alike', () => {
    expect(parseAppleErrorBody('INVALID_CURSOR')).toBe('INVALID_CURSOR');
    expect(parseAppleErrorBody('INVALID_CURSOR\n')).toBe('INVALID_CURSOR');
    expect(parseAppleErrorBody('"INVALID_CURSOR"')).toBe('INVALID_CURSOR');
  });

  it('reads {"code": …} and {"error": …} objects', () => {
    expect(parseAppleErrorBody('{"code":"T_C_NOT_SIGNED"}')).toBe('T_C_NOT_SIGNED');
    expect(parseAppleErrorBody('{"error":"ACCESS_DENIED"}')).toBe('ACCESS_DENIED');
  });

  it('reads OAuth problem reports and keeps the case Apple sent', () => {
    expect(parseAppleErrorBody('oauth_problem=token_rejected')).toBe('token_rejected');
    expect(parseAppleErrorBody('oauth_problem=signature_invalid&oauth_problem_advice=check%20secrets')).toBe('signature_invalid');
  });

  it('gives null for empty bodies and for text that is not a code', () => {
    for (const body of [
      '',
      '   ',
      null,
      undefined,
      '""',
      '{}',
      '[]',
      '<html><body>502 Bad Gateway</body></html>',
      'Service temporarily down',
    ]) {
      expect(parseAppleErrorBody(body), String(body)).toBeNull();
    }
  });
});

describe('depErrorCode', () => {
  const data = { session: false };
  const session = { session: true };

  it('maps T_C_NOT_SIGNED to APPLE_TERMS_NOT_ACCEPTED on /session and data calls, in any case', () => {
    expect(depErrorCode({ ...session, status: 403, appleCode: 'T_C_NOT_SIGNED' })).toBe(ErrorCode.APPLE_TERMS_NOT_ACCEPTED);
    expect(depErrorCode({ ...data, status: 403, appleCode: 'T_C_NOT_SIGNED' })).toBe(ErrorCode.APPLE_TERMS_NOT_ACCEPTED);
    expect(depErrorCode({ ...session, status: 403, appleCode: 't_c_not_signed' })).toBe(ErrorCode.APPLE_TERMS_NOT_ACCEPTED);
  });

  it('maps any 400, 401 or 403 of /session to APPLE_TOKEN_REJECTED', () => {
    for (const [status, appleCode] of [
      [401, 'token_rejected'],
      [401, 'token_expired'],
      [403, 'signature_invalid'],
      [403, 'FORBIDDEN'],
      [401, 'UNAUTHORIZED'],
      [400, null],
    ] as const) {
      expect(depErrorCode({ ...session, status, appleCode }), `${status} ${appleCode}`).toBe(ErrorCode.APPLE_TOKEN_REJECTED);
    }
  });

  it('maps ACCESS_DENIED on a data call to APPLE_REQUEST_REJECTED (the token got through), without advising a new token', () => {
    expect(depErrorCode({ ...data, status: 403, appleCode: 'ACCESS_DENIED' })).toBe(ErrorCode.APPLE_REQUEST_REJECTED);
    const denied = depApiError({ status: 403, appleCode: 'ACCESS_DENIED', session: false, endpoint: 'POST /profile/devices', attempts: 1 });
    expect(denied.code).toBe(ErrorCode.APPLE_REQUEST_REJECTED);
    expect(denied.message).toContain('ACCESS_DENIED');
    expect(denied.message).not.toMatch(/new token|download|upload/i);
    expect(isTokenDeath(denied)).toBe(false);
  });

  it('counts only /session’s token_rejected, token_expired and signature_invalid as token death', () => {
    const sessionError = (status: number, appleCode: string | null) =>
      depApiError({ status, appleCode, session: true, endpoint: 'GET /session', attempts: 1 });
    expect(isTokenDeath(sessionError(401, 'token_rejected'))).toBe(true);
    expect(isTokenDeath(sessionError(401, 'token_expired'))).toBe(true);
    expect(isTokenDeath(sessionError(403, 'signature_invalid'))).toBe(true);
    expect(isTokenDeath(sessionError(403, 'ACCESS_DENIED'))).toBe(false);
    expect(isTokenDeath(sessionError(400, null))).toBe(false);
    const replayed = depApiError({
      status: 401,
      appleCode: 'UNAUTHORIZED',
      session: false,
      afterReauth: true,
      endpoint: 'GET /account',
      attempts: 3,
    });
    expect(replayed.code).toBe(ErrorCode.APPLE_TOKEN_REJECTED);
    expect(isTokenDeath(replayed)).toBe(false);
  });

  it('maps a 401 or 403 FORBIDDEN that survived a re-sign-in to APPLE_TOKEN_REJECTED', () => {
    expect(depErrorCode({ ...data, status: 401, appleCode: 'UNAUTHORIZED', afterReauth: true })).toBe(ErrorCode.APPLE_TOKEN_REJECTED);
    expect(depErrorCode({ ...data, status: 403, appleCode: 'FORBIDDEN', afterReauth: true })).toBe(ErrorCode.APPLE_TOKEN_REJECTED);
  });

  it('maps network failures, 429 and 5xx to APPLE_UNAVAILABLE', () => {
    for (const status of [null, 429, 500, 503]) {
      expect(depErrorCode({ ...data, status, appleCode: null })).toBe(ErrorCode.APPLE_UNAVAILABLE);
      expect(depErrorCode({ ...session, status, appleCode: null })).toBe(ErrorCode.APPLE_UNAVAILABLE);
    }
  });

  it('maps other 4xx of data calls to APPLE_REQUEST_REJECTED', () => {
    for (const [status, appleCode] of [
      [400, 'INVALID_CURSOR'],
      [400, 'EXHAUSTED_CURSOR'],
      [400, 'EXPIRED_CURSOR'],
      [400, 'CURSOR_REQUIRED'],
      [400, 'FLAGS_INVALID'],
      [404, 'NOT_FOUND'],
      [405, null],
      [403, 'APPLE_SEED_FOR_IT_TURNED_OFF'],
    ] as const) {
      expect(depErrorCode({ ...data, status, appleCode }), `${status} ${appleCode}`).toBe(ErrorCode.APPLE_REQUEST_REJECTED);
    }
    expect(depErrorCode({ ...session, status: 405, appleCode: null })).toBe(ErrorCode.APPLE_REQUEST_REJECTED);
  });
});

describe('DepApiError', () => {
  it('is a HomeroomError carrying status, appleCode, endpoint and attempts as fields and details', () => {
    const error = depApiError({ status: 400, appleCode: 'INVALID_CURSOR', session: false, endpoint: 'POST /devices/sync', attempts: 1 });
    expect(error).toBeInstanceOf(DepApiError);
    expect(error).toBeInstanceOf(HomeroomError);
    expect(error).toMatchObject({
      code: ErrorCode.APPLE_REQUEST_REJECTED,
      status: 400,
      appleCode: 'INVALID_CURSOR',
      endpoint: 'POST /devices/sync',
    });
    expect(error.details).toEqual({ status: 400, appleCode: 'INVALID_CURSOR', endpoint: 'POST /devices/sync', attempts: 1 });
    expect(error.message).toContain('INVALID_CURSOR');
  });

  it('tells the admin what to do: accept terms, upload a new token, or try later', () => {
    const terms = depApiError({ status: 403, appleCode: 'T_C_NOT_SIGNED', session: true, endpoint: 'GET /session', attempts: 1 });
    expect(terms.message).toMatch(/accept/i);
    const token = depApiError({ status: 401, appleCode: 'token_rejected', session: true, endpoint: 'GET /session', attempts: 1 });
    expect(token.message).toMatch(/new token/i);
    expect(token.message).toContain('renewToken');
    expect(token.message).not.toContain('upload');
    const down = depApiError({
      status: null,
      appleCode: null,
      session: false,
      endpoint: 'GET /account',
      attempts: 5,
      reason: 'ECONNREFUSED',
    });
    expect(down.message).toContain('5 attempts');
    expect(down.message).toContain('ECONNREFUSED');
    expect(down.message).toMatch(/try again later/i);
  });

  it('keeps extra facts such as retryAfterMs in details', () => {
    const error = depApiError(
      { status: 503, appleCode: null, session: false, endpoint: 'GET /account', attempts: 1 },
      { retryAfterMs: 3_600_000 },
    );
    expect(error.details).toMatchObject({ retryAfterMs: 3_600_000, status: 503 });
  });
});
