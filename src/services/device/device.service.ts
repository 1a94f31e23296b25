/**
 * Device reads: a token's devices by filter (listed and counted), and devices by id. Sync writes
 * devices and assignment changes their profiles, but every read the API, the CLI and the other
 * services make goes through here, with the one filter translation in `device-query.ts`.
 */
import { Device } from '../../entities/device.entity.js';
import type { Database } from '../../entities/database.js';
import { paginateSql, paginateSqlBySortKey, type Page, type PageRequest, type SqlList } from '../../entities/pagination.js';
import { Bindings } from '../../entities/raw-sql.js';
import type { DeviceFilter, DeviceOrder, DeviceScope } from './device-filter.js';
import { deviceConditionsOf, deviceQueryOf, deviceSortExpression, deviceSortMayBeNull } from './device-query.js';
import { DEVICE_COLUMNS, deviceColumnsOf, deviceRecordOf, type DeviceRecord } from './device-rows.js';

/** A model name and how many devices have it. */
export interface DeviceModelCount {
  readonly model: string;
  readonly deviceCount: number;
}

export class DeviceService {
  constructor(private readonly database: Database) {}

  /**
   * The token's devices matching `filter`: in the order Homeroom first saw them (row id), or in
   * `order` (ties by row id, nulls last). `columns`: the only columns the caller reads (the others
   * come back null); every column when null.
   */
  async list(
    tokenId: number,
    filter: DeviceFilter,
    page: PageRequest,
    order: DeviceOrder | null = null,
    columns: ReadonlyArray<keyof DeviceRecord> | null = null,
  ): Promise<Page<DeviceRecord>> {
    return this.listIn({ tokenIds: [tokenId] }, filter, page, order, columns);
  }

  /**
   * {@link list} over several tokens, or every token (`tokenIds: null`). Read as plain rows with
   * hand-written SQL (`device-rows.ts`): the page a frontend asks for most.
   */
  async listIn(
    scope: DeviceScope,
    filter: DeviceFilter,
    page: PageRequest,
    order: DeviceOrder | null = null,
    columns: ReadonlyArray<keyof DeviceRecord> | null = null,
  ): Promise<Page<DeviceRecord>> {
    const manager = this.database.manager;
    const sql = new Bindings(manager);
    const list: SqlList<DeviceRecord> = {
      // Fewer columns when the caller says which it reads: most of a page's cost is columns nobody shows.
      columns: columns ? deviceColumnsOf(columns.includes('id') ? columns : ['id', ...columns]) : DEVICE_COLUMNS,
      from: 'device device',
      conditions: deviceConditionsOf(scope, filter, sql),
      sql,
      run: (text, values) => manager.query(text, values),
      rowOf: deviceRecordOf,
    };
    if (order === null) return paginateSql(list, { column: 'device.id', keyOf: (device) => device.id, direction: 'ASC' }, page);
    return paginateSqlBySortKey(
      list,
      {
        name: `${order.field}:${order.direction}`,
        expression: deviceSortExpression(order.field),
        nullable: deviceSortMayBeNull(order.field),
        idColumn: 'device.id',
        idOf: (device) => device.id,
        direction: order.direction,
      },
      page,
    );
  }

  /** The device with this serial number (whichever token it is under, removed or not); null when none. */
  async findBySerialNumber(serialNumber: string): Promise<Device | null> {
    return this.database.manager.findOneBy(Device, { serialNumber });
  }

  /**
   * The model names of the token's devices (those `list` gives without a filter) with how many
   * devices have each, by name; devices Apple sent no model for are left out. For a filter's dropdown.
   */
  async models(tokenId: number): Promise<DeviceModelCount[]> {
    const rows = await deviceQueryOf(this.database.manager, tokenId, {})
      .select('device.model', 'model')
      .addSelect('COUNT(*)', 'deviceCount')
      .andWhere('device.model IS NOT NULL')
      .groupBy('device.model')
      .orderBy('device.model', 'ASC')
      .getRawMany<{ model: string; deviceCount: string | number }>();
    return rows.map((row) => ({ model: row.model, deviceCount: Number(row.deviceCount) }));
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
