/**
 * The `User` Node type (a student or teacher in the user directory), its enums, connection and
 * the payloads of its mutations. Built from a row by {@link UserType.from}, which copies the
 * public fields only: the password hash has no field here, and nothing in the schema returns a
 * password in any form.
 */
import { Field, ID, ObjectType } from 'type-graphql';
import type { DirectoryUser, UserRole } from '../entities/directory-user.entity.js';
import { Connection } from '../schema/connection.type.js';
import { describedEnum } from '../schema/enums.js';
import { toGlobalId } from '../global-id.js';
import { Node } from '../schema/node.type.js';
import { USER_TYPE } from '../services/user/user.service.js';

export const UserRoleEnum = describedEnum<UserRole>('UserRole', "A directory user's role at school.", {
  STUDENT: 'A student.',
  TEACHER: 'A teacher or other staff member.',
});

@ObjectType(USER_TYPE, {
  implements: Node,
  description:
    'A student or teacher in the user directory, who signs in on iPads enrolled with user affinity and on Shared iPads. Passwords are stored only as scrypt hashes and can never be read back. ADMIN only.',
})
export class UserType extends Node {
  id!: number;

  @Field(() => String, {
    description:
      'Managed Apple Account style name (`local@domain`), lower-case and unique; what the user types to sign in, in any case. Cannot be changed.',
  })
  username!: string;

  @Field(() => String, { description: 'Name shown for the user (1 to 200 characters).' })
  displayName!: string;

  @Field(() => UserRoleEnum, { description: 'Student or teacher.' })
  role!: UserRole;

  @Field(() => Date, { description: 'When the user was created.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When the display name, role or password last changed (the creation time until then).' })
  updatedAt!: Date;

  override get globalId(): string {
    return toGlobalId(USER_TYPE, this.id);
  }

  static from(user: DirectoryUser): UserType {
    return Object.assign(new UserType(), {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      createdAt: user.createdAt,
      updatedAt: user.updatedAt,
    });
  }
}

export const UserConnection = Connection(UserType, USER_TYPE);

@ObjectType('CreateUserPayload', { description: 'The created user.' })
export class CreateUserPayload {
  @Field(() => UserType, { description: 'The new user.' })
  user!: UserType;
}

@ObjectType('UpdateUserPayload', { description: 'The changed user.' })
export class UpdateUserPayload {
  @Field(() => UserType, { description: 'The user, with the changes made.' })
  user!: UserType;
}

@ObjectType('DeleteUserPayload', { description: 'Which user was deleted.' })
export class DeleteUserPayload {
  @Field(() => ID, { description: 'Global ID the deleted user had; nothing has it any more.' })
  deletedUserId!: string;
}
