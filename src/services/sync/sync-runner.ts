/**
 * One sync run, from its RUNNING row to its end, in the background.
 *
 * The loop: ask Apple for a page (outside any transaction), assign the token's default profile to
 * the page's new serials at Apple (also outside), then ONE transaction writes the page's devices,
 * the run's counts and the cursor Apple returned with the page. Each transaction first checks that
 * this run still holds the token's lease, so a run that lost it (its 15 minutes passed and another
 * run started) never writes again. A crash therefore loses at most the page in flight, and the
 * next run continues from the last committed cursor.
 *
 * Full runs list from an empty cursor (`/server/devices`); when the listing ends, devices of the
 * token not seen since it began are marked removed, and the cursor becomes a sync cursor, which
 * the run follows to the end (`/devices/sync`) so changes made during the listing are not missed.
 * Limited and automatic runs only follow the sync cursor.
 */
import type { EntityManager } from 'typeorm';
import { migrationAssignments, type TokenProfile } from './migration-profiles.js';
import type { DepClient, DevicePage } from '../../apple/dep-client.js';
import { DEP_MAX_PAGE_LIMIT } from '../../apple/dep-client.js';
import { DepApiError, sameAppleCode } from '../../apple/dep-errors.js';
import type { Database } from '../../entities/database.js';
import { EnrollmentProfile } from '../../entities/enrollment-profile.entity.js';
import { EnrollmentProgramToken } from '../../entities/enrollment-program-token.entity.js';
import { pickColumns } from '../../entities/columns.js';
import { SYNC_RUN_COUNTS, SyncRun } from '../../entities/sync-run.entity.js';
import { ErrorCode, HomeroomError, isHomeroomError } from '../../errors.js';
import type { Clock } from '../../platform/clock.js';
import { Topic, type EventBus, type SyncProgressed } from '../../platform/events/event-bus.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { AppleSessionGateway } from '../token/apple-session-gateway.js';
import { CursorPhase, FallbackReason, SyncKind, SyncPhase, type SyncRunStatus } from '../../entities/sync-vocabulary.js';
import { fullSyncRequiredAfter, percentOf } from './sync-rules.js';
import {
  applyChangesPage,
  applyListingPage,
  countListed,
  markUnlistedRemoved,
  unlistedSerials,
  type PageContext,
  type PageOutcome,
} from './sync-writer.js';

/** Test and benchmark seams; production sets none. */
export interface SyncHooks {
  /**
   * Called after each page's transaction committed. Throwing from it abandons the run the way a
   * killed process would: nothing more is written, the run stays RUNNING and keeps the lease until
   * its deadline, and `done` resolves with the run as last committed.
   */
  afterPageCommitted?: (progress: SyncProgressed) => void | Promise<void>;
  /** Waits before retrying serials Apple throttled on assign. Default: a real timer. */
  sleep?: (ms: number) => Promise<void>;
  /** Devices per page asked of Apple (1 to 1000). Default 1000, Apple's maximum. */
  pageLimit?: number;
}

export interface RunnerDependencies {
  readonly database: Database;
  readonly clock: Clock;
  readonly events: EventBus;
  readonly appleSessions: AppleSessionGateway;
  readonly hooks: SyncHooks;
}

/** How many times serials Apple throttled on assign are retried (after its `retry_after_seconds`). */
const THROTTLE_RETRIES = 3;

/** The run must stop writing: another run holds the lease, or the run's row is gone. */
class LeaseLost extends Error {}
/** The run's 15 minutes passed. */
class DeadlinePassed extends Error {}
/** Homeroom is stopping: end the run between pages. */
class Stopping extends Error {}
/** A hook threw: behave like a killed process (write nothing more). */
class Abandoned extends Error {}

function isCursorRefused(error: unknown): FallbackReason | null {
  if (!(error instanceof DepApiError)) return null;
  if (sameAppleCode(error.appleCode, 'EXPIRED_CURSOR')) return FallbackReason.EXPIRED_CURSOR;
  if (sameAppleCode(error.appleCode, 'INVALID_CURSOR')) return FallbackReason.INVALID_CURSOR;
  return null;
}

function isExhausted(error: unknown): boolean {
  return error instanceof DepApiError && sameAppleCode(error.appleCode, 'EXHAUSTED_CURSOR');
}

