/**
 * Makes the PostgreSQL run visible: `npm test` runs the whole suite on SQLite; with
 * TEST_DATABASE_URL set (.ci/run does so when a local PostgreSQL answers) the same suite runs
 * on PostgreSQL, and this file says which one ran.
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/entities/data-source.js';
import { createTestDatabase, TEST_DATABASE_URL } from '../support/database.js';

describe('the database the suite runs on', () => {
  it.skipIf(!TEST_DATABASE_URL)(
    'is PostgreSQL when TEST_DATABASE_URL is set (skipped: TEST_DATABASE_URL is not set, so the suite ran on SQLite only)',
    async () => {
      const testDb = await createTestDatabase();
      const dataSource = await openDatabase(testDb.config);
      try {
        const [row] = (await dataSource.query('SELECT version() AS version')) as Array<{ version: string }>;
        expect(row!.version).toMatch(/^PostgreSQL/);
      } finally {
        await dataSource.destroy();
        await testDb.cleanup();
      }
    },
  );

  it.skipIf(Boolean(TEST_DATABASE_URL))('is SQLite by default', async () => {
    const testDb = await createTestDatabase();
    expect(testDb.config.type).toBe('sqlite');
    await testDb.cleanup();
  });
});
