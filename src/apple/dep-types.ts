/**
 * Wire types of Apple's Device Assignment (DEP/ADE) API, spelled exactly as Apple sends them (snake_case).
 *
 * They describe JSON on the wire and nothing more: the client does not validate every field, and Apple may add
 * keys or enum values in later protocol versions (Apple asks clients to ignore unknown keys). Field notes cite the
 * protocol version that introduced them; see the team reference `shared/reference/apple-dep-api.md` sections 5 and 6.
 */

/** HTTP methods Apple lists per endpoint in {@link DepAccount.urls}. */
export type DepHttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One entry of `/account`'s `urls`: an endpoint this server may call, with its page-size limits if it pages. */
export interface DepAccountUrl {
  uri: string;
  http_method: DepHttpMethod[];
  limit?: { default: number; maximum: number };
}

/** `GET /account`: the MDM server and its organization. Keys marked v3 need `X-Server-Protocol-Version` >= 3. */
export interface DepAccount {
  server_name: string;
  server_uuid: string;
  /** The Apple Account that generated the current token. */
  admin_id: string;
  /** Deprecated copy of `admin_id`; may be absent. */
  facilitator_id?: string;
  org_name: string;
  org_email: string;
  org_phone: string;
  org_address: string;
  /** v3: the organization's customer id. */
  org_id?: string;
  /** v3: SHA hash matching `organizationIdHash` of the VPP client-config API. */
  org_id_hash?: string;
  /** v3: `edu` for Apple School Manager. */
  org_type?: 'edu' | 'org' | 'tvprovider';
  /** v3: `v1` = Apple Deployment Programs, `v2` = ASM/ABM. */
  org_version?: 'v1' | 'v2';
  /** v3: the endpoints this server may call. */
  urls?: DepAccountUrl[];
}

/** Where a device stands with its enrollment profile. */
export type DepProfileStatus = 'empty' | 'assigned' | 'pushed' | 'removed';

/** `os` of a device (v2); iPads report `iPadOS` from v7, `iOS` before. */
export type DepDeviceOs = 'iOS' | 'iPadOS' | 'OSX' | 'tvOS' | 'visionOS';

/** `device_family` of a device (v2). */
export type DepDeviceFamily = 'iPad' | 'iPhone' | 'iPod' | 'Mac' | 'AppleTV' | 'Vision';

/** What happened to a device since the sync cursor; only in `/devices/sync` records. */
export type DepOpType = 'added' | 'modified' | 'deleted';

/**
 * A device record of `/server/devices` (fetch) and `/devices/sync`. Dates are RFC 3339 UTC strings as Apple sends them.
 * Sync `deleted` records may carry only identity and assignment fields.
 */
export interface DepDevice {
  serial_number: string;
  /** e.g. `IPAD`, `MacBook Pro`. */
  model: string;
  /** e.g. `IPAD WI-FI 16GB`. */
  description?: string;
  color?: string;
  asset_tag?: string;
  profile_status?: DepProfileStatus;
  profile_uuid?: string;
  profile_assign_time?: string;
  profile_push_time?: string;
  /** When the device was assigned to this MDM server. */
  device_assigned_date?: string;
  /** Email of the person who assigned it. */
  device_assigned_by?: string;
  /** v2. */
  os?: DepDeviceOs;
  /** v2. */
  device_family?: DepDeviceFamily;
  /** v8. */
  mdm_migration_deadline?: string;
  /** Sync only. */
  op_type?: DepOpType;
  /** Sync only; equals `device_assigned_date` for `added`. */
  op_date?: string;
  /** v10. */
  is_replacement_device?: boolean;
}

/** `response_status` of one device in `POST /devices`. */
export type DepDeviceResponseStatus = 'SUCCESS' | 'NOT_FOUND';

/**
 * One device of `POST /devices` (details). A serial this server cannot see comes back as
 * `{ "response_status": "NOT_FOUND" }` with no other fields, hence everything optional.
 */
export type DepDeviceDetail = Partial<DepDevice> & { response_status?: DepDeviceResponseStatus };

/** Per-device result of define-profile, remove-profile and disown. */
export type DepDeviceStatus = 'SUCCESS' | 'NOT_ACCESSIBLE' | 'FAILED';

/** Per-device result of assign-profile; `THROTTLED` needs protocol v9. */
export type DepAssignDeviceStatus = DepDeviceStatus | 'THROTTLED';

