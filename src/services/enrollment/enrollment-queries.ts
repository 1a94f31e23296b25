/**
 * Reading devices' enrollment state for GraphQL: one query per page of devices, never one
 * per device.
 */
import { In } from 'typeorm';
import { DeviceEnrollment, ENROLLMENT_STATES, type EnrollmentStateName } from '../../entities/device-enrollment.entity.js';
import type { Database } from '../../entities/database.js';
import { DirectoryUser } from '../../entities/directory-user.entity.js';
import { ResidentUser } from '../../entities/resident-user.entity.js';
import { chunks, IN_LIST_CHUNK, rowsByKeys } from '../../entities/raw-sql.js';
import { deviceQueryOf } from '../device/device-query.js';
import { ENROLLMENT_COLUMNS, enrollmentRecordOf, type EnrollmentRecord } from '../device/device-rows.js';

export class EnrollmentQueries {
  constructor(private readonly database: Database) {}

  /**
   * The enrollment rows of `deviceIds` (devices that never contacted Homeroom have none), as the
   * records the API shows: plain rows by hand-written SQL, since a page of devices asks for its
   * enrollments on every request (`device-rows.ts`).
   */
  async findByDeviceIds(deviceIds: readonly number[]): Promise<Map<number, EnrollmentRecord>> {
    const from = { table: 'device_enrollment', alias: 'enrollment', columns: ENROLLMENT_COLUMNS, keyColumn: 'device_id' };
    return rowsByKeys(this.database.manager, from, deviceIds, enrollmentRecordOf, (record) => record.deviceId);
  }

  /** The users signed in on each of `deviceIds` (Shared iPad), most recent sign-in first. */
  async residentUsersOf(deviceIds: readonly number[]): Promise<Map<number, ResidentUser[]>> {
    const found = new Map<number, ResidentUser[]>(deviceIds.map((id) => [id, []]));
    for (const chunk of chunks([...new Set(deviceIds)], IN_LIST_CHUNK)) {
      const rows = await this.database.manager.find(ResidentUser, {
        where: { deviceId: In(chunk) },
        order: { lastSignedInAt: 'DESC', id: 'DESC' },
      });
      for (const row of rows) found.get(row.deviceId)!.push(row);
    }
    return found;
  }

  /** Directory users by id (the users devices enrolled for or have signed in), for one page of devices. */
  async usersByIds(ids: readonly number[]): Promise<Map<number, DirectoryUser>> {
    const found = new Map<number, DirectoryUser>();
    for (const chunk of chunks([...new Set(ids)], IN_LIST_CHUNK)) {
      for (const user of await this.database.manager.find(DirectoryUser, { where: { id: In(chunk) } })) found.set(user.id, user);
    }
    return found;
  }

  /**
   * How many of the token's devices (those Apple still lists) are in each enrollment state now,
   * every state present (0 when none); NOT_CONTACTED counts devices without a row. One count per
   * state, through the devices filter, so these match `devices(filter: { enrollmentStates })`.
   */
  async stateCounts(tokenId: number): Promise<Map<EnrollmentStateName, number>> {
    const counts = new Map<EnrollmentStateName, number>();
    for (const state of ENROLLMENT_STATES) {
      counts.set(state, await deviceQueryOf(this.database.manager, tokenId, { enrollmentStates: [state] }).getCount());
    }
    return counts;
  }

  /** One device's enrollment row, or null when it never contacted Homeroom. */
  findByDeviceId(deviceId: number): Promise<DeviceEnrollment | null> {
    return this.database.manager.findOneBy(DeviceEnrollment, { deviceId });
  }
}
