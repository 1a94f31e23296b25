/**
 * The TypeORM DataSource for either database, and opening it with migrations applied.
 *
 * SQLite runs in WAL mode (readers never wait for the writer) with `synchronous = NORMAL`
 * (durable across process crashes; a power cut may lose the last transactions, never corrupt
 * the file) and foreign keys on. `synchronize` is never used: the schema only moves through
 * migrations, so data survives upgrades.
 */
import path from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config.js';
import { ensurePrivateDirectory, restrictIfPresent, touchPrivateFile } from '../platform/private-files.js';
import { ENTITIES } from './index.js';
import { MIGRATIONS } from './migrations/index.js';
import { SnakeNamingStrategy } from './naming.strategy.js';

export function createDataSource(database: DatabaseConfig): DataSource {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    logging: false,
  } as const;
  const options: DataSourceOptions =
    database.type === 'sqlite'
      ? {
          ...common,
          type: 'better-sqlite3',
          database: database.path,
          enableWAL: true,
          // A second instance or the CLI may hold the write lock briefly; wait rather than fail.
          timeout: 5000,
          prepareDatabase: (db: { pragma(source: string): unknown }) => {
            db.pragma('synchronous = NORMAL');
            db.pragma('foreign_keys = ON');
            db.pragma('cache_size = -65536');
          },
        }
      : {
          ...common,
          type: 'postgres',
          url: database.url,
          ...(database.schema ? { schema: database.schema } : {}),
          // TypeORM qualifies its own statements with the schema, but hand-written SQL does not:
          // put the schema first on every pooled connection's search_path so both see the same tables.
          extra: { max: 10, ...(database.schema ? { options: `-c search_path="${database.schema}",public` } : {}) },
        };
  return new DataSource(options);
}

/**
 * Connects and applies pending migrations. Several instances may start at once: on PostgreSQL
 * TypeORM takes an advisory lock around migrations; on SQLite the write lock serialises them.
 */
export async function openDatabase(database: DatabaseConfig): Promise<DataSource> {
  if (database.type === 'sqlite') {
    // 0600 before SQLite opens it: SQLite gives its -wal and -shm files the database file's mode.
    ensurePrivateDirectory(path.dirname(database.path));
    touchPrivateFile(database.path);
  }
  const dataSource = createDataSource(database);
  await dataSource.initialize();
  if (database.type === 'sqlite') for (const suffix of ['-wal', '-shm']) restrictIfPresent(database.path + suffix);
  try {
    if (database.type === 'postgres' && database.schema) {
      await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${database.schema}"`);
    }
    await dataSource.runMigrations({ transaction: 'each' });
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

/** What `/readyz` reports: the database answers and no migration is pending. */
export async function checkDatabase(dataSource: DataSource): Promise<{ reachable: boolean; migrated: boolean }> {
  try {
    await dataSource.query('SELECT 1');
  } catch {
    return { reachable: false, migrated: false };
  }
  return { reachable: true, migrated: !(await dataSource.showMigrations()) };
}
