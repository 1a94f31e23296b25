/**
 * The `Device` Node type: a device Apple assigns to a token's MDM server, with every field
 * Apple sends (Device Assignment API section 6) and Homeroom's own (token, profile, first and
 * last seen, removed). `token` and `profile` are field resolvers in `device.resolver.ts`.
 */
import { Field, Int, ObjectType } from 'type-graphql';
import { describedEnum } from '../schema/enums.js';
import { DEVICE_PROPERTIES, type DeviceRecord } from '../services/device/device-rows.js';
import { Connection } from '../schema/connection.type.js';
import { toGlobalId } from '../global-id.js';
import { Node } from '../schema/node.type.js';

/** Apple's `profile_status`, upper-cased. */
export const DeviceProfileStatus = describedEnum(
  'DeviceProfileStatus',
  "Apple's `profile_status` of a device: where its enrollment profile stands at Apple.",
  {
    EMPTY: 'No profile is assigned at Apple.',
    ASSIGNED: 'A profile is assigned at Apple; the device has not fetched it yet.',
    PUSHED: 'The device fetched its profile from Apple (at activation).',
    REMOVED: 'The profile was removed at Apple; Apple still shows its UUID.',
  },
);
export type DeviceProfileStatus = keyof typeof DeviceProfileStatus;

const PROFILE_STATUSES: ReadonlySet<string> = new Set(Object.values(DeviceProfileStatus));

/** Apple's lower-case word as the enum; anything Apple may add later reads as EMPTY rather than failing the query. */
function profileStatusOf(apple: string): DeviceProfileStatus {
  // Null only when a list did not read the column (`deviceColumnsFor`): the field is not selected then.
  const upper = apple === null ? '' : apple.toUpperCase();
  return PROFILE_STATUSES.has(upper) ? (upper as DeviceProfileStatus) : DeviceProfileStatus.EMPTY;
}

export const DEVICE_TYPE = 'Device';

@ObjectType(DEVICE_TYPE, {
  implements: Node,
  description:
    "A device Apple School Manager assigns to a token's MDM server: every field Apple sends, as of the last sync that saw it, plus what Homeroom knows (its token, its enrollment profile, first and last seen, removed). Serial numbers are unique: a device moved to another token's MDM server moves to that token, and remembers the token it left (`movedAwayFrom`, `movedAwayAt`).",
})
export class DeviceType extends Node {
  id!: number;

  /** Row ids; the `token`, `profile` and `movedAwayFrom` fields resolve them. */
  tokenId!: number;
  profileId!: number | null;
  movedAwayFromTokenId!: number | null;

  @Field(() => String, { description: 'The serial number (Apple `serial_number`).' })
  serialNumber!: string;

  @Field(() => String, { nullable: true, description: 'Model name (Apple `model`), e.g. "iPad (10th generation)".' })
  model!: string | null;