export class SyncRunner {
  private stopRequested = false;
  private phase: SyncPhase;
  private cursor: string | null = null;
  private cursorPhase: CursorPhase = CursorPhase.SYNC;
  /** When the full listing being written began; devices not seen since are removed when it ends. */
  private listingStart: Date | null = null;
  private profiles = new Map<string, number>();
  private tokenProfiles: TokenProfile[] = [];
  private defaultProfile: { id: number; appleProfileUuid: string } | null = null;

  constructor(
    private readonly deps: RunnerDependencies,
    private readonly ctx: RequestContext,
    /** The in-memory copy of the run's row; counts grow as pages commit. */
    private readonly run: SyncRun,
  ) {
    this.phase = run.phase;
  }

  get runId(): number {
    return this.run.id;
  }

  /** Ends the run at the next page boundary (FAILED, resumable), for a stopping server. */
  requestStop(): void {
    this.stopRequested = true;
  }

  /** Runs to the end; never rejects. Resolves with the run as stored. */
  async execute(): Promise<SyncRun> {
    try {
      await this.deps.appleSessions.callApple(this.run.tokenId, (client) => this.loop(client));
      return await this.finish('SUCCEEDED', null);
    } catch (error) {
      try {
        if (error instanceof Abandoned || error instanceof LeaseLost) return await this.stored();
        if (error instanceof DeadlinePassed) {
          return await this.finish('TIMED_OUT', {
            code: 'TIMED_OUT',
            message: 'The run did not finish within its 15 minutes; the next sync continues from the last page saved.',
          });
        }
        if (error instanceof Stopping) {
          return await this.finish('FAILED', {
            code: 'INTERRUPTED',
            message: 'Homeroom stopped during the run; the next sync continues from the last page saved.',
          });
        }
        const code = isHomeroomError(error) ? error.code : ErrorCode.INTERNAL_SERVER_ERROR;
        const message = isHomeroomError(error) ? error.message : 'The sync failed unexpectedly; see the server log.';
        if (!isHomeroomError(error)) this.ctx.logger.error({ err: error, runId: this.run.id }, 'device sync failed');
        else this.ctx.logger.warn({ code, runId: this.run.id, message }, 'device sync failed');
        return await this.finish('FAILED', { code, message });
      } catch (finishError) {
        // The database is gone (shutdown) or the token was deleted: nothing left to record.
        this.ctx.logger.warn({ err: finishError, runId: this.run.id }, 'device sync could not record its end');
        return this.run;
      }
    }
  }

  // ----------------------------------------------------------------------------------------------

  private async loop(client: DepClient): Promise<void> {
    await this.prepare();
    let fallbacks = 0;
    for (;;) {
      this.checkpoint();
      const asked = this.deps.clock.now();
      let page: DevicePage;
      try {
        page = await this.fetchPage(client);
      } catch (error) {
        const reason = isCursorRefused(error);
        if (reason !== null && this.cursor !== null && fallbacks < 2) {
          fallbacks += 1;
          await this.fallBackToFullListing(reason);
          continue;
        }
        if (this.cursorPhase === CursorPhase.FETCH && isExhausted(error)) {
          // The listing's last page was committed but the run stopped before marking removals.
          await this.completeListing();
          continue;
        }
        throw error;
      }
      this.checkpoint();
      if (this.cursorPhase === CursorPhase.FETCH && this.listingStart === null) this.listingStart = asked;
      const assigned = await this.assignDefaultProfile(client, page);
      await this.commitPage(page, assigned);
      if (page.cursorEchoed) {
        throw new HomeroomError(
          ErrorCode.APPLE_UNAVAILABLE,
          'Apple answered with the cursor it was sent and said more devices follow (a known Apple fault); the run stopped there instead of asking forever. The next sync continues from the last page saved.',
          { appleCode: null, endpoint: this.cursorPhase === CursorPhase.FETCH ? 'POST /server/devices' : 'POST /devices/sync' },
        );
      }
      if (!page.moreToFollow) {
        if (this.cursorPhase === CursorPhase.SYNC) return;
        await this.completeListing();
      }
    }
  }

