/**
 * The root device look-ups (`device(serialNumber:)`, `devices` across tokens) and the `Device`
 * type's links: its token and its enrollment profile. A page of devices shares a token and a few
 * profiles, so they go through the operation's DataLoaders (`loaders.ts`): one read per
 * execution, not one per device, and nothing kept from one subscription event to the next.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Page } from '../entities/pagination.js';
import { mapPage } from '../schema/connection.type.js';
import type { GraphQLContext } from './context.js';
import { Permission } from '../permissions.js';
import { can } from '../platform/request-context.js';
import { loadAhead } from './loaders.js';
import type { Services } from '../services/services.js';
import type { DeviceRecord } from '../services/device/device-rows.js';
import { deviceFilterOf, deviceOrderOf, DevicesArgs, deviceScopeOf } from './device.input.js';
import { DeviceConnection, deviceColumnsFor, DeviceType } from './device.type.js';
import { connectionItemFields } from '../schema/selection.js';
import { EnrollmentProfileType } from './profile.type.js';
import { EnrollmentProgramTokenType } from './token.type.js';

@Resolver(() => DeviceType)
export class DeviceResolver {
  constructor(private readonly services: Services) {}

  @Authorized(Permission.DEVICE_READ)
  @Query(() => DeviceType, {
    nullable: true,
    description:
      'The device with this serial number, whichever token it is under (removed or not); null when Homeroom has none. Exact match: serials are upper case, as Apple writes them. Every role.',
  })
  async device(
    @Arg('serialNumber', () => String, { description: 'The serial number, exactly.' }) serialNumber: string,
  ): Promise<DeviceType | null> {
    const device = await this.services.devices.findBySerialNumber(serialNumber);
    return device && DeviceType.from(device);
  }

  @Authorized(Permission.DEVICE_READ)
  @Query(() => DeviceConnection, {
    description:
      "Devices of every token (or of `filter.tokenIds`), with the token's `devices` filters and orders: by default those Apple still assigns to an MDM server, in the order Homeroom first saw them. Every role. Errors: BAD_USER_INPUT.",
  })
  async devices(
    @Args(() => DevicesArgs) { filter, orderBy, ...page }: DevicesArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Page<DeviceType>> {
    return devicePage(ctx, info, (columns) =>
      this.services.devices.listIn(deviceScopeOf(filter), deviceFilterOf(filter), page, deviceOrderOf(orderBy), columns),
    );
  }
  @FieldResolver(() => EnrollmentProgramTokenType, { description: 'The token whose MDM server Apple assigns the device to (or last did).' })
  async token(@Root() device: DeviceType, @Ctx() ctx: GraphQLContext): Promise<EnrollmentProgramTokenType> {
    const token = await ctx.loaders.tokens.load(device.tokenId);
    if (!token) throw new Error(`device ${device.id} names token ${device.tokenId}, which does not exist`);
    return EnrollmentProgramTokenType.from(token);
  }

  @FieldResolver(() => EnrollmentProgramTokenType, {
    nullable: true,
    description:
      "The token whose MDM server Apple School Manager last moved the device away from, to its `token` (when: `movedAwayAt`); null when it never moved between Homeroom's tokens, or that token was deleted since.",
  })
  async movedAwayFrom(@Root() device: DeviceType, @Ctx() ctx: GraphQLContext): Promise<EnrollmentProgramTokenType | null> {
    const tokenId = device.movedAwayFromTokenId;
    if (tokenId === null) return null;
    const token = await ctx.loaders.tokens.load(tokenId);
    return token ? EnrollmentProgramTokenType.from(token) : null;
  }

  @Authorized(Permission.PROFILE_READ)
  @FieldResolver(() => EnrollmentProfileType, {
    nullable: true,
    description:
      "The Homeroom enrollment profile assigned to the device (the token's default for new serials, or one assigned later); null when none. Every role.",
  })
  // Not async: the loader's promise is returned as it is (a page asks this of every device).
  profile(@Root() device: DeviceType, @Ctx() ctx: GraphQLContext): Promise<EnrollmentProfileType | null> | EnrollmentProfileType | null {
    return profileOf(ctx, device.profileId);
  }
}

/**
 * A profile through the operation's loader: the value itself when its list loaded it ahead
 * (`loadDeviceLinksAhead`), else the loader's promise, returned as it is (a page asks this of
 * every device).
 */
export function profileOf(
  ctx: GraphQLContext,
  profileId: number | null,
): Promise<EnrollmentProfileType | null> | EnrollmentProfileType | null {
  if (profileId === null) return null;
  const ready = ctx.loaders.ready.profiles;
  return ready.has(profileId) ? (ready.get(profileId) as EnrollmentProfileType | null) : ctx.loaders.profiles.load(profileId);
}

const isId = (id: number | null): id is number => id !== null;

/**
 * A page of devices as a list field answers it (the root `devices` and a token's): `read` asked
 * for only the columns the query selects on the items, and the page's profiles and enrollments
 * loaded ahead.
 */
export async function devicePage(
  ctx: GraphQLContext,
  info: GraphQLResolveInfo,
  read: (columns: ReturnType<typeof deviceColumnsFor>) => Promise<Page<DeviceRecord>>,
): Promise<Page<DeviceType>> {
  const fields = connectionItemFields(info);
  const page = mapPage(await read(deviceColumnsFor(fields)), DeviceType.from);
  await loadDeviceLinksAhead(ctx, page, info, fields);
  return page;
}

/**
 * Loads a page's profiles and enrollments before graphql-js walks its rows, when the query selects
 * them and the caller may read them: the same loaders, batches and statements the field
 * resolvers would have made (the rows' enrollments and profiles together, then the enrollments'
 * profiles not read yet), but the resolvers then answer each row with a value instead of a
 * promise, so graphql-js completes the rows without a promise (and its bookkeeping) per row and
 * field. A caller without the permission is refused per field as before, and nothing is read.
 */
export async function loadDeviceLinksAhead(
  ctx: GraphQLContext,
  page: Page<DeviceType>,
  info: GraphQLResolveInfo,
  fields: ReadonlySet<string>,
): Promise<void> {
  const actor = ctx.actor;
  if (!actor) return;
  const { loaders } = ctx;
  const devices = page.edges.map((edge) => edge.node);
  const enrollments = fields.has('enrollment') && can(actor, Permission.DEVICE_READ);
  const profiles = fields.has('profile') && can(actor, Permission.PROFILE_READ);
  const enrollmentProfiles =
    enrollments && can(actor, Permission.PROFILE_READ) && connectionItemFields(info, ['enrollment']).has('profile');
  await Promise.all([
    enrollments
      ? loadAhead(
          loaders.enrollments,
          devices.map((device) => device.id),
          loaders.ready.enrollments,
        )
      : null,
    profiles
      ? loadAhead(loaders.profiles, [...new Set(devices.map((device) => device.profileId).filter(isId))], loaders.ready.profiles)
      : null,
  ]);
  if (enrollmentProfiles) {
    const ids = devices.map((device) => loaders.ready.enrollments.get(device.id)?.profileId ?? null).filter(isId);
    await loadAhead(loaders.profiles, [...new Set(ids)], loaders.ready.profiles);
  }
}
