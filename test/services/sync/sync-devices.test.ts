import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../src/errors.js';
import { Services } from '../../../src/services/services.js';
import { homeroomErrorOf } from '../../support/assertions.js';
import { cartProfile, gate, HOUR, MINUTE, startSyncHarness, type SyncHarness } from './harness.js';

describe('SyncService: devices, default profile, events and the lease', () => {
  let h: SyncHarness;

  beforeAll(async () => {
    h = await startSyncHarness({ seed: 13 });
  });
  afterAll(async () => h?.close());
  afterEach(async () => {
    h.services.sync.hooks.afterPageCommitted = undefined;
    h.simulator.faults.clear();
    await h.services.sync.idle();
  });

  it('assigns the token’s default profile to new serials at Apple, in batches of 1000, and the devices show it', async () => {
    const { token } = await h.newToken('Default school', 20);
    const profile = await h.services.profiles.create(h.ctx, token.id, cartProfile('Year 6 carts'));
    await h.services.profiles.setDefault(h.ctx, token.id, profile.id);
    const { serials } = h.simulator.portal.addOrder({ count: 1_500 });
    h.simulator.portal.assignDevices('Default school', { serials });
    const assignsBefore = h.calls('POST /profile/devices');
    h.clock.advance(HOUR);

    const run = await h.sync(token.id);
    expect(run).toMatchObject({ kind: 'LIMITED', status: 'SUCCEEDED', devicesAdded: 1_500, defaultProfileAssigned: 1_500 });
    expect(h.calls('POST /profile/devices') - assignsBefore).toBe(2);
    const atApple = h.simulator.portal.listDevices({ server: 'Default school', limit: 10_000 });
    const fresh = new Set(serials);
    expect(atApple.filter((d) => fresh.has(d.serial_number)).every((d) => d.profile_uuid === profile.appleProfileUuid)).toBe(true);
    expect(atApple.filter((d) => !fresh.has(d.serial_number)).every((d) => d.profile_uuid === undefined)).toBe(true);
    expect(await h.device(serials[1_499]!)).toMatchObject({
      profileId: profile.id,
      appleProfileUuid: profile.appleProfileUuid,
      profileStatus: 'assigned',
      profileAssignTime: h.clock.now(),
    });
    expect(await h.services.devices.count(token.id, { profile: { kind: 'PROFILE', profileId: profile.id } })).toBe(1_500);
    expect(await h.services.devices.count(token.id, { profile: { kind: 'UNASSIGNED' } })).toBe(20);
    const phases = h.progress.filter((e) => e.runId === run.id).map((e) => e.phase);
    expect(phases).toContain('ASSIGNING_DEFAULT_PROFILE');
  });

  it('retries serials Apple throttles after the delay it asks for', async () => {
    const { token } = await h.newToken('Throttle school', 0);
    const profile = await h.services.profiles.create(h.ctx, token.id, cartProfile('Library iPads'));
    await h.services.profiles.setDefault(h.ctx, token.id, profile.id);
    const { serials } = h.simulator.portal.addOrder({ count: 8 });
    h.simulator.portal.assignDevices('Throttle school', { serials });
    h.simulator.faults.add({ kind: 'throttle', count: 3, retryAfterSeconds: 30 });
    h.waits.length = 0;
    h.clock.advance(HOUR);
    const run = await h.sync(token.id);
    expect(run).toMatchObject({ status: 'SUCCEEDED', devicesAdded: 8, defaultProfileAssigned: 8 });
    expect(h.waits).toEqual([30_000]);
    for (const serial of serials) expect((await h.device(serial)).profileId).toBe(profile.id);
  });

  it('moves a device to the token whose MDM server Apple moved it to, and the old token does not mark it removed', async () => {
    const { token: north } = await h.newToken('North school', 6);
    const { token: south } = await h.newToken('South school', 2);
    const moved = h.appleSerials('North school').slice(0, 3);
    h.simulator.portal.moveDevices(moved, 'South school');
    h.clock.advance(HOUR);

    expect(await h.sync(south.id)).toMatchObject({ devicesAdded: 3, devicesRemoved: 0 });
    for (const serial of moved) expect(await h.device(serial)).toMatchObject({ tokenId: south.id, removedAt: null });
    expect(await h.sync(north.id)).toMatchObject({ devicesAdded: 0, devicesRemoved: 0 });
    expect(await h.listedSerials(north.id)).toEqual(h.appleSerials('North school'));
    expect(await h.listedSerials(south.id)).toEqual(h.appleSerials('South school'));
  });

  it('keeps only the latest change of a serial that appears more than once', async () => {
    const { token } = await h.newToken('Churn school', 4);
    const [back, away] = h.simulator.portal.addOrder({ count: 2 }).serials;
    const [known] = h.appleSerials('Churn school');
    // back: added, deleted, added; away: added, deleted; known: deleted, added.
    h.simulator.portal.assignDevices('Churn school', { serials: [back!, away!] });
    h.simulator.portal.unassignDevices([back!, away!, known!]);
    h.simulator.portal.assignDevices('Churn school', { serials: [back!, known!] });
    h.clock.advance(HOUR);
    const run = await h.sync(token.id);
    expect(run).toMatchObject({ devicesAdded: 1, devicesRemoved: 0 });
    expect(await h.listedSerials(token.id)).toEqual(h.appleSerials('Churn school'));
    expect(await h.listedSerials(token.id)).toContain(back);
    expect(await h.listedSerials(token.id)).not.toContain(away);
  });

  it('filters and pages the token’s devices', async () => {
    const { token } = await h.newToken('Filter school', 30);
    const profile = await h.services.profiles.create(h.ctx, token.id, cartProfile('Filters'));
    await h.services.profiles.setDefault(h.ctx, token.id, profile.id);
    const { serials: withProfile } = h.simulator.portal.addOrder({ count: 5, model: 'iPad Pro 11-inch (M4)' });
    h.simulator.portal.assignDevices('Filter school', { serials: withProfile });
    const removed = h.appleSerials('Filter school').filter((s) => !withProfile.includes(s))[0]!;
    h.simulator.portal.unassignDevices([removed]);
    h.clock.advance(HOUR);
    await h.sync(token.id);

    const devices = h.services.devices;
    expect(await devices.count(token.id)).toBe(34);
    expect(await devices.count(token.id, { removed: true })).toBe(1);
    expect(await devices.count(token.id, { profile: { kind: 'ANY' } })).toBe(5);
    expect(await devices.count(token.id, { profile: { kind: 'UNASSIGNED' } })).toBe(29);
    expect(await devices.count(token.id, { model: (await h.device(withProfile[0]!)).model! })).toBeGreaterThanOrEqual(5);
    const part = withProfile[2]!.slice(3, 9).toLowerCase();
    const matching = await devices.list(token.id, { serialContains: part }, { first: 10 });
    expect(matching.edges.map((e) => e.node.serialNumber)).toContain(withProfile[2]);
    expect(await devices.count(token.id, { serialContains: '%' })).toBe(0);
    expect((await devices.list(token.id, { removed: true }, {})).edges.map((e) => e.node.serialNumber)).toEqual([removed]);

    const first = await devices.list(token.id, {}, { first: 20 });
    const rest = await devices.list(token.id, {}, { first: 20, after: first.pageInfo.endCursor });
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(rest.edges).toHaveLength(14);
    const ids = [...first.edges, ...rest.edges].map((e) => e.node.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(await devices.findById(ids[0]!)).toMatchObject({ tokenId: token.id });
  });

  it('publishes progress after every committed page, in order, ending with the final status', async () => {
    const { token } = await h.newToken('Events school', 0);
    h.simulator.portal.assignDevices('Events school', { serials: h.simulator.portal.addOrder({ count: 2_400 }).serials });
    const { run, done } = await h.services.sync.requestSync(h.ctx, token.id);
    expect(run.kind).toBe('LIMITED');
    await done;
    const events = h.progress.filter((e) => e.runId === run.id);
    expect(events.map((e) => [e.status, e.phase, e.pages, e.devicesAdded])).toEqual([
      ['RUNNING', 'SYNCING', 0, 0],
      ['RUNNING', 'SYNCING', 1, 1_000],
      ['RUNNING', 'SYNCING', 2, 2_000],
      ['RUNNING', 'SYNCING', 3, 2_400],
      ['SUCCEEDED', 'DONE', 3, 2_400],
    ]);
    expect(events.every((e) => e.tokenId === token.id && e.kind === 'LIMITED' && e.estimatedTotal === null)).toBe(true);
    expect(events.map((e) => e.percent)).toEqual([null, null, null, null, 100]);
  });

  it('reports a full sync’s percent against the previous listing’s size', async () => {
    const { token } = await h.newToken('Percent school', 2_000);
    h.clock.advance(8 * 24 * HOUR);
    const { run, done } = await h.services.sync.requestSync(h.ctx, token.id);
    await done;
    const events = h.progress.filter((e) => e.runId === run.id);
    expect(events.map((e) => [e.phase, e.percent])).toEqual([
      ['FETCHING', 0],
      ['FETCHING', 50],
      ['FETCHING', 99],
      ['MARKING_REMOVED', 99],
      ['SYNCING', 99],
      ['SYNCING', 99],
      ['DONE', 100],
    ]);
  });

  it('takes the lease in the database: two Homeroom instances asking at once start one run', async () => {
    const { token } = await h.newToken('Twin school', 1_500);
    const other = new Services(h.services.deps);
    other.sync.hooks.sleep = h.services.sync.hooks.sleep!;
    const held = gate();
    h.services.sync.hooks.afterPageCommitted = () => held.promise;
    other.sync.hooks.afterPageCommitted = () => held.promise;
    h.clock.advance(MINUTE);
    const outcomes = await Promise.allSettled([h.services.sync.requestSync(h.ctx, token.id), other.sync.requestSync(h.ctx, token.id)]);
    const started = outcomes.filter((o) => o.status === 'fulfilled');
    expect(started).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === 'rejected');
    expect((refused as PromiseRejectedResult).reason).toMatchObject({ code: ErrorCode.SYNC_IN_PROGRESS });
    expect((await homeroomErrorOf(other.sync.requestSync(h.ctx, token.id))).code).toBe(ErrorCode.SYNC_IN_PROGRESS);
    held.open();
    await Promise.all([h.services.sync.idle(), other.sync.idle()]);
    expect((await h.services.sync.listRuns(token.id, { first: 10 })).edges).toHaveLength(2);
  });

  it('answers NOT_FOUND for an unknown token', async () => {
    expect((await homeroomErrorOf(h.services.sync.requestSync(h.ctx, 987_654))).code).toBe(ErrorCode.NOT_FOUND);
    expect((await homeroomErrorOf(h.services.sync.status(987_654))).code).toBe(ErrorCode.NOT_FOUND);
  });
});
