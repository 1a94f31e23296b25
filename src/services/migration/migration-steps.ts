/**
 * What the MDM endpoints do for a device migrating without erase, inside their transactions:
 *
 * - its migration follows its enrollment (STARTED when it begins enrolling, SUCCESS once ENROLLED,
 *   FAILED with the enrollment's reason), see `migrationStatusAfter`;
 * - while it waits in Setup Assistant, Homeroom takes over the managed apps it kept
 *   (`InstallApplication` with `ChangeManagementState: Managed`, one per app) and holds
 *   DeviceConfigured until the device has answered each of them; the apps it acknowledged are
 *   listed in the migration (`reinstalledApps`). App licences are not Homeroom's concern here.
 *
 * A device with no open migration is left alone, so the classic flow is unchanged.
 */
import type { EntityManager } from 'typeorm';
import type { EnrollmentStateName } from '../../entities/device-enrollment.entity.js';
import { DeviceMigration, OPEN_MIGRATION_STATUSES } from '../../entities/device-migration.entity.js';
import { Device } from '../../entities/device.entity.js';
import type { MigrationProgressed } from '../../platform/events/event-bus.js';
import { enqueueCommand, hasWaitingCommand } from '../enrollment/command-queue.js';
import { migrationStatusAfter } from './migration-rules.js';

/** The command that takes over an app the device kept. */
export const REINSTALL_REQUEST_TYPE = 'InstallApplication';

/** The event a saved migration row announces. */
export function progressedOf(row: DeviceMigration, at: Date): MigrationProgressed {
  return { tokenId: row.tokenId, migrationId: row.id, serialNumber: row.serialNumber, status: row.status, at: at.toISOString() };
}

async function openMigrationOfDevice(tx: EntityManager, deviceId: number): Promise<DeviceMigration | null> {
  const device = await tx.findOne(Device, { where: { id: deviceId }, select: { id: true, serialNumber: true } });
  if (!device) return null;
  const row = await tx.findOneBy(DeviceMigration, { serialNumber: device.serialNumber });
  return row && OPEN_MIGRATION_STATUSES.includes(row.status) ? row : null;
}

/** Moves the device's open migration along with its enrollment `state`; the event to publish after commit, or null. */
export async function followEnrollment(
  tx: EntityManager,
  serialNumber: string,
  state: EnrollmentStateName,
  failureReason: string | null,
  now: Date,
): Promise<MigrationProgressed | null> {
  const row = await tx.findOneBy(DeviceMigration, { serialNumber });
  if (!row) return null;
  const next = migrationStatusAfter(row.status, state);
  if (next === null) return null;
  const changes: Partial<DeviceMigration> = { status: next, updatedAt: now };
  if (next === 'STARTED') changes.startedAt = now;
  if (next === 'SUCCESS' || next === 'FAILED') {
    changes.finishedAt = now;
    changes.startedAt = row.startedAt ?? now;
  }
  if (next === 'FAILED') changes.failureReason = (failureReason ?? 'The enrollment failed.').slice(0, 500);
  await tx.update(DeviceMigration, { id: row.id }, changes);
  return progressedOf(Object.assign(row, changes), now);
}

/**
 * Queues the takeover of the apps the migrating device kept and has not reinstalled yet; true when
 * DeviceConfigured must wait for them (false: nothing to wait for, send it now).
 */
export async function queueKeptApps(tx: EntityManager, deviceId: number, now: Date): Promise<boolean> {
  const row = await openMigrationOfDevice(tx, deviceId);
  if (!row) return false;
  const missing = row.keptApps.filter((app) => !row.reinstalledApps.includes(app));
  if (missing.length === 0) return false;
  if (!(await hasWaitingCommand(tx, deviceId, REINSTALL_REQUEST_TYPE))) {
    for (const app of missing)
      await enqueueCommand(tx, deviceId, { RequestType: REINSTALL_REQUEST_TYPE, Identifier: app, ChangeManagementState: 'Managed' }, now);
  }
  return true;
}

/**
 * The device answered one takeover: an acknowledged app joins `reinstalledApps`. True when no
 * takeover waits any more, so DeviceConfigured may go (an app the device refused is not retried:
 * holding the device in Setup Assistant forever would be worse).
 */
export async function keptAppAnswered(
  tx: EntityManager,
  deviceId: number,
  command: Readonly<Record<string, unknown>>,
  acknowledged: boolean,
  now: Date,
): Promise<boolean> {
  const row = await openMigrationOfDevice(tx, deviceId);
  const app = typeof command.Identifier === 'string' ? command.Identifier : null;
  if (row && acknowledged && app !== null && !row.reinstalledApps.includes(app)) {
    await tx.update(DeviceMigration, { id: row.id }, { reinstalledApps: [...row.reinstalledApps, app], updatedAt: now });
  }
  return !(await hasWaitingCommand(tx, deviceId, REINSTALL_REQUEST_TYPE));
}
