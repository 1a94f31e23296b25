/** User directory operations (ADMIN, `USER_MANAGE`): list, create, update and delete; CSV imports are `user-import.resolver.ts`. */
import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { notFound } from '../errors.js';
import type { GraphQLContext } from './context.js';
import { mapPage } from '../schema/connection.type.js';
import { integerKeyOf, toGlobalId } from '../global-id.js';
import type { Page } from '../entities/pagination.js';
import { Permission } from '../permissions.js';
import type { Services } from '../services/services.js';
import { USER_TYPE } from '../services/user/user.service.js';
import { CreateUserInput, DeleteUserInput, UpdateUserInput, UsersArgs } from './user.input.js';
import { CreateUserPayload, DeleteUserPayload, UpdateUserPayload, UserConnection, UserType } from './user.type.js';

/** The row id of a user's global ID; NOT_FOUND for anything else. */
function userKeyOf(id: string): number {
  const key = integerKeyOf(id, USER_TYPE);
  if (key === null) throw notFound('user', id);
  return key;
}

@Resolver(() => UserType)
export class UserResolver {
  constructor(private readonly services: Services) {}

  @Authorized(Permission.USER_MANAGE)
  @Query(() => UserConnection, {
    description: 'Directory users by username, optionally filtered by role and part of the username. ADMIN only.',
  })
  async users(@Args(() => UsersArgs) { filter, ...page }: UsersArgs): Promise<Page<UserType>> {
    return mapPage(await this.services.users.list(filter ?? {}, page), UserType.from);
  }

  @Authorized(Permission.USER_MANAGE)
  @Mutation(() => CreateUserPayload, {
    description:
      'Creates a directory user with a password. ADMIN only. Errors: BAD_USER_INPUT (`extensions.field` names the input field), ALREADY_EXISTS.',
  })
  async createUser(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => CreateUserInput, { description: 'The new user.' }) input: CreateUserInput,
  ): Promise<CreateUserPayload> {
    return { user: UserType.from(await this.services.users.create(ctx, input)) };
  }

  @Authorized(Permission.USER_MANAGE)
  @Mutation(() => UpdateUserPayload, {
    description:
      "Changes a user's display name, role or password (a new password works at the next sign-in). ADMIN only. Errors: NOT_FOUND, BAD_USER_INPUT.",
  })
  async updateUser(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => UpdateUserInput, { description: 'The user and the changes.' }) input: UpdateUserInput,
  ): Promise<UpdateUserPayload> {
    const { id, ...changes } = input;
    return { user: UserType.from(await this.services.users.update(ctx, userKeyOf(id), changes)) };
  }

  @Authorized(Permission.USER_MANAGE)
  @Mutation(() => DeleteUserPayload, {
    description: 'Deletes a user. Devices they enrolled stay enrolled and no longer name them. ADMIN only. Errors: NOT_FOUND.',
  })
  async deleteUser(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => DeleteUserInput, { description: 'The user to delete.' }) input: DeleteUserInput,
  ): Promise<DeleteUserPayload> {
    const deleted = await this.services.users.delete(ctx, userKeyOf(input.id));
    return { deletedUserId: toGlobalId(USER_TYPE, deleted.id) };
  }
}
