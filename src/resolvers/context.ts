/**
 * What every resolver receives as its context: the service-level request context (who asks,
 * which request) and the operation's DataLoaders (`resolvers/loaders.ts`). Services come from
 * the container, not from here.
 *
 * The loaders cache for one execution: one HTTP request, one websocket query, or one event of a
 * subscription (each event gets fresh loaders, so none shows rows an earlier event cached).
 */
import type { Loaders } from './loaders.js';
import type { RequestContext } from '../platform/request-context.js';

export interface GraphQLContext extends RequestContext {
  readonly loaders: Loaders;
}
