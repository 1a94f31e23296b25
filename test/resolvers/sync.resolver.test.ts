import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollmentProgramToken } from '../../src/entities/enrollment-program-token.entity.js';
import { createLogger } from '../../src/logger.js';
import { toGlobalId } from '../../src/global-id.js';
import { ManualClock } from '../../src/platform/clock.js';
import { currentBudget } from '../../src/platform/operation-budget.js';
import { Role } from '../../src/permissions.js';
import { PairingMode, UserAffinity } from '../../src/entities/enrollment-profile.entity.js';
import { systemContext } from '../../src/platform/request-context.js';
import type { RunningAppleSimulator } from '../../src/simulator/apple/index.js';
import {
  AuditEventsDocument,
  SyncDevicesDocument,
  SyncNodeDocument,
  TokenDevicesDocument,
  TokenSyncDocument,
  type DeviceFilterInput,
} from '../generated/operations.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { gate, openAllGates } from '../support/gate.js';
import { uploadSimulatedToken } from '../support/tokens.js';

const DAY = 24 * 3600 * 1000;

/**
 * Device sync as a frontend drives it, over HTTP against the embedded Apple simulator, with a
 * ManualClock shared by Homeroom and the simulator. Each test makes its own token (its first
 * sync, started by the upload, has ended before the test goes on).
 */
