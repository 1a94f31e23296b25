/** The API key connection and the payloads of its mutations. */
import { Field, ObjectType } from 'type-graphql';
import { ApiKey } from '../entities/api-key.entity.js';
import { Connection } from '../schema/connection.type.js';

export const ApiKeyConnection = Connection(ApiKey, 'ApiKey');

@ObjectType('CreateApiKeyPayload', { description: 'The created key and, this once, its secret.' })
export class CreateApiKeyPayload {
  @Field(() => ApiKey, { description: 'The new key.' })
  apiKey!: ApiKey;

  @Field(() => String, { description: 'The key to send as `Authorization: Bearer <secret>`. Shown only now: store it safely.' })
  secret!: string;
}

@ObjectType('RevokeApiKeyPayload', { description: 'The revoked key.' })
export class RevokeApiKeyPayload {
  @Field(() => ApiKey, { description: 'The key, now with `revokedAt` set.' })
  apiKey!: ApiKey;
}
