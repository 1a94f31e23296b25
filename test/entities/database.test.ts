import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import type { Database } from '../../src/entities/database.js';
import { AuditEvent, AuditOutcome } from '../../src/entities/audit-event.entity.js';
import { openTestDatabase, type OpenTestDatabase } from '../support/database.js';

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
