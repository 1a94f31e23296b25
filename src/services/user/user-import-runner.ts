/**
 * One user import job, from PENDING to its end, in the background.
 *
 * The loop: take the next {@link IMPORT_CHUNK} PENDING rows in file order; open their sealed
 * passwords and hash them (outside any transaction: scrypt is the slow part, about 110 ms a
 * password at the default cost); then ONE transaction creates the users whose names are still
 * free, sets each row CREATED (or FAILED when its name was taken meanwhile), wipes the rows'
 * sealed passwords, adds to the job's counts and renews its lease. A crash therefore loses at
 * most the chunk being hashed, whose rows are still PENDING with their sealed passwords: the
 * resumed job hashes them again and never creates a user twice.
 *
 * The lease (owner + time on the job row) keeps one process on a job; it is renewed before every
 * chunk is hashed and with every commit. A stopping server releases it at the next chunk
 * boundary, so the next start (or another instance) resumes the job at once; a crashed one's
 * lease runs out after {@link IMPORT_LEASE_MS}.
 */
import { availableParallelism } from 'node:os';
import type { EntityManager } from 'typeorm';
import { DirectoryUser, type UserRole } from '../../entities/directory-user.entity.js';
import { isUniqueViolation } from '../../entities/database.js';
import { Bindings } from '../../entities/raw-sql.js';
import { UserImportJob } from '../../entities/user-import-job.entity.js';
import { endedJobColumns } from '../../entities/leased-job.js';
import { UserImportRow } from '../../entities/user-import-row.entity.js';
import { ErrorCode, HomeroomError } from '../../errors.js';
import {
  JOB_LEASE_MS,
  LeasedJobRunner,
  type AfterStepHook,
  type BeforeStepHook,
  leasedJobKind,
  type LeasedJobRunnerDependencies,
} from '../../platform/leased-jobs.js';
import { Topic, type UserImportJobProgressed } from '../../platform/events/event-bus.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { SecretBox } from '../../platform/secret-box.js';
import { hashPassword } from './password-hash.js';
import { importProgressOf, sealContextOf } from './user-import-state.js';
import { findUsersNamed, usernameTaken } from './user.service.js';

/**
 * Rows per chunk: one transaction each. About 3 seconds of hashing at the default cost on 2
 * cores, so a crash costs little, progress is reported often, and the transaction's lock on
 * SQLite is held for one INSERT of 50 users, not for the hashing.
 */
export const IMPORT_CHUNK = 50;
/** The lease every leased job has, named for tests that simulate a crashed instance. */
export const IMPORT_LEASE_MS = JOB_LEASE_MS;
/** User imports, for the lease they share with assignment jobs. */
const UNEXPECTED_FAILURE = 'The import stopped unexpectedly; see the server log.';
export const USER_IMPORT_JOBS = leasedJobKind(UserImportJob, 'PENDING', 'a user import job', UNEXPECTED_FAILURE);
/** How often a chunk's commit is tried again when PostgreSQL reports a name created meanwhile. */
const COMMIT_ATTEMPTS = 3;

/**
 * Passwords hashed at once. Each scrypt holds one of libuv's threads (4 unless UV_THREADPOOL_SIZE
 * says otherwise) and one core, so an import keeps one thread free for the sign-ins of iPads
 * being set up meanwhile, and uses no more threads than there are cores.
 */
const IMPORT_HASH_CONCURRENCY = Math.max(1, Math.min(availableParallelism(), (Number(process.env.UV_THREADPOOL_SIZE) || 4) - 1));

/** Test and benchmark seams; production sets none. */
export interface UserImportHooks {
  beforeChunk?: BeforeStepHook;
  afterChunkCommitted?: AfterStepHook<UserImportJobProgressed>;
}

export interface UserImportRunnerDependencies extends LeasedJobRunnerDependencies {
  readonly secretBox: SecretBox;
  /** scrypt cost (log2 N) of the hashes made. */
  readonly scryptLogN: number;
  readonly hooks: UserImportHooks;
}

/** A PENDING row as read for its chunk. */
interface PendingRow {
  readonly id: number;
  readonly rowNumber: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: UserRole;
  readonly sealedPassword: string | null;
}

