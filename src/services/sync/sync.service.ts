/**
 * Device sync (seed 002's "Sync ASM-managed devices"): which kind of run a request gets, the
 * 15-minute lease that keeps one run per token across every Homeroom instance on the database, the
 * automatic sync loop, and the reads the API shows (status, cooldown, runs). The devices a sync
 * writes are read through `services/device/`.
 *
 * The rules live in `sync-rules.ts`, one run's loop in `sync-runner.ts`, the set-based page writes
 * in `sync-writer.ts`. A request takes the lease with a conditional UPDATE of the token row in the
 * same transaction that inserts the RUNNING run (and its audit event), then the run continues in
 * the background; Apple is never called inside a transaction.
 */
import type { EntityManager } from 'typeorm';
import { EnrollmentProgramToken } from '../../entities/enrollment-program-token.entity.js';
import { NO_SYNC_COUNTS, SyncRun } from '../../entities/sync-run.entity.js';
import { ErrorCode, HomeroomError, isHomeroomError, rowNotFound } from '../../errors.js';
import { createLogger, type Logger } from '../../logger.js';
import type { AuditService } from '../audit/audit.service.js';
import { Topic, type SyncProgressed } from '../../platform/events/event-bus.js';
import { paginate, type Page, type PageRequest } from '../../entities/pagination.js';
import { systemContext, type RequestContext } from '../../platform/request-context.js';
import type { ServiceDependencies } from '../service-dependencies.js';
import type { AppleSessionGateway } from '../token/apple-session-gateway.js';
import {
  chooseKind,
  cooldownOf,
  DEFAULT_AUTOMATIC_SYNC_INTERVAL_MS,
  fullSyncDueAt,
  leaseHeld,
  MANUAL_SYNC_FLOOR_MS,
  manualSyncAvailableAt,
  RUN_DEADLINE_MS,
  SCHEDULER_CHECK_MS,
  syncAvailableAt,
  type SyncColumns,
} from './sync-rules.js';
import { progressOf, releaseLease, SyncRunner, type SyncHooks } from './sync-runner.js';
import { PeriodicCheck } from '../../platform/periodic-check.js';
import { BackgroundWork } from '../../platform/background.js';
import type { SyncPhase, SyncTrigger } from '../../entities/sync-vocabulary.js';
import type { SyncCooldown, SyncProgressView, SyncStatus } from './sync-types.js';
import { cooldownFromNow, progressFromNow, type SyncStreamDependencies } from './sync-streams.js';
import { secondTicker } from '../../platform/ticker.js';

export type { SyncCooldown, SyncProgressView, SyncStatus } from './sync-types.js';
export type { SyncHooks } from './sync-runner.js';
export { cooldownOf, FULL_SYNC_INTERVAL_MS, MANUAL_SYNC_FLOOR_MS, RUN_DEADLINE_MS, type SyncColumns } from './sync-rules.js';

/** The audit action of a sync request: the GraphQL mutation's name. */
const SYNC_ACTION = 'syncDevices';
/** The audit target type of tokens: their GraphQL type name. */
const TOKEN_TARGET = 'EnrollmentProgramToken';

export class SyncService {
  /** Test and benchmark seams (see {@link SyncHooks}); production leaves it empty. */
  readonly hooks: SyncHooks = {};
  /** Called (not awaited) when a run of a token succeeded; set when the services are wired. */
  afterSucceeded: ((ctx: RequestContext, tokenId: number) => void) | null = null;
  private readonly runs = new BackgroundWork<SyncRunner, SyncRun>();
  private readonly scheduler = new PeriodicCheck(() => this.scheduledCheck(), SCHEDULER_CHECK_MS);
  private logger: Logger = createLogger('silent');
  private readonly streamDeps: SyncStreamDependencies;

  constructor(
    private readonly deps: ServiceDependencies,
    private readonly appleSessions: AppleSessionGateway,
    private readonly audit: AuditService,
  ) {
    this.streamDeps = { clock: deps.clock, events: deps.events, ticker: deps.ticker ?? secondTicker() };
  }

  /** The automatic sync period (`AUTOMATIC_SYNC_INTERVAL_HOURS`, 24 hours by default). */
  get automaticSyncIntervalMs(): number {
    return this.deps.automaticSyncIntervalMs ?? DEFAULT_AUTOMATIC_SYNC_INTERVAL_MS;
  }

