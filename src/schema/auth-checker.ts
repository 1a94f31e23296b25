/**
 * `@Authorized(Permission.X)` on a resolver: the caller's role must grant every listed
 * permission; `@Authorized()` alone only needs an authenticated caller.
 *
 * A refused mutation reaches the audit log through `operation-errors.ts`, like every failure.
 */
import type { AuthCheckerFn } from 'type-graphql';
import { ErrorCode, HomeroomError } from '../errors.js';
import type { Permission } from '../permissions.js';
import { can, type RequestContext } from '../platform/request-context.js';

export const permissionAuthChecker: AuthCheckerFn<RequestContext, Permission> = ({ context, info }, required) => {
  const actor = context.actor;
  if (!actor) throw new HomeroomError(ErrorCode.UNAUTHENTICATED, 'An API key is required: send `Authorization: Bearer <key>`.');
  const missing = required.filter((p) => !can(actor, p));
  if (missing.length === 0) return true;
  throw new HomeroomError(
    ErrorCode.FORBIDDEN,
    `The ${actor.role} role of API key "${actor.name}" lacks ${missing.join(', ')}, which ${info.fieldName} needs.`,
    { missingPermissions: missing },
  );
};
