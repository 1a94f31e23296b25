/** `Viewer`: the caller as GraphQL sees it (name, role, permissions, key). */
import { Field, ObjectType } from 'type-graphql';
import { ApiKeyType } from './api-key.type.js';
import { Permission, Role } from '../permissions.js';

@ObjectType('Viewer', { description: 'The caller of this request, as the API key that authenticated it.' })
export class Viewer {
  @Field(() => String, { description: "The key's name; the audit log names you by it." })
  name!: string;

  @Field(() => Role, { description: "The key's role." })
  role!: Role;

  @Field(() => [Permission], { description: 'What this key may do, from its role.' })
  permissions!: Permission[];

  @Field(() => ApiKeyType, { nullable: true, description: 'The key itself (null only for internal callers).' })
  apiKey!: ApiKeyType | null;
}