  /** Loads the token's cursor and profiles, and decides where the run starts. */
  private async prepare(): Promise<void> {
    const manager = this.deps.database.manager;
    const token = await manager.findOneBy(EnrollmentProgramToken, { id: this.run.tokenId });
    if (!token) throw new LeaseLost();
    const profiles = await manager.find(EnrollmentProfile, {
      where: { tokenId: token.id },
      select: { id: true, appleProfileUuid: true, awaitDeviceConfigured: true },
    });
    this.profiles = new Map(profiles.map((p) => [p.appleProfileUuid, p.id]));
    this.tokenProfiles = profiles;
    const defaultProfile = token.defaultProfileId === null ? undefined : profiles.find((p) => p.id === token.defaultProfileId);
    this.defaultProfile = defaultProfile ? { id: defaultProfile.id, appleProfileUuid: defaultProfile.appleProfileUuid } : null;
    if (this.run.kind === 'FULL') {
      const resume = token.syncCursor !== null && token.syncCursorPhase === CursorPhase.FETCH;
      this.cursorPhase = CursorPhase.FETCH;
      this.cursor = resume ? token.syncCursor : null;
      this.listingStart = resume ? (token.lastFullSyncAt ?? this.run.startedAt) : null;
    } else {
      this.cursorPhase = CursorPhase.SYNC;
      this.cursor = token.syncCursor;
    }
  }

  private async fetchPage(client: DepClient): Promise<DevicePage> {
    const limit = this.deps.hooks.pageLimit ?? DEP_MAX_PAGE_LIMIT;
    if (this.cursorPhase === CursorPhase.FETCH) return client.fetchDevicesPage({ ...(this.cursor ? { cursor: this.cursor } : {}), limit });
    if (!this.cursor) throw new HomeroomError(ErrorCode.INTERNAL_SERVER_ERROR, 'A limited sync started without a cursor.');
    return client.syncDevicesPage({ cursor: this.cursor, limit });
  }

  /** Apple refused the cursor: the run becomes a full listing from the start, and says why. */
  private async fallBackToFullListing(reason: FallbackReason): Promise<void> {
    this.ctx.logger.info({ runId: this.run.id, reason }, 'device sync falls back to a full listing');
    this.cursor = null;
    this.cursorPhase = CursorPhase.FETCH;
    this.listingStart = null;
    await this.transaction(async (manager) => {
      const fullListing = { kind: SyncKind.FULL, fallbackReason: reason, phase: SyncPhase.FETCHING } satisfies Partial<SyncRun>;
      Object.assign(this.run, fullListing);
      await manager.update(SyncRun, { id: this.run.id }, fullListing);
    });
    this.phase = 'FETCHING';
    this.publish();
  }

  /**
   * The token's default profile for the page's new serials, at Apple, before the page commits (a
   * crash in between only repeats the assignment, which Apple takes again); a device migrating
   * without erase gets its migration profile instead (migration-profiles.ts). Serials Apple
   * throttles are retried after the delay it asks for; those it refuses keep the profile Apple reports.
   */
  private async assignDefaultProfile(
    client: DepClient,
    page: DevicePage,
  ): Promise<Map<string, { profileId: number; appleProfileUuid: string }>> {
    const assigned = new Map<string, { profileId: number; appleProfileUuid: string }>();
    if (page.devices.length === 0) return assigned;
    const candidates =
      this.cursorPhase === CursorPhase.FETCH ? page.devices : page.devices.filter((device) => device.op_type !== 'deleted');
    const manager = this.deps.database.manager;
    const migrations = await migrationAssignments(
      manager,
      this.run.tokenId,
      candidates,
      this.tokenProfiles,
      this.defaultProfile?.id ?? null,
    );
    const groups = new Map<string, { profile: { id: number; appleProfileUuid: string }; serials: string[] }>();
    const profile = this.defaultProfile;
    if (profile) {
      const serials = [...new Set(candidates.map((device) => device.serial_number))];
      const unlisted = (await unlistedSerials(manager, this.run.tokenId, serials)).filter((serial) => !migrations.has(serial));
      if (unlisted.length > 0) groups.set(profile.appleProfileUuid, { profile, serials: unlisted });
    }
    for (const [serial, wanted] of migrations) {
      const group = groups.get(wanted.appleProfileUuid) ?? { profile: wanted, serials: [] as string[] };
      group.serials.push(serial);
      groups.set(wanted.appleProfileUuid, group);
    }
    if (groups.size === 0) return assigned;
    const previousPhase = this.phase;
    this.phase = 'ASSIGNING_DEFAULT_PROFILE';
    this.publish();
    for (const group of groups.values()) await this.assignAtApple(client, group.profile, group.serials, assigned);
    this.phase = previousPhase;
    return assigned;
  }