/** A row's hash, or why it has none. */
type Hashed = { readonly row: PendingRow; readonly hash: string } | { readonly row: PendingRow; readonly unreadable: true };

export class UserImportRunner extends LeasedJobRunner<UserImportJob> {
  constructor(
    private readonly deps: UserImportRunnerDependencies,
    ctx: RequestContext,
    jobId: number,
  ) {
    super(USER_IMPORT_JOBS, deps, ctx, jobId);
  }

  protected override async work(): Promise<void> {
    await this.loop();
  }

  // ----------------------------------------------------------------------------------------------

  private async loop(): Promise<void> {
    for (;;) {
      this.checkpoint();
      await this.deps.hooks.beforeChunk?.(this.jobId);
      this.checkpoint();
      const rows = await this.pendingRows();
      if (rows.length === 0) return;
      // Hashing a chunk takes seconds (minutes at the highest cost): the lease must outlast it.
      await this.renewLease();
      const hashed = await mapConcurrently(rows, IMPORT_HASH_CONCURRENCY, (row) => this.hash(row));
      const progress = await this.commit(hashed);
      await this.runHook(() => this.deps.hooks.afterChunkCommitted?.(progress));
    }
  }

  /** The next chunk of PENDING rows, in file order. */
  private async pendingRows(): Promise<PendingRow[]> {
    const rows = await this.deps.database.manager.find(UserImportRow, {
      where: { jobId: this.jobId, status: 'PENDING' },
      select: { id: true, rowNumber: true, username: true, displayName: true, role: true, sealedPassword: true },
      order: { id: 'ASC' },
      take: IMPORT_CHUNK,
    });
    return rows.map((row) => ({
      id: row.id,
      rowNumber: row.rowNumber,
      username: row.username ?? '',
      displayName: row.displayName ?? '',
      role: row.role as UserRole,
      sealedPassword: row.sealedPassword,
    }));
  }

  /** The row's password, opened and hashed; the clear text lives only in this call. */
  private async hash(row: PendingRow): Promise<Hashed> {
    let password: string;
    try {
      if (row.sealedPassword === null) return { row, unreadable: true };
      password = this.deps.secretBox.openText(row.sealedPassword, sealContextOf(this.jobId, row.rowNumber));
    } catch (error) {
      this.ctx.logger.warn({ err: error, jobId: this.jobId, row: row.rowNumber }, 'a sealed import password could not be opened');
      return { row, unreadable: true };
    }
    return { row, hash: await hashPassword(password, this.deps.scryptLogN) };
  }

  /**
   * One transaction: the users whose names are still free, every row's result (sealed password
   * wiped), and the job's counts and lease (checked last: losing it rolls the whole chunk back).
   * Returns the event it publishes after the commit.
   */
  private async commit(hashed: readonly Hashed[]): Promise<UserImportJobProgressed> {
    const job = this.job!;
    for (let attempt = 1; ; attempt++) {
      try {
        const counts = await this.deps.database.transaction(async (tx) => {
          const now = this.deps.clock.now();
          const taken = await findUsersNamed(
            tx,
            hashed.map(({ row }) => row.username),
          );
          const created: Array<{ row: PendingRow; hash: string }> = [];
          const failed: Array<{ row: PendingRow; error: HomeroomError }> = [];
          for (const entry of hashed) {
            if ('unreadable' in entry) failed.push({ row: entry.row, error: unreadable() });
            else if (taken.has(entry.row.username)) failed.push({ row: entry.row, error: usernameTaken(entry.row.username) });
            else created.push(entry);
          }
          if (created.length > 0) {
            // No re-select of generated ids: nothing here needs them.
            await tx
              .createQueryBuilder()
              .insert()
              .into(DirectoryUser)
              .values(
                created.map(({ row, hash }) => ({
                  username: row.username,
                  displayName: row.displayName,
                  role: row.role,
                  passwordHash: hash,
                  createdAt: now,
                  updatedAt: now,
                })),
              )
              .updateEntity(false)
              .execute();
            await this.setRows(
              tx,
              created.map(({ row }) => row.id),
              'CREATED',
              null,
              now,
            );
          }
          for (const { row, error } of failed) await this.setRows(tx, [row.id], 'FAILED', error, now);
          await this.holdLease(tx, {
            createdCount: () => `created_count + ${created.length}`,
            failedCount: () => `failed_count + ${failed.length}`,
            updatedAt: now,
            leaseUntil: this.leaseFrom(now),
          });
          return { created: created.length, failed: failed.length };
        });
        job.createdCount += counts.created;
        job.failedCount += counts.failed;
        job.status = 'RUNNING';
        return this.publish(job, hashed.length);
      } catch (error) {
        // PostgreSQL: another request created one of these names after the check above. Check again.
        if (isUniqueViolation(error) && attempt < COMMIT_ATTEMPTS) continue;
        throw error;
      }
    }
  }

