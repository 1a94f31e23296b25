import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceEnrollment, type EnrollmentStateName } from '../../../src/entities/device-enrollment.entity.js';
import type { EnrollmentProfile } from '../../../src/entities/enrollment-profile.entity.js';
import type { EnrollmentProgramToken } from '../../../src/entities/enrollment-program-token.entity.js';
import { cartProfile, HOUR, startSyncHarness, type SyncHarness } from './harness.js';

/**
 * Issue 14, defect 1 at the service level: a device enrolled with Homeroom and then moved in
 * Apple School Manager to another token's MDM server. Apple logs it `deleted` on the old server and
 * `added` (profile `empty`) on the new one, whose token then gives it its own profile. The
 * enrollment rows stand in for the MDM check-ins (the end-to-end test enrolls real virtual iPads).
 */
describe('SyncService: devices moved to another token’s MDM server', () => {
  let h: SyncHarness;

  beforeAll(async () => {
    h = await startSyncHarness({ seed: 21 });
  });
  afterAll(async () => h?.close());

  /** A token whose default profile Apple assigned to `devices` new serials in its first sync. */
  async function school(
    name: string,
    devices: number,
  ): Promise<{ token: EnrollmentProgramToken; profile: EnrollmentProfile; serials: string[] }> {
    const { token } = await h.newToken(name, 0);
    const profile = await h.services.profiles.create(h.ctx, token.id, cartProfile(`${name} carts`));
    await h.services.profiles.setDefault(h.ctx, token.id, profile.id);
    if (devices === 0) return { token, profile, serials: [] };
    const { serials } = h.simulator.portal.addOrder({ count: devices });
    h.simulator.portal.assignDevices(name, { serials });
    h.clock.advance(HOUR);
    await h.sync(token.id);
    return { token, profile, serials };
  }

  /** What the MDM check-ins would have written: the device runs `profileId`'s configuration. */
  async function enrolled(serial: string, state: EnrollmentStateName, profileId: number): Promise<void> {
    const device = await h.device(serial);
    const now = h.clock.now();
    await h.opened.dataSource.manager.insert(DeviceEnrollment, {
      deviceId: device.id,
      tokenId: device.tokenId,
      profileId,
      state,
      startedAt: now,
      enrolledAt: state === 'ENROLLED' ? now : null,
      updatedAt: now,
    });
    await h.opened.dataSource.manager.update('device', { id: device.id }, { profileStatus: 'pushed', profilePushTime: now });
  }

  it('marks enrolled devices requiresWipe when the new token’s default profile reaches them, and the old token lists them moved away', async () => {
    const north = await school('North moved school', 5);
    const south = await school('South moved school', 0);
    const [configured, awaiting, failed, notContacted, stays] = north.serials as [string, string, string, string, string];
    await enrolled(configured, 'ENROLLED', north.profile.id);
    await enrolled(awaiting, 'AWAITING_CONFIGURATION', north.profile.id);
    await enrolled(failed, 'FAILED', north.profile.id);
    h.clock.advance(HOUR);
    const movedAt = h.clock.now();
    h.simulator.portal.moveDevices([configured, awaiting, failed, notContacted], 'South moved school');
    h.clock.advance(HOUR);

    expect(await h.sync(south.token.id)).toMatchObject({ status: 'SUCCEEDED', devicesAdded: 4, defaultProfileAssigned: 4 });
    expect(await h.sync(north.token.id)).toMatchObject({ status: 'SUCCEEDED', devicesAdded: 0 });

    for (const serial of [configured, awaiting]) {
      expect(await h.device(serial)).toMatchObject({
        tokenId: south.token.id,
        profileId: south.profile.id,
        profileStatus: 'assigned',
        requiresWipe: true,
        movedAwayFromTokenId: north.token.id,
        movedAwayAt: movedAt,
      });
    }
    // A device that does not run the old profile's configuration picks the new one up at its next activation.
    for (const serial of [failed, notContacted])
      expect(await h.device(serial)).toMatchObject({ requiresWipe: false, movedAwayFromTokenId: north.token.id });
    expect(await h.services.devices.count(south.token.id, { requiresWipe: true })).toBe(2);

    const devices = h.services.devices;
    expect(await devices.count(north.token.id)).toBe(1);
    expect((await h.device(stays)).movedAwayFromTokenId).toBeNull();
    const away = await devices.list(north.token.id, { movedAway: true }, { first: 10 });
    expect(away.edges.map((e) => e.node.serialNumber).sort()).toEqual([configured, awaiting, failed, notContacted].sort());
    expect(await devices.count(north.token.id, { movedAway: true, requiresWipe: true })).toBe(2);
    expect(await h.services.devices.count(north.token.id, { movedAway: true })).toBe(4);
    expect(await h.services.devices.count(south.token.id, { movedAway: true })).toBe(0);
    expect(await devices.count(south.token.id, { movedAway: true })).toBe(0);
  });

  it('records the move whichever token syncs first (the old token marked it removed before the new one listed it)', async () => {
    const east = await school('East moved school', 2);
    const west = await school('West moved school', 0);
    const [serial] = east.serials as [string];
    await enrolled(serial, 'ENROLLED', east.profile.id);
    h.simulator.portal.moveDevices([serial], 'West moved school');
    h.clock.advance(HOUR);

    expect(await h.sync(east.token.id)).toMatchObject({ devicesRemoved: 1 });
    expect(await h.services.devices.count(east.token.id, { removed: true })).toBe(1);
    expect(await h.sync(west.token.id)).toMatchObject({ devicesAdded: 1 });

    expect(await h.device(serial)).toMatchObject({
      tokenId: west.token.id,
      removedAt: null,
      requiresWipe: true,
      movedAwayFromTokenId: east.token.id,
    });
    expect(await h.services.devices.count(east.token.id, { removed: true })).toBe(0);
    expect(await h.services.devices.count(east.token.id, { movedAway: true })).toBe(1);
  });

  it('marks an enrolled device requiresWipe when the new token assigns it a profile later (no default profile)', async () => {
    const from = await school('Old server school', 1);
    const { token: to } = await h.newToken('New server school', 0);
    const [serial] = from.serials as [string];
    await enrolled(serial, 'ENROLLED', from.profile.id);
    h.simulator.portal.moveDevices([serial], 'New server school');
    h.clock.advance(HOUR);
    await h.sync(to.id);
    // Apple holds no profile for it yet: nothing to wipe for.
    expect(await h.device(serial)).toMatchObject({ tokenId: to.id, profileStatus: 'empty', requiresWipe: false });

    const profile = await h.services.profiles.create(h.ctx, to.id, cartProfile('New server carts'));
    const preview = await h.services.assignments.previewAssign(h.ctx, profile.id, { serialNumbers: [serial] });
    expect(preview).toMatchObject({ willChangeCount: 1, requiresWipeCount: 1 });
    const { done } = await h.services.assignments.assign(h.ctx, profile.id, { serialNumbers: [serial] });
    expect(await done).toMatchObject({ status: 'SUCCEEDED', succeededCount: 1, requiresWipeCount: 1 });
    expect(await h.device(serial)).toMatchObject({ profileId: profile.id, profileStatus: 'assigned', requiresWipe: true });
  });

  it('does not ask a device enrolled with the very profile Apple holds for a wipe', async () => {
    const { profile, serials } = await school('Same profile school', 1);
    const [serial] = serials as [string];
    await enrolled(serial, 'ENROLLED', profile.id);
    // The full listing shows Apple's `assigned` for it (the simulator never saw it activate): still the profile it runs.
    h.clock.advance(8 * 24 * HOUR);
    expect(await h.sync(profile.tokenId)).toMatchObject({ kind: 'FULL', status: 'SUCCEEDED' });
    expect(await h.device(serial)).toMatchObject({ profileId: profile.id, requiresWipe: false });
  });
});
