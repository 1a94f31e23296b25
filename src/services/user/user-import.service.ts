/**
 * CSV imports of directory users as background jobs (issue 14, item 11).
 *
 * Hashing is the slow part of an import (about 110 ms a password at the default cost on 2 busy
 * cores: 2 minutes for 1,000 users), far longer than a proxy or a browser waits for an HTTP
 * answer. So a request only checks the file as a whole (header, row count, every cell, usernames
 * taken or repeated) and stores a job with one row per data row, in one transaction with its
 * audit event: the rows refused are stored FAILED with their reason, the others PENDING with their
 * password sealed by the secret box (never in clear). It answers at once with the job; the job
 * then hashes and creates the users in the background, chunk by chunk (`user-import-runner.ts`),
 * and survives a restart: every start, and a check every 30 seconds, resumes jobs no process holds.
 */
import type { EntityManager } from 'typeorm';
import type { UserRole } from '../../entities/directory-user.entity.js';
import { paginate, type Page, type PageRequest } from '../../entities/pagination.js';
import { Bindings, chunks } from '../../entities/raw-sql.js';
import { UserImportJob } from '../../entities/user-import-job.entity.js';
import { unleasedJobColumns } from '../../entities/leased-job.js';
import { UserImportRow } from '../../entities/user-import-row.entity.js';
import { badInput, type ErrorCode, type HomeroomError, isHomeroomError } from '../../errors.js';
import { LeasedJobService } from '../../platform/leased-jobs.js';
import { Topic } from '../../platform/events/event-bus.js';
import type { RequestContext } from '../../platform/request-context.js';
import { AuditRecord, type AuditService } from '../audit/audit.service.js';
import type { ServiceDependencies } from '../service-dependencies.js';
import { DEFAULT_SCRYPT_LOG_N } from './password-hash.js';
import { parseUserCsv, type UserCsvRow } from './user-csv.js';
import { USER_IMPORT_JOBS, UserImportRunner, type UserImportHooks } from './user-import-runner.js';
import { importProgressOf, sealContextOf, type UserImportRowStatus } from './user-import-state.js';
import { checkDisplayName, checkPassword, checkRole, checkUsername, findUsersNamed, USER_LIMITS, usernameTaken } from './user.service.js';

export type { UserImportHooks } from './user-import-runner.js';
export { IMPORT_CHUNK, IMPORT_LEASE_MS } from './user-import-runner.js';
export * from './user-import-state.js';

/** GraphQL type name of an import job, for audit targets and global IDs. */
export const USER_IMPORT_JOB_TYPE = 'UserImportJob';
/** Rows per INSERT of the job's rows: 10 values each, far below both databases' bound-parameter limits. */
const ROW_INSERT_CHUNK = 500;

/** What became of one data row of an import, as clients read it. */
export interface UserImportRowResult {
  /** 1-based number of the row among the file's data rows (the header and blank lines are not counted). */
  readonly row: number;
  /** The row's username, lower-cased; null when the row has none. */
  readonly username: string | null;
  readonly status: UserImportRowStatus;
  /** Why the row failed: BAD_USER_INPUT (a cell is invalid), ALREADY_EXISTS, INTERNAL_SERVER_ERROR. */
  readonly code: ErrorCode | null;
  readonly message: string | null;
}

/** A stored import: the job, the rows refused up front, and the background run's end. */
export interface StartedUserImport {
  readonly job: UserImportJob;
  /** Rows refused when the file was checked, in file order (they are among the job's rows too). */
  readonly refused: UserImportRowResult[];
  /** Resolves with the job as it ended or paused (never rejects); the job as stored when nothing was left to run. */
  readonly done: Promise<UserImportJob | null>;
}

/** Filters of a job's rows. */
export interface UserImportRowFilter {
  readonly statuses?: readonly UserImportRowStatus[] | null;
}