  /**
   * Starts a sync of the token's devices. The kind follows the rules (`sync-rules.ts`); the
   * 15-minute lease is taken atomically in the database and the RUNNING run inserted in the same
   * transaction (with the `syncDevices` audit event); the run then continues in the background.
   * Resolves with the run as started; `done` resolves with it as it ended (it never rejects).
   *
   * @throws HomeroomError NOT_FOUND (no such token); SYNC_IN_PROGRESS while another run holds an
   *   unexpired lease; SYNC_TOO_SOON (MANUAL only) within 15 minutes of the last manual sync's start.
   *   Both with `details.syncAvailableAt` (ISO 8601): when a sync of this trigger may start.
   */
  async requestSync(
    ctx: RequestContext,
    tokenId: number,
    trigger: SyncTrigger = 'MANUAL',
  ): Promise<{ run: SyncRun; done: Promise<SyncRun> }> {
    const expired: SyncRun[] = [];
    const run = await this.audit.mutate(ctx, SYNC_ACTION, async (tx, record) => {
      record.target(TOKEN_TARGET, tokenId);
      const now = this.deps.clock.now();
      expired.push(...(await this.expireIn(tx, now, tokenId)));
      const token = await tx.findOneBy(EnrollmentProgramToken, { id: tokenId });
      if (!token) throw rowNotFound('enrollment program token', 'EnrollmentProgramToken', [tokenId]);
      const manual = trigger === 'MANUAL';
      if (leaseHeld(token, now)) throw syncInProgress(manual ? syncAvailableAt(token, now) : token.syncLeaseUntil!);
      if (manual && manualSyncAvailableAt(token, now).getTime() > now.getTime()) throw syncTooSoon(token, now);
      const decision = chooseKind(token, trigger, now);
      const deadlineAt = new Date(now.getTime() + RUN_DEADLINE_MS);
      const row = Object.assign(new SyncRun(), {
        tokenId,
        kind: decision.kind,
        trigger,
        status: 'RUNNING',
        phase: (decision.kind === 'FULL' ? 'FETCHING' : 'SYNCING') satisfies SyncPhase,
        startedAt: now,
        finishedAt: null,
        deadlineAt,
        ...NO_SYNC_COUNTS,
        estimatedTotal: decision.kind === 'FULL' ? token.lastFullSyncDeviceCount : null,
        fallbackReason: decision.fallbackReason,
        errorCode: null,
        errorMessage: null,
      });
      await tx.insert(SyncRun, row);
      // The lease itself: only one transaction can move it from free (or expired) to this run, and
      // for a manual run only while the manual floor is over (two manual requests cannot both pass).
      const lease = tx
        .createQueryBuilder()
        .update(EnrollmentProgramToken)
        .set({ syncLeaseRunId: row.id, syncLeaseUntil: deadlineAt, ...(manual ? { lastManualSyncAt: now } : {}) })
        .where('id = :tokenId AND (sync_lease_run_id IS NULL OR sync_lease_until IS NULL OR sync_lease_until <= :now)', {
          tokenId,
          now: now.toISOString(),
        });
      if (manual) {
        lease.andWhere('(last_manual_sync_at IS NULL OR last_manual_sync_at <= :floorStart)', {
          floorStart: new Date(now.getTime() - MANUAL_SYNC_FLOOR_MS).toISOString(),
        });
      }
      const taken = await lease.execute();
      if ((taken.affected ?? 0) !== 1) {
        const holder = await tx.findOneBy(EnrollmentProgramToken, { id: tokenId });
        if (holder && manual && !leaseHeld(holder, now)) throw syncTooSoon(holder, now);
        throw syncInProgress(holder ? syncAvailableAt(holder, now) : deadlineAt);
      }
      record.detail({ runId: row.id, kind: row.kind, trigger, fallbackReason: row.fallbackReason });
      return row;
    });
    this.publishEnded(expired);
    this.deps.events.publish(Topic.SYNC_STATE_CHANGED, { tokenId });
    this.deps.events.publish(Topic.SYNC_PROGRESSED, progressOf(run, run.phase, this.deps.clock.now()));
    const done = this.runs.run(
      run.id,
      () =>
        new SyncRunner(
          {
            database: this.deps.database,
            clock: this.deps.clock,
            events: this.deps.events,
            appleSessions: this.appleSessions,
            hooks: this.hooks,
          },
          ctx,
          Object.assign(new SyncRun(), run),
        ),
    );
    void done.then(
      (ended) => {
        if (ended.status === 'SUCCEEDED') this.afterSucceeded?.(ctx, ended.tokenId);
      },
      () => undefined,
    );
    return { run, done };
  }

