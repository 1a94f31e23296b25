/**
 * The GraphQL face of a device's enrollment with Homeroom's MDM: the `EnrollmentState`
 * enum, `Device.enrollment` (a `DeviceEnrollment` value object) and the `DeviceEnrollmentChange`
 * events `deviceEnrollmentChanged` sends. Resolvers are in `device-enrollment.resolver.ts`.
 *
 * Only what an admin acts on is shown. The push token, push magic, unlock token and the identity
 * certificate's serial and fingerprint stay server-side: they are what it takes to push to,
 * clear the passcode of, or impersonate the device.
 */
import { Field, Int, ObjectType } from 'type-graphql';
import type { Device } from '../entities/device.entity.js';
import type { EnrollmentStateName } from '../entities/device-enrollment.entity.js';
import type { EnrollmentRecord } from '../services/device/device-rows.js';
import type { ResidentUser } from '../entities/resident-user.entity.js';
import { describedEnum } from '../schema/enums.js';
import type { DeviceEnrollmentChanged } from '../platform/events/event-bus.js';
import { DeviceType } from './device.type.js';

export const EnrollmentStateEnum = describedEnum<EnrollmentStateName>(
  'EnrollmentState',
  "Where a device stands with Homeroom's MDM. A device passes AWAITING_USER (profiles with user affinity), ENROLLING, then AWAITING_CONFIGURATION (only when its profile awaits configuration), then ENROLLED; FAILED and UNENROLLED end an enrollment, and the device may enroll again after either.",
  {
    NOT_CONTACTED: 'The device has never asked Homeroom to enroll.',
    AWAITING_USER:
      'The profile enrolls with user affinity: Homeroom asked the device for its user to sign in and waits for valid credentials (three wrong ones in a row end it FAILED).',
    ENROLLING: 'Homeroom accepted its MachineInfo and sent the enrollment profile; its check-in is pending.',
    AWAITING_CONFIGURATION:
      'Enrolled, and held in Setup Assistant until Homeroom sends DeviceConfigured (its profile has `awaitDeviceConfigured`).',
    ENROLLED: 'Enrolled and managed: Setup Assistant goes on.',
    FAILED: 'The enrollment failed; `failureReason` says why.',
    UNENROLLED: 'The device checked out: management was removed (on the device, or by an erase).',
  },
);

/** What a device that never contacted Homeroom shows: NOT_CONTACTED, every fact null. */
const NOT_CONTACTED = {
  state: 'NOT_CONTACTED',
  profileId: null,
  userId: null,
  maximumResidentUsers: null,
  failureReason: null,
  udid: null,
  osVersion: null,
  buildVersion: null,
  productName: null,
  supervised: null,
  startedAt: null,
  enrolledAt: null,
  lastContactedAt: null,
} as const satisfies Omit<DeviceEnrollmentType, 'deviceId'>;

/** A value object: the device's enrollment as it is now; a client refetches the device, not this. */
@ObjectType('DeviceEnrollment', {
  description:
    "A device's enrollment with Homeroom's MDM, as it is now: its state and what the device reported when it enrolled and checked in. NOT_CONTACTED, with every fact null, until the device first asks to enroll.",
})
export class DeviceEnrollmentType {
  /** Row ids: the device (for `residentUsers`), the profile it enrolled with and its signed-in user; field resolvers read them. */
  deviceId!: number;
  profileId!: number | null;
  userId!: number | null;

  @Field(() => EnrollmentStateEnum, { description: 'Where the device stands: never contacted, enrolling, enrolled, failed or unenrolled.' })
  state!: EnrollmentStateName;

  @Field(() => String, {
    nullable: true,
    description: 'Why the last enrollment failed, in words an admin can act on; null unless the state is FAILED.',
  })
  failureReason!: string | null;

  @Field(() => String, { nullable: true, description: 'The device UDID it enrolled with (MachineInfo `UDID`).' })
  udid!: string | null;

  @Field(() => String, { nullable: true, description: 'OS version it last reported, e.g. "18.1" (MachineInfo or check-in `OSVersion`).' })
  osVersion!: string | null;

  @Field(() => String, { nullable: true, description: 'OS build it last reported, e.g. "22B83" (`BuildVersion`).' })
  buildVersion!: string | null;

  @Field(() => String, { nullable: true, description: 'Hardware product it reported, e.g. "iPad13,18" (`ProductName`).' })
  productName!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Whether the device says it is supervised (its DeviceInformation answer's IsSupervised). null = the device did not say: not contacted or not answered yet, or it answered without IsSupervised; never the profile's setting.",
  })
  supervised!: boolean | null;

  @Field(() => Date, { nullable: true, description: 'When the device last asked to enroll (Homeroom accepted its MachineInfo).' })
  startedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the device became ENROLLED (after DeviceConfigured when it awaited configuration); null before.',
  })
  enrolledAt!: Date | null;

  @Field(() => Date, { nullable: true, description: "When the device last sent a request to any of Homeroom's MDM endpoints." })
  lastContactedAt!: Date | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Shared iPad: the most users the device keeps signed in (MaximumResidentUsers), once it acknowledged the profile's maximum cached users; null otherwise.",
  })
  maximumResidentUsers!: number | null;

  /** The row as GraphQL shows it; no row (never contacted) is NOT_CONTACTED. Secrets are not copied. */
  static from(row: EnrollmentRecord | null, deviceId: number): DeviceEnrollmentType {
    if (!row) return Object.assign(new DeviceEnrollmentType(), NOT_CONTACTED, { deviceId });
    return Object.assign(new DeviceEnrollmentType(), {
      deviceId,
      state: row.state,
      profileId: row.profileId,
      userId: row.userId,
      maximumResidentUsers: row.maximumResidentUsers,
      failureReason: row.failureReason,
      udid: row.udid,
      osVersion: row.osVersion,
      buildVersion: row.buildVersion,
      productName: row.productName,
      supervised: row.supervised,
      startedAt: row.startedAt,
      enrolledAt: row.enrolledAt,
      lastContactedAt: row.lastContactedAt,
    });
  }
}

