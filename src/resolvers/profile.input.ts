/** Inputs of the enrollment profile mutations. */
import { Field, ID, InputType, Int } from 'type-graphql';
import { DeviceIdentityKind, PairingMode, UserAffinity, WifiSecurity } from '../entities/enrollment-profile.entity.js';
import { PROFILE_LIMITS, SetupAssistantPane } from '../services/profile/profile-settings.js';
import { WIFI_LIMITS } from '../services/profile/wifi-settings.js';

const RETURN_TO_SERVICE =
  "Return to Service (Apple `is_return_to_service`, iPadOS 26): a device erased by the MDM, or asking by itself, comes back without a person. Requires supervised; set the profile's Wi-Fi with setEnrollmentProfileWifi.";

const CERTIFICATES = `PEM (-----BEGIN CERTIFICATE-----) or base64 DER X.509 certificates of Apple Configurator hosts; required (1 to ${PROFILE_LIMITS.configuratorCertificates}) with pairing ALLOW_CONFIGURATOR_BY_CERTIFICATE, refused with other modes.`;
const CACHED_USERS = `Shared iPad only: users cached on the device, ${PROFILE_LIMITS.maximumCachedUsers.min} to ${PROFILE_LIMITS.maximumCachedUsers.max}.`;

@InputType('CreateEnrollmentProfileInput', { description: 'A new enrollment profile for a token: every setting of seed 002.' })
export class CreateEnrollmentProfileInput {
  @Field(() => ID, { description: 'Global ID of the enrollment program token.' })
  tokenId!: string;

  @Field(() => String, { description: `1 to ${PROFILE_LIMITS.name} characters, unique per token.` })
  name!: string;

  @Field(() => String, { nullable: true, description: `For admins (at most ${PROFILE_LIMITS.description} characters).` })
  description?: string | null;

  @Field(() => UserAffinity, { description: 'With or without user affinity.' })
  userAffinity!: UserAffinity;

  @Field(() => Boolean, { description: 'Supervised devices.' })
  supervised!: boolean;

  @Field(() => Boolean, { description: 'Locked enrollment: the management profile cannot be removed. Requires supervised.' })
  lockedEnrollment!: boolean;

  @Field(() => Boolean, { description: 'Shared iPad. Requires WITH_USER_AFFINITY and supervised.' })
  sharedIPad!: boolean;

  @Field(() => Int, { nullable: true, description: CACHED_USERS })
  maximumCachedUsers?: number | null;

  @Field(() => PairingMode, { description: 'Whether devices may pair with computers.' })
  pairing!: PairingMode;

  @Field(() => [String], { nullable: true, description: CERTIFICATES })
  configuratorCertificates?: string[] | null;

  @Field(() => Boolean, { description: 'Setup waits until Homeroom releases the device.' })
  awaitDeviceConfigured!: boolean;

  @Field(() => String, {
    nullable: true,
    description: `Shown under About Configuration (at most ${PROFILE_LIMITS.departmentName} characters).`,
  })
  departmentName?: string | null;

  @Field(() => String, { nullable: true, description: `Shown under Need Help (at most ${PROFILE_LIMITS.departmentPhone} characters).` })
  departmentPhone?: string | null;

  @Field(() => [SetupAssistantPane], { description: 'Setup Assistant panes to skip (may be empty).' })
  skippedPanes!: SetupAssistantPane[];

  @Field(() => DeviceIdentityKind, {
    nullable: true,
    description: "How its devices get their MDM identity; omitted or null: the server's default (MDM_IDENTITY).",
  })
  identityKind?: DeviceIdentityKind | null;

  @Field(() => Boolean, { nullable: true, description: `${RETURN_TO_SERVICE} Omitted: false.` })
  isReturnToService?: boolean | null;
}

