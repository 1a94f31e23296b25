/**
 * Device reads: a token's devices by filter (listed and counted), and devices by id. Sync writes
 * devices and assignment changes their profiles, but every read the API, the CLI and the other
 * services make goes through here, with the one filter translation in `device-query.ts`.
 */
import { Device } from '../../entities/device.entity.js';
import type { Database } from '../../entities/database.js';
import { paginate, type Page, type PageRequest } from '../../entities/pagination.js';
import type { DeviceFilter } from './device-filter.js';
import { deviceQueryOf } from './device-query.js';

export class DeviceService {
  constructor(private readonly database: Database) {}

  /** The token's devices matching `filter`, in the order Homeroom first saw them. */
  async list(tokenId: number, filter: DeviceFilter, page: PageRequest): Promise<Page<Device>> {
    return paginate(
      deviceQueryOf(this.database.manager, tokenId, filter),
      { column: 'device.id', keyOf: (device) => device.id, direction: 'ASC' },
      page,
    );
  }

  /**
   * How many of the token's devices match; by default those Apple still lists (`{ movedAway: true }`
   * counts the devices Apple moved from the token's server to another token's).
   */
  async count(tokenId: number, filter: DeviceFilter = {}): Promise<number> {
    return deviceQueryOf(this.database.manager, tokenId, filter).getCount();
  }

  async findById(id: number): Promise<Device | null> {
    return this.database.manager.findOneBy(Device, { id });
  }

  /** Several devices in one query (a page of assignment outcomes shows its devices); missing ids are absent. */
  async findByIds(ids: readonly number[]): Promise<Device[]> {
    if (ids.length === 0) return [];
    return this.database.manager
      .getRepository(Device)
      .createQueryBuilder('device')
      .where('device.id IN (:...ids)', { ids: [...ids] })
      .getMany();
  }
}
