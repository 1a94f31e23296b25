/**
 * Devices and enrollments read as plain rows, for the lists a frontend pages through.
 *
 * A page of 100 devices through TypeORM spent more CPU hydrating entities (metadata walks, a
 * transformer call and an intermediate object per column) than SQLite spent finding the rows, and
 * its garbage was a large share of the collector's work (bench/query.bench.ts). These reads select
 * the columns by hand and build each record in one step, normalising what the two drivers give
 * differently (`raw-sql.ts`). The records have exactly the entity's column fields and values, so
 * everything downstream reads them as it read the entities (test/services/device/device-rows.test.ts
 * holds them equal on both databases).
 */
import type { DeviceEnrollment } from '../../entities/device-enrollment.entity.js';
import type { Device } from '../../entities/device.entity.js';
import {
  rowBoolean,
  rowBooleanOrNull,
  rowInstant,
  rowInstantOrNull,
  rowInteger,
  rowIntegerOrNull,
  rowTextOrNull,
  selectList,
} from '../../entities/raw-sql.js';

/** A device's columns, without its relations: what a device list gives. */
export type DeviceRecord = Omit<Device, 'token' | 'profile' | 'movedAwayFromToken'>;

/** The enrollment columns the API shows (no secrets, no identity), keyed like the entity. */
export type EnrollmentRecord = Pick<
  DeviceEnrollment,
  | 'deviceId'
  | 'tokenId'
  | 'profileId'
  | 'state'
  | 'userId'
  | 'maximumResidentUsers'
  | 'failureReason'
  | 'udid'
  | 'osVersion'
  | 'buildVersion'
  | 'productName'
  | 'supervised'
  | 'startedAt'
  | 'enrolledAt'
  | 'lastContactedAt'
>;

type Raw = Record<string, unknown>;

/** Every column of a device row, as the entity's property names. */
export const DEVICE_PROPERTIES = [
  'id',
  'tokenId',
  'serialNumber',
  'model',
  'description',
  'color',
  'assetTag',
  'os',
  'deviceFamily',
  'profileStatus',
  'appleProfileUuid',
  'profileAssignTime',
  'profilePushTime',
  'deviceAssignedDate',
  'deviceAssignedBy',
  'profileId',
  'firstSeenAt',
  'lastSeenAt',
  'removedAt',
  'movedAwayFromTokenId',
  'movedAwayAt',
  'requiresWipe',
  'mdmMigrationDeadline',
  'releasedFromOrgAt',
  'orderNumber',
  'purchaseSourceType',
  'appleCareStatus',
  'appleCareDescription',
  'appleCareEndsAt',
  'schoolManagerCheckedAt',
] as const satisfies ReadonlyArray<keyof DeviceRecord>;

/** The select list of a device row, on the table aliased `device`. */
export const DEVICE_COLUMNS = selectList('device', DEVICE_PROPERTIES);

/** The select list of these columns of a device row (a list that reads fewer, `DeviceService.listIn`). */
export function deviceColumnsOf(properties: ReadonlyArray<keyof DeviceRecord>): string {
  return selectList('device', properties);
}

/**
 * One device row (selected with {@link DEVICE_COLUMNS}, or fewer columns) as a record. A column
 * not selected comes back null (false for `requiresWipe`), whatever its type says: a caller that
 * reads fewer columns reads only those.
 */
export function deviceRecordOf(raw: Raw): DeviceRecord {
  return {
    id: rowInteger(raw.id),
    tokenId: rowInteger(raw.token_id),
    serialNumber: (raw.serial_number ?? null) as string,
    model: rowTextOrNull(raw.model),
    description: rowTextOrNull(raw.description),
    color: rowTextOrNull(raw.color),
    assetTag: rowTextOrNull(raw.asset_tag),
    os: rowTextOrNull(raw.os),
    deviceFamily: rowTextOrNull(raw.device_family),
    profileStatus: (raw.profile_status ?? null) as string,
    appleProfileUuid: rowTextOrNull(raw.apple_profile_uuid),
    profileAssignTime: rowInstantOrNull(raw.profile_assign_time),
    profilePushTime: rowInstantOrNull(raw.profile_push_time),
    deviceAssignedDate: rowInstantOrNull(raw.device_assigned_date),
    deviceAssignedBy: rowTextOrNull(raw.device_assigned_by),
    profileId: rowIntegerOrNull(raw.profile_id),
    firstSeenAt: rowInstantOrNull(raw.first_seen_at) as Date,
    lastSeenAt: rowInstantOrNull(raw.last_seen_at) as Date,
    removedAt: rowInstantOrNull(raw.removed_at),
    movedAwayFromTokenId: rowIntegerOrNull(raw.moved_away_from_token_id),
    movedAwayAt: rowInstantOrNull(raw.moved_away_at),
    requiresWipe: rowBoolean(raw.requires_wipe),
    mdmMigrationDeadline: rowInstantOrNull(raw.mdm_migration_deadline),
    releasedFromOrgAt: rowInstantOrNull(raw.released_from_org_at),
    orderNumber: rowTextOrNull(raw.order_number),
    purchaseSourceType: rowTextOrNull(raw.purchase_source_type),
    appleCareStatus: rowTextOrNull(raw.apple_care_status),
    appleCareDescription: rowTextOrNull(raw.apple_care_description),
    appleCareEndsAt: rowInstantOrNull(raw.apple_care_ends_at),
    schoolManagerCheckedAt: rowInstantOrNull(raw.school_manager_checked_at),
  };
}

const ENROLLMENT_PROPERTIES = [
  'deviceId',
  'tokenId',
  'profileId',
  'state',
  'userId',
  'maximumResidentUsers',
  'failureReason',
  'udid',
  'osVersion',
  'buildVersion',
  'productName',
  'supervised',
  'startedAt',
  'enrolledAt',
  'lastContactedAt',
] as const satisfies ReadonlyArray<keyof EnrollmentRecord>;

/** The select list of an enrollment row, on the table aliased `enrollment`. */
export const ENROLLMENT_COLUMNS = selectList('enrollment', ENROLLMENT_PROPERTIES);

/** One enrollment row (selected with {@link ENROLLMENT_COLUMNS}) as a record. */
export function enrollmentRecordOf(raw: Raw): EnrollmentRecord {
  return {
    deviceId: rowInteger(raw.device_id),
    tokenId: rowInteger(raw.token_id),
    profileId: rowIntegerOrNull(raw.profile_id),
    state: raw.state as EnrollmentRecord['state'],
    userId: rowIntegerOrNull(raw.user_id),
    maximumResidentUsers: rowIntegerOrNull(raw.maximum_resident_users),
    failureReason: rowTextOrNull(raw.failure_reason),
    udid: rowTextOrNull(raw.udid),
    osVersion: rowTextOrNull(raw.os_version),
    buildVersion: rowTextOrNull(raw.build_version),
    productName: rowTextOrNull(raw.product_name),
    supervised: rowBooleanOrNull(raw.supervised),
    startedAt: rowInstant(raw.started_at),
    enrolledAt: rowInstantOrNull(raw.enrolled_at),
    lastContactedAt: rowInstantOrNull(raw.last_contacted_at),
  };
}
