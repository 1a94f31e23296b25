/**
 * Enrollment profiles per token, with the seed's rules, defined at Apple on every change.
 *
 * Apple's profiles are immutable: creating one defines it (`POST /profile`), and every change
 * defines a new one and moves the devices that had the old one to it. Apple is always called
 * before the database transaction and outside it (a transaction must never wait on the network,
 * see `entities/database.ts`), so a refusal from Apple leaves Homeroom unchanged, and only what
 * Apple accepted is written. Every mutation is audited, its failures too (`audit.recordFailure`
 * for those that fail before the transaction).
 */
import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Device } from '../../entities/device.entity.js';
import { AssignmentJob } from '../../entities/assignment-job.entity.js';
import { EnrollmentProfile } from '../../entities/enrollment-profile.entity.js';
import { EnrollmentProgramToken } from '../../entities/enrollment-program-token.entity.js';
import { isUniqueViolation } from '../../entities/database.js';
import { badInput, ErrorCode, HomeroomError, isHomeroomError, rowNotFound } from '../../errors.js';
import { AuditRecord, type AuditService } from '../audit/audit.service.js';
import { paginateByText, type Page, type PageRequest } from '../../entities/pagination.js';
import {
  checkSettings,
  depProfileOf,
  mergeSettings,
  panesOfAppleKeys,
  PROFILE_LIMITS,
  type ProfileSettings,
  type ProfileSettingsChanges,
  type ProfileSettingsInput,
} from './profile-settings.js';
import type { RequestContext } from '../../platform/request-context.js';
import { checkWifi, WIFI_PASSWORD_CONTEXT, type WifiInput } from './wifi-settings.js';
import type { ServiceDependencies } from '../service-dependencies.js';
import { chunks, IN_LIST_CHUNK, rowsByKeys } from '../../entities/raw-sql.js';
import { PROFILE_COLUMNS, profileOfRow } from './profile-rows.js';
import type { AppleSessionGateway } from '../token/apple-session-gateway.js';
import type { TokenService } from '../token/token.service.js';

/** Facts about a profile that live in other rows: shown with it, computed for a whole page at once. */
export interface ProfileFacts {
  /** Devices assigned to it and still on the token (`removedAt` null). */
  readonly deviceCount: number;
  /** It is its token's default profile for new devices. */
  readonly isDefault: boolean;
}

/** The result of {@link ProfileService.update}. */
export interface UpdatedProfile {
  readonly profile: EnrollmentProfile;
  /** Shared iPad (and maximum cached users) went off because the change turned user affinity or supervision off. */
  readonly sharedIPadTurnedOff: boolean;
  /** A new profile was defined at Apple (false when only Homeroom's own fields changed). */
  readonly redefinedAtApple: boolean;
  /** Devices Apple moved to the new definition. */
  readonly devicesMoved: number;
  /** Devices still on an earlier definition: Apple answered other than SUCCESS, or the assignment stopped. */
  readonly devicesNotMoved: number;
  /** Why the assignment stopped early, when it did (the devices after that point count as not moved). */
  readonly assignmentError: HomeroomError | null;
}

/** The result of {@link ProfileService.setDefault}. */
export interface DefaultProfileChange {
  readonly token: EnrollmentProgramToken;
  readonly profile: EnrollmentProfile | null;
}

export class ProfileService {
  /** Updates of one profile run one at a time in this process: each moves every device of the profile at Apple. */
  private readonly updating = new Map<number, Promise<unknown>>();

  constructor(
    private readonly deps: ServiceDependencies,
    private readonly audit: AuditService,
    private readonly tokens: TokenService,
    private readonly appleSessions: AppleSessionGateway,
  ) {}

  async findById(id: number): Promise<EnrollmentProfile | null> {
    return this.deps.database.manager.findOneBy(EnrollmentProfile, { id });
  }

  /** Several profiles in one query per chunk of ids (a page's devices name a few); missing ids are absent. */
  async findByIds(ids: readonly number[]): Promise<Map<number, EnrollmentProfile>> {
    // Hand-written SQL: a page of devices asks for its profiles on every request, and the query
    // builder's fixed cost was most of the read (`profile-rows.ts`).
    const from = { table: 'enrollment_profile', alias: 'profile', columns: PROFILE_COLUMNS, keyColumn: 'id' };
    return rowsByKeys(this.deps.database.manager, from, ids, profileOfRow, (profile) => profile.id);
  }