  @Field(() => String, { nullable: true, description: 'Apple `description`, e.g. "IPAD WI-FI 64GB SILVER".' })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'Colour (Apple `color`).' })
  color!: string | null;

  @Field(() => String, { nullable: true, description: 'Asset tag recorded in Apple School Manager (Apple `asset_tag`).' })
  assetTag!: string | null;

  @Field(() => String, { nullable: true, description: 'Operating system (Apple `os`: iOS, iPadOS, OSX, tvOS, ...).' })
  os!: string | null;

  @Field(() => String, { nullable: true, description: 'Device family (Apple `device_family`: iPad, iPhone, Mac, AppleTV, ...).' })
  deviceFamily!: string | null;

  @Field(() => DeviceProfileStatus, { description: "Where the device's enrollment profile stands at Apple (Apple `profile_status`)." })
  profileStatus!: DeviceProfileStatus;

  @Field(() => String, {
    nullable: true,
    description: 'UUID of the profile Apple holds for the device (Apple `profile_uuid`); null when none.',
  })
  appleProfileUuid!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the profile was assigned at Apple (Apple `profile_assign_time`).' })
  profileAssignTime!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the device fetched its profile (Apple `profile_push_time`).' })
  profilePushTime!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the device was assigned to the MDM server (Apple `device_assigned_date`).' })
  deviceAssignedDate!: Date | null;

  @Field(() => String, { nullable: true, description: 'Who assigned it in Apple School Manager (Apple `device_assigned_by`).' })
  deviceAssignedBy!: string | null;

  @Field(() => Date, { description: 'When a sync first listed the device.' })
  firstSeenAt!: Date;

  @Field(() => Date, { description: 'When a sync last listed or changed the device.' })
  lastSeenAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description:
      "When Apple stopped listing the device for its token's MDM server (unassigned, released, or moved to a server without a token in Homeroom); null while assigned. A device moved to another token's server is that token's device instead (`movedAwayAt`).",
  })
  removedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description:
      "When Apple School Manager moved the device to its token's MDM server (`token`) from another token's (`movedAwayFrom`): Apple's `device_assigned_date` on the new server, else when a sync first saw it there. Null when it never moved between Homeroom's tokens. The token it left lists it with the `movedAway` filter (and counts it in `movedAwayDeviceCount`), no longer in its `devices` or `deviceCount`.",
  })
  movedAwayAt!: Date | null;

  @Field(() => Boolean, {
    description:
      "True when the device must be wiped (erased) and set up again to pick up the profile Apple now holds for it, and keeps its old configuration until then: a profile was assigned after it had been activated with another one (Apple status PUSHED), or it is ENROLLED or AWAITING_CONFIGURATION with Homeroom under a profile other than the one Apple now holds for it, whichever token it is under (e.g. moved in Apple School Manager to another token's MDM server, which gave it that token's profile). False again once it enrolls after the wipe.",
  })
  requiresWipe!: boolean;

  @Field(() => Date, {
    nullable: true,
    description:
      'When Apple released the device from the organisation (School Manager API `releasedFromOrgDateTime`), or, when Apple no longer knows it at all, when a reconcile first noticed. DEP sends no change for a release, so only a reconcile with the School Manager API (`reconcileWithSchoolManager`, and after each sync when the organisation has an API account) sets it. Null while it belongs to the organisation, or before any reconcile.',
  })
  releasedFromOrgAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'The purchase order it came with (School Manager API `orderNumber`); null before a reconcile.',
  })
  orderNumber!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'How it joined the organisation (School Manager API `purchaseSourceType`): APPLE, RESELLER or MANUALLY_ADDED; null before a reconcile.',
  })
  purchaseSourceType!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Its AppleCare coverage: ACTIVE or INACTIVE (of the active coverage ending last, else the one that ended last), NONE when Apple lists none; null until a reconcile read it (at most 500 devices a reconcile).',
  })
  appleCareStatus!: string | null;

  @Field(() => String, { nullable: true, description: "That coverage's name, e.g. `AppleCare+ for Schools` or `Limited Warranty`." })
  appleCareDescription!: string | null;

  @Field(() => Date, { nullable: true, description: 'When that coverage ends (or ended).' })
  appleCareEndsAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When a reconcile with the School Manager API last read the device; null before any.' })
  schoolManagerCheckedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description:
      "Apple's `mdm_migration_deadline`: the device is migrating to this token's MDM server without erase and must enroll by then (it never requires a wipe); null otherwise. `migration` has Homeroom's side of it.",
  })
  mdmMigrationDeadline!: Date | null;

  override get globalId(): string {
    return toGlobalId(DEVICE_TYPE, this.id);
  }

  /**
   * The row as GraphQL shows it. Assigned field by field on the new object, not with
   * `Object.assign` from a literal: a page of devices builds hundreds of these a request, and the
   * literal would be one more object each for the collector.
   */
  static from(device: DeviceRecord): DeviceType {
    const type = new DeviceType();
    type.id = device.id;
    type.tokenId = device.tokenId;
    type.profileId = device.profileId;
    type.serialNumber = device.serialNumber;
    type.model = device.model;
    type.description = device.description;
    type.color = device.color;
    type.assetTag = device.assetTag;
    type.os = device.os;
    type.deviceFamily = device.deviceFamily;
    type.profileStatus = profileStatusOf(device.profileStatus);
    type.appleProfileUuid = device.appleProfileUuid;
    type.profileAssignTime = device.profileAssignTime;
    type.profilePushTime = device.profilePushTime;
    type.deviceAssignedDate = device.deviceAssignedDate;
    type.deviceAssignedBy = device.deviceAssignedBy;
    type.firstSeenAt = device.firstSeenAt;
    type.lastSeenAt = device.lastSeenAt;
    type.removedAt = device.removedAt;
    type.movedAwayFromTokenId = device.movedAwayFromTokenId;
    type.movedAwayAt = device.movedAwayAt;
    type.requiresWipe = device.requiresWipe;
    type.releasedFromOrgAt = device.releasedFromOrgAt;
    type.orderNumber = device.orderNumber;
    type.purchaseSourceType = device.purchaseSourceType;
    type.appleCareStatus = device.appleCareStatus;
    type.appleCareDescription = device.appleCareDescription;
    type.appleCareEndsAt = device.appleCareEndsAt;
    type.schoolManagerCheckedAt = device.schoolManagerCheckedAt;
    type.mdmMigrationDeadline = device.mdmMigrationDeadline;
    return type;
  }
}

/**
 * The columns a field of `Device` reads besides its own (fields of the same name as a column read
 * that column): the links field resolvers follow. A field in neither (one added later) makes a
 * list read every column.
 */
const LINK_COLUMNS: Readonly<Record<string, ReadonlyArray<keyof DeviceRecord>>> = {
  __typename: [],
  id: ['id'],
  token: ['tokenId'],
  movedAwayFrom: ['movedAwayFromTokenId'],
  profile: ['profileId'],
  enrollment: ['id'],
  migration: ['serialNumber'],
};

/** Read whatever is selected: the ids and the serial number every field resolver and cursor may need. */
const ALWAYS: ReadonlyArray<keyof DeviceRecord> = ['id', 'tokenId', 'profileId', 'movedAwayFromTokenId', 'serialNumber'];

/**
 * The columns a list must read for these selected `Device` fields (`connectionItemFields`); null
 * (every column) when a field is not known here. Fields left out come back null and are never read.
 */
export function deviceColumnsFor(fields: ReadonlySet<string>): Array<keyof DeviceRecord> | null {
  const columns = new Set<keyof DeviceRecord>(ALWAYS);
  for (const field of fields) {
    const links = LINK_COLUMNS[field];
    if (links) for (const column of links) columns.add(column);
    else if ((DEVICE_PROPERTIES as readonly string[]).includes(field)) columns.add(field as keyof DeviceRecord);
    else return null;
  }
  return [...columns];
}

export const DeviceConnection = Connection(DeviceType, DEVICE_TYPE);

/** A value object (no identity of its own): one model name of a token's devices and how many have it. */
@ObjectType('DeviceModelCount', { description: "A model name among a token's devices, with how many devices have it." })
export class DeviceModelCountType {
  @Field(() => String, { description: 'The model name as Apple sends it; pass it as the `model` filter.' })
  model!: string;

  @Field(() => Int, { description: 'How many of the devices `devices` lists without a filter have this model.' })
  deviceCount!: number;
}
