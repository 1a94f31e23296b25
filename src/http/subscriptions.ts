/**
 * graphql-ws on the same HTTP server and path as Apollo (`/graphql`).
 *
 * The API key travels in `connectionParams.authorization` (browsers cannot set headers on a
 * websocket). A missing or bad key is refused in `onConnect`, which graphql-ws answers by
 * closing the socket with 4403 Forbidden. Each operation then goes through the same checks as
 * over HTTP: the key is still active, validation, depth and complexity limits, permissions,
 * error masking, and the audit of failed mutations. (A subscription already streaming when its
 * key is revoked runs until the client disconnects.)
 */
import type { Server } from 'node:http';
import { execute, GraphQLError, getOperationAST, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Disposable } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { GraphQLLimits } from '../config.js';
import { ErrorCode } from '../errors.js';
import { isDatabaseUnavailable, type DatabaseAvailability } from '../entities/database-availability.js';
import type { Logger } from '../logger.js';
import { formatError } from '../schema/format-error.js';
import { contextFailure, handleOperationErrors, withRequestId } from '../schema/operation-errors.js';
import { checkComplexity, checkDepth, checkSize, maxDocumentTokens } from '../schema/operation-limits.js';
import { type Actor, newRequestId, type RequestContext } from '../services/request-context.js';
import type { Services } from '../services/services.js';
import type { Clock } from '../services/clock.js';
import { OperationBudget, runWithBudget } from '../services/operation-budget.js';
import { bearerToken } from './authorization.js';

type ConnectionExtra = { actor?: Actor };

export function serveSubscriptions(options: {
  readonly httpServer: Server;
  readonly schema: GraphQLSchema;
  readonly services: Services;
  readonly limits: GraphQLLimits;
  readonly logger: Logger;
  /** Where outages are logged, once each. */
  readonly availability: DatabaseAvailability;
  /** Times the budget of queries run over the websocket. */
  readonly clock: Clock;
  /** Called once an operation is running (a subscription is listening); tests wait on it. */
  readonly onOperationStarted?: (operationName: string | null) => void;
}): Disposable {
  const { schema, services, limits, logger, clock, availability } = options;
  const wss = new WebSocketServer({ server: options.httpServer, path: '/graphql' });

  return useServer<Record<string, unknown>, ConnectionExtra>(
    {
      schema,
      // A query over the websocket gets the same time budget as over HTTP; subscriptions none.
      execute: (args) => {
        const budget = new OperationBudget(clock);
        if (getOperationAST(args.document, args.operationName)?.operation === 'query') budget.start(limits.operationTimeoutMs);
        return runWithBudget(budget, () => execute(args));
      },
      async onConnect(ctx) {
        const token = bearerToken(ctx.connectionParams?.authorization);
        let actor: Actor | null;
        try {
          actor = token ? await services.apiKeys.authenticate(token) : null;
        } catch (error) {
          // graphql-ws closes the socket with 4500; the outage is logged once.
          if (isDatabaseUnavailable(error)) availability.failed(error, newRequestId());
          throw error;
        }
        if (!actor) {
          logger.info('websocket refused: missing or unknown API key');
          return false;
        }
        ctx.extra.actor = actor;
        return true;
      },
      async onSubscribe(ctx, _id, payload) {
        // The key was checked at connect; a key revoked since may not start anything new.
        const actor = ctx.extra.actor;
        const requestId = newRequestId();
        const requestLogger = logger.child({ requestId, transport: 'websocket' });
        let active: boolean;
        try {
          active = actor?.apiKeyId == null || (await services.apiKeys.isActive(actor.apiKeyId));
          availability.succeeded();
        } catch (error) {
          return [contextFailure(error, { requestId, actor: actor ?? null, logger: requestLogger }, availability)];
        }
        if (!active) {
          return [new GraphQLError('The API key was revoked.', { extensions: { code: ErrorCode.UNAUTHENTICATED } })];
        }
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: maxDocumentTokens(limits) });
        } catch (error) {
          return [new GraphQLError((error as Error).message, { extensions: { code: ErrorCode.GRAPHQL_PARSE_FAILED } })];
        }
        const tooLarge = checkSize(limits, document);
        if (tooLarge) return [tooLarge];
        const tooDeep = checkDepth(limits, document);
        if (tooDeep) return [tooDeep];
        const invalid = validate(schema, document);
        if (invalid.length > 0) {
          return invalid.map(
            (e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: ErrorCode.GRAPHQL_VALIDATION_FAILED } }),
          );
        }
        const tooComplex = checkComplexity(schema, limits, document, payload.variables ?? undefined, payload.operationName);
        if (tooComplex) return [tooComplex];
        const contextValue: RequestContext = { requestId, actor: actor ?? null, logger: requestLogger };
        contextValue.logger.info({ operationName: operationNameOf(document, payload.operationName) }, 'graphql-ws operation started');
        return {
          schema,
          document,
          contextValue,
          variableValues: payload.variables ?? {},
          operationName: payload.operationName ?? null,
        };
      },
      onOperation(_ctx, _id, _payload, args) {
        options.onOperationStarted?.(operationNameOf(args.document, args.operationName));
      },
      async onNext(_ctx, _id, _payload, args, result) {
        // Always the context onSubscribe built.
        const context = args.contextValue as RequestContext;
        const errors = result.errors ?? [];
        await handleOperationErrors(services.audit, availability, context, getOperationAST(args.document, args.operationName), errors);
        if (errors.length === 0) return result;
        return { ...result, errors: errors.map((error) => withRequestId(formatError(error.toJSON(), error), context.requestId)) };
      },
      onError(_ctx, _id, _payload, errors) {
        return errors.map((error) => formatError(error.toJSON(), error));
      },
    },
    wss,
  );
}

/** The operation's name from the document itself (clients often leave `operationName` out). */
function operationNameOf(document: DocumentNode, operationName: string | null | undefined): string | null {
  return getOperationAST(document, operationName)?.name?.value ?? null;
}