  /** A token's profiles by name (then id). */
  async listForToken(tokenId: number, page: PageRequest): Promise<Page<EnrollmentProfile>> {
    const query = this.deps.database.manager
      .getRepository(EnrollmentProfile)
      .createQueryBuilder('profile')
      .where('profile.tokenId = :tokenId', { tokenId });
    return paginateByText(query, { textColumn: 'profile.name', idColumn: 'profile.id', keyOf: (p) => ({ text: p.name, id: p.id }) }, page);
  }

  /** The token's default profile, or null. */
  async findDefault(token: Pick<EnrollmentProgramToken, 'id' | 'defaultProfileId'>): Promise<EnrollmentProfile | null> {
    if (token.defaultProfileId === null) return null;
    return this.deps.database.manager.findOneBy(EnrollmentProfile, { id: token.defaultProfileId, tokenId: token.id });
  }

  /** Device counts and default flags of several profiles in two queries, whatever their number. */
  async factsFor(profiles: readonly EnrollmentProfile[]): Promise<Map<number, ProfileFacts>> {
    const facts = new Map<number, ProfileFacts>();
    if (profiles.length === 0) return facts;
    const manager = this.deps.database.manager;
    const profileIds = profiles.map((p) => p.id);
    const counts = new Map<number, number>();
    const defaults = new Set<number>();
    for (const ids of chunks(profileIds, IN_LIST_CHUNK)) {
      const rows = await manager
        .getRepository(Device)
        .createQueryBuilder('device')
        .select('device.profileId', 'profileId')
        .addSelect('COUNT(*)', 'count')
        .where('device.profileId IN (:...ids)', { ids })
        .andWhere('device.removedAt IS NULL')
        .groupBy('device.profileId')
        .getRawMany<{ profileId: number | string; count: number | string }>();
      for (const row of rows) counts.set(Number(row.profileId), Number(row.count));
    }
    const tokenIds = [...new Set(profiles.map((p) => p.tokenId))];
    for (const ids of chunks(tokenIds, IN_LIST_CHUNK)) {
      const tokens = await manager
        .getRepository(EnrollmentProgramToken)
        .createQueryBuilder('token')
        .select(['token.id', 'token.defaultProfileId'])
        .where('token.id IN (:...ids)', { ids })
        .getMany();
      for (const token of tokens) if (token.defaultProfileId !== null) defaults.add(token.defaultProfileId);
    }
    for (const profile of profiles)
      facts.set(profile.id, { deviceCount: counts.get(profile.id) ?? 0, isDefault: defaults.has(profile.id) });
    return facts;
  }

  /** The URL Apple hands devices of this profile: Homeroom's MDM enrollment endpoint, stable for the profile's life. */
  enrollmentUrl(profile: Pick<EnrollmentProfile, 'enrollmentKey'>): string {
    return `${this.deps.publicUrl()}/mdm/enroll/${profile.enrollmentKey}`;
  }

  /**
   * Creates a profile: checks the settings, defines it at Apple, then stores it with Apple's
   * UUID. Errors: NOT_FOUND (token), BAD_USER_INPUT, PROFILE_RULE_VIOLATION, ALREADY_EXISTS
   * (name taken on this token), PROFILE_LIMIT_REACHED, APPLE_* (nothing stored).
   */
  async create(ctx: RequestContext, tokenId: number, input: ProfileSettingsInput): Promise<EnrollmentProfile> {
    const action = 'createEnrollmentProfile';
    const record = new AuditRecord().target('EnrollmentProgramToken', tokenId);
    return this.audit.recordingFailures(ctx, action, record, async () => {
      await this.requireToken(tokenId);
      const settings = checkSettings(input);
      record.detail({ name: settings.name });
      await this.checkRoom(this.deps.database.manager, tokenId, settings.name, null);
      const enrollmentKey = randomBytes(16).toString('base64url');
      const defined = await this.appleSessions.callApple(tokenId, (client) =>
        client.defineProfile(depProfileOf(settings, this.enrollmentUrl({ enrollmentKey }))),
      );
      return this.audit.mutate(ctx, action, async (tx, rec) => {
        rec.target('EnrollmentProgramToken', tokenId).detail({ name: settings.name, appleProfileUuid: defined.profile_uuid });
        await this.lockToken(tx, tokenId);
        await this.checkRoom(tx, tokenId, settings.name, null);
        const now = this.deps.clock.now();
        const profile = Object.assign(new EnrollmentProfile(), {
          tokenId,
          enrollmentKey,
          ...columnsOf(settings),
          wifiSsid: null,
          wifiSecurity: null,
          sealedWifiPassword: null,
          appleProfileUuid: defined.profile_uuid,
          appleDefinedAt: now,
          createdAt: now,
          updatedAt: now,
        });
        try {
          await tx.insert(EnrollmentProfile, profile);
        } catch (error) {
          // Two creations with one name at the same moment on PostgreSQL: the index decides.
          if (isUniqueViolation(error)) throw nameTaken(settings.name);
          throw error;
        }
        rec.target('EnrollmentProfile', profile.id);
        return profile;
      });
    });
  }

