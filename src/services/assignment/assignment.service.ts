/**
 * Profile assignment at any scale (seed 002's "Assign a profile to devices").
 *
 * Intune makes an admin select at most 1000 devices at a time; Homeroom takes any number (by
 * device ids, serial numbers or the devices connection's filter) and does the batching itself.
 * A request writes a job and one outcome row per device in one transaction (with its audit
 * event), then the job runs in the background (`assignment-runner.ts`), batch by batch, and
 * survives a restart: every start, and a check every 30 seconds, resumes jobs no process holds.
 * A preview answers what a job would do without writing anything or calling Apple.
 *
 * What happens to each device is decided in `assignment-selection.ts`; the rules are there.
 */
import type { EntityManager } from 'typeorm';
import { AssignmentJob } from '../../entities/assignment-job.entity.js';
import { unleasedJobColumns } from '../../entities/leased-job.js';
import { AssignmentOutcome } from '../../entities/assignment-outcome.entity.js';
import { EnrollmentProfile } from '../../entities/enrollment-profile.entity.js';
import { EnrollmentProgramToken } from '../../entities/enrollment-program-token.entity.js';
import { badInput, rowNotFound } from '../../errors.js';
import { checkOneLineText } from '../../text-input.js';
import type { AuditService } from '../audit/audit.service.js';
import { Topic, type AssignmentJobProgressed } from '../../platform/events/event-bus.js';
import { paginate, type Page, type PageRequest } from '../../entities/pagination.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { ServiceDependencies } from '../service-dependencies.js';
import type { AppleSessionGateway } from '../token/apple-session-gateway.js';
import { ASSIGNMENT_JOBS, AssignmentRunner, LEASE_MS, type AssignmentHooks } from './assignment-runner.js';
import { endStatusOf, pendingCountOf, progressOf } from './job-state.js';
import { jobProgressFromNow } from './job-progress-stream.js';
import { previewOf, writeOutcomes, type JobTarget } from './assignment-selection.js';
import { answeredGroupsOf, asAnswered, whereAnswered } from './answered-outcomes.js';
import { LeasedJobService } from '../../platform/leased-jobs.js';
import type { AssignmentKind } from '../../entities/assignment-job.entity.js';
import type { AssignmentResult } from '../../entities/assignment-outcome.entity.js';
import { MAX_LISTED_DEVICES, type AssignmentPreview, type DeviceSelection, type OutcomeFilter } from './assignment-types.js';

export type { AssignmentHooks } from './assignment-runner.js';
export { FINAL_JOB_STATUSES, pendingCountOf } from './job-state.js';
export * from './assignment-types.js';

/** Longest serial number a device row holds. */
const MAX_SERIAL_LENGTH = 64;

const ACTION: Record<AssignmentKind, string> = { ASSIGN: 'assignProfile', UNASSIGN: 'unassignProfile' };

export class AssignmentService extends LeasedJobService<AssignmentJob> {
  /** Test and benchmark seams (see {@link AssignmentHooks}); production leaves it empty. */
  readonly hooks: AssignmentHooks = {};

  constructor(
    private readonly deps: ServiceDependencies,
    private readonly appleSessions: AppleSessionGateway,
    private readonly audit: AuditService,
  ) {
    super(ASSIGNMENT_JOBS, 'profile-assignment', deps);
  }

  /**
   * What assigning the profile to the selected devices would do: counts and the first 50 of
   * each kind. Writes nothing and calls no one.
   *
   * @throws HomeroomError NOT_FOUND (the profile, or a listed device id), BAD_USER_INPUT (the selection).
   */
  async previewAssign(_ctx: RequestContext, profileId: number, selection: DeviceSelection): Promise<AssignmentPreview> {
    const checked = checkSelection(selection);
    const manager = this.deps.database.manager;
    return previewOf(manager, await assignTarget(manager, profileId), checked);
  }

  /** Like {@link previewAssign}, for removing the devices' profiles at Apple. @throws NOT_FOUND (token), BAD_USER_INPUT. */
  async previewUnassign(_ctx: RequestContext, tokenId: number, selection: DeviceSelection): Promise<AssignmentPreview> {
    const checked = checkSelection(selection);
    const manager = this.deps.database.manager;
    return previewOf(manager, await unassignTarget(manager, tokenId), checked);
  }

