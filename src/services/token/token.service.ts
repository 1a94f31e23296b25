/**
 * Enrollment program tokens: the encryption key pair handed to ASM, upload, renewal, status and
 * School Data Sync. Calls to Apple on a token's behalf go through the per-token session gateway
 * (`apple-session-gateway.ts`), which also keeps Apple's verdict on the token.
 *
 * Apple is always asked before a transaction opens and never inside one (on SQLite the database
 * wrapper runs one transaction at a time, so a slow Apple would stall every request), and every
 * check that needs no database runs before Apple is asked. A refused upload or renewal therefore
 * stores nothing: the stored token only changes in the final transaction, with its audit event.
 *
 * Secrets (OAuth credentials, the session Apple issued, private keys) are sealed with the secret
 * box, each bound to its use and MDM server (`token-secrets.ts`).
 */
import { In } from 'typeorm';
import type { DepAccount } from '../../apple/dep-types.js';
import { generateTokenKeyPair, readServerToken, recipientIndexOf, type ServerToken } from '../../apple/token-crypto.js';
import { isUniqueViolation } from '../../entities/database.js';
import { Device } from '../../entities/device.entity.js';
import { EncryptionKey } from '../../entities/encryption-key.entity.js';
import { EnrollmentProfile } from '../../entities/enrollment-profile.entity.js';
import { EnrollmentProgramToken } from '../../entities/enrollment-program-token.entity.js';
import { MdmPushCertificate } from '../../entities/mdm-push-certificate.entity.js';
import { ErrorCode, HomeroomError, isHomeroomError, rowNotFound } from '../../errors.js';
import { chunks, IN_LIST_CHUNK } from '../../entities/raw-sql.js';
import type { AuditService } from '../audit/audit.service.js';
import { paginateByText, type Page, type PageRequest } from '../../entities/pagination.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { ServiceDependencies } from '../service-dependencies.js';
import { isTokenVerdict, NO_APPLE_ERROR, type AppleSessionGateway } from './apple-session-gateway.js';
import { checkAppleId, checkTokenFile, checkTokenName } from './token-input.js';
import { TokenSecrets } from './token-secrets.js';
import { Topic } from '../../platform/events/event-bus.js';
import { expiryStatus, tokenHealth, tokenStatus, tokenTypeOf, type TokenHealthView, type TokenStatusView } from './token-status.js';

export interface UploadTokenInput {
  readonly name: string;
  readonly appleId: string;
  /** The `.p7m` as text (S/MIME or PEM as downloaded), or base64 of its DER. */
  readonly tokenFile: string;
}

export interface RenewTokenInput {
  readonly tokenId: number;
  /** Who downloaded the new token, when it changed. */
  readonly appleId?: string | null;
  readonly tokenFile: string;
  /** Accept a token of another MDM server (the token then stands for that server). */
  readonly force?: boolean | null;
}

export interface RenewedToken {
  readonly token: EnrollmentProgramToken;
  /** True when `force` moved the token to another MDM server. */
  readonly serverChanged: boolean;
  /** True when the new file was encrypted to the pending public key, which the token now keeps. */
  readonly adoptedPendingKey: boolean;
}

export interface GeneratedEncryptionKey {
  readonly key: EncryptionKey;
  /** True when a pending key was waiting and is now gone (a token encrypted to it can no longer be read). */
  readonly replacedPrevious: boolean;
}

/** The audit target type of tokens: their GraphQL type name. */
const TOKEN_TARGET = 'EnrollmentProgramToken';
/** The audit target type of pending keys: their GraphQL type name. */
const KEY_TARGET = 'EncryptionPublicKey';

export class TokenService {
  private readonly secrets: TokenSecrets;

  constructor(
    private readonly deps: ServiceDependencies,
    private readonly audit: AuditService,
    private readonly appleSessions: AppleSessionGateway,
    /** What follows an upload (the first device sync); see {@link afterTokenUploaded}. */
    private readonly onUploaded?: (ctx: RequestContext, token: EnrollmentProgramToken) => Promise<void>,
  ) {
    this.secrets = new TokenSecrets(deps.secretBox);
  }

