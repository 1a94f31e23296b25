/**
 * Plain property fields resolve straight from their object (`property-fields.ts`), while fields
 * with a resolver or a guard keep theirs: the answer is the property, read by its TypeScript name.
 */
import type { GraphQLObjectType, GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/errors.js';
import { createLogger } from '../../src/logger.js';
import { RESOLVERS } from '../../src/resolvers/index.js';
import { DeviceType } from '../../src/resolvers/device.type.js';
import { buildSchemaShape } from '../../src/schema/build-schema.js';
import { toGlobalId } from '../../src/global-id.js';

let schema: GraphQLSchema;

beforeAll(async () => {
  schema = await buildSchemaShape([...RESOLVERS]);
});

const info = (fieldName: string) => ({ fieldName }) as GraphQLResolveInfo;
const context = { requestId: 'test', actor: null, logger: createLogger('silent') };

describe('property fields', () => {
  it('read the property by its TypeScript name, getters included (Node.globalId is `id`)', () => {
    const device = Object.assign(new DeviceType(), { id: 7, serialNumber: 'DMP0001', model: null });
    const fields = (schema.getType('Device') as GraphQLObjectType).getFields();
    expect(fields.serialNumber!.resolve!(device, {}, context, info('serialNumber'))).toBe('DMP0001');
    expect(fields.model!.resolve!(device, {}, context, info('model'))).toBeNull();
    expect(fields.id!.resolve!(device, {}, context, info('id'))).toBe(toGlobalId('Device', 7));
    // type-graphql's wrapper takes (root, args, context, info) and builds its resolver data from them; ours reads the root alone.
    expect(fields.serialNumber!.resolve!.length).toBe(1);
  });

  it('leave guarded fields guarded: Device.profile still refuses a caller without a key', () => {
    const profile = (schema.getType('Device') as GraphQLObjectType).getFields().profile!;
    expect(() => profile.resolve!(new DeviceType(), {}, context, info('profile'))).toThrow(
      expect.objectContaining({ code: ErrorCode.UNAUTHENTICATED }),
    );
  });

  it('leave method fields to their method: a connection lists its nodes from its edges', () => {
    const nodes = (schema.getType('DeviceConnection') as GraphQLObjectType).getFields().nodes!;
    const connection = { edges: [{ cursor: 'c', node: 'n' }] };
    expect(nodes.resolve!(connection, {}, context, info('nodes'))).toEqual(['n']);
  });
});
