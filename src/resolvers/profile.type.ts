/**
 * The `EnrollmentProfile` GraphQL type, its enums, connection and mutation payloads.
 *
 * The entity holds JSON columns and Apple's skip keys; this type shows what a frontend needs:
 * lists, the pane enum, the enrollment URL, and facts from other rows (device count, default).
 * Instances are built from a row with {@link profileTypes}, which reads those facts for a whole
 * page in two queries.
 */
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { EnrollmentProfile } from '../entities/enrollment-profile.entity.js';
import { ErrorCode } from '../errors.js';
import { Connection } from '../schema/connection.type.js';
import { toGlobalId } from '../global-id.js';
import { Node } from '../schema/node.type.js';
import type { Page } from '../entities/pagination.js';
import { DeviceIdentityKind, PairingMode, UserAffinity, WifiSecurity } from '../entities/enrollment-profile.entity.js';
import { WIFI_SECURITY_DESCRIPTIONS } from '../services/profile/wifi-settings.js';
import {
  IDENTITY_KIND_DESCRIPTIONS,
  PAIRING_MODE_DESCRIPTIONS,
  PROFILE_LIMITS,
  SETUP_ASSISTANT_PANES,
  SetupAssistantPane,
  USER_AFFINITY_DESCRIPTIONS,
} from '../services/profile/profile-settings.js';
import { inputOf, type ProfileFacts } from '../services/profile/profile.service.js';
import type { Services } from '../services/services.js';
import { EnrollmentProgramTokenType } from './token.type.js';

registerEnumType(UserAffinity, {
  name: 'UserAffinity',
  description: 'Whether devices enroll with or without user affinity (seed 002). Shared iPad needs WITH_USER_AFFINITY.',
  valuesConfig: Object.fromEntries(Object.entries(USER_AFFINITY_DESCRIPTIONS).map(([k, d]) => [k, { description: d }])),
});

registerEnumType(PairingMode, {
  name: 'PairingMode',
  description: 'Whether devices may pair with (sync to) computers.',
  valuesConfig: Object.fromEntries(Object.entries(PAIRING_MODE_DESCRIPTIONS).map(([k, d]) => [k, { description: d }])),
});

registerEnumType(DeviceIdentityKind, {
  name: 'DeviceIdentityKind',
  description:
    "How an enrolling device gets the identity its MDM check-ins are signed with (the profile's, else the server's MDM_IDENTITY).",
  valuesConfig: Object.fromEntries(Object.entries(IDENTITY_KIND_DESCRIPTIONS).map(([k, d]) => [k, { description: d }])),
});

registerEnumType(WifiSecurity, {
  name: 'WifiSecurity',
  description: 'How a Return to Service Wi-Fi network is secured (the Wi-Fi payload `EncryptionType`).',
  valuesConfig: Object.fromEntries(Object.entries(WIFI_SECURITY_DESCRIPTIONS).map(([k, d]) => [k, { description: d }])),
});

@ObjectType('ReturnToServiceWifiStatus', {
  description: "A profile's Return to Service Wi-Fi network as set, without its password (sealed, never returned).",
})
export class ReturnToServiceWifiStatusType {
  @Field(() => String, { description: 'The network name (SSID).' })
  ssid!: string;

  @Field(() => WifiSecurity, { description: 'How the network is secured.' })
  security!: WifiSecurity;

  @Field(() => Boolean, { description: 'True when a password is stored (WPA2, WPA3).' })
  hasPassword!: boolean;
}

registerEnumType(SetupAssistantPane, {
  name: 'SetupAssistantPane',
  description:
    "A Setup Assistant pane a profile skips (Apple's `skip_setup_items`). A skipped pane's setting can be changed later in Settings. Every iOS and iPadOS pane Apple lets an MDM skip; deprecated ones are still sent but ignored by current systems.",
  valuesConfig: Object.fromEntries(
    Object.entries(SETUP_ASSISTANT_PANES).map(([k, info]) => [
      k,
      info.deprecationReason
        ? { description: info.description, deprecationReason: info.deprecationReason }
        : { description: info.description },
    ]),
  ),
});

