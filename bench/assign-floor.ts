/**
 * The write floor of an assignment job, for `bench:assign`: the rows a job of N devices stores,
 * written by the simplest statements straight on the database driver, with no Apple call, no
 * TypeORM and no per-row decision. Per group of 5000 devices (the job's group: 5 Apple calls of
 * 1000) one transaction reads the group's outcome rows, updates the devices' assignment columns,
 * records the group (Apple's plain SUCCESS is not written to an outcome row: `AssignmentGroup`)
 * and adds to the job's count; before that one statement inserts an outcome row per device, as
 * the job's creation does.
 *
 * This is what a job that keeps one outcome row per device and updates one device row per device
 * pays for its writes alone. Compared with the Apple ceiling, it says how much of the job's ratio
 * the storage itself takes: when the floor alone is over 1.3 times the ceiling and the writes run
 * on the thread that makes the calls (SQLite), no tuning of the runner reaches the target.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Pool, PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { APPLE_BATCH, GROUP_CALLS } from '../src/services/assignment/assignment-runner.js';

/** Devices per transaction: the job's group ({@link GROUP_CALLS} Apple calls of {@link APPLE_BATCH} serials). */
const GROUP = GROUP_CALLS * APPLE_BATCH;

export interface WriteFloor {
  /** Inserting one PENDING outcome row per device. */
  readonly insertSeconds: number;
  /** Reading, updating and committing the groups. */
  readonly groupsSeconds: number;
  /** Of the groups: the devices' UPDATEs. */
  readonly deviceSeconds: number;
  readonly seconds: number;
  readonly groups: number;
}

/** Runs the floor for job `jobId`'s devices on `dataSource` (SQLite or PostgreSQL); it adds a second set of outcome rows to the job. */
export async function writeFloor(dataSource: DataSource, jobId: number, profileId: number, tokenId: number): Promise<WriteFloor> {
  const postgres = dataSource.options.type === 'postgres';
  const sql = postgres ? await postgresSql(dataSource) : sqliteSql(dataSource);
  try {
    const stamp = new Date().toISOString();
    const started = performance.now();
    const [{ last }] = (await sql.rows('SELECT COALESCE(MAX(id), 0) AS last FROM assignment_outcome', [])) as Array<{ last: number }>;
    await sql.rows(
      'INSERT INTO assignment_outcome (job_id, device_id, serial_number, result, attempts, failures, retry_at, requires_wipe, updated_at) ' +
        `SELECT ${sql.p(1)}, id, serial_number, 'PENDING', 0, 0, NULL, FALSE, ${sql.p(2)} FROM device WHERE token_id = ${sql.p(3)} ORDER BY id`,
      [jobId, stamp, tokenId],
    );
    const inserted = performance.now();
    let cursor = Number(last);
    let groups = 0;
    let deviceMs = 0;
    for (;;) {
      await sql.rows('BEGIN', []);
      // As the job does: the tables were just filled and have no statistics yet (see the runner's commit).
      if (postgres) await sql.rows('SET LOCAL enable_seqscan = off', []);
      const rows = (await sql.rows(
        `SELECT id, serial_number, device_id FROM assignment_outcome WHERE job_id = ${sql.p(1)} AND result = 'PENDING' ` +
          `AND id > ${sql.p(2)} ORDER BY id LIMIT ${GROUP}`,
        [jobId, cursor],
      )) as Array<{ id: number | string; serial_number: string; device_id: number | string }>;
      if (rows.length === 0) {
        await sql.rows('COMMIT', []);
        break;
      }
      cursor = Number(rows[rows.length - 1]!.id);
      const devices = rows.map((row) => Number(row.device_id));
      const devicesFrom = performance.now();
      await sql.rows(
        `UPDATE device SET profile_id = ${sql.p(1)}, apple_profile_uuid = ${sql.p(2)}, profile_status = 'assigned', ` +
          `profile_assign_time = ${sql.p(3)}, profile_push_time = NULL, requires_wipe = FALSE WHERE id ${sql.in(4, devices.length)}`,
        [profileId, 'floor-uuid', stamp, ...sql.list(devices)],
      );
      deviceMs += performance.now() - devicesFrom;
      await sql.rows(`INSERT INTO assignment_group (job_id, through_id, answered_at) VALUES (${sql.p(1)}, ${sql.p(2)}, ${sql.p(3)})`, [
        jobId,
        cursor,
        stamp,
      ]);
      await sql.rows(
        `UPDATE assignment_job SET succeeded_count = succeeded_count + ${sql.p(1)}, updated_at = ${sql.p(2)} WHERE id = ${sql.p(3)}`,
        [rows.length, stamp, jobId],
      );
      await sql.rows('COMMIT', []);
      groups += 1;
    }
    const ended = performance.now();
    return {
      insertSeconds: (inserted - started) / 1000,
      groupsSeconds: (ended - inserted) / 1000,
      deviceSeconds: deviceMs / 1000,
      seconds: (ended - started) / 1000,
      groups,
    };
  } finally {
    sql.release();
  }
}

/** The few things the floor needs of a driver: run a statement, placeholders, a membership list. */
interface FloorSql {
  rows(source: string, values: unknown[]): Promise<unknown[]>;
  /** The `n`th placeholder (from 1). */
  p(n: number): string;
  /** Membership in a list of `count` values bound from placeholder `from`. */
  in(from: number, count: number): string;
  /** The values {@link in} binds. */
  list(values: number[]): unknown[];
  release(): void;
}

/** better-sqlite3 as Homeroom's data source opened it (same pragmas); statements prepared once per text. */
function sqliteSql(dataSource: DataSource): FloorSql {
  const connection = (dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection;
  const prepared = new Map<string, BetterSqlite3.Statement>();
  return {
    async rows(source, values) {
      let statement = prepared.get(source);
      if (!statement) {
        statement = connection.prepare(source);
        prepared.set(source, statement);
      }
      return statement.reader ? statement.all(...values) : (statement.run(...values), []);
    },
    p: () => '?',
    in: (_from, count) => `IN (${new Array<string>(count).fill('?').join(', ')})`,
    list: (values) => values,
    release: () => undefined,
  };
}

/** One client of Homeroom's pool (its search_path names the bench's schema); lists as one array value. */
async function postgresSql(dataSource: DataSource): Promise<FloorSql & { client: PoolClient }> {
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  const client = await pool.connect();
  return {
    client,
    async rows(source, values) {
      return (await client.query(source, values)).rows as unknown[];
    },
    p: (n) => `$${n}`,
    in: (from) => `= ANY($${from})`,
    list: (values) => [values],
    release: () => client.release(),
  };
}
