/**
 * Reading devices' enrollment state (issue 7) for GraphQL: one query per page of devices, never one
 * per device.
 */
import { In } from 'typeorm';
import { DeviceEnrollment } from '../../entities/device-enrollment.entity.js';
import type { Database } from '../../entities/database.js';

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

  /** One device's enrollment row, or null when it never contacted Homeroom. */
  findByDeviceId(deviceId: number): Promise<DeviceEnrollment | null> {
    return this.database.manager.findOneBy(DeviceEnrollment, { deviceId });
  }
}
