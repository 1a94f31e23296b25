import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { TURNS_IN_A_ROW, type Database } from '../../src/entities/database.js';
import { AuditEvent, AuditOutcome } from '../../src/entities/audit-event.entity.js';
import { ErrorCode } from '../../src/errors.js';
import { ManualClock } from '../../src/platform/clock.js';
import { OperationBudget, runWithBudget } from '../../src/platform/operation-budget.js';
import { openTestDatabase, TEST_DATABASE_URL, type OpenTestDatabase } from '../support/database.js';

function event(action: string): Partial<AuditEvent> {
  return { action, actorName: 'test', outcome: AuditOutcome.SUCCEEDED, occurredAt: new Date(), actorApiKeyId: null };
}

describe('Database.transaction', () => {
  let opened: OpenTestDatabase;
  let dataSource: DataSource;
  let database: Database;

  beforeAll(async () => {
    opened = await openTestDatabase();
    ({ dataSource, database } = opened);
  });
  afterAll(() => opened.close());

  it("keeps a concurrent transaction's committed work when another transaction rolls back", async () => {
    let letFirstFail!: () => void;
    const firstMayFail = new Promise<void>((resolve) => (letFirstFail = resolve));
    const first = database.transaction(async (tx) => {
      await tx.insert(AuditEvent, event('first'));
      await firstMayFail;
      throw new Error('first fails after the second started');
    });
    const second = database.transaction(async (tx) => {
      await tx.insert(AuditEvent, event('second'));
    });
    letFirstFail();
    await expect(first).rejects.toThrow('first fails');
    await second;
    const actions = (await dataSource.getRepository(AuditEvent).find()).map((e) => e.action);
    expect(actions).toEqual(['second']);
  });

  it('does not let a read outside a transaction see rows that are then rolled back', async () => {
    let letRollBack!: () => void;
    const mayRollBack = new Promise<void>((resolve) => (letRollBack = resolve));
    let inserted!: () => void;
    const didInsert = new Promise<void>((resolve) => (inserted = resolve));
    const writer = database.transaction(async (tx) => {
      await tx.insert(AuditEvent, event('doomed'));
      inserted();
      await mayRollBack;
      throw new Error('rolled back');
    });
    await didInsert;
    const read = database.manager.countBy(AuditEvent, { action: 'doomed' });
    letRollBack();
    await expect(writer).rejects.toThrow('rolled back');
    expect(await read).toBe(0);
  });
});

describe('Database inside an operation budget', () => {
  let opened: OpenTestDatabase;
  let database: Database;

  beforeAll(async () => {
    opened = await openTestDatabase();
    ({ database } = opened);
  });
  afterAll(() => opened.close());

  it('refuses the next query of an operation whose time budget is spent with OPERATION_TIMED_OUT', async () => {
    const clock = new ManualClock();
    const budget = new OperationBudget(clock);
    budget.start(100);
    await runWithBudget(budget, () => database.manager.query('SELECT 1'));
    clock.advance(101);
    await expect(runWithBudget(budget, () => database.manager.query('SELECT 1'))).rejects.toMatchObject({
      code: ErrorCode.OPERATION_TIMED_OUT,
      details: { timeoutMs: 100 },
    });
    // Outside the operation nothing is refused.
    await expect(database.manager.query('SELECT 1')).resolves.toBeDefined();
  });

  it("lets other callbacks run between an operation's parallel queries, so one operation cannot starve /healthz", async () => {
    const budget = new OperationBudget(new ManualClock());
    budget.start(10_000);
    let finished = 0;
    const queries = runWithBudget(budget, () =>
      Promise.all(Array.from({ length: 20 }, () => database.manager.query('SELECT COUNT(*) FROM audit_event').then(() => finished++))),
    );
    // What an incoming request gets: a callback on the next loop turn.
    const seenByOthers = await new Promise<number>((resolve) => setImmediate(() => resolve(finished)));
    await queries;
    expect(finished).toBe(20);
    expect(seenByOthers).toBeLessThan(5);
  });

  /** Runs `count` queries one after another inside a new operation; each logs `name` when answered. */
  function sequential(name: string, count: number, log: string[]): Promise<void> {
    const budget = new OperationBudget(new ManualClock());
    return runWithBudget(budget, async () => {
      for (let i = 0; i < count; i++) {
        await database.manager.query('SELECT 1');
        log.push(name);
      }
    });
  }

  // SQLite answers a statement within its turn, so an operation asks again before the next turn;
  // PostgreSQL answers over the network, after other operations' turns, so the order there is the
  // network's.
  it.skipIf(TEST_DATABASE_URL !== undefined)(
    'finishes a short operation before giving turns to the next, instead of interleaving their statements',
    async () => {
      const log: string[] = [];
      await Promise.all([sequential('A', 3, log), sequential('B', 3, log)]);
      expect(log.join('')).toBe('AAABBB');
    },
  );

  it.skipIf(TEST_DATABASE_URL !== undefined)(`lets the others in after ${TURNS_IN_A_ROW} turns of one operation in a row`, async () => {
    const log: string[] = [];
    await Promise.all([sequential('A', TURNS_IN_A_ROW + 4, log), sequential('B', 1, log)]);
    expect(log.join('')).toBe(`${'A'.repeat(TURNS_IN_A_ROW)}B${'A'.repeat(4)}`);
  });
});