  /**
   * The columns a token file Apple just accepted sets, on upload and on renewal alike: the
   * account, the sealed secrets, the expiry and the status it gives, and no Apple error (what an
   * earlier file met is history).
   */
  private acceptedColumns({ account, credentials, keyPair, session }: AcceptedToken, now: Date) {
    return {
      ...accountFields(account),
      ...this.secrets.sealToken(account.server_uuid, { credentials, privateKeyPem: keyPair.privateKeyPem, session }),
      accessTokenExpiry: credentials.accessTokenExpiry,
      certificatePem: keyPair.certificatePem,
      status: expiryStatus(credentials.accessTokenExpiry, now),
      statusReason: null,
      statusCheckedAt: now,
      ...NO_APPLE_ERROR,
      updatedAt: now,
    };
  }

  async findById(id: number): Promise<EnrollmentProgramToken | null> {
    return this.deps.database.manager.findOneBy(EnrollmentProgramToken, { id });
  }

  /** Several tokens in one query per chunk of ids (a page's devices name a few); missing ids are absent. */
  async findByIds(ids: readonly number[]): Promise<Map<number, EnrollmentProgramToken>> {
    const found = new Map<number, EnrollmentProgramToken>();
    for (const chunk of chunks([...new Set(ids)], IN_LIST_CHUNK)) {
      for (const row of await this.deps.database.manager.findBy(EnrollmentProgramToken, { id: In(chunk) })) found.set(row.id, row);
    }
    return found;
  }

  /** Tokens ordered by name (then id). */
  async list(page: PageRequest): Promise<Page<EnrollmentProgramToken>> {
    const query = this.deps.database.manager.getRepository(EnrollmentProgramToken).createQueryBuilder('token');
    return paginateByText(query, { textColumn: 'token.name', idColumn: 'token.id', keyOf: (t) => ({ text: t.name, id: t.id }) }, page);
  }

  /** The status clients see now (see {@link tokenStatus}). */
  statusOf(token: EnrollmentProgramToken): TokenStatusView {
    return tokenStatus(token, this.deps.clock.now());
  }

  /** The token's health now (status, expiry countdown, terms); see {@link tokenHealth}. */
  healthOf(token: EnrollmentProgramToken): TokenHealthView {
    return tokenHealth(token, this.deps.clock.now());
  }

  async countProfiles(tokenId: number): Promise<number> {
    return this.deps.database.manager.countBy(EnrollmentProfile, { tokenId });
  }

  /** The key pair waiting for a token, or null. */
  async pendingEncryptionKey(): Promise<EncryptionKey | null> {
    return this.deps.database.manager.findOne(EncryptionKey, { where: {}, order: { id: 'DESC' } });
  }

  async findEncryptionKeyById(id: number): Promise<EncryptionKey | null> {
    return this.deps.database.manager.findOneBy(EncryptionKey, { id });
  }

  /**
   * A new key pair whose certificate the admin uploads in ASM. Any pending one is replaced: a
   * token ASM encrypts to the old certificate can then no longer be read, and the result says so.
   */
  async generateEncryptionPublicKey(ctx: RequestContext, options: { commonName?: string | null } = {}): Promise<GeneratedEncryptionKey> {
    return this.audit.mutate(ctx, 'generateEncryptionPublicKey', async (tx, record) => {
      // Tens of milliseconds of CPU (OpenSSL), no I/O: fine inside the transaction.
      const now = this.deps.clock.now();
      const commonName = options.commonName?.trim();
      const pair = generateTokenKeyPair({ now, ...(commonName === undefined ? {} : { commonName }) });
      const previous = await tx.find(EncryptionKey, { select: { id: true } });
      const replaced = previous.length;
      if (replaced > 0)
        await tx.delete(
          EncryptionKey,
          previous.map((k) => k.id),
        );
      const key = Object.assign(new EncryptionKey(), {
        certificatePem: pair.certificatePem,
        sealedPrivateKey: this.secrets.sealPendingKey(pair),
        createdAt: now,
        expiresAt: pair.notAfter,
      });
      await tx.insert(EncryptionKey, key);
      record.target(KEY_TARGET, key.id).detail({ replacedPrevious: replaced > 0, expiresAt: key.expiresAt.toISOString() });
      return { key, replacedPrevious: replaced > 0 };
    });
  }

