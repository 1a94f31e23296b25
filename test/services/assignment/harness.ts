/**
 * The sync harness (services over a fresh database, the Apple simulator, one ManualClock) with
 * what assignment tests add: waits of the job runner move the clock, helpers for tokens with
 * profiles, and reads of devices at Apple and in Homeroom.
 */
import { expect } from 'vitest';
import type { AssignmentJob } from '../../../src/entities/assignment-job.entity.js';
import { Device } from '../../../src/entities/device.entity.js';
import type { EnrollmentProfile } from '../../../src/entities/enrollment-profile.entity.js';
import type { EnrollmentProgramToken } from '../../../src/entities/enrollment-program-token.entity.js';
import type { AssignmentJobProgressed } from '../../../src/platform/events/event-bus.js';
import { simulatedSchool } from '../../support/tokens.js';
import { startSyncHarness, type SyncHarness } from '../sync/harness.js';

export interface AssignmentHarness extends SyncHarness {
  /** Every ASSIGNMENT_JOB_PROGRESSED event, in order. */
  readonly jobEvents: AssignmentJobProgressed[];
  /** A token of a new MDM server with `devices` serials (synced) and one profile, `name`. */
  school(name: string, devices: number): Promise<{ token: EnrollmentProgramToken; profile: EnrollmentProfile; serials: string[] }>;
  /** The device as Apple shows it now (the portal's listing). */
  atApple(server: string, serial: string): { profile_uuid?: string; profile_status: string };
  /** Homeroom's devices of the token, by serial. */
  devices(tokenId: number): Promise<Map<string, Device>>;
  /** Assign calls Apple answered so far. */
  assignCalls(): number;
  /**
   * A school of `devices` serials whose first Apple moved to another server, and a job that
   * assigned them all: ended PARTIALLY_SUCCEEDED (that one NOT_ACCESSIBLE, the others SUCCESS).
   */
  assignedWithOneMovedAway(name: string, devices: number): Promise<{ job: AssignmentJob; serials: string[] }>;
}

export async function startAssignmentHarness(): Promise<AssignmentHarness> {
  const h = await startSyncHarness();
  h.services.assignments.hooks.sleep = async (ms) => {
    h.waits.push(ms);
    h.clock.advance(ms);
  };
  const jobEvents: AssignmentJobProgressed[] = [];
  const iterator = h.events.subscribe('ASSIGNMENT_JOB_PROGRESSED')[Symbol.asyncIterator]();
  void (async () => {
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      jobEvents.push(next.value);
    }
  })();
  const manager = h.opened.dataSource.manager;
  const closeSync = h.close.bind(h);
  return Object.assign(h, {
    jobEvents,
    async school(name: string, devices: number) {
      const { token, profile } = await simulatedSchool(h.services, h.simulator, h.ctx, { name, devices });
      return { token, profile, serials: h.appleSerials(name) };
    },
    atApple(server: string, serial: string) {
      const found = h.simulator.portal.listDevices({ server, limit: 1_000_000 }).find((d) => d.serial_number === serial);
      if (!found) throw new Error(`${serial} is not on ${server}`);
      return found as { profile_uuid?: string; profile_status: string };
    },
    async devices(tokenId: number) {
      return new Map((await manager.find(Device, { where: { tokenId } })).map((d) => [d.serialNumber, d]));
    },
    assignCalls: () => h.calls('POST /profile/devices'),
    async assignedWithOneMovedAway(name: string, devices: number) {
      const { profile, serials } = await this.school(name, devices);
      await this.school(`${name} elsewhere`, 0);
      h.simulator.portal.moveDevices([serials[0]!], `${name} elsewhere`);
      const { done } = await h.services.assignments.assign(h.ctx, profile.id, { serialNumbers: serials });
      const job = (await done)!;
      expect(job).toMatchObject({ status: 'PARTIALLY_SUCCEEDED', succeededCount: devices - 1, notAccessibleCount: 1 });
      return { job, serials };
    },
    close: async () => {
      await h.services.assignments.stop();
      await iterator.return?.();
      await closeSync();
    },
  });
}
