/**
 * Apple School Manager API for Homeroom: the organisation's API account (stored sealed, never
 * shown) and the reconcile of a token's devices with what the API says of them.
 *
 * Why a reconcile: DEP tells an MDM server about its devices, but not everything. A device
 * released from the organisation may vanish without a `deleted` change, and DEP knows nothing of
 * orders, purchase sources or AppleCare. The reconcile reads `orgDevices` (paged), the token's
 * server's device list, and AppleCare coverage of devices not read yet, and writes what it learns
 * set-based. It runs on demand (`reconcileWithSchoolManager`) and after every successful sync of a
 * token whose organisation has an account. Apple is never called inside a transaction.
 */
import { sameServerId, type AppleCareCoverage } from '../../apple/asm-api/asm-types.js';
import type { SchoolManagerClient } from '../../apple/asm-api/asm-client.js';
import { Device } from '../../entities/device.entity.js';
import { EnrollmentProgramToken } from '../../entities/enrollment-program-token.entity.js';
import { SchoolManagerAccount } from '../../entities/school-manager-account.entity.js';
import { ErrorCode, HomeroomError, rowNotFound } from '../../errors.js';
import type { RequestContext } from '../../platform/request-context.js';
import { AuditRecord, type AuditService } from '../audit/audit.service.js';
import type { ServiceDependencies } from '../service-dependencies.js';
import { invalidAccount, readSchoolManagerAccount, schoolManagerKeyContext } from './school-manager-account.js';
import { writeCoverage, writeOrgFacts, writeReleased, type CoverageFacts, type OrgFacts } from './reconcile-writer.js';

/** AppleCare coverage reads per reconcile: one call per device, so a large school spreads them over several days. */
export const COVERAGE_READS_PER_RECONCILE = 500;
/** Coverage calls in flight at once. */
const COVERAGE_CONCURRENCY = 4;
/** Devices whose assigned server is asked one by one when they are missing from the server's list. */
const ASSIGNED_SERVER_LOOKUPS = 50;

/** What a reconcile found. */
export interface ReconcileResult {
  readonly tokenId: number;
  /** The token's devices Apple's `orgDevices` listed. */
  readonly devicesChecked: number;
  /** Devices newly found released from the organisation by this reconcile. */
  readonly devicesReleased: number;
  /** The token's devices (not removed, not released) Apple does not list on the token's MDM server. */
  readonly devicesNotOnServer: number;
  /** Of those, how many Apple says are on another MDM server (looked up for the first 50). */
  readonly devicesOnOtherServer: number;
  /** AppleCare coverage summaries read this time. */
  readonly coverageRead: number;
  readonly startedAt: Date;
  readonly finishedAt: Date;
}

/** The coverage that says most: the active one ending last, else the one that ended last. */
export function summarizeCoverage(serialNumber: string, coverages: readonly AppleCareCoverage[]): CoverageFacts {
  const ends = (coverage: AppleCareCoverage) => Date.parse(coverage.attributes.endDateTime ?? '') || 0;
  const ranked = [...coverages].sort(
    (a, b) => Number(b.attributes.status === 'ACTIVE') - Number(a.attributes.status === 'ACTIVE') || ends(b) - ends(a),
  );
  const best = ranked[0];
  if (!best) return { serialNumber, status: 'NONE', description: null, endsAt: null };
  const end = ends(best);
  return {
    serialNumber,
    status: best.attributes.status === 'ACTIVE' ? 'ACTIVE' : 'INACTIVE',
    description: best.attributes.description?.slice(0, 200) ?? null,
    endsAt: end > 0 ? new Date(end) : null,
  };
}

function instant(value: string | null | undefined): Date | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time);
}

const text = (value: string | null | undefined, max: number) => (value ? value.slice(0, max) : null);

export class SchoolManagerService {
  private readonly running = new Map<number, Promise<ReconcileResult | null>>();
  private readonly followUps = new Set<Promise<void>>();
  private stopping = false;

  constructor(
    private readonly deps: ServiceDependencies,
    private readonly audit: AuditService,
  ) {}

  async findAccountById(id: number): Promise<SchoolManagerAccount | null> {
    return this.deps.database.manager.findOneBy(SchoolManagerAccount, { id });
  }

  /** The API account of the token's organisation, or null. */
  async accountForToken(tokenId: number): Promise<SchoolManagerAccount | null> {
    const token = await this.deps.database.manager.findOneBy(EnrollmentProgramToken, { id: tokenId });
    if (!token?.organizationId) return null;
    return this.deps.database.manager.findOneBy(SchoolManagerAccount, { organizationId: token.organizationId });
  }

