/**
 * What an iPad asks Apple at power-on (the "activation record" / cloud configuration lookup,
 * reference section 11 and device-enrollment 1.3 to 1.5): "I am serial X; am I managed, and
 * how?". The real exchange is signed and encrypted between Apple and genuine hardware; here it
 * is plain JSON, because the virtual iPads only need its meaning. A device gets a configuration
 * only when it is in the organisation, on an MDM server, with an assigned (or already pushed)
 * profile; serving it marks the device `pushed`, which the MDM then sees through sync.
 *
 * Key mapping (the reference's inference from Apple's key names): `url` -> ConfigurationURL,
 * `is_mdm_removable` -> IsMDMUnremovable inverted, `department` -> OrganizationDepartment,
 * `org_magic` -> OrganizationMagic, `is_return_to_service` -> IsRapidReturnToService, support
 * fields -> OrganizationSupport*; name, address, e-mail and phone come from the organisation, not
 * the profile.
 */
import type { AppleState } from './state.js';

/** The device-side configuration (CamelCase keys, as iOS stores it). */
export interface CloudConfiguration {
  IsSupervised: boolean;
  IsMandatory: boolean;
  IsMDMUnremovable: boolean;
  AwaitDeviceConfigured: boolean;
  IsMultiUser: boolean;
  AllowPairing: boolean;
  ConfigurationURL: string;
  ConfigurationWebURL?: string;
  SkipSetup: string[];
  AnchorCertificates: string[];
  SupervisorHostCertificates: string[];
  OrganizationName: string;
  OrganizationDepartment: string;
  OrganizationAddress: string;
  OrganizationEmail: string;
  OrganizationPhone: string;
  OrganizationSupportPhone: string;
  OrganizationSupportEmail: string;
  OrganizationMagic: string;
  Language?: string;
  Region?: string;
  ProfileUUID: string;
  /** Migration without erase: when the device must leave its current MDM for this one (ISO 8601). */
  MDMMigrationDeadline?: string;
  /** The profile's `is_return_to_service` (iOS 26): the device is in return-to-service mode. Absent when off. */
  IsRapidReturnToService?: boolean;
}

/** Why a device is not managed. */
export type NotManagedReason = 'UNKNOWN_SERIAL' | 'NOT_ASSIGNED_TO_SERVER' | 'NO_PROFILE';

/** The answer to a lookup. */
export type ActivationResult = { managed: true; configuration: CloudConfiguration } | { managed: false; reason: NotManagedReason };

function flag(body: Readonly<Record<string, unknown>>, key: string, fallback: boolean): boolean {
  const value = body[key];
  return typeof value === 'boolean' ? value : fallback;
}

function text(body: Readonly<Record<string, unknown>>, key: string): string {
  const value = body[key];
  return typeof value === 'string' ? value : '';
}

function list(body: Readonly<Record<string, unknown>>, key: string): string[] {
  const value = body[key];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** The activation service. */
export class ActivationService {
  constructor(private readonly state: AppleState) {}

  /** The lookup an iPad makes at power-on; serving a configuration marks the device `pushed`. */
  lookup(serial: string): ActivationResult {
    const device = this.state.devices.get(serial);
    if (!device) return { managed: false, reason: 'UNKNOWN_SERIAL' };
    if (device.state.serverUuid === null) return { managed: false, reason: 'NOT_ASSIGNED_TO_SERVER' };
    const status = device.state.profileStatus;
    const profile = device.state.profileUuid === null ? undefined : this.state.profiles.get(device.state.profileUuid);
    if ((status !== 'assigned' && status !== 'pushed') || !profile) return { managed: false, reason: 'NO_PROFILE' };
    const body = profile.body;
    const org = this.state.organization;
    const configuration: CloudConfiguration = {
      IsSupervised: flag(body, 'is_supervised', false),
      IsMandatory: flag(body, 'is_mandatory', false),
      IsMDMUnremovable: !flag(body, 'is_mdm_removable', true),
      AwaitDeviceConfigured: flag(body, 'await_device_configured', false),
      IsMultiUser: flag(body, 'is_multi_user', false),
      AllowPairing: flag(body, 'allow_pairing', true),
      ConfigurationURL: text(body, 'url'),
      SkipSetup: list(body, 'skip_setup_items'),
      AnchorCertificates: list(body, 'anchor_certs'),
      SupervisorHostCertificates: list(body, 'supervising_host_certs'),
      OrganizationName: org.org_name,
      OrganizationDepartment: text(body, 'department'),
      OrganizationAddress: org.org_address,
      OrganizationEmail: org.org_email,
      OrganizationPhone: org.org_phone,
      OrganizationSupportPhone: text(body, 'support_phone_number'),
      OrganizationSupportEmail: text(body, 'support_email_address'),
      OrganizationMagic: text(body, 'org_magic'),
      ProfileUUID: profile.uuid,
    };
    if (typeof body.configuration_web_url === 'string') configuration.ConfigurationWebURL = body.configuration_web_url;
    if (typeof body.language === 'string') configuration.Language = body.language;
    if (typeof body.region === 'string') configuration.Region = body.region;
    // The device-side name is the reference's reading of iOS's stored keys; present only when on, as the others optional here.
    if (flag(body, 'is_return_to_service', false)) configuration.IsRapidReturnToService = true;
    if (device.state.migrationDeadline) configuration.MDMMigrationDeadline = device.state.migrationDeadline;
    this.state.markPushed(device);
    this.state.changed();
    return { managed: true, configuration };
  }

  /**
   * `POST /activation/profile` with `{"action":"RequestProfileConfiguration","sn":"<serial>"}`.
   * Returns the status and JSON body, or an error code for a request that is not that.
   */
  handleHttp(body: unknown): { status: number; json: unknown } | { status: number; code: string } {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return { status: 400, code: 'MALFORMED_REQUEST_BODY' };
    const request = body as Record<string, unknown>;
    if (request.action !== 'RequestProfileConfiguration') return { status: 400, code: 'INVALID_ACTION' };
    if (typeof request.sn !== 'string' || request.sn === '') return { status: 400, code: 'SERIAL_NUMBER_REQUIRED' };
    return { status: 200, json: this.lookup(request.sn) };
  }
}
