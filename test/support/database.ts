/**
 * A fresh, migrated database per test file: a SQLite file in a temp directory by default, or,
 * when TEST_DATABASE_URL is set, a schema of its own on that PostgreSQL server (dropped after).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../../src/config.js';
import { ApiKey } from '../../src/entities/api-key.entity.js';
import { AuditEvent, AuditEventTarget } from '../../src/entities/audit-event.entity.js';
import { openDatabase } from '../../src/entities/data-source.js';
import { Database } from '../../src/entities/database.js';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || undefined;

export interface TestDatabase {
  readonly config: DatabaseConfig;
  /** A temp directory for this test (data dir, key files). */
  readonly dir: string;
  cleanup(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeroom-test-'));
  const removeDir = () => fs.rmSync(dir, { recursive: true, force: true });
  if (!TEST_DATABASE_URL) {
    return { config: { type: 'sqlite', path: path.join(dir, 'homeroom.sqlite') }, dir, cleanup: async () => removeDir() };
  }
  const schema = `test_${randomBytes(6).toString('hex')}`;
  return {
    config: { type: 'postgres', url: TEST_DATABASE_URL, schema },
    dir,
    cleanup: async () => {
      await dropSchema(schema);
      removeDir();
    },
  };
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** The environment `loadConfig` (server, CLI) needs to use this test database. */
export function testEnvironment(testDb: TestDatabase): Record<string, string> {
  const { config } = testDb;
  const url =
    config.type === 'sqlite' ? `sqlite:${config.path}` : `${config.url}${config.url.includes('?') ? '&' : '?'}schema=${config.schema}`;
  return {
    HOMEROOM_DATA_DIR: testDb.dir,
    DATABASE_URL: url,
    HOMEROOM_SECRET_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // The embedded Apple simulator: any free port (tests run in parallel), a small school.
    APPLE_SIMULATOR_PORT: '0',
    APPLE_SIMULATOR_DEVICES: '20',
    // The cheapest scrypt cost: hashes stay real, and a test that creates users does not spend 150 ms on each.
    USER_PASSWORD_SCRYPT_LOG_N: '10',
    // Tests drive a ManualClock that seldom moves, so a budget would never refill; the budget's own tests set one.
    GRAPHQL_COST_BUDGET: '0',
  };
}

export interface OpenTestDatabase {
  readonly testDb: TestDatabase;
  readonly dataSource: DataSource;
  /** The transaction guard services use. */
  readonly database: Database;
  close(): Promise<void>;
}

/** Deletes every row of the foundation's tables (children first), for tests that share one database. */
export async function emptyFoundationTables(dataSource: DataSource): Promise<void> {
  for (const entity of [AuditEventTarget, AuditEvent, ApiKey]) await dataSource.createQueryBuilder().delete().from(entity).execute();
}

/** A fresh database, migrated and open. */
export async function openTestDatabase(): Promise<OpenTestDatabase> {
  const testDb = await createTestDatabase();
  const dataSource = await openDatabase(testDb.config);
  return {
    testDb,
    dataSource,
    database: new Database(dataSource),
    close: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await testDb.cleanup();
    },
  };
}

/** Resolves with what `promise` resolves to, or fails after `ms` naming what was awaited. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    }),
  ]);
}