describe('device sync over GraphQL', () => {
  const clock = new ManualClock('2026-09-01T08:00:00.000Z');
  const ctx = systemContext(createLogger('silent'));
  let t: TestServer;
  let apple: RunningAppleSimulator;
  let tokens = 0;

  beforeAll(async () => {
    t = await startTestServer({ clock });
    apple = t.server.apple.simulator!;
  });
  afterEach(async () => {
    t.server.services.sync.hooks.afterPageCommitted = undefined;
    openAllGates();
    await t.server.services.sync.idle();
  });
  afterAll(() => t.close());

  const codeOf = (res: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.['code'];

  /** A token for a new MDM server; its first sync (on upload) ended before `devices` new serials are assigned to it. */
  async function newToken(devices = 0, model?: string): Promise<{ token: EnrollmentProgramToken; id: string; server: string }> {
    tokens += 1;
    const server = `Sync school ${tokens}`;
    const token = await uploadSimulatedToken(t.server.services, apple, ctx, { name: server });
    await t.server.services.sync.idle();
    if (devices > 0) assign(server, devices, model);
    return { token, id: toGlobalId('EnrollmentProgramToken', token.id), server };
  }

  function assign(server: string, count: number, model?: string): string[] {
    const order = apple.portal.addOrder({ count, ...(model ? { model } : {}) });
    apple.portal.assignDevices(server, { orderNumbers: [order.orderNumber] });
    return order.serials;
  }

  /** Starts a sync, waits for its end, and returns the run as it started and as it ended. */
  async function syncAndWait(id: string, key = t.keys[Role.OPERATOR]) {
    const res = await t.request(SyncDevicesDocument, { input: { tokenId: id } }, key);
    expect(res.errors).toBeUndefined();
    await t.server.services.sync.idle();
    const started = res.data!.syncDevices.run;
    const ended = (await t.request(SyncNodeDocument, { id: started.id })).data!.node;
    if (ended?.__typename !== 'SyncRun') throw new Error('not a run');
    return { started, ended };
  }

  const devicesOf = async (id: string, filter?: DeviceFilterInput, page: { first?: number; after?: string } = { first: 500 }) => {
    const res = await t.request(TokenDevicesDocument, { id, ...(filter ? { filter } : {}), ...page }, t.keys[Role.READ_ONLY]);
    expect(res.errors).toBeUndefined();
    const node = res.data!.node;
    if (node?.__typename !== 'EnrollmentProgramToken') throw new Error('not a token');
    return node.devices;
  };

  const syncOf = async (id: string, key = t.keys[Role.READ_ONLY]) => {
    const node = (await t.request(TokenSyncDocument, { id, first: 10 }, key)).data!.node;
    if (node?.__typename !== 'EnrollmentProgramToken') throw new Error('not a token');
    return node;
  };

  it('lets OPERATOR start a sync (READ_ONLY gets FORBIDDEN), refuses a second with SYNC_IN_PROGRESS and when, and shows the run live in syncStatus', async () => {
    const { id, token } = await newToken(12);
    const refused = await t.request(SyncDevicesDocument, { input: { tokenId: id } }, t.keys[Role.READ_ONLY]);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', missingPermissions: ['DEVICE_SYNC'] });

    const [reached, held] = [gate(), gate()];
    t.server.services.sync.hooks.afterPageCommitted = () => {
      reached.open();
      return held.promise;
    };
    const started = await t.request(SyncDevicesDocument, { input: { tokenId: id } }, t.keys[Role.OPERATOR]);
    expect(started.errors).toBeUndefined();
    const run = started.data!.syncDevices.run;
    // Within 7 days of the first (full) sync, on upload: limited.
    expect(run).toMatchObject({
      kind: 'LIMITED',
      trigger: 'MANUAL',
      status: 'RUNNING',
      startedAt: '2026-09-01T08:00:00.000Z',
      deadlineAt: '2026-09-01T08:15:00.000Z',
      finishedAt: null,
      token: { id },
    });
    await reached.promise;

    clock.advance(60_000);
    const again = await t.request(SyncDevicesDocument, { input: { tokenId: id } }, t.keys[Role.ADMIN]);
    expect(again.data ?? null).toBeNull();
    expect(again.errors?.[0]?.extensions).toEqual({ code: 'SYNC_IN_PROGRESS', syncAvailableAt: '2026-09-01T08:15:00.000Z' });

    const running = await syncOf(id);
    expect(running.syncStatus).toMatchObject({
      state: 'RUNNING',
      syncAvailableAt: '2026-09-01T08:15:00.000Z',
      lastFullSyncAt: '2026-09-01T08:00:00.000Z',
      nextFullSyncAvailableAt: '2026-09-08T08:00:00.000Z',
      currentRun: { id: run.id, status: 'RUNNING' },
    });

    held.open();
    await t.server.services.sync.idle();
    const after = await syncOf(id);
    expect(after.deviceCount).toBe(12);
    expect(after.syncStatus).toMatchObject({
      state: 'IDLE',
      currentRun: null,
      lastSyncAt: '2026-09-01T08:01:00.000Z',
      lastSuccessfulSyncAt: '2026-09-01T08:01:00.000Z',
      // The run ended, but the manual floor runs 15 minutes from its start.
      syncAvailableAt: '2026-09-01T08:15:00.000Z',
    });
    // Newest first: this run, then the first sync the upload started.
    expect(after.syncRuns.totalCount).toBe(2);
    expect(after.syncRuns.edges.map((e) => e.node)).toMatchObject([
      { id: run.id, kind: 'LIMITED', trigger: 'MANUAL', status: 'SUCCEEDED', phase: 'DONE', devicesAdded: 12, percent: 100 },
      { kind: 'FULL', trigger: 'TOKEN_UPLOADED', status: 'SUCCEEDED', devicesSeen: 0, fallbackReason: null },
    ]);

    const audited = (await t.request(AuditEventsDocument, { first: 10, filter: { action: 'syncDevices', targetId: id } })).data!.auditEvents
      .edges;
    expect(audited.map((e) => [e.node.actorName, e.node.outcome, e.node.errorCode])).toEqual([
      ['test-admin', 'FAILED', 'SYNC_IN_PROGRESS'],
      ['test-operator', 'SUCCEEDED', null],
      ['system', 'SUCCEEDED', null],
    ]);
    expect(token.id).toBeGreaterThan(0);
  });

  it('refuses syncDevices within 15 minutes of the last manual sync’s start with SYNC_TOO_SOON and syncAvailableAt, and syncStatus shows it', async () => {
    const { id } = await newToken(2);
    const { started } = await syncAndWait(id);
    const floorEnds = new Date(new Date(started.startedAt).getTime() + 15 * 60_000).toISOString();
    clock.advance(14 * 60_000);
    const refused = await t.request(SyncDevicesDocument, { input: { tokenId: id } }, t.keys[Role.OPERATOR]);
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors?.[0]?.extensions).toEqual({ code: 'SYNC_TOO_SOON', syncAvailableAt: floorEnds });
    expect(refused.errors?.[0]?.message).toMatch(/at most one manual sync per 15 minutes/);
    expect((await syncOf(id)).syncStatus).toMatchObject({ state: 'IDLE', syncAvailableAt: floorEnds });

    clock.advance(60_000);
    expect((await syncAndWait(id)).ended).toMatchObject({ trigger: 'MANUAL', status: 'SUCCEEDED' });
  });

  it('runs a sync started by syncDevices outside the mutation’s operation budget (its database calls take no turns with requests)', async () => {
    const { id } = await newToken(2);
    const budgets: Array<unknown> = [];
    t.server.services.sync.hooks.afterPageCommitted = () => {
      budgets.push(currentBudget());
    };
    await syncAndWait(id);
    expect(budgets.length).toBeGreaterThan(0);
    expect(budgets.every((budget) => budget === undefined)).toBe(true);
  });

  it('reads a run and a device by global ID with every role; an unknown token is NOT_FOUND', async () => {
    const { id } = await newToken(3);
    const { started: run } = await syncAndWait(id);
    const node = (await t.request(SyncNodeDocument, { id: run.id }, t.keys[Role.READ_ONLY])).data!.node;
    expect(node).toMatchObject({ __typename: 'SyncRun', id: run.id, status: 'SUCCEEDED', devicesSeen: 3, token: { id } });

    const [device] = (await devicesOf(id)).edges;
    const read = (await t.request(SyncNodeDocument, { id: device!.node.id }, t.keys[Role.READ_ONLY])).data!.node;
    expect(read).toEqual({ __typename: 'Device', ...device!.node });

    const missing = await t.request(SyncDevicesDocument, { input: { tokenId: toGlobalId('EnrollmentProgramToken', 999_999) } });
    expect(codeOf(missing)).toBe('NOT_FOUND');
    const wrongType = await t.request(SyncDevicesDocument, { input: { tokenId: run.id } });
    expect(codeOf(wrongType)).toBe('NOT_FOUND');
  });

  it("shows every field Apple sends for a device, and the token's default profile on new serials", async () => {
    const { id, token, server } = await newToken();
    const profile = await t.server.services.profiles.create(ctx, token.id, {
      name: 'Cart iPads',
      userAffinity: UserAffinity.WITHOUT_USER_AFFINITY,
      supervised: true,
      lockedEnrollment: false,
      sharedIPad: false,
      pairing: PairingMode.DENY_ALL,
      awaitDeviceConfigured: false,
      skippedPanes: [],
    });
    await t.server.services.profiles.setDefault(ctx, token.id, profile.id);
    const [serial] = assign(server, 1, 'iPad (A16)');
    const { ended } = await syncAndWait(id);
    expect(ended).toMatchObject({ kind: 'LIMITED', devicesAdded: 1, defaultProfileAssigned: 1 });

    const [device] = (await devicesOf(id)).edges.map((e) => e.node);
    const atApple = apple.portal.listDevices({ server }).find((d) => d.serial_number === serial)!;
    expect(device).toMatchObject({
      serialNumber: serial,
      model: 'iPad (A16)',
      description: atApple.description,
      color: atApple.color,
      os: atApple.os,
      deviceFamily: atApple.device_family,
      deviceAssignedDate: new Date(atApple.device_assigned_date!).toISOString(),
      deviceAssignedBy: atApple.device_assigned_by,
      profileStatus: 'ASSIGNED',
      appleProfileUuid: profile.appleProfileUuid,
      profileAssignTime: clock.now().toISOString(),
      profilePushTime: null,
      firstSeenAt: clock.now().toISOString(),
      lastSeenAt: clock.now().toISOString(),
      removedAt: null,
      token: { id },
      profile: { id: toGlobalId('EnrollmentProfile', profile.id), name: 'Cart iPads' },
    });
    expect(atApple).toMatchObject({ profile_status: 'assigned', profile_uuid: profile.appleProfileUuid });
  });

  it('filters devices by profile (unassigned, any, one), removed, serial and model, and pages them', async () => {
    const { id, token, server } = await newToken(20, 'iPad (9th generation)');
    await syncAndWait(id);
    const airs = assign(server, 5, 'iPad Air (5th generation)');
    const profile = await t.server.services.profiles.create(ctx, token.id, {
      name: 'Library iPads',
      userAffinity: UserAffinity.WITHOUT_USER_AFFINITY,
      supervised: true,
      lockedEnrollment: false,
      sharedIPad: false,
      pairing: PairingMode.DENY_ALL,
      awaitDeviceConfigured: false,
      skippedPanes: [],
    });
    await t.server.services.profiles.setDefault(ctx, token.id, profile.id);
    clock.advance(15 * 60_000); // the manual floor
    await syncAndWait(id);
    const all = (await devicesOf(id)).edges.map((e) => e.node.serialNumber);
    expect(all).toHaveLength(25);
    const gone = all.slice(0, 3);
    apple.portal.unassignDevices(gone);
    clock.advance(15 * 60_000); // the manual floor
    const { ended: removing } = await syncAndWait(id);
    expect(removing).toMatchObject({ kind: 'LIMITED', devicesRemoved: 3 });

    const serials = async (filter?: DeviceFilterInput) => (await devicesOf(id, filter)).edges.map((e) => e.node.serialNumber);
    expect(await serials()).toEqual(all.slice(3));
    expect(await serials({ removed: false })).toEqual(all.slice(3));
    expect(await serials({ removed: true })).toEqual(gone);
    const removed = (await devicesOf(id, { removed: true })).edges[0]!.node;
    expect(removed.removedAt).toBe(clock.now().toISOString());

    const profileId = toGlobalId('EnrollmentProfile', profile.id);
    expect(await serials({ profile: { assignment: 'ANY' } })).toEqual(airs);
    expect(await serials({ profile: { assignment: 'PROFILE', profileId } })).toEqual(airs);
    expect(await serials({ profile: { assignment: 'UNASSIGNED' } })).toEqual(all.slice(3, 20));
    expect(await serials({ profile: { assignment: 'UNASSIGNED' }, removed: true })).toEqual(gone);
    expect((await devicesOf(id, { profile: { assignment: 'ANY' } })).edges[0]!.node.profile).toEqual({
      id: profileId,
      name: 'Library iPads',
    });

    expect(await serials({ model: 'iPad Air (5th generation)' })).toEqual(airs);
    expect(await serials({ model: 'iPad (9th generation)' })).toEqual(all.slice(3, 20));
    expect(await serials({ model: 'iPad Pro 11-inch (M4)' })).toEqual([]);
    const needle = airs[2]!.slice(3, 9).toLowerCase();
    expect(await serials({ serialContains: needle })).toContain(airs[2]);
    expect((await serials({ serialContains: needle })).every((s) => s.toLowerCase().includes(needle))).toBe(true);
    expect(await serials({ serialContains: needle, model: 'iPad (9th generation)' })).not.toContain(airs[2]);

    const first = await devicesOf(id, undefined, { first: 10 });
    expect(first.totalCount).toBe(22);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await devicesOf(id, undefined, { first: 20, after: first.pageInfo.endCursor! });
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect([...first.edges, ...second.edges].map((e) => e.node.serialNumber)).toEqual(all.slice(3));
    expect((await devicesOf(id, { profile: { assignment: 'ANY' } }, { first: 1 })).totalCount).toBe(5);
  });

  it('refuses contradictory or malformed device filters with BAD_USER_INPUT naming the field', async () => {
    const { id, token } = await newToken();
    const profileId = toGlobalId('EnrollmentProfile', 1);
    const refused = async (filter: DeviceFilterInput) => {
      const res = await t.request(TokenDevicesDocument, { id, filter, first: 10 });
      return res.errors?.[0]?.extensions;
    };
    expect(await refused({ profile: { assignment: 'PROFILE' } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.profile.profileId',
    });
    expect(await refused({ profile: { assignment: 'ANY', profileId } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.profile.profileId',
    });
    expect(await refused({ profile: { assignment: 'PROFILE', profileId: toGlobalId('EnrollmentProgramToken', token.id) } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.profile.profileId',
    });
    expect(await refused({ serialContains: '' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.serialContains' });
    expect(await refused({ serialContains: 'X'.repeat(65) })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.serialContains' });
  });

  it('runs a FULL sync again once 7 days passed since the last one, with the last count as its estimate', async () => {
    const { id } = await newToken(4);
    await syncAndWait(id);
    clock.advance(7 * DAY);
    const status = (await syncOf(id)).syncStatus;
    expect(status.nextFullSyncAvailableAt).toBe(clock.now().toISOString());
    const { started, ended } = await syncAndWait(id, t.keys[Role.ADMIN]);
    expect(started).toMatchObject({ kind: 'FULL', trigger: 'MANUAL', status: 'RUNNING', estimatedTotal: 0 });
    expect(ended).toMatchObject({ status: 'SUCCEEDED', devicesSeen: 4, devicesUpdated: 4, percent: 100 });
  });
});
