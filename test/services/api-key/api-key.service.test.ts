import { createHash, randomBytes } from 'node:crypto';
import { toGlobalId } from '../../../src/global-id.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { ApiKey } from '../../../src/entities/api-key.entity.js';
import { AuditEvent, AuditOutcome } from '../../../src/entities/audit-event.entity.js';
import { ErrorCode, HomeroomError } from '../../../src/errors.js';
import { createLogger } from '../../../src/logger.js';
import { ManualClock } from '../../../src/platform/clock.js';
import { createEventBus } from '../../../src/platform/events/event-bus.js';
import { Role } from '../../../src/permissions.js';
import type { RequestContext } from '../../../src/platform/request-context.js';
import { offlineApple } from '../../support/services.js';
import { SecretBox } from '../../../src/platform/secret-box.js';
import { Services } from '../../../src/services/services.js';
import { homeroomErrorOf } from '../../support/assertions.js';
import { emptyFoundationTables, openTestDatabase, type OpenTestDatabase } from '../../support/database.js';

describe('ApiKeyService', () => {
  let opened: OpenTestDatabase;
  let dataSource: DataSource;
  let clock: ManualClock;
  let services: Services;
  const logger = createLogger('silent');
  const ctx: RequestContext = {
    requestId: 'req-admin',
    actor: { kind: 'apiKey', apiKeyId: 1, name: 'root-admin', role: Role.ADMIN },
    logger,
  };

  beforeAll(async () => {
    opened = await openTestDatabase();
    dataSource = opened.dataSource;
  });
  afterAll(() => opened.close());
  beforeEach(async () => {
    await emptyFoundationTables(dataSource);
    clock = new ManualClock('2026-09-01T08:00:00.000Z');
    services = new Services({
      database: opened.database,
      clock,
      events: createEventBus(),
      secretBox: new SecretBox(randomBytes(32)),
      ...offlineApple(),
    });
  });

  async function auditEvents(): Promise<AuditEvent[]> {
    return (await services.audit.list({}, { first: 500 })).edges.map((e) => e.node).reverse();
  }

  const targetsOf = (event: AuditEvent) => event.targets.map((t) => ({ type: t.targetType, key: t.targetKey }));

  describe('create', () => {
    it('returns a secret starting with hr_ that authenticates as the new key', async () => {
      const { apiKey, secret } = await services.apiKeys.create(ctx, { name: 'ci-runner', role: Role.OPERATOR, description: ' nightly ' });
      expect(secret).toMatch(/^hr_[A-Za-z0-9_-]{43}$/);
      expect(apiKey).toMatchObject({
        name: 'ci-runner',
        role: Role.OPERATOR,
        description: 'nightly',
        prefix: secret.slice(0, 10),
        createdBy: 'root-admin',
        createdAt: clock.now(),
        lastUsedAt: null,
        revokedAt: null,
      });
      expect(await services.apiKeys.authenticate(secret)).toEqual({
        kind: 'apiKey',
        apiKeyId: apiKey.id,
        name: 'ci-runner',
        role: Role.OPERATOR,
      });
    });

    it('gives each key its own secret', async () => {
      const a = await services.apiKeys.create(ctx, { name: 'a', role: Role.READ_ONLY });
      const b = await services.apiKeys.create(ctx, { name: 'b', role: Role.READ_ONLY });
      expect(a.secret).not.toBe(b.secret);
      expect((await services.apiKeys.authenticate(b.secret))?.apiKeyId).toBe(b.apiKey.id);
    });

    it('stores only the SHA-256 of the secret', async () => {
      const { apiKey, secret } = await services.apiKeys.create(ctx, { name: 'hashed', role: Role.READ_ONLY });
      const row = await dataSource
        .createQueryBuilder()
        .select('*')
        .from('api_key', 'k')
        .where('k.id = :id', { id: apiKey.id })
        .getRawOne<Record<string, unknown>>();
      expect(row).toBeDefined();
      expect(row!.secret_hash).toBe(createHash('sha256').update(secret).digest('hex'));
      expect(Object.values(row!).filter((value) => typeof value === 'string' && value.includes(secret.slice(10)))).toEqual([]);
    });

    it('trims the name', async () => {
      const { apiKey } = await services.apiKeys.create(ctx, { name: '  Room 12 iPads  ', role: Role.READ_ONLY });
      expect(apiKey.name).toBe('Room 12 iPads');
      expect((await services.apiKeys.findById(apiKey.id))?.name).toBe('Room 12 iPads');
    });

    it('accepts a name of 100 characters with letters, digits and . _ : @ / -', async () => {
      const name = 'É1 ._:@/-'.padEnd(100, 'x');
      expect((await services.apiKeys.create(ctx, { name, role: Role.READ_ONLY })).apiKey.name).toBe(name);
    });

    it('refuses an empty, too long or badly started name with BAD_USER_INPUT and stores nothing', async () => {
      for (const name of ['', '   ', 'x'.repeat(101), '-leading', '.hidden', 'semi;colon']) {
        const error = await homeroomErrorOf(services.apiKeys.create(ctx, { name, role: Role.ADMIN }));
        expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
        expect(error.details.field).toBe('name');
        expect(error.message).toMatch(/^name: /);
      }
      expect(await dataSource.manager.count(ApiKey)).toBe(0);
    });

    it('refuses a description over 500 characters with BAD_USER_INPUT', async () => {
      const error = await homeroomErrorOf(
        services.apiKeys.create(ctx, { name: 'described', role: Role.ADMIN, description: 'd'.repeat(501) }),
      );
      expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
      expect(error.details.field).toBe('description');
      expect(await dataSource.manager.count(ApiKey)).toBe(0);
    });

    it('refuses an unknown role with BAD_USER_INPUT', async () => {
      const error = await homeroomErrorOf(services.apiKeys.create(ctx, { name: 'bad-role', role: 'ROOT' as Role }));
      expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
      expect(error.details.field).toBe('role');
      expect(await dataSource.manager.count(ApiKey)).toBe(0);
    });

    it('refuses a second active key with the same name with ALREADY_EXISTS', async () => {
      await services.apiKeys.create(ctx, { name: 'deploy', role: Role.OPERATOR });
      const error = await homeroomErrorOf(services.apiKeys.create(ctx, { name: ' deploy ', role: Role.READ_ONLY }));
      expect(error.code).toBe(ErrorCode.ALREADY_EXISTS);
      expect(error.message).toContain('"deploy"');
      expect(await dataSource.manager.count(ApiKey)).toBe(1);
    });

    it('lets a name be used again once its key is revoked', async () => {
      const first = await services.apiKeys.create(ctx, { name: 'deploy', role: Role.OPERATOR });
      await services.apiKeys.revoke(ctx, first.apiKey.id);
      const second = await services.apiKeys.create(ctx, { name: 'deploy', role: Role.OPERATOR });
      expect(second.apiKey.id).not.toBe(first.apiKey.id);
      expect((await services.apiKeys.findActiveByName('deploy'))?.id).toBe(second.apiKey.id);
    });
  });

  describe('revoke', () => {
    it('sets revokedAt, after which the key no longer authenticates', async () => {
      await services.apiKeys.create(ctx, { name: 'other-admin', role: Role.ADMIN });
      const { apiKey, secret } = await services.apiKeys.create(ctx, { name: 'leaving', role: Role.ADMIN });
      clock.advance(5_000);
      const revoked = await services.apiKeys.revoke(ctx, apiKey.id);
      expect(revoked.revokedAt).toEqual(clock.now());
      expect(await services.apiKeys.isActive(apiKey.id)).toBe(false);
      expect((await services.apiKeys.findById(apiKey.id))?.revokedAt).toEqual(new Date('2026-09-01T08:00:05.000Z'));
      expect(await services.apiKeys.authenticate(secret)).toBeNull();
    });

    it('succeeds without change on a key that is already revoked', async () => {
      const { apiKey } = await services.apiKeys.create(ctx, { name: 'old', role: Role.READ_ONLY });
      const firstRevokedAt = (await services.apiKeys.revoke(ctx, apiKey.id)).revokedAt;
      clock.advance(60_000);
      const again = await services.apiKeys.revoke(ctx, apiKey.id);
      expect(again.revokedAt).toEqual(firstRevokedAt);
      expect((await services.apiKeys.findById(apiKey.id))?.revokedAt).toEqual(firstRevokedAt);
    });

    it('refuses to revoke the last active ADMIN key with LAST_ADMIN_KEY', async () => {
      const admin = await services.apiKeys.create(ctx, { name: 'only-admin', role: Role.ADMIN });
      await services.apiKeys.create(ctx, { name: 'operator', role: Role.OPERATOR });
      const error = await homeroomErrorOf(services.apiKeys.revoke(ctx, admin.apiKey.id));
      expect(error.code).toBe(ErrorCode.LAST_ADMIN_KEY);
      expect(error.message).toContain('"only-admin"');
      expect((await services.apiKeys.findById(admin.apiKey.id))?.revokedAt).toBeNull();
      expect(await services.apiKeys.authenticate(admin.secret)).not.toBeNull();
    });

    it('counts only active ADMIN keys when guarding the last one', async () => {
      const a = await services.apiKeys.create(ctx, { name: 'admin-a', role: Role.ADMIN });
      const b = await services.apiKeys.create(ctx, { name: 'admin-b', role: Role.ADMIN });
      await services.apiKeys.revoke(ctx, a.apiKey.id);
      expect((await homeroomErrorOf(services.apiKeys.revoke(ctx, b.apiKey.id))).code).toBe(ErrorCode.LAST_ADMIN_KEY);
    });

    it('refuses an unknown id with NOT_FOUND', async () => {
      const error = await homeroomErrorOf(services.apiKeys.revoke(ctx, 4242));
      expect(error.code).toBe(ErrorCode.NOT_FOUND);
      // The ID as clients know it (a global ID), never the row number.
      expect(error.details.id).toBe(toGlobalId('ApiKey', 4242));
      expect(error.message).not.toContain('4242');
    });
  });

  describe('authenticate', () => {
    it('returns null for unknown, malformed and overlong secrets', async () => {
      const { secret } = await services.apiKeys.create(ctx, { name: 'real', role: Role.READ_ONLY });
      expect(await services.apiKeys.authenticate('hr_' + 'A'.repeat(43))).toBeNull();
      expect(await services.apiKeys.authenticate(secret.slice(3))).toBeNull();
      expect(await services.apiKeys.authenticate(secret + 'x'.repeat(200))).toBeNull();
      expect(await services.apiKeys.authenticate(secret)).not.toBeNull();
    });

    it('writes lastUsedAt on first use and not again until 60 s later', async () => {
      const { apiKey, secret } = await services.apiKeys.create(ctx, { name: 'used', role: Role.READ_ONLY });
      const lastUsed = async () => (await services.apiKeys.findById(apiKey.id))?.lastUsedAt;
      expect(await lastUsed()).toBeNull();

      clock.advance(1_000);
      const firstUse = clock.now();
      await services.apiKeys.authenticate(secret);
      expect(await lastUsed()).toEqual(firstUse);

      clock.advance(59_999);
      await services.apiKeys.authenticate(secret);
      expect(await lastUsed()).toEqual(firstUse);

      clock.advance(1);
      await services.apiKeys.authenticate(secret);
      expect(await lastUsed()).toEqual(new Date(firstUse.getTime() + 60_000));
    });
  });

  describe('createBootstrapKey', () => {
    it('creates one ADMIN key named bootstrap-admin on an empty table', async () => {
      const created = await services.apiKeys.createBootstrapKey(ctx);
      expect(created).not.toBeNull();
      expect(created!.apiKey).toMatchObject({ name: 'bootstrap-admin', role: Role.ADMIN, createdBy: 'bootstrap', revokedAt: null });
      expect(await services.apiKeys.authenticate(created!.secret)).toMatchObject({ name: 'bootstrap-admin', role: Role.ADMIN });
      expect(await dataSource.manager.count(ApiKey)).toBe(1);
      const [event, ...more] = await auditEvents();
      expect(more).toEqual([]);
      expect(event).toMatchObject({
        action: 'createApiKey',
        outcome: AuditOutcome.SUCCEEDED,
        details: { name: 'bootstrap-admin', role: 'ADMIN', bootstrap: true },
      });
    });

    it('returns null and writes no audit event once any key exists', async () => {
      await services.apiKeys.create(ctx, { name: 'existing', role: Role.READ_ONLY });
      const eventsBefore = await auditEvents();
      expect(await services.apiKeys.createBootstrapKey(ctx)).toBeNull();
      expect(await dataSource.manager.count(ApiKey)).toBe(1);
      expect(await auditEvents()).toEqual(eventsBefore);
    });

    it('makes only one key when two instances start at once', async () => {
      const results = await Promise.all([services.apiKeys.createBootstrapKey(ctx), services.apiKeys.createBootstrapKey(ctx)]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      expect(await dataSource.manager.count(ApiKey)).toBe(1);
    });
  });

  describe('audit events', () => {
    it('writes exactly one SUCCEEDED event per create and per revoke, naming the key', async () => {
      await services.apiKeys.create(ctx, { name: 'keeper', role: Role.ADMIN });
      const { apiKey } = await services.apiKeys.create(ctx, { name: 'audited', role: Role.ADMIN });
      const before = (await auditEvents()).length;
      await services.apiKeys.revoke(ctx, apiKey.id);
      const events = await auditEvents();
      expect(events).toHaveLength(before + 1);
      const [create, revoke] = events.slice(-2);
      expect(create).toMatchObject({
        action: 'createApiKey',
        outcome: AuditOutcome.SUCCEEDED,
        actorName: 'root-admin',
        actorApiKeyId: 1,
        requestId: 'req-admin',
        errorCode: null,
        details: { name: 'audited', role: 'ADMIN' },
      });
      expect(targetsOf(create!)).toEqual([{ type: 'ApiKey', key: String(apiKey.id) }]);
      expect(revoke).toMatchObject({
        action: 'revokeApiKey',
        outcome: AuditOutcome.SUCCEEDED,
        errorCode: null,
        details: { name: 'audited', role: 'ADMIN' },
      });
      expect(targetsOf(revoke!)).toEqual([{ type: 'ApiKey', key: String(apiKey.id) }]);
    });

    it('writes one FAILED event with ALREADY_EXISTS for a duplicate name', async () => {
      await services.apiKeys.create(ctx, { name: 'dup', role: Role.READ_ONLY });
      await homeroomErrorOf(services.apiKeys.create(ctx, { name: 'dup', role: Role.READ_ONLY }));
      const events = await auditEvents();
      expect(events.map((e) => e.outcome)).toEqual([AuditOutcome.SUCCEEDED, AuditOutcome.FAILED]);
      expect(events[1]).toMatchObject({
        action: 'createApiKey',
        errorCode: ErrorCode.ALREADY_EXISTS,
        errorMessage: 'An active API key is already named "dup".',
      });
    });

    it('writes one FAILED event with LAST_ADMIN_KEY, naming the key', async () => {
      const { apiKey } = await services.apiKeys.create(ctx, { name: 'last', role: Role.ADMIN });
      await homeroomErrorOf(services.apiKeys.revoke(ctx, apiKey.id));
      const failed = (await auditEvents()).filter((e) => e.outcome === AuditOutcome.FAILED);
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatchObject({ action: 'revokeApiKey', errorCode: ErrorCode.LAST_ADMIN_KEY });
      expect(targetsOf(failed[0]!)).toEqual([{ type: 'ApiKey', key: String(apiKey.id) }]);
    });

    it('writes one FAILED event with NOT_FOUND, naming the id asked for', async () => {
      await homeroomErrorOf(services.apiKeys.revoke(ctx, 4242));
      const events = await auditEvents();
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: 'revokeApiKey', outcome: AuditOutcome.FAILED, errorCode: ErrorCode.NOT_FOUND });
      expect(targetsOf(events[0]!)).toEqual([{ type: 'ApiKey', key: '4242' }]);
    });
  });

  describe('regressions', () => {
    it('refuses one of two simultaneous revocations of the last two ADMIN keys with LAST_ADMIN_KEY', async () => {
      const a = (await services.apiKeys.create(ctx, { name: 'admin-a', role: Role.ADMIN })).apiKey;
      const b = (await services.apiKeys.create(ctx, { name: 'admin-b', role: Role.ADMIN })).apiKey;
      const results = await Promise.allSettled([services.apiKeys.revoke(ctx, a.id), services.apiKeys.revoke(ctx, b.id)]);
      const refused = results.filter((r) => r.status === 'rejected');
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect(((refused[0] as PromiseRejectedResult).reason as HomeroomError).code).toBe(ErrorCode.LAST_ADMIN_KEY);
      const active = await dataSource.getRepository(ApiKey).createQueryBuilder('k').where('k.revoked_at IS NULL').getCount();
      expect(active).toBe(1);
    });

    it('audits a create refused for a bad name from any caller (BAD_USER_INPUT), not only over GraphQL', async () => {
      await homeroomErrorOf(services.apiKeys.create(ctx, { name: '', role: Role.READ_ONLY }));
      const events = await auditEvents();
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: 'createApiKey', outcome: AuditOutcome.FAILED, errorCode: ErrorCode.BAD_USER_INPUT });
    });
  });
});
