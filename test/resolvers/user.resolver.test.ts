import { getNamedType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLOutputType, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuditEventsDocument,
  CreateUserDocument,
  DeleteUserDocument,
  ImportUsersDocument,
  UpdateUserDocument,
  UserImportJobDocument,
  UserImportJobNodeDocument,
  UserNodeDocument,
  UsersDocument,
} from '../generated/operations.js';
import { RESOLVERS } from '../../src/resolvers/index.js';
import { buildSchemaShape } from '../../src/schema/build-schema.js';
import { toGlobalId } from '../../src/global-id.js';
import { Role } from '../../src/permissions.js';
import { startTestServer, type TestServer } from '../support/server.js';

const HEADER = 'username,displayName,role,password';

describe('the user directory over GraphQL', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  const create = (username: string, extra: Partial<{ displayName: string; role: 'STUDENT' | 'TEACHER'; password: string }> = {}) =>
    t.request(CreateUserDocument, { input: { username, displayName: 'Someone', role: 'STUDENT', password: 'a fine password', ...extra } });
  const auditOf = async (action: string) =>
    (await t.request(AuditEventsDocument, { first: 100, filter: { action } })).data!.auditEvents.edges.map((e) => e.node);

  it('creates a user for an ADMIN and returns it without any password, its username lower-cased', async () => {
    const res = await create('Ms.Rivera@Staff.Riverside.example', { displayName: 'Ms Rivera', role: 'TEACHER', password: 'apple tree 42' });
    expect(res.errors).toBeUndefined();
    const user = res.data!.createUser.user;
    expect(user).toMatchObject({ username: 'ms.rivera@staff.riverside.example', displayName: 'Ms Rivera', role: 'TEACHER' });
    expect(user.createdAt).toMatch(/Z$/);
    expect(JSON.stringify(res.data)).not.toContain('apple tree 42');
    expect(await t.server.services.users.authenticate('ms.rivera@staff.riverside.example', 'apple tree 42')).toMatchObject({
      role: 'TEACHER',
    });
    const node = await t.request(UserNodeDocument, { id: user.id });
    expect(node.data?.node).toEqual({ __typename: 'User', id: user.id, username: user.username, role: 'TEACHER' });
    const [event] = (await auditOf('createUser')).filter((e) => e.targetIds.includes(user.id));
    expect(event).toMatchObject({ actorName: 'test-admin', outcome: 'SUCCEEDED', details: { username: user.username, role: 'TEACHER' } });
    expect(JSON.stringify(event)).not.toContain('apple tree 42');
  });

  describe('is ADMIN only', () => {
    it.each([Role.OPERATOR, Role.READ_ONLY])(
      'refuses every user operation to a %s key with FORBIDDEN (USER_MANAGE) and changes nothing',
      async (role) => {
        const key = t.keys[role];
        const victim = (await create(`victim-${role.toLowerCase()}@riverside.example`)).data!.createUser.user;
        const attempts = [
          await t.request(UsersDocument, { first: 10 }, key),
          await t.request(
            CreateUserDocument,
            { input: { username: 'x@riverside.example', displayName: 'X', role: 'STUDENT', password: 'password' } },
            key,
          ),
          await t.request(UpdateUserDocument, { input: { id: victim.id, password: 'taken over!' } }, key),
          await t.request(DeleteUserDocument, { input: { id: victim.id } }, key),
          await t.request(ImportUsersDocument, { input: { csv: `${HEADER}\ny@riverside.example,Y,STUDENT,password` } }, key),
          await t.request(UserImportJobDocument, { id: toGlobalId('UserImportJob', 1) }, key),
          await t.request(UserImportJobNodeDocument, { id: toGlobalId('UserImportJob', 1) }, key),
          await t.request(UserNodeDocument, { id: victim.id }, key),
        ];
        for (const res of attempts) {
          expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', missingPermissions: ['USER_MANAGE'] });
        }
        expect(await t.server.services.users.findByUsernames(['x@riverside.example', 'y@riverside.example'])).toEqual(new Map());
        expect(await t.server.services.users.authenticate(victim.username, 'a fine password')).not.toBeNull();
        const refused = (await auditOf('updateUser')).filter((e) => e.actorName === `test-${role.toLowerCase()}`);
        expect(refused).toMatchObject([{ outcome: 'FAILED', errorCode: 'FORBIDDEN' }]);
      },
    );

    it('refuses a request without a key with UNAUTHENTICATED', async () => {
      const res = await t.request(UsersDocument, { first: 1 }, null);
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  it.each([
    ['username', { username: 'no-at-sign' }],
    ['displayName', { displayName: '' }],
    ['password', { password: 'seven77' }],
  ] as const)('refuses a bad %s with BAD_USER_INPUT naming the field', async (field, change) => {
    const res = await t.request(CreateUserDocument, {
      input: { username: 'bad-input@riverside.example', displayName: 'Bad', role: 'STUDENT', password: 'a fine password', ...change },
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(res.data ?? null).toBeNull();
  });

  it('refuses a username that exists (in any case) with ALREADY_EXISTS on username', async () => {
    await create('twice@riverside.example');
    const res = await create('TWICE@riverside.example');
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'ALREADY_EXISTS', field: 'username' });
  });

  it('updates and deletes by global ID; another type’s ID is NOT_FOUND', async () => {
    const user = (await create('changing@riverside.example')).data!.createUser.user;
    const updated = await t.request(UpdateUserDocument, {
      input: { id: user.id, displayName: 'Changed', role: 'TEACHER', password: 'brand new password' },
    });
    expect(updated.data?.updateUser.user).toMatchObject({ id: user.id, username: user.username, displayName: 'Changed', role: 'TEACHER' });
    expect(await t.server.services.users.authenticate(user.username, 'brand new password')).not.toBeNull();
    const notAUser = toGlobalId('ApiKey', 1);
    expect((await t.request(UpdateUserDocument, { input: { id: notAUser, role: 'STUDENT' } })).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect((await t.request(DeleteUserDocument, { input: { id: notAUser } })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const deleted = await t.request(DeleteUserDocument, { input: { id: user.id } });
    expect(deleted.data?.deleteUser.deletedUserId).toBe(user.id);
    expect((await t.request(UserNodeDocument, { id: user.id })).data?.node).toBeNull();
    expect((await t.request(DeleteUserDocument, { input: { id: user.id } })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('lists users by username with a role filter, part of a username, and cursors', async () => {
    for (const name of ['list-c', 'list-a', 'list-b']) await create(`${name}@listing.riverside.example`, { role: 'TEACHER' });
    const filter = { usernameContains: '@LISTING.', role: 'TEACHER' as const };
    const first = (await t.request(UsersDocument, { first: 2, filter })).data!.users;
    expect(first.totalCount).toBe(3);
    expect(first.edges.map((e) => e.node.username)).toEqual(['list-a@listing.riverside.example', 'list-b@listing.riverside.example']);
    const rest = (await t.request(UsersDocument, { first: 2, after: first.pageInfo.endCursor, filter })).data!.users;
    expect(rest.edges.map((e) => e.node.username)).toEqual(['list-c@listing.riverside.example']);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect((await t.request(UsersDocument, { first: 5, filter: { ...filter, role: 'STUDENT' } })).data!.users.totalCount).toBe(0);
  });

  it('refuses a display name with a lone surrogate with BAD_USER_INPUT on displayName, instead of storing U+FFFD', async () => {
    const res = await create('lone.surrogate@riverside.example', { displayName: 'Ana \uD83D' });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'displayName' });
    const listed = await t.request(UsersDocument, { first: 10, filter: { usernameContains: 'lone.surrogate' } });
    expect(listed.data!.users.totalCount).toBe(0);
  });

  it('refuses a NUL byte in usernameContains with BAD_USER_INPUT, as it refuses one in a name', async () => {
    const res = await t.request(UsersDocument, { first: 10, filter: { usernameContains: 'a\u0000b' } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.usernameContains' });
  });

  it('has no output field that could return a password or its hash, anywhere in the schema', async () => {
    const schema: GraphQLSchema = await buildSchemaShape([...RESOLVERS]);
    const outputs = Object.values(schema.getTypeMap()).filter(
      (type) => (isObjectType(type) || isInterfaceType(type)) && !type.name.startsWith('__'),
    );
    // A yes/no such as `ReturnToServiceWifiStatus.hasPassword` says that one is stored, not what it is.
    const leaks = outputs.flatMap((type) =>
      Object.values((type as { getFields(): Record<string, { name: string; type: GraphQLOutputType }> }).getFields())
        .filter((field) => /password|hash|secret_?hash/i.test(field.name) && getNamedType(field.type).name !== 'Boolean')
        .map((field) => `${type.name}.${field.name}`),
    );
    expect(leaks).toEqual([]);
    const user = schema.getType('User');
    expect(isObjectType(user) && Object.keys(user.getFields()).sort()).toEqual([
      'createdAt',
      'displayName',
      'id',
      'role',
      'updatedAt',
      'username',
    ]);
    // Passwords only ever go in: the inputs that take one (a user's, and the Return to Service Wi-Fi's).
    const takingPasswords = Object.values(schema.getTypeMap())
      .filter(isInputObjectType)
      .filter((type) => Object.keys(type.getFields()).includes('password'))
      .map((type) => type.name);
    expect(takingPasswords.sort()).toEqual(['CreateUserInput', 'UpdateUserInput', 'WifiNetworkInput']);
    expect(getNamedType(schema.getMutationType()!.getFields().importUsers!.type).name).toBe('ImportUsersPayload');
  });
});
