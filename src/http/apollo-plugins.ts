/**
 * Apollo Server plugins: per-operation logging with request id and duration, the complexity
 * limit, the per-key cost budget (`extensions.cost`, RATE_LIMITED), and the start of a query's time budget (depth is a validation rule, see `depthLimitRule`), logging of unexpected errors with their cause, the audit of failed
 * mutations, the request id on masked errors, and a clear refusal of subscriptions sent over HTTP.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { GraphQLLimits } from '../config.js';
import type { DatabaseAvailability } from '../entities/database-availability.js';
import { ErrorCode } from '../errors.js';
import type { GraphQLContext } from '../resolvers/context.js';
import { handleOperationErrors, withRequestId } from '../schema/operation-errors.js';
import { measureComplexity } from '../schema/operation-limits.js';
import type { CostBudget } from '../platform/cost-budget.js';
import { chargeOperation, type CostReport } from './operation-cost.js';
import type { AuditService } from '../services/audit/audit.service.js';
import { currentBudget } from '../platform/operation-budget.js';

export function homeroomPlugin(options: {
  readonly schema: GraphQLSchema;
  readonly limits: GraphQLLimits;
  readonly audit: AuditService;
  readonly availability: DatabaseAvailability;
  readonly costBudget: CostBudget;
}): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      let cost: CostReport | null = null;
      return {
        async didResolveOperation({ document, request, operationName, operation }) {
          // Over HTTP Apollo would run a subscription's resolver once, like a query, without an event.
          if (operation?.operation === 'subscription') {
            throw new GraphQLError(
              'Subscriptions run over graphql-ws on this same URL (send the key as connectionParams.authorization), not over HTTP.',
              {
                extensions: { code: ErrorCode.BAD_REQUEST, http: { status: 400 } },
              },
            );
          }
          const measured = measureComplexity(options.schema, options.limits, document, request.variables, operationName);
          if (measured.error) throw measured.error;
          if (measured.complexity !== null) {
            const charged = await chargeOperation(options.costBudget, contextValue.actor, measured.complexity);
            cost = charged.report;
            if (charged.refused) throw charged.refused;
          }
          // Queries only: a mutation stopped half way would leave its work half done.
          if (operation?.operation === 'query') currentBudget()?.start(options.limits.operationTimeoutMs);
        },
        async didEncounterErrors({ errors, operation }) {
          await handleOperationErrors(options.audit, options.availability, contextValue, operation, errors);
        },
        async willSendResponse({ response, operationName }) {
          if (response.body.kind === 'single' && cost) {
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost };
          }
          if (response.body.kind === 'single' && response.body.singleResult.errors) {
            response.body.singleResult.errors = response.body.singleResult.errors.map((e) => withRequestId(e, contextValue.requestId));
          }
          const sent = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          contextValue.logger.info(
            {
              operationName: operationName ?? null,
              durationMs: Math.round((performance.now() - started) * 100) / 100,
              ...(sent.length ? { errorCodes: sent.map((e) => e.extensions?.code) } : {}),
            },
            'graphql operation',
          );
        },
      };
    },
  };
}
