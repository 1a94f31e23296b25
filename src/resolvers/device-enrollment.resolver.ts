/**
 * Enrollment state over GraphQL: `Device.enrollment`, the enrollment's `profile`, and
 * the `deviceEnrollmentChanged` subscription (every role). The MDM endpoints change the state;
 * this layer only reads it.
 *
 * A page of devices reads its enrollments in one query: `enrollment` goes through the
 * operation's DataLoaders (`loaders.ts`), not a read per device, and a subscription's events each
 * get fresh loaders, so nothing is kept from one event to the next.
 */
import { Arg, Authorized, Ctx, FieldResolver, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { GraphQLContext } from './context.js';
import { Topic, type DeviceEnrollmentChanged } from '../platform/events/event-bus.js';
import { snapshotThenEvents } from '../platform/events/snapshot-stream.js';
import { Permission } from '../permissions.js';
import type { Services } from '../services/services.js';
import { DeviceEnrollmentChangeType, DeviceEnrollmentType, ResidentUserType } from './device-enrollment.type.js';
import { DeviceType } from './device.type.js';
import { profileOf } from './device.resolver.js';
import { EnrollmentProfileType } from './profile.type.js';
import { UserType } from './user.type.js';
import { subscribedToken, type SubscribeData } from './sync.resolver.js';

/**
 * The subscription's stream: a snapshot of the token's devices per enrollment state first, then
 * the token's DEVICE_ENROLLMENT_CHANGED events, each with its device read from the database on
 * arrival (events carry ids). The bus is listened to before the snapshot is read, so no change
 * after it is missed. An event whose device no longer exists is dropped: there is nothing left
 * to show.
 */
function changesFromNow(services: Services, tokenId: number): AsyncIterable<DeviceEnrollmentChangeType> {
  return snapshotThenEvents(
    services.deps.events.subscribe(Topic.DEVICE_ENROLLMENT_CHANGED),
    async () => DeviceEnrollmentChangeType.snapshotOf(await services.enrollmentQueries.stateCounts(tokenId), services.deps.clock.now()),
    async (event: DeviceEnrollmentChanged) => {
      if (event.tokenId !== tokenId) return null;
      const device = await services.devices.findById(event.deviceId);
      return device && DeviceEnrollmentChangeType.from(event, device);
    },
  );
}

@Resolver(() => DeviceType)
export class DeviceEnrollmentResolver {
  @Authorized(Permission.DEVICE_READ)
  @FieldResolver(() => DeviceEnrollmentType, {
    description:
      "The device's enrollment with Homeroom's MDM, as it is now: NOT_CONTACTED (every fact null) until it first asks to enroll. Every role.",
  })
  // Not async: the loader's promise is returned as it is (a page asks this of every device).
  enrollment(@Root() device: DeviceType, @Ctx() ctx: GraphQLContext): Promise<DeviceEnrollmentType> | DeviceEnrollmentType {
    // The value itself when the list loaded it ahead (`loadDeviceLinksAhead`).
    return ctx.loaders.ready.enrollments.get(device.id) ?? ctx.loaders.enrollments.load(device.id);
  }

  @Authorized(Permission.DEVICE_READ)
  @Subscription(() => DeviceEnrollmentChangeType, {
    subscribe: async (data: SubscribeData) => {
      const { services, tokenId } = await subscribedToken(data);
      return changesFromNow(services, tokenId);
    },
    description:
      "Each change of enrollment state of the token's devices, as it happens. First, at once, a snapshot (`snapshot: true`, `stateCounts`: the token's devices per state now), so a UI can draw its summary and knows the stream is live; then one event per state a device passes (ENROLLING, AWAITING_CONFIGURATION, ENROLLED, FAILED, UNENROLLED), after it was saved, with `device` read as it arrives. Streams until the client unsubscribes. Every role. Errors: NOT_FOUND.",
  })
  deviceEnrollmentChanged(
    @Root() change: DeviceEnrollmentChangeType,
    @Arg('tokenId', () => ID, { description: 'Global ID of the token whose devices to follow.' }) _tokenId: string,
  ): DeviceEnrollmentChangeType {
    return change;
  }
}

@Resolver(() => DeviceEnrollmentType)
export class DeviceEnrollmentProfileResolver {
  @Authorized(Permission.PROFILE_READ)
  @FieldResolver(() => EnrollmentProfileType, {
    nullable: true,
    description:
      'The Homeroom enrollment profile the device enrolled with (it may differ from the one assigned since, until the device enrolls again); null while NOT_CONTACTED, or when that profile was deleted. Every role.',
  })
  profile(
    @Root() enrollment: DeviceEnrollmentType,
    @Ctx() ctx: GraphQLContext,
  ): Promise<EnrollmentProfileType | null> | EnrollmentProfileType | null {
    // The loader `Device.profile` uses: a device's two profiles, when they are one, are read once.
    return profileOf(ctx, enrollment.profileId);
  }

  @Authorized(Permission.USER_MANAGE)
  @FieldResolver(() => UserType, {
    nullable: true,
    description:
      'Profiles with user affinity: the directory user who signed in during enrollment; null otherwise, or when that user was deleted. ADMIN (the user directory).',
  })
  async user(@Root() enrollment: DeviceEnrollmentType, @Ctx() ctx: GraphQLContext): Promise<UserType | null> {
    return userOf(ctx, enrollment.userId);
  }

  @Authorized(Permission.DEVICE_READ)
  @FieldResolver(() => [ResidentUserType], {
    description: 'Shared iPad: the users signed in on the device now, most recent sign-in first; empty for other devices. Every role.',
  })
  async residentUsers(@Root() enrollment: DeviceEnrollmentType, @Ctx() ctx: GraphQLContext): Promise<ResidentUserType[]> {
    const rows = await ctx.loaders.residentUsers.load(enrollment.deviceId);
    return rows.map((row) => ResidentUserType.from(row));
  }
}

@Resolver(() => ResidentUserType)
export class ResidentUserResolver {
  @Authorized(Permission.USER_MANAGE)
  @FieldResolver(() => UserType, {
    nullable: true,
    description: 'The directory user of that name, when Homeroom has one; null otherwise. ADMIN (the user directory).',
  })
  async user(@Root() resident: ResidentUserType, @Ctx() ctx: GraphQLContext): Promise<UserType | null> {
    return userOf(ctx, resident.userId);
  }
}

/** A directory user by row id, read once per page of devices. */
async function userOf(ctx: GraphQLContext, userId: number | null): Promise<UserType | null> {
  if (userId === null) return null;
  const user = await ctx.loaders.directoryUsers.load(userId);
  return user ? UserType.from(user) : null;
}
