import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { toGlobalId } from '../../src/global-id.js';
import { ManualClock } from '../../src/platform/clock.js';
import { Role } from '../../src/permissions.js';
import { systemContext } from '../../src/platform/request-context.js';
import type { RunningAppleSimulator } from '../../src/simulator/apple/index.js';
import { RefreshTokenStatusDocument, TokenHealthChangedDocument, TokenHealthFieldsDocument } from '../generated/operations.js';
import { startTestServer, Subscription, type TestServer } from '../support/server.js';
import { uploadSimulatedToken } from '../support/tokens.js';

const DAY_S = 24 * 60 * 60;

/**
 * `tokenHealthChanged` and the token's health fields (issue 16): a snapshot at once, then a value
 * when Apple's verdict or the last Apple error changes, each with the expiry countdown.
 */
describe('token health over GraphQL', () => {
  const clock = new ManualClock('2026-09-01T08:00:00.000Z');
  const ctx = systemContext(createLogger('silent'));
  let t: TestServer;
  let apple: RunningAppleSimulator;
  let tokenId: string;

  beforeAll(async () => {
    t = await startTestServer({ clock });
    apple = t.server.apple.simulator!;
    const token = await uploadSimulatedToken(t.server.services, apple, ctx, { name: 'Health school' });
    tokenId = toGlobalId('EnrollmentProgramToken', token.id);
  });
  afterAll(() => t.close());

  it('shows the expiry countdown and the terms on the token', async () => {
    const token = (await t.request(TokenHealthFieldsDocument, { id: tokenId }, t.keys[Role.READ_ONLY])).data!.enrollmentProgramToken!;
    const left = (Date.parse(token.expiresAt) - clock.now().getTime()) / 1000;
    expect(token).toMatchObject({ status: 'ACTIVE', termsAccepted: true, lastAppleError: null, expiresInSeconds: Math.floor(left) });
    expect(token.expiresInDays).toBe(Math.ceil(left / DAY_S));
  });

  it('sends a snapshot at once, then a value when a call fails, when the terms are refused and when they are accepted', async () => {
    const live = new Subscription(t.wsClient(t.keys[Role.READ_ONLY]), TokenHealthChangedDocument, { tokenId });
    try {
      const first = (await live.next()).tokenHealthChanged;
      expect(first).toMatchObject({ snapshot: true, tokenId, status: 'ACTIVE', termsAccepted: true, lastAppleError: null });
      expect(first.at).toBe(clock.now().toISOString());

      apple.faults.add({ kind: 'http', status: 403, endpoint: 'GET /account' });
      expect((await t.request(RefreshTokenStatusDocument, { input: { tokenId } })).errors?.[0]?.extensions?.['code']).toBe(
        'APPLE_REQUEST_REJECTED',
      );
      expect((await live.next()).tokenHealthChanged).toMatchObject({
        snapshot: false,
        status: 'ACTIVE',
        lastAppleError: { code: 'APPLE_REQUEST_REJECTED', appleCode: 'ACCESS_DENIED', endpoint: 'GET /account' },
      });

      apple.portal.requireTermsAcceptance();
      apple.expireSessions();
      clock.advance(DAY_S * 1000);
      await t.request(RefreshTokenStatusDocument, { input: { tokenId } });
      const refused = (await live.next()).tokenHealthChanged;
      expect(refused).toMatchObject({
        status: 'TERMS_NOT_ACCEPTED',
        termsAccepted: false,
        lastAppleError: { code: 'APPLE_TERMS_NOT_ACCEPTED' },
      });
      expect(refused.expiresInDays).toBe(first.expiresInDays - 1);
      expect(refused.expiresInSeconds).toBe(first.expiresInSeconds - DAY_S);

      apple.portal.acceptTerms();
      await t.request(RefreshTokenStatusDocument, { input: { tokenId } });
      expect((await live.next()).tokenHealthChanged).toMatchObject({ status: 'ACTIVE', termsAccepted: true, lastAppleError: null });
    } finally {
      live.close();
    }
  });

  it('sends nothing for a successful call that changes nothing', async () => {
    const live = new Subscription(t.wsClient(), TokenHealthChangedDocument, { tokenId });
    try {
      expect((await live.next()).tokenHealthChanged.snapshot).toBe(true);
      await t.request(RefreshTokenStatusDocument, { input: { tokenId } });
      // A change after the no-op: the next value is that change, so the no-op sent nothing.
      apple.faults.add({ kind: 'http', status: 403, endpoint: 'GET /account' });
      await t.request(RefreshTokenStatusDocument, { input: { tokenId } });
      expect((await live.next()).tokenHealthChanged.lastAppleError?.code).toBe('APPLE_REQUEST_REJECTED');
    } finally {
      live.close();
    }
  });

  it('refuses an unknown token with NOT_FOUND', async () => {
    const live = new Subscription(t.wsClient(), TokenHealthChangedDocument, { tokenId: toGlobalId('EnrollmentProgramToken', 9999) });
    await expect(live.next()).rejects.toMatchObject({
      errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })],
    });
  });
});
