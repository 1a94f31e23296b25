/**
 * The per-key cost budget at the transports' edge: charges an operation's estimated cost to the
 * caller's API key (`platform/cost-budget.ts`), reports it the way Shopify's Admin API does, and
 * refuses a key that spent its budget with RATE_LIMITED. HTTP (`apollo-plugins.ts`) and
 * websockets (`subscriptions.ts`) charge through here, each operation once when it starts (a
 * subscription once, however many events it sends).
 *
 * What clients see in `extensions.cost`:
 * `{ requestedQueryCost, throttleStatus: { maximumAvailable, currentlyAvailable, restoreRate } }`;
 * `throttleStatus` is null when the budget is off (`GRAPHQL_COST_BUDGET=0`) or the caller has no
 * key to charge.
 */
import { GraphQLError } from 'graphql';
import { ErrorCode, HomeroomError } from '../errors.js';
import type { CostBudget, ThrottleStatus } from '../platform/cost-budget.js';
import type { Actor } from '../platform/request-context.js';

/** `extensions.cost` of a response. */
export interface CostReport {
  readonly requestedQueryCost: number;
  readonly throttleStatus: ThrottleStatus | null;
}

/** The report of an operation, or the RATE_LIMITED error (carrying the report) that refuses it. */
export type CostOutcome = { readonly report: CostReport; readonly refused: GraphQLError | null };

/** Charges `cost` to the actor's key; an actor without a key (none over HTTP) is reported, not charged. */
export async function chargeOperation(budget: CostBudget, actor: Actor | null, cost: number): Promise<CostOutcome> {
  if (!budget.enabled || actor?.apiKeyId == null) return { report: { requestedQueryCost: cost, throttleStatus: null }, refused: null };
  const charge = await budget.charge(`api-key:${actor.apiKeyId}`, cost);
  const report = { requestedQueryCost: cost, throttleStatus: charge.throttleStatus };
  if (charge.allowed) return { report, refused: null };
  const retryAfter = charge.retryAfter ?? 1;
  const message = `This API key spent its query-cost budget: the operation costs ${cost} and ${charge.throttleStatus.currentlyAvailable} of ${charge.throttleStatus.maximumAvailable} are left, refilling at ${charge.throttleStatus.restoreRate} a second. Try again in ${retryAfter} s, or ask for less at once.`;
  const details = { retryAfter, cost: report };
  return {
    report,
    refused: new GraphQLError(message, {
      originalError: new HomeroomError(ErrorCode.RATE_LIMITED, message, details),
      extensions: {
        code: ErrorCode.RATE_LIMITED,
        ...details,
        http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) },
      },
    }),
  };
}