/**
 * An enrollment profile (`POST /profile` request; `GET /profile` returns the same plus `profile_uuid`).
 * Profiles are immutable: a change means defining a new one. Defaults are Apple's when a key is absent.
 */
export interface DepProfile {
  /** Required; at most 125 characters (`CONFIG_NAME_INVALID`). */
  profile_name: string;
  /** Required: the MDM enrollment URL the device POSTs to; at most 2000 characters. */
  url: string;
  /** Default true; deprecated since iOS 13. */
  allow_pairing?: boolean;
  /** Default false; ignored (always supervised) since iOS 13. */
  is_supervised?: boolean;
  /** Shared iPad (v2). Default false. */
  is_multi_user?: boolean;
  /** Default false; all enrollments are mandatory since iOS 13. */
  is_mandatory?: boolean;
  /** v2; default false. Setup waits for the MDM's `DeviceConfigured` command. */
  await_device_configured?: boolean;
  /** Default true; false only with `is_supervised` true, else `FLAGS_INVALID`. */
  is_mdm_removable?: boolean;
  /** At most 50 characters. */
  support_phone_number?: string;
  /** v2; at most 250 characters. */
  support_email_address?: string;
  /** v2; tvOS and macOS 11+. */
  auto_advance_setup?: boolean;
  /** Opaque organization-wide id, at most 256 characters. */
  org_magic?: string;
  /** Base64 DER certificates trusted for `url` and `configuration_web_url`. */
  anchor_certs?: string[];
  /** Base64 DER certificates of hosts allowed to pair with a supervised device. */
  supervising_host_certs?: string[];
  /** Setup Assistant panes to skip. */
  skip_setup_items?: string[];
  /** At most 125 characters. */
  department?: string;
  /** Serials to assign in the same call (define + assign). */
  devices?: string[];
  /** ISO 639-1 or 639-2; tvOS and macOS 11+. */
  language?: string;
  /** ISO 3166-1 alpha-2; tvOS and macOS 11+. */
  region?: string;
  /** Web-view authentication URL (iOS 13 / macOS 10.15+). */
  configuration_web_url?: string;
  /** iOS/visionOS 26+: read the profile from the server rather than from a restored backup. */
  do_not_use_profile_from_backup?: boolean;
  /** iOS/visionOS 26+: Return to Service. */
  is_return_to_service?: boolean;
}

/** `GET /session` success body. */
export interface DepSessionResponse {
  auth_session_token: string;
}

/** `POST /server/devices` request. */
export interface DepFetchDevicesRequest {
  cursor?: string;
  limit?: number;
}

/** `POST /devices/sync` request. */
export interface DepSyncDevicesRequest {
  cursor: string;
  limit?: number;
}

/** `POST /server/devices` and `POST /devices/sync` response. */
export interface DepFetchDevicesResponse {
  cursor: string;
  devices?: DepDevice[];
  /** Required for fetch; may be absent (or Go's zero time) in sync responses. */
  fetched_until?: string;
  more_to_follow: boolean;
}

/** Request body of `POST /devices`, `POST /devices/disown` and `DELETE /profile/devices`. */
export interface DepDevicesRequest {
  devices: string[];
  /** Only for `DELETE /profile/devices`, where Apple documents but ignores it. */
  profile_uuid?: string;
}

/** `POST /devices` response. */
export interface DepDeviceDetailsResponse {
  devices: Record<string, DepDeviceDetail>;
}

/** `POST /profile` response; `devices` mirrors the request's optional `devices`. */
export interface DepDefineProfileResponse {
  profile_uuid: string;
  devices?: Record<string, DepDeviceStatus>;
}

/** `POST /profile/devices` request. */
export interface DepAssignProfileRequest {
  profile_uuid: string;
  devices: string[];
}

/** `POST /profile/devices` response; `retry_after_seconds` (v10) appears when a device is `THROTTLED`. */
export interface DepAssignProfileResponse {
  profile_uuid: string;
  devices: Record<string, DepAssignDeviceStatus>;
  retry_after_seconds?: number;
}

/** `DELETE /profile/devices` and `POST /devices/disown` response; the map may be absent when no devices were sent. */
export interface DepDeviceStatusResponse {
  devices?: Record<string, DepDeviceStatus>;
}
