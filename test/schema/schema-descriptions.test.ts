/**
 * The schema's house rules, checked on the schema the code builds: a description on every
 * type, field, argument and enum value; every object a Node; one input and one payload per
 * mutation; Relay connections wherever a list pages. Each test lists every offender.
 */
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isListType,
  isNonNullType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { RESOLVERS } from '../../src/resolvers/index.js';
import { buildSchemaShape } from '../../src/schema/build-schema.js';

let schema: GraphQLSchema;

beforeAll(async () => {
  schema = await buildSchemaShape([...RESOLVERS]);
});

function hasText(description: string | null | undefined): boolean {
  return typeof description === 'string' && description.trim().length > 0;
}

/** Types the schema defines itself: not introspection (`__*`) and not String, Boolean, Int, Float, ID. */
function ownTypes(): GraphQLNamedType[] {
  return Object.values(schema.getTypeMap())
    .filter((type) => !isIntrospectionType(type) && !type.name.startsWith('__') && !isSpecifiedScalarType(type))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function fieldedTypes() {
  return ownTypes().filter((type) => isObjectType(type) || isInterfaceType(type) || isInputObjectType(type));
}

function outputFields(): Array<{ owner: string; field: GraphQLField<unknown, unknown> }> {
  return ownTypes()
    .filter((type) => isObjectType(type) || isInterfaceType(type))
    .flatMap((type) => Object.values((type as GraphQLObjectType).getFields()).map((field) => ({ owner: type.name, field })));
}

function rootTypes(): GraphQLObjectType[] {
  return [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(
    (type): type is GraphQLObjectType => type !== null && type !== undefined,
  );
}

function listing(rule: string, offenders: string[]): string {
  return `${rule}; ${offenders.length} offender(s):\n  ${offenders.join('\n  ')}`;
}

describe('schema descriptions', () => {
  it('builds a schema with the root types and something in each', () => {
    expect(Object.keys(schema.getQueryType()?.getFields() ?? {})).toContain('viewer');
    expect(Object.keys(schema.getMutationType()?.getFields() ?? {}).length).toBeGreaterThan(0);
    expect(ownTypes().map((t) => t.name)).toContain('Node');
  });

  it('describes every named type except the built-in scalars and introspection, root types included', () => {
    const offenders = ownTypes()
      .filter((type) => !hasText(type.description))
      .map((type) => type.name);
    expect(offenders, listing('types without a description', offenders)).toEqual([]);
    expect(rootTypes().map((root) => root.name)).toEqual(['Query', 'Mutation', 'Subscription']);
  });

  it('describes every field of every object, interface and input type', () => {
    const offenders = fieldedTypes().flatMap((type) =>
      Object.values(type.getFields())
        .filter((field) => !hasText(field.description))
        .map((field) => `${type.name}.${field.name}`),
    );
    expect(offenders, listing('fields without a description', offenders)).toEqual([]);
  });

  it('describes every argument of every field', () => {
    const offenders = outputFields().flatMap(({ owner, field }) =>
      field.args.filter((arg) => !hasText(arg.description)).map((arg) => `${owner}.${field.name}(${arg.name})`),
    );
    expect(offenders, listing('arguments without a description', offenders)).toEqual([]);
  });

  it('describes every enum value', () => {
    const enums = ownTypes().filter(isEnumType);
    expect(enums.length).toBeGreaterThan(0);
    const offenders = enums.flatMap((type) =>
      type
        .getValues()
        .filter((value) => !hasText(value.description))
        .map((value) => `${type.name}.${value.name}`),
    );
    expect(offenders, listing('enum values without a description', offenders)).toEqual([]);
  });

  it('describes every query, mutation and subscription', () => {
    const operations = rootTypes().flatMap((root) => Object.values(root.getFields()).map((field) => ({ root: root.name, field })));
    expect(operations.length).toBeGreaterThan(0);
    const offenders = operations.filter(({ field }) => !hasText(field.description)).map(({ root, field }) => `${root}.${field.name}`);
    expect(offenders, listing('operations without a description', offenders)).toEqual([]);
  });
});

describe('schema shape', () => {
  /**
   * Value objects: computed for one object at one moment (a token's `TokenSyncStatus`, a live
   * `SyncCooldown`, `SyncProgress` or `AssignmentJobProgress`, an `AssignmentPreview` of what a
   * mutation would do, a device's `DeviceEnrollment`, a `DeviceEnrollmentChange` event, one
   * `ImportUserRow` of an import's report, one `ResidentUserEntry` of a Shared iPad's list, one
   * `EnrollmentStateCount` of a token's enrollment summary), with no
   * identity of their own to refetch by; a client
   * refetches the object they describe instead, or asks again. Named by these suffixes so the
   * exemption is visible in the name.
   */
  const VALUE_OBJECT = /(?:Status|Cooldown|Progress|Preview|Enrollment|Change|Row|Entry|Count)$/;

  function isExemptFromNode(type: GraphQLObjectType): boolean {
    const roots = rootTypes().map((root) => root.name);
    return (
      roots.includes(type.name) ||
      type.name === 'PageInfo' ||
      type.name === 'Viewer' ||
      /(?:Connection|Edge|Payload)$/.test(type.name) ||
      VALUE_OBJECT.test(type.name)
    );
  }

  it('has every object type implement Node, except roots, PageInfo, Viewer, connections, edges, payloads and value objects', () => {
    const objects = ownTypes().filter(isObjectType);
    const checked = objects.filter((type) => !isExemptFromNode(type));
    expect(checked.map((t) => t.name)).toEqual(expect.arrayContaining(['ApiKey', 'AuditEvent']));
    const offenders = checked.filter((type) => !type.getInterfaces().some((i) => i.name === 'Node')).map((type) => type.name);
    expect(offenders, listing('object types that do not implement Node', offenders)).toEqual([]);
  });

  it('gives every mutation one non-null `input: <Name>Input!` argument and a non-null `<Name>Payload!` result', () => {
    const mutations = Object.values(schema.getMutationType()?.getFields() ?? {});
    expect(mutations.length).toBeGreaterThan(0);
    const offenders = mutations.flatMap((field) => {
      const stem = field.name[0]!.toUpperCase() + field.name.slice(1);
      const problems: string[] = [];
      const [arg] = field.args;
      if (field.args.length !== 1 || arg!.name !== 'input') {
        problems.push(`takes (${field.args.map((a) => a.name).join(', ')}) instead of exactly one argument named input`);
      }
      if (arg) {
        const ok = isNonNullType(arg.type) && isInputObjectType(arg.type.ofType) && arg.type.ofType.name === `${stem}Input`;
        if (!ok) problems.push(`argument ${arg.name} is ${String(arg.type)}, not ${stem}Input!`);
      }
      const result = field.type;
      if (!(isNonNullType(result) && isObjectType(result.ofType) && result.ofType.name === `${stem}Payload`)) {
        problems.push(`returns ${String(result)}, not ${stem}Payload!`);
      }
      return problems.map((p) => `Mutation.${field.name} ${p}`);
    });
    expect(offenders, listing('mutations without one input and one payload', offenders)).toEqual([]);
  });

  it('pages every field that takes `first` as a Relay connection with after, last, before, edges, pageInfo and totalCount', () => {
    const paged = outputFields().filter(({ field }) => field.args.some((a) => a.name === 'first'));
    expect(paged.map(({ owner, field }) => `${owner}.${field.name}`)).toEqual(
      expect.arrayContaining(['Query.apiKeys', 'Query.auditEvents']),
    );
    const offenders = paged.flatMap(({ owner, field }) => {
      const where = `${owner}.${field.name}`;
      const problems: string[] = [];
      const args = new Map(field.args.map((a) => [a.name, a]));
      for (const name of ['after', 'last', 'before']) if (!args.has(name)) problems.push(`has no \`${name}\` argument`);
      for (const [name, type] of [
        ['first', 'Int'],
        ['last', 'Int'],
        ['after', 'String'],
        ['before', 'String'],
      ] as const) {
        const arg = args.get(name);
        if (arg && String(arg.type) !== type) problems.push(`argument ${name} is ${String(arg.type)}, not nullable ${type}`);
      }
      const returned = getNullableType(field.type);
      if (!isObjectType(returned) || !returned.name.endsWith('Connection')) {
        problems.push(`returns ${String(field.type)}, not a *Connection`);
        return problems.map((p) => `${where} ${p}`);
      }
      const fields = returned.getFields();
      const edges = fields.edges;
      const edgeType = edges && isNonNullType(edges.type) && isListType(edges.type.ofType) ? getNamedType(edges.type) : null;
      if (!edgeType || !isObjectType(edgeType) || !edgeType.name.endsWith('Edge')) {
        problems.push(`${returned.name}.edges is ${edges ? String(edges.type) : 'missing'}, not a non-null list of *Edge`);
      } else {
        const edgeFields = edgeType.getFields();
        if (String(edgeFields.cursor?.type) !== 'String!') problems.push(`${edgeType.name}.cursor is not String!`);
        if (!edgeFields.node) problems.push(`${edgeType.name} has no node`);
      }
      if (String(fields.pageInfo?.type) !== 'PageInfo!') problems.push(`${returned.name}.pageInfo is not PageInfo!`);
      if (String(fields.totalCount?.type) !== 'Int!') problems.push(`${returned.name}.totalCount is not Int!`);
      return problems.map((p) => `${where} ${p}`);
    });
    expect(offenders, listing('paged fields that are not Relay connections', offenders)).toEqual([]);
  });

  it('takes paging arguments on every field that returns a connection', () => {
    const connections = outputFields().filter(({ field }) => /Connection$/.test(getNamedType(field.type).name));
    expect(connections.length).toBeGreaterThan(0);
    const offenders = connections
      .filter(({ field }) => !['first', 'after', 'last', 'before'].every((name) => field.args.some((a) => a.name === name)))
      .map(({ owner, field }) => `${owner}.${field.name}(${field.args.map((a) => a.name).join(', ')})`);
    expect(offenders, listing('connections without first, after, last and before', offenders)).toEqual([]);
  });
});
