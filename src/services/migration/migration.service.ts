/**
 * Migration without erase (iPadOS 26+), Homeroom's side of the Apple School Manager API's
 * activities: schedule a deadline for devices managed by another MDM to move to one of Homeroom's
 * tokens keeping their data (`ASSIGN_DEVICES_WITH_MDM_MIGRATION_DEADLINE`), move the deadline
 * (`UPDATE_MDM_MIGRATION_DEADLINE`) or cancel it (`CANCEL_MDM_MIGRATION`).
 *
 * Each request is checked whole before Apple is called (input, eligibility per device, the devices'
 * migrations); Apple is called outside any transaction, and rows are written only once Apple took
 * the activity, so a failure changes nothing. Then the activity is followed in the background until
 * Apple finishes it: devices its log says failed end FAILED. The device's own progress (STARTED,
 * SUCCESS, FAILED) comes from its enrollment (migration-steps.ts); the sync gives it its profile
 * (sync/migration-profiles.ts). A shutdown stops following at once (rows keep Apple's last
 * status); the next start follows again every activity its rows still show IN_PROGRESS.
 */
import { In, type EntityManager } from 'typeorm';
import { sameServerId, type OrgDevice, type OrgDeviceActivityType } from '../../apple/asm-api/asm-types.js';
import type { SchoolManagerClient } from '../../apple/asm-api/asm-client.js';
import { Device } from '../../entities/device.entity.js';
import { DeviceEnrollment } from '../../entities/device-enrollment.entity.js';
import { DeviceMigration, OPEN_MIGRATION_STATUSES, type MigrationStatus } from '../../entities/device-migration.entity.js';
import { EnrollmentProfile } from '../../entities/enrollment-profile.entity.js';
import type { EnrollmentProgramToken } from '../../entities/enrollment-program-token.entity.js';
import { badInput, ErrorCode, HomeroomError } from '../../errors.js';
import { Topic, type MigrationProgressed } from '../../platform/events/event-bus.js';
import { systemContext, type RequestContext } from '../../platform/request-context.js';
import type { Logger } from '../../logger.js';
import { AuditRecord, type AuditService } from '../audit/audit.service.js';
import type { SchoolManagerService } from '../school-manager/school-manager.service.js';
import type { ServiceDependencies } from '../service-dependencies.js';
import { migrationProfileOf } from '../sync/migration-profiles.js';
import {
  deadlineAfter,
  MIGRATION_DEADLINE_MAX_DAYS,
  MIGRATION_DEADLINE_MIN_DAYS,
  MIGRATION_MAX_DEVICES,
  MIGRATION_REFUSAL_DESCRIPTIONS,
  migrationRefusal,
  validDeadlineDays,
  type MigrationFacts,
  type MigrationRefusalReason,
} from './migration-rules.js';
import { progressedOf } from './migration-steps.js';

/** Apps one migration may keep. */
export const MIGRATION_MAX_KEPT_APPS = 100;
/** A bundle id, as Apple spells them. */
const BUNDLE_ID = /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
/** School Manager API reads in flight at once while checking eligibility. */
const ELIGIBILITY_CONCURRENCY = 4;
/** Waits between reads of an activity in progress (the last repeats), and how long to follow one. */
const FOLLOW_DELAYS_MS = [0, 250, 500, 1000, 2000, 5000, 15_000, 30_000];
const FOLLOW_FOR_MS = 2 * 3600 * 1000;

/** One device's verdict. */
export interface MigrationEligibility {
  readonly serialNumber: string;
  /** Null when it may be scheduled. */
  readonly reason: MigrationRefusalReason | null;
  readonly message: string | null;
}

export interface ScheduleMigrationRequest {
  readonly tokenId: number;
  readonly serialNumbers: readonly string[];
  readonly deadlineInDays: number;
  /** A profile of the token that awaits configuration; null: the token's default one if it does, else its first that does. */
  readonly profileId: number | null;
  readonly keptApps: readonly string[];
}

export interface UpdateMigrationRequest {
  readonly tokenId: number;
  readonly serialNumbers: readonly string[];
  readonly deadlineInDays: number;
}

