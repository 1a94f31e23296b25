import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../src/errors.js';
import { cartProfile, DAY, gate, HOUR, MINUTE, startSyncHarness, type SyncHarness } from './harness.js';
import { homeroomErrorOf } from '../../support/assertions.js';

describe('SyncService: the seed’s rules, with a fake clock', () => {
  let h: SyncHarness;

  beforeAll(async () => {
    h = await startSyncHarness({ seed: 11 });
  });
  afterAll(async () => h?.close());
  afterEach(async () => {
    h.services.sync.hooks.afterPageCommitted = undefined;
    h.simulator.faults.clear();
    await h.services.sync.idle();
  });

  it('starts a full sync when a token is uploaded, and lists every device Apple assigned', async () => {
    const { token, firstRun } = await h.newToken('Upload school', 2_345);
    expect(firstRun).toMatchObject({
      kind: 'FULL',
      trigger: 'TOKEN_UPLOADED',
      status: 'SUCCEEDED',
      phase: 'DONE',
      pages: 4, // 3 listing pages of at most 1000, then one (empty) page of changes
      devicesSeen: 2_345,
      devicesAdded: 2_345,
      devicesUpdated: 0,
      devicesRemoved: 0,
      fallbackReason: null,
      errorCode: null,
    });
    expect(firstRun.deadlineAt.getTime() - firstRun.startedAt.getTime()).toBe(15 * MINUTE);
    expect(await h.listedSerials(token.id)).toEqual(h.appleSerials('Upload school'));
    expect(await h.services.devices.count(token.id)).toBe(2_345);
    expect(token).toMatchObject({ syncCursorPhase: 'SYNC', syncLeaseRunId: null, syncLeaseUntil: null, lastFullSyncDeviceCount: 2_345 });
    expect(token.lastFullSyncAt).toEqual(h.clock.now());
    const device = await h.device(h.appleSerials('Upload school')[0]!);
    expect(device).toMatchObject({ tokenId: token.id, profileStatus: 'empty', profileId: null, removedAt: null });
    expect(device.model).toBeTruthy();
    expect(device.deviceAssignedDate).toBeInstanceOf(Date);
  });

  it('runs a limited sync within 7 days of the full one: new serials in, removed ones marked, known ones not refreshed', async () => {
    const { token } = await h.newToken('Limited school', 300);
    const [known, gone] = h.appleSerials('Limited school');
    // Apple changes a device Homeroom knows (a profile assigned elsewhere), removes one, and gets 40 new ones.
    const profile = await h.services.profiles.create(h.ctx, token.id, cartProfile('Elsewhere'));
    await h.services.appleSessions.callApple(token.id, (client) => client.assignProfile(profile.appleProfileUuid, [known!]));
    h.simulator.portal.unassignDevices([gone!]);
    const { serials: fresh } = h.simulator.portal.addOrder({ count: 40 });
    h.simulator.portal.assignDevices('Limited school', { serials: fresh });
    h.clock.advance(6 * DAY);

    const run = await h.sync(token.id);
    expect(run).toMatchObject({
      kind: 'LIMITED',
      trigger: 'MANUAL',
      status: 'SUCCEEDED',
      devicesAdded: 40,
      devicesRemoved: 1,
      devicesUpdated: 0,
    });
    expect(run.fallbackReason).toBeNull();
    expect(await h.listedSerials(token.id)).toEqual(h.appleSerials('Limited school'));
    expect(await h.device(known!)).toMatchObject({ profileStatus: 'empty', appleProfileUuid: null, profileId: null });
    expect((await h.device(gone!)).removedAt).toEqual(h.clock.now());
    expect((await h.token(token.id)).lastFullSyncAt).toEqual(new Date(h.clock.now().getTime() - 6 * DAY));
  });

  it('runs a full sync again once 7 days passed: every device refreshed, Homeroom’s profile matched by UUID', async () => {
    const { token } = await h.newToken('Weekly school', 120);
    const [changed] = h.appleSerials('Weekly school');
    const profile = await h.services.profiles.create(h.ctx, token.id, cartProfile('Carts'));
    await h.services.appleSessions.callApple(token.id, (client) => client.assignProfile(profile.appleProfileUuid, [changed!]));
    h.clock.advance(7 * DAY - 15 * MINUTE);
    expect((await h.sync(token.id)).kind).toBe('LIMITED');
    expect((await h.device(changed!)).profileStatus).toBe('empty');

    h.clock.advance(15 * MINUTE);
    const run = await h.sync(token.id);
    expect(run).toMatchObject({
      kind: 'FULL',
      status: 'SUCCEEDED',
      devicesSeen: 120,
      devicesUpdated: 120,
      devicesAdded: 0,
      estimatedTotal: 120,
    });
    expect(await h.device(changed!)).toMatchObject({
      profileStatus: 'assigned',
      appleProfileUuid: profile.appleProfileUuid,
      profileId: profile.id,
    });
    expect((await h.token(token.id)).lastFullSyncAt).toEqual(run.startedAt);
  });

  it('refuses a second sync with SYNC_IN_PROGRESS while one runs, saying when one may start', async () => {
    const { token } = await h.newToken('Busy school', 2_500);
    const [reached, held] = [gate(), gate()];
    h.services.sync.hooks.afterPageCommitted = () => {
      reached.open();
      return held.promise;
    };
    h.clock.advance(8 * DAY);
    const { run, done } = await h.services.sync.requestSync(h.ctx, token.id);
    await reached.promise;
    expect(run).toMatchObject({ kind: 'FULL', status: 'RUNNING', phase: 'FETCHING', estimatedTotal: 2_500 });

    const refused = await homeroomErrorOf(h.services.sync.requestSync(h.ctx, token.id));
    expect(refused.code).toBe(ErrorCode.SYNC_IN_PROGRESS);
    expect(refused.details).toEqual({ syncAvailableAt: run.deadlineAt.toISOString() });
    h.clock.advance(5 * MINUTE);
    const status = await h.services.sync.status(token.id);
    expect(status).toMatchObject({ state: 'RUNNING', syncAvailableAt: run.deadlineAt });
    expect(status.currentRun).toMatchObject({ id: run.id, status: 'RUNNING' });
    expect(await h.services.sync.cooldown(token.id)).toEqual({
      syncAvailableInSeconds: 600,
      fullSyncAvailableInSeconds: 7 * 24 * 3600 - 300,
      running: true,
    });

    held.open();
    const ended = await done;
    expect(ended).toMatchObject({ status: 'SUCCEEDED', devicesSeen: 2_500 });
    // The run ended, but it was a manual one started 5 minutes ago: the manual floor has 10 minutes left.
    expect(await h.services.sync.cooldown(token.id)).toMatchObject({ syncAvailableInSeconds: 600, running: false });
    expect((await h.services.sync.status(token.id)).state).toBe('IDLE');
  });

  it('refuses a manual sync within 15 minutes of the last manual one’s start with SYNC_TOO_SOON, but not a scheduled one', async () => {
    const { token } = await h.newToken('Floor school', 20);
    h.clock.advance(HOUR);
    const first = await h.sync(token.id);
    expect(first).toMatchObject({ trigger: 'MANUAL', status: 'SUCCEEDED' });
    const floorEnds = new Date(first.startedAt.getTime() + 15 * MINUTE);
    h.clock.advance(5 * MINUTE);

    // The run ended long ago (no lease), yet the floor holds, and nothing is started or written.
    const runsBefore = await (await h.services.sync.listRuns(token.id, { first: 50 })).totalCount();
    const refused = await homeroomErrorOf(h.services.sync.requestSync(h.ctx, token.id, 'MANUAL'));
    expect(refused.code).toBe(ErrorCode.SYNC_TOO_SOON);
    expect(refused.details).toEqual({ syncAvailableAt: floorEnds.toISOString() });
    expect(refused.message).toContain(floorEnds.toISOString());
    expect(await (await h.services.sync.listRuns(token.id, { first: 50 })).totalCount()).toBe(runsBefore);
    expect(await h.services.sync.status(token.id)).toMatchObject({ state: 'IDLE', syncAvailableAt: floorEnds });
    expect(await h.services.sync.cooldown(token.id)).toMatchObject({ syncAvailableInSeconds: 600, running: false });

    // Scheduled and upload-triggered runs are not limited by it, and do not move it.
    const scheduled = await (await h.services.sync.requestSync(h.ctx, token.id, 'SCHEDULED')).done;
    expect(scheduled).toMatchObject({ trigger: 'SCHEDULED', status: 'SUCCEEDED' });
    expect((await h.token(token.id)).lastManualSyncAt).toEqual(first.startedAt);

    h.clock.advance(10 * MINUTE - 1);
    expect((await homeroomErrorOf(h.services.sync.requestSync(h.ctx, token.id))).code).toBe(ErrorCode.SYNC_TOO_SOON);
    h.clock.advance(1);
    expect(await h.sync(token.id)).toMatchObject({ trigger: 'MANUAL', status: 'SUCCEEDED' });
  });

  it('marks a run TIMED_OUT after 15 minutes and lets another start; the late run writes nothing more', async () => {
    const { token } = await h.newToken('Slow school', 2_500);
    const [reached, held] = [gate(), gate()];
    let heldRun: number | null = null;
    h.services.sync.hooks.afterPageCommitted = (event) => {
      if (event.runId !== heldRun) return;
      reached.open();
      return held.promise;
    };
    h.clock.advance(8 * DAY);
    const first = await h.services.sync.requestSync(h.ctx, token.id);
    heldRun = first.run.id;
    await reached.promise;
    h.clock.advance(15 * MINUTE - 1);
    expect((await homeroomErrorOf(h.services.sync.requestSync(h.ctx, token.id))).code).toBe(ErrorCode.SYNC_IN_PROGRESS);

    h.clock.advance(1);
    expect((await h.services.sync.status(token.id)).state).toBe('IDLE');
    const timedOut = await h.services.sync.findRun(first.run.id);
    expect(timedOut).toMatchObject({ status: 'TIMED_OUT', phase: 'DONE', errorCode: 'TIMED_OUT', pages: 1 });
    const second = await h.services.sync.requestSync(h.ctx, token.id);
    // The first run's listing stopped after one page; the next run continues it.
    expect(second.run).toMatchObject({ kind: 'FULL', fallbackReason: 'RESUMED_FULL_SYNC' });

    held.open();
    expect(await first.done).toMatchObject({ id: first.run.id, status: 'TIMED_OUT', pages: 1 });
    expect(await second.done).toMatchObject({ status: 'SUCCEEDED', devicesSeen: 1_500 });
    expect(await h.listedSerials(token.id)).toEqual(h.appleSerials('Slow school'));
    expect(h.progress.filter((e) => e.runId === first.run.id).at(-1)).toMatchObject({ status: 'TIMED_OUT', phase: 'DONE' });
  });

  it('runs an automatic sync of each token once its last sync is 24 hours old', async () => {
    const { token } = await h.newToken('Scheduled school', 50);
    const { serials } = h.simulator.portal.addOrder({ count: 7 });
    h.simulator.portal.assignDevices('Scheduled school', { serials });
    const runsOf = async () => (await h.services.sync.listRuns(token.id, { first: 50 })).edges.map((e) => e.node);
    // Other tests' tokens are due too; only this token's runs matter here.
    h.clock.advance(24 * HOUR - 1);
    await h.services.sync.tick();
    await h.services.sync.idle();
    expect(await runsOf()).toHaveLength(1);

    h.clock.advance(1);
    await h.services.sync.tick();
    await h.services.sync.idle();
    const [automatic] = await runsOf();
    expect(automatic).toMatchObject({ kind: 'AUTOMATIC', trigger: 'SCHEDULED', status: 'SUCCEEDED', devicesAdded: 7 });
    expect(await h.listedSerials(token.id)).toEqual(h.appleSerials('Scheduled school'));

    await h.services.sync.tick();
    await h.services.sync.idle();
    expect(await runsOf()).toHaveLength(2);
  });

  it('lists runs newest first, and reports status and cooldown between syncs', async () => {
    const { token, firstRun } = await h.newToken('Status school', 10);
    h.clock.advance(HOUR);
    const second = await h.sync(token.id);
    const runs = await h.services.sync.listRuns(token.id, { first: 10 });
    expect(runs.edges.map((e) => e.node.id)).toEqual([second.id, firstRun.id]);
    expect(await runs.totalCount()).toBe(2);
    expect(await h.services.sync.findRun(second.id)).toMatchObject({ kind: 'LIMITED' });
    const status = await h.services.sync.status(token.id);
    expect(status).toMatchObject({
      state: 'IDLE',
      lastSyncAt: h.clock.now(),
      lastSuccessfulSyncAt: h.clock.now(),
      lastFullSyncAt: firstRun.startedAt,
      nextFullSyncAvailableAt: new Date(firstRun.startedAt.getTime() + 7 * DAY),
      syncAvailableAt: new Date(h.clock.now().getTime() + 15 * MINUTE),
      currentRun: null,
    });
    expect(await h.services.sync.cooldown(token.id)).toEqual({
      syncAvailableInSeconds: 900,
      fullSyncAvailableInSeconds: 7 * 24 * 3600 - 3600,
      running: false,
    });
  });
});
