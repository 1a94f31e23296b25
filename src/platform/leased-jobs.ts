/**
 * What leased background jobs (assignment jobs, user imports) share: the lease, and the life of
 * a job in this process.
 *
 * The lease is the job row's owner and time (`entities/leased-job.ts`). A runner claims the job
 * (waiting, or RUNNING with a lease run out or released), renews the lease in every transaction
 * that records progress (checked there: losing it rolls the step back), releases it when the
 * server stops at a step boundary (the job stays RUNNING, so the next start, or another instance,
 * resumes it at once), and clears it when the job ends. A crashed process's lease runs out after
 * {@link JOB_LEASE_MS}. The service side ({@link LeasedJobService}) resumes, at every start and
 * every 30 seconds, the unfinished jobs whose lease is free or ran out.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager, EntityTarget, FindOptionsWhere, QueryDeepPartialEntity, QueryResult } from 'typeorm';
import type { Database } from '../entities/database.js';
import type { LeasedJob } from '../entities/leased-job.js';
import { Bindings } from '../entities/raw-sql.js';
import { ErrorCode, isHomeroomError } from '../errors.js';
import { createLogger, type Logger } from '../logger.js';
import { ResumableJobs } from './background.js';
import type { Clock } from './clock.js';
import type { EventBus } from './events/event-bus.js';
import { systemContext, type RequestContext } from './request-context.js';

/** How long a job's lease lasts past its last renewal. */
export const JOB_LEASE_MS = 2 * 60_000;

/** Which jobs a runner or service works on, and how its log lines name them. */
export interface LeasedJobKind<J extends LeasedJob> {
  readonly entity: EntityTarget<J>;
  /** The status of a job stored and not started yet (QUEUED, PENDING). */
  readonly waitingStatus: string;
  /** `assignment job`, for log lines. */
  readonly name: string;
  /** `a` or `an`, before {@link name}. */
  readonly article: 'a' | 'an';
  /** The message a job that failed on something unexpected records. */
  readonly unexpectedFailure: string;
}

/** A {@link LeasedJobKind} in one line: `leasedJobKind(AssignmentJob, 'QUEUED', 'an assignment job', '...')`. */
export function leasedJobKind<J extends LeasedJob>(
  entity: EntityTarget<J>,
  waitingStatus: string,
  named: `${'a' | 'an'} ${string}`,
  unexpectedFailure: string,
): LeasedJobKind<J> {
  const [article, ...name] = named.split(' ');
  return { entity, waitingStatus, article: article as 'a' | 'an', name: name.join(' '), unexpectedFailure };
}

export interface LeasedJobStore {
  readonly database: Database;
  readonly clock: Clock;
}

/** What every job runner is given, beside its own services. */
export interface LeasedJobRunnerDependencies extends LeasedJobStore {
  readonly events: EventBus;
  /** This process's lease owner name. */
  readonly owner: string;
}

/** A test seam called before each step is taken; a test holds a job there until it listens. */
export type BeforeStepHook = (jobId: number) => void | Promise<void>;

/**
 * A test seam called after each step committed, with the event it published. Throwing from it
 * abandons the job the way a killed process would: nothing more is written and the lease stays
 * until it runs out.
 */
export type AfterStepHook<P> = (progress: P) => void | Promise<void>;

/** Another process holds the job, or it is gone or ended. */
export class LeaseLost extends Error {}
/** The server is stopping: release the job at this step boundary. */
export class Stopping extends Error {}
/** A hook threw: behave like a killed process. */
export class Abandoned extends Error {}

/**
 * One job, from claimed to its end, in the background. A subclass does the work
 * ({@link work}) and records the end ({@link finish}); this class claims, stops, releases and
 * reports.
 */
export abstract class LeasedJobRunner<J extends LeasedJob> {
  private stopRequested = false;
  /** The job's table and columns, escaped, for {@link holdLeaseAdding}; looked up on first use. */
  private names: { table: string; columns: Map<string, string> } | null = null;
  /** The job as this process holds it; a subclass keeps its counts in step with every commit. */
  protected job: J | null = null;

  protected constructor(
    protected readonly kind: LeasedJobKind<J>,
    protected readonly store: LeasedJobRunnerDependencies,
    protected readonly ctx: RequestContext,
    protected readonly jobId: number,
  ) {}

  /** Ends the job's work at the next step boundary (it stays RUNNING, lease released, resumable). */
  requestStop(): void {
    this.stopRequested = true;
  }

