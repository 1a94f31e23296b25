/**
 * Migration without erase over GraphQL: the eligibility check, the three mutations (schedule,
 * move the deadline, cancel; OPERATOR and ADMIN, audited), `Device.migration`, and the
 * `migrationProgressed` subscription (a snapshot of the token's migrations per status, then each
 * change, every role).
 */
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Topic, type MigrationProgressed } from '../platform/events/event-bus.js';
import { snapshotThenEvents } from '../platform/events/snapshot-stream.js';
import { Permission } from '../permissions.js';
import type { Services } from '../services/services.js';
import type { GraphQLContext } from './context.js';
import { DeviceType } from './device.type.js';
import { CancelDeviceMigrationInput, ScheduleDeviceMigrationInput, UpdateDeviceMigrationDeadlineInput } from './migration.input.js';
import {
  CancelDeviceMigrationPayload,
  DeviceMigrationType,
  MigrationEligibilityType,
  MigrationProgressType,
  ScheduleDeviceMigrationPayload,
  UpdateDeviceMigrationDeadlinePayload,
} from './migration.type.js';
import type { MigrationStatus } from '../entities/device-migration.entity.js';
import type { MigrationChange } from '../services/migration/migration.service.js';
import { profileKeyOf } from './profile.resolver.js';
import { subscribedToken, type SubscribeData } from './sync.resolver.js';
import { tokenIdOf } from './token.resolver.js';

const ERRORS =
  'Errors: BAD_USER_INPUT (`extensions.field`), NOT_FOUND, SCHOOL_MANAGER_ACCOUNT_REQUIRED, SCHOOL_MANAGER_CREDENTIALS_REJECTED, APPLE_UNAVAILABLE, APPLE_REQUEST_REJECTED';

function payloadOf<P extends { activityId: string; migrations: DeviceMigrationType[] }>(Payload: new () => P, change: MigrationChange): P {
  return Object.assign(new Payload(), {
    activityId: change.activityId,
    migrations: change.migrations.map((row) => DeviceMigrationType.from(row)),
  });
}

/** The token's migrations per status, then each change, with the migration re-read as the event arrives. */
function progressFromNow(services: Services, tokenId: number): AsyncIterable<MigrationProgressType> {
  return snapshotThenEvents(
    services.deps.events.subscribe(Topic.MIGRATION_PROGRESSED),
    async () => MigrationProgressType.snapshotOf(await services.migrations.statusCounts(tokenId), services.deps.clock.now()),
    async (event: MigrationProgressed) => {
      if (event.tokenId !== tokenId) return null;
      const migration = await services.migrations.findById(event.migrationId);
      if (!migration) return null;
      const device = await services.devices.findBySerialNumber(migration.serialNumber);
      return MigrationProgressType.change(
        event.status as MigrationStatus,
        migration,
        device && device.tokenId === tokenId ? device.id : null,
        new Date(event.at),
      );
    },
  );
}

@Resolver(() => DeviceType)
export class MigrationResolver {
  constructor(private readonly services: Services) {}

  @Authorized(Permission.DEVICE_READ)
  @FieldResolver(() => DeviceMigrationType, {
    nullable: true,
    description:
      "The device's migration without erase, scheduled from Homeroom (the last one, whatever its status); null when none was. Every role.",
  })
  async migration(@Root() device: DeviceType, @Ctx() ctx: GraphQLContext): Promise<DeviceMigrationType | null> {
    const row = await ctx.loaders.migrations.load(device.serialNumber);
    return row && DeviceMigrationType.from(row);
  }

  @Authorized(Permission.PROFILE_ASSIGN)
  @Query(() => [MigrationEligibilityType], {
    description: `Whether each device may be scheduled to migrate without erase to the token's MDM server now, with the reason when not (reads Apple School Manager). OPERATOR and ADMIN. ${ERRORS}.`,
  })
  async migrationEligibility(
    @Arg('tokenId', () => ID, { description: 'Global ID of the token the devices would migrate to.' }) tokenId: string,
    @Arg('serialNumbers', () => [String], { description: 'Serial numbers, 1 to 1000.' }) serialNumbers: string[],
  ): Promise<MigrationEligibilityType[]> {
    const verdicts = await this.services.migrations.eligibility(tokenIdOf(tokenId), serialNumbers);
    return verdicts.map((verdict) => MigrationEligibilityType.from(verdict));
  }

