/**
 * Builds Homeroom's GraphQL schema (code-first, type-graphql) for one set of services.
 *
 * Resolvers are constructed by a small container that hands each one the service bundle, so
 * two servers in one process (tests, several instances) never share state. The resolver classes
 * are passed in by whoever composes the server (`server.ts`, `emit-schema.ts`): schema/ sits
 * below resolvers/ (resolvers use its Node, connections and scalars), so it must not import them.
 */
import { printSchema, lexicographicSortSchema, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { buildSchema, type AuthChecker, type ContainerType, type NonEmptyArray } from 'type-graphql';
import { createEventBus, type EventBus } from '../platform/events/event-bus.js';
import type { Services } from '../services/services.js';
import { guardAuthorizedFields } from './auth-checker.js';
import { callFieldResolversDirectly, readPropertyFieldsDirectly } from './property-fields.js';
import { DateTimeScalar } from './scalars.js';
import './enums.js';

/** type-graphql's container, which also answers without resolver data (each class has one instance). */
export type ResolverContainer = ContainerType & { get(resolverClass: Function): unknown };

export function resolverContainer(services: Services): ResolverContainer {
  const instances = new Map<Function, unknown>();
  return {
    get(resolverClass: new (services: Services) => unknown) {
      let instance = instances.get(resolverClass);
      if (!instance) {
        instance = new resolverClass(services);
        instances.set(resolverClass, instance);
      }
      return instance;
    },
  };
}

/** The resolver classes a schema is built from (`RESOLVERS` in `resolvers/index.ts`). */
export type ResolverClasses = NonEmptyArray<Function>;

export async function buildHomeroomSchema(resolvers: ResolverClasses, services: Services, events: EventBus): Promise<GraphQLSchema> {
  const container = resolverContainer(services);
  const schema = await buildSchema({
    resolvers,
    container,
    // Not type-graphql's auth middleware (a chain of promises per field): `guardAuthorizedFields`
    // puts the `@Authorized` checks in front of their fields below. type-graphql refuses
    // `@Authorized` without an `authChecker` (undefined) but applies none for null.
    authChecker: null as unknown as AuthChecker,
    pubSub: events,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
  });
  // Before the guards: a guarded field keeps type-graphql's resolver, wrapped by its guard.
  readPropertyFieldsDirectly(schema, resolvers);
  callFieldResolversDirectly(schema, resolvers, container);
  guardAuthorizedFields(schema, resolvers);
  // type-graphql has no option for the root types' descriptions; they are plain graphql-js objects.
  describeRoot(schema.getQueryType(), 'Reads. Every field needs an API key; each says which role may read it.');
  describeRoot(
    schema.getMutationType(),
    'Changes. Each takes one `input` and returns one payload; each attempt is audited, and a failed one changes nothing.',
  );
  describeRoot(
    schema.getSubscriptionType(),
    'Live events over graphql-ws at the same `/graphql` URL; send the key as `connectionParams.authorization`.',
  );
  return schema;
}

function describeRoot(type: GraphQLObjectType | null | undefined, description: string): void {
  if (type) type.description = description;
}

/**
 * The schema's shape alone, for printing and drift checks: no database behind it, and a
 * resolver that runs against it fails loudly.
 */
export function buildSchemaShape(resolvers: ResolverClasses): Promise<GraphQLSchema> {
  const unusable = new Proxy({} as Services, {
    get: () => {
      throw new Error('this schema was built for printing only; it has no services');
    },
  });
  return buildHomeroomSchema(resolvers, unusable, createEventBus());
}

const HEADER = `# Homeroom GraphQL schema: generated from the code by \`npm run schema:emit\`. Do not edit.
# test/schema/schema-drift.test.ts fails when this file and the code disagree.

`;

/** The committed form of the schema: types sorted by name, so diffs show real changes only. */
export function printHomeroomSchema(schema: GraphQLSchema): string {
  return HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
}