/** A row as checked: what the user will be, or why it is refused. */
type CheckedRow =
  | { readonly row: number; readonly username: string; readonly displayName: string; readonly role: UserRole; readonly password: string }
  | { readonly row: number; readonly username: string | null; readonly error: HomeroomError };

export class UserImportService extends LeasedJobService<UserImportJob> {
  /** Test and benchmark seams (see {@link UserImportHooks}); production leaves it empty. */
  readonly hooks: UserImportHooks = {};

  constructor(
    private readonly deps: ServiceDependencies,
    private readonly audit: AuditService,
  ) {
    super(USER_IMPORT_JOBS, 'user-import', deps);
  }

  /**
   * Checks a CSV file (`username,displayName,role,password`; see `user-csv.ts`) and stores it as
   * an import job, audited as `importUsers`: rows with an invalid cell (BAD_USER_INPUT) or a
   * username already in the directory or earlier in the file (ALREADY_EXISTS) are stored FAILED;
   * the others PENDING, created in the background. A file without a row to create gives a job
   * already SUCCEEDED.
   *
   * @throws HomeroomError BAD_USER_INPUT (field `csv`) for a file that cannot be read as a whole:
   * no usable header, a quote left open, more than 50,000 rows (nothing stored).
   */
  async importCsv(ctx: RequestContext, csvText: string): Promise<StartedUserImport> {
    const action = 'importUsers';
    const record = new AuditRecord();
    return this.audit.recordingFailures(ctx, action, record, async () => {
      const checked = checkRows(parseUserCsv(csvText));
      const { job, refused } = await this.audit.mutate(ctx, action, async (tx, rec) => {
        const stored = await this.store(ctx, tx, checked);
        rec.target(USER_IMPORT_JOB_TYPE, stored.job.id);
        rec.detail({
          jobId: stored.job.id,
          rowCount: stored.job.rowCount,
          refusedCount: stored.refused.length,
          pendingCount: stored.job.rowCount - stored.refused.length,
        });
        return stored;
      });
      if (job.status === 'PENDING') return { job, refused, done: this.run(ctx, job.id) };
      // Nothing to create: the job ended as it was stored, and its one event is the final state.
      this.deps.events.publish(Topic.USER_IMPORT_JOB_PROGRESSED, importProgressOf(job, 0, this.deps.clock.now()));
      return { job, refused, done: Promise.resolve(job) };
    });
  }

  async findJob(id: number): Promise<UserImportJob | null> {
    return this.deps.database.manager.findOneBy(UserImportJob, { id });
  }

  /** A job's rows in file order, optionally only some statuses. */
  async listRows(jobId: number, filter: UserImportRowFilter, page: PageRequest): Promise<Page<UserImportRow>> {
    const query = this.deps.database.manager
      .getRepository(UserImportRow)
      .createQueryBuilder('importRow')
      // Never the sealed password, even to the resolvers.
      .select([
        'importRow.id',
        'importRow.jobId',
        'importRow.rowNumber',
        'importRow.username',
        'importRow.status',
        'importRow.errorCode',
        'importRow.errorMessage',
      ])
      .where('importRow.job_id = :jobId', { jobId });
    if (filter.statuses && filter.statuses.length > 0)
      query.andWhere('importRow.status IN (:...statuses)', { statuses: [...filter.statuses] });
    return paginate(query, { column: 'importRow.id', keyOf: (row) => row.id, direction: 'ASC' }, page);
  }

  // ----------------------------------------------------------------------------------------------

