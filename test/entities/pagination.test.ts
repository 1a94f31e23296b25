import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SelectQueryBuilder, type DataSource } from 'typeorm';
import { AuditEvent, AuditOutcome } from '../../src/entities/audit-event.entity.js';
import { ErrorCode } from '../../src/errors.js';
import {
  DEFAULT_PAGE_SIZE,
  encodeCursor,
  MAX_PAGE_SIZE,
  paginate,
  paginateByText,
  type Page,
  type PageRequest,
} from '../../src/entities/pagination.js';
import { homeroomErrorOf } from '../support/assertions.js';
import { openTestDatabase, type OpenTestDatabase } from '../support/database.js';

describe('paginate', () => {
  let opened: OpenTestDatabase;
  let dataSource: DataSource;
  /** Ids of the 12 `paged` rows, in insertion (ascending id) order. */
  let ids: number[];

  function query(action = 'paged'): SelectQueryBuilder<AuditEvent> {
    return dataSource.getRepository(AuditEvent).createQueryBuilder('event').where('event.action = :action', { action });
  }

  function page(request: PageRequest, direction: 'ASC' | 'DESC' = 'ASC', action = 'paged'): Promise<Page<AuditEvent>> {
    return paginate(query(action), { column: 'event.id', keyOf: (e) => e.id, direction }, request);
  }

  const idsOf = (p: Page<AuditEvent>) => p.edges.map((e) => e.node.id);

  async function insertRows(action: string, count: number): Promise<number[]> {
    const inserted: number[] = [];
    for (let i = 0; i < count; i++) {
      const result = await dataSource.manager.insert(AuditEvent, {
        occurredAt: new Date(Date.UTC(2026, 8, 1, 8, 0, i)),
        actorName: 'test',
        actorApiKeyId: null,
        action,
        outcome: AuditOutcome.SUCCEEDED,
      });
      inserted.push(Number(result.identifiers[0]!.id));
    }
    return inserted;
  }

  beforeAll(async () => {
    opened = await openTestDatabase();
    dataSource = opened.dataSource;
    await insertRows('other', 3);
    ids = await insertRows('paged', 12);
    await insertRows('other', 3);
  });
  afterAll(() => opened.close());
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('visits every row once, in order, paging forward with first/after', async () => {
    const seen: number[] = [];
    const infos = [];
    let after: string | null = null;
    for (;;) {
      const p: Page<AuditEvent> = await page({ first: 5, after });
      seen.push(...idsOf(p));
      infos.push(p.pageInfo);
      expect(p.edges.map((e) => e.cursor)).toEqual(idsOf(p).map(encodeCursor));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(seen).toEqual(ids);
    expect(infos).toEqual([
      { hasNextPage: true, hasPreviousPage: false, startCursor: encodeCursor(ids[0]!), endCursor: encodeCursor(ids[4]!) },
      { hasNextPage: true, hasPreviousPage: true, startCursor: encodeCursor(ids[5]!), endCursor: encodeCursor(ids[9]!) },
      { hasNextPage: false, hasPreviousPage: true, startCursor: encodeCursor(ids[10]!), endCursor: encodeCursor(ids[11]!) },
    ]);
  });

  it('says there is no next page when the last page is exactly full', async () => {
    const second = await page({ first: 6, after: encodeCursor(ids[5]!) });
    expect(idsOf(second)).toEqual(ids.slice(6));
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('pages backward with last/before and returns rows in list order', async () => {
    const last = await page({ last: 5 });
    expect(idsOf(last)).toEqual(ids.slice(7, 12));
    expect(last.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: encodeCursor(ids[7]!),
      endCursor: encodeCursor(ids[11]!),
    });

    const middle = await page({ last: 5, before: last.pageInfo.startCursor });
    expect(idsOf(middle)).toEqual(ids.slice(2, 7));
    expect(middle.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });

    const first = await page({ last: 5, before: middle.pageInfo.startCursor });
    expect(idsOf(first)).toEqual(ids.slice(0, 2));
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });

  it('pages backward from before alone, with the default page size', async () => {
    const p = await page({ before: encodeCursor(ids[3]!) });
    expect(idsOf(p)).toEqual(ids.slice(0, 3));
    expect(p.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });

  it('pages a DESC list newest first, forward and backward', async () => {
    const newest = await page({ first: 5 }, 'DESC');
    expect(idsOf(newest)).toEqual(ids.slice(7).reverse());
    expect(newest.pageInfo.hasNextPage).toBe(true);

    const next = await page({ first: 5, after: newest.pageInfo.endCursor }, 'DESC');
    expect(idsOf(next)).toEqual(ids.slice(2, 7).reverse());

    const oldest = await page({ last: 3 }, 'DESC');
    expect(idsOf(oldest)).toEqual(ids.slice(0, 3).reverse());
    expect(oldest.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    const before = await page({ last: 2, before: oldest.pageInfo.startCursor }, 'DESC');
    expect(idsOf(before)).toEqual(ids.slice(3, 5).reverse());
  });

  it(`returns ${DEFAULT_PAGE_SIZE} rows when neither first nor last is given`, async () => {
    const bulk = await insertRows('bulk', DEFAULT_PAGE_SIZE + 5);
    const p = await page({}, 'ASC', 'bulk');
    expect(idsOf(p)).toEqual(bulk.slice(0, DEFAULT_PAGE_SIZE));
    expect(p.pageInfo.hasNextPage).toBe(true);
    expect(await p.totalCount()).toBe(DEFAULT_PAGE_SIZE + 5);
  });

  it('returns an empty page for first: 0', async () => {
    const p = await page({ first: 0 });
    expect(p.edges).toEqual([]);
    expect(p.pageInfo.startCursor).toBeNull();
    expect(p.pageInfo.endCursor).toBeNull();
    expect(await p.totalCount()).toBe(12);
  });

  it('returns an empty page after the last row', async () => {
    const p = await page({ first: 5, after: encodeCursor(ids[11]!) });
    expect(p.edges).toEqual([]);
    expect(p.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null });
  });

  it('counts the whole filtered list, whatever the page, and only when asked', async () => {
    const getCount = vi.spyOn(SelectQueryBuilder.prototype, 'getCount');
    const p = await page({ first: 2, after: encodeCursor(ids[4]!) });
    expect(idsOf(p)).toEqual(ids.slice(5, 7));
    expect(getCount).not.toHaveBeenCalled();
    expect(await p.totalCount()).toBe(12);
    expect(await p.totalCount()).toBe(12);
    expect(getCount).toHaveBeenCalledTimes(1);
    expect(await (await page({ first: 1 }, 'ASC', 'other')).totalCount()).toBe(6);
  });

  it(`refuses first above ${MAX_PAGE_SIZE} with BAD_USER_INPUT naming first`, async () => {
    const error = await homeroomErrorOf(page({ first: MAX_PAGE_SIZE + 1 }));
    expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(error.details.field).toBe('first');
    expect(error.message).toContain('first:');
    expect(idsOf(await page({ first: MAX_PAGE_SIZE }))).toEqual(ids);
  });

  it('refuses a negative or fractional first with BAD_USER_INPUT naming first', async () => {
    for (const first of [-1, 1.5]) {
      const error = await homeroomErrorOf(page({ first }));
      expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
      expect(error.details.field).toBe('first');
    }
  });

  it('refuses a negative last with BAD_USER_INPUT naming last', async () => {
    const error = await homeroomErrorOf(page({ last: -1 }));
    expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(error.details.field).toBe('last');
  });

  it('refuses first and last together with BAD_USER_INPUT naming last', async () => {
    const error = await homeroomErrorOf(page({ first: 2, last: 2 }));
    expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(error.details.field).toBe('last');
  });

  it('refuses a cursor it did not issue with BAD_USER_INPUT naming the argument', async () => {
    const forged = [
      'not-a-cursor',
      Buffer.from('k2:5').toString('base64url'),
      Buffer.from('k1:abc').toString('base64url'),
      Buffer.from('k1:1e3').toString('base64url'),
      Buffer.from('k1:').toString('base64url'),
      encodeCursor(ids[0]!) + '=',
    ];
    for (const cursor of forged) {
      const after = await homeroomErrorOf(page({ first: 2, after: cursor }));
      expect(after.code).toBe(ErrorCode.BAD_USER_INPUT);
      expect(after.details.field).toBe('after');
      const before = await homeroomErrorOf(page({ last: 2, before: cursor }));
      expect(before.code).toBe(ErrorCode.BAD_USER_INPUT);
      expect(before.details.field).toBe('before');
    }
  });

  it('says more rows follow for first: 0 on a list that has rows, and none for last: 0 before the first', async () => {
    const none = await page({ first: 0 });
    expect(none.edges).toEqual([]);
    expect(none.pageInfo.hasNextPage).toBe(true);
    const backward = await page({ last: 0 });
    expect(backward.pageInfo.hasPreviousPage).toBe(true);
    expect((await page({ first: 0 }, 'ASC', 'no-such-action')).pageInfo.hasNextPage).toBe(false);
  });
});

describe('paginateByText', () => {
  let opened: OpenTestDatabase;
  let dataSource: DataSource;

  /** Audit events stand in for named rows: `actorName` is the text key. */
  function page(request: PageRequest): Promise<Page<AuditEvent>> {
    const query = dataSource.getRepository(AuditEvent).createQueryBuilder('event').where('event.action = :action', { action: 'named' });
    return paginateByText(
      query,
      { textColumn: 'event.actorName', idColumn: 'event.id', keyOf: (e) => ({ text: e.actorName, id: e.id }) },
      request,
    );
  }

  const namesOf = (p: Page<AuditEvent>) => p.edges.map((e) => `${e.node.actorName}#${e.node.id}`);

  beforeAll(async () => {
    opened = await openTestDatabase();
    dataSource = opened.dataSource;
    for (const actorName of ['delta', 'alpha', 'charlie', 'alpha', 'bravo']) {
      await dataSource.manager.insert(AuditEvent, {
        occurredAt: new Date('2026-09-01T08:00:00Z'),
        actorName,
        actorApiKeyId: null,
        action: 'named',
        outcome: AuditOutcome.SUCCEEDED,
      });
    }
  });
  afterAll(() => opened.close());

  it('orders by the text, ties by id, and visits every row once forward and backward', async () => {
    const all = namesOf(await page({ first: 10 }));
    expect(all.map((n) => n.split('#')[0])).toEqual(['alpha', 'alpha', 'bravo', 'charlie', 'delta']);
    const [firstAlpha, secondAlpha] = all.map((n) => Number(n.split('#')[1]));
    expect(firstAlpha!).toBeLessThan(secondAlpha!);

    const forward: string[] = [];
    let after: string | null = null;
    for (;;) {
      const p: Page<AuditEvent> = await page({ first: 2, after });
      forward.push(...namesOf(p));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(forward).toEqual(all);

    const last = await page({ last: 2 });
    expect(namesOf(last)).toEqual(all.slice(3));
    expect(namesOf(await page({ last: 2, before: last.pageInfo.startCursor }))).toEqual(all.slice(1, 3));
  });

  it('keeps its place when the row it started after is renamed', async () => {
    const first = await page({ first: 2 });
    const startedAfter = first.edges.at(-1)!.node;
    await dataSource.manager.update(AuditEvent, { id: startedAfter.id }, { actorName: 'zulu' });
    try {
      expect(namesOf(await page({ first: 10, after: first.pageInfo.endCursor })).map((n) => n.split('#')[0])).toEqual([
        'bravo',
        'charlie',
        'delta',
        'zulu',
      ]);
    } finally {
      await dataSource.manager.update(AuditEvent, { id: startedAfter.id }, { actorName: startedAfter.actorName });
    }
  });

  it('refuses a cursor of another list with BAD_USER_INPUT naming the argument', async () => {
    const error = await homeroomErrorOf(page({ first: 1, after: encodeCursor(3) }));
    expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(error.details).toMatchObject({ field: 'after' });
  });
});
