import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEventsDocument, CreateApiKeyDocument, NodeDocument, NodesDocument } from '../generated/operations.js';
import { NODE_LOADERS } from '../../src/resolvers/node.resolver.js';
import { RESOLVERS } from '../../src/resolvers/index.js';
import { buildSchemaShape } from '../../src/schema/build-schema.js';
import { toGlobalId } from '../../src/global-id.js';
import { Role } from '../../src/permissions.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { isObjectType } from 'graphql';

describe('node(id:)', () => {
  let t: TestServer;
  let keyId: string;
  beforeAll(async () => {
    t = await startTestServer();
    keyId = (await t.request(CreateApiKeyDocument, { input: { name: 'findable', role: 'READ_ONLY' } })).data!.createApiKey.apiKey.id;
  });
  afterAll(() => t.close());

  it('refetches an API key and an audit event by their global IDs', async () => {
    const key = await t.request(NodeDocument, { id: keyId });
    expect(key.data?.node).toMatchObject({ __typename: 'ApiKey', id: keyId, name: 'findable', role: 'READ_ONLY' });
    const eventId = (await t.request(AuditEventsDocument, { first: 1 })).data!.auditEvents.edges[0]!.node.id;
    expect((await t.request(NodeDocument, { id: eventId })).data?.node).toMatchObject({
      __typename: 'AuditEvent',
      id: eventId,
      action: 'createApiKey',
    });
  });

  it('answers null for an ID nothing has, and for garbage', async () => {
    for (const id of [
      toGlobalId('ApiKey', 999_999),
      'garbage',
      toGlobalId('Unknown', 1),
      toGlobalId('ApiKey', 2_147_483_648),
      toGlobalId('AuditEvent', '99999999999'),
    ]) {
      const res = await t.request(NodeDocument, { id });
      expect(res.errors).toBeUndefined();
      expect(res.data?.node).toBeNull();
    }
  });

  it("refuses to show a type the key's role cannot read with FORBIDDEN", async () => {
    const res = await t.request(NodeDocument, { id: keyId }, t.keys[Role.READ_ONLY]);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', missingPermissions: ['API_KEY_MANAGE'] });
  });

  it('fetches several nodes in the order given, null where nothing has the ID, at most 100 (BAD_USER_INPUT)', async () => {
    const res = await t.request(NodesDocument, { ids: [keyId, 'garbage', keyId] });
    expect(res.data?.nodes).toEqual([{ __typename: 'ApiKey', id: keyId }, null, { __typename: 'ApiKey', id: keyId }]);
    const tooMany = await t.request(NodesDocument, { ids: Array.from({ length: 101 }, () => keyId) });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
  });

  it('has a loader for every type that implements Node', async () => {
    const schema = await buildSchemaShape([...RESOLVERS]);
    const nodeTypes = Object.values(schema.getTypeMap())
      .filter((type) => isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node'))
      .map((type) => type.name)
      .sort();
    expect(Object.keys(NODE_LOADERS).sort()).toEqual(nodeTypes);
  });
});
