/**
 * A request someone waits on does not wait out Apple's long `Retry-After`: a GraphQL mutation
 * that calls Apple answers `APPLE_UNAVAILABLE` with `extensions.retryAfter` (seconds) after
 * waits of at most APPLE_INTERACTIVE_MAX_WAIT_MS in total, while a sync (background work, even
 * one a mutation started) still waits as long as Apple asks. Waits are counted, never timed:
 * the simulator's call counts and the recorded sleeps say how long anything waited.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/errors.js';
import { toGlobalId } from '../../src/global-id.js';
import { ManualClock } from '../../src/platform/clock.js';
import { interactiveWaitLimit, OperationBudget, runWithBudget } from '../../src/platform/operation-budget.js';
import { systemContext } from '../../src/platform/request-context.js';
import { createLogger } from '../../src/logger.js';
import type { RunningAppleSimulator } from '../../src/simulator/apple/index.js';
import { GenerateEncryptionPublicKeyDocument, RefreshTokenStatusDocument, UploadTokenDocument } from '../generated/operations.js';
import { homeroomErrorOf } from '../support/assertions.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { uploadSimulatedToken } from '../support/tokens.js';
import { HOUR, startSyncHarness, type SyncHarness } from '../services/sync/harness.js';

describe('GraphQL mutations that call Apple, against 503 Retry-After: 20', () => {
  let t: TestServer;
  let apple: RunningAppleSimulator;
  let tokenId: string;

  beforeAll(async () => {
    t = await startTestServer({ clock: new ManualClock('2026-09-01T08:00:00.000Z') });
    apple = t.server.apple.simulator!;
    const token = await uploadSimulatedToken(t.server.services, apple, systemContext(createLogger('silent')), { name: 'Waiting school' });
    tokenId = toGlobalId('EnrollmentProgramToken', token.id);
  });
  afterAll(() => t?.close());
  afterEach(() => apple.faults.clear());

  it('refreshTokenStatus answers APPLE_UNAVAILABLE with retryAfter 20 after one attempt, without waiting', async () => {
    expect(t.config.appleInteractiveMaxWaitMs).toBe(5000);
    apple.faults.add({ kind: 'http', status: 503, endpoint: 'GET /account', retryAfter: 20, times: 5 });
    const before = apple.stats()['GET /account'] ?? 0;
    const res = await t.request(RefreshTokenStatusDocument, { input: { tokenId } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: ErrorCode.APPLE_UNAVAILABLE, retryAfter: 20, attempts: 1, status: 503 });
    expect(res.errors?.[0]?.message).toContain('Try again in 20 s.');
    expect((apple.stats()['GET /account'] ?? 0) - before).toBe(1);
  });

  it('uploadToken answers APPLE_UNAVAILABLE with retryAfter 20 after one attempt, without waiting', async () => {
    const key = (await t.request(GenerateEncryptionPublicKeyDocument, {})).data!.generateEncryptionPublicKey.encryptionPublicKey;
    const { token: file } = apple.portal.createServer({ name: 'Second school', publicKeyPem: key.certificate });
    apple.faults.add({ kind: 'http', status: 503, endpoint: 'GET /account', retryAfter: 20, times: 5 });
    const res = await t.request(UploadTokenDocument, { input: { name: 'Second', appleId: 'it@school.example', tokenFile: file.content } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: ErrorCode.APPLE_UNAVAILABLE, retryAfter: 20, attempts: 1 });
  });
});

describe('the same Apple client: interactive waits are bounded, background waits are not', () => {
  let h: SyncHarness;
  beforeAll(async () => {
    h = await startSyncHarness({ seed: 20, appleRetry: { waitLimitMs: interactiveWaitLimit(5000) } });
  });
  afterAll(() => h?.close());
  afterEach(() => h.simulator.faults.clear());

  /** As the server runs every GraphQL operation: under a budget. */
  const asOperation = <T>(work: () => Promise<T>) => runWithBudget(new OperationBudget(h.clock), work);

  it('refreshStatus inside an operation gives up at once; a sync a mutation started waits the 20 s and succeeds', async () => {
    const { token } = await h.newToken('Patient school', 4);
    h.simulator.faults.add({ kind: 'http', status: 503, endpoint: 'GET /account', retryAfter: 20, times: 5 });
    h.waits.length = 0;
    const refused = await homeroomErrorOf(asOperation(() => h.services.tokens.refreshStatus(h.ctx, token.id)));
    expect(refused).toMatchObject({ code: ErrorCode.APPLE_UNAVAILABLE, details: { retryAfter: 20, attempts: 1 } });
    expect(h.waits).toEqual([]);

    h.simulator.faults.add({ kind: 'http', status: 503, endpoint: 'POST /devices/sync', retryAfter: 20, times: 2 });
    h.clock.advance(HOUR);
    const { done } = await asOperation(() => h.services.sync.requestSync(h.ctx, token.id));
    expect(await done).toMatchObject({ status: 'SUCCEEDED' });
    expect(h.waits).toEqual([20_000, 20_000]);
  });

  it('a short Retry-After (2 s) is still waited for inside an operation, up to 5 s in total', async () => {
    const { token } = await h.newToken('Brief school', 1);
    h.simulator.faults.add({ kind: 'http', status: 503, endpoint: 'GET /account', retryAfter: 2, times: 2 });
    h.waits.length = 0;
    const refreshed = await asOperation(() => h.services.tokens.refreshStatus(h.ctx, token.id));
    expect(refreshed.id).toBe(token.id);
    expect(h.waits).toEqual([2000, 2000]);
  });
});
