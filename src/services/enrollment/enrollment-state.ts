/**
 * A device's enrollment state moves through one function, so every change is saved and announced
 * the same way: the row is written inside the caller's transaction, and the event goes out only
 * after that transaction committed (a subscriber never hears of a change that was rolled back).
 */
import type { EntityManager } from 'typeorm';
import { DeviceEnrollment, type EnrollmentStateName } from '../../entities/device-enrollment.entity.js';
import { Topic, type DeviceEnrollmentChanged, type EventBus } from '../events.js';

/** Events to publish once the transaction that produced them has committed. */
export class PendingEvents {
  private readonly events: DeviceEnrollmentChanged[] = [];

  add(event: DeviceEnrollmentChanged): void {
    this.events.push(event);
  }

  publish(bus: EventBus): void {
    for (const event of this.events) bus.publish(Topic.DEVICE_ENROLLMENT_CHANGED, event);
    this.events.length = 0;
  }
}

/**
 * Saves `changes` on the row and, when they change its state, records the event. `previous` is the
 * state before (NOT_CONTACTED for a row made now).
 */
export async function saveEnrollment(
  tx: EntityManager,
  row: DeviceEnrollment,
  changes: Partial<DeviceEnrollment>,
  context: { readonly previous: EnrollmentStateName; readonly serialNumber: string; readonly now: Date; readonly events: PendingEvents },
): Promise<DeviceEnrollment> {
  Object.assign(row, changes, { updatedAt: context.now });
  await tx.getRepository(DeviceEnrollment).save(row);
  if (row.state !== context.previous) {
    context.events.add({
      tokenId: row.tokenId,
      deviceId: row.deviceId,
      serialNumber: context.serialNumber,
      state: row.state,
      previousState: context.previous,
      at: context.now.toISOString(),
    });
  }
  return row;
}