  /**
   * Stores a token downloaded from ASM. Checked in this order, each failure storing nothing:
   * push certificate (`MDM_PUSH_CERTIFICATE_REQUIRED`), input (`BAD_USER_INPUT`), the file is for a
   * token already stored (it decrypts with that token's key: the same file again, or a renewal's
   * download: `ALREADY_EXISTS` naming the token and `renewToken`), name taken (`ALREADY_EXISTS`), pending key (`ENCRYPTION_KEY_REQUIRED`), the file (`TOKEN_*`), Apple's
   * `GET /account` (`APPLE_*`), the MDM server already has a token (`ALREADY_EXISTS`: renew it).
   * Then one transaction stores the token, consumes the pending key and records the audit event.
   */
  async upload(ctx: RequestContext, input: UploadTokenInput): Promise<EnrollmentProgramToken> {
    const action = 'uploadToken';
    const token = await this.attempt(ctx, action, async () => {
      const manager = this.deps.database.manager;
      if ((await manager.count(MdmPushCertificate)) === 0) {
        throw new HomeroomError(
          ErrorCode.MDM_PUSH_CERTIFICATE_REQUIRED,
          'Upload the Apple MDM push certificate (uploadMdmPushCertificate) before the first enrollment program token.',
        );
      }
      const name = checkTokenName(input.name);
      const appleId = checkAppleId(input.appleId);
      const file = checkTokenFile(input.tokenFile);
      const stored = await this.tokenOfFile(file);
      if (stored) throw alreadyUploaded(stored, { server_name: stored.serverName, server_uuid: stored.serverUuid });
      if (await manager.existsBy(EnrollmentProgramToken, { name })) throw nameTaken(name);
      const pending = await this.pendingEncryptionKey();
      if (!pending) {
        throw new HomeroomError(
          ErrorCode.ENCRYPTION_KEY_REQUIRED,
          'No public key is waiting for a token: call generateEncryptionPublicKey, upload that certificate to the MDM server in Apple School Manager, then download its token.',
          { field: 'tokenFile' },
        );
      }
      const keyPair = this.secrets.openPendingKey(pending);
      const credentials = readServerToken(file, keyPair);
      const { account, session } = await this.appleSessions.askAccount(credentials);
      return this.audit.mutate(ctx, action, async (tx, record) => {
        const existing = await tx.findOneBy(EnrollmentProgramToken, { serverUuid: account.server_uuid });
        if (existing) throw serverTaken(existing, account);
        if (await tx.existsBy(EnrollmentProgramToken, { name })) throw nameTaken(name);
        const now = this.deps.clock.now();
        const row = Object.assign(new EnrollmentProgramToken(), {
          name,
          appleId,
          ...this.acceptedColumns({ account, credentials, keyPair, session }, now),
          sharedWithSchoolDataSync: false,
          defaultProfileId: null,
          createdAt: now,
        });
        try {
          await tx.insert(EnrollmentProgramToken, row);
        } catch (error) {
          // Two uploads at the same moment on PostgreSQL: the unique indexes decide.
          if (isUniqueViolation(error))
            throw new HomeroomError(ErrorCode.ALREADY_EXISTS, 'This token or its name was just uploaded by someone else.');
          throw error;
        }
        await tx.delete(EncryptionKey, { id: pending.id });
        record
          .target(TOKEN_TARGET, row.id)
          .detail({ name, serverUuid: row.serverUuid, serverName: row.serverName, organizationName: row.organizationName });
        return row;
      });
    });
    await this.afterTokenUploaded(ctx, token);
    return token;
  }

  /**
   * What follows a first upload: the `onUploaded` callback (`Services` starts the token's first
   * device sync there). It runs after the upload committed, outside any transaction.
   */
  protected async afterTokenUploaded(ctx: RequestContext, token: EnrollmentProgramToken): Promise<void> {
    await this.onUploaded?.(ctx, token);
  }