export interface CancelMigrationRequest {
  readonly tokenId: number;
  readonly serialNumbers: readonly string[];
}

/** What a migration mutation did: the migrations as saved, and Apple's activity id. */
export interface MigrationChange {
  readonly activityId: string;
  readonly migrations: DeviceMigration[];
}

/** Serials as sent: trimmed, upper case, each once; 1 to 1000 of them. */
export function readSerials(serials: readonly string[]): string[] {
  const unique = [...new Set(serials.map((serial) => serial.trim().toUpperCase()))];
  if (unique.length === 0 || unique.length > MIGRATION_MAX_DEVICES)
    throw badInput('serialNumbers', `name 1 to ${MIGRATION_MAX_DEVICES} devices.`);
  const bad = unique.find((serial) => !/^[A-Z0-9]{1,64}$/.test(serial));
  if (bad !== undefined) throw badInput('serialNumbers', `"${bad}" is not a serial number (letters and digits, at most 64).`);
  return unique;
}

function readDays(days: number): number {
  if (!validDeadlineDays(days))
    throw badInput('deadlineInDays', `a deadline is ${MIGRATION_DEADLINE_MIN_DAYS} to ${MIGRATION_DEADLINE_MAX_DAYS} whole days away.`);
  return days;
}

function readApps(apps: readonly string[]): string[] {
  const unique = [...new Set(apps.map((app) => app.trim()))];
  if (unique.length > MIGRATION_MAX_KEPT_APPS) throw badInput('keptApps', `at most ${MIGRATION_MAX_KEPT_APPS} apps.`);
  const bad = unique.find((app) => app.length > 155 || !BUNDLE_ID.test(app));
  if (bad !== undefined) throw badInput('keptApps', `"${bad}" is not a bundle id (e.g. com.example.reader).`);
  return unique;
}