  /**
   * Assigns the profile to the selected devices: the job (QUEUED, or already ended when no
   * device needs Apple) is stored with an outcome per device and audited as `assignProfile`;
   * it then runs in the background. `done` resolves with the job as it ended or paused (never
   * rejects).
   *
   * @throws HomeroomError NOT_FOUND (the profile, or a listed device id), BAD_USER_INPUT (the selection).
   */
  async assign(
    ctx: RequestContext,
    profileId: number,
    selection: DeviceSelection,
  ): Promise<{ job: AssignmentJob; done: Promise<AssignmentJob | null> }> {
    const checked = checkSelection(selection);
    return this.create(ctx, 'ASSIGN', checked, (manager) => assignTarget(manager, profileId));
  }

  /** Removes whatever profile the selected devices have at Apple, as a job like {@link assign}'s. */
  async unassign(
    ctx: RequestContext,
    tokenId: number,
    selection: DeviceSelection,
  ): Promise<{ job: AssignmentJob; done: Promise<AssignmentJob | null> }> {
    const checked = checkSelection(selection);
    return this.create(ctx, 'UNASSIGN', checked, (manager) => unassignTarget(manager, tokenId));
  }

  async findJob(id: number): Promise<AssignmentJob | null> {
    return this.deps.database.manager.findOneBy(AssignmentJob, { id });
  }

  /** The job's progress from now until it ends (`assignmentJobProgressed`); null when there is no such job. */
  followJob(id: number): Promise<AsyncIterableIterator<AssignmentJobProgressed> | null> {
    return jobProgressFromNow((jobId) => this.findJob(jobId), this.deps, id);
  }

  /** The token's jobs, newest first. */
  async listJobs(tokenId: number, page: PageRequest): Promise<Page<AssignmentJob>> {
    const query = this.deps.database.manager
      .getRepository(AssignmentJob)
      .createQueryBuilder('job')
      .where('job.token_id = :tokenId', { tokenId });
    return paginate(query, { column: 'job.id', keyOf: (job) => job.id, direction: 'DESC' }, page);
  }

  /** A job's outcomes in device order, optionally only some results. */
  async listOutcomes(jobId: number, filter: OutcomeFilter, page: PageRequest): Promise<Page<AssignmentOutcome>> {
    const manager = this.deps.database.manager;
    const groups = await answeredGroupsOf(manager, jobId);
    const query = manager.getRepository(AssignmentOutcome).createQueryBuilder('outcome').where('outcome.job_id = :jobId', { jobId });
    if (filter.results && filter.results.length > 0) whereAnswered(query, 'outcome', filter.results, groups);
    const listed = await paginate(query, { column: 'outcome.id', keyOf: (outcome) => outcome.id, direction: 'ASC' }, page);
    for (const edge of listed.edges) asAnswered(edge.node, groups);
    return listed;
  }

  async findOutcome(id: number): Promise<AssignmentOutcome | null> {
    const manager = this.deps.database.manager;
    const outcome = await manager.findOneBy(AssignmentOutcome, { id });
    if (outcome?.result !== 'PENDING') return outcome;
    return asAnswered(outcome, await answeredGroupsOf(manager, outcome.jobId));
  }

  pendingCountOf(job: AssignmentJob): number {
    return pendingCountOf(job);
  }

  // ----------------------------------------------------------------------------------------------

  private async create(
    ctx: RequestContext,
    kind: AssignmentKind,
    selection: DeviceSelection,
    targetOf: (manager: EntityManager) => Promise<JobTarget>,
  ): Promise<{ job: AssignmentJob; done: Promise<AssignmentJob | null> }> {
    const job = await this.audit.mutate(ctx, ACTION[kind], async (tx, record) => {
      const target = await targetOf(tx);
      record.target('EnrollmentProgramToken', target.tokenId);
      if (target.profile) record.target('EnrollmentProfile', target.profile.id);
      const now = this.deps.clock.now();
      const row = Object.assign(new AssignmentJob(), {
        kind,
        tokenId: target.tokenId,
        profileId: target.profile?.id ?? null,
        status: 'QUEUED',
        requestedBy: (ctx.actor?.name ?? 'anonymous').slice(0, 200),
        deviceCount: 0,
        unchangedCount: 0,
        cannotChangeCount: 0,
        succeededCount: 0,
        notAccessibleCount: 0,
        failedCount: 0,
        throttledCount: 0,
        requiresWipeCount: 0,
        appleCalls: 0,
        createdAt: now,
        startedAt: null,
        finishedAt: null,
        updatedAt: now,
        ...unleasedJobColumns(),
      });
      await tx.insert(AssignmentJob, row);
      record.target('AssignmentJob', row.id);
      const written = await writeOutcomes(tx, row.id, target, selection, now);
      const count = (...results: AssignmentResult[]) => results.reduce((sum, result) => sum + (written.get(result) ?? 0), 0);
      Object.assign(row, {
        deviceCount: [...written.values()].reduce((sum, n) => sum + n, 0),
        unchangedCount: count('UNCHANGED'),
        cannotChangeCount: count('REMOVED', 'OTHER_TOKEN', 'UNKNOWN_SERIAL'),
      });
      // Nothing for Apple: the job ends here, and no call is made.
      if (count('PENDING') === 0) Object.assign(row, { status: endStatusOf(row), startedAt: now, finishedAt: now });
      await tx.update(
        AssignmentJob,
        { id: row.id },
        {
          deviceCount: row.deviceCount,
          unchangedCount: row.unchangedCount,
          cannotChangeCount: row.cannotChangeCount,
          status: row.status,
          startedAt: row.startedAt,
          finishedAt: row.finishedAt,
        },
      );
      record.detail({
        jobId: row.id,
        selection: Object.keys(selection)[0]!,
        deviceCount: row.deviceCount,
        willChange: count('PENDING'),
        unchanged: row.unchangedCount,
        removed: count('REMOVED'),
        otherToken: count('OTHER_TOKEN'),
        unknownSerial: count('UNKNOWN_SERIAL'),
      });
      return row;
    });
    if (job.status === 'QUEUED') return { job, done: this.run(ctx, job.id) };
    // Ended at once (nothing for Apple): its one event is the final state.
    this.deps.events.publish(Topic.ASSIGNMENT_JOB_PROGRESSED, progressOf(job, 0, this.deps.clock.now()));
    const done = Promise.resolve(job);
    return { job, done };
  }