  /**
   * A new token file for the token's MDM server. It is decrypted with the token's own key pair,
   * else with the pending one (the token then keeps that pair and the pending row goes). Apple
   * must accept it, and it must be for the same MDM server unless `force`. Devices and profiles
   * stay with the token. Every refusal leaves the stored token as it was.
   */
  async renew(ctx: RequestContext, input: RenewTokenInput): Promise<RenewedToken> {
    const action = 'renewToken';
    return this.attempt(ctx, action, async () => {
      const token = await this.findById(input.tokenId);
      if (!token) throw rowNotFound('enrollment program token', 'EnrollmentProgramToken', [input.tokenId]);
      const appleId = input.appleId == null ? null : checkAppleId(input.appleId);
      const file = checkTokenFile(input.tokenFile);
      const own = this.secrets.openKeyPair(token);
      let keyPair = own;
      let adopted: EncryptionKey | null = null;
      let credentials: ServerToken;
      try {
        credentials = readServerToken(file, own);
      } catch (error) {
        const pending = isHomeroomError(error) && error.code === ErrorCode.TOKEN_WRONG_KEY ? await this.pendingEncryptionKey() : null;
        if (!pending) throw error;
        const pendingPair = this.secrets.openPendingKey(pending);
        try {
          credentials = readServerToken(file, pendingPair);
        } catch (second) {
          // Neither key opens it: the first answer (about the token's own key) is the one that helps.
          throw isHomeroomError(second) && second.code === ErrorCode.TOKEN_WRONG_KEY ? error : second;
        }
        keyPair = pendingPair;
        adopted = pending;
      }
      const { account, session } = await this.appleSessions.askAccount(credentials);
      const serverChanged = account.server_uuid !== token.serverUuid;
      if (serverChanged && !input.force) {
        throw new HomeroomError(
          ErrorCode.TOKEN_SERVER_MISMATCH,
          `The new token is for the MDM server "${account.server_name}" (${account.server_uuid}), not for "${token.serverName}" (${token.serverUuid}) that "${token.name}" stands for. Download the token of "${token.serverName}" in Apple School Manager, or pass force: true to switch servers.`,
          { field: 'tokenFile', expectedServerUuid: token.serverUuid, actualServerUuid: account.server_uuid },
        );
      }
      return this.audit.mutate(ctx, action, async (tx, record) => {
        record.target(TOKEN_TARGET, token.id);
        const current = await tx.findOneBy(EnrollmentProgramToken, { id: token.id });
        if (!current) throw rowNotFound('enrollment program token', 'EnrollmentProgramToken', [token.id]);
        if (serverChanged) {
          const other = await tx.findOneBy(EnrollmentProgramToken, { serverUuid: account.server_uuid });
          if (other) throw serverTaken(other, account);
        }
        const now = this.deps.clock.now();
        const changes = {
          ...(appleId === null ? {} : { appleId }),
          ...this.acceptedColumns({ account, credentials, keyPair, session }, now),
        };
        await tx.update(EnrollmentProgramToken, { id: token.id }, changes);
        if (adopted) await tx.delete(EncryptionKey, { id: adopted.id });
        record.detail({
          serverUuid: account.server_uuid,
          previousServerUuid: current.serverUuid,
          serverChanged,
          adoptedPendingKey: adopted !== null,
          expiresAt: credentials.accessTokenExpiry.toISOString(),
        });
        return { token: Object.assign(current, changes), serverChanged, adoptedPendingKey: adopted !== null };
      });
    }).then((renewed) => {
      // Committed: the new file's status and a cleared Apple error are the token's health now.
      this.deps.events.publish(Topic.TOKEN_HEALTH_CHANGED, { tokenId: renewed.token.id });
      return renewed;
    });
  }

  /** Renames the token and/or changes its Apple ID; omitted fields stay. */
  async update(
    ctx: RequestContext,
    input: { tokenId: number; name?: string | null; appleId?: string | null },
  ): Promise<EnrollmentProgramToken> {
    return this.audit.mutate(ctx, 'updateToken', async (tx, record) => {
      record.target(TOKEN_TARGET, input.tokenId);
      const token = await tx.findOneBy(EnrollmentProgramToken, { id: input.tokenId });
      if (!token) throw rowNotFound('enrollment program token', 'EnrollmentProgramToken', [input.tokenId]);
      const name = input.name == null ? token.name : checkTokenName(input.name);
      const appleId = input.appleId == null ? token.appleId : checkAppleId(input.appleId);
      if (name !== token.name) {
        const holder = await tx.findOneBy(EnrollmentProgramToken, { name });
        if (holder && holder.id !== token.id) throw nameTaken(name);
      }
      const changes = { name, appleId, updatedAt: this.deps.clock.now() };
      try {
        await tx.update(EnrollmentProgramToken, { id: token.id }, changes);
      } catch (error) {
        if (isUniqueViolation(error)) throw nameTaken(name);
        throw error;
      }
      record.detail({ name, previousName: token.name, appleIdChanged: appleId !== token.appleId });
      return Object.assign(token, changes);
    });
  }

