/**
 * A device's enrollment state moves through one function, so every change is saved and announced
 * the same way: the row is written inside the caller's transaction, and the event goes out only
 * after that transaction committed (a subscriber never hears of a change that was rolled back).
 */
import type { EntityManager } from 'typeorm';
import { DeviceEnrollment, type EnrollmentStateName } from '../../entities/device-enrollment.entity.js';
import type { MachineInfo } from '../../mdm/mdm-messages.js';
import { Topic, type DeviceEnrollmentChanged, type EventBus, type MigrationProgressed } from '../../platform/events/event-bus.js';
import { followEnrollment } from '../migration/migration-steps.js';

/** Events to publish once the transaction that produced them has committed. */
export class PendingEvents {
  private readonly events: DeviceEnrollmentChanged[] = [];
  private readonly migrations: MigrationProgressed[] = [];

  add(event: DeviceEnrollmentChanged): void {
    this.events.push(event);
  }

  /** A migration without erase that moved with the enrollment (migration-steps.ts). */
  addMigration(event: MigrationProgressed): void {
    this.migrations.push(event);
  }

  publish(bus: EventBus): void {
    for (const event of this.events) bus.publish(Topic.DEVICE_ENROLLMENT_CHANGED, event);
    for (const event of this.migrations) bus.publish(Topic.MIGRATION_PROGRESSED, event);
    this.events.length = 0;
    this.migrations.length = 0;
  }
}

/**
 * What a new enrollment attempt (a MachineInfo POST) sets on the device's row, whatever came before:
 * the facts the device just reported, and nothing left of an earlier identity, push token or users.
 */
export function attemptStart(device: { readonly tokenId: number; readonly profileId: number; readonly info: MachineInfo }, now: Date) {
  return {
    tokenId: device.tokenId,
    profileId: device.profileId,
    udid: device.info.udid,
    osVersion: device.info.osVersion,
    buildVersion: device.info.version,
    productName: device.info.product,
    language: device.info.language,
    identitySerial: null,
    identityFingerprint: null,
    ...FORGOTTEN,
    lastContactedAt: now,
  } satisfies Partial<DeviceEnrollment>;
}

/** What a device that starts over (a new enrollment, an erase) no longer holds: push token, unlock and bootstrap tokens, users. */
export const FORGOTTEN = {
  pushToken: null,
  pushMagic: null,
  sealedUnlockToken: null,
  sealedBootstrapToken: null,
  maximumResidentUsers: null,
  returnToService: null,
} as const satisfies Partial<DeviceEnrollment>;

/**
 * Saves `changes` on the row and, when they change its state, records the event. `previous` is the
 * state before: NOT_CONTACTED means the row is made now (a stored row is never NOT_CONTACTED), so it
 * is inserted; otherwise only the changed columns are updated (no read-back, as `save()` would do).
 */
export async function saveEnrollment(
  tx: EntityManager,
  row: DeviceEnrollment,
  changes: Partial<DeviceEnrollment>,
  context: { readonly previous: EnrollmentStateName; readonly serialNumber: string; readonly now: Date; readonly events: PendingEvents },
): Promise<DeviceEnrollment> {
  const update = { ...changes, updatedAt: context.now };
  Object.assign(row, update);
  if (context.previous === 'NOT_CONTACTED') await tx.getRepository(DeviceEnrollment).insert(row);
  else await tx.getRepository(DeviceEnrollment).update({ deviceId: row.deviceId }, update);
  if (row.state !== context.previous) {
    context.events.add({
      tokenId: row.tokenId,
      deviceId: row.deviceId,
      serialNumber: context.serialNumber,
      state: row.state,
      previousState: context.previous,
      at: context.now.toISOString(),
    });
    // A device migrating without erase: its migration follows the enrollment, in the same transaction.
    const migration = await followEnrollment(tx, context.serialNumber, row.state, row.failureReason ?? null, context.now);
    if (migration) context.events.addMigration(migration);
  }
  return row;
}
