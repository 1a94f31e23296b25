/**
 * Which of a token's iPads a rehearsal started from Homeroom powers on: those still "in their
 * boxes" first, so each rehearsal shows new tiles on the enrollment wall rather than enrolling
 * the same iPads again.
 *
 * The order, in tiers: never contacted Homeroom and assigned a profile without user affinity
 * (they enroll end to end); never contacted and no profile (they end unmanaged, as they would on
 * the first day of term); never contacted with a profile that asks for a user (Homeroom keeps no
 * passwords to type, so they end FAILED with NO_CREDENTIALS: the shell's `--users-csv` is the way
 * to rehearse those); then iPads that contacted Homeroom before (enrolled again, as after a wipe).
 * Serial order within a tier, so the choice is repeatable. One query with a LIMIT: a token of
 * 200,000 iPads costs the same as one of 20.
 */
import type { EntityManager } from 'typeorm';
import { DeviceEnrollment } from '../../entities/device-enrollment.entity.js';
import { Device } from '../../entities/device.entity.js';

/** One iPad to power on, in the shape the simulator's `runScenario` takes (`TokenDevice`). */
export interface RehearsalDevice {
  readonly serialNumber: string;
  readonly hasProfile: boolean;
  readonly userAffinity: boolean;
}

/** Up to `count` of the token's iPads (those Apple still lists for it), in the tiers above. */
export async function rehearsalDevices(manager: EntityManager, tokenId: number, count: number): Promise<RehearsalDevice[]> {
  const rows = await manager
    .getRepository(Device)
    .createQueryBuilder('device')
    .leftJoin(DeviceEnrollment, 'enrollment', 'enrollment.device_id = device.id')
    .leftJoin('device.profile', 'profile')
    .select('device.serial_number', 'serial')
    .addSelect('profile.id', 'profile_id')
    .addSelect('profile.user_affinity', 'user_affinity')
    .addSelect(
      `CASE WHEN enrollment.device_id IS NOT NULL THEN 3
            WHEN profile.id IS NULL THEN 1
            WHEN profile.user_affinity = 'WITH_USER_AFFINITY' THEN 2
            ELSE 0 END`,
      'tier',
    )
    .where('device.token_id = :tokenId', { tokenId })
    .andWhere('device.removed_at IS NULL')
    .orderBy('tier', 'ASC')
    .addOrderBy('device.serial_number', 'ASC')
    .limit(count)
    .getRawMany<{ serial: string; profile_id: number | null; user_affinity: string | null }>();
  return rows.map((row) => ({
    serialNumber: row.serial,
    hasProfile: row.profile_id !== null,
    userAffinity: row.user_affinity === 'WITH_USER_AFFINITY',
  }));
}