/** The GraphQL type name, also the type part of the global ID. */
export const ENROLLMENT_PROFILE_TYPE = 'EnrollmentProfile';

@ObjectType(ENROLLMENT_PROFILE_TYPE, {
  implements: Node,
  description:
    'An enrollment profile of a token (seed 002): the settings a device gets from Apple at activation. Every change is a new definition at Apple; devices move with it.',
})
export class EnrollmentProfileType extends Node {
  id!: number;

  /** The token's row id; the `token` field resolves it. */
  tokenId!: number;

  @Field(() => String, { description: `Shown in Homeroom and sent to Apple; 1 to ${PROFILE_LIMITS.name} characters, unique per token.` })
  name!: string;

  @Field(() => String, { nullable: true, description: `For admins, not sent to Apple (at most ${PROFILE_LIMITS.description} characters).` })
  description!: string | null;

  @Field(() => UserAffinity, { description: 'Whether devices enroll with or without user affinity.' })
  userAffinity!: UserAffinity;

  @Field(() => Boolean, { description: 'Supervised devices: more management options; Activation Lock off by default. Set at activation.' })
  supervised!: boolean;

  @Field(() => Boolean, {
    description: 'The management profile cannot be removed in Settings (Apple `is_mdm_removable: false`). Requires supervised.',
  })
  lockedEnrollment!: boolean;

  @Field(() => Boolean, {
    description:
      'Shared iPad: several students sign in with Managed Apple Accounts (Apple `is_multi_user`). Requires WITH_USER_AFFINITY and supervised.',
  })
  sharedIPad!: boolean;

  @Field(() => Int, {
    nullable: true,
    description: `Shared iPad only: how many users get a partition on the device, ${PROFILE_LIMITS.maximumCachedUsers.min} to ${PROFILE_LIMITS.maximumCachedUsers.max} (e.g. the students who use it in a week). Sent to the device, not to Apple; null lets the device decide.`,
  })
  maximumCachedUsers!: number | null;

  @Field(() => PairingMode, { description: 'Whether devices may pair with computers.' })
  pairing!: PairingMode;

  @Field(() => [String], {
    description: `PEM certificates of the Apple Configurator hosts allowed to pair (pairing ALLOW_CONFIGURATOR_BY_CERTIFICATE; 1 to ${PROFILE_LIMITS.configuratorCertificates}); empty otherwise.`,
  })
  configuratorCertificates!: string[];

  @Field(() => Boolean, { description: 'Setup waits until Homeroom releases the device (Apple `await_device_configured`).' })
  awaitDeviceConfigured!: boolean;

  @Field(() => DeviceIdentityKind, {
    nullable: true,
    description:
      "How its devices get their MDM identity; null: the server's default (MDM_IDENTITY). Homeroom's setting, not sent to Apple.",
  })
  identityKind!: DeviceIdentityKind | null;

  @Field(() => String, {
    nullable: true,
    description: `Shown when the user taps About Configuration during activation (Apple \`department\`; at most ${PROFILE_LIMITS.departmentName} characters).`,
  })
  departmentName!: string | null;

  @Field(() => String, {
    nullable: true,
    description: `Shown when the user taps Need Help during activation (Apple \`support_phone_number\`; at most ${PROFILE_LIMITS.departmentPhone} characters).`,
  })
  departmentPhone!: string | null;

  @Field(() => [SetupAssistantPane], { description: 'Setup Assistant panes skipped, in the enum order.' })
  skippedPanes!: SetupAssistantPane[];

  @Field(() => Boolean, {
    description:
      'Return to Service (Apple `is_return_to_service`, iPadOS 26): a device in return-to-service mode asks Homeroom for its Wi-Fi and MDM profiles and comes back after an erase without a person.',
  })
  isReturnToService!: boolean;

