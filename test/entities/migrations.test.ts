import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { checkDatabase, openDatabase } from '../../src/entities/data-source.js';
import { MIGRATIONS } from '../../src/entities/migrations/index.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

describe('migrations', () => {
  let testDb: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    dataSource = await openDatabase(testDb.config);
  });
  afterAll(async () => {
    if (dataSource.isInitialized) await dataSource.destroy();
    await testDb.cleanup();
  });

  it('create exactly the schema the entities describe (no pending change)', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('are all applied, and /readyz would say so', async () => {
    const applied = (await dataSource.query('SELECT name FROM migrations ORDER BY id')) as Array<{ name: string }>;
    expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => new m().name));
    expect(await checkDatabase(dataSource)).toEqual({ reachable: true, migrated: true });
  });

  it('apply nothing twice when the database is opened again', async () => {
    await dataSource.destroy();
    dataSource = await openDatabase(testDb.config);
    const applied = (await dataSource.query('SELECT name FROM migrations')) as unknown[];
    expect(applied).toHaveLength(MIGRATIONS.length);
  });

  it('run SQLite in WAL mode with foreign keys on', async () => {
    if (testDb.config.type !== 'sqlite') return;
    expect(await dataSource.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(await dataSource.query('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
    expect(await dataSource.query('PRAGMA synchronous')).toEqual([{ synchronous: 1 }]);
  });

  it('can be reverted, and then /readyz reports a pending migration', async () => {
    await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await checkDatabase(dataSource)).toEqual({ reachable: true, migrated: false });
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await checkDatabase(dataSource)).toEqual({ reachable: true, migrated: true });
  });
});
