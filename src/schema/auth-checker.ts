/**
 * `@Authorized(Permission.X)` on a resolver: the caller's role must grant every listed
 * permission; `@Authorized()` alone only needs an authenticated caller.
 *
 * The check runs synchronously in front of each guarded resolver (`guardAuthorizedFields`), not
 * as a type-graphql auth middleware: that middleware is a chain of async functions per field,
 * and a page of 100 devices has hundreds of guarded fields (`profile`, `enrollment`, ...), so it
 * cost several promises (and their async-context bookkeeping) per field on every request. The
 * refusals are the same: the field fails with the error thrown here and its resolver never runs.
 *
 * A refused mutation reaches the audit log through `operation-errors.ts`, like every failure.
 */
import {
  defaultFieldResolver,
  isInterfaceType,
  isObjectType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { ErrorCode, HomeroomError } from '../errors.js';
import type { Permission } from '../permissions.js';
import { can, type RequestContext } from '../platform/request-context.js';

/** Throws the refusal (UNAUTHENTICATED, FORBIDDEN) unless the context's actor holds every permission the field needs. */
function checkPermissions(context: RequestContext, info: GraphQLResolveInfo, required: readonly Permission[]): void {
  const actor = context.actor;
  if (!actor) throw new HomeroomError(ErrorCode.UNAUTHENTICATED, 'An API key is required: send `Authorization: Bearer <key>`.');
  // Checked without building a list first: this runs for every guarded field of every row.
  let granted = true;
  for (const permission of required) granted &&= can(actor, permission);
  if (granted) return;
  const missing = required.filter((p) => !can(actor, p));
  throw new HomeroomError(
    ErrorCode.FORBIDDEN,
    `The ${actor.role} role of API key "${actor.name}" lacks ${missing.join(', ')}, which ${info.fieldName} needs.`,
    { missingPermissions: missing },
  );
}

type AnyResolver = GraphQLFieldResolver<unknown, RequestContext>;

function guarded(resolve: AnyResolver, required: readonly Permission[]): AnyResolver {
  return (root, args, context, info) => {
    checkPermissions(context, info, required);
    return resolve(root, args, context, info);
  };
}

/** One guarded field: its resolver (and a subscription's `subscribe`) checks first. */
function guardField(field: GraphQLField<unknown, RequestContext>, required: readonly Permission[]): void {
  field.resolve = guarded(field.resolve ?? (defaultFieldResolver as AnyResolver), required);
  if (field.subscribe) field.subscribe = guarded(field.subscribe, required);
}

/**
 * Puts the `@Authorized` checks of `resolvers` in front of their fields in `schema`, which was
 * built without a type-graphql `authChecker`; answers how many fields it guarded. Throws when a guarded resolver has no field to
 * guard: a permission must never be dropped silently.
 */
export function guardAuthorizedFields(schema: GraphQLSchema, resolvers: readonly Function[]): number {
  const storage = getMetadataStorage();
  const rolesOf = (target: Function, methodName: string): Permission[] | undefined =>
    (storage.authorizedFields.find((a) => a.target === target && a.fieldName === methodName)?.roles ??
      storage.authorizedResolver.find((a) => a.target === target)?.roles) as Permission[] | undefined;
  const ours = (target: Function) => resolvers.includes(target);
  const done = new Set<string>();
  const guard = (typeName: string, fieldName: string, required: readonly Permission[]): void => {
    if (done.has(`${typeName}.${fieldName}`)) return;
    const type = schema.getType(typeName);
    const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[fieldName] : undefined;
    if (!field) throw new Error(`@Authorized ${typeName}.${fieldName} has no field in the schema to guard`);
    guardField(field as GraphQLField<unknown, RequestContext>, required);
    done.add(`${typeName}.${fieldName}`);
  };

  const roots: Array<[string | undefined, typeof storage.queries]> = [
    [schema.getQueryType()?.name, storage.queries],
    [schema.getMutationType()?.name, storage.mutations],
    [schema.getSubscriptionType()?.name, storage.subscriptions],
  ];
  for (const [typeName, handlers] of roots) {
    for (const handler of handlers) {
      const required = ours(handler.target) ? rolesOf(handler.target, handler.methodName) : undefined;
      if (!required) continue;
      if (!typeName) throw new Error(`@Authorized ${handler.methodName} has no root type to guard`);
      guard(typeName, handler.schemaName, required);
    }
  }

  for (const resolver of storage.fieldResolvers) {
    const required = ours(resolver.target) ? rolesOf(resolver.target, resolver.methodName) : undefined;
    if (!required) continue;
    const typeClass = storage.resolverClasses.find((r) => r.target === resolver.target)?.getObjectType();
    // The type the resolver class names, and every object type class extending it.
    const names = [...storage.objectTypes, ...storage.interfaceTypes]
      .filter((t) => typeClass !== undefined && (t.target === typeClass || t.target.prototype instanceof typeClass))
      .map((t) => t.name)
      .filter((name) => schema.getType(name));
    if (names.length === 0) throw new Error(`@Authorized field resolver ${resolver.methodName} has no type in the schema to guard`);
    for (const name of names) {
      const type = schema.getType(name);
      guard(name, resolver.schemaName, required);
      // An interface's field is resolved on its implementations.
      if (isInterfaceType(type)) for (const impl of schema.getPossibleTypes(type)) guard(impl.name, resolver.schemaName, required);
    }
  }
  return done.size;
}