  /** One profile for some serials at Apple, retrying throttled ones; what Apple took goes into `assigned`. */
  private async assignAtApple(
    client: DepClient,
    profile: { id: number; appleProfileUuid: string },
    serials: string[],
    assigned: Map<string, { profileId: number; appleProfileUuid: string }>,
  ): Promise<void> {
    let pending = serials;
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      const result = await client.assignProfile(profile.appleProfileUuid, pending);
      const throttled: string[] = [];
      for (const [serial, status] of Object.entries(result.results)) {
        if (status === 'SUCCESS') assigned.set(serial, { profileId: profile.id, appleProfileUuid: profile.appleProfileUuid });
        else if (status === 'THROTTLED') throttled.push(serial);
      }
      pending = throttled;
      if (pending.length === 0 || attempt >= THROTTLE_RETRIES) break;
      this.checkpoint();
      await (this.deps.hooks.sleep ?? realSleep)((result.retryAfterSeconds ?? 1) * 1000);
    }
    if (pending.length > 0) {
      this.ctx.logger.warn({ runId: this.run.id, serials: pending.length }, 'Apple kept throttling the default profile for some serials');
    }
  }

  /** One transaction: the page's devices, the run's counts, the cursor Apple sent with the page. */
  private async commitPage(page: DevicePage, assigned: Map<string, { profileId: number; appleProfileUuid: string }>): Promise<void> {
    const listing = this.cursorPhase === CursorPhase.FETCH;
    const phase: SyncPhase = listing ? 'FETCHING' : 'SYNCING';
    await this.transaction(async (manager) => {
      const now = this.deps.clock.now();
      const context: PageContext = {
        tokenId: this.run.tokenId,
        now,
        profileIdOf: (uuid) => this.profiles.get(uuid) ?? null,
        defaultAssigned: assigned,
      };
      const outcome: PageOutcome = listing
        ? await applyListingPage(manager, page.devices, context)
        : await applyChangesPage(manager, page.devices, context);
      const counts = {
        pages: this.run.pages + 1,
        devicesSeen: this.run.devicesSeen + outcome.seen,
        devicesAdded: this.run.devicesAdded + outcome.added.length,
        devicesUpdated: this.run.devicesUpdated + outcome.updated,
        devicesRemoved: this.run.devicesRemoved + outcome.removed,
        defaultProfileAssigned: this.run.defaultProfileAssigned + assigned.size,
      };
      await manager.update(SyncRun, { id: this.run.id }, { ...counts, phase });
      const tokenChanges: Partial<EnrollmentProgramToken> = {
        syncCursor: page.cursor,
        syncCursorPhase: this.cursorPhase,
      };
      // The first page of a fresh listing: the full sync counts from here (7-day rule), and so does "seen".
      if (listing && this.cursor === null) tokenChanges.lastFullSyncAt = this.listingStart;
      await manager.update(EnrollmentProgramToken, { id: this.run.tokenId }, tokenChanges);
      Object.assign(this.run, counts, { phase });
    });
    this.cursor = page.cursor;
    this.phase = phase;
    await this.afterPage();
  }

  /** The listing ended: devices it did not list are removed, and the cursor continues as a sync cursor. */
  private async completeListing(): Promise<void> {
    this.phase = 'MARKING_REMOVED';
    this.publish();
    const listingStart = this.listingStart ?? this.run.startedAt;
    await this.transaction(async (manager) => {
      const now = this.deps.clock.now();
      const removed = await markUnlistedRemoved(manager, this.run.tokenId, listingStart, now);
      const listed = await countListed(manager, this.run.tokenId);
      const devicesRemoved = this.run.devicesRemoved + removed;
      await manager.update(SyncRun, { id: this.run.id }, { devicesRemoved, phase: 'SYNCING' });
      await manager.update(
        EnrollmentProgramToken,
        { id: this.run.tokenId },
        { syncCursorPhase: CursorPhase.SYNC, lastFullSyncDeviceCount: listed },
      );
      Object.assign(this.run, { devicesRemoved, phase: 'SYNCING' });
    });
    this.cursorPhase = CursorPhase.SYNC;
    this.phase = 'SYNCING';
    this.publish();
  }

  /**
   * A page transaction, only while this run holds the lease. The lease check is an UPDATE (of the
   * run's own row), so on PostgreSQL it locks and a concurrent lease taker waits for the commit.
   */
  private async transaction(work: Parameters<Database['transaction']>[0]): Promise<void> {
    await this.deps.database.transaction(async (manager) => {
      const held = await manager
        .createQueryBuilder()
        .update(EnrollmentProgramToken)
        .set({ syncLeaseRunId: this.run.id })
        .where('id = :tokenId AND sync_lease_run_id = :runId', { tokenId: this.run.tokenId, runId: this.run.id })
        .execute();
      if ((held.affected ?? 0) !== 1) throw new LeaseLost();
      await work(manager);
    });
  }

  private async afterPage(): Promise<void> {
    const progress = this.publish();
    const hook = this.deps.hooks.afterPageCommitted;
    if (!hook) return;
    try {
      await hook(progress);
    } catch {
      throw new Abandoned();
    }
  }

  /** Between pages: the deadline and a stopping server end the run here. */
  private checkpoint(): void {
    if (this.deps.clock.now().getTime() >= this.run.deadlineAt.getTime()) throw new DeadlinePassed();
    if (this.stopRequested) throw new Stopping();
  }

  /** Records the end (if the run still holds its row as RUNNING) and frees the lease. */
  private async finish(status: SyncRunStatus, error: { code: string; message: string } | null): Promise<SyncRun> {
    const now = this.deps.clock.now();
    let ended = false;
    await this.deps.database.transaction(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(SyncRun)
        .set({
          status,
          phase: 'DONE',
          finishedAt: now,
          errorCode: error?.code.slice(0, 60) ?? null,
          errorMessage: error?.message.slice(0, 1000) ?? null,
        })
        .where('id = :id AND status = :running', { id: this.run.id, running: 'RUNNING' })
        .execute();
      if ((result.affected ?? 0) !== 1) return;
      ended = true;
      // The kind as it ended: a LIMITED run that fell back to a full listing failed as a FULL one.
      await releaseLease(manager, this.run, status, now);
    });
    const stored = await this.stored();
    if (ended) {
      this.phase = 'DONE';
      this.publish();
      this.deps.events.publish(Topic.SYNC_STATE_CHANGED, { tokenId: this.run.tokenId });
    }
    return stored;
  }

  private async stored(): Promise<SyncRun> {
    const row = await this.deps.database.manager.findOneBy(SyncRun, { id: this.run.id });
    if (row) Object.assign(this.run, row);
    return this.run;
  }

  private publish(): SyncProgressed {
    const progress = progressOf(this.run, this.phase, this.deps.clock.now());
    this.deps.events.publish(Topic.SYNC_PROGRESSED, progress);
    return progress;
  }
}

