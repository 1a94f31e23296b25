import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SyncRun } from '../../src/entities/sync-run.entity.js';
import { createLogger } from '../../src/logger.js';
import { ManualTicker } from '../../src/platform/ticker.js';
import { toGlobalId } from '../../src/global-id.js';
import { ManualClock } from '../../src/platform/clock.js';
import { Role } from '../../src/permissions.js';
import { systemContext } from '../../src/platform/request-context.js';
import type { RunningAppleSimulator } from '../../src/simulator/apple/index.js';
import {
  SyncCooldownDocument,
  SyncDevicesDocument,
  SyncProgressedDocument,
  SyncProgressedWithRunDocument,
  TokenSyncDocument,
  UploadTokenDocument,
  type SyncProgressedSubscription,
} from '../generated/operations.js';
import { startTestServer, Subscription, type TestServer } from '../support/server.js';
import { gate, openAllGates } from '../support/gate.js';
import { uploadSimulatedToken } from '../support/tokens.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;
const WEEK_SECONDS = 7 * 24 * 3600;

/**
 * The two sync subscriptions over real websockets, against the embedded Apple simulator. Time is
 * a ManualClock shared by Homeroom and the simulator, and the cooldown's once-a-second wake-up a
 * ManualTicker: the test moves the clock and ticks; nothing waits for real time.
 */
