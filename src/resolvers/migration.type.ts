/**
 * The GraphQL face of migration without erase: a device's migration (a Node), the payloads of the
 * three mutations, the eligibility verdicts, and the `migrationProgressed` stream's values.
 */
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { MigrationStatus, type DeviceMigration } from '../entities/device-migration.entity.js';
import { toGlobalId } from '../global-id.js';
import { describedEnum } from '../schema/enums.js';
import { Node } from '../schema/node.type.js';
import { MIGRATION_REFUSAL_DESCRIPTIONS, type MigrationRefusalReason as RefusalReason } from '../services/migration/migration-rules.js';
import type { MigrationEligibility } from '../services/migration/migration.service.js';
import { DEVICE_TYPE } from './device.type.js';

export const MigrationStatusEnum = describedEnum<MigrationStatus>('MigrationStatus', 'Where a migration without erase stands.', {
  [MigrationStatus.REQUESTED]: 'Apple was asked to move the device with a deadline; the device has not contacted Homeroom yet.',
  [MigrationStatus.STARTED]: 'The device began enrolling with Homeroom (the user chose to migrate, or the deadline came).',
  [MigrationStatus.SUCCESS]: 'The device enrolled with Homeroom without erase and is ENROLLED.',
  [MigrationStatus.FAILED]: 'Apple refused the device, or its enrollment with Homeroom failed: `failureReason` says which.',
  [MigrationStatus.CANCELLED]: 'Homeroom cancelled the migration at Apple; the device stays with its MDM.',
});

export const MigrationRefusalReasonEnum = describedEnum<RefusalReason>(
  'MigrationRefusalReason',
  'Why a device cannot be scheduled to migrate without erase.',
  MIGRATION_REFUSAL_DESCRIPTIONS,
);

export const DEVICE_MIGRATION_TYPE = 'DeviceMigration';

@ObjectType(DEVICE_MIGRATION_TYPE, {
  implements: Node,
  description:
    "A device's migration without erase (iPadOS 26+) to a token's MDM server, scheduled through the Apple School Manager API: the device leaves its current MDM by `deadline` (earlier if its user chooses), keeps its data, and Homeroom takes over the apps it kept before releasing it from Setup Assistant.",
})
export class DeviceMigrationType extends Node {
  id!: number;
  tokenId!: number;

  @Field(() => String, { description: 'The device, by serial number (it may have no `Device` yet: it arrives with the next sync).' })
  serialNumber!: string;

  @Field(() => MigrationStatusEnum, { description: 'Where the migration stands.' })
  status!: MigrationStatus;

  @Field(() => Date, { description: 'When Apple forces the migration on the device.' })
  deadline!: Date;

  @Field(() => [String], {
    description: 'Bundle ids of the managed apps the device keeps; Homeroom takes them over before DeviceConfigured.',
  })
  keptApps!: string[];

  @Field(() => [String], { description: 'Those of `keptApps` the device has acknowledged taking over so far.' })
  reinstalledApps!: string[];

  @Field(() => String, { description: "Apple's id of the last School Manager API activity sent for the device." })
  activityId!: string;

  @Field(() => String, {
    description: 'That activity: ASSIGN_DEVICES_WITH_MDM_MIGRATION_DEADLINE, UPDATE_MDM_MIGRATION_DEADLINE or CANCEL_MDM_MIGRATION.',
  })
  activityType!: string;

  @Field(() => String, { description: "Apple's status of that activity: IN_PROGRESS, COMPLETED, FAILED or STOPPED." })
  activityStatus!: string;

  @Field(() => String, { nullable: true, description: "Why it FAILED (Apple's log line, or the enrollment's failure); null otherwise." })
  failureReason!: string | null;

  @Field(() => Date, { description: 'When it was scheduled.' })
  requestedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the device began enrolling with Homeroom; null before.' })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it ended (SUCCESS, FAILED or CANCELLED); null while under way.' })
  finishedAt!: Date | null;

  @Field(() => Date, { description: 'When it last changed.' })
  updatedAt!: Date;

  override get globalId(): string {
    return toGlobalId(DEVICE_MIGRATION_TYPE, this.id);
  }

  static from(row: DeviceMigration): DeviceMigrationType {
    return Object.assign(new DeviceMigrationType(), {
      id: row.id,
      tokenId: row.tokenId,
      serialNumber: row.serialNumber,
      status: row.status,
      deadline: row.deadline,
      keptApps: row.keptApps,
      reinstalledApps: row.reinstalledApps,
      activityId: row.activityId,
      activityType: row.activityType,
      activityStatus: row.activityStatus,
      failureReason: row.failureReason,
      requestedAt: row.requestedAt,
      startedAt: row.startedAt,
      finishedAt: row.finishedAt,
      updatedAt: row.updatedAt,
    });
  }
}

