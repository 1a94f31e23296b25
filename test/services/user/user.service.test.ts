import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuditOutcome } from '../../../src/entities/audit-event.entity.js';
import { DirectoryUser } from '../../../src/entities/directory-user.entity.js';
import { ErrorCode } from '../../../src/errors.js';
import { createLogger } from '../../../src/logger.js';
import { ManualClock } from '../../../src/platform/clock.js';
import { createEventBus } from '../../../src/platform/events/event-bus.js';
import { parsePasswordHash } from '../../../src/services/user/password-hash.js';
import { Role } from '../../../src/permissions.js';
import type { RequestContext } from '../../../src/platform/request-context.js';
import { SecretBox } from '../../../src/platform/secret-box.js';
import { Services } from '../../../src/services/services.js';
import { homeroomErrorOf } from '../../support/assertions.js';
import { emptyFoundationTables, openTestDatabase, type OpenTestDatabase } from '../../support/database.js';
import { offlineApple } from '../../support/services.js';

const ANN = {
  username: 'Ann.Lee@Students.Riverside.example',
  displayName: 'Ann Lee',
  role: 'STUDENT',
  password: 'correct horse battery',
} as const;

describe('UserService', () => {
  let opened: OpenTestDatabase;
  let clock: ManualClock;
  let services: Services;
  const ctx: RequestContext = {
    requestId: 'req-admin',
    actor: { kind: 'apiKey', apiKeyId: 1, name: 'root-admin', role: Role.ADMIN },
    logger: createLogger('silent'),
  };

  const build = (logN: number) =>
    new Services({
      database: opened.database,
      clock,
      events: createEventBus(),
      secretBox: new SecretBox(randomBytes(32)),
      ...offlineApple(),
      userPasswordScryptLogN: logN,
    });

  beforeAll(async () => {
    opened = await openTestDatabase();
  });
  afterAll(() => opened.close());
  beforeEach(async () => {
    await opened.dataSource.createQueryBuilder().delete().from(DirectoryUser).execute();
    await emptyFoundationTables(opened.dataSource);
    clock = new ManualClock('2026-09-01T08:00:00.000Z');
    services = build(10);
  });

  const auditEvents = async (action: string) => (await services.audit.list({ action }, { first: 500 })).edges.map((e) => e.node).reverse();
  const userCount = () => opened.dataSource.getRepository(DirectoryUser).count();

  describe('create', () => {
    it('stores the username lower-case, a scrypt hash at the configured cost, and audits without the password', async () => {
      const user = await services.users.create(ctx, ANN);
      expect(user).toMatchObject({
        username: 'ann.lee@students.riverside.example',
        displayName: 'Ann Lee',
        role: 'STUDENT',
        createdAt: clock.now(),
        updatedAt: clock.now(),
      });
      const row = await opened.dataSource.getRepository(DirectoryUser).findOneByOrFail({ id: user.id });
      expect(parsePasswordHash(row.passwordHash)?.cost).toEqual({ logN: 10, r: 8, p: 1 });
      expect(row.passwordHash).not.toContain(ANN.password);
      const [event] = await auditEvents('createUser');
      expect(event).toMatchObject({ outcome: AuditOutcome.SUCCEEDED, details: { username: user.username, role: 'STUDENT' } });
      expect(event!.targets.map((t) => [t.targetType, t.targetKey])).toEqual([['User', String(user.id)]]);
      expect(JSON.stringify(event)).not.toContain(ANN.password);
    });

    it.each([
      ['username', { username: 'not-an-account' }],
      ['username', { username: 'two@@school.example' }],
      ['username', { username: 'a..b@school.example' }],
      ['username', { username: 'nodomain@localhost' }],
      ['username', { username: `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.example` }],
      ['displayName', { displayName: '   ' }],
      ['displayName', { displayName: 'x'.repeat(201) }],
      ['displayName', { displayName: 'Ann\nLee' }],
      ['role', { role: 'PRINCIPAL' }],
      ['password', { password: 'short' }],
      ['password', { password: 'p'.repeat(257) }],
    ] as const)('refuses a bad %s with BAD_USER_INPUT naming it, creates nothing, and audits the refusal', async (field, change) => {
      const error = await homeroomErrorOf(services.users.create(ctx, { ...ANN, ...change } as typeof ANN));
      expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
      expect(error.details).toEqual({ field });
      expect(await userCount()).toBe(0);
      const [event] = await auditEvents('createUser');
      expect(event).toMatchObject({ outcome: AuditOutcome.FAILED, errorCode: 'BAD_USER_INPUT' });
    });

    it('refuses a username already taken in another case with ALREADY_EXISTS on username', async () => {
      await services.users.create(ctx, ANN);
      const error = await homeroomErrorOf(services.users.create(ctx, { ...ANN, username: ' ANN.LEE@students.riverside.EXAMPLE ' }));
      expect(error.code).toBe(ErrorCode.ALREADY_EXISTS);
      expect(error.details).toEqual({ field: 'username' });
      expect(await userCount()).toBe(1);
    });
  });

  describe('update and delete', () => {
    it('changes the display name, role and password: the old password stops working, and the audit names only the fields', async () => {
      const user = await services.users.create(ctx, ANN);
      clock.advance(60_000);
      const updated = await services.users.update(ctx, user.id, {
        displayName: 'Ann Lee-Park',
        role: 'TEACHER',
        password: 'a new passphrase',
      });
      expect(updated).toMatchObject({ username: user.username, displayName: 'Ann Lee-Park', role: 'TEACHER', updatedAt: clock.now() });
      expect(await services.users.authenticate(ANN.username, ANN.password)).toBeNull();
      expect(await services.users.authenticate(ANN.username, 'a new passphrase')).toMatchObject({ id: user.id, role: 'TEACHER' });
      const [event] = await auditEvents('updateUser');
      expect(event!.details).toEqual({ username: user.username, changed: ['displayName', 'role', 'password'] });
      expect(JSON.stringify(event)).not.toContain('a new passphrase');
    });

    it('keeps what is omitted or null', async () => {
      const user = await services.users.create(ctx, ANN);
      const updated = await services.users.update(ctx, user.id, { displayName: null, role: 'TEACHER' });
      expect(updated).toMatchObject({ displayName: 'Ann Lee', role: 'TEACHER' });
      expect(await services.users.authenticate(ANN.username, ANN.password)).not.toBeNull();
    });

    it('answers NOT_FOUND for an unknown user, on update and delete, and audits both', async () => {
      expect((await homeroomErrorOf(services.users.update(ctx, 4242, { role: 'TEACHER' }))).code).toBe(ErrorCode.NOT_FOUND);
      expect((await homeroomErrorOf(services.users.delete(ctx, 4242))).code).toBe(ErrorCode.NOT_FOUND);
      expect((await auditEvents('updateUser'))[0]).toMatchObject({ outcome: 'FAILED', errorCode: 'NOT_FOUND' });
      expect((await auditEvents('deleteUser'))[0]).toMatchObject({ outcome: 'FAILED', errorCode: 'NOT_FOUND' });
    });

    it('refuses a bad new password with BAD_USER_INPUT and keeps the old one', async () => {
      const user = await services.users.create(ctx, ANN);
      expect((await homeroomErrorOf(services.users.update(ctx, user.id, { password: '1234' }))).details).toEqual({ field: 'password' });
      expect(await services.users.authenticate(ANN.username, ANN.password)).not.toBeNull();
    });

    it('deletes a user: they can no longer sign in, and the deletion is audited', async () => {
      const user = await services.users.create(ctx, ANN);
      await services.users.delete(ctx, user.id);
      expect(await services.users.findById(user.id)).toBeNull();
      expect(await services.users.authenticate(ANN.username, ANN.password)).toBeNull();
      expect((await auditEvents('deleteUser'))[0]).toMatchObject({ outcome: 'SUCCEEDED', details: { username: user.username } });
    });
  });

  describe('authenticate and findByUsernames', () => {
    it('signs a user in with the username in any case and surrounding spaces, returning no hash', async () => {
      const user = await services.users.create(ctx, ANN);
      expect(await services.users.authenticate('  ANN.LEE@students.riverside.example ', ANN.password)).toEqual({
        id: user.id,
        username: 'ann.lee@students.riverside.example',
        displayName: 'Ann Lee',
        role: 'STUDENT',
      });
    });

    it('answers null for a wrong password, an unknown user, an empty or overlong username', async () => {
      await services.users.create(ctx, ANN);
      expect(await services.users.authenticate(ANN.username, 'correct horse battery!')).toBeNull();
      expect(await services.users.authenticate(ANN.username, '')).toBeNull();
      expect(await services.users.authenticate('nobody@students.riverside.example', ANN.password)).toBeNull();
      expect(await services.users.authenticate('', ANN.password)).toBeNull();
      expect(await services.users.authenticate('x'.repeat(300), ANN.password)).toBeNull();
    });

    it('finds users by username in bulk, keyed lower-case, leaving out unknown names', async () => {
      const ann = await services.users.create(ctx, ANN);
      const bo = await services.users.create(ctx, { ...ANN, username: 'bo@staff.riverside.example', displayName: 'Bo', role: 'TEACHER' });
      const found = await services.users.findByUsernames([
        'BO@staff.riverside.example',
        ann.username,
        'ghost@riverside.example',
        ann.username,
      ]);
      expect([...found.keys()].sort()).toEqual([ann.username, bo.username]);
      expect(found.get(bo.username)).toEqual({ id: bo.id, username: bo.username, displayName: 'Bo', role: 'TEACHER' });
      expect((await services.users.findByUsernames([])).size).toBe(0);
    });
  });

  describe('list', () => {
    it('lists by username, filtered by role and by part of the username with LIKE wildcards taken literally', async () => {
      for (const [username, role] of [
        ['zoe@students.riverside.example', 'STUDENT'],
        ['amy_k@students.riverside.example', 'STUDENT'],
        ['amyxk@students.riverside.example', 'STUDENT'],
        ['ms.amy@staff.riverside.example', 'TEACHER'],
      ] as const) {
        await services.users.create(ctx, { ...ANN, username, role });
      }
      const names = async (filter: Parameters<typeof services.users.list>[0]) =>
        (await services.users.list(filter, { first: 10 })).edges.map((e) => e.node.username);
      expect(await names({})).toEqual([
        'amy_k@students.riverside.example',
        'amyxk@students.riverside.example',
        'ms.amy@staff.riverside.example',
        'zoe@students.riverside.example',
      ]);
      expect(await names({ role: 'TEACHER' })).toEqual(['ms.amy@staff.riverside.example']);
      expect(await names({ usernameContains: 'AMY_' })).toEqual(['amy_k@students.riverside.example']);
      expect(await names({ usernameContains: 'amy', role: 'STUDENT' })).toHaveLength(2);
      expect(await names({ usernameContains: '%' })).toEqual([]);
      const page = await services.users.list({}, { first: 3 });
      const next = await services.users.list({}, { first: 3, after: page.pageInfo.endCursor });
      expect(next.edges.map((e) => e.node.username)).toEqual(['zoe@students.riverside.example']);
      expect(await page.totalCount()).toBe(4);
    });
  });
});
