/**
 * Shared iPad: the users signed in on each device. A user-channel TokenUpdate (a student
 * signing in) makes or refreshes the user's row; beyond the device's MaximumResidentUsers the user
 * whose last sign-in is oldest is dropped, the rule the device itself evicts by, so Homeroom's list
 * follows the device's.
 */
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { DeviceEnrollment } from '../../entities/device-enrollment.entity.js';
import { ResidentUser } from '../../entities/resident-user.entity.js';
import type { UserDirectory } from './user-sign-in.js';

/** The `Settings` item that caps a Shared iPad's cached users (only while it awaits configuration). */
export const MAXIMUM_RESIDENT_USERS = 'MaximumResidentUsers';

/** Records a sign-in of `shortName` on the device and evicts beyond its maximum; returns the evicted names. */
export async function recordResidentSignIn(
  tx: EntityManager,
  enrollment: DeviceEnrollment,
  user: { readonly shortName: string; readonly longName: string | null },
  directory: UserDirectory,
  now: Date,
): Promise<string[]> {
  const repository = tx.getRepository(ResidentUser);
  const shortName = user.shortName.trim().toLowerCase().slice(0, 254);
  const known = (await directory.findByUsernames([shortName])).get(shortName);
  const existing = await repository.findOneBy({ deviceId: enrollment.deviceId, shortName });
  const longName = user.longName?.slice(0, 200) ?? existing?.longName ?? null;
  if (existing) {
    await repository.update({ id: existing.id }, { lastSignedInAt: now, longName, userId: known?.id ?? null });
  } else {
    await repository.insert({
      deviceId: enrollment.deviceId,
      shortName,
      longName,
      userId: known?.id ?? null,
      firstSignedInAt: now,
      lastSignedInAt: now,
    });
  }
  if (enrollment.maximumResidentUsers === null) return [];
  const residents = await repository.find({ where: { deviceId: enrollment.deviceId }, order: { lastSignedInAt: 'ASC', id: 'ASC' } });
  const evicted = residents.slice(0, Math.max(0, residents.length - enrollment.maximumResidentUsers));
  if (evicted.length > 0) await repository.delete({ id: In(evicted.map((resident) => resident.id)) });
  return evicted.map((resident) => resident.shortName);
}

/** A check-out or a new enrollment: the device keeps no users. */
export async function clearResidentUsers(tx: EntityManager, deviceId: number): Promise<void> {
  await tx.getRepository(ResidentUser).delete({ deviceId });
}

/** The MaximumResidentUsers a `Settings` command carried, or null when it set something else. */
export function maximumResidentUsersOf(command: Readonly<Record<string, unknown>>): number | null {
  const settings = Array.isArray(command.Settings) ? (command.Settings as unknown[]) : [];
  for (const item of settings) {
    const entry = item as Record<string, unknown> | null;
    if (entry?.Item === MAXIMUM_RESIDENT_USERS && typeof entry[MAXIMUM_RESIDENT_USERS] === 'number')
      return entry[MAXIMUM_RESIDENT_USERS] as number;
  }
  return null;
}
