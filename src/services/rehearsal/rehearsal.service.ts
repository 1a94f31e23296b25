/**
 * Rehearsals started from Homeroom itself (the console's "Start rehearsal" on the enrollment wall):
 * N virtual iPads of a token power on and enroll, in development, while the wall shows them move.
 *
 * It reuses the shell's rehearsal (`runScenario` from the simulator, as `homeroom simulate
 * devices` does): the iPads run in this process but speak to Homeroom only over real HTTP, at the
 * enrollment URLs the built-in Apple simulator hands them, exactly as from another shell. Only the
 * choice of iPads is Homeroom's (`rehearsal-devices.ts`, read from its own database, so no API key
 * has to be kept or made for the run).
 *
 * Why these choices:
 * - Only with the built-in simulator (`APPLE_DEP_URL=simulator`): virtual iPads need its factory
 *   identities and activation service, so anywhere else the request is refused with
 *   SIMULATOR_UNAVAILABLE (a production Homeroom never powers on pretend iPads).
 * - In memory, not in the database: the iPads are objects of this process and die with it, so a
 *   stored rehearsal could never be resumed; a restart forgets rehearsals, which is what happened
 *   to them. So `rehearsal(id:)` and `rehearsalProgressed` answer on the instance that runs it
 *   (a development feature, for one Homeroom); its events carry the whole state, so a subscriber
 *   never re-reads anything.
 * - One at a time per server (REHEARSAL_IN_PROGRESS): two would power on the same iPads.
 * - In the background, outside the request's operation budget: the mutation answers at once with
 *   the RUNNING rehearsal, as `importUsers` answers with its job.
 */
import { randomUUID } from 'node:crypto';
import { EnrollmentProgramToken } from '../../entities/enrollment-program-token.entity.js';
import { badInput, ErrorCode, HomeroomError, rowNotFound } from '../../errors.js';
import { toGlobalId } from '../../global-id.js';
import { waitAtMost } from '../../platform/background.js';
import { Topic, type RehearsalProgressed } from '../../platform/events/event-bus.js';
import { outsideOperation } from '../../platform/operation-budget.js';
import type { RequestContext } from '../../platform/request-context.js';
import { runScenario, type ScenarioProgress, type ScenarioReport } from '../../simulator/device/index.js';
import type { AuditService } from '../audit/audit.service.js';
import type { ServiceDependencies } from '../service-dependencies.js';
import { rehearsalDevices, type RehearsalDevice } from './rehearsal-devices.js';

/** GraphQL type name of a rehearsal, for global IDs and audit details. */
export const REHEARSAL_TYPE = 'Rehearsal';
/** Most iPads one rehearsal powers on. The shell's `simulate devices` has no such bound. */
export const MAX_REHEARSAL_COUNT = 1000;
/** Most iPads running at once, and the default. */
export const MAX_REHEARSAL_CONCURRENCY = 1000;
export const DEFAULT_REHEARSAL_CONCURRENCY = 50;
/** Ended rehearsals kept for `rehearsal(id:)`; older ones are forgotten. */
const KEPT_REHEARSALS = 20;

export type RehearsalStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED';

/** A rehearsal as clients see it: the same shape as its events. */
export type Rehearsal = RehearsalProgressed & { readonly status: RehearsalStatus };

/** Whether this server can run rehearsals, and why not. */
export interface RehearsalAvailability {
  readonly available: boolean;
  /** Why not, in words for the person at the console; null when available. */
  readonly reason: string | null;
}

export interface StartRehearsalInput {
  readonly tokenId: number;
  readonly count: number;
  readonly concurrency?: number | null;
}

/** A started rehearsal and its end (`done` never rejects). */
export interface StartedRehearsal {
  readonly rehearsal: Rehearsal;
  readonly done: Promise<Rehearsal>;
}

export class RehearsalService {
  private readonly rehearsals = new Map<string, Rehearsal>();
  /** The rehearsal this server runs (claimed from the moment a request passes the checks). */
  private current: { readonly id: string; readonly abort: AbortController; readonly done: Promise<Rehearsal | null> } | null = null;

  constructor(
    private readonly deps: ServiceDependencies,
    private readonly audit: AuditService,
  ) {}

