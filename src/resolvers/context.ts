/**
 * What every resolver receives as its context: the service-level request context (who asks,
 * which request) and the operation's DataLoaders (`resolvers/loaders.ts`). Resolver methods get
 * their services from the container; `services` is here for subscriptions' `subscribe`
 * functions, which type-graphql calls with the context and no resolver instance.
 *
 * The loaders cache for one execution: one HTTP request, one websocket query, or one event of a
 * subscription (each event gets fresh loaders, so none shows rows an earlier event cached).
 */
import type { Loaders } from './loaders.js';
import type { RequestContext } from '../platform/request-context.js';
import type { Services } from '../services/services.js';

export interface GraphQLContext extends RequestContext {
  readonly loaders: Loaders;
  /** The server's services, for `subscribe` functions only (resolver methods use their own). */
  readonly services: Services;
}