  /**
   * Stores (or replaces) the API account of the token's organisation, after checking it and
   * asking Apple for an access token with it. Nothing is stored when either fails:
   * `SCHOOL_MANAGER_ACCOUNT_INVALID` (field, reason) or `SCHOOL_MANAGER_CREDENTIALS_REJECTED`.
   */
  async setAccount(
    ctx: RequestContext,
    input: { tokenId: number; clientId: string; keyId: string; privateKey: string },
  ): Promise<{ account: SchoolManagerAccount; replacedPrevious: boolean }> {
    const action = 'setSchoolManagerApiAccount';
    return this.audit.recordingFailures(ctx, action, new AuditRecord(), async () => {
      const token = await this.requireToken(input.tokenId);
      const credentials = readSchoolManagerAccount(input);
      if (!token.organizationId)
        throw invalidAccount('tokenId', 'NO_ORGANIZATION', 'Apple named no organisation for this token; sync it once, then try again.');
      const organizationId = token.organizationId;
      // Apple's verdict before anything is stored: a wrong client id or key fails here.
      await this.clientFor(token, credentials).verifyCredentials();
      return this.audit.mutate(ctx, action, async (tx, record) => {
        const now = this.deps.clock.now();
        const previous = await tx.findOneBy(SchoolManagerAccount, { organizationId });
        const row = Object.assign(previous ?? new SchoolManagerAccount(), {
          organizationId,
          clientId: credentials.clientId,
          keyId: credentials.keyId,
          sealedPrivateKey: this.deps.secretBox.seal(credentials.privateKeyPem, schoolManagerKeyContext(organizationId)),
          createdAt: previous?.createdAt ?? now,
          updatedAt: now,
        });
        await tx.save(SchoolManagerAccount, row);
        record.target('SchoolManagerApiAccount', row.id).target('EnrollmentProgramToken', token.id);
        record.detail({ organizationId, clientId: row.clientId, keyId: row.keyId, replacedPrevious: previous !== null });
        return { account: row, replacedPrevious: previous !== null };
      });
    });
  }

  /** Removes the API account of the token's organisation; false when there was none. */
  async removeAccount(ctx: RequestContext, tokenId: number): Promise<boolean> {
    return this.audit.mutate(ctx, 'removeSchoolManagerApiAccount', async (tx, record) => {
      const token = await tx.findOneBy(EnrollmentProgramToken, { id: tokenId });
      if (!token) throw rowNotFound('enrollment program token', 'EnrollmentProgramToken', [tokenId]);
      record.target('EnrollmentProgramToken', tokenId);
      if (!token.organizationId) return false;
      const row = await tx.findOneBy(SchoolManagerAccount, { organizationId: token.organizationId });
      if (!row) return false;
      await tx.delete(SchoolManagerAccount, { id: row.id });
      record.target('SchoolManagerApiAccount', row.id).detail({ organizationId: row.organizationId, clientId: row.clientId });
      return true;
    });
  }

  /**
   * Reconciles the token's devices now (a reconcile of the token already running is joined).
   * `SCHOOL_MANAGER_ACCOUNT_REQUIRED` when its organisation has no API account.
   */
  async reconcile(ctx: RequestContext, tokenId: number): Promise<ReconcileResult> {
    const { token, account } = await this.requireAccount(tokenId);
    const result = await this.once(tokenId, () => this.audited(ctx, token, account));
    if (!result) throw new HomeroomError(ErrorCode.SERVICE_UNAVAILABLE, 'Homeroom is stopping; reconcile again once it is back.');
    return result;
  }

  /**
   * A School Manager API client for the token's organisation, for the services that send activities
   * (migrations). `SCHOOL_MANAGER_ACCOUNT_REQUIRED` when the organisation has no API account.
   */
  async clientForToken(tokenId: number): Promise<{ token: EnrollmentProgramToken; client: SchoolManagerClient }> {
    const { token, account } = await this.requireAccount(tokenId);
    return { token, client: this.clientFor(token, this.credentialsOf(account)) };
  }

  /** The token and its organisation's account; `SCHOOL_MANAGER_ACCOUNT_REQUIRED` without one. */
  private async requireAccount(tokenId: number): Promise<{ token: EnrollmentProgramToken; account: SchoolManagerAccount }> {
    const token = await this.requireToken(tokenId);
    const account = await this.accountFor(token);
    if (!account)
      throw new HomeroomError(
        ErrorCode.SCHOOL_MANAGER_ACCOUNT_REQUIRED,
        `The organisation of token ${token.name} has no Apple School Manager API account; store one with setSchoolManagerApiAccount.`,
        { tokenId },
      );
    return { token, account };
  }

