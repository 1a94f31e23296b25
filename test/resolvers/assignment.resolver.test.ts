import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { toGlobalId } from '../../src/global-id.js';
import { ManualClock } from '../../src/platform/clock.js';
import { currentBudget } from '../../src/platform/operation-budget.js';
import { Role } from '../../src/permissions.js';
import { systemContext } from '../../src/platform/request-context.js';
import type { RunningAppleSimulator } from '../../src/simulator/apple/index.js';
import {
  AssignmentJobDocument,
  AssignmentNodeDocument,
  AssignProfileDocument,
  AuditEventsDocument,
  TokenAssignmentJobsDocument,
  TokenDeviceProfilesDocument,
  UnassignProfileDocument,
  type AssignmentResult,
  type AssignProfileInput,
  type DeviceFilterInput,
  type DeviceSelectionInput,
  type UnassignProfileInput,
} from '../generated/operations.js';
import { openAllGates } from '../support/gate.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { cartProfile, simulatedSchool } from '../support/tokens.js';

const DAY = 24 * 3600 * 1000;
const ASSIGN_CALL = 'POST /profile/devices';
const UNASSIGN_CALL = 'DELETE /profile/devices';

/**
 * Profile assignment as a frontend drives it (issue 6's acceptance at the GraphQL level), over
 * HTTP against the embedded Apple simulator, with a ManualClock shared by Homeroom and the
 * simulator. Each test makes its own school: a token whose devices are synced, and a profile.
 */
