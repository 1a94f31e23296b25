/**
 * What happens to an operation's errors after it ran, the same way for HTTP (Apollo plugin) and
 * websockets: unexpected ones are logged with their cause under the request id, and every failed
 * mutation attempt reaches the audit log, wherever it failed: in its service (which records it
 * itself), in the permission check, or while decoding an ID in the resolver.
 */
import { GraphQLError, Kind, type GraphQLFormattedError, type OperationDefinitionNode } from 'graphql';
import { isDatabaseUnavailable, type DatabaseAvailability } from '../entities/database-availability.js';
import { ErrorCode, HomeroomError } from '../errors.js';
import type { AuditService } from '../services/audit/audit.service.js';
import type { RequestContext } from '../platform/request-context.js';
import { isUnexpectedError, serviceUnavailable } from './format-error.js';

export async function handleOperationErrors(
  audit: AuditService,
  availability: DatabaseAvailability,
  ctx: RequestContext,
  operation: OperationDefinitionNode | null | undefined,
  errors: readonly GraphQLError[],
): Promise<void> {
  const unreachable = errors.find((error) => isDatabaseUnavailable(error));
  if (unreachable) {
    // Logged once per outage, not per request; and the audit log cannot be written either.
    availability.failed(unreachable.originalError ?? unreachable, ctx.requestId);
    return;
  }
  for (const error of errors) {
    if (isUnexpectedError(error))
      ctx.logger.error({ err: error.originalError ?? error, path: error.path }, 'unexpected error in a GraphQL operation');
  }
  await recordFailedMutations(audit, ctx, operation, errors);
}

/** Codes that get the request id: the person who saw one can point at the log line. */
const WITH_REQUEST_ID = new Set<unknown>([ErrorCode.INTERNAL_SERVER_ERROR, ErrorCode.SERVICE_UNAVAILABLE]);

/** A masked or outage error gets the request id, so the person who saw it can point at the log line. */
export function withRequestId(error: GraphQLFormattedError, requestId: string): GraphQLFormattedError {
  return WITH_REQUEST_ID.has(error.extensions?.code) ? { ...error, extensions: { ...error.extensions, requestId } } : error;
}

/**
 * What a request answers when its context cannot be built (the API key lookup failed):
 * SERVICE_UNAVAILABLE (503) while the database is down, logged once per outage; anything else
 * INTERNAL_SERVER_ERROR (500), logged with its cause. Both carry the request id.
 */
export function contextFailure(error: unknown, ctx: RequestContext, availability: DatabaseAvailability): GraphQLError {
  if (isDatabaseUnavailable(error)) {
    availability.failed(error, ctx.requestId);
    const unavailable = serviceUnavailable({ requestId: ctx.requestId });
    return new GraphQLError(unavailable.message, {
      originalError: unavailable,
      extensions: { code: unavailable.code, http: { status: 503, headers: new Map([['retry-after', '5']]) } },
    });
  }
  ctx.logger.error({ err: error }, 'unexpected error before a GraphQL operation (authentication)');
  const internal = new HomeroomError(
    ErrorCode.INTERNAL_SERVER_ERROR,
    'Internal server error. The server log has the cause under this request id.',
    { requestId: ctx.requestId },
  );
  return new GraphQLError(internal.message, { originalError: internal, extensions: { code: internal.code, http: { status: 500 } } });
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