  @Field(() => ReturnToServiceWifiStatusType, {
    nullable: true,
    description: 'The Wi-Fi network devices of this profile join when they return to service; null: none set (setEnrollmentProfileWifi).',
  })
  returnToServiceWifi!: ReturnToServiceWifiStatusType | null;

  @Field(() => String, {
    description:
      "Homeroom's MDM enrollment URL for this profile (PUBLIC_URL + /mdm/enroll/...), which Apple hands devices. Stable for the profile's life.",
  })
  enrollmentUrl!: string;

  @Field(() => String, { description: "Apple's UUID of the current definition; a new one after every change Apple holds." })
  appleProfileUuid!: string;

  @Field(() => Date, { description: 'When Apple accepted the current definition.' })
  appleDefinedAt!: Date;

  @Field(() => Boolean, { description: "True when this is its token's default profile for new devices." })
  isDefault!: boolean | Promise<boolean>;

  @Field(() => Int, { description: 'Devices assigned to this profile and still on the token.' })
  deviceCount!: number | Promise<number>;

  @Field(() => Date, { description: 'When the profile was created.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When the profile was last changed.' })
  updatedAt!: Date;

  /** The class is not named like the GraphQL type (the entity has that name), so the ID names the type itself. */
  override get globalId(): string {
    return toGlobalId(ENROLLMENT_PROFILE_TYPE, this.id);
  }
}

/** Profiles as GraphQL objects, in the order given, with their facts read in one go. */
export async function profileTypes(services: Services, rows: readonly EnrollmentProfile[]): Promise<EnrollmentProfileType[]> {
  const facts = await services.profiles.factsFor(rows);
  return rows.map((row) =>
    Object.assign(withoutFacts(services, row), {
      isDefault: facts.get(row.id)?.isDefault ?? false,
      deviceCount: facts.get(row.id)?.deviceCount ?? 0,
    }),
  );
}

/**
 * {@link profileTypes} for profiles other rows link to (the few a page of devices names):
 * `isDefault` and `deviceCount` are read through `facts` only when a query selects them, since
 * counting a profile's devices reads every one of them, which a page of 100 devices should not
 * pay for when it asks for the profiles' names.
 */
export function linkedProfileTypes(
  services: Services,
  rows: readonly EnrollmentProfile[],
  facts: (row: EnrollmentProfile) => Promise<ProfileFacts>,
): EnrollmentProfileType[] {
  return rows.map((row) => {
    const type = withoutFacts(services, row);
    let read: Promise<ProfileFacts> | undefined;
    const factsOfRow = () => (read ??= facts(row));
    // graphql-js awaits a field's promise; type-graphql reads these fields as properties.
    Object.defineProperties(type, {
      isDefault: { enumerable: true, get: () => factsOfRow().then((f) => f.isDefault) },
      deviceCount: { enumerable: true, get: () => factsOfRow().then((f) => f.deviceCount) },
    });
    return type;
  });
}

/** The settings as a caller would give them (the service's one reading of the columns), then the rest. */
function withoutFacts(services: Services, row: EnrollmentProfile): EnrollmentProfileType {
  return Object.assign(new EnrollmentProfileType(), inputOf(row), {
    id: row.id,
    tokenId: row.tokenId,
    enrollmentUrl: services.profiles.enrollmentUrl(row),
    returnToServiceWifi: !row.wifiSsid
      ? null
      : { ssid: row.wifiSsid, security: row.wifiSecurity ?? WifiSecurity.NONE, hasPassword: Boolean(row.sealedWifiPassword) },
    appleProfileUuid: row.appleProfileUuid,
    appleDefinedAt: row.appleDefinedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });
}

/** One profile as a GraphQL object, or null. */
export async function profileType(services: Services, row: EnrollmentProfile | null): Promise<EnrollmentProfileType | null> {
  return row ? (await profileTypes(services, [row]))[0]! : null;
}

