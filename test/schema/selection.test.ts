import { buildSchema, execute, parse, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { deviceColumnsFor } from '../../src/resolvers/device.type.js';
import { connectionItemFields } from '../../src/schema/selection.js';

/** The fields `connectionItemFields` finds for the `devices` field of `document`. */
async function fieldsOf(document: string): Promise<string[]> {
  const schema = buildSchema(`
    type Query { devices: DeviceConnection }
    type DeviceConnection { edges: [DeviceEdge!]!, nodes: [Device!]!, pageInfo: PageInfo! }
    type DeviceEdge { cursor: String!, node: Device! }
    type PageInfo { hasNextPage: Boolean! }
    interface Node { id: ID! }
    type Device implements Node { id: ID!, serialNumber: String!, model: String, os: String, profile: Profile }
    type Profile { id: ID!, name: String! }
  `);
  let found: string[] = [];
  await execute({
    schema,
    document: parse(document),
    rootValue: {
      devices: (_args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
        found = [...connectionItemFields(info)].sort();
        return null;
      },
    },
  });
  return found;
}

describe('connectionItemFields', () => {
  it('finds the fields selected under edges.node and nodes, through fragments, inline fragments and aliases', async () => {
    const fields = await fieldsOf(`
      query { devices { pageInfo { hasNextPage } edges { cursor node { ...Row ... on Device { os } } } nodes { renamed: model } } }
      fragment Row on Device { id serialNumber profile { id name } ...Row }
    `);
    expect(fields).toEqual(['id', 'model', 'os', 'profile', 'serialNumber']);
  });

  it('finds nothing when no item field is selected', async () => {
    expect(await fieldsOf('{ devices { pageInfo { hasNextPage } } }')).toEqual([]);
  });
});

describe('deviceColumnsFor', () => {
  it('reads the selected columns, the links field resolvers follow, and the ids and serial always', () => {
    expect(deviceColumnsFor(new Set(['id', 'model', 'firstSeenAt', 'profile', 'enrollment', '__typename']))?.sort()).toEqual(
      ['firstSeenAt', 'id', 'model', 'movedAwayFromTokenId', 'profileId', 'serialNumber', 'tokenId'].sort(),
    );
  });

  it('reads every column for a field it does not know', () => {
    expect(deviceColumnsFor(new Set(['model', 'somethingNew']))).toBeNull();
  });
});

describe('connectionItemFields under a path', () => {
  it("finds the fields of an item field's own selection", async () => {
    const schema = buildSchema(`
      type Query { devices: DeviceConnection }
      type DeviceConnection { edges: [DeviceEdge!]!, nodes: [Device!]! }
      type DeviceEdge { node: Device! }
      type Device { id: ID!, profile: Profile }
      type Profile { id: ID!, name: String! }
    `);
    let found: string[] = [];
    await execute({
      schema,
      document: parse(`{ devices { edges { node { profile { id } } } nodes { ...P } } } fragment P on Device { profile { name } }`),
      rootValue: {
        devices: (_args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
          found = [...connectionItemFields(info, ['profile'])].sort();
          return null;
        },
      },
    });
    expect(found).toEqual(['id', 'name']);
  });
});