  /** The first sync of a token just uploaded; a failure to start is logged, never thrown (the upload stands). */
  async afterTokenUploaded(ctx: RequestContext, token: EnrollmentProgramToken): Promise<void> {
    try {
      await this.requestSync(ctx, token.id, 'TOKEN_UPLOADED');
    } catch (error) {
      ctx.logger.warn({ err: error, tokenId: token.id }, 'the first device sync of the uploaded token did not start');
    }
  }

  /** Where the token's syncing stands now (an overdue run is marked TIMED_OUT first). */
  async status(tokenId: number): Promise<SyncStatus> {
    await this.expireOverdueRuns(tokenId);
    const token = await this.requireToken(tokenId);
    const now = this.deps.clock.now();
    const running = leaseHeld(token, now);
    const fullDue = fullSyncDueAt(token, now);
    return {
      state: running ? 'RUNNING' : 'IDLE',
      lastSyncAt: token.lastSyncAt,
      lastSuccessfulSyncAt: token.lastSuccessfulSyncAt,
      lastFullSyncAt: token.lastFullSyncAt,
      nextFullSyncAvailableAt: fullDue.getTime() > now.getTime() ? fullDue : now,
      syncAvailableAt: syncAvailableAt(token, now),
      currentRun: running ? await this.findRun(token.syncLeaseRunId!) : null,
    };
  }

  /** The countdowns for the `syncCooldown` subscription, from the server clock. */
  async cooldown(tokenId: number): Promise<SyncCooldown> {
    return cooldownOf(await this.syncTimes(tokenId), this.deps.clock.now());
  }

  /**
   * The token's sync columns (an overdue run is marked TIMED_OUT first), for a live countdown that
   * applies {@link cooldownOf} to them each second without reading the database again.
   */
  async syncTimes(tokenId: number): Promise<SyncColumns> {
    await this.expireOverdueRuns(tokenId);
    return this.requireToken(tokenId);
  }

  /** The token's runs, newest first. */
  async listRuns(tokenId: number, page: PageRequest): Promise<Page<SyncRun>> {
    const query = this.deps.database.manager.getRepository(SyncRun).createQueryBuilder('run').where('run.token_id = :tokenId', { tokenId });
    return paginate(query, { column: 'run.id', keyOf: (run) => run.id, direction: 'DESC' }, page);
  }

  /**
   * Where the token's syncing stands, as a progress event: the running run's counts as last
   * committed, else its last run as it ended (phase DONE); null when it has never synced.
   * `syncProgressed` sends it first, so a client sees the state before the next step.
   */
  /** Where the token stands now, then each step of its runs (`syncProgressed`). */
  progressStream(tokenId: number): AsyncIterable<SyncProgressView> {
    return progressFromNow(this, this.streamDeps, tokenId);
  }

  /** The token's countdowns now, then whenever they change (`syncCooldown`). */
  cooldownStream(tokenId: number): AsyncIterable<SyncCooldown> {
    return cooldownFromNow(this, this.streamDeps, tokenId);
  }

  async progressNow(tokenId: number): Promise<SyncProgressed | null> {
    const { currentRun } = await this.status(tokenId);
    const run = currentRun ?? (await this.listRuns(tokenId, { first: 1 })).edges[0]?.node ?? null;
    if (!run) return null;
    return progressOf(run, run.status === 'RUNNING' ? run.phase : 'DONE', this.deps.clock.now());
  }

  async findRun(id: number): Promise<SyncRun | null> {
    return this.deps.database.manager.findOneBy(SyncRun, { id });
  }

  /**
   * Starts the automatic sync loop: every minute, an AUTOMATIC run (trigger SCHEDULED) for each
   * token whose last sync ended `automaticSyncIntervalMs` ago or more (or that never synced).
   */
  startScheduler(logger?: Logger): void {
    if (logger) this.logger = logger.child({ component: 'device-sync' });
    this.scheduler.start();
  }

  /**
   * Stops the loop, and asks this process's runs to end at their next page boundary (FAILED with
   * `INTERRUPTED`, lease freed, resumable), waiting up to 10 seconds for them. A run still inside a
   * call to Apple after that is left like a crashed one: the next run after its deadline resumes it.
   */
  async stopScheduler(): Promise<void> {
    await this.scheduler.stop();
    await this.runs.stop();
  }

  /** One check of the automatic sync loop, now. */
  async tick(): Promise<void> {
    return this.scheduler.tick();
  }

  /** Resolves when every run this process started has ended (tests, shutdown). */
  async idle(): Promise<void> {
    await this.runs.idle();
  }

