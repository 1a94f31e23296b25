/** `viewer`: who is calling. Any authenticated role. */
import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from './context.js';
import { permissionsOf } from '../permissions.js';
import type { Services } from '../services/services.js';
import { ApiKeyType } from './api-key.type.js';
import { Viewer } from './viewer.type.js';

@Resolver(() => Viewer)
export class ViewerResolver {
  constructor(private readonly services: Services) {}

  @Authorized()
  @Query(() => Viewer, { description: 'Who is calling: the API key, its role and permissions. Any role.' })
  async viewer(@Ctx() ctx: GraphQLContext): Promise<Viewer> {
    const actor = ctx.actor!;
    const apiKey = actor.apiKeyId === null ? null : await this.services.apiKeys.findById(actor.apiKeyId);
    return { name: actor.name, role: actor.role, permissions: permissionsOf(actor.role), apiKey: apiKey && ApiKeyType.from(apiKey) };
  }
}