  @Authorized(Permission.PROFILE_ASSIGN)
  @Mutation(() => ScheduleDeviceMigrationPayload, {
    description: `Asks Apple (School Manager API, ASSIGN_DEVICES_WITH_MDM_MIGRATION_DEADLINE) to move the devices to the token's MDM server with a migration deadline: each device offers its user to migrate, and migrates at the deadline, keeping its data; Homeroom gives it a profile that awaits configuration when it arrives, and takes over its kept apps before releasing it. Follow with \`migrationProgressed\`. OPERATOR and ADMIN; audited. ${ERRORS}, MIGRATION_NOT_ELIGIBLE (\`extensions.refused\`: each device's reason). Nothing is sent or changed on an error.`,
  })
  async scheduleDeviceMigration(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => ScheduleDeviceMigrationInput, { description: 'The devices, the token and the deadline.' })
    input: ScheduleDeviceMigrationInput,
  ): Promise<ScheduleDeviceMigrationPayload> {
    const change = await this.services.migrations.schedule(ctx, {
      tokenId: tokenIdOf(input.tokenId),
      serialNumbers: input.serialNumbers,
      deadlineInDays: input.deadlineInDays,
      profileId: input.profileId ? profileKeyOf(input.profileId) : null,
      keptApps: input.keptApps ?? [],
    });
    return payloadOf(ScheduleDeviceMigrationPayload, change);
  }

  @Authorized(Permission.PROFILE_ASSIGN)
  @Mutation(() => UpdateDeviceMigrationDeadlinePayload, {
    description: `Moves the deadline of migrations under way (School Manager API, UPDATE_MDM_MIGRATION_DEADLINE). OPERATOR and ADMIN; audited. ${ERRORS}, MIGRATION_NOT_IN_PROGRESS (\`extensions.serialNumbers\`). Nothing is sent or changed on an error.`,
  })
  async updateDeviceMigrationDeadline(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => UpdateDeviceMigrationDeadlineInput, { description: 'The devices and the new deadline.' })
    input: UpdateDeviceMigrationDeadlineInput,
  ): Promise<UpdateDeviceMigrationDeadlinePayload> {
    const change = await this.services.migrations.updateDeadline(ctx, {
      tokenId: tokenIdOf(input.tokenId),
      serialNumbers: input.serialNumbers,
      deadlineInDays: input.deadlineInDays,
    });
    return payloadOf(UpdateDeviceMigrationDeadlinePayload, change);
  }

  @Authorized(Permission.PROFILE_ASSIGN)
  @Mutation(() => CancelDeviceMigrationPayload, {
    description: `Cancels migrations under way (School Manager API, CANCEL_MDM_MIGRATION): the devices stay with their MDM; the migrations end CANCELLED. OPERATOR and ADMIN; audited. ${ERRORS}, MIGRATION_NOT_IN_PROGRESS (\`extensions.serialNumbers\`). Nothing is sent or changed on an error.`,
  })
  async cancelDeviceMigration(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => CancelDeviceMigrationInput, { description: 'The devices.' }) input: CancelDeviceMigrationInput,
  ): Promise<CancelDeviceMigrationPayload> {
    const change = await this.services.migrations.cancel(ctx, { tokenId: tokenIdOf(input.tokenId), serialNumbers: input.serialNumbers });
    return payloadOf(CancelDeviceMigrationPayload, change);
  }

  @Authorized(Permission.DEVICE_READ)
  @Subscription(() => MigrationProgressType, {
    subscribe: async (data: SubscribeData) => {
      const { services, tokenId } = await subscribedToken(data);
      return progressFromNow(services, tokenId);
    },
    description:
      "Each change of the token's migrations without erase, as it happens. First, at once, a snapshot (`snapshot: true`, `statusCounts`: the token's migrations per status now); then one value per change (scheduled, deadline moved, cancelled, Apple finished its activity, the device began, enrolled or failed), after it was saved, with the migration read as it arrives. Streams until the client unsubscribes. Every role. Errors: NOT_FOUND.",
  })
  migrationProgressed(
    @Root() progress: MigrationProgressType,
    @Arg('tokenId', () => ID, { description: 'Global ID of the token whose migrations to follow.' }) _tokenId: string,
  ): MigrationProgressType {
    return progress;
  }
}
