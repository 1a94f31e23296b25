/**
 * What every resolver receives as its context: the service-level request context (who asks,
 * which request), nothing more. Services come from the container, not from here.
 */
import type { RequestContext } from '../services/request-context.js';

export type GraphQLContext = RequestContext;
