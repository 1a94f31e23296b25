/** The `ApiKey` Node type, the API key connection and the payloads of its mutations. */
import { Field, ObjectType } from 'type-graphql';
import type { ApiKey } from '../entities/api-key.entity.js';
import { toGlobalId } from '../global-id.js';
import { Permission, permissionsOf, Role } from '../permissions.js';
import { Connection } from '../schema/connection.type.js';
import { Node } from '../schema/node.type.js';

export const API_KEY_TYPE = 'ApiKey';

@ObjectType(API_KEY_TYPE, {
  implements: Node,
  description: 'A key that authenticates GraphQL requests. The secret itself is never shown again after creation.',
})
export class ApiKeyType extends Node {
  id!: number;

  @Field(() => String, { description: 'Name chosen at creation, unique among active keys; the audit log names the actor by it.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the key is for.' })
  description!: string | null;

  @Field(() => Role, { description: 'Role that decides what the key may do.' })
  role!: Role;

  @Field(() => String, { description: 'First characters of the secret, to recognise a key without revealing it.' })
  prefix!: string;

  @Field(() => String, { description: "Who created the key: another key's name, `cli:<user>` or `bootstrap`." })
  createdBy!: string;

  @Field(() => Date, { description: 'When the key was created.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Last time the key authenticated a request (updated at most once a minute).' })
  lastUsedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the key was revoked; null while it is active.' })
  revokedAt!: Date | null;

  @Field(() => Boolean, { description: 'True until the key is revoked.' })
  get active(): boolean {
    return this.revokedAt === null;
  }

  @Field(() => [Permission], { description: "The permissions the key's role grants." })
  get permissions(): Permission[] {
    return permissionsOf(this.role);
  }

  override get globalId(): string {
    return toGlobalId(API_KEY_TYPE, this.id);
  }

  /** The GraphQL view of a row; the secret's hash stays behind. */
  static from(key: ApiKey): ApiKeyType {
    return Object.assign(new ApiKeyType(), {
      id: key.id,
      name: key.name,
      description: key.description,
      role: key.role,
      prefix: key.prefix,
      createdBy: key.createdBy,
      createdAt: key.createdAt,
      lastUsedAt: key.lastUsedAt,
      revokedAt: key.revokedAt,
    });
  }
}

export const ApiKeyConnection = Connection(ApiKeyType, API_KEY_TYPE);

@ObjectType('CreateApiKeyPayload', { description: 'The created key and, this once, its secret.' })
export class CreateApiKeyPayload {
  @Field(() => ApiKeyType, { description: 'The new key.' })
  apiKey!: ApiKeyType;

  @Field(() => String, { description: 'The key to send as `Authorization: Bearer <secret>`. Shown only now: store it safely.' })
  secret!: string;
}

@ObjectType('RevokeApiKeyPayload', { description: 'The revoked key.' })
export class RevokeApiKeyPayload {
  @Field(() => ApiKeyType, { description: 'The key, now with `revokedAt` set.' })
  apiKey!: ApiKeyType;
}