/** The serials a CSV activity log says failed, with Apple's message. */
export function failedLines(csv: string): Map<string, string> {
  const failed = new Map<string, string>();
  for (const line of csv.split(/\r?\n/).slice(1)) {
    const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((cell) => cell.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"'));
    if (!cells || cells.length < 2 || cells[1] !== 'FAILED') continue;
    failed.set(cells[0]!.toUpperCase(), cells[2] ?? 'Apple refused the device.');
  }
  return failed;
}

export class MigrationService {
  private readonly following = new Set<Promise<void>>();
  /** Wakes the follows waiting between reads, so a shutdown does not wait out a 30-second delay. */
  private readonly sleepers = new Set<() => void>();
  private stopping = false;

  constructor(
    private readonly deps: ServiceDependencies,
    private readonly audit: AuditService,
    private readonly schoolManager: SchoolManagerService,
  ) {}

  async findById(id: number): Promise<DeviceMigration | null> {
    return this.deps.database.manager.findOneBy(DeviceMigration, { id });
  }

  /** Migrations by serial number (for `Device.migration`, one query per page). */
  async findBySerials(serials: readonly string[]): Promise<DeviceMigration[]> {
    if (serials.length === 0) return [];
    return this.deps.database.manager.findBy(DeviceMigration, { serialNumber: In([...serials]) });
  }

  /** The token's migrations per status now. */
  async statusCounts(tokenId: number): Promise<Array<{ status: MigrationStatus; count: number }>> {
    const rows = (await this.deps.database.manager
      .createQueryBuilder(DeviceMigration, 'migration')
      .select('migration.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .where('migration.tokenId = :tokenId', { tokenId })
      .groupBy('migration.status')
      .getRawMany()) as Array<{ status: MigrationStatus; count: string | number }>;
    return rows.map((row) => ({ status: row.status, count: Number(row.count) }));
  }

  /** Whether each device may be scheduled now, with the reason when not (reads Apple School Manager). */
  async eligibility(tokenId: number, serialNumbers: readonly string[]): Promise<MigrationEligibility[]> {
    const serials = readSerials(serialNumbers);
    const { client } = await this.schoolManager.clientForToken(tokenId);
    return this.check(client, serials);
  }

  /** Schedules a migration deadline for the devices at Apple; refused as a whole when one device is not eligible. */
  async schedule(ctx: RequestContext, request: ScheduleMigrationRequest): Promise<MigrationChange> {
    const action = 'scheduleDeviceMigration';
    const record = new AuditRecord().target('EnrollmentProgramToken', request.tokenId);
    return this.audit.recordingFailures(ctx, action, record, async () => {
      const serials = readSerials(request.serialNumbers);
      const days = readDays(request.deadlineInDays);
      const keptApps = readApps(request.keptApps);
      const { token, client } = await this.schoolManager.clientForToken(request.tokenId);
      const profile = await this.migrationProfile(token, request.profileId);
      const refused = (await this.check(client, serials)).filter((verdict) => verdict.reason !== null);
      if (refused.length > 0)
        throw new HomeroomError(
          ErrorCode.MIGRATION_NOT_ELIGIBLE,
          `${refused.length} of ${serials.length} devices cannot migrate without erase: ${refused
            .slice(0, 5)
            .map((verdict) => `${verdict.serialNumber} (${verdict.reason})`)
            .join(', ')}${refused.length > 5 ? ', ...' : ''}.`,
          { refused: refused.map(({ serialNumber, reason }) => ({ serialNumber, reason })) },
        );
      const deadline = deadlineAfter(this.deps.clock.now(), days);
      const mdmServerId = await this.serverIdOf(client, token);
      const activity = await client.createActivity({
        activityType: 'ASSIGN_DEVICES_WITH_MDM_MIGRATION_DEADLINE',
        serials,
        mdmServerId,
        mdmMigrationDeadline: deadline,
      });
      const migrations = await this.audit.mutate(ctx, action, async (tx, audit) => {
        const now = this.deps.clock.now();
        const existing = new Map((await tx.findBy(DeviceMigration, { serialNumber: In(serials) })).map((row) => [row.serialNumber, row]));
        const rows = serials.map((serialNumber) =>
          Object.assign(existing.get(serialNumber) ?? new DeviceMigration(), {
            tokenId: token.id,
            serialNumber,
            status: 'REQUESTED' as const,
            deadline,
            profileId: profile.id,
            keptApps,
            reinstalledApps: [],
            failureReason: null,
            requestedAt: now,
            startedAt: null,
            finishedAt: null,
            updatedAt: now,
            ...this.activityColumns(activity.id, 'ASSIGN_DEVICES_WITH_MDM_MIGRATION_DEADLINE', activity.attributes.status),
          }),
        );
        await tx.save(DeviceMigration, rows);
        this.audited(audit, token.id, rows, activity.id, {
          deadline: deadline.toISOString(),
          profileId: profile.id,
          keptApps: keptApps.length,
        });
        return rows;
      });
      this.follow(ctx, token.id, client, activity.id);
      return { activityId: activity.id, migrations };
    });
  }

  /** Moves the deadline of the devices' migrations under way. */
  async updateDeadline(ctx: RequestContext, request: UpdateMigrationRequest): Promise<MigrationChange> {
    const days = (): number => readDays(request.deadlineInDays);
    return this.changeOpen(ctx, 'updateDeviceMigrationDeadline', request, 'UPDATE_MDM_MIGRATION_DEADLINE', days, (deadline) => ({
      deadline: deadline!,
    }));
  }

  /** Cancels the devices' migrations under way: they stay with their current MDM. */
  async cancel(ctx: RequestContext, request: CancelMigrationRequest): Promise<MigrationChange> {
    return this.changeOpen(ctx, 'cancelDeviceMigration', request, 'CANCEL_MDM_MIGRATION', null, (_deadline, now) => ({
      status: 'CANCELLED',
      finishedAt: now,
    }));
  }

  /**
   * An activity on migrations under way (update or cancel): checked (input, the token's open
   * migrations) before Apple is called, rows changed by `changes` once Apple took it.
   */
  private async changeOpen(
    ctx: RequestContext,
    action: string,
    request: { readonly tokenId: number; readonly serialNumbers: readonly string[] },
    type: 'UPDATE_MDM_MIGRATION_DEADLINE' | 'CANCEL_MDM_MIGRATION',
    days: (() => number) | null,
    changes: (deadline: Date | null, now: Date) => Partial<DeviceMigration>,
  ): Promise<MigrationChange> {
    const record = new AuditRecord().target('EnrollmentProgramToken', request.tokenId);
    return this.audit.recordingFailures(ctx, action, record, async () => {
      const serials = readSerials(request.serialNumbers);
      const deadline = days === null ? null : deadlineAfter(this.deps.clock.now(), days());
      const { token, client } = await this.schoolManager.clientForToken(request.tokenId);
      await this.requireOpen(this.deps.database.manager, token.id, serials);
      const activity = await client.createActivity({
        activityType: type,
        serials,
        ...(deadline ? { mdmMigrationDeadline: deadline } : {}),
      });
      const migrations = await this.audit.mutate(ctx, action, async (tx, audit) => {
        const rows = await this.requireOpen(tx, token.id, serials);
        const now = this.deps.clock.now();
        const activityColumns = this.activityColumns(activity.id, type, activity.attributes.status);
        for (const row of rows) Object.assign(row, { ...changes(deadline, now), updatedAt: now, ...activityColumns });
        await tx.save(DeviceMigration, rows);
        this.audited(audit, token.id, rows, activity.id, deadline ? { deadline: deadline.toISOString() } : {});
        return rows;
      });
      this.follow(ctx, token.id, client, activity.id);
      return { activityId: activity.id, migrations };
    });
  }

  /**
   * Start-up: follows again each activity an earlier run left IN_PROGRESS (a restart, a crash, a
   * deploy while Apple was still working). Several instances may each follow one: what they
   * write is Apple's status, the same from each.
   */
  start(logger: Logger): void {
    this.stopping = false;
    const ctx = systemContext(logger.child({ component: 'migrations' }));
    this.track(this.resume(ctx).catch((error: unknown) => ctx.logger.warn({ err: error }, 'resuming migration activities failed')));
  }

  /** Resolves when no activity is followed any more. */
  async idle(): Promise<void> {
    while (this.following.size > 0) await Promise.allSettled([...this.following]);
  }

  /** Shutdown: activities are no longer followed (their rows keep Apple's last status until the next start). */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const wake of this.sleepers) wake();
    await this.idle();
  }

  /** The activities rows still show IN_PROGRESS, followed again with their token's API account. */
  private async resume(ctx: RequestContext): Promise<void> {
    const open = (await this.deps.database.manager
      .createQueryBuilder(DeviceMigration, 'migration')
      .select('migration.tokenId', 'tokenId')
      .addSelect('migration.activityId', 'activityId')
      .where("migration.activityStatus = 'IN_PROGRESS'")
      .groupBy('migration.tokenId')
      .addGroupBy('migration.activityId')
      .getRawMany()) as Array<{ tokenId: number | string; activityId: string }>;
    const clients = new Map<number, SchoolManagerClient | null>();
    for (const { tokenId: id, activityId } of open) {
      if (this.stopping) return;
      const tokenId = Number(id);
      if (!clients.has(tokenId)) {
        // A token deleted or without an API account since: its activities can no longer be read.
        const client = await this.schoolManager.clientForToken(tokenId).then(
          ({ client }) => client,
          (error: unknown) => {
            ctx.logger.warn({ err: error, tokenId }, 'migration activities of this token cannot be followed');
            return null;
          },
        );
        clients.set(tokenId, client);
      }
      const client = clients.get(tokenId);
      if (client) this.follow(ctx, tokenId, client, activityId);
    }
    if (open.length > 0) ctx.logger.info({ activities: open.length }, 'following migration activities left in progress');
  }

  private track(work: Promise<void>): void {
    const tracked = work.finally(() => this.following.delete(tracked));
    this.following.add(tracked);
  }

  /** Waits `ms`, or less when the service stops. */
  private async sleep(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }

  private activityColumns(activityId: string, activityType: OrgDeviceActivityType, status: string) {
    return { activityId: activityId.slice(0, 64), activityType, activityStatus: status.slice(0, 20) };
  }

  private audited(
    record: AuditRecord,
    tokenId: number,
    rows: DeviceMigration[],
    activityId: string,
    facts: Record<string, string | number>,
  ): void {
    record.target('EnrollmentProgramToken', tokenId).detail({
      serialNumbers: rows.map((row) => row.serialNumber).slice(0, 50),
      devices: rows.length,
      activityId,
      ...facts,
    });
    const now = this.deps.clock.now();
    record.afterCommit(() => this.publish(rows.map((row) => progressedOf(row, now))));
  }

  private publish(events: readonly MigrationProgressed[]): void {
    for (const event of events) this.deps.events.publish(Topic.MIGRATION_PROGRESSED, event);
  }

  /** The profile migrating devices get: it must be the token's and await configuration. */
  private async migrationProfile(token: EnrollmentProgramToken, profileId: number | null): Promise<EnrollmentProfile> {
    const profiles = await this.deps.database.manager.findBy(EnrollmentProfile, { tokenId: token.id });
    if (profileId !== null) {
      const profile = profiles.find((candidate) => candidate.id === profileId);
      if (!profile) throw badInput('profileId', 'not a profile of this token.');
      if (!profile.awaitDeviceConfigured)
        throw badInput(
          'profileId',
          'a migrating device keeps its apps only with a profile that awaits configuration (`awaitDeviceConfigured`).',
        );
      return profile;
    }
    const chosen = migrationProfileOf(null, profiles, token.defaultProfileId);
    if (!chosen)
      throw badInput('profileId', 'the token has no profile that awaits configuration (`awaitDeviceConfigured`); create one or name one.');
    return profiles.find((candidate) => candidate.id === chosen.id)!;
  }

  private async serverIdOf(client: SchoolManagerClient, token: EnrollmentProgramToken): Promise<string> {
    const server = (await client.mdmServers()).find((candidate) => sameServerId(candidate.id, token.serverUuid));
    return server?.id ?? token.serverUuid.replace(/-/g, '').toUpperCase();
  }

  /** The token's open migrations of `serials`; MIGRATION_NOT_IN_PROGRESS naming those without one. */
  private async requireOpen(manager: EntityManager, tokenId: number, serials: readonly string[]): Promise<DeviceMigration[]> {
    const rows = await manager.findBy(DeviceMigration, {
      tokenId,
      serialNumber: In([...serials]),
      status: In([...OPEN_MIGRATION_STATUSES]),
    });
    const found = new Set(rows.map((row) => row.serialNumber));
    const missing = serials.filter((serial) => !found.has(serial));
    if (missing.length > 0)
      throw new HomeroomError(
        ErrorCode.MIGRATION_NOT_IN_PROGRESS,
        `No migration under way for ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', ...' : ''} on this token.`,
        { serialNumbers: missing },
      );
    return rows;
  }

  /** Each device's facts from Apple School Manager and Homeroom, judged by `migrationRefusal`. */
  private async check(client: SchoolManagerClient, serials: readonly string[]): Promise<MigrationEligibility[]> {
    const manager = this.deps.database.manager;
    const org = new Map<string, OrgDevice | null>();
    const queue = [...serials];
    const reader = async () => {
      for (let serial = queue.shift(); serial !== undefined; serial = queue.shift()) org.set(serial, await client.orgDevice(serial));
    };
    await Promise.all(Array.from({ length: ELIGIBILITY_CONCURRENCY }, reader));
    const devices = await manager.find(Device, { where: { serialNumber: In([...serials]) }, relations: { profile: true } });
    const bySerial = new Map(devices.map((device) => [device.serialNumber, device]));
    const enrollments =
      devices.length === 0 ? [] : await manager.find(DeviceEnrollment, { where: { deviceId: In(devices.map((d) => d.id)) } });
    const enrollmentOf = new Map(enrollments.map((row) => [row.deviceId, row]));
    const enrolledProfiles = new Map(
      (
        await manager.findBy(EnrollmentProfile, {
          id: In(enrollments.map((row) => row.profileId).filter((id): id is number => id !== null)),
        })
      ).map((p) => [p.id, p]),
    );
    const migrations = new Map((await this.findBySerials(serials)).map((row) => [row.serialNumber, row]));
    const now = this.deps.clock.now();
    return serials.map((serialNumber) => {
      const apple = org.get(serialNumber) ?? null;
      const device = bySerial.get(serialNumber);
      const enrollment = device ? enrollmentOf.get(device.id) : undefined;
      const enrolledProfile = enrollment?.profileId ? enrolledProfiles.get(enrollment.profileId) : undefined;
      const facts: MigrationFacts = {
        inOrganization: apple !== null,
        releasedFromOrganization: Boolean(apple?.attributes.releasedFromOrgDateTime) || Boolean(device?.releasedFromOrgAt),
        addedWithConfiguratorAt: configuratorAddedAt(apple),
        now,
        sharedIPad: Boolean(device?.profile?.sharedIPad) || Boolean(enrolledProfile?.sharedIPad),
        // Set up for Return to Service by its profile, assigned or enrolled with, as for a Shared iPad.
        returnToService: Boolean(device?.profile?.isReturnToService) || Boolean(enrolledProfile?.isReturnToService),
        osVersion: enrollment?.osVersion ?? null,
        migrationStatus: migrations.get(serialNumber)?.status ?? null,
        enrollmentState: enrollment?.state ?? null,
      };
      const reason = migrationRefusal(facts);
      return { serialNumber, reason, message: reason === null ? null : MIGRATION_REFUSAL_DESCRIPTIONS[reason] };
    });
  }

  /** Follows Apple's activity in the background until it ends; its failed devices end FAILED. */
  private follow(ctx: RequestContext, tokenId: number, client: SchoolManagerClient, activityId: string): void {
    this.track(
      this.followActivity(tokenId, client, activityId).catch((error: unknown) =>
        ctx.logger.warn({ err: error, activityId }, 'following a migration activity failed'),
      ),
    );
  }

  private async followActivity(tokenId: number, client: SchoolManagerClient, activityId: string): Promise<void> {
    const until = Date.now() + FOLLOW_FOR_MS;
    for (let attempt = 0; !this.stopping && Date.now() < until; attempt += 1) {
      await this.sleep(FOLLOW_DELAYS_MS[Math.min(attempt, FOLLOW_DELAYS_MS.length - 1)]!);
      if (this.stopping) return;
      const activity = await client.activity(activityId);
      if (!activity || activity.attributes.status === 'IN_PROGRESS') continue;
      const status = activity.attributes.status;
      const log = activity.attributes.downloadUrl
        ? failedLines(await client.activityLog(activity.attributes.downloadUrl))
        : new Map<string, string>();
      const events: MigrationProgressed[] = [];
      await this.deps.database.transaction(async (tx) => {
        const now = this.deps.clock.now();
        const rows = await tx.findBy(DeviceMigration, { tokenId, activityId });
        for (const row of rows) {
          const failure = status === 'COMPLETED' ? log.get(row.serialNumber) : `Apple ended the activity ${status}.`;
          const assigning = row.activityType === 'ASSIGN_DEVICES_WITH_MDM_MIGRATION_DEADLINE';
          const fails = failure !== undefined && assigning && OPEN_MIGRATION_STATUSES.includes(row.status);
          Object.assign(row, {
            activityStatus: status.slice(0, 20),
            updatedAt: now,
            ...(failure !== undefined ? { failureReason: failure.slice(0, 500) } : {}),
            ...(fails ? { status: 'FAILED', finishedAt: now } : {}),
          });
          events.push(progressedOf(row, now));
        }
        await tx.save(DeviceMigration, rows);
      });
      this.publish(events);
      return;
    }
  }
}

/** When Apple says the device joined the organisation through Apple Configurator; null when bought, or the date is unreadable. */
function configuratorAddedAt(apple: OrgDevice | null): Date | null {
  if (apple?.attributes.purchaseSourceType !== 'MANUALLY_ADDED' || !apple.attributes.addedToOrgDateTime) return null;
  const at = new Date(apple.attributes.addedToOrgDateTime);
  return Number.isNaN(at.getTime()) ? null : at;
}