  /** Runs the job in the background, once per process. */
  protected override run(ctx: RequestContext, jobId: number): Promise<AssignmentJob | null> {
    return this.jobs.run(
      jobId,
      () =>
        new AssignmentRunner(
          {
            database: this.deps.database,
            clock: this.deps.clock,
            events: this.deps.events,
            appleSessions: this.appleSessions,
            hooks: this.hooks,
            owner: this.owner,
          },
          ctx,
          jobId,
        ),
    );
  }
}

/** The profile's token and Apple UUID. */
async function assignTarget(manager: EntityManager, profileId: number): Promise<JobTarget> {
  const profile = await manager.findOneBy(EnrollmentProfile, { id: profileId });
  if (!profile) throw rowNotFound('enrollment profile', 'EnrollmentProfile', [profileId]);
  return { kind: 'ASSIGN', tokenId: profile.tokenId, profile: { id: profile.id, appleProfileUuid: profile.appleProfileUuid } };
}

async function unassignTarget(manager: EntityManager, tokenId: number): Promise<JobTarget> {
  if (!(await manager.existsBy(EnrollmentProgramToken, { id: tokenId })))
    throw rowNotFound('enrollment program token', 'EnrollmentProgramToken', [tokenId]);
  return { kind: 'UNASSIGN', tokenId, profile: null };
}

/**
 * The selection, checked and normalised (serials trimmed and upper-cased, as Apple writes them).
 * BAD_USER_INPUT names the field: `devices` unless exactly one of ids, serialNumbers and filter
 * is given; a list longer than {@link MAX_LISTED_DEVICES}; a blank or over-long serial.
 */
export function checkSelection(selection: DeviceSelection): DeviceSelection {
  const given = (['ids', 'serialNumbers', 'filter'] as const).filter((key) => key in selection && selection[key as never] != null);
  if (given.length !== 1) {
    throw badInput(
      'devices',
      `takes exactly one of ids, serialNumbers and filter (got ${given.length === 0 ? 'none' : given.join(' and ')}).`,
    );
  }
  if ('ids' in selection) {
    if (selection.ids.length > MAX_LISTED_DEVICES) throw badInput('devices.ids', tooMany());
    return selection;
  }
  if ('serialNumbers' in selection) {
    if (selection.serialNumbers.length > MAX_LISTED_DEVICES) throw badInput('devices.serialNumbers', tooMany());
    const serialNumbers = selection.serialNumbers.map((serial, index) => {
      const trimmed = serial.trim().toUpperCase();
      if (trimmed.length === 0 || trimmed.length > MAX_SERIAL_LENGTH || /\s/.test(trimmed)) {
        throw badInput(`devices.serialNumbers[${index}]`, `must be 1 to ${MAX_SERIAL_LENGTH} characters without spaces.`);
      }
      return checkOneLineText(`devices.serialNumbers[${index}]`, trimmed);
    });
    return { serialNumbers };
  }
  return selection;
}

function tooMany(): string {
  return `lists at most ${MAX_LISTED_DEVICES.toLocaleString('en')} devices; select more with a filter.`;
}

// Lease length, exported for tests that simulate a crashed instance.
export { LEASE_MS };