@ObjectType('MigrationEligibilityStatus', {
  description: 'Whether a device may be scheduled to migrate without erase now (a value object: ask again for a fresh one).',
})
export class MigrationEligibilityType {
  @Field(() => String, { description: 'The device, by serial number.' })
  serialNumber!: string;

  @Field(() => Boolean, { description: 'True when it may be scheduled.' })
  eligible!: boolean;

  @Field(() => MigrationRefusalReasonEnum, { nullable: true, description: 'Why not; null when eligible.' })
  reason!: RefusalReason | null;

  @Field(() => String, { nullable: true, description: 'The reason in words; null when eligible.' })
  message!: string | null;

  static from(verdict: MigrationEligibility): MigrationEligibilityType {
    return Object.assign(new MigrationEligibilityType(), { ...verdict, eligible: verdict.reason === null });
  }
}

/** The three mutations answer alike: Apple's activity and the migrations as saved. */
function migrationPayload(name: string, what: string) {
  @ObjectType(name, { description: `${what}: Apple's activity and the migrations as saved.` })
  class MigrationPayload {
    @Field(() => String, {
      description: "Apple's id of the School Manager API activity sent; Homeroom follows it until Apple finishes it.",
    })
    activityId!: string;

    @Field(() => [DeviceMigrationType], { description: 'The migrations, one per device named, as saved.' })
    migrations!: DeviceMigrationType[];
  }
  return MigrationPayload;
}

export const ScheduleDeviceMigrationPayload = migrationPayload('ScheduleDeviceMigrationPayload', 'The migrations scheduled');
export type ScheduleDeviceMigrationPayload = InstanceType<typeof ScheduleDeviceMigrationPayload>;
export const UpdateDeviceMigrationDeadlinePayload = migrationPayload('UpdateDeviceMigrationDeadlinePayload', 'The deadlines moved');
export type UpdateDeviceMigrationDeadlinePayload = InstanceType<typeof UpdateDeviceMigrationDeadlinePayload>;
export const CancelDeviceMigrationPayload = migrationPayload('CancelDeviceMigrationPayload', 'The migrations cancelled');
export type CancelDeviceMigrationPayload = InstanceType<typeof CancelDeviceMigrationPayload>;

@ObjectType('MigrationStatusCount', { description: "How many of a token's migrations are in one status." })
export class MigrationStatusCountType {
  @Field(() => MigrationStatusEnum, { description: 'The status.' })
  status!: MigrationStatus;

  @Field(() => Int, { description: 'How many migrations of the token are in it.' })
  count!: number;
}

@ObjectType('MigrationProgress', {
  description:
    "A migration of the token moved on (scheduled, deadline moved, cancelled, Apple finished its activity, or its device's enrollment advanced), after the change was saved. The first value a subscription gets is a snapshot instead (`snapshot: true`): `statusCounts` set, `migration` null.",
})
export class MigrationProgressType {
  @Field(() => Boolean, { description: 'True on the first value only: the snapshot of the token’s migrations per status.' })
  snapshot!: boolean;

  @Field(() => [MigrationStatusCountType], {
    nullable: true,
    description: "Snapshot only: the token's migrations per status, every status listed; null on changes.",
  })
  statusCounts!: MigrationStatusCountType[] | null;

  @Field(() => MigrationStatusEnum, {
    nullable: true,
    description: "The status the change left the migration in (the event's, whatever happened since); null on the snapshot.",
  })
  status!: MigrationStatus | null;

  @Field(() => DeviceMigrationType, {
    nullable: true,
    description: 'The migration as read when the event arrived (it may have moved on since the change); null on the snapshot.',
  })
  migration!: DeviceMigrationType | null;

  @Field(() => ID, {
    nullable: true,
    description: "Global ID of the migration's device when Homeroom has it (it arrives with a sync); null otherwise and on the snapshot.",
  })
  deviceId!: string | null;

  @Field(() => Date, { description: 'When the migration changed (the server clock); for the snapshot, when it was taken.' })
  at!: Date;

  static change(status: MigrationStatus, migration: DeviceMigration, deviceId: number | null, at: Date): MigrationProgressType {
    return Object.assign(new MigrationProgressType(), {
      snapshot: false,
      status,
      statusCounts: null,
      migration: DeviceMigrationType.from(migration),
      deviceId: deviceId === null ? null : toGlobalId(DEVICE_TYPE, deviceId),
      at,
    });
  }

  static snapshotOf(counts: ReadonlyArray<{ status: MigrationStatus; count: number }>, at: Date): MigrationProgressType {
    const found = new Map(counts.map((entry) => [entry.status, entry.count]));
    return Object.assign(new MigrationProgressType(), {
      snapshot: true,
      statusCounts: Object.values(MigrationStatus).map((status) =>
        Object.assign(new MigrationStatusCountType(), { status, count: found.get(status) ?? 0 }),
      ),
      status: null,
      migration: null,
      deviceId: null,
      at,
    });
  }
}