/**
 * Frees the token's lease that `run`, just ended with `status`, held, and records what the run
 * leaves for the next sync asked for ({@link fullSyncRequiredAfter}). A lease another run took
 * since is left alone.
 */
export async function releaseLease(
  manager: EntityManager,
  run: Pick<SyncRun, 'id' | 'tokenId' | 'kind'>,
  status: SyncRunStatus,
  now: Date,
): Promise<void> {
  const required = fullSyncRequiredAfter(run.kind, status);
  await manager
    .createQueryBuilder()
    .update(EnrollmentProgramToken)
    .set({
      syncLeaseRunId: null,
      syncLeaseUntil: null,
      lastSyncAt: now,
      ...(status === 'SUCCEEDED' ? { lastSuccessfulSyncAt: now } : {}),
      ...(required === undefined ? {} : { fullSyncRequiredReason: required }),
    })
    .where('id = :tokenId AND sync_lease_run_id = :runId', { tokenId: run.tokenId, runId: run.id })
    .execute();
}

/** The event for a run's state (its counts as last committed, `phase` as it is now). */
export function progressOf(run: SyncRun, phase: SyncPhase, now: Date): SyncProgressed {
  return {
    ...pickColumns(run, ['tokenId', 'kind', 'status', ...SYNC_RUN_COUNTS]),
    runId: run.id,
    phase,
    percent: percentOf(run.devicesSeen, run.estimatedTotal, run.status === 'SUCCEEDED'),
    at: now.toISOString(),
  };
}

function realSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
