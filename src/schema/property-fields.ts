/**
 * Plain property fields read straight from their object, without type-graphql's per-call wrapper.
 *
 * type-graphql gives every `@Field` property of an object type a resolver that builds a
 * `{ root, args, context, info }` object and a closure on each call, runs the (empty) middleware
 * chain, and returns `root[propertyName]`. A page of 100 devices resolves well over a thousand
 * such fields a request, and those two allocations each were a measurable share of the garbage
 * (bench/query.bench.ts). Where a field has no field resolver, no middleware and no
 * `@Authorized`, this swaps the wrapper for a resolver made once per field that returns the same
 * `root[propertyName]`; a getter or argument-less method of the type's class (`Node.globalId`,
 * whose schema name is `id`) is read or called on the object the same way. Nothing else changes:
 * resolver-class field resolvers, guarded fields and middlewares keep theirs, and type-graphql's
 * `simple` fields already had graphql-js's default.
 */
import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/** A resolver returning one property of the parent object (made once per schema field, not per call). */
function propertyOf(name: string): GraphQLFieldResolver<Record<string, unknown> | null | undefined, unknown> {
  return (root) => root?.[name];
}

/**
 * A getter or argument-less method of the type's own class (`Node.globalId`, a connection's
 * `nodes()`), read on the object when it is an instance of that class, which is what type-graphql
 * does then too; any other object goes to type-graphql's resolver, which first copies it into an
 * instance.
 */
function memberOf(
  target: new () => object,
  name: string,
  original: GraphQLFieldResolver<unknown, unknown>,
): GraphQLFieldResolver<unknown, unknown> {
  return (root, args, context, info) => {
    if (!(root instanceof target)) return original(root, args, context, info);
    const value: unknown = (root as Record<string, unknown>)[name];
    return typeof value === 'function' ? (value as () => unknown).call(root) : value;
  };
}

/**
 * Replaces type-graphql's wrappers of plain property fields in `schema` (built from `resolvers`,
 * without global middlewares); answers how many it replaced. Call it before fields are guarded.
 */
export function readPropertyFieldsDirectly(schema: GraphQLSchema, resolvers: readonly Function[]): number {
  const storage = getMetadataStorage();
  // The field resolvers type-graphql applied: methods of the types themselves, and those of our resolver classes.
  const fieldResolvers = storage.fieldResolvers.filter((it) => it.kind === 'internal' || resolvers.includes(it.target));
  let replaced = 0;
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type) || objectType.simpleResolvers === true) continue;
    const interfaceFields = storage.interfaceTypes
      .filter((it) => (objectType.interfaceClasses ?? []).includes(it.target))
      .flatMap((it) => it.fields ?? []);
    const schemaFields = type.getFields();
    for (const field of [...interfaceFields, ...(objectType.fields ?? [])]) {
      if (field.simple === true) continue;
      if ((field.middlewares ?? []).length > 0 || field.roles !== undefined) continue;
      const schemaField = schemaFields[field.schemaName];
      if (!schemaField?.resolve) continue;
      const resolver = fieldResolvers.find((it) => it.getObjectType?.() === field.target && it.methodName === field.name);
      if (!resolver) {
        schemaField.resolve = propertyOf(field.name) as GraphQLFieldResolver<unknown, unknown>;
        replaced += 1;
      } else if (
        resolver.kind === 'internal' &&
        (resolver.params ?? []).length === 0 &&
        (resolver.middlewares ?? []).length === 0 &&
        resolver.roles === undefined
      ) {
        schemaField.resolve = memberOf(field.target as new () => object, field.name, schemaField.resolve) as GraphQLFieldResolver<
          unknown,
          unknown
        >;
        replaced += 1;
      }
    }
  }
  return replaced;
}

type ParamMetadata = NonNullable<ReturnType<typeof getMetadataStorage>['fieldResolvers'][number]['params']>[number];
type AnyResolver = GraphQLFieldResolver<unknown, unknown>;
/** One argument of a resolver method, read from graphql-js's resolver arguments; undefined: not one this handles. */
type ParamReader = (root: unknown, context: unknown, info: unknown) => unknown;

/** A reader for `@Root()` (the whole object, no type conversion needed), `@Ctx()` or `@Info()`; null for any other parameter. */
function readerOf(param: ParamMetadata): ParamReader | null {
  if (param.kind === 'root' && param.propertyName === undefined) return (root) => root;
  if (param.kind === 'context' && param.propertyName === undefined) return (_root, context) => context;
  if (param.kind === 'info') return (_root, _context, info) => info;
  return null;
}

/**
 * A resolver-class field resolver taking only `@Root()`, `@Ctx()` and `@Info()`, called on its
 * instance directly. type-graphql's handler builds resolver data, sorts and maps the parameter
 * list and runs the (empty) middleware chain on every call; `Device.profile` and
 * `Device.enrollment` are called once per device of a page. The root is passed as it is when it
 * is an instance of the parameter's class (what type-graphql's conversion leaves unchanged);
 * any other root goes to type-graphql's handler.
 */
function directHandler(instance: object, method: Function, params: readonly ParamMetadata[], original: AnyResolver): AnyResolver | null {
  const ordered = [...params].sort((a, b) => a.index - b.index);
  if (ordered.some((param, i) => param.index !== i)) return null;
  const readers = ordered.map(readerOf);
  if (readers.some((reader) => reader === null) || readers.length > 3) return null;
  const rootParam = ordered.find((param) => param.kind === 'root');
  const rootClass = rootParam?.kind === 'root' ? (rootParam.getType?.() as unknown) : undefined;
  const rootFits =
    typeof rootClass === 'function' ? (root: unknown) => root instanceof (rootClass as new () => object) : (root: unknown) => root === root;
  const [a, b, c] = readers as ParamReader[];
  return (root, args, context, info) => {
    if (!rootFits(root)) return original(root, args, context, info);
    switch (readers.length) {
      case 0:
        return method.call(instance);
      case 1:
        return method.call(instance, a!(root, context, info));
      case 2:
        return method.call(instance, a!(root, context, info), b!(root, context, info));
      default:
        return method.call(instance, a!(root, context, info), b!(root, context, info), c!(root, context, info));
    }
  };
}

/**
 * Replaces type-graphql's handlers of resolver-class field resolvers that take only `@Root()`,
 * `@Ctx()` and `@Info()` and have no middleware, by direct calls on the instances `container`
 * gives; answers how many it replaced. Call it before fields are guarded (the guards wrap these).
 */
export function callFieldResolversDirectly(
  schema: GraphQLSchema,
  resolvers: readonly Function[],
  container: { get(target: Function): unknown },
): number {
  const storage = getMetadataStorage();
  let replaced = 0;
  for (const resolver of storage.fieldResolvers) {
    if (resolver.kind !== 'external' || !resolvers.includes(resolver.target)) continue;
    if ((resolver.middlewares ?? []).length > 0) continue;
    const typeClass = resolver.getObjectType?.();
    const type = storage.objectTypes.find((t) => t.target === typeClass);
    const schemaType = type ? schema.getType(type.name) : undefined;
    if (!isObjectType(schemaType)) continue;
    const schemaField = schemaType.getFields()[resolver.schemaName];
    if (!schemaField?.resolve) continue;
    const instance = container.get(resolver.target) as Record<string, unknown>;
    const method = instance[resolver.methodName];
    if (typeof method !== 'function') continue;
    const direct = directHandler(instance, method, resolver.params ?? [], schemaField.resolve as AnyResolver);
    if (!direct) continue;
    schemaField.resolve = direct;
    replaced += 1;
  }
  return replaced;
}