  /** The job and its rows, written through `tx`; passwords sealed, names checked against the directory. */
  private async store(
    ctx: RequestContext,
    tx: EntityManager,
    checked: readonly CheckedRow[],
  ): Promise<{ job: UserImportJob; refused: UserImportRowResult[] }> {
    const now = this.deps.clock.now();
    const taken = await findUsersNamed(
      tx,
      checked.flatMap((row) => ('error' in row ? [] : [row.username])),
    );
    const rows = checked.map((row): CheckedRow =>
      !('error' in row) && taken.has(row.username)
        ? { row: row.row, username: row.username, error: usernameTaken(row.username, 'in the directory') }
        : row,
    );
    const refused = rows.flatMap((row): UserImportRowResult[] =>
      'error' in row ? [{ row: row.row, username: row.username, status: 'FAILED', code: row.error.code, message: row.error.message }] : [],
    );
    const pending = rows.length - refused.length;
    const job = Object.assign(new UserImportJob(), {
      status: pending > 0 ? 'PENDING' : 'SUCCEEDED',
      requestedBy: (ctx.actor?.name ?? 'anonymous').slice(0, 200),
      rowCount: rows.length,
      createdCount: 0,
      failedCount: refused.length,
      createdAt: now,
      startedAt: pending > 0 ? null : now,
      finishedAt: pending > 0 ? null : now,
      updatedAt: now,
      ...unleasedJobColumns(),
    });
    await tx.insert(UserImportJob, job);
    const stamp = now.toISOString();
    const columns = 'job_id, row_number, username, display_name, role, sealed_password, status, error_code, error_message, updated_at';
    for (const chunk of chunks(rows, ROW_INSERT_CHUNK)) {
      // Hand-written with positional values: the query builder's named values cost more than the writes at this size (raw-sql.ts).
      const sql = new Bindings(tx);
      const values = chunk.map((row) => {
        const cells =
          'error' in row
            ? [row.username, null, null, null, 'FAILED', row.error.code, row.error.message.slice(0, 1000)]
            : [
                row.username,
                row.displayName,
                row.role,
                this.deps.secretBox.seal(row.password, sealContextOf(job.id, row.row)),
                'PENDING',
                null,
                null,
              ];
        return sql.list([job.id, row.row, ...cells, stamp]);
      });
      await tx.query(`INSERT INTO user_import_row (${columns}) VALUES ${values.join(', ')}`, sql.values);
    }
    return { job, refused };
  }

  /** Runs the job in the background, once per process. */
  protected override run(ctx: RequestContext, jobId: number): Promise<UserImportJob | null> {
    return this.jobs.run(
      jobId,
      () =>
        new UserImportRunner(
          {
            database: this.deps.database,
            clock: this.deps.clock,
            events: this.deps.events,
            secretBox: this.deps.secretBox,
            scryptLogN: this.deps.userPasswordScryptLogN ?? DEFAULT_SCRYPT_LOG_N,
            hooks: this.hooks,
            owner: this.owner,
          },
          ctx,
          jobId,
        ),
    );
  }
}

/**
 * Every row checked as `createUser` checks its input, in file order; the first problem found is
 * the row's error, and a username already seen earlier in the file is ALREADY_EXISTS.
 */
function checkRows(rows: readonly UserCsvRow[]): CheckedRow[] {
  const seen = new Set<string>();
  return rows.map((row) => {
    const checked = checkRow(row);
    if ('error' in checked) return checked;
    if (seen.has(checked.username))
      return { row: row.row, username: checked.username, error: usernameTaken(checked.username, 'earlier in this file') };
    seen.add(checked.username);
    return checked;
  });
}

function checkRow(row: UserCsvRow): CheckedRow {
  const raw = row.cells.username?.trim() ?? '';
  const username = raw === '' ? null : raw.toLowerCase().slice(0, USER_LIMITS.username);
  try {
    if (Object.values(row.cells).some((cell) => cell === undefined)) {
      throw badInput('row', 'has fewer cells than the header has columns.');
    }
    if (row.extraCells) throw badInput('row', 'has more cells than the header has columns (a comma inside a value needs quotes).');
    return {
      row: row.row,
      username: checkUsername(raw),
      displayName: checkDisplayName(row.cells.displayName!),
      role: checkRole(row.cells.role!.trim().toUpperCase()),
      password: checkPassword(row.cells.password!),
    };
  } catch (error) {
    if (isHomeroomError(error)) return { row: row.row, username, error };
    throw error;
  }
}