  availability(): RehearsalAvailability {
    const simulator = this.deps.embeddedSimulator;
    if (!simulator)
      return {
        available: false,
        reason:
          'Rehearsals need the built-in Apple simulator (APPLE_DEP_URL=simulator, the development default); this Homeroom talks to Apple or to a simulator elsewhere.',
      };
    if (!simulator.deviceCaTrusted)
      return {
        available: false,
        reason:
          "Enrollment does not trust the built-in simulator's device CA (MDM_TRUST_SIMULATOR_DEVICE_CA=false), so virtual iPads cannot enroll.",
      };
    return { available: true, reason: null };
  }

  /**
   * Powers on `count` of the token's iPads (see `rehearsal-devices.ts` for which), at most
   * `concurrency` at once, in the background; audited as `startRehearsal`. Resolves with the
   * RUNNING rehearsal once it is under way.
   *
   * @throws HomeroomError SIMULATOR_UNAVAILABLE (no built-in simulator, or its iPads untrusted),
   * BAD_USER_INPUT (`count` not 1 to 1000, `concurrency` not 1 to 1000, or a token without iPads),
   * NOT_FOUND (no such token), REHEARSAL_IN_PROGRESS (one is running on this server)
   */
  async start(ctx: RequestContext, input: StartRehearsalInput): Promise<StartedRehearsal> {
    const abort = new AbortController();
    let finish!: (rehearsal: Rehearsal | null) => void;
    const settled = new Promise<Rehearsal | null>((resolve) => (finish = resolve));
    const rehearsalId = randomUUID();
    try {
      const { rehearsal, devices, appleUrl } = await this.audit.mutate(ctx, 'startRehearsal', async (tx, record) => {
        record.target('EnrollmentProgramToken', input.tokenId);
        const { available, reason } = this.availability();
        const simulator = this.deps.embeddedSimulator;
        if (!available || !simulator) throw new HomeroomError(ErrorCode.SIMULATOR_UNAVAILABLE, reason ?? 'No built-in Apple simulator.');
        if (!Number.isInteger(input.count) || input.count < 1 || input.count > MAX_REHEARSAL_COUNT)
          throw badInput('count', `must be a whole number from 1 to ${MAX_REHEARSAL_COUNT}.`);
        const concurrency = input.concurrency ?? DEFAULT_REHEARSAL_CONCURRENCY;
        if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_REHEARSAL_CONCURRENCY)
          throw badInput('concurrency', `must be a whole number from 1 to ${MAX_REHEARSAL_CONCURRENCY}.`);
        if (!(await tx.existsBy(EnrollmentProgramToken, { id: input.tokenId })))
          throw rowNotFound('enrollment program token', 'EnrollmentProgramToken', [input.tokenId]);
        if (this.current) {
          throw new HomeroomError(
            ErrorCode.REHEARSAL_IN_PROGRESS,
            'A rehearsal is already running on this server; wait for it to end before starting another.',
            { rehearsalId: toGlobalId(REHEARSAL_TYPE, this.current.id) },
          );
        }
        // Claimed before the next await: a request arriving meanwhile sees it (on PostgreSQL transactions overlap).
        this.current = { id: rehearsalId, abort, done: settled };
        const chosen = await rehearsalDevices(tx, input.tokenId, input.count);
        if (chosen.length === 0) throw badInput('tokenId', 'the token has no iPads to power on yet: sync it first.');
        record.detail({ rehearsalId, requestedCount: input.count, deviceCount: chosen.length, concurrency });
        const started: Rehearsal = {
          rehearsalId,
          tokenId: input.tokenId,
          status: 'RUNNING',
          requestedCount: input.count,
          deviceCount: chosen.length,
          concurrency,
          doneCount: 0,
          enrolledCount: 0,
          unmanagedCount: 0,
          failedCount: 0,
          unexpectedFailureCount: 0,
          failures: [],
          startedBy: ctx.actor?.name ?? 'anonymous',
          startedAt: this.deps.clock.now().toISOString(),
          finishedAt: null,
          errorMessage: null,
        };
        return { rehearsal: started, devices: chosen, appleUrl: simulator.url };
      });
      this.remember(rehearsal);
      // The iPads outlive the request: no operation budget, and the answer does not wait for them.
      const done = outsideOperation(() => this.run(ctx, rehearsal, { appleUrl, devices, signal: abort.signal }));
      void done.then(finish);
      return { rehearsal, done };
    } catch (error) {
      finish(null);
      throw error;
    } finally {
      void settled.then(() => {
        if (this.current?.id === rehearsalId) this.current = null;
      });
    }
  }

  /** A rehearsal this server ran or runs, by its key; null once forgotten (or never here). */
  find(rehearsalId: string): Rehearsal | null {
    return this.rehearsals.get(rehearsalId) ?? null;
  }

  /** The rehearsal running on this server, if any. */
  running(): Rehearsal | null {
    return this.current ? this.find(this.current.id) : null;
  }

  /** Resolves when no rehearsal runs (tests). */
  async idle(): Promise<void> {
    while (this.current) await this.current.done;
  }

  /**
   * Powers on no further iPad and waits (up to 10 s) for those already on to come to rest; the
   * rehearsal then ends FAILED, saying Homeroom stopped.
   */
  async stop(): Promise<void> {
    this.current?.abort.abort();
    if (this.current) await waitAtMost(this.current.done);
  }

  // ----------------------------------------------------------------------------------------------

  private async run(
    ctx: RequestContext,
    started: Rehearsal,
    options: { appleUrl: string; devices: readonly RehearsalDevice[]; signal: AbortSignal },
  ): Promise<Rehearsal> {
    this.publish(started);
    let ended: Rehearsal;
    try {
      const report = await runScenario({
        appleUrl: options.appleUrl,
        devices: options.devices,
        count: options.devices.length,
        concurrency: started.concurrency,
        signal: options.signal,
        onProgress: (progress) => this.publish(this.progressed(started.rehearsalId, progress)),
      });
      ended = this.ended(started.rehearsalId, report, options.signal.aborted);
    } catch (error) {
      ctx.logger.error({ err: error, rehearsalId: started.rehearsalId }, 'rehearsal failed');
      ended = {
        ...this.find(started.rehearsalId)!,
        status: 'FAILED',
        finishedAt: this.deps.clock.now().toISOString(),
        errorMessage: `The rehearsal stopped: ${(error as Error).message}`,
      };
    }
    this.publish(ended);
    ctx.logger.info(
      { rehearsalId: ended.rehearsalId, status: ended.status, enrolled: ended.enrolledCount, failed: ended.failedCount },
      'rehearsal ended',
    );
    return ended;
  }

  private progressed(rehearsalId: string, progress: ScenarioProgress): Rehearsal {
    return {
      ...this.find(rehearsalId)!,
      doneCount: progress.done,
      enrolledCount: progress.enrolled,
      unmanagedCount: progress.unmanaged,
      failedCount: progress.failed,
    };
  }

  private ended(rehearsalId: string, report: ScenarioReport, stopped: boolean): Rehearsal {
    const failures = Object.entries(report.failed).map(([reason, count]) => ({ reason, count: count ?? 0 }));
    const incomplete = stopped && report.count < this.find(rehearsalId)!.deviceCount;
    return {
      ...this.find(rehearsalId)!,
      status: report.unexpectedFailures > 0 || incomplete ? 'FAILED' : 'SUCCEEDED',
      doneCount: report.count,
      enrolledCount: report.enrolled,
      unmanagedCount: report.unmanaged,
      failedCount: report.count - report.enrolled - report.unmanaged,
      unexpectedFailureCount: report.unexpectedFailures,
      failures,
      finishedAt: this.deps.clock.now().toISOString(),
      errorMessage: incomplete
        ? `Homeroom stopped after ${report.count} of the iPads had run.`
        : report.unexpectedFailures > 0
          ? `${report.unexpectedFailures} iPads failed: ${failures.map((f) => `${f.reason} ${f.count}`).join(', ')}.`
          : null,
    };
  }

  private publish(rehearsal: Rehearsal): void {
    this.remember(rehearsal);
    this.deps.events.publish(Topic.REHEARSAL_PROGRESSED, rehearsal);
  }

  private remember(rehearsal: Rehearsal): void {
    this.rehearsals.delete(rehearsal.rehearsalId);
    this.rehearsals.set(rehearsal.rehearsalId, rehearsal);
    // Maps keep insertion order: the first keys are the least recently changed.
    for (const id of this.rehearsals.keys()) {
      if (this.rehearsals.size <= KEPT_REHEARSALS) break;
      if (id !== this.current?.id) this.rehearsals.delete(id);
    }
  }
}
