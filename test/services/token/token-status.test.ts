/**
 * What a token's status tells the admin to do: a REJECTED or EXPIRED token (and one about to
 * expire) is fixed by downloading a new file for the same MDM server and calling `renewToken`;
 * `uploadToken` would refuse that file (issue 14).
 */
import { describe, expect, it } from 'vitest';
import { depApiError } from '../../../src/apple/dep-errors.js';
import { ERROR_CODE_DESCRIPTIONS, ErrorCode } from '../../../src/errors.js';
import { TokenStatus } from '../../../src/entities/enrollment-program-token.entity.js';
import { TOKEN_STATUS_DESCRIPTIONS, tokenStatus } from '../../../src/services/token/token-status.js';

const NOW = new Date('2026-09-01T08:00:00.000Z');
const DAY = 24 * 3600 * 1000;

describe('token status advice', () => {
  const advice = (text: string) => {
    expect(text).toContain('renewToken');
    expect(text).not.toContain('uploadToken');
    expect(text).not.toMatch(/upload it|renew it in Homeroom/);
  };

  it('names renewToken, never uploadToken, in the REJECTED and EXPIRED reasons and descriptions', () => {
    const rejection = depApiError({ status: 401, appleCode: 'token_rejected', session: true, endpoint: 'GET /session', attempts: 1 });
    // The service stores Apple's refusal as the REJECTED reason.
    const rejected = tokenStatus(
      { status: 'REJECTED', statusReason: rejection.message, accessTokenExpiry: new Date(NOW.getTime() + 90 * DAY) },
      NOW,
    );
    expect(rejected.status).toBe(TokenStatus.REJECTED);
    advice(rejected.reason);
    const expired = tokenStatus({ status: 'ACTIVE', statusReason: null, accessTokenExpiry: new Date(NOW.getTime() - 1) }, NOW);
    expect(expired.status).toBe(TokenStatus.EXPIRED);
    advice(expired.reason);
    const soon = tokenStatus({ status: 'ACTIVE', statusReason: null, accessTokenExpiry: new Date(NOW.getTime() + 10 * DAY) }, NOW);
    expect(soon.status).toBe(TokenStatus.EXPIRING_SOON);
    advice(soon.reason);
    for (const status of [TokenStatus.REJECTED, TokenStatus.EXPIRED, TokenStatus.EXPIRING_SOON]) advice(TOKEN_STATUS_DESCRIPTIONS[status]);
    advice(ERROR_CODE_DESCRIPTIONS[ErrorCode.APPLE_TOKEN_REJECTED]);
  });
});
