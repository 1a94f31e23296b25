/**
 * API keys: create (the secret is returned once), list, revoke, and authenticate a request.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { ApiKey } from '../../entities/api-key.entity.js';
import { isUniqueViolation, type Database } from '../../entities/database.js';
import { badInput, ErrorCode, HomeroomError, rowNotFound } from '../../errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { Topic, type EventBus } from '../../platform/events/event-bus.js';
import { type Page, type PageRequest, paginate } from '../../entities/pagination.js';
import { Role } from '../../permissions.js';
import { Bindings, rowInstantOrNull, rowInteger } from '../../entities/raw-sql.js';
import type { Actor, RequestContext } from '../../platform/request-context.js';
import { checkStorableText } from '../../text-input.js';

export interface CreateApiKeyInput {
  readonly name: string;
  readonly role: Role;
  readonly description?: string | null;
}

export interface CreatedApiKey {
  readonly apiKey: ApiKey;
  /** The whole key. Shown once: only its hash is stored. */
  readonly secret: string;
}

/** `hr_` marks Homeroom keys (secret scanners can match it); 32 random bytes follow. */
const SECRET_PREFIX = 'hr_';
const SHOWN_PREFIX_LENGTH = 10;
/** `lastUsedAt` is written at most this often per key, so reads do not turn into writes. */
const LAST_USED_RESOLUTION_MS = 60_000;

