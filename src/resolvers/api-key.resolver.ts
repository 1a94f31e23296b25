/** API key operations (ADMIN): list, create (the secret is returned once), revoke. */
import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { ApiKey } from '../entities/api-key.entity.js';
import { notFound } from '../errors.js';
import type { GraphQLContext } from '../schema/context.js';
import { integerKeyOf } from '../schema/global-id.js';
import type { Page } from '../entities/pagination.js';
import { Permission } from '../permissions.js';
import type { Services } from '../services/services.js';
import { ApiKeysArgs, CreateApiKeyInput, RevokeApiKeyInput } from './api-key.input.js';
import { ApiKeyConnection, CreateApiKeyPayload, RevokeApiKeyPayload } from './api-key.type.js';

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  constructor(private readonly services: Services) {}

  @Authorized(Permission.API_KEY_MANAGE)
  @Query(() => ApiKeyConnection, { description: 'API keys, oldest first; active ones only unless `includeRevoked`. ADMIN only.' })
  apiKeys(@Args(() => ApiKeysArgs) { includeRevoked, ...page }: ApiKeysArgs): Promise<Page<ApiKey>> {
    return this.services.apiKeys.list({ includeRevoked }, page);
  }

  @Authorized(Permission.API_KEY_MANAGE)
  @Mutation(() => CreateApiKeyPayload, {
    description: 'Creates an API key and returns its secret, once. ADMIN only. Errors: ALREADY_EXISTS, BAD_USER_INPUT.',
  })
  createApiKey(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => CreateApiKeyInput, { description: 'The new key.' }) input: CreateApiKeyInput,
  ): Promise<CreateApiKeyPayload> {
    return this.services.apiKeys.create(ctx, input);
  }

  @Authorized(Permission.API_KEY_MANAGE)
  @Mutation(() => RevokeApiKeyPayload, {
    description:
      'Revokes an API key at once; requests with it then fail with UNAUTHENTICATED. Revoking a revoked key succeeds and changes nothing. ADMIN only. Errors: NOT_FOUND, LAST_ADMIN_KEY.',
  })
  async revokeApiKey(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => RevokeApiKeyInput, { description: 'The key to revoke.' }) input: RevokeApiKeyInput,
  ): Promise<RevokeApiKeyPayload> {
    const id = integerKeyOf(input.id, 'ApiKey');
    if (id === null) throw notFound('API key', input.id);
    return { apiKey: await this.services.apiKeys.revoke(ctx, id) };
  }
}