  /**
   * Deletes the token, refused with `TOKEN_IN_USE` while it has profiles or devices Apple still
   * assigns to it (Intune's rule); rows of devices Apple already removed go with it.
   * @returns the deleted row's id.
   */
  async delete(ctx: RequestContext, tokenId: number): Promise<number> {
    return this.audit.mutate(ctx, 'deleteToken', async (tx, record) => {
      record.target(TOKEN_TARGET, tokenId);
      const token = await tx.findOneBy(EnrollmentProgramToken, { id: tokenId });
      if (!token) throw rowNotFound('enrollment program token', 'EnrollmentProgramToken', [tokenId]);
      const profiles = await tx.countBy(EnrollmentProfile, { tokenId });
      const devices = await tx
        .getRepository(Device)
        .createQueryBuilder('device')
        .where('device.token_id = :tokenId AND device.removed_at IS NULL', { tokenId })
        .getCount();
      if (profiles > 0 || devices > 0) {
        const remaining = [
          profiles > 0 ? `${profiles} enrollment profile${profiles === 1 ? '' : 's'}` : null,
          devices > 0 ? `${devices} device${devices === 1 ? '' : 's'}` : null,
        ].filter((part) => part !== null);
        throw new HomeroomError(
          ErrorCode.TOKEN_IN_USE,
          `"${token.name}" still has ${remaining.join(' and ')}. Delete its profiles, and unassign its devices from the MDM server in Apple School Manager (then sync), before deleting the token.`,
          { profiles, devices },
        );
      }
      await tx.delete(Device, { tokenId });
      await tx.delete(EnrollmentProgramToken, { id: tokenId });
      record.detail({ name: token.name, serverUuid: token.serverUuid });
      return tokenId;
    });
  }

  /**
   * Asks Apple (`GET /account`) and records its verdict; also refreshes what Apple says about the
   * server and organisation. Apple refusing the token or the terms is the answer, not an error:
   * the token comes back with status `REJECTED` or `TERMS_NOT_ACCEPTED`. Apple unreachable is an
   * error (`APPLE_UNAVAILABLE`), and the status stays as it was.
   */
  async refreshStatus(ctx: RequestContext, tokenId: number): Promise<EnrollmentProgramToken> {
    const action = 'refreshTokenStatus';
    return this.attempt(ctx, action, async () => {
      if (!(await this.findById(tokenId))) throw rowNotFound('enrollment program token', 'EnrollmentProgramToken', [tokenId]);
      let account: DepAccount | null = null;
      try {
        account = await this.appleSessions.callApple(tokenId, (client) => client.account());
      } catch (error) {
        if (!isTokenVerdict(error)) throw error;
      }
      return this.audit.mutate(ctx, action, async (tx, record) => {
        record.target(TOKEN_TARGET, tokenId);
        const token = await tx.findOneBy(EnrollmentProgramToken, { id: tokenId });
        if (!token) throw rowNotFound('enrollment program token', 'EnrollmentProgramToken', [tokenId]);
        if (account && account.server_uuid === token.serverUuid) {
          const changes = { ...accountFields(account), updatedAt: this.deps.clock.now() };
          await tx.update(EnrollmentProgramToken, { id: tokenId }, changes);
          Object.assign(token, changes);
        }
        record.detail({ status: this.statusOf(token).status });
        return token;
      });
    });
  }

  /**
   * Marks the token as the one shared with School Data Sync (legacy: SDS Classic was retired at
   * the end of 2024), or unmarks it. At most one token is shared: `SDS_ALREADY_SHARED` names the
   * other one (`details.tokenId` is its row id).
   */
  async shareWithSchoolDataSync(ctx: RequestContext, input: { tokenId: number; shared: boolean }): Promise<EnrollmentProgramToken> {
    return this.audit.mutate(ctx, 'shareTokenWithSchoolDataSync', async (tx, record) => {
      record.target(TOKEN_TARGET, input.tokenId);
      // On PostgreSQL two shares at once would each see no other shared token: lock the (few) token rows first.
      if (this.deps.database.type === 'postgres') {
        await tx
          .getRepository(EnrollmentProgramToken)
          .createQueryBuilder('token')
          .select('token.id')
          .setLock('pessimistic_write')
          .getMany();
      }
      const token = await tx.findOneBy(EnrollmentProgramToken, { id: input.tokenId });
      if (!token) throw rowNotFound('enrollment program token', 'EnrollmentProgramToken', [input.tokenId]);
      if (input.shared) {
        const other = await tx.findOneBy(EnrollmentProgramToken, { sharedWithSchoolDataSync: true });
        if (other && other.id !== token.id) {
          throw new HomeroomError(
            ErrorCode.SDS_ALREADY_SHARED,
            `"${other.name}" is already shared with School Data Sync; unshare it first.`,
            { tokenId: other.id, tokenName: other.name },
          );
        }
      }
      if (token.sharedWithSchoolDataSync !== input.shared) {
        const changes = { sharedWithSchoolDataSync: input.shared, updatedAt: this.deps.clock.now() };
        await tx.update(EnrollmentProgramToken, { id: token.id }, changes);
        Object.assign(token, changes);
      }
      record.detail({ shared: input.shared });
      return token;
    });
  }