  /** Runs to the end, or until stopped; never rejects. Resolves with the job as stored. */
  async execute(): Promise<J | null> {
    try {
      this.job = await this.claim();
    } catch (error) {
      this.ctx.logger.error({ err: error, jobId: this.jobId }, `${this.kind.name} could not start`);
      return this.stored().catch(() => null);
    }
    if (!this.job) return this.stored().catch(() => null);
    try {
      await this.work(this.job);
      return await this.finish(null);
    } catch (error) {
      try {
        if (error instanceof LeaseLost || error instanceof Abandoned) return await this.stored();
        if (error instanceof Stopping) return await this.release();
        const code = isHomeroomError(error) ? error.code : ErrorCode.INTERNAL_SERVER_ERROR;
        const message = isHomeroomError(error) ? error.message : this.kind.unexpectedFailure;
        this.logFailure(error, code, message);
        return await this.finish({ code, message });
      } catch (finishError) {
        // The database is gone (shutdown, outage) or the job was deleted: nothing left to record; a lease left runs out.
        this.ctx.logger.warn({ err: finishError, jobId: this.jobId }, `${this.kind.name} could not record its end`);
        return null;
      }
    }
  }

  /** The job's work, from where it stands to its last step. */
  protected abstract work(job: J): Promise<void>;

  /** Records the end (the lease cleared): as the work left it, or FAILED with `error`. */
  protected abstract finish(error: { code: string; message: string } | null): Promise<J | null>;

  /** Logs a job that failed with `error` (recorded with `code` and `message`). */
  protected logFailure(error: unknown, _code: string, _message: string): void {
    this.ctx.logger.error({ err: error, jobId: this.jobId }, `${this.kind.name} failed`);
  }

  /** Throws {@link Stopping} once the server asked the job to stop. */
  protected checkpoint(): void {
    if (this.stopRequested) throw new Stopping();
  }

  /** Runs a test hook; one that throws abandons the job the way a killed process would. */
  protected async runHook(hook: () => void | Promise<void>): Promise<void> {
    try {
      await hook();
    } catch {
      throw new Abandoned();
    }
  }

  /** When a lease renewed at `now` runs out. */
  protected leaseFrom(now: Date): Date {
    return new Date(now.getTime() + JOB_LEASE_MS);
  }

  /** Sets `values` on the job through `manager` if this process still holds it; false when it does not. */
  protected async updateIfHeld(manager: EntityManager, values: QueryDeepPartialEntity<J>): Promise<boolean> {
    const held = await manager
      .createQueryBuilder()
      .update(this.kind.entity)
      .set(values)
      .where("id = :id AND lease_owner = :owner AND status = 'RUNNING'", { id: this.jobId, owner: this.store.owner })
      .execute();
    return (held.affected ?? 0) === 1;
  }

  /** Like {@link updateIfHeld}, throwing {@link LeaseLost} (which rolls a transaction back) when not held. */
  protected async holdLease(manager: EntityManager, values: QueryDeepPartialEntity<J>): Promise<void> {
    if (!(await this.updateIfHeld(manager, values))) throw new LeaseLost();
  }

  /**
   * Like {@link holdLease} with `increments` added to the job's count columns, the lease renewed
   * from `now` and `updated_at` set to it, as ONE hand-written statement with positional values:
   * for a loop that writes thousands of rows per step, where the query builder's work per
   * statement costs more than the write. `manager` must be a transaction's (its runner reports
   * the rows changed).
   */
  protected async holdLeaseAdding(manager: EntityManager, increments: ReadonlyMap<keyof J & string, number>, now: Date): Promise<void> {
    const { table, columns } = this.rawNames(manager);
    const sql = new Bindings(manager);
    let statement = `UPDATE ${table} SET `;
    for (const [property, n] of increments) {
      if (n === 0) continue;
      const column = columns.get(property);
      if (!column || !Number.isSafeInteger(n)) throw new Error(`${this.kind.name}: cannot add ${n} to ${property}`);
      statement += `${column} = ${column} + ${n}, `;
    }
    statement += `updated_at = ${sql.bind(now.toISOString())}, lease_until = ${sql.bind(this.leaseFrom(now).toISOString())} `;
    statement += `WHERE id = ${sql.bind(this.jobId)} AND lease_owner = ${sql.bind(this.store.owner)} AND status = 'RUNNING'`;
    if (!manager.queryRunner) throw new Error('holdLeaseAdding runs inside a transaction');
    // The runner's raw result, for the count of rows changed (the manager's `query` gives only rows).
    const held = (await manager.queryRunner.query(statement, sql.values, true)) as QueryResult;
    if ((held.affected ?? 0) !== 1) throw new LeaseLost();
  }

  /** The job's table and its columns by property name, escaped, looked up once. */
  private rawNames(manager: EntityManager): { table: string; columns: Map<string, string> } {
    if (this.names) return this.names;
    const metadata = manager.connection.getMetadata(this.kind.entity);
    const escape = (name: string): string => manager.connection.driver.escape(name);
    const columns = new Map(metadata.columns.map((column) => [column.propertyName, escape(column.databaseName)]));
    this.names = { table: escape(metadata.tableName), columns };
    return this.names;
  }

