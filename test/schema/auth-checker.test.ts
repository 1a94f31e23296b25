/**
 * `@Authorized` checks, put in front of their fields by `guardAuthorizedFields` rather than by
 * type-graphql's auth middleware: every decorated resolver is guarded, a refused caller gets
 * FORBIDDEN or UNAUTHENTICATED, and the resolver behind it never runs (this schema has no
 * services: a resolver that ran would fail with another error).
 */
import { graphql, isObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { Role } from '../../src/permissions.js';
import type { Actor } from '../../src/platform/request-context.js';
import { RESOLVERS } from '../../src/resolvers/index.js';
import { buildSchemaShape } from '../../src/schema/build-schema.js';

let schema: GraphQLSchema;

beforeAll(async () => {
  schema = await buildSchemaShape([...RESOLVERS]);
});

const readOnly: Actor = { kind: 'apiKey', apiKeyId: 1, name: 'viewer', role: Role.READ_ONLY };

function contextOf(actor: Actor | null) {
  return { requestId: 'test', actor, logger: createLogger('silent') };
}

describe('@Authorized fields', () => {
  it('guards one schema field for each @Authorized resolver, so no permission is dropped', () => {
    const decorated = getMetadataStorage().authorizedFields.filter((field) => RESOLVERS.includes(field.target as never));
    expect(decorated.length).toBeGreaterThan(0);
    // Each decorated method names one field; a guarded field answers a refusal before its resolver runs.
    let refusing = 0;
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        try {
          const answer: unknown = field.resolve?.({}, {}, contextOf(null), { fieldName: field.name } as GraphQLResolveInfo);
          // An unguarded resolver ran (and failed without services): not a refusal.
          if (answer instanceof Promise) answer.catch(() => undefined);
        } catch (error) {
          if ((error as { code?: string }).code === 'UNAUTHENTICATED') refusing++;
        }
      }
    }
    expect(refusing).toBe(decorated.length);
  });

  it('refuses a root field to a role without its permission with FORBIDDEN naming the permission, without running it', async () => {
    const result = await graphql({ schema, source: '{ users(first: 1) { totalCount } }', contextValue: contextOf(readOnly) });
    expect(result.errors?.[0]?.originalError).toMatchObject({ code: 'FORBIDDEN', details: { missingPermissions: ['USER_MANAGE'] } });
    expect(result.errors?.[0]?.message).toContain('which users needs');
  });

  it('refuses a guarded field resolver (DeviceEnrollment.user) to a role without its permission with FORBIDDEN', () => {
    const type = schema.getType('DeviceEnrollment');
    if (!isObjectType(type)) throw new Error('DeviceEnrollment is not an object type');
    const field = type.getFields()['user']!;
    expect(() => field.resolve!({ userId: 1 }, {}, contextOf(readOnly), { fieldName: 'user' } as GraphQLResolveInfo)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });

  it('refuses a caller without a key with UNAUTHENTICATED, root field or field resolver alike', async () => {
    const result = await graphql({ schema, source: '{ users(first: 1) { totalCount } }', contextValue: contextOf(null) });
    expect(result.errors?.[0]?.originalError).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