  /**
   * Changes a profile. When anything Apple holds changes, a new profile is defined at Apple and
   * every device of this profile (not removed) is moved to it, 1000 per call; the row then
   * takes the new UUID, and the devices Apple accepted take it too. Errors: NOT_FOUND,
   * BAD_USER_INPUT, PROFILE_RULE_VIOLATION, ALREADY_EXISTS, APPLE_* from the definition
   * (nothing changed). A failure while moving devices does not undo the new definition: the
   * result counts the devices not moved and says why.
   */
  async update(ctx: RequestContext, profileId: number, changes: ProfileSettingsChanges): Promise<UpdatedProfile> {
    return this.oneAtATime(profileId, () => this.updateNow(ctx, profileId, changes));
  }

  private async updateNow(ctx: RequestContext, profileId: number, changes: ProfileSettingsChanges): Promise<UpdatedProfile> {
    const action = 'updateEnrollmentProfile';
    const record = new AuditRecord().target('EnrollmentProfile', profileId);
    return this.audit.recordingFailures(ctx, action, record, async () => {
      const current = await this.findById(profileId);
      if (!current) throw rowNotFound('enrollment profile', 'EnrollmentProfile', [profileId]);
      record.target('EnrollmentProgramToken', current.tokenId);
      const { input, sharedIPadTurnedOff } = mergeSettings(inputOf(current), changes);
      const settings = checkSettings(input);
      if (settings.name !== current.name) await this.checkName(this.deps.database.manager, current.tokenId, settings.name, profileId);
      const url = this.enrollmentUrl(current);
      const redefine = JSON.stringify(depProfileOf(settings, url)) !== JSON.stringify(depProfileOf(checkSettings(inputOf(current)), url));

      let appleProfileUuid = current.appleProfileUuid;
      let moved: Array<{ id: number; serial: string }> = [];
      let devicesNotMoved = 0;
      let assignmentError: HomeroomError | null = null;
      if (redefine) {
        const defined = await this.appleSessions.callApple(current.tokenId, (client) => client.defineProfile(depProfileOf(settings, url)));
        appleProfileUuid = defined.profile_uuid;
        const devices = await this.devicesOf(profileId);
        ({ moved, assignmentError } = await this.moveDevices(current.tokenId, appleProfileUuid, devices));
        devicesNotMoved = devices.length - moved.length;
      }

      // Should this transaction fail now (the name taken meanwhile), Apple keeps the new definition and
      // the moved devices; nothing references it, and the next update moves every device again.
      const movedIds = moved.map((d) => d.id);
      const profile = await this.audit.mutate(ctx, action, async (tx, rec) => {
        rec.target('EnrollmentProfile', profileId).target('EnrollmentProgramToken', current.tokenId);
        await this.lockToken(tx, current.tokenId);
        const row = await tx.findOneBy(EnrollmentProfile, { id: profileId });
        if (!row) throw rowNotFound('enrollment profile', 'EnrollmentProfile', [profileId]);
        if (settings.name !== row.name) await this.checkName(tx, row.tokenId, settings.name, profileId);
        const now = this.deps.clock.now();
        const values = { ...columnsOf(settings), updatedAt: now, ...(redefine ? { appleProfileUuid, appleDefinedAt: now } : {}) };
        try {
          await tx.update(EnrollmentProfile, { id: profileId }, values);
        } catch (error) {
          if (isUniqueViolation(error)) throw nameTaken(settings.name);
          throw error;
        }
        // Only the devices Apple accepted take the new UUID; the others still have the old one there.
        for (const ids of chunks(movedIds, IN_LIST_CHUNK)) {
          await tx
            .createQueryBuilder()
            .update(Device)
            .set({ appleProfileUuid, profileStatus: 'assigned', profileAssignTime: now })
            .where('id IN (:...ids)', { ids })
            .andWhere('profile_id = :profileId', { profileId })
            .execute();
        }
        rec.detail({
          name: settings.name,
          changed: Object.keys(changes).filter((key) => changes[key as keyof ProfileSettingsChanges] !== undefined),
          sharedIPadTurnedOff,
          redefinedAtApple: redefine,
          appleProfileUuid,
          devicesMoved: moved.length,
          devicesNotMoved,
          assignmentErrorCode: assignmentError?.code ?? null,
        });
        return Object.assign(row, values);
      });
      return { profile, sharedIPadTurnedOff, redefinedAtApple: redefine, devicesMoved: moved.length, devicesNotMoved, assignmentError };
    });
  }

