/**
 * Every failed mutation attempt reaches the audit log, wherever it failed: in its service (which
 * records it itself), in the permission check, or while decoding an ID in the resolver. Called
 * with an operation's errors from the Apollo plugin and from the websocket server.
 */
import { GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';
import type { AuditService } from '../services/audit.service.js';
import type { RequestContext } from '../services/request-context.js';

export async function recordFailedMutations(
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
