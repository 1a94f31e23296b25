import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssignmentJob } from '../../../src/entities/assignment-job.entity.js';
import { AssignmentOutcome } from '../../../src/entities/assignment-outcome.entity.js';
import { AuditEvent } from '../../../src/entities/audit-event.entity.js';
import { Device } from '../../../src/entities/device.entity.js';
import { ErrorCode } from '../../../src/errors.js';
import { homeroomErrorOf } from '../../support/assertions.js';
import { cartProfile, DAY } from '../sync/harness.js';
import { startAssignmentHarness, type AssignmentHarness } from './harness.js';

/**
 * Profile assignment against the Apple simulator (issue 6's acceptance, service level): batching,
 * the skip and re-assign rules, wipes, unassignment, validation and the audit.
 */
describe('AssignmentService', () => {
  let h: AssignmentHarness;
  beforeAll(async () => {
    h = await startAssignmentHarness();
  });
  afterAll(() => h.close());

  it('assigns 2,500 devices selected by filter in 3 Apple calls, and Apple and Homeroom both show the profile', async () => {
    const { token, profile, serials } = await h.school('Filter school', 2500);
    const before = h.assignCalls();
    const { job, done } = await h.services.assignments.assign(h.ctx, profile.id, { filter: { profile: { kind: 'UNASSIGNED' } } });
    expect(job).toMatchObject({ status: 'QUEUED', deviceCount: 2500, unchangedCount: 0, cannotChangeCount: 0 });
    const ended = await done;
    expect(ended).toMatchObject({ status: 'SUCCEEDED', succeededCount: 2500, appleCalls: 3, requiresWipeCount: 0 });
    expect(h.assignCalls() - before).toBe(3);
    for (const serial of serials)
      expect(h.atApple('Filter school', serial)).toMatchObject({ profile_uuid: profile.appleProfileUuid, profile_status: 'assigned' });
    const devices = [...(await h.devices(token.id)).values()];
    expect(
      devices.every((d) => d.profileId === profile.id && d.profileStatus === 'assigned' && d.appleProfileUuid === profile.appleProfileUuid),
    ).toBe(true);
    const outcomes = await h.services.assignments.listOutcomes(job.id, { results: ['SUCCESS'] }, { first: 1 });
    expect(await outcomes.totalCount()).toBe(2500);
  });

  it('makes no Apple call for a selection of 0 devices, and the job ends SUCCEEDED at once with 0', async () => {
    const { profile } = await h.school('Empty school', 0);
    const before = h.assignCalls();
    const { job, done } = await h.services.assignments.assign(h.ctx, profile.id, { filter: { model: 'Apple II' } });
    expect(job).toMatchObject({ status: 'SUCCEEDED', deviceCount: 0 });
    expect(job.finishedAt).not.toBeNull();
    expect(await done).toMatchObject({ status: 'SUCCEEDED', appleCalls: 0 });
    expect(h.assignCalls()).toBe(before);
  });

  it('skips devices that already have the profile (assigned or pushed) and re-assigns one whose Apple status is removed', async () => {
    const { token, profile, serials } = await h.school('Rules school', 3);
    const [kept, pushed, movedBack] = serials as [string, string, string];
    await (
      await h.services.assignments.assign(h.ctx, profile.id, { serialNumbers: serials })
    ).done;
    // One iPad is turned on (it fetches its profile: pushed); one leaves the server and is assigned back (Apple drops its profile).
    expect(h.simulator.activation.lookup(pushed).managed).toBe(true);
    h.simulator.portal.unassignDevices([movedBack]);
    h.simulator.portal.assignDevices('Rules school', { serials: [movedBack] });
    expect(h.atApple('Rules school', movedBack)).toMatchObject({ profile_uuid: profile.appleProfileUuid, profile_status: 'removed' });
    h.clock.advance(8 * DAY);
    expect((await h.sync(token.id)).kind).toBe('FULL');
    const synced = await h.devices(token.id);
    expect(synced.get(pushed)).toMatchObject({ profileStatus: 'pushed', profileId: profile.id });
    expect(synced.get(movedBack)).toMatchObject({ profileStatus: 'removed', appleProfileUuid: profile.appleProfileUuid });

    const preview = await h.services.assignments.previewAssign(h.ctx, profile.id, { serialNumbers: serials });
    expect(preview).toMatchObject({ willChangeCount: 1, unchangedCount: 2, requiresWipeCount: 0 });
    expect(preview.willChange.map((d) => d.serialNumber)).toEqual([movedBack]);

    const before = h.assignCalls();
    const { job, done } = await h.services.assignments.assign(h.ctx, profile.id, { serialNumbers: serials });
    expect(await done).toMatchObject({ status: 'SUCCEEDED', unchangedCount: 2, succeededCount: 1, appleCalls: 1 });
    expect(h.assignCalls() - before).toBe(1);
    expect(h.atApple('Rules school', movedBack)).toMatchObject({ profile_status: 'assigned' });
    expect(h.atApple('Rules school', pushed)).toMatchObject({ profile_status: 'pushed' });
    const results = (await h.services.assignments.listOutcomes(job.id, {}, { first: 10 })).edges.map(
      (e) => [e.node.serialNumber, e.node.result] as const,
    );
    expect(new Map(results)).toEqual(
      new Map([
        [kept, 'UNCHANGED'],
        [pushed, 'UNCHANGED'],
        [movedBack, 'SUCCESS'],
      ]),
    );
  });

  it('marks a device already activated with another profile requiresWipe when Apple accepts the new one', async () => {
    const { token, profile, serials } = await h.school('Wipe school', 2);
    const [activated, fresh] = serials as [string, string];
    await (
      await h.services.assignments.assign(h.ctx, profile.id, { serialNumbers: serials })
    ).done;
    h.simulator.activation.lookup(activated);
    h.clock.advance(8 * DAY);
    await h.sync(token.id);
    const exams = await h.services.profiles.create(h.ctx, token.id, cartProfile('Exams'));

    const preview = await h.services.assignments.previewAssign(h.ctx, exams.id, { serialNumbers: serials });
    expect(preview).toMatchObject({ willChangeCount: 2, requiresWipeCount: 1 });
    const { job, done } = await h.services.assignments.assign(h.ctx, exams.id, { serialNumbers: serials });
    expect(await done).toMatchObject({ status: 'SUCCEEDED', succeededCount: 2, requiresWipeCount: 1 });
    const devices = await h.devices(token.id);
    expect(devices.get(activated)).toMatchObject({ profileId: exams.id, profileStatus: 'assigned', requiresWipe: true });
    expect(devices.get(fresh)).toMatchObject({ profileId: exams.id, requiresWipe: false });
    const outcomes = await h.opened.dataSource.manager.find(AssignmentOutcome, { where: { jobId: job.id }, order: { id: 'ASC' } });
    expect(new Map(outcomes.map((o) => [o.serialNumber, o.requiresWipe]))).toEqual(
      new Map([
        [activated, true],
        [fresh, false],
      ]),
    );
    expect(await h.services.devices.count(token.id, { requiresWipe: true })).toBe(1);

    // Wiped and turned on again, it fetches the new profile; the next full sync sees it no longer waits for a wipe.
    h.simulator.activation.lookup(activated);
    h.clock.advance(8 * DAY);
    expect((await h.sync(token.id)).kind).toBe('FULL');
    expect(await h.device(activated)).toMatchObject({ profileStatus: 'pushed', requiresWipe: false });
  });

  it('reports removed devices, devices of another token and unknown serials as not changeable, and ends PARTIALLY_SUCCEEDED', async () => {
    const { token, profile, serials } = await h.school('Mixed school', 3);
    const other = await h.school('Mixed neighbours', 1);
    const [stays, leaves] = serials as [string, string, string];
    h.simulator.portal.unassignDevices([leaves]);
    await h.sync(token.id);
    const selection = { serialNumbers: [stays, leaves.toLowerCase(), ` ${other.serials[0]!} `, 'NOSUCHSERIAL1', stays] };

    const preview = await h.services.assignments.previewAssign(h.ctx, profile.id, selection);
    expect(preview).toMatchObject({
      willChangeCount: 1,
      removedCount: 1,
      otherTokenCount: 1,
      unknownSerialCount: 1,
      unknownSerialNumbers: ['NOSUCHSERIAL1'],
    });
    expect(preview.cannotChange.map((d) => d.serialNumber).sort()).toEqual([leaves, other.serials[0]].sort());

    const { job, done } = await h.services.assignments.assign(h.ctx, profile.id, selection);
    expect(job).toMatchObject({ deviceCount: 4, cannotChangeCount: 3 });
    expect(await done).toMatchObject({ status: 'PARTIALLY_SUCCEEDED', succeededCount: 1, cannotChangeCount: 3 });
    const page = await h.services.assignments.listOutcomes(
      job.id,
      { results: ['REMOVED', 'OTHER_TOKEN', 'UNKNOWN_SERIAL'] },
      { first: 10 },
    );
    expect(page.edges.map((e) => [e.node.serialNumber, e.node.result]).sort()).toEqual(
      [
        [leaves, 'REMOVED'],
        [other.serials[0], 'OTHER_TOKEN'],
        ['NOSUCHSERIAL1', 'UNKNOWN_SERIAL'],
      ].sort(),
    );
    expect((await h.devices(other.token.id)).get(other.serials[0]!)!.profileId).toBeNull();
  });

  it('unassigns: removes the profile at Apple (DELETE /profile/devices) and in Homeroom, and leaves devices without one unchanged', async () => {
    const { token, profile, serials } = await h.school('Unassign school', 3);
    await (
      await h.services.assignments.assign(h.ctx, profile.id, { serialNumbers: serials.slice(0, 2) })
    ).done;
    const before = h.calls('DELETE /profile/devices');
    const preview = await h.services.assignments.previewUnassign(h.ctx, token.id, { filter: {} });
    expect(preview).toMatchObject({ kind: 'UNASSIGN', willChangeCount: 2, unchangedCount: 1 });
    const { done } = await h.services.assignments.unassign(h.ctx, token.id, { filter: {} });
    expect(await done).toMatchObject({ kind: 'UNASSIGN', status: 'SUCCEEDED', succeededCount: 2, unchangedCount: 1, profileId: null });
    expect(h.calls('DELETE /profile/devices') - before).toBe(1);
    for (const serial of serials.slice(0, 2)) expect(h.atApple('Unassign school', serial).profile_status).toBe('removed');
    const devices = await h.devices(token.id);
    expect([...devices.values()].every((d) => d.profileId === null)).toBe(true);
    expect(devices.get(serials[0]!)).toMatchObject({ profileStatus: 'removed' });
  });

  it('previews without calling Apple or writing anything', async () => {
    const { token, profile } = await h.school('Preview school', 60);
    const manager = h.opened.dataSource.manager;
    const counts = async () => [
      await manager.count(AssignmentJob),
      await manager.count(AssignmentOutcome),
      await manager.count(AuditEvent),
    ];
    const before = [...(await counts()), h.assignCalls()];
    const devicesBefore = await h.devices(token.id);
    const preview = await h.services.assignments.previewAssign(h.ctx, profile.id, { filter: { profile: { kind: 'UNASSIGNED' } } });
    expect(preview).toMatchObject({ willChangeCount: 60, unchangedCount: 0, removedCount: 0 });
    expect(preview.willChange).toHaveLength(50);
    expect([...(await counts()), h.assignCalls()]).toEqual(before);
    expect(await h.devices(token.id)).toEqual(devicesBefore);
  });

  it('refuses an unknown profile (NOT_FOUND), an unknown device id (NOT_FOUND) and bad selections (BAD_USER_INPUT), writing nothing', async () => {
    const { profile } = await h.school('Refusing school', 1);
    const jobs = await h.opened.dataSource.manager.count(AssignmentJob);
    const refusals: Array<[() => Promise<unknown>, string, string | undefined]> = [
      [() => h.services.assignments.assign(h.ctx, 999_999, { filter: {} }), ErrorCode.NOT_FOUND, undefined],
      [() => h.services.assignments.assign(h.ctx, profile.id, { ids: [999_999] }), ErrorCode.NOT_FOUND, undefined],
      [() => h.services.assignments.unassign(h.ctx, 999_999, { filter: {} }), ErrorCode.NOT_FOUND, undefined],
      [() => h.services.assignments.assign(h.ctx, profile.id, {} as never), ErrorCode.BAD_USER_INPUT, 'devices'],
      [() => h.services.assignments.assign(h.ctx, profile.id, { ids: [1], filter: {} } as never), ErrorCode.BAD_USER_INPUT, 'devices'],
      [
        () => h.services.assignments.assign(h.ctx, profile.id, { serialNumbers: ['OK1', '  '] }),
        ErrorCode.BAD_USER_INPUT,
        'devices.serialNumbers[1]',
      ],
      [
        () => h.services.assignments.previewAssign(h.ctx, profile.id, { serialNumbers: Array.from({ length: 50_001 }, (_, i) => `S${i}`) }),
        ErrorCode.BAD_USER_INPUT,
        'devices.serialNumbers',
      ],
    ];
    for (const [attempt, code, field] of refusals) {
      const error = await homeroomErrorOf(attempt());
      expect(error.code).toBe(code);
      if (field) expect(error.details).toMatchObject({ field });
    }
    expect(await h.opened.dataSource.manager.count(AssignmentJob)).toBe(jobs);
  });

  it('keeps the outcomes of a job, serial and device id, when their device is deleted afterwards (no key to the device)', async () => {
    const { token, profile, serials } = await h.school('Deleted device school', 2);
    const { job, done } = await h.services.assignments.assign(h.ctx, profile.id, { serialNumbers: serials });
    expect(await done).toMatchObject({ status: 'SUCCEEDED', succeededCount: 2 });
    const gone = (await h.devices(token.id)).get(serials[0]!)!;
    // As deleting the token deletes its devices: the outcome row is neither touched nor in the way.
    await h.opened.dataSource.manager.delete(Device, { id: gone.id });
    const page = await h.services.assignments.listOutcomes(job.id, { results: ['SUCCESS'] }, { first: 10 });
    expect(page.edges.map(({ node }) => [node.serialNumber, node.deviceId])).toContainEqual([serials[0], gone.id]);
    expect(await page.totalCount()).toBe(2);
    expect(await h.services.devices.findById(gone.id)).toBeNull();
  });

  it('audits the request with its counts, and refuses to delete a profile a job is still assigning (PROFILE_IN_USE)', async () => {
    const { profile, serials } = await h.school('Audit school', 2);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    h.services.assignments.hooks.beforeBatch = () => held;
    try {
      const { job, done } = await h.services.assignments.assign(h.ctx, profile.id, { serialNumbers: [...serials, 'NOSUCHSERIAL2'] });
      const refused = await homeroomErrorOf(h.services.profiles.delete(h.ctx, profile.id));
      expect(refused.code).toBe(ErrorCode.PROFILE_IN_USE);
      release();
      await done;
      const event = await h.opened.dataSource.manager.findOneOrFail(AuditEvent, {
        where: { action: 'assignProfile' },
        order: { id: 'DESC' },
      });
      expect(event.details).toMatchObject({ jobId: job.id, selection: 'serialNumbers', deviceCount: 3, willChange: 2, unknownSerial: 1 });
    } finally {
      h.services.assignments.hooks.beforeBatch = undefined;
    }
  });
});
