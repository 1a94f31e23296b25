/**
 * Plain property fields read straight from their object, without type-graphql's per-call wrapper.
 *
 * type-graphql gives every `@Field` property of an object type a resolver that builds a
 * `{ root, args, context, info }` object and a closure on each call, runs the (empty) middleware
 * chain, and returns `root[propertyName]`. A page of 100 devices resolves well over a thousand
 * such fields a request, and those two allocations each were a measurable share of the garbage
 * (bench/query.bench.ts). Where a field has no field resolver, no middleware and no
 * `@Authorized`, this swaps the wrapper for a resolver made once per field that returns the same
 * `root[propertyName]` (the property name, which may differ from the schema name: `Node.globalId`
 * is `id`). Nothing else changes: fields with resolvers, guards or middlewares keep theirs, and
 * type-graphql's `simple` fields already had graphql-js's default.
 */
import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/** A resolver returning one property of the parent object (made once per schema field, not per call). */
function propertyOf(name: string): GraphQLFieldResolver<Record<string, unknown> | null | undefined, unknown> {
  return (root) => root?.[name];
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
      if (fieldResolvers.some((it) => it.getObjectType?.() === field.target && it.methodName === field.name)) continue;
      const schemaField = schemaFields[field.schemaName];
      if (!schemaField) continue;
      schemaField.resolve = propertyOf(field.name) as GraphQLFieldResolver<unknown, unknown>;
      replaced += 1;
    }
  }
  return replaced;
}