  /** Sets rows' result and wipes their sealed passwords. */
  private async setRows(
    tx: EntityManager,
    ids: readonly number[],
    status: 'CREATED' | 'FAILED',
    error: HomeroomError | null,
    now: Date,
  ): Promise<void> {
    const sql = new Bindings(tx);
    await tx.query(
      `UPDATE user_import_row SET status = ${sql.bind(status)}, sealed_password = NULL, error_code = ${sql.bind(error?.code ?? null)}, ` +
        `error_message = ${sql.bind(error?.message.slice(0, 1000) ?? null)}, updated_at = ${sql.bind(now.toISOString())} ` +
        `WHERE id IN ${sql.list(ids)}`,
      sql.values,
    );
  }

  private async renewLease(): Promise<void> {
    await this.holdLease(this.deps.database.manager, { leaseUntil: this.leaseFrom(this.deps.clock.now()) });
  }

  /**
   * Records the end: SUCCEEDED, or FAILED with the error. A failed job reports the rows it did not
   * reach as FAILED too and wipes their sealed passwords: nothing waits in the database for a job
   * that will not run again.
   */
  protected override async finish(error: { code: string; message: string } | null): Promise<UserImportJob | null> {
    let ended: UserImportJob | null = null;
    await this.deps.database.transaction(async (tx) => {
      const now = this.deps.clock.now();
      if (!(await this.updateIfHeld(tx, { updatedAt: now }))) return;
      if (error) {
        const notReached = new HomeroomError(
          ErrorCode.INTERNAL_SERVER_ERROR,
          'Not created: the import stopped on an error before this row; import it again.',
        );
        const sql = new Bindings(tx);
        await tx.query(
          `UPDATE user_import_row SET status = 'FAILED', sealed_password = NULL, error_code = ${sql.bind(notReached.code)}, ` +
            `error_message = ${sql.bind(notReached.message)}, updated_at = ${sql.bind(now.toISOString())} ` +
            `WHERE job_id = ${sql.bind(this.jobId)} AND status = 'PENDING'`,
          sql.values,
        );
      }
      const job = await tx.findOneByOrFail(UserImportJob, { id: this.jobId });
      const values = {
        status: error ? 'FAILED' : 'SUCCEEDED',
        // Every row is CREATED or FAILED now.
        failedCount: job.rowCount - job.createdCount,
        ...endedJobColumns(now, error),
      };
      await tx.update(UserImportJob, { id: this.jobId }, values);
      ended = Object.assign(job, values);
    });
    if (!ended) return this.stored();
    this.publish(ended, 0);
    return ended;
  }

  private publish(job: UserImportJob, chunkSize: number): UserImportJobProgressed {
    const progress = importProgressOf(job, chunkSize, this.deps.clock.now());
    this.deps.events.publish(Topic.USER_IMPORT_JOB_PROGRESSED, progress);
    return progress;
  }
}

/** A row whose sealed password does not open: sealed under another HOMEROOM_SECRET_KEY, or altered. */
function unreadable(): HomeroomError {
  return new HomeroomError(
    ErrorCode.INTERNAL_SERVER_ERROR,
    "Not created: the row's stored password could not be opened (was HOMEROOM_SECRET_KEY changed?); import this row again.",
  );
}

/** `work` over `items` with at most `limit` running at once; results in input order. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