/** A page of profile rows as a page of GraphQL objects (cursors and counts unchanged). */
export async function profilePage(services: Services, page: Page<EnrollmentProfile>): Promise<Page<EnrollmentProfileType>> {
  const nodes = await profileTypes(
    services,
    page.edges.map((e) => e.node),
  );
  return {
    edges: page.edges.map((edge, i) => ({ cursor: edge.cursor, node: nodes[i]! })),
    pageInfo: page.pageInfo,
    totalCount: page.totalCount,
  };
}

export const EnrollmentProfileConnection = Connection(EnrollmentProfileType, ENROLLMENT_PROFILE_TYPE);

@ObjectType('CreateEnrollmentProfilePayload', { description: 'The created profile, defined at Apple.' })
export class CreateEnrollmentProfilePayload {
  @Field(() => EnrollmentProfileType, { description: "The new profile, with Apple's UUID." })
  enrollmentProfile!: EnrollmentProfileType;
}

@ObjectType('UpdateEnrollmentProfilePayload', {
  description: 'The changed profile, and what happened at Apple: a new definition, and how many devices moved to it.',
})
export class UpdateEnrollmentProfilePayload {
  @Field(() => EnrollmentProfileType, { description: 'The profile as it is now.' })
  enrollmentProfile!: EnrollmentProfileType;

  @Field(() => Boolean, {
    description:
      'True when Shared iPad (and maximumCachedUsers) was turned off because this change turned user affinity or supervised off (seed 002). Tell the user.',
  })
  sharedIPadTurnedOff!: boolean;

  @Field(() => Boolean, {
    description: 'True when a new profile was defined at Apple; false when only Homeroom fields changed (description, maximumCachedUsers).',
  })
  redefinedAtApple!: boolean;

  @Field(() => Int, { description: 'Devices of this profile Apple moved to the new definition.' })
  devicesMoved!: number;

  @Field(() => Int, {
    description:
      'Devices of this profile still on an earlier definition (Apple answered NOT_ACCESSIBLE, FAILED or THROTTLED, or the assignment stopped). They keep the old settings until assigned again.',
  })
  devicesNotMoved!: number;

  @Field(() => ErrorCode, {
    nullable: true,
    description: 'Why moving the devices stopped early, when it did (e.g. APPLE_UNAVAILABLE); the change itself is saved. Null otherwise.',
  })
  assignmentErrorCode!: ErrorCode | null;

  @Field(() => String, { nullable: true, description: 'The message of `assignmentErrorCode`; null when the assignment ran to the end.' })
  assignmentErrorMessage!: string | null;
}

@ObjectType('SetEnrollmentProfileWifiPayload', { description: 'The profile with its Return to Service Wi-Fi as it is now.' })
export class SetEnrollmentProfileWifiPayload {
  @Field(() => EnrollmentProfileType, { description: 'The profile; `returnToServiceWifi` shows the network, never the password.' })
  enrollmentProfile!: EnrollmentProfileType;
}

@ObjectType('DeleteEnrollmentProfilePayload', { description: 'The deleted profile.' })
export class DeleteEnrollmentProfilePayload {
  @Field(() => ID, { description: 'Global ID the profile had; remove it from caches.' })
  deletedEnrollmentProfileId!: string;

  @Field(() => EnrollmentProgramTokenType, { description: 'The token the profile belonged to, with one profile fewer.' })
  enrollmentProgramToken!: EnrollmentProgramTokenType;
}

@ObjectType('SetDefaultEnrollmentProfilePayload', { description: "The token's default profile, as it is now." })
export class SetDefaultEnrollmentProfilePayload {
  @Field(() => EnrollmentProgramTokenType, { description: 'The token, with its new `defaultProfile`.' })
  enrollmentProgramToken!: EnrollmentProgramTokenType;

  @Field(() => EnrollmentProfileType, { nullable: true, description: 'The default profile now; null when the default was cleared.' })
  defaultProfile!: EnrollmentProfileType | null;
}