  /**
   * Deletes a profile. Refused with PROFILE_IN_USE while it is its token's default, devices
   * are assigned to it, or an unfinished assignment job is assigning it. Nothing happens at Apple: profiles cannot be deleted there, and no
   * device uses this one any more. Returns the deleted row (its id kept).
   */
  async delete(ctx: RequestContext, profileId: number): Promise<EnrollmentProfile> {
    return this.audit.mutate(ctx, 'deleteEnrollmentProfile', async (tx, record) => {
      record.target('EnrollmentProfile', profileId);
      const found = await tx.findOneBy(EnrollmentProfile, { id: profileId });
      if (!found) throw rowNotFound('enrollment profile', 'EnrollmentProfile', [profileId]);
      record.target('EnrollmentProgramToken', found.tokenId).detail({ name: found.name });
      const token = await this.lockToken(tx, found.tokenId);
      const devices = await tx
        .getRepository(Device)
        .createQueryBuilder('device')
        .where('device.profileId = :profileId', { profileId })
        .andWhere('device.removedAt IS NULL')
        .getCount();
      const isDefault = token?.defaultProfileId === profileId;
      const jobs = await tx
        .getRepository(AssignmentJob)
        .createQueryBuilder('job')
        .where("job.profileId = :profileId AND job.status IN ('QUEUED', 'RUNNING')", { profileId })
        .getCount();
      if (isDefault || devices > 0 || jobs > 0) {
        const reasons = [
          ...(isDefault ? ['it is the default profile of its token (setDefaultEnrollmentProfile)'] : []),
          ...(devices > 0 ? [`${devices} device(s) are assigned to it`] : []),
          ...(jobs > 0 ? [`${jobs} assignment job(s) are assigning it`] : []),
        ];
        throw new HomeroomError(ErrorCode.PROFILE_IN_USE, `"${found.name}" cannot be deleted: ${reasons.join(' and ')}.`, {
          devices,
          isDefault,
          jobs,
        });
      }
      // Devices that left the token keep their rows (history) but must not hold on to the profile.
      await tx.createQueryBuilder().update(Device).set({ profileId: null }).where('profile_id = :profileId', { profileId }).execute();
      await tx.delete(EnrollmentProfile, { id: profileId });
      return found;
    });
  }

  /**
   * Makes a profile the token's default for new devices, or clears the default (`profileId`
   * null). Errors: NOT_FOUND (token or profile), BAD_USER_INPUT (the profile is another token's).
   */
  async setDefault(ctx: RequestContext, tokenId: number, profileId: number | null): Promise<DefaultProfileChange> {
    return this.audit.mutate(ctx, 'setDefaultEnrollmentProfile', async (tx, record) => {
      record.target('EnrollmentProgramToken', tokenId);
      const token = await this.lockToken(tx, tokenId);
      if (!token) throw rowNotFound('enrollment program token', 'EnrollmentProgramToken', [tokenId]);
      let profile: EnrollmentProfile | null = null;
      if (profileId !== null) {
        record.target('EnrollmentProfile', profileId);
        profile = await tx.findOneBy(EnrollmentProfile, { id: profileId });
        if (!profile) throw rowNotFound('enrollment profile', 'EnrollmentProfile', [profileId]);
        if (profile.tokenId !== tokenId)
          throw badInput('profileId', `"${profile.name}" belongs to another token; pick one of this token's profiles.`);
      }
      record.detail({ previousDefaultProfileId: token.defaultProfileId, defaultProfileId: profileId, name: profile?.name ?? null });
      const now = this.deps.clock.now();
      await tx.update(EnrollmentProgramToken, { id: tokenId }, { defaultProfileId: profileId, updatedAt: now });
      return { token: Object.assign(token, { defaultProfileId: profileId, updatedAt: now }), profile };
    });
  }

