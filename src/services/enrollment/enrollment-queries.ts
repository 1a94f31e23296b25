/**
 * Reading devices' enrollment state (issue 7) for GraphQL: one query per page of devices, never one
 * per device.
 */
import { In } from 'typeorm';
import { DeviceEnrollment } from '../../entities/device-enrollment.entity.js';
import type { Database } from '../../entities/database.js';
import { DirectoryUser } from '../../entities/directory-user.entity.js';
import { ResidentUser } from '../../entities/resident-user.entity.js';

export class EnrollmentQueries {
  constructor(private readonly database: Database) {}

  /** The enrollment rows of `deviceIds` (devices that never contacted Homeroom have none). */
  async findByDeviceIds(deviceIds: readonly number[]): Promise<Map<number, DeviceEnrollment>> {
    const found = new Map<number, DeviceEnrollment>();
    if (deviceIds.length === 0) return found;
    const unique = [...new Set(deviceIds)];
    // Chunks stay under both databases' bound-parameter limits.
    for (let start = 0; start < unique.length; start += 500) {
      const rows = await this.database.manager.find(DeviceEnrollment, { where: { deviceId: In(unique.slice(start, start + 500)) } });
      for (const row of rows) found.set(row.deviceId, row);
    }
    return found;
  }

  /** The users signed in on each of `deviceIds` (Shared iPad), most recent sign-in first. */
  async residentUsersOf(deviceIds: readonly number[]): Promise<Map<number, ResidentUser[]>> {
    const found = new Map<number, ResidentUser[]>(deviceIds.map((id) => [id, []]));
    const unique = [...new Set(deviceIds)];
    for (let start = 0; start < unique.length; start += 500) {
      const rows = await this.database.manager.find(ResidentUser, {
        where: { deviceId: In(unique.slice(start, start + 500)) },
        order: { lastSignedInAt: 'DESC', id: 'DESC' },
      });
      for (const row of rows) found.get(row.deviceId)!.push(row);
    }
    return found;
  }

  /** Directory users by id (the users devices enrolled for or have signed in), for one page of devices. */
  async usersByIds(ids: readonly number[]): Promise<Map<number, DirectoryUser>> {
    const found = new Map<number, DirectoryUser>();
    const unique = [...new Set(ids)];
    for (let start = 0; start < unique.length; start += 500) {
      for (const user of await this.database.manager.find(DirectoryUser, { where: { id: In(unique.slice(start, start + 500)) } }))
        found.set(user.id, user);
    }
    return found;
  }

  /** One device's enrollment row, or null when it never contacted Homeroom. */
  findByDeviceId(deviceId: number): Promise<DeviceEnrollment | null> {
    return this.database.manager.findOneBy(DeviceEnrollment, { deviceId });
  }
}