describe('sync subscriptions over graphql-ws', () => {
  const clock = new ManualClock('2026-09-01T08:00:00.000Z');
  const ticker = new ManualTicker();
  const ctx = systemContext(createLogger('silent'));
  let t: TestServer;
  let apple: RunningAppleSimulator;
  let servers = 0;

  beforeAll(async () => {
    t = await startTestServer({ clock, start: { ticker } });
    apple = t.server.apple.simulator!;
  });
  afterEach(async () => {
    t.server.services.sync.hooks.afterPageCommitted = undefined;
    openAllGates();
    await t.server.services.sync.idle();
  });
  afterAll(() => t.close());

  /** A token whose MDM server has `devices` serials before the upload, so its first sync (a full one) lists them; that sync has ended. */
  async function tokenWith(devices: number): Promise<{ id: string; rowId: number; server: string }> {
    servers += 1;
    const server = `Live school ${servers}`;
    if (devices > 0) {
      const services = t.server.services;
      await services.pushCertificates.ensureSimulated(ctx);
      const { key } = await services.tokens.generateEncryptionPublicKey(ctx);
      const { token: file } = apple.portal.createServer({ name: server, publicKeyPem: key.certificatePem });
      const order = apple.portal.addOrder({ count: devices });
      apple.portal.assignDevices(server, { orderNumbers: [order.orderNumber] });
      const token = await services.tokens.upload(ctx, { name: server, appleId: 'it-admin@school.example', tokenFile: file.content });
      await services.sync.idle();
      return { id: toGlobalId('EnrollmentProgramToken', token.id), rowId: token.id, server };
    }
    const token = await uploadSimulatedToken(t.server.services, apple, ctx, { name: server });
    await t.server.services.sync.idle();
    return { id: toGlobalId('EnrollmentProgramToken', token.id), rowId: token.id, server };
  }

  it('streams syncProgressed for a 5,000-device full sync: every page in order, then the final status', async () => {
    const { id, rowId } = await tokenWith(5_000);
    expect((await t.server.services.devices.count(rowId)).valueOf()).toBe(5_000);
    clock.advance(7 * DAY);

    let started = t.nextOperationStarted();
    const progress = new Subscription(t.wsClient(t.keys[Role.READ_ONLY]), SyncProgressedDocument, { tokenId: id });
    await started;
    started = t.nextOperationStarted();
    const withRun = new Subscription(t.wsClient(), SyncProgressedWithRunDocument, { tokenId: id });
    await started;
    // Another token's runs are not this subscription's business.
    const other = await tokenWith(3);
    await t.request(SyncDevicesDocument, { input: { tokenId: other.id } });
    await t.server.services.sync.idle();

    const res = await t.request(SyncDevicesDocument, { input: { tokenId: id } }, t.keys[Role.OPERATOR]);
    expect(res.errors).toBeUndefined();
    const runId = res.data!.syncDevices.run.id;

    // Subscribed while idle: the first value is the snapshot of the last run, as it ended.
    expect((await progress.next()).syncProgressed).toMatchObject({
      snapshot: true,
      status: 'SUCCEEDED',
      phase: 'DONE',
      devicesSeen: 5_000,
    });
    expect((await withRun.next()).syncProgressed).toMatchObject({ snapshot: true, status: 'SUCCEEDED' });
    const events: Array<SyncProgressedSubscription['syncProgressed']> = [];
    for (;;) {
      const event = (await progress.next()).syncProgressed;
      events.push(event);
      if (event.status !== 'RUNNING') break;
    }
    progress.close();

    expect(new Set(events.map((e) => `${e.tokenId} ${e.runId} ${e.kind}`))).toEqual(new Set([`${id} ${runId} FULL`]));
    const last = events.at(-1)!;
    expect(last).toMatchObject({
      status: 'SUCCEEDED',
      phase: 'DONE',
      devicesSeen: 5_000,
      devicesAdded: 0,
      devicesUpdated: 5_000,
      devicesRemoved: 0,
      estimatedTotal: 5_000,
      percent: 100,
    });
    expect(events.slice(0, -1).every((e) => e.status === 'RUNNING' && e.phase !== 'DONE' && !e.snapshot)).toBe(true);
    expect(events[0]).toMatchObject({ pages: 0, devicesSeen: 0, phase: 'FETCHING', percent: 0 });
    // A page of 1000 at a time: an event for each of the five listing pages at least.
    const listingPages = events.filter((e) => e.phase === 'FETCHING' && e.pages > 0);
    expect(listingPages.map((e) => e.devicesSeen)).toEqual([1_000, 2_000, 3_000, 4_000, 5_000]);
    for (const [previous, next] of events.slice(1).map((e, i) => [events[i]!, e] as const)) {
      expect(next.pages).toBeGreaterThanOrEqual(previous.pages);
      expect(next.devicesSeen).toBeGreaterThanOrEqual(previous.devicesSeen);
      expect(next.percent!).toBeGreaterThanOrEqual(previous.percent!);
      expect(Date.parse(next.at)).toBeGreaterThanOrEqual(Date.parse(previous.at));
    }

    // The `run` field reads the run as it is now: the last event finds it SUCCEEDED.
    let final;
    do final = (await withRun.next()).syncProgressed;
    while (final.status === 'RUNNING');
    expect(final).toEqual({ snapshot: false, runId, status: 'SUCCEEDED', run: { id: runId, status: 'SUCCEEDED' } });
    withRun.close();
  });

  it('sends a snapshot first: a sync started by uploadToken is followed from its first page, then to its end', async () => {
    const services = t.server.services;
    await services.pushCertificates.ensureSimulated(ctx);
    const { key } = await services.tokens.generateEncryptionPublicKey(ctx);
    const server = `Uploaded school ${++servers}`;
    const { token: file } = apple.portal.createServer({ name: server, publicKeyPem: key.certificatePem });
    apple.portal.assignDevices(server, { orderNumbers: [apple.portal.addOrder({ count: 5 }).orderNumber] });
    // Two devices a page; the first sync stops after its first page until the client listens.
    services.sync.hooks.pageLimit = 2;
    const [reached, held] = [gate(), gate()];
    let pagesSeen = 0;
    services.sync.hooks.afterPageCommitted = () => {
      if (++pagesSeen > 1) return;
      reached.open();
      return held.promise;
    };
    try {
      const uploaded = await t.request(UploadTokenDocument, {
        input: { name: server, appleId: 'it-admin@school.example', tokenFile: file.content },
      });
      expect(uploaded.errors).toBeUndefined();
      const id = uploaded.data!.uploadToken.token.id;
      await reached.promise;

      const progress = new Subscription(t.wsClient(t.keys[Role.READ_ONLY]), SyncProgressedDocument, { tokenId: id });
      const first = (await progress.next()).syncProgressed;
      expect(first).toMatchObject({ snapshot: true, tokenId: id, kind: 'FULL', status: 'RUNNING', pages: 1, devicesSeen: 2 });
      expect(first.runId).not.toBeNull();
      held.open();
      const rest: Array<SyncProgressedSubscription['syncProgressed']> = [];
      for (;;) {
        const event = (await progress.next()).syncProgressed;
        rest.push(event);
        if (event.status !== 'RUNNING') break;
      }
      progress.close();
      expect(rest.every((e) => e.runId === first.runId && !e.snapshot)).toBe(true);
      // Nothing the snapshot covered comes again; every later page does.
      expect(rest.filter((e) => e.phase === 'FETCHING').map((e) => e.devicesSeen)).toEqual([4, 5]);
      expect(rest.at(-1)).toMatchObject({ status: 'SUCCEEDED', phase: 'DONE', devicesSeen: 5, devicesAdded: 5 });
    } finally {
      services.sync.hooks.pageLimit = undefined;
    }
  });

  it('sends an idle snapshot with no run for a token that never synced', async () => {
    const { rowId, id } = await tokenWith(0);
    await t.server.dataSource.getRepository(SyncRun).delete({ tokenId: rowId });
    const progress = new Subscription(t.wsClient(t.keys[Role.READ_ONLY]), SyncProgressedDocument, { tokenId: id });
    expect((await progress.next()).syncProgressed).toMatchObject({
      snapshot: true,
      tokenId: id,
      runId: null,
      kind: null,
      status: null,
      phase: 'DONE',
      pages: 0,
    });
    progress.close();
  });

  it('sends syncCooldown at once, on every start and end of a run, and each second while a countdown runs (the run’s 15 minutes, the manual floor, the next full sync)', async () => {
    const { id, server } = await tokenWith(0);
    apple.portal.assignDevices(server, { orderNumbers: [apple.portal.addOrder({ count: 2 }).orderNumber] });
    const fullSyncAt = clock.now().getTime() + 7 * DAY;
    const fullIn = () => Math.ceil((fullSyncAt - clock.now().getTime()) / SECOND);

    const started = t.nextOperationStarted();
    const cooldown = new Subscription(t.wsClient(t.keys[Role.READ_ONLY]), SyncCooldownDocument, { tokenId: id });
    await started;
    const next = async () => (await cooldown.next()).syncCooldown;
    expect(await next()).toEqual({ syncAvailableInSeconds: 0, fullSyncAvailableInSeconds: WEEK_SECONDS, running: false });
    // Counting down to the next full sync: one value per second, from the server clock.
    expect(ticker.listening).toBe(1);
    clock.advance(SECOND);
    ticker.tick();
    expect(await next()).toEqual({ syncAvailableInSeconds: 0, fullSyncAvailableInSeconds: WEEK_SECONDS - 1, running: false });

    // A run starts (and stays at its first page): 15 minutes to wait.
    const [reached, held] = [gate(), gate()];
    t.server.services.sync.hooks.afterPageCommitted = () => {
      reached.open();
      return held.promise;
    };
    const res = await t.request(SyncDevicesDocument, { input: { tokenId: id } }, t.keys[Role.OPERATOR]);
    expect(res.data!.syncDevices.run).toMatchObject({ kind: 'LIMITED', status: 'RUNNING' });
    expect(await next()).toEqual({ syncAvailableInSeconds: 900, fullSyncAvailableInSeconds: fullIn(), running: true });
    await reached.promise;

    clock.advance(SECOND);
    ticker.tick();
    expect(await next()).toEqual({ syncAvailableInSeconds: 899, fullSyncAvailableInSeconds: fullIn(), running: true });
    clock.advance(SECOND);
    ticker.tick();
    expect(await next()).toEqual({ syncAvailableInSeconds: 898, fullSyncAvailableInSeconds: fullIn(), running: true });
    clock.advance(897 * SECOND);
    ticker.tick();
    expect(await next()).toEqual({ syncAvailableInSeconds: 1, fullSyncAvailableInSeconds: fullIn(), running: true });
    clock.advance(SECOND);
    ticker.tick();
    // 0: the run's 15 minutes are over, and the next full sync is days away: a limited sync is available.
    const available = await next();
    expect(available).toEqual({ syncAvailableInSeconds: 0, fullSyncAvailableInSeconds: fullIn(), running: false });
    expect(available.fullSyncAvailableInSeconds).toBeGreaterThan(0);

    // Reaching 0 read the database, which marked the LIMITED run TIMED_OUT: syncing is allowed, and
    // the next sync asked for is FULL at once (a failed limited sync makes the next one full).
    expect(await next()).toEqual({ syncAvailableInSeconds: 0, fullSyncAvailableInSeconds: 0, running: false });
    expect(ticker.listening).toBe(0);
    const status = (await t.request(TokenSyncDocument, { id, first: 1 })).data!.node;
    if (status?.__typename !== 'EnrollmentProgramToken') throw new Error('not a token');
    expect(status.syncStatus).toMatchObject({ state: 'IDLE', currentRun: null, nextFullSyncAvailableAt: clock.now().toISOString() });
    expect(status.syncRuns.edges[0]!.node).toMatchObject({ status: 'TIMED_OUT', errorCode: 'TIMED_OUT' });
    held.open();
    await t.server.services.sync.idle();
    t.server.services.sync.hooks.afterPageCommitted = undefined;

    const again = await t.request(SyncDevicesDocument, { input: { tokenId: id } }, t.keys[Role.OPERATOR]);
    expect(again.data!.syncDevices.run).toMatchObject({ kind: 'FULL', fallbackReason: 'PREVIOUS_LIMITED_FAILED', status: 'RUNNING' });
    expect(await next()).toEqual({ syncAvailableInSeconds: 900, fullSyncAvailableInSeconds: 900, running: true });
    await t.server.services.sync.idle();
    // The run ended at once, but a manual sync started now: the 15-minute floor still counts down.
    const nextFullAt = clock.now().getTime() + 7 * DAY;
    expect(await next()).toEqual({ syncAvailableInSeconds: 900, fullSyncAvailableInSeconds: WEEK_SECONDS, running: false });
    expect(ticker.listening).toBe(1);
    clock.advance(900 * SECOND);
    ticker.tick();
    expect(await next()).toEqual({ syncAvailableInSeconds: 0, fullSyncAvailableInSeconds: WEEK_SECONDS - 900, running: false });

    // Once a full sync is due, nothing counts down: the ticks stop.
    clock.set(new Date(nextFullAt));
    ticker.tick();
    expect(await next()).toEqual({ syncAvailableInSeconds: 0, fullSyncAvailableInSeconds: 0, running: false });
    expect(ticker.listening).toBe(0);
    cooldown.close();
  });

  it('refuses a subscription to an unknown token with NOT_FOUND, and stops ticking when the client leaves', async () => {
    const notFound = { errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })] };
    const missing = new Subscription(t.wsClient(), SyncCooldownDocument, { tokenId: toGlobalId('EnrollmentProgramToken', 987_654) });
    await expect(missing.next()).rejects.toMatchObject(notFound);
    const wrongType = new Subscription(t.wsClient(), SyncProgressedDocument, { tokenId: toGlobalId('Device', 1) });
    await expect(wrongType.next()).rejects.toMatchObject(notFound);

    const { id } = await tokenWith(0);
    const before = ticker.listening;
    const client = t.wsClient(t.keys[Role.READ_ONLY]);
    // Keeps the socket open after the cooldown subscription ends.
    const keeper = new Subscription(client, SyncProgressedDocument, { tokenId: id });
    const cooldown = new Subscription(client, SyncCooldownDocument, { tokenId: id });
    expect((await cooldown.next()).syncCooldown.running).toBe(false);
    expect(ticker.listening).toBe(before + 1);
    cooldown.close();
    // The server handles one socket's messages in order: once a later query on it is answered, the close was handled.
    const answered = new Subscription(client, TokenSyncDocument, { id, first: 1 });
    expect(await answered.next()).toMatchObject({ node: { id } });
    expect(ticker.listening).toBe(before);
    keeper.close();
  });
});
