import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../src/errors.js';
import { DAY, HOUR, MINUTE, startSyncHarness, type SyncHarness } from './harness.js';

describe('SyncService against Apple’s faults (simulator fault switches)', () => {
  let h: SyncHarness;

  beforeAll(async () => {
    h = await startSyncHarness({ seed: 12 });
  });
  afterAll(async () => h?.close());
  afterEach(async () => {
    h.services.sync.hooks.afterPageCommitted = undefined;
    h.simulator.faults.clear();
    if (h.simulator.portal.termsRequired()) h.simulator.portal.acceptTerms();
    await h.services.sync.idle();
  });

  it('waits out 429 and 503 with Retry-After and carries on', async () => {
    const { token } = await h.newToken('Throttled school', 10);
    h.simulator.portal.assignDevices('Throttled school', { serials: h.simulator.portal.addOrder({ count: 5 }).serials });
    h.simulator.faults.add({ kind: 'http', status: 429, endpoint: 'POST /devices/sync', retryAfter: 7 });
    h.simulator.faults.add({ kind: 'http', status: 503, endpoint: 'POST /devices/sync', retryAfter: 11, onCall: 2 });
    h.waits.length = 0;
    h.clock.advance(HOUR);
    const run = await h.sync(token.id);
    expect(run).toMatchObject({ kind: 'LIMITED', status: 'SUCCEEDED', devicesAdded: 5 });
    expect(h.waits).toEqual([7_000, 11_000]);
    expect(await h.listedSerials(token.id)).toEqual(h.appleSerials('Throttled school'));
  });

  it('fails with APPLE_UNAVAILABLE after repeated 500s, leaving the cursor as it was', async () => {
    const { token } = await h.newToken('Outage school', 10);
    h.simulator.portal.assignDevices('Outage school', { serials: h.simulator.portal.addOrder({ count: 5 }).serials });
    const before = await h.token(token.id);
    h.simulator.faults.add({ kind: 'http', status: 500, endpoint: 'POST /devices/sync', times: 50 });
    h.clock.advance(HOUR);
    const run = await h.sync(token.id);
    expect(run).toMatchObject({ status: 'FAILED', phase: 'DONE', errorCode: ErrorCode.APPLE_UNAVAILABLE, pages: 0 });
    expect(run.errorMessage).toContain('500');
    const after = await h.token(token.id);
    expect(after).toMatchObject({ syncCursor: before.syncCursor, syncCursorPhase: 'SYNC', syncLeaseRunId: null, status: 'ACTIVE' });
    expect(after.lastSyncAt).toEqual(h.clock.now());
    expect(after.lastSuccessfulSyncAt).toEqual(before.lastSuccessfulSyncAt);

    h.simulator.faults.clear();
    h.clock.advance(15 * MINUTE); // the manual floor
    expect(await h.sync(token.id)).toMatchObject({ status: 'SUCCEEDED', devicesAdded: 5 });
    expect(await h.listedSerials(token.id)).toEqual(h.appleSerials('Outage school'));
  });

  it('fails with APPLE_TERMS_NOT_ACCEPTED and records it on the token while the terms are pending', async () => {
    const { token } = await h.newToken('Terms school', 3);
    h.simulator.portal.requireTermsAcceptance();
    h.clock.advance(HOUR);
    const run = await h.sync(token.id);
    expect(run).toMatchObject({ status: 'FAILED', errorCode: ErrorCode.APPLE_TERMS_NOT_ACCEPTED });
    expect((await h.token(token.id)).status).toBe('TERMS_NOT_ACCEPTED');

    h.simulator.portal.acceptTerms();
    h.clock.advance(15 * MINUTE);
    expect((await h.sync(token.id)).status).toBe('SUCCEEDED');
    expect((await h.token(token.id)).status).toBe('ACTIVE');
  });

  it('fails with APPLE_TOKEN_REJECTED and marks the token REJECTED once its token was replaced in ASM', async () => {
    const { token } = await h.newToken('Replaced school', 3);
    h.simulator.portal.downloadToken('Replaced school');
    h.clock.advance(HOUR);
    const run = await h.sync(token.id);
    expect(run).toMatchObject({ status: 'FAILED', errorCode: ErrorCode.APPLE_TOKEN_REJECTED });
    expect(await h.token(token.id)).toMatchObject({ status: 'REJECTED', syncLeaseRunId: null });
  });

  it('makes the next asked-for sync FULL (PREVIOUS_LIMITED_FAILED) after a LIMITED run FAILED, until a full one succeeds', async () => {
    const { token } = await h.newToken('Failed delta school', 10);
    h.simulator.faults.add({ kind: 'http', status: 500, endpoint: 'POST /devices/sync', times: 50 });
    h.clock.advance(HOUR);
    expect(await h.sync(token.id)).toMatchObject({ kind: 'LIMITED', status: 'FAILED', errorCode: ErrorCode.APPLE_UNAVAILABLE });
    expect(await h.token(token.id)).toMatchObject({ fullSyncRequiredReason: 'PREVIOUS_LIMITED_FAILED' });
    expect(await h.services.sync.status(token.id)).toMatchObject({ nextFullSyncAvailableAt: h.clock.now() });

    // A scheduled run is not asked for: it stays AUTOMATIC, and the full sync stays due.
    h.simulator.faults.clear();
    expect(await (await h.services.sync.requestSync(h.ctx, token.id, 'SCHEDULED')).done).toMatchObject({ kind: 'AUTOMATIC' });
    h.clock.advance(15 * MINUTE);
    const full = await h.sync(token.id);
    expect(full).toMatchObject({ kind: 'FULL', fallbackReason: 'PREVIOUS_LIMITED_FAILED', status: 'SUCCEEDED', devicesUpdated: 10 });
    expect(await h.token(token.id)).toMatchObject({ fullSyncRequiredReason: null });
    h.clock.advance(15 * MINUTE);
    expect(await h.sync(token.id)).toMatchObject({ kind: 'LIMITED', fallbackReason: null, status: 'SUCCEEDED' });
  });

  it('keeps a FULL sync due (PREVIOUS_FULL_FAILED) after a FULL run failed once its listing was done', async () => {
    const { token } = await h.newToken('Failed full school', 10);
    // The listing succeeds; following the changes after it fails.
    h.simulator.faults.add({ kind: 'http', status: 500, endpoint: 'POST /devices/sync', times: 50 });
    h.clock.advance(8 * DAY);
    const failed = await h.sync(token.id);
    expect(failed).toMatchObject({ kind: 'FULL', status: 'FAILED', errorCode: ErrorCode.APPLE_UNAVAILABLE });
    expect(await h.token(token.id)).toMatchObject({ syncCursorPhase: 'SYNC', lastFullSyncAt: failed.startedAt });

    h.simulator.faults.clear();
    h.clock.advance(15 * MINUTE);
    expect(await h.sync(token.id)).toMatchObject({ kind: 'FULL', fallbackReason: 'PREVIOUS_FULL_FAILED', status: 'SUCCEEDED' });
  });

  it('stops at an echoed cursor instead of asking forever, and the next run ends with exactly Apple’s devices', async () => {
    const { token } = await h.newToken('Echo school', 0);
    h.simulator.portal.assignDevices('Echo school', { serials: h.simulator.portal.addOrder({ count: 3_200 }).serials });
    h.simulator.faults.add({ kind: 'echo-cursor' });
    h.clock.advance(8 * DAY);
    const fetchesBefore = h.calls('POST /server/devices');
    const run = await h.sync(token.id);
    expect(run).toMatchObject({ kind: 'FULL', status: 'FAILED', errorCode: ErrorCode.APPLE_UNAVAILABLE, pages: 2, devicesRemoved: 0 });
    expect(run.errorMessage).toContain('cursor');
    // Page 1 (sent twice: the session had expired during the 8 days), then page 2, echoed: no third page asked for.
    expect(h.calls('POST /server/devices') - fetchesBefore).toBe(3);
    expect(await h.token(token.id)).toMatchObject({ syncCursorPhase: 'FETCH' });

    h.clock.advance(15 * MINUTE);
    const next = await h.sync(token.id);
    expect(next).toMatchObject({ kind: 'FULL', fallbackReason: 'RESUMED_FULL_SYNC', status: 'SUCCEEDED', devicesRemoved: 0 });
    expect(await h.listedSerials(token.id)).toEqual(h.appleSerials('Echo school'));
  });

  it('falls back to a full listing when Apple says the cursor expired, and records why', async () => {
    const { token } = await h.newToken('Expired school', 30);
    const [gone] = h.appleSerials('Expired school');
    h.simulator.portal.unassignDevices([gone!]);
    // Scheduled syncs are always automatic; after 8 days without one, Apple's cursor is too old.
    h.clock.advance(8 * DAY);
    const { done } = await h.services.sync.requestSync(h.ctx, token.id, 'SCHEDULED');
    const run = await done;
    expect(run).toMatchObject({ kind: 'FULL', trigger: 'SCHEDULED', fallbackReason: 'EXPIRED_CURSOR', status: 'SUCCEEDED' });
    expect(run).toMatchObject({ devicesSeen: 29, devicesUpdated: 29, devicesRemoved: 1 });
    expect(await h.listedSerials(token.id)).toEqual(h.appleSerials('Expired school'));
    expect((await h.token(token.id)).lastFullSyncAt).toEqual(run.startedAt);
    const fallback = h.progress.filter((e) => e.runId === run.id);
    expect(fallback[0]).toMatchObject({ kind: 'AUTOMATIC', phase: 'SYNCING' });
    expect(fallback.at(-1)).toMatchObject({ kind: 'FULL', status: 'SUCCEEDED', phase: 'DONE', percent: 100 });
  });

  it('falls back to a full listing on INVALID_CURSOR', async () => {
    const { token } = await h.newToken('Invalid school', 12);
    h.simulator.faults.add({ kind: 'http', status: 400, endpoint: 'POST /devices/sync', body: 'INVALID_CURSOR' });
    h.clock.advance(HOUR);
    const run = await h.sync(token.id);
    expect(run).toMatchObject({ kind: 'FULL', trigger: 'MANUAL', fallbackReason: 'INVALID_CURSOR', status: 'SUCCEEDED', devicesSeen: 12 });
  });

  it('resumes after a process died mid-run: the next run continues from the last committed page and ends with exactly Apple’s devices', async () => {
    // The token's first sync dies after 2 of its 4 listing pages.
    let pages = 0;
    h.services.sync.hooks.afterPageCommitted = () => {
      pages += 1;
      if (pages === 2) throw new Error('killed');
    };
    const fetchesBefore = h.calls('POST /server/devices');
    const { token, firstRun } = await h.newToken('Crash school', 3_500);
    h.services.sync.hooks.afterPageCommitted = undefined;
    expect(firstRun).toMatchObject({ status: 'RUNNING', pages: 2, devicesSeen: 2_000 });
    expect(await h.services.devices.count(token.id)).toBe(2_000);
    // While it is "running", Apple moves on: one listed device leaves, ten arrive.
    const [gone] = h.appleSerials('Crash school');
    h.simulator.portal.unassignDevices([gone!]);
    h.simulator.portal.assignDevices('Crash school', { serials: h.simulator.portal.addOrder({ count: 10 }).serials });

    h.clock.advance(15 * MINUTE);
    const next = await h.sync(token.id);
    expect(await h.services.sync.findRun(firstRun.id)).toMatchObject({ status: 'TIMED_OUT' });
    expect(next).toMatchObject({ kind: 'FULL', fallbackReason: 'RESUMED_FULL_SYNC', status: 'SUCCEEDED' });
    // Nothing fetched twice: 4 listing pages in all.
    expect(h.calls('POST /server/devices') - fetchesBefore).toBe(4);
    expect(await h.listedSerials(token.id)).toEqual(h.appleSerials('Crash school'));
    expect(await h.services.devices.count(token.id)).toBe(3_509);
  });

  it('resumes a limited run from its last committed change page', async () => {
    const { token } = await h.newToken('Crash limited school', 5);
    h.simulator.portal.assignDevices('Crash limited school', { serials: h.simulator.portal.addOrder({ count: 2_500 }).serials });
    let pages = 0;
    h.services.sync.hooks.afterPageCommitted = () => {
      pages += 1;
      if (pages === 1) throw new Error('killed');
    };
    h.clock.advance(HOUR);
    const killed = await h.sync(token.id);
    expect(killed).toMatchObject({ kind: 'LIMITED', status: 'RUNNING', pages: 1, devicesAdded: 1_000 });
    h.clock.advance(15 * MINUTE);
    const syncsBefore = h.calls('POST /devices/sync');
    // A scheduled run follows the cursor (a manual one would list everything: the LIMITED run timed out).
    const next = await (await h.services.sync.requestSync(h.ctx, token.id, 'SCHEDULED')).done;
    expect(next).toMatchObject({ kind: 'AUTOMATIC', status: 'SUCCEEDED', devicesAdded: 1_500, pages: 2 });
    expect(h.calls('POST /devices/sync') - syncsBefore).toBe(2);
    expect(await h.listedSerials(token.id)).toEqual(h.appleSerials('Crash limited school'));
  });

  it('ends its runs at the next page when the server stops, freeing the lease (resumable)', async () => {
    const { token } = await h.newToken('Stopping school', 2_500);
    h.clock.advance(8 * DAY);
    let stopping: Promise<void> | null = null;
    h.services.sync.hooks.afterPageCommitted = () => {
      stopping ??= h.services.sync.stopScheduler();
    };
    const run = await h.sync(token.id);
    await stopping;
    expect(run).toMatchObject({ status: 'FAILED', errorCode: 'INTERRUPTED', pages: 1 });
    expect(await h.token(token.id)).toMatchObject({ syncLeaseRunId: null, syncCursorPhase: 'FETCH' });
    h.services.sync.hooks.afterPageCommitted = undefined;
    h.clock.advance(15 * MINUTE);
    expect(await h.sync(token.id)).toMatchObject({ fallbackReason: 'RESUMED_FULL_SYNC', status: 'SUCCEEDED' });
    expect(await h.listedSerials(token.id)).toEqual(h.appleSerials('Stopping school'));
  });
});