  /** The job's table, for the columns every leased job has. */
  private get table(): EntityTarget<LeasedJob> {
    return this.kind.entity as EntityTarget<LeasedJob>;
  }

  /** Takes the job (waiting, or RUNNING with a lease run out or released); null when it is not to be had. */
  private async claim(): Promise<J | null> {
    const now = this.store.clock.now();
    const manager = this.store.database.manager;
    const taken = await manager
      .createQueryBuilder()
      .update(this.table)
      .set({ status: 'RUNNING', leaseOwner: this.store.owner, leaseUntil: this.leaseFrom(now), updatedAt: now })
      .where("id = :id AND status IN (:waiting, 'RUNNING')", { id: this.jobId, waiting: this.kind.waitingStatus })
      .andWhere('(lease_owner IS NULL OR lease_until IS NULL OR lease_until <= :now OR lease_owner = :owner)', {
        now: now.toISOString(),
        owner: this.store.owner,
      })
      .execute();
    if ((taken.affected ?? 0) !== 1) return null;
    await manager
      .createQueryBuilder()
      .update(this.table)
      .set({ startedAt: now })
      .where('id = :id AND started_at IS NULL', { id: this.jobId })
      .execute();
    return this.stored();
  }

  /** Lets go of the job for another process or the next start; it stays RUNNING. */
  private async release(): Promise<J | null> {
    await this.store.database.manager
      .createQueryBuilder()
      .update(this.table)
      .set({ leaseOwner: null, leaseUntil: null })
      .where('id = :id AND lease_owner = :owner', { id: this.jobId, owner: this.store.owner })
      .execute();
    return this.stored();
  }

  protected stored(): Promise<J | null> {
    return this.store.database.manager.findOneBy(this.kind.entity, { id: this.jobId } as FindOptionsWhere<J>);
  }
}

/**
 * A service's jobs in this process: started once each, resumed when no process holds them, and
 * stopped together at shutdown. A subclass says how one job runs ({@link run}).
 */
export abstract class LeasedJobService<J extends LeasedJob> {
  /** This process's name on the leases it takes. */
  protected readonly owner = randomUUID();
  protected readonly jobs = new ResumableJobs<{ execute(): Promise<J | null>; requestStop(): void }, J | null>(() => this.resumeOrphans());
  protected logger: Logger = createLogger('silent');

  protected constructor(
    private readonly jobKind: LeasedJobKind<J>,
    private readonly logComponent: string,
    private readonly jobStore: LeasedJobStore,
  ) {}

  /** Resumes jobs no process holds now, then checks again every 30 seconds. */
  start(logger?: Logger): void {
    if (logger) this.logger = logger.child({ component: this.logComponent });
    this.jobs.start();
  }

  /**
   * Stops looking for jobs, and asks this process's jobs to stop at their next step boundary
   * (they stay RUNNING with their lease released, so the next start resumes them), waiting up to
   * 10 seconds. A job still inside a step after that is left like a crashed one.
   */
  async stop(): Promise<void> {
    await this.jobs.stop();
  }

  /** One look for jobs to resume, now. */
  async resumeNow(): Promise<void> {
    return this.jobs.resumeNow();
  }

  /** Resolves when every job this process runs has ended or paused (tests, shutdown). */
  async idle(): Promise<void> {
    await this.jobs.idle();
  }

  /** Runs the job in the background, once per process; resolves with the job as it ended or paused. */
  protected abstract run(ctx: RequestContext, jobId: number): Promise<J | null>;

  /** Starts every unfinished job whose lease is free or ran out (an instance stopped or died). */
  private async resumeOrphans(): Promise<void> {
    try {
      const now = this.jobStore.clock.now().toISOString();
      const orphans = await this.jobStore.database.manager
        .getRepository(this.jobKind.entity)
        .createQueryBuilder('job')
        .select('job.id', 'id')
        .where("job.status IN (:waiting, 'RUNNING')", { waiting: this.jobKind.waitingStatus })
        .andWhere('(job.lease_until IS NULL OR job.lease_until <= :now)', { now })
        .orderBy('job.id')
        .getRawMany<{ id: number }>();
      const ctx = systemContext(this.logger);
      for (const { id } of orphans) {
        if (this.jobs.has(Number(id))) continue;
        this.logger.info({ jobId: Number(id) }, `resuming ${this.jobKind.article} ${this.jobKind.name}`);
        void this.run(ctx, Number(id));
      }
    } catch (error) {
      this.logger.error({ err: error }, `looking for ${this.jobKind.name}s to resume failed`);
    }
  }
}