  /**
   * Sets the Wi-Fi network the profile's devices join when they return to service, or removes it
   * (`wifi` null). Homeroom's own setting: nothing changes at Apple. The password is sealed; the
   * audit log records the SSID and security only. Errors: NOT_FOUND, BAD_USER_INPUT (nothing changed).
   */
  async setWifi(ctx: RequestContext, profileId: number, wifi: WifiInput | null): Promise<EnrollmentProfile> {
    const action = 'setEnrollmentProfileWifi';
    const record = new AuditRecord().target('EnrollmentProfile', profileId);
    return this.audit.recordingFailures(ctx, action, record, async () => {
      const checked = wifi === null ? null : checkWifi(wifi);
      const sealed = checked?.password ? this.deps.secretBox.seal(checked.password, WIFI_PASSWORD_CONTEXT) : null;
      return this.audit.mutate(ctx, action, async (tx, rec) => {
        rec.target('EnrollmentProfile', profileId);
        const row = await tx.findOneBy(EnrollmentProfile, { id: profileId });
        if (!row) throw rowNotFound('enrollment profile', 'EnrollmentProfile', [profileId]);
        rec.target('EnrollmentProgramToken', row.tokenId).detail({ ssid: checked?.ssid ?? null, security: checked?.security ?? null });
        const values = {
          wifiSsid: checked?.ssid ?? null,
          wifiSecurity: checked?.security ?? null,
          sealedWifiPassword: sealed,
          updatedAt: this.deps.clock.now(),
        };
        await tx.update(EnrollmentProfile, { id: profileId }, values);
        return Object.assign(row, values);
      });
    });
  }

  // ----------------------------------------------------------------------------------------------

  private async requireToken(tokenId: number): Promise<EnrollmentProgramToken> {
    const token = await this.tokens.findById(tokenId);
    if (!token) throw rowNotFound('enrollment program token', 'EnrollmentProgramToken', [tokenId]);
    return token;
  }

  /**
   * Locks the token row until the transaction ends (PostgreSQL), so profile changes of one token
   * (the count against the limit, the default, a deletion) are decided one at a time. SQLite runs
   * one transaction at a time anyway.
   */
  private async lockToken(tx: EntityManager, tokenId: number): Promise<EnrollmentProgramToken | null> {
    const query = tx.getRepository(EnrollmentProgramToken).createQueryBuilder('token').where('token.id = :tokenId', { tokenId });
    if (this.deps.database.type === 'postgres') query.setLock('pessimistic_write');
    return query.getOne();
  }

  /** Before a new profile: the name is free on the token and the token has room. */
  private async checkRoom(manager: EntityManager, tokenId: number, name: string, exceptId: number | null): Promise<void> {
    await this.checkName(manager, tokenId, name, exceptId);
    const count = await manager.countBy(EnrollmentProfile, { tokenId });
    if (count >= PROFILE_LIMITS.profilesPerToken) {
      throw new HomeroomError(
        ErrorCode.PROFILE_LIMIT_REACHED,
        `This token already has ${count} enrollment profiles, the most allowed (${PROFILE_LIMITS.profilesPerToken}); delete one first.`,
        { limit: PROFILE_LIMITS.profilesPerToken },
      );
    }
  }

  private async checkName(manager: EntityManager, tokenId: number, name: string, exceptId: number | null): Promise<void> {
    const query = manager
      .getRepository(EnrollmentProfile)
      .createQueryBuilder('profile')
      .where('profile.tokenId = :tokenId', { tokenId })
      .andWhere('profile.name = :name', { name });
    if (exceptId !== null) query.andWhere('profile.id <> :exceptId', { exceptId });
    if (await query.getExists()) throw nameTaken(name);
  }