  /** After a successful sync: reconciles when the organisation has an account; failures are logged, never thrown. */
  afterSync(ctx: RequestContext, tokenId: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    // Tracked from the first moment, so `idle()` called right after the sync's end waits for it.
    const work = this.reconcileAfterSync(ctx, tokenId).finally(() => this.followUps.delete(work));
    this.followUps.add(work);
    return work;
  }

  private async reconcileAfterSync(ctx: RequestContext, tokenId: number): Promise<void> {
    try {
      const token = await this.deps.database.manager.findOneBy(EnrollmentProgramToken, { id: tokenId });
      const account = token && (await this.accountFor(token));
      if (!token || !account) return;
      await this.once(tokenId, () => this.audited(ctx, token, account));
    } catch (error) {
      ctx.logger.warn({ err: error, tokenId }, 'the reconcile with the Apple School Manager API after a sync failed');
    }
  }

  /** Resolves when every reconcile of this process has ended. */
  async idle(): Promise<void> {
    while (this.running.size > 0 || this.followUps.size > 0) await Promise.allSettled([...this.running.values(), ...this.followUps]);
  }

  /** Shutdown: no new reconcile starts; running ones stop at their next page. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.idle();
  }

  private once(tokenId: number, work: () => Promise<ReconcileResult | null>): Promise<ReconcileResult | null> {
    const running = this.running.get(tokenId);
    if (running) return running;
    const done = work().finally(() => this.running.delete(tokenId));
    this.running.set(tokenId, done);
    return done;
  }

  private async audited(
    ctx: RequestContext,
    token: EnrollmentProgramToken,
    account: SchoolManagerAccount,
  ): Promise<ReconcileResult | null> {
    const action = 'reconcileWithSchoolManager';
    const result = await this.audit.recordingFailures(ctx, action, new AuditRecord(), () => this.run(token, account));
    if (result) {
      await this.audit.mutate(ctx, action, async (_tx, record) => {
        record.target('EnrollmentProgramToken', token.id).detail({
          devicesChecked: result.devicesChecked,
          devicesReleased: result.devicesReleased,
          devicesNotOnServer: result.devicesNotOnServer,
          coverageRead: result.coverageRead,
        });
      });
    }
    return result;
  }

  private async run(token: EnrollmentProgramToken, account: SchoolManagerAccount): Promise<ReconcileResult | null> {
    const startedAt = this.deps.clock.now();
    const client = this.clientFor(token, this.credentialsOf(account));
    const manager = this.deps.database.manager;
    const rows = await manager
      .createQueryBuilder(Device, 'device')
      .select(['device.serialNumber', 'device.removedAt', 'device.releasedFromOrgAt'])
      .where('device.tokenId = :tokenId', { tokenId: token.id })
      .getMany();
    const mine = new Map(rows.map((row) => [row.serialNumber, row]));
    const seen = new Set<string>();
    let released = 0;

    // 1. orgDevices: release dates, orders, purchase sources.
    for await (const page of client.orgDevices()) {
      if (this.stopping) return null;
      const facts: OrgFacts[] = [];
      for (const device of page) {
        const row = mine.get(device.id);
        if (!row) continue;
        seen.add(device.id);
        const releasedAt = instant(device.attributes.releasedFromOrgDateTime);
        if (releasedAt && !row.releasedFromOrgAt) released += 1;
        facts.push({
          serialNumber: device.id,
          releasedFromOrgAt: releasedAt,
          orderNumber: text(device.attributes.orderNumber, 64),
          purchaseSourceType: text(device.attributes.purchaseSourceType, 30),
        });
      }
      if (facts.length > 0) await this.deps.database.transaction((tx) => writeOrgFacts(tx, token.id, facts, this.deps.clock.now()));
    }

    // 2. Devices the listing did not name: asked one by one; unknown to Apple means released.
    const unseen = [...mine.values()].filter((row) => !seen.has(row.serialNumber) && !row.releasedFromOrgAt);
    const gone: string[] = [];
    const late: OrgFacts[] = [];
    for (const row of unseen) {
      if (this.stopping) return null;
      const device = await client.orgDevice(row.serialNumber);
      if (!device) gone.push(row.serialNumber);
      else {
        const releasedAt = instant(device.attributes.releasedFromOrgDateTime);
        if (releasedAt) released += 1;
        late.push({
          serialNumber: row.serialNumber,
          releasedFromOrgAt: releasedAt,
          orderNumber: text(device.attributes.orderNumber, 64),
          purchaseSourceType: text(device.attributes.purchaseSourceType, 30),
        });
      }
    }
    released += gone.length;
    const now = this.deps.clock.now();
    if (late.length > 0 || gone.length > 0)
      await this.deps.database.transaction(async (tx) => {
        await writeOrgFacts(tx, token.id, late, now);
        await writeReleased(tx, token.id, gone, now);
      });

    // 3. The token's server at Apple: which of its devices are not on it (DEP should have said so).
    const servers = await client.mdmServers();
    const server = servers.find((candidate) => sameServerId(candidate.id, token.serverUuid));
    const onServer = new Set<string>();
    if (server) for await (const page of client.mdmServerSerials(server.id)) for (const serial of page) onServer.add(serial);
    const current = await this.currentDevices(token.id);
    const notOnServer = current.filter((row) => !onServer.has(row.serialNumber));
    let onOtherServer = 0;
    for (const row of notOnServer.slice(0, ASSIGNED_SERVER_LOOKUPS)) {
      const assigned = await client.assignedServerId(row.serialNumber);
      if (assigned !== null && !sameServerId(assigned, token.serverUuid)) onOtherServer += 1;
    }

    // 4. AppleCare coverage of devices not read yet (or whose coverage ended), a bounded number per run.
    const unread = current.filter((row) => row.appleCareStatus === null || (row.appleCareEndsAt !== null && row.appleCareEndsAt < now));
    const coverage: CoverageFacts[] = [];
    const queue = unread.slice(0, COVERAGE_READS_PER_RECONCILE);
    // A few calls at once: one per device is the API's only way, and each is a round trip.
    const reader = async () => {
      for (let row = queue.shift(); row && !this.stopping; row = queue.shift())
        coverage.push(summarizeCoverage(row.serialNumber, await client.appleCareCoverage(row.serialNumber)));
    };
    await Promise.all(Array.from({ length: COVERAGE_CONCURRENCY }, reader));
    if (this.stopping) return null;
    if (coverage.length > 0) await this.deps.database.transaction((tx) => writeCoverage(tx, token.id, coverage));

    return {
      tokenId: token.id,
      devicesChecked: seen.size,
      devicesReleased: released,
      devicesNotOnServer: notOnServer.length,
      devicesOnOtherServer: onOtherServer,
      coverageRead: coverage.length,
      startedAt,
      finishedAt: this.deps.clock.now(),
    };
  }

  /** The token's devices still listed by DEP and still in the organisation. */
  private async currentDevices(tokenId: number): Promise<Array<Pick<Device, 'serialNumber' | 'appleCareStatus' | 'appleCareEndsAt'>>> {
    return this.deps.database.manager
      .createQueryBuilder(Device, 'device')
      .select(['device.serialNumber', 'device.appleCareStatus', 'device.appleCareEndsAt'])
      .where('device.tokenId = :tokenId', { tokenId })
      .andWhere('device.removedAt IS NULL')
      .andWhere('device.releasedFromOrgAt IS NULL')
      .orderBy('device.id', 'ASC')
      .getMany();
  }

  private async requireToken(tokenId: number): Promise<EnrollmentProgramToken> {
    const token = await this.deps.database.manager.findOneBy(EnrollmentProgramToken, { id: tokenId });
    if (!token) throw rowNotFound('enrollment program token', 'EnrollmentProgramToken', [tokenId]);
    return token;
  }

  private async accountFor(token: EnrollmentProgramToken): Promise<SchoolManagerAccount | null> {
    if (!token.organizationId) return null;
    return this.deps.database.manager.findOneBy(SchoolManagerAccount, { organizationId: token.organizationId });
  }

  private credentialsOf(account: SchoolManagerAccount) {
    return {
      clientId: account.clientId,
      keyId: account.keyId,
      privateKeyPem: this.deps.secretBox.openText(account.sealedPrivateKey, schoolManagerKeyContext(account.organizationId)),
    };
  }

  private clientFor(
    token: EnrollmentProgramToken,
    credentials: { clientId: string; keyId: string; privateKeyPem: string },
  ): SchoolManagerClient {
    return this.deps.apple.schoolManager(credentials, token.tokenType === 'APPLE_BUSINESS_MANAGER' ? 'business.api' : 'school.api');
  }
}