export class ApiKeyService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly events: EventBus,
  ) {}

  async create(ctx: RequestContext, input: CreateApiKeyInput): Promise<CreatedApiKey> {
    // Checked inside the audited transaction, so a refused attempt is logged from every caller (API and CLI).
    return this.audit.mutate(ctx, 'createApiKey', async (tx, record) => {
      const name = checkName(input.name);
      const description = checkDescription(input.description);
      if (!Object.values(Role).includes(input.role)) throw badInput('role', `must be one of ${Object.values(Role).join(', ')}.`);
      const created = await this.insert(tx, { name, role: input.role, description }, ctx.actor?.name ?? 'anonymous');
      record.target('ApiKey', created.apiKey.id).detail({ name, role: input.role });
      return created;
    });
  }

  /**
   * Revoking a revoked key changes nothing and succeeds, so scripts can retry safely. Once the
   * revocation commits, `API_KEY_REVOKED` tells every instance to close the key's websockets.
   */
  async revoke(ctx: RequestContext, id: number): Promise<ApiKey> {
    return this.audit.mutate(ctx, 'revokeApiKey', async (tx, record) => {
      record.target('ApiKey', id);
      const key = await tx.findOneBy(ApiKey, { id });
      if (!key) throw rowNotFound('API key', 'ApiKey', [id]);
      if (key.revokedAt) return key;
      if (key.role === Role.ADMIN && (await this.countActiveAdmins(tx)) <= 1) {
        throw new HomeroomError(
          ErrorCode.LAST_ADMIN_KEY,
          `"${key.name}" is the last active ADMIN key; create another ADMIN key before revoking it.`,
        );
      }
      key.revokedAt = this.clock.now();
      await tx.update(ApiKey, { id }, { revokedAt: key.revokedAt });
      record.detail({ name: key.name, role: key.role });
      record.afterCommit(() => this.events.publish(Topic.API_KEY_REVOKED, { apiKeyId: id }));
      return key;
    });
  }

  async list(filter: { includeRevoked?: boolean | null }, page: PageRequest): Promise<Page<ApiKey>> {
    const query = filter.includeRevoked
      ? this.database.manager.getRepository(ApiKey).createQueryBuilder('key')
      : activeKeys(this.database.manager);
    return paginate(query, { column: 'key.id', keyOf: (k) => k.id, direction: 'ASC' }, page);
  }

  async findById(id: number): Promise<ApiKey | null> {
    return this.database.manager.findOneBy(ApiKey, { id });
  }

  /** Whether the key is still active; a websocket checks it before each operation. */
  async isActive(id: number): Promise<boolean> {
    return activeKeys(this.database.manager).andWhere('key.id = :id', { id }).getExists();
  }

  /** The actor a presented key stands for, or null when it is unknown or revoked. */
  async authenticate(secret: string): Promise<Actor | null> {
    const checked = await this.check(secret);
    return 'actor' in checked ? checked.actor : null;
  }

  /**
   * The actor a presented key stands for, or why it is refused: `UNKNOWN` (no such key) or
   * `REVOKED` (it was a key, and was revoked), so the caller can say which.
   */
  async check(secret: string): Promise<{ readonly actor: Actor } | { readonly refused: 'UNKNOWN' | 'REVOKED' }> {
    if (!secret.startsWith(SECRET_PREFIX) || secret.length > 200) return { refused: 'UNKNOWN' };
    const key = await this.keyBySecret(secret);
    if (!key) return { refused: 'UNKNOWN' };
    if (key.revokedAt) return { refused: 'REVOKED' };
    const now = this.clock.now();
    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
      await this.database.manager.update(ApiKey, { id: key.id }, { lastUsedAt: now });
    }
    return { actor: { kind: 'apiKey', apiKeyId: key.id, name: key.name, role: key.role } };
  }

  /**
   * The columns `check` reads of the key with this secret, by hand-written SQL: every request
   * authenticates, and TypeORM's `findOneBy` cost more than the look-up itself (bench:query).
   */
  private async keyBySecret(secret: string): Promise<Pick<ApiKey, 'id' | 'name' | 'role' | 'lastUsedAt' | 'revokedAt'> | null> {
    const manager = this.database.manager;
    const sql = new Bindings(manager);
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT id, name, role, last_used_at, revoked_at FROM api_key WHERE secret_hash = ${sql.bind(hashSecret(secret))}`,
      sql.values,
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: rowInteger(row.id),
      name: row.name as string,
      role: row.role as Role,
      lastUsedAt: rowInstantOrNull(row.last_used_at),
      revokedAt: rowInstantOrNull(row.revoked_at),
    };
  }

  /**
   * First start of the embedded setup: with no key at all, create an ADMIN key so a newcomer
   * can open the explorer at once. Returns its secret, or null when keys already exist.
   */
  async createBootstrapKey(ctx: RequestContext): Promise<CreatedApiKey | null> {
    if ((await this.database.manager.count(ApiKey)) > 0) return null;
    try {
      return await this.audit.mutate(ctx, 'createApiKey', async (tx, record) => {
        // Another instance may have started at the same moment; only one bootstrap key is made.
        if ((await tx.count(ApiKey)) > 0) throw new HomeroomError(ErrorCode.ALREADY_EXISTS, 'Another instance created the first key.');
        const created = await this.insert(
          tx,
          { name: 'bootstrap-admin', role: Role.ADMIN, description: 'Created on first start; revoke it once you have your own ADMIN key.' },
          'bootstrap',
        );
        record.target('ApiKey', created.apiKey.id).detail({ name: created.apiKey.name, role: Role.ADMIN, bootstrap: true });
        return created;
      });
    } catch (error) {
      if (error instanceof HomeroomError && error.code === ErrorCode.ALREADY_EXISTS) return null;
      throw error;
    }
  }

  /** The active key with this name, for the CLI's `revoke --name`. */
  async findActiveByName(name: string): Promise<ApiKey | null> {
    return activeKeys(this.database.manager).andWhere('key.name = :name', { name: name.trim() }).getOne();
  }

  /**
   * On PostgreSQL the active ADMIN rows are locked (FOR UPDATE) until the transaction ends, so
   * two revocations at once cannot each see "another admin remains" and leave none: the second
   * waits, then counts again. SQLite runs one transaction at a time and needs no lock.
   */
  private async countActiveAdmins(tx: EntityManager): Promise<number> {
    const query = activeKeys(tx).select('key.id').andWhere('key.role = :role', { role: Role.ADMIN });
    if (this.database.type === 'postgres') query.setLock('pessimistic_write');
    return (await query.getMany()).length;
  }

  private async insert(tx: EntityManager, input: Required<CreateApiKeyInput>, createdBy: string): Promise<CreatedApiKey> {
    if (await activeKeys(tx).andWhere('key.name = :name', { name: input.name }).getExists()) throw nameTaken(input.name);
    const secret = SECRET_PREFIX + randomBytes(32).toString('base64url');
    const apiKey = Object.assign(new ApiKey(), {
      name: input.name,
      description: input.description,
      role: input.role,
      prefix: secret.slice(0, SHOWN_PREFIX_LENGTH),
      secretHash: hashSecret(secret),
      createdBy,
      createdAt: this.clock.now(),
      lastUsedAt: null,
      revokedAt: null,
    });
    try {
      await tx.insert(ApiKey, apiKey);
    } catch (error) {
      // Two creations with one name at the same moment on PostgreSQL: the index decides.
      if (isUniqueViolation(error)) throw nameTaken(input.name);
      throw error;
    }
    return { apiKey, secret };
  }
}

/** Keys not revoked, as `key`; every "active" rule starts here. */
function activeKeys(manager: EntityManager): SelectQueryBuilder<ApiKey> {
  return manager.getRepository(ApiKey).createQueryBuilder('key').where('key.revoked_at IS NULL');
}

function nameTaken(name: string): HomeroomError {
  return new HomeroomError(ErrorCode.ALREADY_EXISTS, `An active API key is already named "${name}".`, { field: 'name' });
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

function checkName(value: string): string {
  const name = value.trim();
  if (name.length < 1 || name.length > 100) throw badInput('name', 'must be 1 to 100 characters.');
  if (!/^[\p{L}\p{N}][\p{L}\p{N} ._:@/-]*$/u.test(name)) {
    throw badInput('name', 'may contain letters, digits, spaces and . _ : @ / - and must start with a letter or digit.');
  }
  return name;
}

function checkDescription(value: string | null | undefined): string | null {
  const description = value?.trim() || null;
  if (description) checkStorableText('description', description);
  if (description && description.length > 500) throw badInput('description', 'must be at most 500 characters.');
  return description;
}
