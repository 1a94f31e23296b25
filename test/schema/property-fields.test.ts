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
import { buildSchema } from 'type-graphql';
import { createEventBus } from '../../src/platform/events/event-bus.js';
import { buildSchemaShape, resolverContainer } from '../../src/schema/build-schema.js';
import { callFieldResolversDirectly } from '../../src/schema/property-fields.js';
import { DateTimeScalar } from '../../src/schema/scalars.js';
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

describe('field resolvers taking only root and context', () => {
  it('are called on their resolver instance with the root and the context, as type-graphql would', async () => {
    const container = resolverContainer({} as never);
    const plain = await buildSchema({
      resolvers: [...RESOLVERS] as never,
      container,
      authChecker: null as never,
      scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
      validate: false,
      pubSub: createEventBus(),
    });
    const profileOf = () => (plain.getType('Device') as GraphQLObjectType).getFields().profile!.resolve!;
    const before = profileOf();
    expect(callFieldResolversDirectly(plain, [...RESOLVERS], container)).toBeGreaterThanOrEqual(3);
    const after = profileOf();
    expect(after).not.toBe(before);
    const loaded: number[] = [];
    const ctx = { loaders: { profiles: { load: async (id: number) => (loaded.push(id), { id }) }, ready: { profiles: new Map() } } };
    const device = Object.assign(new DeviceType(), { id: 1, profileId: 42 });
    await expect(after(device, {}, ctx, info('profile'))).resolves.toEqual({ id: 42 });
    await expect(before(device, {}, ctx, info('profile'))).resolves.toEqual({ id: 42 });
    // A root that is not a DeviceType goes through type-graphql's handler, which copies it into one first.
    await expect(after({ id: 1, profileId: 7 }, {}, ctx, info('profile'))).resolves.toEqual({ id: 7 });
    expect(loaded).toEqual([42, 42, 7]);
    expect(after(Object.assign(new DeviceType(), { id: 2, profileId: null }), {}, ctx, info('profile'))).toBeNull();
  });
});
