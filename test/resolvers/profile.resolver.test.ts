import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Device } from '../../src/entities/device.entity.js';
import type { EnrollmentProgramToken } from '../../src/entities/enrollment-program-token.entity.js';
import { createLogger } from '../../src/logger.js';
import { toGlobalId } from '../../src/global-id.js';
import { Role } from '../../src/permissions.js';
import { systemContext } from '../../src/platform/request-context.js';
import type { AppleSimulator } from '../../src/simulator/apple/index.js';
import {
  AuditEventsDocument,
  CreateEnrollmentProfileDocument,
  DeleteEnrollmentProfileDocument,
  EnrollmentProfileNodeDocument,
  SetDefaultEnrollmentProfileDocument,
  TokenEnrollmentProfilesDocument,
  UpdateEnrollmentProfileDocument,
  type CreateEnrollmentProfileInput,
} from '../generated/operations.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { uploadSimulatedToken } from '../support/tokens.js';

describe('enrollment profiles over GraphQL', () => {
  let t: TestServer;
  let simulator: AppleSimulator;
  let token: EnrollmentProgramToken;
  let tokenId: string;
  let tokens = 0;
  const ctx = systemContext(createLogger('silent'));

  beforeAll(async () => {
    t = await startTestServer();
    simulator = t.server.apple.simulator!;
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    simulator.faults.clear();
    tokens += 1;
    token = await uploadSimulatedToken(t.server.services, simulator, ctx, { name: `Springfield ${tokens}` });
    tokenId = toGlobalId('EnrollmentProgramToken', token.id);
  });

  /** The seed's classroom iPad profile, as a frontend would send it. */
  const classroom = (overrides: Partial<CreateEnrollmentProfileInput> = {}): CreateEnrollmentProfileInput => ({
    tokenId,
    name: 'Year 5 classroom iPads',
    userAffinity: 'WITH_USER_AFFINITY',
    supervised: true,
    lockedEnrollment: true,
    sharedIPad: true,
    maximumCachedUsers: 6,
    pairing: 'DENY_ALL',
    awaitDeviceConfigured: true,
    departmentName: 'Springfield Elementary IT',
    departmentPhone: '+1 555 0100',
    skippedPanes: ['PASSCODE', 'LOCATION_SERVICES', 'SIRI', 'DIAGNOSTIC_DATA'],
    ...overrides,
  });

  async function create(overrides: Partial<CreateEnrollmentProfileInput> = {}) {
    const res = await t.request(CreateEnrollmentProfileDocument, { input: classroom(overrides) });
    expect(res.errors).toBeUndefined();
    return res.data!.createEnrollmentProfile.enrollmentProfile;
  }

  const appleProfile = (uuid: string) => t.server.services.appleSessions.callApple(token.id, (client) => client.getProfile(uuid));

  const events = async (action: string) =>
    (await t.request(AuditEventsDocument, { first: 100, filter: { action, targetId: tokenId } })).data!.auditEvents.edges.map(
      (e) => e.node,
    );

  /** Devices of the token on `profile` at the simulator, and their rows in Homeroom (as the sync will write them). */
  async function assignDevices(profile: { id: string; appleProfileUuid: string }, count: number): Promise<string[]> {
    const { serials } = simulator.portal.addOrder({ count });
    simulator.portal.assignDevices(token.serverName, { serials });
    await t.server.services.appleSessions.callApple(token.id, (client) => client.assignProfile(profile.appleProfileUuid, serials));
    const profileId = Number(Buffer.from(profile.id, 'base64url').toString('utf8').split(':')[1]);
    const now = new Date();
    const rows = serials.map((serialNumber) => ({
      tokenId: token.id,
      serialNumber,
      profileStatus: 'assigned',
      appleProfileUuid: profile.appleProfileUuid,
      profileId,
      firstSeenAt: now,
      lastSeenAt: now,
      removedAt: null,
    }));
    const manager = t.server.services.deps.database.manager;
    for (let i = 0; i < rows.length; i += 500) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(Device)
        .values(rows.slice(i, i + 500))
        .updateEntity(false)
        .execute();
    }
    return serials;
  }

  it('creates a profile as a frontend would: every setting back, Apple’s UUID, the enrollment URL on Homeroom, the token; audited', async () => {
    const profile = await create({ description: 'Trolley 1' });
    expect(profile).toMatchObject({
      name: 'Year 5 classroom iPads',
      description: 'Trolley 1',
      userAffinity: 'WITH_USER_AFFINITY',
      supervised: true,
      lockedEnrollment: true,
      sharedIPad: true,
      maximumCachedUsers: 6,
      pairing: 'DENY_ALL',
      configuratorCertificates: [],
      awaitDeviceConfigured: true,
      departmentName: 'Springfield Elementary IT',
      departmentPhone: '+1 555 0100',
      skippedPanes: ['PASSCODE', 'LOCATION_SERVICES', 'SIRI', 'DIAGNOSTIC_DATA'],
      isDefault: false,
      deviceCount: 0,
      token: { id: tokenId, name: token.name },
    });
    expect(profile.enrollmentUrl).toMatch(new RegExp(`^${t.server.publicUrl}/mdm/enroll/[A-Za-z0-9_-]{22}$`));
    expect(await appleProfile(profile.appleProfileUuid)).toMatchObject({
      url: profile.enrollmentUrl,
      is_mdm_removable: false,
      is_multi_user: true,
      skip_setup_items: ['Passcode', 'Location', 'Siri', 'Diagnostics'],
    });
    const refetched = await t.request(EnrollmentProfileNodeDocument, { id: profile.id }, t.keys[Role.READ_ONLY]);
    expect(refetched.data?.node).toEqual(profile);
    const [event] = await events('createEnrollmentProfile');
    expect(event).toMatchObject({ outcome: 'SUCCEEDED', actorName: 'test-admin' });
    expect(event!.targetIds).toEqual(expect.arrayContaining([profile.id, tokenId]));
  });

  it('refuses locked enrollment without supervision with PROFILE_RULE_VIOLATION naming lockedEnrollment, and audits it', async () => {
    const res = await t.request(CreateEnrollmentProfileDocument, {
      input: classroom({ supervised: false, sharedIPad: false, maximumCachedUsers: null }),
    });
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'PROFILE_RULE_VIOLATION', field: 'lockedEnrollment' });
    expect(res.errors?.[0]?.message).toMatch(/lockedEnrollment: locked enrollment requires supervised/);
    const [event] = await events('createEnrollmentProfile');
    expect(event).toMatchObject({ outcome: 'FAILED', errorCode: 'PROFILE_RULE_VIOLATION' });
  });

  it('refuses createEnrollmentProfile from a READ_ONLY key with FORBIDDEN, while READ_ONLY reads the token’s profiles', async () => {
    await create({ name: 'Library carts' });
    const res = await t.request(CreateEnrollmentProfileDocument, { input: classroom() }, t.keys[Role.READ_ONLY]);
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', missingPermissions: ['PROFILE_CREATE'] });
    const operator = await t.request(CreateEnrollmentProfileDocument, { input: classroom() }, t.keys[Role.OPERATOR]);
    expect(operator.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const list = await t.request(TokenEnrollmentProfilesDocument, { id: tokenId }, t.keys[Role.READ_ONLY]);
    expect(list.errors).toBeUndefined();
    expect(list.data?.node).toMatchObject({ profileCount: 1, profiles: { totalCount: 1, edges: [{ node: { name: 'Library carts' } }] } });
    const attempts = (await t.request(AuditEventsDocument, { first: 100, filter: { action: 'createEnrollmentProfile' } }))
      .data!.auditEvents.edges.map((e) => e.node)
      .filter((e) => e.actorName === 'test-read_only');
    expect(attempts[0]).toMatchObject({ outcome: 'FAILED', errorCode: 'FORBIDDEN' });
  });

  it('switches Shared iPad off when an update turns user affinity off, and says so in the payload', async () => {
    const profile = await create();
    const res = await t.request(UpdateEnrollmentProfileDocument, {
      input: { profileId: profile.id, userAffinity: 'WITHOUT_USER_AFFINITY' },
    });
    expect(res.errors).toBeUndefined();
    const payload = res.data!.updateEnrollmentProfile;
    expect(payload).toMatchObject({
      sharedIPadTurnedOff: true,
      redefinedAtApple: true,
      devicesMoved: 0,
      devicesNotMoved: 0,
      assignmentErrorCode: null,
      enrollmentProfile: { id: profile.id, userAffinity: 'WITHOUT_USER_AFFINITY', sharedIPad: false, maximumCachedUsers: null },
    });
    expect(payload.enrollmentProfile.appleProfileUuid).not.toBe(profile.appleProfileUuid);
    expect(payload.enrollmentProfile.enrollmentUrl).toBe(profile.enrollmentUrl);
    expect(await appleProfile(payload.enrollmentProfile.appleProfileUuid)).toMatchObject({ is_multi_user: false });
  });

  it('updating a profile with 2,500 assigned devices defines a new Apple profile, and the simulator shows all 2,500 on the new UUID', async () => {
    const profile = await create();
    const serials = await assignDevices(profile, 2500);
    const res = await t.request(UpdateEnrollmentProfileDocument, {
      input: { profileId: profile.id, departmentName: 'District IT', skippedPanes: ['SIRI', 'APPLE_PAY'] },
    });
    expect(res.errors).toBeUndefined();
    const payload = res.data!.updateEnrollmentProfile;
    expect(payload).toMatchObject({
      redefinedAtApple: true,
      devicesMoved: 2500,
      devicesNotMoved: 0,
      enrollmentProfile: { deviceCount: 2500 },
    });
    const newUuid = payload.enrollmentProfile.appleProfileUuid;
    expect(newUuid).not.toBe(profile.appleProfileUuid);
    const atApple = simulator.portal.listDevices({ server: token.serverName, limit: 10_000 });
    const moved = atApple.filter((d) => serials.includes(d.serial_number));
    expect(moved).toHaveLength(2500);
    expect(moved.filter((d) => d.profile_uuid === newUuid)).toHaveLength(2500);
    const [event] = await events('updateEnrollmentProfile');
    expect(event).toMatchObject({ outcome: 'SUCCEEDED' });
    expect(event!.details).toMatchObject({ devicesMoved: 2500, devicesNotMoved: 0, appleProfileUuid: newUuid });
  });

  it('returns Apple’s refusal (FLAGS_INVALID) with its code and leaves the profile unchanged', async () => {
    const profile = await create();
    simulator.faults.add({ kind: 'http', status: 400, endpoint: 'POST /profile', body: 'FLAGS_INVALID' });
    const res = await t.request(UpdateEnrollmentProfileDocument, { input: { profileId: profile.id, name: 'Renamed', supervised: true } });
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'APPLE_REQUEST_REJECTED', appleCode: 'FLAGS_INVALID' });
    const after = await t.request(EnrollmentProfileNodeDocument, { id: profile.id });
    expect(after.data?.node).toEqual(profile);
    const [event] = await events('updateEnrollmentProfile');
    expect(event).toMatchObject({ outcome: 'FAILED', errorCode: 'APPLE_REQUEST_REJECTED' });
  });

  it('sets the token’s default, refuses deleting it or a profile with devices (PROFILE_IN_USE), then deletes a free one; all audited', async () => {
    const a = await create({ name: 'Alpha' });
    const b = await create({ name: 'Bravo' });
    const set = await t.request(SetDefaultEnrollmentProfileDocument, { input: { tokenId, profileId: a.id } });
    expect(set.errors).toBeUndefined();
    expect(set.data!.setDefaultEnrollmentProfile).toEqual({
      enrollmentProgramToken: { id: tokenId, defaultProfile: { id: a.id, name: 'Alpha' } },
      defaultProfile: { id: a.id, name: 'Alpha', isDefault: true },
    });
    await assignDevices(b, 3);

    const list = await t.request(TokenEnrollmentProfilesDocument, { id: tokenId, first: 1 });
    expect(list.data?.node).toMatchObject({
      profileCount: 2,
      defaultProfile: { id: a.id },
      profiles: { totalCount: 2, edges: [{ node: { name: 'Alpha', isDefault: true, deviceCount: 0 } }], pageInfo: { hasNextPage: true } },
    });
    const next = await t.request(TokenEnrollmentProfilesDocument, {
      id: tokenId,
      first: 1,
      after: (list.data?.node as { profiles: { pageInfo: { endCursor: string } } }).profiles.pageInfo.endCursor,
    });
    expect(next.data?.node).toMatchObject({ profiles: { edges: [{ node: { name: 'Bravo', isDefault: false, deviceCount: 3 } }] } });

    const refusedDefault = await t.request(DeleteEnrollmentProfileDocument, { input: { profileId: a.id } });
    expect(refusedDefault.errors?.[0]?.extensions).toMatchObject({ code: 'PROFILE_IN_USE', isDefault: true, devices: 0 });
    const refusedDevices = await t.request(DeleteEnrollmentProfileDocument, { input: { profileId: b.id } });
    expect(refusedDevices.errors?.[0]?.extensions).toMatchObject({ code: 'PROFILE_IN_USE', isDefault: false, devices: 3 });

    const cleared = await t.request(SetDefaultEnrollmentProfileDocument, { input: { tokenId, profileId: null } });
    expect(cleared.data!.setDefaultEnrollmentProfile).toEqual({
      enrollmentProgramToken: { id: tokenId, defaultProfile: null },
      defaultProfile: null,
    });
    const deleted = await t.request(DeleteEnrollmentProfileDocument, { input: { profileId: a.id } });
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data!.deleteEnrollmentProfile).toEqual({
      deletedEnrollmentProfileId: a.id,
      enrollmentProgramToken: { id: tokenId, profileCount: 1 },
    });
    expect((await t.request(EnrollmentProfileNodeDocument, { id: a.id })).data?.node).toBeNull();

    expect((await events('setDefaultEnrollmentProfile')).map((e) => e.outcome)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    expect((await events('deleteEnrollmentProfile')).map((e) => [e.outcome, e.errorCode])).toEqual([
      ['SUCCEEDED', null],
      ['FAILED', 'PROFILE_IN_USE'],
      ['FAILED', 'PROFILE_IN_USE'],
    ]);
  });

  it('answers NOT_FOUND for an ID of the wrong type or an unknown profile, and audits the attempt', async () => {
    const profile = await create();
    const wrongType = await t.request(CreateEnrollmentProfileDocument, { input: classroom({ tokenId: profile.id }) });
    expect(wrongType.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const unknown = await t.request(UpdateEnrollmentProfileDocument, {
      input: { profileId: toGlobalId('EnrollmentProfile', 999_999), name: 'x' },
    });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const deleteTokenProfile = await t.request(DeleteEnrollmentProfileDocument, { input: { profileId: tokenId } });
    expect(deleteTokenProfile.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const attempts = (await t.request(AuditEventsDocument, { first: 100, filter: { action: 'deleteEnrollmentProfile' } })).data!.auditEvents
      .edges;
    expect(attempts.some((e) => e.node.errorCode === 'NOT_FOUND')).toBe(true);
  });
});