@InputType('UpdateEnrollmentProfileInput', {
  description:
    'Changes to a profile. An omitted field keeps its value; null clears description, maximumCachedUsers, departmentName, departmentPhone and identityKind, and keeps the others. Changing pairing to DENY_ALL or ALLOW_ALL drops the configurator certificates. Turning user affinity or supervised off on a Shared iPad profile turns Shared iPad off (the payload says so) unless sharedIPad: true is asked for too, which is refused.',
})
export class UpdateEnrollmentProfileInput {
  @Field(() => ID, { description: 'Global ID of the profile.' })
  profileId!: string;

  @Field(() => String, { nullable: true, description: `1 to ${PROFILE_LIMITS.name} characters, unique per token.` })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'For admins; null clears it.' })
  description?: string | null;

  @Field(() => UserAffinity, { nullable: true, description: 'With or without user affinity.' })
  userAffinity?: UserAffinity | null;

  @Field(() => Boolean, { nullable: true, description: 'Supervised devices.' })
  supervised?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Locked enrollment. Requires supervised.' })
  lockedEnrollment?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Shared iPad. Requires WITH_USER_AFFINITY and supervised.' })
  sharedIPad?: boolean | null;

  @Field(() => Int, { nullable: true, description: `${CACHED_USERS} Null clears it.` })
  maximumCachedUsers?: number | null;

  @Field(() => PairingMode, { nullable: true, description: 'Whether devices may pair with computers.' })
  pairing?: PairingMode | null;

  @Field(() => [String], { nullable: true, description: `${CERTIFICATES} Replaces the list; an empty list removes them.` })
  configuratorCertificates?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Setup waits until Homeroom releases the device.' })
  awaitDeviceConfigured?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Shown under About Configuration; null clears it.' })
  departmentName?: string | null;

  @Field(() => String, { nullable: true, description: 'Shown under Need Help; null clears it.' })
  departmentPhone?: string | null;

  @Field(() => [SetupAssistantPane], { nullable: true, description: 'Setup Assistant panes to skip; replaces the list.' })
  skippedPanes?: SetupAssistantPane[] | null;

  @Field(() => DeviceIdentityKind, {
    nullable: true,
    description: "How its devices get their MDM identity; null returns it to the server's default (MDM_IDENTITY).",
  })
  identityKind?: DeviceIdentityKind | null;

  @Field(() => Boolean, { nullable: true, description: RETURN_TO_SERVICE })
  isReturnToService?: boolean | null;
}

@InputType('WifiNetworkInput', { description: 'A Wi-Fi network devices join by themselves when they return to service.' })
export class WifiNetworkInput {
  @Field(() => String, {
    description: `The network name: ${WIFI_LIMITS.ssidBytes.min} to ${WIFI_LIMITS.ssidBytes.max} bytes in UTF-8, one line.`,
  })
  ssid!: string;

  @Field(() => WifiSecurity, { description: 'How the network is secured.' })
  security!: WifiSecurity;

  @Field(() => String, {
    nullable: true,
    description: 'WPA2 or WPA3: the password (sealed at rest, never returned). NONE: omitted or null.',
  })
  password?: string | null;
}

@InputType('SetEnrollmentProfileWifiInput', { description: "A profile's Return to Service Wi-Fi network, or none." })
export class SetEnrollmentProfileWifiInput {
  @Field(() => ID, { description: 'Global ID of the profile.' })
  profileId!: string;

  @Field(() => WifiNetworkInput, {
    nullable: true,
    description: 'The network; null removes it (the profile then cannot return devices to service).',
  })
  wifi?: WifiNetworkInput | null;
}

@InputType('DeleteEnrollmentProfileInput', { description: 'The profile to delete.' })
export class DeleteEnrollmentProfileInput {
  @Field(() => ID, { description: 'Global ID of the profile.' })
  profileId!: string;
}

@InputType('SetDefaultEnrollmentProfileInput', { description: "A token's default profile for new devices." })
export class SetDefaultEnrollmentProfileInput {
  @Field(() => ID, { description: 'Global ID of the token.' })
  tokenId!: string;

  @Field(() => ID, { nullable: true, description: "Global ID of one of the token's profiles; null clears the default." })
  profileId?: string | null;
}
