/** Inputs and arguments of the user directory operations. */
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import type { UserRole } from '../entities/directory-user.entity.js';
import { ConnectionArgs } from '../schema/connection.type.js';
import { PASSWORD_LENGTH } from '../services/user/password-hash.js';
import { USER_LIMITS } from '../services/user/user.service.js';
import { UserRoleEnum } from './user.type.js';

const PASSWORD = `${PASSWORD_LENGTH.min} to ${PASSWORD_LENGTH.max} characters, taken exactly as given (spaces count). Stored only as a scrypt hash.`;

@InputType('CreateUserInput', { description: 'A new directory user.' })
export class CreateUserInput {
  @Field(() => String, {
    description: `Managed Apple Account style name (\`local@domain\`, at most ${USER_LIMITS.username} characters); stored lower-case, unique.`,
  })
  username!: string;

  @Field(() => String, { description: `Name shown for the user (1 to ${USER_LIMITS.displayName} characters).` })
  displayName!: string;

  @Field(() => UserRoleEnum, { description: 'Student or teacher.' })
  role!: UserRole;

  @Field(() => String, { description: `The password: ${PASSWORD}` })
  password!: string;
}

@InputType('UpdateUserInput', { description: 'Changes to a user; an omitted or null field keeps its value. The username cannot change.' })
export class UpdateUserInput {
  @Field(() => ID, { description: 'Global ID of the user.' })
  id!: string;

  @Field(() => String, { nullable: true, description: `New display name (1 to ${USER_LIMITS.displayName} characters).` })
  displayName?: string | null;

  @Field(() => UserRoleEnum, { nullable: true, description: 'New role.' })
  role?: UserRole | null;

  @Field(() => String, { nullable: true, description: `New password: ${PASSWORD}` })
  password?: string | null;
}

@InputType('DeleteUserInput', { description: 'The user to delete.' })
export class DeleteUserInput {
  @Field(() => ID, { description: 'Global ID of the user.' })
  id!: string;
}

@InputType('UserFilterInput', { description: 'Narrows the user list; every given condition must hold.' })
export class UserFilterInput {
  @Field(() => UserRoleEnum, { nullable: true, description: 'Only users with this role.' })
  role?: UserRole | null;

  @Field(() => String, { nullable: true, description: 'Only users whose username contains this text, in any case.' })
  usernameContains?: string | null;
}

@ArgsType()
export class UsersArgs extends ConnectionArgs {
  @Field(() => UserFilterInput, { nullable: true, description: 'Conditions on the users listed.' })
  filter?: UserFilterInput | null;
}
