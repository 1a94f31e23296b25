/**
 * The device sync fields of `EnrollmentProgramToken`: `syncStatus`, `syncRuns`, `devices`
 * (with filters and orders) and `models`. They live with sync, not in the token's resolver, so each slice owns its
 * fields; `deviceCount` stays with the token.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Args, Authorized, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from './context.js';
import { devicePage } from './device.resolver.js';
import { ConnectionArgs, mapPage } from '../schema/connection.type.js';
import type { Page } from '../entities/pagination.js';
import { Permission } from '../permissions.js';
import type { Services } from '../services/services.js';
import { COUNT_COST } from '../schema/operation-limits.js';
import { deviceFilterOf, deviceOrderOf, TokenDevicesArgs } from './device.input.js';
import { DeviceConnection, DeviceModelCountType, DeviceType } from './device.type.js';
import { SyncRunConnection, SyncRunType, TokenSyncStatusType } from './sync.type.js';
import { EnrollmentProgramTokenType } from './token.type.js';

@Resolver(() => EnrollmentProgramTokenType)
export class SyncTokenResolver {
  constructor(private readonly services: Services) {}

  @Authorized(Permission.DEVICE_READ)
  @FieldResolver(() => TokenSyncStatusType, {
    description:
      "Where the token's device syncing stands now: running or not, the last syncs, and when the next sync and the next full sync may start. Every role.",
  })
  async syncStatus(@Root() token: EnrollmentProgramTokenType): Promise<TokenSyncStatusType> {
    return TokenSyncStatusType.from(await this.services.sync.status(token.id));
  }

  @Authorized(Permission.DEVICE_READ)
  @FieldResolver(() => SyncRunConnection, { description: "The token's sync runs, newest first. Every role." })
  async syncRuns(@Root() token: EnrollmentProgramTokenType, @Args(() => ConnectionArgs) page: ConnectionArgs): Promise<Page<SyncRunType>> {
    return mapPage(await this.services.sync.listRuns(token.id, page), SyncRunType.from);
  }

  @Authorized(Permission.DEVICE_READ)
  @FieldResolver(() => DeviceConnection, {
    description:
      "The token's devices in the order Homeroom first saw them: by default those Apple still assigns to the MDM server (as many as `deviceCount`); `filter` narrows them (profile, removed, serial, serials, model, Apple profile status, family, OS, first and last seen, wipe needed, enrollment state), `orderBy` orders them (serial, model, first seen, last contact, enrollment state), or lists those moved to another token's MDM server instead (`movedAway`). Every role. Errors: BAD_USER_INPUT.",
  })
  async devices(
    @Root() token: EnrollmentProgramTokenType,
    @Args(() => TokenDevicesArgs) { filter, orderBy, ...page }: TokenDevicesArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Page<DeviceType>> {
    return devicePage(ctx, info, (columns) =>
      this.services.devices.list(token.id, deviceFilterOf(filter), page, deviceOrderOf(orderBy), columns),
    );
  }

  @Authorized(Permission.DEVICE_READ)
  @FieldResolver(() => [DeviceModelCountType], {
    description:
      'The model names of the devices `devices` lists without a filter, by name, with how many devices have each: the choices of a model filter. Devices Apple sent no model for are not listed. Every role.',
    complexity: COUNT_COST,
  })
  models(@Root() token: EnrollmentProgramTokenType): Promise<DeviceModelCountType[]> {
    return this.services.devices.models(token.id);
  }
}
