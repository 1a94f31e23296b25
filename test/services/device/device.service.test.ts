import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceEnrollment, type EnrollmentStateName } from '../../../src/entities/device-enrollment.entity.js';
import { Device } from '../../../src/entities/device.entity.js';
import type { Page, PageRequest } from '../../../src/entities/pagination.js';
import { ErrorCode } from '../../../src/errors.js';
import type { DeviceFilter, DeviceOrder, DeviceOrderField, DeviceScope } from '../../../src/services/device/device-filter.js';
import type { DeviceRecord } from '../../../src/services/device/device-rows.js';
import { homeroomErrorOf } from '../../support/assertions.js';
import { TEST_DATABASE_URL } from '../../support/database.js';
import { startSyncHarness, type SyncHarness } from '../sync/harness.js';

/**
 * DeviceService's lists under every order, with ties and nulls (issue 16): paged forward and
 * backward in small pages, every device comes exactly once, in the order the same rule gives in
 * JavaScript (value, then row id, both in the asked direction; nulls last either way). SQLite
 * here; the SQL is the same on PostgreSQL.
 */
describe('DeviceService: orders, keyset pages and filters', () => {
  let h: SyncHarness;
  let north: number;
  let south: number;
  /** The north token's devices as stored after the set-up, with their enrollment (if any). */
  let rows: Array<{ device: Device; enrollment: { state: EnrollmentStateName; lastContactedAt: string | null } | null }>;

  const MODELS = ['iPad B', null, 'iPad A', 'iPad B', null, 'iPad A', 'iPad C', 'iPad B', 'iPad A', null, 'iPad B', 'iPad A'];
  const FAMILIES = ['iPad', 'iPad', 'Mac', 'iPad', 'iPad', 'Mac', 'iPad', 'iPad', 'iPad', 'AppleTV', 'iPad', 'iPad'];
  const STATUSES = [
    'empty',
    'assigned',
    'pushed',
    'removed',
    'empty',
    'pushed',
    'assigned',
    'future-word',
    'empty',
    'assigned',
    'pushed',
    'empty',
  ];
  /** Index i: null (never contacted) or [state, minutes after 09:00 of the last contact, or null]. */
  const ENROLLMENTS: Array<[EnrollmentStateName, number | null] | null> = [
    ['ENROLLED', 5],
    null,
    ['ENROLLING', 5],
    ['FAILED', null],
    ['ENROLLED', 1],
    null,
    ['AWAITING_CONFIGURATION', 9],
    ['ENROLLED', 5],
    null,
    ['UNENROLLED', 2],
    ['ENROLLING', 9],
    null,
  ];

  beforeAll(async () => {
    h = await startSyncHarness({ seed: 16 });
    north = (await h.newToken('North order school', 12)).token.id;
    south = (await h.newToken('South order school', 3)).token.id;
    const devices = await h.opened.dataSource.getRepository(Device).find({ where: { tokenId: north }, order: { id: 'ASC' } });
    expect(devices).toHaveLength(12);
    for (const [i, device] of devices.entries()) {
      // Four first-seen instants, so every one is a tie of three.
      const firstSeenAt = new Date(Date.UTC(2026, 7, 1 + (i % 4)));
      await h.opened.dataSource.manager.update(
        Device,
        { id: device.id },
        {
          model: MODELS[i]!,
          deviceFamily: FAMILIES[i]!,
          os: FAMILIES[i] === 'Mac' ? 'OSX' : 'iPadOS',
          profileStatus: STATUSES[i]!,
          firstSeenAt,
        },
      );
      const enrollment = ENROLLMENTS[i];
      if (enrollment) {
        const [state, minutes] = enrollment;
        await h.opened.dataSource.manager.insert(DeviceEnrollment, {
          deviceId: device.id,
          tokenId: north,
          profileId: null,
          state,
          startedAt: h.clock.now(),
          enrolledAt: null,
          lastContactedAt: minutes === null ? null : new Date(Date.UTC(2026, 8, 1, 9, minutes)),
          updatedAt: h.clock.now(),
        });
      }
    }
    const stored = await h.opened.dataSource.getRepository(Device).find({ where: { tokenId: north }, order: { id: 'ASC' } });
    rows = stored.map((device, i) => {
      const enrollment = ENROLLMENTS[i];
      return {
        device,
        enrollment: enrollment
          ? {
              state: enrollment[0],
              lastContactedAt: enrollment[1] === null ? null : new Date(Date.UTC(2026, 8, 1, 9, enrollment[1])).toISOString(),
            }
          : null,
      };
    });
  });
  afterAll(async () => h?.close());

  const RANKS: readonly EnrollmentStateName[] = [
    'NOT_CONTACTED',
    'AWAITING_USER',
    'ENROLLING',
    'AWAITING_CONFIGURATION',
    'ENROLLED',
    'FAILED',
    'UNENROLLED',
  ];

  /** The sort value of a row, as the SQL computes it. */
  function valueOf(row: (typeof rows)[number], field: DeviceOrderField): string | number | null {
    switch (field) {
      case 'SERIAL_NUMBER':
        return row.device.serialNumber;
      case 'MODEL':
        return row.device.model;
      case 'FIRST_SEEN_AT':
        return row.device.firstSeenAt.toISOString();
      case 'LAST_CONTACTED_AT':
        return row.enrollment?.lastContactedAt ?? null;
      case 'ENROLLMENT_STATE':
        return RANKS.indexOf(row.enrollment?.state ?? 'NOT_CONTACTED');
    }
  }

  /** The expected order: value then id in `direction`, nulls last. */
  function expected(order: DeviceOrder): number[] {
    const sign = order.direction === 'ASC' ? 1 : -1;
    return [...rows]
      .sort((a, b) => {
        const va = valueOf(a, order.field);
        const vb = valueOf(b, order.field);
        if (va === null || vb === null) {
          if (va !== vb) return va === null ? 1 : -1;
        } else if (va !== vb) return (va < vb ? -1 : 1) * sign;
        return (a.device.id - b.device.id) * sign;
      })
      .map((row) => row.device.id);
  }

  function list(order: DeviceOrder | null, page: PageRequest, filter: DeviceFilter = {}): Promise<Page<DeviceRecord>> {
    return h.services.devices.list(north, filter, page, order);
  }

  async function forward(order: DeviceOrder, size: number): Promise<number[]> {
    const seen: number[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 20; guard++) {
      const page: Page<DeviceRecord> = await list(order, { first: size, after });
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) return seen;
      after = page.pageInfo.endCursor;
    }
    throw new Error('paged forever');
  }

  async function backward(order: DeviceOrder, size: number): Promise<number[]> {
    const seen: number[] = [];
    let before: string | null = null;
    for (let guard = 0; guard < 20; guard++) {
      const page: Page<DeviceRecord> = await list(order, { last: size, before });
      seen.unshift(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasPreviousPage) return seen;
      before = page.pageInfo.startCursor;
    }
    throw new Error('paged forever');
  }

  const FIELDS: readonly DeviceOrderField[] = ['SERIAL_NUMBER', 'MODEL', 'FIRST_SEEN_AT', 'LAST_CONTACTED_AT', 'ENROLLMENT_STATE'];
  for (const field of FIELDS) {
    for (const direction of ['ASC', 'DESC'] as const) {
      it(`pages through ${field} ${direction} in pages of 1, 3 and 5, forward and backward, each device once in order (ties by id, nulls last)`, async () => {
        const order = { field, direction };
        const want = expected(order);
        for (const size of [1, 3, 5]) {
          expect(await forward(order, size)).toEqual(want);
          expect(await backward(order, size)).toEqual(want);
        }
      });
    }
  }

  // SQLite's query plan (EXPLAIN QUERY PLAN, one connection to listen on); PostgreSQL plans a table this small by cost.
  it.skipIf(TEST_DATABASE_URL !== undefined)(
    'pages every device by serial number along the serial index, not sorting every device for each page (SQLite plan)',
    async () => {
      const runner = h.opened.dataSource.driver.createQueryRunner('master');
      const run = runner.query;
      const pages: Array<[string, unknown[]]> = [];
      runner.query = ((sql: string, parameters?: unknown[], ...rest: unknown[]) => {
        if (sql.includes('keyset_sort_value')) pages.push([sql, parameters ?? []]);
        return (run as (...args: unknown[]) => Promise<unknown>)(sql, parameters, ...rest);
      }) as typeof runner.query;
      try {
        const order: DeviceOrder = { field: 'SERIAL_NUMBER', direction: 'ASC' };
        const first = await h.services.devices.listIn({ tokenIds: null }, {}, { first: 2 }, order);
        await h.services.devices.listIn({ tokenIds: null }, {}, { first: 2, after: first.pageInfo.endCursor }, order);
      } finally {
        runner.query = run;
      }
      expect(pages).toHaveLength(2);
      for (const [sql, parameters] of pages) {
        const plan = (await h.opened.dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, parameters)) as Array<{ detail: string }>;
        expect(plan.map((step) => step.detail).join('; ')).not.toContain('TEMP B-TREE');
      }
    },
  );

  it('keeps a page exact when a cursor row changes its sort value meanwhile', async () => {
    const order: DeviceOrder = { field: 'MODEL', direction: 'ASC' };
    const want = expected(order);
    const first = await list(order, { first: 4 });
    const cursorRow = first.edges.at(-1)!.node.id;
    await h.opened.dataSource.manager.update(Device, { id: cursorRow }, { model: 'iPad Z' });
    try {
      const next = await list(order, { first: 4, after: first.pageInfo.endCursor });
      // The cursor holds the value the row had: the next page starts where the first ended.
      expect(next.edges.map((e) => e.node.id)).toEqual(want.slice(4, 8).filter((id) => id !== cursorRow));
    } finally {
      await h.opened.dataSource.manager.update(
        Device,
        { id: cursorRow },
        { model: rows.find((r) => r.device.id === cursorRow)!.device.model },
      );
    }
  });

  it('refuses with BAD_USER_INPUT a cursor of the unordered list in an ordered one, of another order, and the other way round', async () => {
    const plain = await list(null, { first: 1 });
    const ordered = await list({ field: 'MODEL', direction: 'ASC' }, { first: 1 });
    for (const other of [
      { field: 'MODEL', direction: 'DESC' },
      { field: 'SERIAL_NUMBER', direction: 'ASC' },
      { field: 'ENROLLMENT_STATE', direction: 'ASC' },
    ] as const) {
      expect((await homeroomErrorOf(list(other, { first: 1, after: ordered.pageInfo.endCursor }))).code).toBe(ErrorCode.BAD_USER_INPUT);
    }
    expect((await homeroomErrorOf(list({ field: 'MODEL', direction: 'ASC' }, { first: 1, after: plain.pageInfo.endCursor }))).code).toBe(
      ErrorCode.BAD_USER_INPUT,
    );
    expect((await homeroomErrorOf(list(null, { first: 1, after: ordered.pageInfo.endCursor }))).code).toBe(ErrorCode.BAD_USER_INPUT);
  });

  const ids = async (filter: DeviceFilter, scope: DeviceScope = { tokenIds: [north] }) =>
    (await h.services.devices.listIn(scope, filter, { first: 100 })).edges.map((e) => e.node.id);
  const where = (keep: (row: (typeof rows)[number], i: number) => boolean) => rows.filter(keep).map((row) => row.device.id);

  it('matches the model in any case, whole names only', async () => {
    expect(await ids({ model: 'ipad a' })).toEqual(where((r) => r.device.model === 'iPad A'));
    expect(await ids({ model: 'iPad' })).toEqual([]);
  });

  it('filters by Apple profile status; EMPTY keeps a status Apple may add later', async () => {
    expect(await ids({ profileStatuses: ['pushed', 'removed'] })).toEqual(where((_, i) => ['pushed', 'removed'].includes(STATUSES[i]!)));
    expect(await ids({ profileStatuses: ['empty'] })).toEqual(where((_, i) => ['empty', 'future-word'].includes(STATUSES[i]!)));
  });

  it('filters by device family and OS in any case', async () => {
    expect(await ids({ deviceFamilies: ['mac', 'APPLETV'] })).toEqual(where((_, i) => FAMILIES[i] !== 'iPad'));
    expect(await ids({ operatingSystems: ['osx'] })).toEqual(where((_, i) => FAMILIES[i] === 'Mac'));
  });

  it('filters by first-seen range, `from` included and `to` excluded', async () => {
    const from = new Date(Date.UTC(2026, 7, 2));
    const to = new Date(Date.UTC(2026, 7, 4));
    expect(await ids({ firstSeen: { from, to } })).toEqual(where((_, i) => i % 4 === 1 || i % 4 === 2));
    expect(await ids({ firstSeen: { to: from } })).toEqual(where((_, i) => i % 4 === 0));
    const lastSeen = rows[0]!.device.lastSeenAt;
    expect(await ids({ lastSeen: { from: lastSeen } })).toHaveLength(12);
    expect(await ids({ lastSeen: { from: new Date(lastSeen.getTime() + 1) } })).toEqual([]);
  });

  it('keeps exactly the serial numbers listed, across tokens when the scope is every token', async () => {
    const southSerial = (await h.listedSerials(south))[0]!;
    const serials = [rows[3]!.device.serialNumber, rows[7]!.device.serialNumber, southSerial, 'NOSUCHSERIAL'];
    expect(await ids({ serialNumbers: serials })).toEqual([rows[3]!.device.id, rows[7]!.device.id]);
    expect(await ids({ serialNumbers: serials }, { tokenIds: null })).toHaveLength(3);
    expect(await ids({ serialNumbers: [] })).toEqual([]);
  });

  it('lists several tokens’ devices, or every token’s, and none for an empty token list', async () => {
    expect(await ids({}, { tokenIds: [north, south] })).toHaveLength(15);
    expect(await ids({}, { tokenIds: null })).toHaveLength(15);
    expect(await ids({}, { tokenIds: [] })).toEqual([]);
    const page = await h.services.devices.listIn({ tokenIds: null }, {}, { first: 4 }, { field: 'SERIAL_NUMBER', direction: 'DESC' });
    const all = [...(await h.listedSerials(north)), ...(await h.listedSerials(south))].sort().reverse();
    expect(page.edges.map((e) => e.node.serialNumber)).toEqual(all.slice(0, 4));
    expect(await page.totalCount()).toBe(15);
  });

  it('counts the token’s models for a dropdown, by name, without devices that have none', async () => {
    expect(await h.services.devices.models(north)).toEqual([
      { model: 'iPad A', deviceCount: 4 },
      { model: 'iPad B', deviceCount: 4 },
      { model: 'iPad C', deviceCount: 1 },
    ]);
  });

  it('finds a device by its exact serial number, whichever token it is under', async () => {
    const serial = (await h.listedSerials(south))[1]!;
    expect((await h.services.devices.findBySerialNumber(serial))?.tokenId).toBe(south);
    expect(await h.services.devices.findBySerialNumber(serial.toLowerCase())).toBeNull();
  });
});
