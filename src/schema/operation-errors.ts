/**
 * What happens to an operation's errors after it ran, the same way for HTTP (Apollo plugin) and
 * websockets: unexpected ones are logged with their cause under the request id, and every failed
 * mutation attempt reaches the audit log, wherever it failed: in its service (which records it
 * itself), in the permission check, or while decoding an ID in the resolver.
 */
import { GraphQLError, Kind, type GraphQLFormattedError, type OperationDefinitionNode } from 'graphql';
import { ErrorCode } from '../errors.js';
import type { AuditService } from '../services/audit.service.js';
import type { RequestContext } from '../services/request-context.js';
import { isUnexpectedError } from './format-error.js';

export async function handleOperationErrors(
  audit: AuditService,
  ctx: RequestContext,
  operation: OperationDefinitionNode | null | undefined,
  errors: readonly GraphQLError[],
): Promise<void> {
  for (const error of errors) {
    if (isUnexpectedError(error))
      ctx.logger.error({ err: error.originalError ?? error, path: error.path }, 'unexpected error in a GraphQL operation');
  }
  await recordFailedMutations(audit, ctx, operation, errors);
}

/** A masked error gets the request id, so the person who saw it can point at the log line. */
export function withRequestId(error: GraphQLFormattedError, requestId: string): GraphQLFormattedError {
  return error.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR ? { ...error, extensions: { ...error.extensions, requestId } } : error;
}

async function recordFailedMutations(
  audit: AuditService,
  ctx: RequestContext,
  operation: OperationDefinitionNode | null | undefined,
  errors: readonly GraphQLError[],
): Promise<void> {
  if (operation?.operation !== 'mutation') return;
  for (const error of errors) {
    // Only errors of a root field are attempts that failed; a later error inside a payload
    // (path longer than 1) comes after the mutation committed.
    const responseKey = error.path?.length === 1 ? error.path[0] : undefined;
    if (typeof responseKey !== 'string') continue;
    const field = operation.selectionSet.selections.find((s) => s.kind === Kind.FIELD && (s.alias?.value ?? s.name.value) === responseKey);
    if (field?.kind !== Kind.FIELD) continue;
    await audit.recordFailure(ctx, field.name.value, error.originalError ?? error);
  }
}