/** A user signed in on a Shared iPad. */
@ObjectType('ResidentUserEntry', {
  description:
    'A user signed in on a Shared iPad (a user-channel TokenUpdate). A device keeps at most its `maximumResidentUsers`: a further sign-in drops the user whose last sign-in is oldest.',
})
export class ResidentUserType {
  /** Row id of the directory user of that name, if any; the `user` field resolves it. */
  userId!: number | null;

  @Field(() => String, { description: 'The Managed Apple Account the user signed in with (TokenUpdate `UserShortName`), lower-case.' })
  username!: string;

  @Field(() => String, { nullable: true, description: "The user's full name as the device sent it (`UserLongName`)." })
  displayName!: string | null;

  @Field(() => Date, { description: 'When the user first signed in on this device.' })
  firstSignedInAt!: Date;

  @Field(() => Date, { description: 'When the user last signed in on this device.' })
  lastSignedInAt!: Date;

  static from(row: ResidentUser): ResidentUserType {
    return Object.assign(new ResidentUserType(), {
      userId: row.userId,
      username: row.shortName,
      displayName: row.longName,
      firstSignedInAt: row.firstSignedInAt,
      lastSignedInAt: row.lastSignedInAt,
    });
  }
}

/** How many devices are in one enrollment state. */
@ObjectType('EnrollmentStateCount', { description: "How many of a token's devices are in one enrollment state." })
export class EnrollmentStateCountType {
  @Field(() => EnrollmentStateEnum, { description: 'The state.' })
  state!: EnrollmentStateName;

  @Field(() => Int, { description: "The token's devices (those Apple still lists) in that state." })
  count!: number;
}

/**
 * An event as it was published, with its device as read when the event arrived; or the first
 * value of a subscription, a snapshot of the token's devices by state.
 */
@ObjectType('DeviceEnrollmentChange', {
  description:
    "A device's enrollment moved to another state: sent once per state it passes, after the change was saved. `state` and `previousState` are the event's; `device` is read when the event arrives. The first value a subscription gets is a snapshot instead (`snapshot: true`): `stateCounts` set, `device`, `state` and `previousState` null.",
})
export class DeviceEnrollmentChangeType {
  @Field(() => Boolean, {
    description:
      "True on the first value, sent when the subscription starts: `stateCounts` gives how many of the token's devices are in each state then (a UI draws its summary from it and knows the stream is live, then moves one device from `previousState` to `state` per change). False on every change.",
  })
  snapshot!: boolean;

  @Field(() => [EnrollmentStateCountType], {
    nullable: true,
    description:
      "Snapshot only: the token's devices (those Apple still lists) per enrollment state, every state listed (count 0 included), NOT_CONTACTED counting devices that never asked to enroll; null on changes. A change saved while the snapshot was read may be counted in it and also sent after it.",
  })
  stateCounts!: EnrollmentStateCountType[] | null;

  @Field(() => DeviceType, {
    nullable: true,
    description:
      'The device, as it was when the event arrived (its `enrollment` is read then too, so it may already have moved on); null on the snapshot.',
  })
  device!: DeviceType | null;

  @Field(() => EnrollmentStateEnum, { nullable: true, description: 'The state the device entered; null on the snapshot.' })
  state!: EnrollmentStateName | null;

  @Field(() => EnrollmentStateEnum, {
    nullable: true,
    description: 'The state it left (NOT_CONTACTED on its first contact); null on the snapshot.',
  })
  previousState!: EnrollmentStateName | null;

  @Field(() => Date, { description: 'When the state changed (the server clock); for the snapshot, when it was taken.' })
  at!: Date;

  static from(event: DeviceEnrollmentChanged, device: Device): DeviceEnrollmentChangeType {
    return Object.assign(new DeviceEnrollmentChangeType(), {
      snapshot: false,
      stateCounts: null,
      device: DeviceType.from(device),
      state: event.state as EnrollmentStateName,
      previousState: event.previousState as EnrollmentStateName,
      at: new Date(event.at),
    });
  }

  /** The first value of a subscription: the token's devices per state, at `at`. */
  static snapshotOf(counts: ReadonlyMap<EnrollmentStateName, number>, at: Date): DeviceEnrollmentChangeType {
    return Object.assign(new DeviceEnrollmentChangeType(), {
      snapshot: true,
      stateCounts: [...counts].map(([state, count]) => Object.assign(new EnrollmentStateCountType(), { state, count })),
      device: null,
      state: null,
      previousState: null,
      at,
    });
  }
}