describe('profile assignment over GraphQL', () => {
  const clock = new ManualClock('2026-09-01T08:00:00.000Z');
  const ctx = systemContext(createLogger('silent'));
  let t: TestServer;
  let apple: RunningAppleSimulator;
  let schools = 0;

  beforeAll(async () => {
    t = await startTestServer({ clock });
    apple = t.server.apple.simulator!;
  });
  afterEach(async () => {
    openAllGates();
    await t.server.services.assignments.idle();
    await t.server.services.sync.idle();
  });
  afterAll(() => t.close());

  const codeOf = (res: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.['code'];
  const calls = (endpoint: string) => apple.stats()[endpoint] ?? 0;

  async function sync(tokenId: number): Promise<void> {
    const { done } = await t.server.services.sync.requestSync(ctx, tokenId, 'MANUAL');
    expect(await done).toMatchObject({ status: 'SUCCEEDED' });
  }

  /** A token of a new MDM server with `devices` serials (synced into Homeroom) and one profile, defined at Apple. */
  async function school(devices: number, model?: string) {
    schools += 1;
    const server = `Assignment school ${schools}`;
    const made = await simulatedSchool(t.server.services, apple, ctx, { name: server, devices, ...(model ? { model } : {}) });
    return {
      server,
      serials: made.serials,
      tokenRowId: made.token.id,
      tokenId: toGlobalId('EnrollmentProgramToken', made.token.id),
      profile: made.profile,
      profileId: toGlobalId('EnrollmentProfile', made.profile.id),
    };
  }

  const assign = (input: AssignProfileInput, key = t.keys[Role.OPERATOR]) => t.request(AssignProfileDocument, { input }, key);
  const unassign = (input: UnassignProfileInput, key = t.keys[Role.OPERATOR]) => t.request(UnassignProfileDocument, { input }, key);

  /** The job (and the first outcomes with `results`) as it is now, read with a READ_ONLY key. */
  async function jobOf(id: string, results?: AssignmentResult[], first = 100) {
    const res = await t.request(AssignmentJobDocument, { id, first, ...(results ? { results } : {}) }, t.keys[Role.READ_ONLY]);
    expect(res.errors).toBeUndefined();
    return res.data!.assignmentJob;
  }

  /** Starts a job, waits for its end, and returns it as it started and as it ended. */
  async function assignAndWait(input: AssignProfileInput) {
    const res = await assign(input);
    expect(res.errors).toBeUndefined();
    const started = res.data!.assignProfile.job!;
    await t.server.services.assignments.idle();
    return { started, ended: (await jobOf(started.id))! };
  }

  async function devicesOf(tokenId: string, filter?: DeviceFilterInput) {
    const res = await t.request(
      TokenDeviceProfilesDocument,
      { id: tokenId, first: 500, ...(filter ? { filter } : {}) },
      t.keys[Role.READ_ONLY],
    );
    expect(res.errors).toBeUndefined();
    const node = res.data!.node;
    if (node?.__typename !== 'EnrollmentProgramToken') throw new Error('not a token');
    return node.devices;
  }

  async function jobsOf(tokenId: string, first = 10) {
    const node = (await t.request(TokenAssignmentJobsDocument, { id: tokenId, first }, t.keys[Role.READ_ONLY])).data!.node;
    if (node?.__typename !== 'EnrollmentProgramToken') throw new Error('not a token');
    return node.assignmentJobs;
  }

  const atApple = (server: string) =>
    new Map(
      apple.portal
        .listDevices({ server, limit: 100_000 })
        .map((d) => [d.serial_number, { uuid: d.profile_uuid, status: d.profile_status }]),
    );

  it('refuses a READ_ONLY key with FORBIDDEN for assignProfile and unassignProfile, preview included, and calls no one', async () => {
    const { tokenId, profileId, serials } = await school(2);
    const before = calls(ASSIGN_CALL);
    const devices = { serialNumbers: serials };
    for (const res of [
      await assign({ profileId, devices }, t.keys[Role.READ_ONLY]),
      await assign({ profileId, devices, preview: true }, t.keys[Role.READ_ONLY]),
      await unassign({ tokenId, devices }, t.keys[Role.READ_ONLY]),
    ]) {
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', missingPermissions: ['PROFILE_ASSIGN'] });
    }
    expect(calls(ASSIGN_CALL)).toBe(before);
    expect((await jobsOf(tokenId)).totalCount).toBe(0);
    // Refused before anything was looked up: audited as failed attempts, without targets.
    const audited = (await t.request(AuditEventsDocument, { first: 10, filter: { action: 'unassignProfile' } })).data!.auditEvents.edges;
    expect(audited.map((e) => [e.node.actorName, e.node.outcome, e.node.errorCode])).toContainEqual([
      'test-read_only',
      'FAILED',
      'FORBIDDEN',
    ]);
  });

  it('answers NOT_FOUND for an unknown or mistyped profile, token or device ID', async () => {
    const { tokenId, profileId, serials } = await school(1);
    const devices = { serialNumbers: serials };
    expect(codeOf(await assign({ profileId: toGlobalId('EnrollmentProfile', 987_654), devices }))).toBe('NOT_FOUND');
    expect(codeOf(await assign({ profileId: tokenId, devices }))).toBe('NOT_FOUND');
    expect(codeOf(await assign({ profileId: toGlobalId('EnrollmentProfile', 987_654), devices, preview: true }))).toBe('NOT_FOUND');
    expect(codeOf(await unassign({ tokenId: toGlobalId('EnrollmentProgramToken', 987_654), devices }))).toBe('NOT_FOUND');
    expect(codeOf(await unassign({ tokenId: profileId, devices }))).toBe('NOT_FOUND');
    // A well-formed device ID that names no device comes from a stale client: NOT_FOUND, like any other ID.
    expect(codeOf(await assign({ profileId, devices: { ids: [toGlobalId('Device', 987_654)] } }))).toBe('NOT_FOUND');
    expect((await jobsOf(tokenId)).totalCount).toBe(0);
  });

  it('echoes the global IDs the client sent in NOT_FOUND messages, never the internal row numbers', async () => {
    const { tokenId, profileId, serials } = await school(1);
    const devices = { serialNumbers: serials };
    const missingProfile = toGlobalId('EnrollmentProfile', 987_654);
    const missingToken = toGlobalId('EnrollmentProgramToken', 987_655);
    const missingDevices = [toGlobalId('Device', 987_656), toGlobalId('Device', 987_657)];
    for (const [res, ids] of [
      [await assign({ profileId: missingProfile, devices }), [missingProfile]],
      [await unassign({ tokenId: missingToken, devices }), [missingToken]],
      [await assign({ profileId, devices: { ids: missingDevices } }), missingDevices],
    ] as const) {
      const error = res.errors?.[0];
      expect(error?.extensions?.code).toBe('NOT_FOUND');
      for (const id of ids) expect(error?.message).toContain(id);
      expect(error?.message).not.toMatch(/98765\d/);
      expect(JSON.stringify(error?.extensions)).not.toMatch(/98765\d/);
    }
    expect((await jobsOf(tokenId)).totalCount).toBe(0);
  });

  it('refuses a selection without exactly one of ids, serialNumbers and filter, or with a malformed ID, serial or filter, with BAD_USER_INPUT naming the field, and stores no job', async () => {
    const { tokenId, profileId, serials } = await school(2);
    const deviceId = (await devicesOf(tokenId)).edges[0]!.node.id;
    const before = calls(ASSIGN_CALL);
    const refused = async (devices: DeviceSelectionInput) => {
      const res = await assign({ profileId, devices });
      expect(res.data ?? null).toBeNull();
      return res.errors?.[0]?.extensions;
    };
    expect(await refused({})).toMatchObject({ code: 'BAD_USER_INPUT', field: 'devices' });
    expect(await refused({ ids: [deviceId], serialNumbers: serials })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'devices' });
    expect(await refused({ serialNumbers: serials, filter: {} })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'devices' });
    expect(await refused({ ids: ['not-an-id'] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'devices.ids[0]' });
    expect(await refused({ ids: [deviceId, profileId] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'devices.ids[1]' });
    expect(await refused({ serialNumbers: [serials[0]!, '  '] })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'devices.serialNumbers[1]',
    });
    expect(await refused({ filter: { serialContains: '' } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'devices.filter.serialContains',
    });
    expect(await refused({ filter: { profile: { assignment: 'PROFILE' } } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'devices.filter.profile.profileId',
    });
    const unassigned = await unassign({ tokenId, devices: {}, preview: true });
    expect(unassigned.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'devices' });

    expect((await jobsOf(tokenId)).totalCount).toBe(0);
    expect(calls(ASSIGN_CALL)).toBe(before);
  });

  it('stores a job of 0 devices that SUCCEEDED at once when nothing matches, and calls Apple for nothing', async () => {
    const { tokenId, profileId } = await school(3, 'iPad (10th generation)');
    const before = calls(ASSIGN_CALL);
    const res = await assign({ profileId, devices: { filter: { model: 'Apple IIe' } } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.assignProfile.preview).toBeNull();
    const job = res.data!.assignProfile.job!;
    expect(job).toMatchObject({
      kind: 'ASSIGN',
      status: 'SUCCEEDED',
      deviceCount: 0,
      pendingCount: 0,
      appleCalls: 0,
      percent: 100,
      requestedBy: 'test-operator',
      createdAt: clock.now().toISOString(),
      finishedAt: clock.now().toISOString(),
      token: { id: tokenId },
      profile: { id: profileId },
    });
    await t.server.services.assignments.idle();
    expect(calls(ASSIGN_CALL)).toBe(before);
    expect(await jobOf(job.id)).toMatchObject({ status: 'SUCCEEDED', appleCalls: 0, outcomes: { totalCount: 0, edges: [] } });
  });

  it('runs a job started by assignProfile outside the mutation’s operation budget (its database calls take no turns with requests)', async () => {
    const { profileId, serials } = await school(3);
    const budgets: Array<unknown> = [];
    t.server.services.assignments.hooks.beforeBatch = () => {
      budgets.push(currentBudget());
    };
    try {
      const { ended } = await assignAndWait({ profileId, devices: { serialNumbers: serials } });
      expect(ended).toMatchObject({ status: 'SUCCEEDED' });
    } finally {
      t.server.services.assignments.hooks.beforeBatch = undefined;
    }
    expect(budgets.length).toBeGreaterThan(0);
    expect(budgets.every((budget) => budget === undefined)).toBe(true);
  });

  it('previews an assignment with counts and the first devices of each kind, changing nothing at Apple or in Homeroom', async () => {
    const { server, tokenRowId, tokenId, profileId, serials } = await school(60);
    const neighbour = await school(1);
    // Four devices have the profile already; one leaves the MDM server.
    await assignAndWait({ profileId, devices: { serialNumbers: serials.slice(0, 4) } });
    apple.portal.unassignDevices([serials[59]!]);
    clock.advance(60_000);
    await sync(tokenRowId);

    const homeroomBefore = await devicesOf(tokenId);
    const appleBefore = atApple(server);
    const [assignCalls, jobsBefore] = [calls(ASSIGN_CALL), (await jobsOf(tokenId)).totalCount];
    const unknown = ['NOPE00000001', 'NOPE00000002'];
    const res = await assign({
      profileId,
      devices: { serialNumbers: [...serials, ...neighbour.serials, ...unknown] },
      preview: true,
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.assignProfile.job).toBeNull();
    const preview = res.data!.assignProfile.preview!;
    expect(preview).toMatchObject({
      kind: 'ASSIGN',
      willChangeCount: 55,
      unchangedCount: 4,
      cannotChangeCount: 4,
      removedCount: 1,
      otherTokenCount: 1,
      unknownSerialCount: 2,
      requiresWipeCount: 0,
      unknownSerialNumbers: unknown,
    });
    // The first 50 in device order.
    expect(preview.willChange.map((d) => d.serialNumber)).toEqual(serials.slice(4, 54));
    expect(preview.unchanged.map((d) => d.serialNumber)).toEqual(serials.slice(0, 4));
    expect(preview.cannotChange.map((d) => d.serialNumber).sort()).toEqual([serials[59]!, neighbour.serials[0]!].sort());

    const unassigning = (await unassign({ tokenId, devices: { filter: { profile: { assignment: 'ANY' } } }, preview: true })).data!
      .unassignProfile;
    expect(unassigning).toMatchObject({ job: null, preview: { kind: 'UNASSIGN', willChangeCount: 4, unchangedCount: 0 } });

    expect(calls(ASSIGN_CALL)).toBe(assignCalls);
    expect(atApple(server)).toEqual(appleBefore);
    expect(await devicesOf(tokenId)).toEqual(homeroomBefore);
    expect((await jobsOf(tokenId)).totalCount).toBe(jobsBefore);
  });

  it('assigns every unassigned device by filter in one job: it ends SUCCEEDED, its outcomes filter by result, and the devices show the profile at Apple and in Homeroom', async () => {
    const { server, tokenId, profile, profileId, serials } = await school(12);
    // Three devices already have another profile: the filter leaves them out.
    const library = await t.server.services.profiles.create(ctx, profile.tokenId, cartProfile(`${server} library`));
    const libraryId = toGlobalId('EnrollmentProfile', library.id);
    await assignAndWait({ profileId: libraryId, devices: { serialNumbers: serials.slice(0, 3) } });

    const before = calls(ASSIGN_CALL);
    clock.advance(60_000);
    const res = await assign({ profileId, devices: { filter: { profile: { assignment: 'UNASSIGNED' } } } });
    expect(res.errors).toBeUndefined();
    const started = res.data!.assignProfile.job!;
    expect(started).toMatchObject({ kind: 'ASSIGN', status: 'QUEUED', deviceCount: 9, pendingCount: 9, percent: 0, startedAt: null });
    await t.server.services.assignments.idle();
    expect(calls(ASSIGN_CALL) - before).toBe(1);

    const ended = (await jobOf(started.id, ['SUCCESS'], 5))!;
    expect(ended).toMatchObject({
      id: started.id,
      status: 'SUCCEEDED',
      deviceCount: 9,
      pendingCount: 0,
      succeededCount: 9,
      unchangedCount: 0,
      cannotChangeCount: 0,
      notAccessibleCount: 0,
      failedCount: 0,
      throttledCount: 0,
      requiresWipeCount: 0,
      appleCalls: 1,
      percent: 100,
      startedAt: clock.now().toISOString(),
      finishedAt: clock.now().toISOString(),
      errorCode: null,
      errorMessage: null,
      profile: { id: profileId, name: profile.name },
    });
    expect(ended.outcomes.totalCount).toBe(9);
    expect(ended.outcomes.pageInfo.hasNextPage).toBe(true);
    expect(ended.outcomes.edges.map((e) => e.node.serialNumber)).toEqual(serials.slice(3, 8));
    expect(ended.outcomes.edges[0]!.node).toMatchObject({
      result: 'SUCCESS',
      attempts: 1,
      requiresWipe: false,
      retryAt: null,
      device: { serialNumber: serials[3], profileStatus: 'ASSIGNED' },
    });
    expect((await jobOf(started.id, ['NOT_ACCESSIBLE', 'FAILED', 'THROTTLED']))!.outcomes.totalCount).toBe(0);
    expect((await jobOf(started.id, []))!.outcomes.totalCount).toBe(9);

    const assigned = await devicesOf(tokenId, { profile: { assignment: 'PROFILE', profileId } });
    expect(assigned.edges.map((e) => e.node.serialNumber)).toEqual(serials.slice(3));
    expect(assigned.edges.every((e) => e.node.profileStatus === 'ASSIGNED' && e.node.appleProfileUuid === profile.appleProfileUuid)).toBe(
      true,
    );
    const apple = atApple(server);
    expect(serials.slice(3).every((s) => apple.get(s)?.uuid === profile.appleProfileUuid && apple.get(s)?.status === 'assigned')).toBe(
      true,
    );
    expect(serials.slice(0, 3).every((s) => apple.get(s)?.uuid === library.appleProfileUuid)).toBe(true);

    const audited = (await t.request(AuditEventsDocument, { first: 5, filter: { action: 'assignProfile', targetId: started.id } })).data!
      .auditEvents.edges;
    expect(audited).toHaveLength(1);
    expect(audited[0]!.node).toMatchObject({
      actorName: 'test-operator',
      outcome: 'SUCCEEDED',
      details: { deviceCount: 9, willChange: 9 },
    });
  });

  it('ends PARTIALLY_SUCCEEDED and lists the NOT_ACCESSIBLE serials when Apple no longer has some of the devices', async () => {
    const { tokenId, profileId, serials } = await school(5);
    // Released at Apple, and Homeroom has not synced since: Apple answers NOT_ACCESSIBLE for them.
    const gone = serials.slice(1, 3);
    apple.portal.unassignDevices(gone);
    const { ended } = await assignAndWait({ profileId, devices: { serialNumbers: serials } });
    expect(ended).toMatchObject({ status: 'PARTIALLY_SUCCEEDED', deviceCount: 5, succeededCount: 3, notAccessibleCount: 2, percent: 100 });
    const failed = (await jobOf(ended.id, ['NOT_ACCESSIBLE']))!.outcomes;
    expect(failed.totalCount).toBe(2);
    expect(failed.edges.map((e) => [e.node.serialNumber, e.node.result, e.node.attempts, e.node.retryAt])).toEqual(
      gone.map((serial) => [serial, 'NOT_ACCESSIBLE', 1, null]),
    );
    const unchangedInHomeroom = await devicesOf(tokenId, { profile: { assignment: 'UNASSIGNED' } });
    expect(unchangedInHomeroom.edges.map((e) => e.node.serialNumber)).toEqual(gone);
  });

  it('skips devices that have the profile already, and marks one activated with another profile requiresWipe, which the devices filter finds', async () => {
    const { tokenRowId, tokenId, profileId, serials } = await school(3);
    await assignAndWait({ profileId, devices: { serialNumbers: serials } });
    // The first iPad is turned on: it fetches its profile (pushed); a full sync brings that to Homeroom.
    const [activated, fresh] = serials as [string, string, string];
    expect(apple.activation.lookup(activated).managed).toBe(true);
    clock.advance(8 * DAY);
    await sync(tokenRowId);

    const again = await assignAndWait({ profileId, devices: { serialNumbers: serials } });
    expect(again.started).toMatchObject({ status: 'SUCCEEDED', deviceCount: 3, unchangedCount: 3, appleCalls: 0 });

    const exams = await t.server.services.profiles.create(ctx, tokenRowId, cartProfile('Exams'));
    const examsId = toGlobalId('EnrollmentProfile', exams.id);
    const preview = (await assign({ profileId: examsId, devices: { serialNumbers: [activated, fresh] }, preview: true })).data!
      .assignProfile.preview!;
    expect(preview).toMatchObject({ willChangeCount: 2, requiresWipeCount: 1 });
    const { ended } = await assignAndWait({ profileId: examsId, devices: { serialNumbers: [activated, fresh] } });
    expect(ended).toMatchObject({ status: 'SUCCEEDED', succeededCount: 2, requiresWipeCount: 1 });
    expect((await jobOf(ended.id))!.outcomes.edges.map((e) => [e.node.serialNumber, e.node.requiresWipe])).toEqual([
      [activated, true],
      [fresh, false],
    ]);

    const wiping = await devicesOf(tokenId, { requiresWipe: true });
    expect(wiping.edges.map((e) => [e.node.serialNumber, e.node.requiresWipe, e.node.profile?.id])).toEqual([[activated, true, examsId]]);
    expect((await devicesOf(tokenId, { requiresWipe: false })).totalCount).toBe(2);
  });

  it('unassigns by device IDs: an UNASSIGN job that leaves devices without a profile UNCHANGED and removes the others at Apple', async () => {
    const { server, tokenId, profileId, serials } = await school(4);
    await assignAndWait({ profileId, devices: { serialNumbers: serials.slice(0, 3) } });
    const ids = new Map((await devicesOf(tokenId)).edges.map((e) => [e.node.serialNumber, e.node.id]));
    const before = calls(UNASSIGN_CALL);

    const res = await unassign({ tokenId, devices: { ids: [serials[0]!, serials[1]!, serials[3]!].map((s) => ids.get(s)!) } });
    expect(res.errors).toBeUndefined();
    const started = res.data!.unassignProfile.job!;
    expect(started).toMatchObject({
      kind: 'UNASSIGN',
      status: 'QUEUED',
      deviceCount: 3,
      unchangedCount: 1,
      profile: null,
      token: { id: tokenId },
    });
    await t.server.services.assignments.idle();
    expect(await jobOf(started.id)).toMatchObject({ status: 'SUCCEEDED', succeededCount: 2, unchangedCount: 1, appleCalls: 1 });
    expect(calls(UNASSIGN_CALL) - before).toBe(1);

    const devices = new Map((await devicesOf(tokenId)).edges.map((e) => [e.node.serialNumber, e.node]));
    expect(devices.get(serials[0]!)).toMatchObject({ profileStatus: 'REMOVED', profile: null });
    expect(devices.get(serials[1]!)).toMatchObject({ profileStatus: 'REMOVED', profile: null });
    expect(devices.get(serials[2]!)).toMatchObject({ profileStatus: 'ASSIGNED', profile: { id: profileId } });
    expect(devices.get(serials[3]!)).toMatchObject({ profileStatus: 'EMPTY', profile: null });
    const atServer = atApple(server);
    expect([serials[0]!, serials[1]!, serials[2]!].map((s) => atServer.get(s)?.status)).toEqual(['removed', 'removed', 'assigned']);
  });

  it("lists the token's jobs newest first, and reads a job and an outcome by node(id) and assignmentJob(id) with every role; another type's ID is null", async () => {
    const { tokenId, profileId, serials } = await school(2);
    const first = (await assignAndWait({ profileId, devices: { serialNumbers: serials.slice(0, 1) } })).ended;
    clock.advance(1000);
    const second = (await assignAndWait({ profileId, devices: { serialNumbers: serials } })).ended;

    const jobs = await jobsOf(tokenId, 1);
    expect(jobs.totalCount).toBe(2);
    expect(jobs.pageInfo.hasNextPage).toBe(true);
    expect(jobs.edges.map((e) => e.node.id)).toEqual([second.id]);
    const rest = (await t.request(TokenAssignmentJobsDocument, { id: tokenId, first: 5, after: jobs.pageInfo.endCursor! })).data!.node;
    if (rest?.__typename !== 'EnrollmentProgramToken') throw new Error('not a token');
    expect(rest.assignmentJobs.edges.map((e) => e.node.id)).toEqual([first.id]);

    const outcome = (await jobOf(second.id, ['SUCCESS']))!.outcomes.edges[0]!.node;
    expect(outcome.serialNumber).toBe(serials[1]);
    for (const role of Object.values(Role)) {
      const job = (await t.request(AssignmentNodeDocument, { id: second.id }, t.keys[role])).data!.node;
      expect(job).toMatchObject({ __typename: 'AssignmentJob', id: second.id, status: 'SUCCEEDED', unchangedCount: 1, succeededCount: 1 });
      const read = (await t.request(AssignmentNodeDocument, { id: outcome.id }, t.keys[role])).data!.node;
      expect(read).toEqual({ __typename: 'AssignmentOutcome', ...outcome });
    }
    const { node: unchanged } = (await jobOf(second.id, ['UNCHANGED']))!.outcomes.edges[0]!;
    expect(unchanged).toMatchObject({ serialNumber: serials[0], result: 'UNCHANGED', attempts: 0, device: { serialNumber: serials[0] } });

    const byQuery = async (id: string) =>
      (await t.request(AssignmentJobDocument, { id, first: 1 }, t.keys[Role.READ_ONLY])).data!.assignmentJob;
    expect(await byQuery(first.id)).toMatchObject({ id: first.id, status: 'SUCCEEDED' });
    expect(await byQuery(tokenId)).toBeNull();
    expect(await byQuery(toGlobalId('AssignmentJob', 987_654))).toBeNull();
    expect(await byQuery('not-an-id')).toBeNull();
  });
});
