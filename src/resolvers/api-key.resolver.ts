/** API key operations (ADMIN): list, create (the secret is returned once), revoke. */
import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { notFound } from '../errors.js';
import type { GraphQLContext } from './context.js';
import { integerKeyOf } from '../global-id.js';
import type { Page } from '../entities/pagination.js';
import { mapPage } from '../schema/connection.type.js';
import { Permission } from '../permissions.js';
import type { Services } from '../services/services.js';
import { ApiKeysArgs, CreateApiKeyInput, RevokeApiKeyInput } from './api-key.input.js';
import { ApiKeyConnection, ApiKeyType, CreateApiKeyPayload, RevokeApiKeyPayload } from './api-key.type.js';

@Resolver(() => ApiKeyType)
export class ApiKeyResolver {
  constructor(private readonly services: Services) {}

  @Authorized(Permission.API_KEY_MANAGE)
  @Query(() => ApiKeyConnection, { description: 'API keys, oldest first; active ones only unless `includeRevoked`. ADMIN only.' })
  async apiKeys(@Args(() => ApiKeysArgs) { includeRevoked, ...page }: ApiKeysArgs): Promise<Page<ApiKeyType>> {
    return mapPage(await this.services.apiKeys.list({ includeRevoked }, page), ApiKeyType.from);
  }

  @Authorized(Permission.API_KEY_MANAGE)
  @Mutation(() => CreateApiKeyPayload, {
    description: 'Creates an API key and returns its secret, once. ADMIN only. Errors: ALREADY_EXISTS, BAD_USER_INPUT.',
  })
  async createApiKey(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => CreateApiKeyInput, { description: 'The new key.' }) input: CreateApiKeyInput,
  ): Promise<CreateApiKeyPayload> {
    const { apiKey, secret } = await this.services.apiKeys.create(ctx, input);
    return { apiKey: ApiKeyType.from(apiKey), secret };
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
    return { apiKey: ApiKeyType.from(await this.services.apiKeys.revoke(ctx, id)) };
  }
}