  /**
   * Marks runs past their deadline TIMED_OUT and frees their lease (requests and status reads
   * also do it for their token). Returns how many it marked.
   */
  async expireOverdueRuns(tokenId?: number): Promise<number> {
    const now = this.deps.clock.now();
    const ended = await this.deps.database.transaction((tx) => this.expireIn(tx, now, tokenId));
    this.publishEnded(ended);
    return ended.length;
  }

  // ----------------------------------------------------------------------------------------------

  private async scheduledCheck(): Promise<void> {
    try {
      await this.expireOverdueRuns();
      const now = this.deps.clock.now();
      const dueBefore = new Date(now.getTime() - this.automaticSyncIntervalMs).toISOString();
      const due = await this.deps.database.manager
        .createQueryBuilder(EnrollmentProgramToken, 'token')
        .select('token.id', 'id')
        .where('(token.sync_lease_run_id IS NULL OR token.sync_lease_until <= :now)', { now: now.toISOString() })
        .andWhere('(token.last_sync_at IS NULL OR token.last_sync_at <= :dueBefore)', { dueBefore })
        .orderBy('token.id')
        .getRawMany<{ id: number }>();
      const ctx = systemContext(this.logger);
      for (const { id } of due) {
        try {
          await this.requestSync(ctx, Number(id), 'SCHEDULED');
        } catch (error) {
          // Another instance started one meanwhile, or the token was deleted: nothing to do.
          if (!isHomeroomError(error) || (error.code !== ErrorCode.SYNC_IN_PROGRESS && error.code !== ErrorCode.NOT_FOUND)) {
            this.logger.error({ err: error, tokenId: id }, 'automatic device sync did not start');
          }
        }
      }
    } catch (error) {
      this.logger.error({ err: error }, 'automatic device sync check failed');
    }
  }

  /** In `tx`: RUNNING runs past their deadline become TIMED_OUT, and their leases are freed. */
  private async expireIn(tx: EntityManager, now: Date, tokenId?: number): Promise<SyncRun[]> {
    const query = tx
      .getRepository(SyncRun)
      .createQueryBuilder('run')
      .where('run.status = :running AND run.deadline_at <= :now', { running: 'RUNNING', now: now.toISOString() });
    if (tokenId !== undefined) query.andWhere('run.token_id = :tokenId', { tokenId });
    const overdue = await query.getMany();
    const ended: SyncRun[] = [];
    for (const run of overdue) {
      const message = 'The run did not finish within its 15 minutes; the next sync continues from the last page saved.';
      const marked = await tx
        .createQueryBuilder()
        .update(SyncRun)
        .set({ status: 'TIMED_OUT', phase: 'DONE', finishedAt: now, errorCode: 'TIMED_OUT', errorMessage: message })
        .where('id = :id AND status = :running', { id: run.id, running: 'RUNNING' })
        .execute();
      if ((marked.affected ?? 0) !== 1) continue;
      await releaseLease(tx, run, 'TIMED_OUT', now);
      ended.push(
        Object.assign(run, { status: 'TIMED_OUT', phase: 'DONE', finishedAt: now, errorCode: 'TIMED_OUT', errorMessage: message }),
      );
    }
    return ended;
  }

  private publishEnded(runs: readonly SyncRun[]): void {
    const now = this.deps.clock.now();
    for (const run of runs) {
      this.deps.events.publish(Topic.SYNC_PROGRESSED, progressOf(run, 'DONE', now));
      this.deps.events.publish(Topic.SYNC_STATE_CHANGED, { tokenId: run.tokenId });
    }
  }

  private async requireToken(tokenId: number): Promise<EnrollmentProgramToken> {
    const token = await this.deps.database.manager.findOneBy(EnrollmentProgramToken, { id: tokenId });
    if (!token) throw rowNotFound('enrollment program token', 'EnrollmentProgramToken', [tokenId]);
    return token;
  }
}

function syncInProgress(availableAt: Date): HomeroomError {
  return new HomeroomError(
    ErrorCode.SYNC_IN_PROGRESS,
    `A sync of this token is already running; another may start at ${availableAt.toISOString()} (when it ends, or after its 15 minutes at the latest).`,
    { syncAvailableAt: availableAt.toISOString() },
  );
}

function syncTooSoon(token: SyncColumns, now: Date): HomeroomError {
  const availableAt = syncAvailableAt(token, now);
  return new HomeroomError(
    ErrorCode.SYNC_TOO_SOON,
    `A manual sync of this token started at ${token.lastManualSyncAt!.toISOString()}; at most one manual sync per 15 minutes is allowed, so the next may start at ${availableAt.toISOString()}.`,
    { syncAvailableAt: availableAt.toISOString() },
  );
}