  /** Devices of the profile still on the token, with their serials: what Apple must move. */
  private async devicesOf(profileId: number): Promise<Array<{ id: number; serial: string }>> {
    const devices = await this.deps.database.manager
      .getRepository(Device)
      .createQueryBuilder('device')
      .select(['device.id', 'device.serialNumber'])
      .where('device.profileId = :profileId', { profileId })
      .andWhere('device.removedAt IS NULL')
      .orderBy('device.id', 'ASC')
      .getMany();
    return devices.map((d) => ({ id: d.id, serial: d.serialNumber }));
  }

  /**
   * Assigns the new UUID to the devices in batches (the client cuts them to Apple's 1000). The
   * devices of batches Apple answered are kept even when a later batch fails, so the caller
   * records what really moved; the failure goes through `callApple` first, so the token's
   * status learns of it.
   */
  private async moveDevices(
    tokenId: number,
    appleProfileUuid: string,
    devices: ReadonlyArray<{ id: number; serial: string }>,
  ): Promise<{ moved: Array<{ id: number; serial: string }>; assignmentError: HomeroomError | null }> {
    const moved: Array<{ id: number; serial: string }> = [];
    if (devices.length === 0) return { moved, assignmentError: null };
    const bySerial = new Map(devices.map((d) => [d.serial, d]));
    try {
      await this.appleSessions.callApple(tokenId, async (client) => {
        for await (const batch of client.assignProfileBatches(
          appleProfileUuid,
          devices.map((d) => d.serial),
        )) {
          for (const [serial, status] of Object.entries(batch.results)) {
            const device = bySerial.get(serial);
            if (status === 'SUCCESS' && device) moved.push(device);
          }
        }
      });
      return { moved, assignmentError: null };
    } catch (error) {
      if (!isHomeroomError(error)) throw error;
      return { moved, assignmentError: error };
    }
  }

  /** Runs `work` after any update of the same profile still running in this process. */
  private async oneAtATime<T>(profileId: number, work: () => Promise<T>): Promise<T> {
    const previous = this.updating.get(profileId) ?? Promise.resolve();
    const run = previous.then(work, work);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.updating.set(profileId, settled);
    try {
      return await run;
    } finally {
      if (this.updating.get(profileId) === settled) this.updating.delete(profileId);
    }
  }
}

function nameTaken(name: string): HomeroomError {
  return new HomeroomError(ErrorCode.ALREADY_EXISTS, `This token already has an enrollment profile named "${name}".`, { field: 'name' });
}

/** The stored settings of a profile, as a caller would have given them. */
export function inputOf(profile: EnrollmentProfile): ProfileSettingsInput {
  return {
    name: profile.name,
    description: profile.description,
    userAffinity: profile.userAffinity,
    supervised: profile.supervised,
    lockedEnrollment: profile.lockedEnrollment,
    sharedIPad: profile.sharedIPad,
    maximumCachedUsers: profile.maximumCachedUsers,
    pairing: profile.pairing,
    configuratorCertificates: profile.configuratorCertificates,
    awaitDeviceConfigured: profile.awaitDeviceConfigured,
    departmentName: profile.departmentName,
    departmentPhone: profile.departmentPhone,
    skippedPanes: panesOfAppleKeys(profile.skippedPanes),
    identityKind: profile.identityKind,
    isReturnToService: profile.isReturnToService,
  };
}

/** The columns that hold settings. */
function columnsOf(settings: ProfileSettings) {
  return {
    name: settings.name,
    description: settings.description,
    userAffinity: settings.userAffinity,
    supervised: settings.supervised,
    lockedEnrollment: settings.lockedEnrollment,
    sharedIPad: settings.sharedIPad,
    maximumCachedUsers: settings.maximumCachedUsers,
    pairing: settings.pairing,
    configuratorCertificates: settings.configuratorCertificates,
    awaitDeviceConfigured: settings.awaitDeviceConfigured,
    departmentName: settings.departmentName,
    departmentPhone: settings.departmentPhone,
    skippedPanes: settings.skipSetupItems,
    identityKind: settings.identityKind,
    isReturnToService: settings.isReturnToService,
  };
}