  // -------------------------------------------------------------------------------------------

  /**
   * Runs the steps of a mutation that happen before its transaction (input checks, decryption,
   * Apple), recording a failure among them in the audit log like `audit.mutate` records its own
   * (an error already recorded there is not recorded twice).
   */
  private async attempt<T>(ctx: RequestContext, action: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      await this.audit.recordFailure(ctx, action, error);
      throw error;
    }
  }

  /**
   * The stored token whose key pair opens `file`, or null: its certificate is the file's recipient and
   * its private key decrypts it. Only the matching token's key is unsealed. Best effort: a file this
   * cannot read is left to the checks that follow, which say what is wrong with it.
   */
  private async tokenOfFile(file: Buffer | string): Promise<EnrollmentProgramToken | null> {
    const tokens = await this.deps.database.manager.find(EnrollmentProgramToken, {
      select: { id: true, name: true, serverName: true, serverUuid: true, certificatePem: true, sealedPrivateKey: true },
      order: { id: 'ASC' },
    });
    try {
      const index = recipientIndexOf(
        file,
        tokens.map((token) => token.certificatePem),
      );
      if (index < 0) return null;
      readServerToken(file, this.secrets.openKeyPair(tokens[index]!));
      return tokens[index]!;
    } catch {
      return null;
    }
  }
}

/** A token file Apple just accepted: what it and Apple's sign-in gave. */
interface AcceptedToken {
  readonly account: DepAccount;
  readonly credentials: ServerToken;
  readonly keyPair: { readonly privateKeyPem: string; readonly certificatePem: string };
  readonly session: string | null;
}

/** What `GET /account` says, cut to the columns' sizes (Apple documents none). */
function accountFields(account: DepAccount) {
  const text = (value: unknown, max: number): string | null => (typeof value === 'string' && value !== '' ? value.slice(0, max) : null);
  return {
    tokenType: tokenTypeOf(account.org_type),
    organizationName: text(account.org_name, 200) ?? '',
    organizationId: text(account.org_id, 64),
    organizationEmail: text(account.org_email, 254),
    organizationPhone: text(account.org_phone, 64),
    organizationAddress: text(account.org_address, 500),
    serverName: text(account.server_name, 200) ?? '',
    serverUuid: account.server_uuid,
  };
}

function nameTaken(name: string): HomeroomError {
  return new HomeroomError(ErrorCode.ALREADY_EXISTS, `A token is already named "${name}".`, { field: 'name' });
}

function serverTaken(existing: EnrollmentProgramToken, account: Pick<DepAccount, 'server_name' | 'server_uuid'>): HomeroomError {
  return new HomeroomError(
    ErrorCode.ALREADY_EXISTS,
    `The MDM server "${account.server_name}" (${account.server_uuid}) already has a token in Homeroom: "${existing.name}". Use renewToken with that token's ID to replace its token file. Nothing was changed.`,
    { field: 'tokenFile', tokenId: existing.id, existingTokenName: existing.name, serverUuid: account.server_uuid, mutation: 'renewToken' },
  );
}

/**
 * The file is for a token Homeroom already holds (uploaded twice, or a renewal's download sent to
 * uploadToken). `details.tokenId` is the row id; the GraphQL layer shows it as the global ID.
 */
function alreadyUploaded(existing: EnrollmentProgramToken, account: Pick<DepAccount, 'server_name' | 'server_uuid'>): HomeroomError {
  return new HomeroomError(
    ErrorCode.ALREADY_EXISTS,
    `This token file is for the MDM server "${account.server_name}" (${account.server_uuid}), whose token Homeroom already holds as "${existing.name}" (the file decrypts with that token's key). To replace that token's file, call renewToken with its ID and this file; uploadToken only adds new MDM servers. Nothing was changed.`,
    { field: 'tokenFile', tokenId: existing.id, existingTokenName: existing.name, serverUuid: account.server_uuid, mutation: 'renewToken' },
  );
}
