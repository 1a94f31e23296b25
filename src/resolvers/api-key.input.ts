/** Inputs and arguments of the API key operations. */
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ConnectionArgs } from '../schema/connection.type.js';
import { Role } from '../permissions.js';

@InputType('CreateApiKeyInput', { description: 'A new API key.' })
export class CreateApiKeyInput {
  @Field(() => String, { description: 'Unique among active keys; 1 to 100 letters, digits, spaces and . _ : @ / -.' })
  name!: string;

  @Field(() => Role, { description: 'What the key may do.' })
  role!: Role;

  @Field(() => String, { nullable: true, description: 'What the key is for (at most 500 characters).' })
  description?: string | null;
}

@InputType('RevokeApiKeyInput', { description: 'The key to revoke.' })
export class RevokeApiKeyInput {
  @Field(() => ID, { description: 'Global ID of the API key.' })
  id!: string;
}

@ArgsType()
export class ApiKeysArgs extends ConnectionArgs {
  @Field(() => Boolean, { defaultValue: false, description: 'Include revoked keys (newest keys last, as always).' })
  includeRevoked!: boolean;
}
