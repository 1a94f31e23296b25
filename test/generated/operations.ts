/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** The profile to assign, and to which devices. */
export type AssignProfileInput = {
  /** The devices: by IDs, serial numbers or filter. */
  devices: DeviceSelectionInput;
  /** True: only answer what the assignment would do (`preview`); nothing is stored and Apple is not called. */
  preview?: boolean | null | undefined;
  /** Global ID of the enrollment profile to assign; the devices must belong to its token. */
  profileId: string | number;
};

/** How an assignment job stands or ended. SUCCEEDED, PARTIALLY_SUCCEEDED and FAILED are final. */
export type AssignmentJobStatus =
  /** Ended without any device having what was asked, or stopped on an error (`errorCode`, `errorMessage`; serials Apple already accepted stay changed). */
  | 'FAILED'
  /** Ended: some devices have what was asked and some do not (NOT_ACCESSIBLE, FAILED or THROTTLED after every retry, removed, of another token, unknown serials): `outcomes(results:)` lists them. */
  | 'PARTIALLY_SUCCEEDED'
  /** Stored with its devices, not started yet (a server takes it at once, or when it starts again). */
  | 'QUEUED'
  /** Sending batches to Apple, or waiting for retries that are not due yet. */
  | 'RUNNING'
  /** Ended: every device has what was asked, changed by this job or already so. */
  | 'SUCCEEDED';

/** What an assignment job does at Apple. */
export type AssignmentKind =
  /** Assigns an enrollment profile to the devices (`assignProfile`). */
  | 'ASSIGN'
  /** Removes whatever profile the devices have (`unassignProfile`). */
  | 'UNASSIGN';

/** What became of one device in an assignment job: Apple's answer, or why it was left alone. */
export type AssignmentResult =
  /** Apple answered FAILED. With `retryAt` set it is sent again then (up to 3 retries); without, every retry failed: Apple says to contact it after 3 failures. */
  | 'FAILED'
  /** Apple answered NOT_ACCESSIBLE: the serial is not assigned to this token's MDM server at Apple. Final. */
  | 'NOT_ACCESSIBLE'
  /** Left alone: the device belongs to another token's MDM server. */
  | 'OTHER_TOKEN'
  /** Not sent to Apple yet. */
  | 'PENDING'
  /** Left alone: Apple no longer lists the device for the MDM server (`removedAt` is set). */
  | 'REMOVED'
  /** Apple accepted: the device has the profile (ASSIGN) or none any more (UNASSIGN), at Apple and in Homeroom. */
  | 'SUCCESS'
  /** Apple asked to wait. With `retryAt` set it is sent again then (after Apple's `retry_after_seconds`, up to 10 times); without, it was still throttled after every retry. */
  | 'THROTTLED'
  /** Left alone, as asked already: the device has the profile with Apple status assigned or pushed (ASSIGN), or no profile at Apple (UNASSIGN). */
  | 'UNCHANGED'
  /** Left alone: no device has this serial number (selection by serial numbers). */
  | 'UNKNOWN_SERIAL';

/** Narrows the audit log; all given conditions must hold. */
export type AuditEventFilter = {
  /** Only this action (a mutation name such as `createApiKey`). */
  action?: string | null | undefined;
  /** Only events about this object (its global ID). */
  targetId?: string | number | null | undefined;
};

/** How an audited attempt ended. */
export type AuditOutcome =
  /** Nothing was changed; `errorCode` says why. */
  | 'FAILED'
  /** The change was made and committed. */
  | 'SUCCEEDED';

/** Migrations under way to cancel: the devices stay with their MDM. */
export type CancelDeviceMigrationInput = {
  /** Serial numbers with a migration under way (REQUESTED or STARTED), 1 to 1000. */
  serialNumbers: Array<string>;
  /** Global ID of the token the devices migrate to. */
  tokenId: string | number;
};

/** A new API key. */
export type CreateApiKeyInput = {
  /** What the key is for (at most 500 characters). */
  description?: string | null | undefined;
  /** Unique among active keys; 1 to 100 letters, digits, spaces and . _ : @ / -. */
  name: string;
  /** What the key may do. */
  role: Role;
};

/** A new enrollment profile for a token: every setting of seed 002. */
export type CreateEnrollmentProfileInput = {
  /** Setup waits until Homeroom releases the device. */
  awaitDeviceConfigured: boolean;
  /** PEM (-----BEGIN CERTIFICATE-----) or base64 DER X.509 certificates of Apple Configurator hosts; required (1 to 10) with pairing ALLOW_CONFIGURATOR_BY_CERTIFICATE, refused with other modes. */
  configuratorCertificates?: Array<string> | null | undefined;
  /** Shown under About Configuration (at most 125 characters). */
  departmentName?: string | null | undefined;
  /** Shown under Need Help (at most 50 characters). */
  departmentPhone?: string | null | undefined;
  /** For admins (at most 1000 characters). */
  description?: string | null | undefined;
  /** How its devices get their MDM identity; omitted or null: the server's default (MDM_IDENTITY). */
  identityKind?: DeviceIdentityKind | null | undefined;
  /** Return to Service (Apple `is_return_to_service`, iPadOS 26): a device erased by the MDM, or asking by itself, comes back without a person. Requires supervised; set the profile's Wi-Fi with setEnrollmentProfileWifi. Omitted: false. */
  isReturnToService?: boolean | null | undefined;
  /** Locked enrollment: the management profile cannot be removed. Requires supervised. */
  lockedEnrollment: boolean;
  /** Shared iPad only: users cached on the device, 1 to 96. */
  maximumCachedUsers?: number | null | undefined;
  /** 1 to 125 characters, unique per token. */
  name: string;
  /** Whether devices may pair with computers. */
  pairing: PairingMode;
  /** Shared iPad. Requires WITH_USER_AFFINITY and supervised. */
  sharedIPad: boolean;
  /** Setup Assistant panes to skip (may be empty). */
  skippedPanes: Array<SetupAssistantPane>;
  /** Supervised devices. */
  supervised: boolean;
  /** Global ID of the enrollment program token. */
  tokenId: string | number;
  /** With or without user affinity. */
  userAffinity: UserAffinity;
};

/** A new directory user. */
export type CreateUserInput = {
  /** Name shown for the user (1 to 200 characters). */
  displayName: string;
  /** The password: 8 to 256 characters, taken exactly as given (spaces count). Stored only as a scrypt hash. */
  password: string;
  /** Student or teacher. */
  role: UserRole;
  /** Managed Apple Account style name (`local@domain`, at most 254 characters); stored lower-case, unique. */
  username: string;
};

/** A range of instants: `from` included, `to` excluded; leave either out for an open end. */
export type DateTimeRangeInput = {
  /** At or after this instant. */
  from?: string | null | undefined;
  /** Before this instant (excluded); must be later than `from`. */
  to?: string | null | undefined;
};

/** The profile to delete. */
export type DeleteEnrollmentProfileInput = {
  /** Global ID of the profile. */
  profileId: string | number;
};

/** The token to delete. */
export type DeleteTokenInput = {
  /** Global ID of the token. */
  tokenId: string | number;
};

/** The user to delete. */
export type DeleteUserInput = {
  /** Global ID of the user. */
  id: string | number;
};

/** Narrows a token's devices; every condition given must hold. */
export type DeviceFilterInput = {
  /** Devices whose family (`deviceFamily`: iPad, iPhone, Mac, AppleTV, ...) is any of these, in any case (at most 50). Every family when omitted or empty. */
  deviceFamilies?: Array<string> | null | undefined;
  /** Devices in any of these enrollment states with Homeroom's MDM; NOT_CONTACTED includes every device that never contacted Homeroom. Every state when omitted or empty. */
  enrollmentStates?: Array<EnrollmentState> | null | undefined;
  /** Devices a sync first listed within this range (`firstSeenAt`). */
  firstSeen?: DateTimeRangeInput | null | undefined;
  /** Devices a sync last listed or changed within this range (`lastSeenAt`). */
  lastSeen?: DateTimeRangeInput | null | undefined;
  /** This model name, in any case: the whole name as Apple sends it (e.g. "iPad (10th generation)" or "ipad (10th generation)"), not a part of it. `models` on the token lists the names there are. */
  model?: string | null | undefined;
  /** True: instead of the token's own devices, those Apple School Manager moved from this token's MDM server to another token's in Homeroom, with when (`movedAwayAt`) and where (`token`, the one they are under now); `removed` does not apply to them. False or omitted: the token's own devices. A device moved to an MDM server without a token in Homeroom shows as `removed` instead (Apple does not say where it went). */
  movedAway?: boolean | null | undefined;
  /** Devices whose operating system (`os`: iOS, iPadOS, OSX, tvOS, ...) is any of these, in any case (at most 50). Every OS when omitted or empty. */
  operatingSystems?: Array<string> | null | undefined;
  /** Devices by enrollment profile: unassigned, any, or one profile. */
  profile?: DeviceProfileFilterInput | null | undefined;
  /** Devices whose profile status at Apple (`profileStatus`) is any of these; EMPTY also keeps a status Apple may add later (shown as EMPTY). Every status when omitted or empty. */
  profileStatuses?: Array<DeviceProfileStatus> | null | undefined;
  /** True: only devices a reconcile with the Apple School Manager API found released from the organisation (`releasedFromOrgAt` set; DEP does not report releases). False: only the others. Omitted: both. */
  releasedFromOrg?: boolean | null | undefined;
  /** False (the default): devices Apple still assigns to the MDM server. True: only devices Apple stopped listing (`removedAt` set). */
  removed?: boolean | null | undefined;
  /** True: only devices that must be wiped to pick up their profile (`requiresWipe`: assigned a profile after they were activated with another, or enrolled with a profile other than the one Apple now holds). False: only the others. Omitted: both. */
  requiresWipe?: boolean | null | undefined;
  /** Serial numbers containing this text, any case (1 to 64 characters). */
  serialContains?: string | null | undefined;
  /** Exactly these serial numbers, as Apple writes them (upper case), 1 to 1000; serials with no device are simply absent. An empty list keeps no device. */
  serialNumbers?: Array<string> | null | undefined;
};

/** How an enrolling device gets the identity its MDM check-ins are signed with (the profile's, else the server's MDM_IDENTITY). */
export type DeviceIdentityKind =
  /** The device makes a hardware-bound key, Apple attests it, and Homeroom's ACME server certifies it after checking the attestation (iOS and iPadOS 16 and later). */
  | 'ACME'
  /** Homeroom makes the key and the certificate and sends both inside the enrollment profile (any iOS). */
  | 'PKCS12'
  /** The device makes its own key and gets its certificate from Homeroom's SCEP endpoint with a one-time challenge (every iOS and iPadOS; the key never leaves the device). */
  | 'SCEP';

/** What a device list is ordered by; devices with equal values follow in the order Homeroom first saw them. */
export type DeviceOrderField =
  /** The enrollment state in the order a device passes them: NOT_CONTACTED, AWAITING_USER, ENROLLING, AWAITING_CONFIGURATION, ENROLLED, FAILED, UNENROLLED. */
  | 'ENROLLMENT_STATE'
  /** When a sync first listed the device. */
  | 'FIRST_SEEN_AT'
  /** When the device last contacted Homeroom's MDM (`enrollment.lastContactedAt`); devices that never did come last. */
  | 'LAST_CONTACTED_AT'
  /** The model name; devices without one come last. */
  | 'MODEL'
  /** The serial number. */
  | 'SERIAL_NUMBER';

/** The order of a device list. Cursors from one order do not page another. */
export type DeviceOrderInput = {
  /** ASC (the default) or DESC. */
  direction?: OrderDirection | null | undefined;
  /** What to order by. */
  field: DeviceOrderField;
};

/** Which devices a profile filter keeps, by their Homeroom enrollment profile. */
export type DeviceProfileAssignment =
  /** Devices with any enrollment profile. */
  | 'ANY'
  /** Devices with the profile `profileId`. */
  | 'PROFILE'
  /** Devices without an enrollment profile. */
  | 'UNASSIGNED';

/** Devices by their enrollment profile. */
export type DeviceProfileFilterInput = {
  /** Without a profile, with any, or with the one `profileId` names. */
  assignment: DeviceProfileAssignment;
  /** Global ID of an enrollment profile; required with PROFILE, refused otherwise. */
  profileId?: string | number | null | undefined;
};

/** Apple's `profile_status` of a device: where its enrollment profile stands at Apple. */
export type DeviceProfileStatus =
  /** A profile is assigned at Apple; the device has not fetched it yet. */
  | 'ASSIGNED'
  /** No profile is assigned at Apple. */
  | 'EMPTY'
  /** The device fetched its profile from Apple (at activation). */
  | 'PUSHED'
  /** The profile was removed at Apple; Apple still shows its UUID. */
  | 'REMOVED';

/** Which devices an assignment concerns: exactly one of `ids`, `serialNumbers` and `filter`. A list holds at most 50,000 devices; a filter selects any number. */
export type DeviceSelectionInput = {
  /** The devices of the token (the profile's, for assignProfile) that match this filter, exactly as the token's `devices` connection selects them. */
  filter?: DeviceFilterInput | null | undefined;
  /** Global IDs of devices (at most 50,000). An ID that is not a device's ID (malformed, or another type's) is BAD_USER_INPUT with `extensions.field` `devices.ids[i]`; a device's ID that names no device (deleted since) is NOT_FOUND, the message listing up to 10 such IDs. */
  ids?: Array<string | number> | null | undefined;
  /** Serial numbers (at most 50,000), any case; serials Homeroom does not know are reported (UNKNOWN_SERIAL), not refused. */
  serialNumbers?: Array<string> | null | undefined;
};

/** Narrows the devices of every token (the root `devices` list): a token's filter, plus which tokens. */
export type DevicesFilterInput = {
  /** Devices whose family (`deviceFamily`: iPad, iPhone, Mac, AppleTV, ...) is any of these, in any case (at most 50). Every family when omitted or empty. */
  deviceFamilies?: Array<string> | null | undefined;
  /** Devices in any of these enrollment states with Homeroom's MDM; NOT_CONTACTED includes every device that never contacted Homeroom. Every state when omitted or empty. */
  enrollmentStates?: Array<EnrollmentState> | null | undefined;
  /** Devices a sync first listed within this range (`firstSeenAt`). */
  firstSeen?: DateTimeRangeInput | null | undefined;
  /** Devices a sync last listed or changed within this range (`lastSeenAt`). */
  lastSeen?: DateTimeRangeInput | null | undefined;
  /** This model name, in any case: the whole name as Apple sends it (e.g. "iPad (10th generation)" or "ipad (10th generation)"), not a part of it. `models` on the token lists the names there are. */
  model?: string | null | undefined;
  /** True: instead of the token's own devices, those Apple School Manager moved from this token's MDM server to another token's in Homeroom, with when (`movedAwayAt`) and where (`token`, the one they are under now); `removed` does not apply to them. False or omitted: the token's own devices. A device moved to an MDM server without a token in Homeroom shows as `removed` instead (Apple does not say where it went). */
  movedAway?: boolean | null | undefined;
  /** Devices whose operating system (`os`: iOS, iPadOS, OSX, tvOS, ...) is any of these, in any case (at most 50). Every OS when omitted or empty. */
  operatingSystems?: Array<string> | null | undefined;
  /** Devices by enrollment profile: unassigned, any, or one profile. */
  profile?: DeviceProfileFilterInput | null | undefined;
  /** Devices whose profile status at Apple (`profileStatus`) is any of these; EMPTY also keeps a status Apple may add later (shown as EMPTY). Every status when omitted or empty. */
  profileStatuses?: Array<DeviceProfileStatus> | null | undefined;
  /** True: only devices a reconcile with the Apple School Manager API found released from the organisation (`releasedFromOrgAt` set; DEP does not report releases). False: only the others. Omitted: both. */
  releasedFromOrg?: boolean | null | undefined;
  /** False (the default): devices Apple still assigns to the MDM server. True: only devices Apple stopped listing (`removedAt` set). */
  removed?: boolean | null | undefined;
  /** True: only devices that must be wiped to pick up their profile (`requiresWipe`: assigned a profile after they were activated with another, or enrolled with a profile other than the one Apple now holds). False: only the others. Omitted: both. */
  requiresWipe?: boolean | null | undefined;
  /** Serial numbers containing this text, any case (1 to 64 characters). */
  serialContains?: string | null | undefined;
  /** Exactly these serial numbers, as Apple writes them (upper case), 1 to 1000; serials with no device are simply absent. An empty list keeps no device. */
  serialNumbers?: Array<string> | null | undefined;
  /** Only the devices of these tokens (global IDs, at most 50); with `movedAway`, those moved away from them. Every token when omitted; an empty list keeps none. */
  tokenIds?: Array<string | number> | null | undefined;
};

/** Where a device stands with Homeroom's MDM. A device passes AWAITING_USER (profiles with user affinity), ENROLLING, then AWAITING_CONFIGURATION (only when its profile awaits configuration), then ENROLLED; FAILED and UNENROLLED end an enrollment, and the device may enroll again after either. */
export type EnrollmentState =
  /** Enrolled, and held in Setup Assistant until Homeroom sends DeviceConfigured (its profile has `awaitDeviceConfigured`). */
  | 'AWAITING_CONFIGURATION'
  /** The profile enrolls with user affinity: Homeroom asked the device for its user to sign in and waits for valid credentials (three wrong ones in a row end it FAILED). */
  | 'AWAITING_USER'
  /** Enrolled and managed: Setup Assistant goes on. */
  | 'ENROLLED'
  /** Homeroom accepted its MachineInfo and sent the enrollment profile; its check-in is pending. */
  | 'ENROLLING'
  /** The enrollment failed; `failureReason` says why. */
  | 'FAILED'
  /** The device has never asked Homeroom to enroll. */
  | 'NOT_CONTACTED'
  /** The device checked out: management was removed (on the device, or by an erase). */
  | 'UNENROLLED';

/** An enrolled device to erase, with Return to Service or without. */
export type EraseDeviceInput = {
  /** Global ID of the device. */
  deviceId: string | number;
  /** True: Return to Service. The erased device joins its profile's Wi-Fi, skips Setup Assistant and enrolls again by itself (iPadOS 17 and later). False: a plain erase; the device goes through Setup Assistant with a person. */
  returnToService: boolean;
};

/** Every code a client can find in `errors[].extensions.code`. Expected failures are raised as GraphQL errors with one of these codes; nothing is changed when a mutation fails. */
export type ErrorCode =
  /** Something with the same unique name already exists; the message names it. For a token file whose MDM server already has a token, `extensions.tokenId` is that token and `extensions.mutation` is `renewToken`. Nothing was changed. */
  | 'ALREADY_EXISTS'
  /** Apple refused the request itself (`extensions.appleCode` has Apple's code, e.g. `INVALID_CURSOR`, `FLAGS_INVALID`, or `ACCESS_DENIED`: the MDM server lacks access to what was asked); the token got through and keeps its status. Repeating the request unchanged will not help. */
  | 'APPLE_REQUEST_REJECTED'
  /** Apple refuses requests until an administrator accepts the latest terms and conditions in Apple School Manager (`T_C_NOT_SIGNED`). */
  | 'APPLE_TERMS_NOT_ACCEPTED'
  /** Apple refuses the server token (replaced by a newer download, expired, revoked or signed wrongly); `extensions.appleCode` has Apple's code. Download a new token for the MDM server and call `renewToken` with it. */
  | 'APPLE_TOKEN_REJECTED'
  /** Apple could not be reached or kept failing (network errors, HTTP 5xx or 429) after Homeroom's retries; `extensions.attempts` says how many. When Apple asked to wait longer than the request may (`Retry-After` beyond `APPLE_INTERACTIVE_MAX_WAIT_MS` for an operation someone waits on), `extensions.retryAfter` says in how many seconds to try again; else try again later. */
  | 'APPLE_UNAVAILABLE'
  /** The HTTP request is not a GraphQL request the server understands. */
  | 'BAD_REQUEST'
  /** An argument or input field is invalid; the message names it and `extensions.field` holds its path. Nothing was changed. */
  | 'BAD_USER_INPUT'
  /** No public key is waiting for a token: call `generateEncryptionPublicKey`, upload that certificate in Apple School Manager, then download the token. Nothing was changed. */
  | 'ENCRYPTION_KEY_REQUIRED'
  /** The API key is valid but its role lacks the permission the operation needs; `extensions.missingPermissions` lists what is missing. */
  | 'FORBIDDEN'
  /** The document is not valid GraphQL syntax. */
  | 'GRAPHQL_PARSE_FAILED'
  /** The document does not match the schema. */
  | 'GRAPHQL_VALIDATION_FAILED'
  /** Something unexpected failed on the server. The response carries `extensions.requestId`; the server log has the cause under that id. */
  | 'INTERNAL_SERVER_ERROR'
  /** Refused because it would leave no active ADMIN key. Create another ADMIN key first. */
  | 'LAST_ADMIN_KEY'
  /** MDM endpoints: a check-in or connect signed by an identity Homeroom did not issue, or by one replaced since, or for another UDID; or an Authenticate naming another serial number than the enrolled device (`reason` SERIAL_MISMATCH). HTTP 403; nothing was changed. */
  | 'MDM_DEVICE_NOT_ENROLLED'
  /** MDM endpoints: the MachineInfo is signed by a certificate that does not chain to a trusted device CA (Apple's, the simulator's where it is trusted, those of MDM_DEVICE_CA_FILE), or a certificate of its chain is not valid now; `reason` UNTRUSTED_ISSUER and the message name the issuer no trusted CA vouches for. HTTP 403; nothing was changed. */
  | 'MDM_DEVICE_NOT_TRUSTED'
  /** MDM endpoints: the device may not enroll through this URL; `reason` says why (UNKNOWN_PROFILE, UNKNOWN_SERIAL, OTHER_TOKEN, REMOVED, PROFILE_NOT_ASSIGNED). HTTP 403 (404 for UNKNOWN_PROFILE); nothing was changed. */
  | 'MDM_ENROLLMENT_REFUSED'
  /** The push certificate or its private key cannot be used (not PEM, key does not match, expired, or the topic does not start with `com.apple.mgmt.`); the message says which. Nothing was changed. */
  | 'MDM_PUSH_CERTIFICATE_INVALID'
  /** Upload the Apple MDM push certificate first (`uploadMdmPushCertificate`): enrollment program tokens need it. Nothing was changed. */
  | 'MDM_PUSH_CERTIFICATE_REQUIRED'
  /** MDM endpoints (devices, not GraphQL): the body is not what the endpoint takes (a CMS-signed MachineInfo plist, or a check-in or connect plist with its keys). HTTP 400; nothing was changed. */
  | 'MDM_REQUEST_MALFORMED'
  /** MDM endpoints: the CMS signature (the MachineInfo's, or the `Mdm-Signature` header) is missing or does not match the body. HTTP 400; nothing was changed. */
  | 'MDM_SIGNATURE_INVALID'
  /** MDM endpoints: the profile enrolls with user affinity and the device sent no valid user credentials (HTTP Basic). HTTP 401 with `WWW-Authenticate: Basic`; the device asks its user and tries again. */
  | 'MDM_USER_AUTHENTICATION_REQUIRED'
  /** Some devices cannot migrate without erase: `extensions.refused` lists each `{serialNumber, reason}` (NOT_IN_ORGANIZATION, RELEASED_FROM_ORGANIZATION, PROVISIONAL_PERIOD, SHARED_IPAD, RETURN_TO_SERVICE, OS_TOO_OLD, MIGRATION_IN_PROGRESS, ALREADY_ENROLLED; `migrationEligibility` tells beforehand). Nothing was sent to Apple or changed. */
  | 'MIGRATION_NOT_ELIGIBLE'
  /** Some devices have no migration under way (REQUESTED or STARTED) for this token to update or cancel: `extensions.serialNumbers` lists them. Nothing was sent to Apple or changed. */
  | 'MIGRATION_NOT_IN_PROGRESS'
  /** The ID names nothing this key can see (deleted, never existed, or malformed); the message repeats the global ID as sent. */
  | 'NOT_FOUND'
  /** The document has several operations and `operationName` does not pick one. */
  | 'OPERATION_RESOLUTION_FAILURE'
  /** The query ran longer than the server allows (`extensions.timeoutMs`) and was stopped at its next database read; fields not read yet are null. Ask for less at once (smaller pages, fewer counts or aliases). */
  | 'OPERATION_TIMED_OUT'
  /** Persisted query: the hash is unknown; send the full query once (with `GRAPHQL_TRUSTED_DOCUMENTS=only`, only hashes of the manifest are known). */
  | 'PERSISTED_QUERY_NOT_FOUND'
  /** Automatic persisted queries are switched off on this server. */
  | 'PERSISTED_QUERY_NOT_SUPPORTED'
  /** The profile is its token's default or devices are assigned to it (`extensions.devices`); change those first. Nothing was changed. */
  | 'PROFILE_IN_USE'
  /** The token already has the most enrollment profiles allowed (1000). Delete one first. Nothing was changed. */
  | 'PROFILE_LIMIT_REACHED'
  /** The profile settings contradict each other (e.g. locked enrollment without supervision); `extensions.field` names the setting and the message the rule. Nothing was changed. */
  | 'PROFILE_RULE_VIOLATION'
  /** The operation could return too much at once (page sizes multiply down the tree; counts cost 50), cannot be costed, or writes more fields, aliases and fragments than `extensions.maxFields`; `extensions.maxComplexity` gives the cost limit. Ask for smaller pages or fewer fields. */
  | 'QUERY_TOO_COMPLEX'
  /** The operation nests fields deeper than the server allows; `extensions.maxDepth` gives the limit. */
  | 'QUERY_TOO_DEEP'
  /** The API key spent its query-cost budget (`GRAPHQL_COST_BUDGET`, refilled at `GRAPHQL_COST_RESTORE_RATE` a second); nothing ran. `extensions.retryAfter` says in how many seconds this operation's cost is available again (HTTP 429 with `Retry-After`); `extensions.cost` shows the bucket. */
  | 'RATE_LIMITED'
  /** A rehearsal is already running on this server (`extensions.rehearsalId` names it); two at once would power on the same iPads. Follow it with `rehearsalProgressed` and start the next when it ends. Nothing was started. */
  | 'REHEARSAL_IN_PROGRESS'
  /** The request body cannot be read: not valid JSON, an unsupported charset or encoding, or cut off (HTTP 400 or 415). Nothing ran. */
  | 'REQUEST_MALFORMED'
  /** The request body is larger than the server accepts (HTTP 413; `GRAPHQL_MAX_BODY_BYTES` for /graphql, `MDM_MAX_BODY_BYTES` for /mdm/*); `extensions.limitBytes` gives the limit. Nothing ran. */
  | 'REQUEST_TOO_LARGE'
  /** The device cannot be erased now (with Return to Service, or at all); `extensions.reason` says why: NOT_ENROLLED, NOT_SUPERVISED, PROFILE_WITHOUT_RETURN_TO_SERVICE, NO_WIFI (set the profile's Wi-Fi with `setEnrollmentProfileWifi`), NO_BOOTSTRAP_TOKEN, NO_PUSH_CERTIFICATE or ERASE_PENDING (an erase already waits for the device). Nothing was queued. */
  | 'RETURN_TO_SERVICE_UNAVAILABLE'
  /** The Apple School Manager API account cannot be used; `extensions.field` names the input and `extensions.reason` the problem: NOT_PEM, UNREADABLE, NOT_EC or NOT_P256 (the private key must be the P-256 key ASM generated, unencrypted PEM), CLIENT_ID_INVALID, KEY_ID_INVALID, NO_ORGANIZATION (the token names no organisation). Nothing was changed. */
  | 'SCHOOL_MANAGER_ACCOUNT_INVALID'
  /** The token's organisation has no Apple School Manager API account: create one in Apple School Manager (Settings, API) and store it with `setSchoolManagerApiAccount`. Nothing was done. */
  | 'SCHOOL_MANAGER_ACCOUNT_REQUIRED'
  /** Apple School Manager refused the API account's client assertion (`extensions.appleCode`, e.g. `invalid_client`): the client ID, key ID or private key is wrong, or the key was revoked. Store the account again with a new key. */
  | 'SCHOOL_MANAGER_CREDENTIALS_REJECTED'
  /** Another token is already shared with School Data Sync (`extensions.tokenId` names it); unshare it first. Nothing was changed. */
  | 'SDS_ALREADY_SHARED'
  /** The database cannot be reached right now; nothing was changed. The response carries `extensions.requestId`. Try again shortly (`/readyz` says when the server is ready again). */
  | 'SERVICE_UNAVAILABLE'
  /** Rehearsals power on virtual iPads, which only the built-in Apple simulator knows: this Homeroom talks to Apple (or to a simulator elsewhere), or does not trust the simulator's device CA (`MDM_TRUST_SIMULATOR_DEVICE_CA=false`). Run `homeroom simulate devices` against a Homeroom started with `APPLE_DEP_URL=simulator` instead. Nothing was started. */
  | 'SIMULATOR_UNAVAILABLE'
  /** A sync of this token is running and its 15 minutes are not over; `extensions.syncAvailableAt` says when another may start. Nothing was started. */
  | 'SYNC_IN_PROGRESS'
  /** A manual sync of this token started less than 15 minutes ago (Intune's rule: at most one manual sync per 15 minutes); `extensions.syncAvailableAt` says when the next may start. Nothing was started. */
  | 'SYNC_TOO_SOON'
  /** The token decrypts but its content is not a valid server token (a field is missing or malformed); `extensions.field` names it. Nothing was changed. */
  | 'TOKEN_INVALID_CONTENT'
  /** The token still has enrollment profiles or devices (`extensions.profiles`, `extensions.devices`); delete the profiles and release the devices in Apple School Manager first. Nothing was changed. */
  | 'TOKEN_IN_USE'
  /** The new token belongs to another MDM server than the one being renewed (`extensions.expectedServerUuid`, `extensions.actualServerUuid`). Pass `force: true` to switch servers. Nothing was changed. */
  | 'TOKEN_SERVER_MISMATCH'
  /** The file is not an Apple server token: expected the `.p7m` downloaded from Apple School Manager (S/MIME, or PEM/DER PKCS#7). Nothing was changed. */
  | 'TOKEN_UNREADABLE'
  /** The token was encrypted to another public key. Download a new token in Apple School Manager after uploading the key Homeroom gave you. Nothing was changed. */
  | 'TOKEN_WRONG_KEY'
  /** No API key, a key without the `Bearer ` scheme, an unknown key or a revoked key (the message says which). Send `Authorization: Bearer <key>` (HTTP) or `connectionParams.authorization` (websocket). */
  | 'UNAUTHENTICATED'
  /** The server runs only trusted documents (`GRAPHQL_TRUSTED_DOCUMENTS=only`) and this one is not in its manifest; nothing ran. Use the operations the manifest was built from, or send their `extensions.persistedQuery.sha256Hash`. */
  | 'UNTRUSTED_DOCUMENT';

/** Options of the public key to generate. */
export type GenerateEncryptionPublicKeyInput = {
  /** The certificate's common name, which Apple School Manager shows next to the MDM server (1 to 64 characters; default `Homeroom DEP token`). */
  commonName?: string | null | undefined;
};

/** A CSV file of users to create. */
export type ImportUsersInput = {
  /** The file's text: a header line `username,displayName,role,password` (any order, any case; other columns are ignored), then one user a line, at most 50000 rows. Fields with commas, quotes or line breaks are quoted, with quotes doubled; CRLF or LF; blank lines are skipped. The request body may be at most 5 MB. */
  csv: string;
};

/** The push certificate's health on the server's clock. */
export type MdmPushCertificateStatus =
  /** Valid for more than 30 days. */
  | 'ACTIVE'
  /** Expired: Apple no longer delivers pushes with it. Renew it (same Apple ID, so the topic stays the same) and upload it again. */
  | 'EXPIRED'
  /** Expires within 30 days: renew it at the Apple Push Certificates Portal with the same Apple ID, then upload it again. */
  | 'EXPIRING_SOON';

/** Why a device cannot be scheduled to migrate without erase. */
export type MigrationRefusalReason =
  /** The device is enrolled with Homeroom already. */
  | 'ALREADY_ENROLLED'
  /** A migration of the device is already under way; update or cancel it instead. */
  | 'MIGRATION_IN_PROGRESS'
  /** Apple School Manager does not know the device: it was not set up by Automated Device Enrollment from the organisation's purchases. */
  | 'NOT_IN_ORGANIZATION'
  /** The device runs a version before iPadOS 26, which cannot migrate without erase. */
  | 'OS_TOO_OLD'
  /** Added with Apple Configurator less than 30 days ago: it can migrate once its provisional period ends. */
  | 'PROVISIONAL_PERIOD'
  /** The device was released from the organisation. */
  | 'RELEASED_FROM_ORGANIZATION'
  /** The device is set up for Return to Service, which erases it anyway. */
  | 'RETURN_TO_SERVICE'
  /** A Shared iPad: Apple migrates single-user devices only. */
  | 'SHARED_IPAD';

/** Where a migration without erase stands. */
export type MigrationStatus =
  /** Homeroom cancelled the migration at Apple; the device stays with its MDM. */
  | 'CANCELLED'
  /** Apple refused the device, or its enrollment with Homeroom failed: `failureReason` says which. */
  | 'FAILED'
  /** Apple was asked to move the device with a deadline; the device has not contacted Homeroom yet. */
  | 'REQUESTED'
  /** The device began enrolling with Homeroom (the user chose to migrate, or the deadline came). */
  | 'STARTED'
  /** The device enrolled with Homeroom without erase and is ENROLLED. */
  | 'SUCCESS';

/** Ascending or descending. */
export type OrderDirection =
  /** Smallest (or earliest, or A) first; nulls last. */
  | 'ASC'
  /** Largest (or latest, or Z) first; nulls still last. */
  | 'DESC';

/** Whether devices may pair with (sync to) computers. */
export type PairingMode =
  /** Any computer may pair with the device (Apple `allow_pairing: true`; deprecated by Apple since iOS 13). */
  | 'ALLOW_ALL'
  /** Only Apple Configurator hosts whose certificate is in `configuratorCertificates` may pair (Apple `supervising_host_certs`); needs a supervised device. */
  | 'ALLOW_CONFIGURATOR_BY_CERTIFICATE'
  /** No computer may pair with the device (Apple `allow_pairing: false`). */
  | 'DENY_ALL';

/** One thing a role allows. Operations document the permission they need. */
export type Permission =
  /** Create, list and revoke API keys. */
  | 'API_KEY_MANAGE'
  /** Read the audit log. */
  | 'AUDIT_READ'
  /** Erase an enrolled device, with Return to Service or without. */
  | 'DEVICE_ERASE'
  /** Read devices, sync runs and enrollment state. */
  | 'DEVICE_READ'
  /** Start a device sync with Apple. */
  | 'DEVICE_SYNC'
  /** Assign and unassign profiles to devices. */
  | 'PROFILE_ASSIGN'
  /** Create enrollment profiles. */
  | 'PROFILE_CREATE'
  /** Delete enrollment profiles. */
  | 'PROFILE_DELETE'
  /** Read enrollment profiles. */
  | 'PROFILE_READ'
  /** Change enrollment profiles and the default profile. */
  | 'PROFILE_UPDATE'
  /** Start a rehearsal: virtual iPads of a token power on and enroll (only with the built-in Apple simulator). */
  | 'REHEARSAL_RUN'
  /** Upload tokens and generate the public key ASM needs. */
  | 'TOKEN_CREATE'
  /** Delete tokens. */
  | 'TOKEN_DELETE'
  /** Read enrollment program tokens. */
  | 'TOKEN_READ'
  /** Renew and rename tokens; share a token with School Data Sync. */
  | 'TOKEN_UPDATE'
  /** Read, create, change, delete and import the directory users (students and teachers) who sign in on iPads. */
  | 'USER_MANAGE';

/** The token whose devices to reconcile with the School Manager API. */
export type ReconcileWithSchoolManagerInput = {
  /** Global ID of the enrollment program token. */
  tokenId: string | number;
};

/** The token whose status to ask Apple for. */
export type RefreshTokenStatusInput = {
  /** Global ID of the token. */
  tokenId: string | number;
};

/** How a rehearsal stands or ended. */
export type RehearsalStatus =
  /** An iPad failed (`failures` says why), the run itself stopped, or Homeroom stopped before every iPad ran; `errorMessage` says which. */
  | 'FAILED'
  /** iPads are powering on; counts grow as each comes to rest. */
  | 'RUNNING'
  /** Every iPad came to rest enrolled or unmanaged (no profile: the consumer Setup Assistant, expected). */
  | 'SUCCEEDED';

/** The token whose organisation's API account to remove. */
export type RemoveSchoolManagerApiAccountInput = {
  /** Global ID of an enrollment program token of the organisation. */
  tokenId: string | number;
};

/** A new token file for an existing token. */
export type RenewTokenInput = {
  /** The Apple ID that downloaded the new token, when someone else did; omit to keep the current one. */
  appleId?: string | null | undefined;
  /** Accept a token of another MDM server; without it such a file is refused with TOKEN_SERVER_MISMATCH. */
  force?: boolean;
  /** The new `.p7m` as text (or base64 of its DER), for the same MDM server. It may be encrypted to the token's own public key or to the pending one. */
  tokenFile: string;
  /** Global ID of the token to renew. */
  tokenId: string | number;
};

/** The key to revoke. */
export type RevokeApiKeyInput = {
  /** Global ID of the API key. */
  id: string | number;
};

/** An API key's role: a fixed bundle of permissions, after Intune's Enrollment programs permissions. */
export type Role =
  /** Everything, including API key management, the user directory and the audit log. */
  | 'ADMIN'
  /** Reads tokens, profiles and devices; syncs devices; assigns and unassigns profiles; starts rehearsals (development). */
  | 'OPERATOR'
  /** Reads tokens, profiles and devices; changes nothing. */
  | 'READ_ONLY';

/** Devices to move to a token's MDM server without erase, by a deadline (iPadOS 26+, Automated Device Enrollment, not Shared iPad, not Return to Service, not released). Every device is checked first; one that is not eligible refuses the whole request (MIGRATION_NOT_ELIGIBLE). */
export type ScheduleDeviceMigrationInput = {
  /** Days until Apple forces the migration, 1 to 90. */
  deadlineInDays: number;
  /** Bundle ids of the managed apps the devices keep (at most 100); Homeroom takes them over before it releases each device. Default none. */
  keptApps?: Array<string> | null | undefined;
  /** Global ID of a profile of the token that awaits configuration (`awaitDeviceConfigured`), given to the devices when they arrive; default: the token's default profile if it awaits configuration, else its first profile that does. */
  profileId?: string | number | null | undefined;
  /** Serial numbers, 1 to 1000 (devices of the organisation, usually managed by another MDM now). */
  serialNumbers: Array<string>;
  /** Global ID of the token whose MDM server the devices migrate to; its organisation needs an Apple School Manager API account. */
  tokenId: string | number;
};

/** A token's default profile for new devices. */
export type SetDefaultEnrollmentProfileInput = {
  /** Global ID of one of the token's profiles; null clears the default. */
  profileId?: string | number | null | undefined;
  /** Global ID of the token. */
  tokenId: string | number;
};

/** A profile's Return to Service Wi-Fi network, or none. */
export type SetEnrollmentProfileWifiInput = {
  /** Global ID of the profile. */
  profileId: string | number;
  /** The network; null removes it (the profile then cannot return devices to service). */
  wifi?: WifiNetworkInput | null | undefined;
};

/** An Apple School Manager API account (ASM: Settings, API), for the organisation of a token. One per organisation: every token of it uses it. Checked, then tried with Apple, before it is stored; it replaces the organisation's previous account. */
export type SetSchoolManagerApiAccountInput = {
  /** The client ID ASM shows for the API account, e.g. `SCHOOLAPI.<uuid>`. */
  clientId: string;
  /** The key ID ASM shows for the account's private key. */
  keyId: string;
  /** The P-256 private key ASM generated for the account, unencrypted PEM (PKCS#8 or `EC PRIVATE KEY`). Stored encrypted, never shown again. */
  privateKey: string;
  /** Global ID of an enrollment program token of the organisation. */
  tokenId: string | number;
};

/** A Setup Assistant pane a profile skips (Apple's `skip_setup_items`). A skipped pane's setting can be changed later in Settings. Every iOS and iPadOS pane Apple lets an MDM skip; deprecated ones are still sent but ignored by current systems. */
export type SetupAssistantPane =
  /** Action Button, iPhone only (Apple `ActionButton`; iOS 17+). */
  | 'ACTION_BUTTON'
  /** Choose Your Look, light or dark (Apple `Appearance`; iOS and iPadOS 13+). */
  | 'APPEARANCE'
  /** Apple Account (Apple ID) and iCloud sign-in (Apple `AppleID`; iOS 7+). */
  | 'APPLE_ID'
  /** Apple Intelligence (Apple `Intelligence`; iOS and iPadOS 18+). */
  | 'APPLE_INTELLIGENCE'
  /** Apple Pay (Apple `Payment`; iOS 8.1+). */
  | 'APPLE_PAY'
  /** App Store (Apple `AppStore`; iOS and iPadOS 14.3+). */
  | 'APP_STORE'
  /** Camera Control, iPhone only (Apple `CameraButton`; iOS 18+). */
  | 'CAMERA_CONTROL'
  /** Transfer directly from another device (Apple `DeviceToDeviceMigration`; iOS 12.4+). */
  | 'DEVICE_TO_DEVICE_MIGRATION'
  /** App Analytics and diagnostic data sharing (Apple `Diagnostics`; iOS 7+). */
  | 'DIAGNOSTIC_DATA'
  /** Dictation and spoken language (Apple `SpokenLanguage`; iOS and iPadOS 13+). Not always skippable: it can appear before the device has its profile. */
  | 'DICTATION'
  /** Get Started (Apple `Welcome`; iOS and iPadOS 13+). */
  | 'GET_STARTED'
  /** Home button sensitivity, iPhone 7, 8 and SE only (Apple `HomeButtonSensitivity`; iOS 10 to 14). */
  | 'HOME_BUTTON'
  /** iMessage and FaceTime (Apple `iMessageAndFaceTime`; iOS 12+). */
  | 'IMESSAGE_AND_FACETIME'
  /** Keyboard (Apple `Keyboard`; iOS and iPadOS 13+). Not always skippable: it can appear before the device has its profile. */
  | 'KEYBOARD'
  /** Location Services (Apple `Location`; iOS 7+). */
  | 'LOCATION_SERVICES'
  /** Lockdown Mode, shown when an Apple Account is set up (Apple `EnableLockdownMode`; iOS and iPadOS 17.1+). */
  | 'LOCKDOWN_MODE'
  /** iMessage activation with the phone number, on cellular devices (Apple `MessagingActivationUsingPhoneNumber`; iOS 10+). */
  | 'MESSAGING_ACTIVATION_USING_PHONE_NUMBER'
  /** The "Move from Android" option of the Apps & Data pane (Apple `Android`; iOS 9+). */
  | 'MOVE_FROM_ANDROID'
  /** Multitasking (Apple `Multitasking`; iPadOS 26+). */
  | 'MULTITASKING'
  /** On-boarding information screens (Apple `OnBoarding`; iOS 11 to 13). */
  | 'ONBOARDING'
  /** What is new in this release (Apple `OSShowcase`; iOS and iPadOS 26+). */
  | 'OS_SHOWCASE'
  /** Passcode: the pane asking for a device passcode is hidden (Apple `Passcode`; iOS 7+). Skip it only when the device is secured another way (kiosk mode). */
  | 'PASSCODE'
  /** Data & Privacy (Apple `Privacy`; iOS 11.3+). */
  | 'PRIVACY'
  /** Restore from an iCloud or computer backup (Apple `Restore`; iOS 7+). */
  | 'RESTORE'
  /** Restore Completed (Apple `RestoreCompleted`; iOS and iPadOS 14+). */
  | 'RESTORE_COMPLETED'
  /** Safety (Apple `Safety`; iOS and iPadOS 16+). */
  | 'SAFETY'
  /** Safety and Handling information (Apple `SafetyAndHandling`; iOS and iPadOS 18.4+). */
  | 'SAFETY_AND_HANDLING'
  /** Screen Time (Apple `ScreenTime`; iOS 12+). */
  | 'SCREEN_TIME'
  /** Add a cellular plan; skipping it also stops automatic eSIM setup (Apple `SIMSetup`; iOS 12+). */
  | 'SIM_SETUP'
  /** Siri (Apple `Siri`; iOS 7+). */
  | 'SIRI'
  /** The mandatory software update pane (Apple `SoftwareUpdate`; iOS 12+). */
  | 'SOFTWARE_UPDATE'
  /** Software Update Complete (Apple `UpdateCompleted`; iOS and iPadOS 14+). */
  | 'SOFTWARE_UPDATE_COMPLETED'
  /** Apple's Terms and Conditions (Apple `TOS`; iOS 7+). */
  | 'TERMS_AND_CONDITIONS'
  /** Terms of Address, how the system addresses the user (Apple `TermsOfAddress`; iOS and iPadOS 16+). Not always skippable: it can appear before the device has its profile. */
  | 'TERMS_OF_ADDRESS'
  /** Touch ID or Face ID setup (Apple `Biometric`; iOS 8.1+). */
  | 'TOUCH_ID_FACE_ID'
  /** True Tone display (Apple `DisplayTone`; iOS 9.3.2 to 14). */
  | 'TRUE_TONE'
  /** Apple Watch migration, iPhone only (Apple `WatchMigration`; iOS 11+). */
  | 'WATCH_MIGRATION'
  /** Web Content Filtering (Apple `WebContentFiltering`; iOS and iPadOS 18.2+). */
  | 'WEB_CONTENT_FILTERING'
  /** Display Zoom (Apple `Zoom`; iOS 8.3 to 16). */
  | 'ZOOM';

/** Whether the token is shared with School Data Sync (legacy). */
export type ShareTokenWithSchoolDataSyncInput = {
  /** True to share it (at most one token is shared), false to stop sharing. */
  shared: boolean;
  /** Global ID of the token. */
  tokenId: string | number;
};

/** Which token, how many virtual iPads, and how many at once. */
export type StartRehearsalInput = {
  /** At most this many at once, 1 to 1000; 50 when omitted. */
  concurrency?: number | null | undefined;
  /** How many iPads to power on, 1 to 1000 (all the token has when it has fewer). */
  count: number;
  /** Global ID of the enrollment program token whose iPads power on. */
  tokenId: string | number;
};

/** The token whose devices to sync. */
export type SyncDevicesInput = {
  /** Global ID of the enrollment program token. */
  tokenId: string | number;
};

/** Why a run asked for as LIMITED or AUTOMATIC listed everything instead (its kind is FULL). */
export type SyncFallbackReason =
  /** Apple answered EXPIRED_CURSOR (the cursor is older than 7 days): listing again from the start. */
  | 'EXPIRED_CURSOR'
  /** Apple answered INVALID_CURSOR: listing again from the start. */
  | 'INVALID_CURSOR'
  /** No sync cursor is stored yet: only a full listing can start. */
  | 'NO_CURSOR'
  /** The last FULL run FAILED or TIMED_OUT: the full sync is still due, whatever the 7-day calendar says. */
  | 'PREVIOUS_FULL_FAILED'
  /** The last LIMITED run FAILED or TIMED_OUT, so changes may have been missed: the next sync asked for is FULL (Intune's rule), until a full one succeeds. */
  | 'PREVIOUS_LIMITED_FAILED'
  /** A full listing stopped part way (crash, timeout, Apple failure); this run continues it from its last saved page. */
  | 'RESUMED_FULL_SYNC';

/** What a sync run does. A FULL sync refreshes every serial Apple assigns to the MDM server and marks the ones it no longer lists as removed; a token gets at most one every 7 days. A sync asked for within 7 days of the last full one is LIMITED: it adds serials Homeroom does not know yet and marks removed ones (Apple's sync cursor), without refreshing known serials; if Apple says the cursor expired or is invalid, it falls back to a full sync and records why (`fallbackReason`). Every run has 15 minutes: meanwhile another request gets SYNC_IN_PROGRESS, and after them an unfinished run is TIMED_OUT and syncing is allowed again. On top of that, at most one manual sync (`syncDevices`) per 15 minutes, counted from the previous manual one's start: sooner gets SYNC_TOO_SOON (Intune's rule). A LIMITED run that FAILED or TIMED_OUT makes the next sync asked for FULL (`fallbackReason` PREVIOUS_LIMITED_FAILED), and a failed FULL one stays due (PREVIOUS_FULL_FAILED), until a full run succeeds. Homeroom also runs an AUTOMATIC sync (new and removed serials) of every token every 24 hours (AUTOMATIC_SYNC_INTERVAL_HOURS), and the first sync when a token is uploaded. New serials get the token's default enrollment profile at Apple in the same run. */
export type SyncKind =
  /** Started by Homeroom every 24 hours (configurable): like LIMITED, new and removed serials only. */
  | 'AUTOMATIC'
  /** Lists every serial Apple assigns to the MDM server from the start, refreshes each, and marks the ones not listed as removed. At most once per 7 days per token. */
  | 'FULL'
  /** Asked for within 7 days of the last full sync: Apple's changes since the last run (sync cursor): adds unknown serials, marks removed ones, leaves known serials as they are. */
  | 'LIMITED';

/** Where a sync run is. */
export type SyncPhase =
  /** Assigning the token's default profile to new serials at Apple (batches of 1000). */
  | 'ASSIGNING_DEFAULT_PROFILE'
  /** Ended; `status` says how. */
  | 'DONE'
  /** Listing every serial of the MDM server, page by page (full sync). */
  | 'FETCHING'
  /** Marking serials the full listing did not include as removed. */
  | 'MARKING_REMOVED'
  /** Reading Apple's changes since the last run, page by page. */
  | 'SYNCING';

/** How a sync run stands or ended. */
export type SyncRunStatus =
  /** Stopped on an error (`errorCode`, `errorMessage`); the pages saved before stay, and the next run continues from there. */
  | 'FAILED'
  /** In progress, within its 15 minutes. */
  | 'RUNNING'
  /** Finished: every page Apple sent is saved. */
  | 'SUCCEEDED'
  /** Did not finish within its 15 minutes; syncing is allowed again and the next run continues from the last page saved. */
  | 'TIMED_OUT';

/** Whether a sync of the token is running now. */
export type SyncState =
  /** No run holds the token: a sync may start now. */
  | 'IDLE'
  /** A run holds the token until it ends or its 15 minutes are over (`syncAvailableAt`). */
  | 'RUNNING';

/** Why a sync run started. */
export type SyncTrigger =
  /** Someone asked for it (`syncDevices`). */
  | 'MANUAL'
  /** The automatic sync, every 24 hours by default. */
  | 'SCHEDULED'
  /** The first sync of a token just uploaded. */
  | 'TOKEN_UPLOADED';

/** A token's health: Apple's last verdict on it, and its expiry on the server's clock. */
export type TokenStatus =
  /** Apple accepted the token when last asked, and it expires in more than 30 days. */
  | 'ACTIVE'
  /** The token is past its expiry; Apple refuses it. Download a new one in Apple School Manager and call `renewToken`. */
  | 'EXPIRED'
  /** The token expires within 30 days: download a new one in Apple School Manager and call `renewToken`. */
  | 'EXPIRING_SOON'
  /** Apple refuses the token (replaced by a newer download, or revoked), as its sign-in (`/session`) said; one refused data call does not make a token REJECTED. Download a new token for this MDM server and call `renewToken`. */
  | 'REJECTED'
  /** Apple refuses calls until an administrator accepts the latest terms and conditions in Apple School Manager; then call `refreshTokenStatus`. */
  | 'TERMS_NOT_ACCEPTED';

/** Which Apple portal the token comes from. */
export type TokenType =
  /** A token from Apple Business Manager (`org_type: org`). */
  | 'APPLE_BUSINESS_MANAGER'
  /** A token from Apple School Manager (`org_type: edu`). */
  | 'APPLE_SCHOOL_MANAGER';

/** The token whose devices lose their profile at Apple, and which devices. */
export type UnassignProfileInput = {
  /** The devices: by IDs, serial numbers or filter. */
  devices: DeviceSelectionInput;
  /** True: only answer what the removal would do (`preview`); nothing is stored and Apple is not called. */
  preview?: boolean | null | undefined;
  /** Global ID of the enrollment program token the devices belong to. */
  tokenId: string | number;
};

/** Migrations under way whose deadline to move. */
export type UpdateDeviceMigrationDeadlineInput = {
  /** Days from now until the new deadline, 1 to 90. */
  deadlineInDays: number;
  /** Serial numbers with a migration under way (REQUESTED or STARTED), 1 to 1000. */
  serialNumbers: Array<string>;
  /** Global ID of the token the devices migrate to. */
  tokenId: string | number;
};

/** Changes to a profile. An omitted field keeps its value; null clears description, maximumCachedUsers, departmentName, departmentPhone and identityKind, and keeps the others. Changing pairing to DENY_ALL or ALLOW_ALL drops the configurator certificates. Turning user affinity or supervised off on a Shared iPad profile turns Shared iPad off (the payload says so) unless sharedIPad: true is asked for too, which is refused. */
export type UpdateEnrollmentProfileInput = {
  /** Setup waits until Homeroom releases the device. */
  awaitDeviceConfigured?: boolean | null | undefined;
  /** PEM (-----BEGIN CERTIFICATE-----) or base64 DER X.509 certificates of Apple Configurator hosts; required (1 to 10) with pairing ALLOW_CONFIGURATOR_BY_CERTIFICATE, refused with other modes. Replaces the list; an empty list removes them. */
  configuratorCertificates?: Array<string> | null | undefined;
  /** Shown under About Configuration; null clears it. */
  departmentName?: string | null | undefined;
  /** Shown under Need Help; null clears it. */
  departmentPhone?: string | null | undefined;
  /** For admins; null clears it. */
  description?: string | null | undefined;
  /** How its devices get their MDM identity; null returns it to the server's default (MDM_IDENTITY). */
  identityKind?: DeviceIdentityKind | null | undefined;
  /** Return to Service (Apple `is_return_to_service`, iPadOS 26): a device erased by the MDM, or asking by itself, comes back without a person. Requires supervised; set the profile's Wi-Fi with setEnrollmentProfileWifi. */
  isReturnToService?: boolean | null | undefined;
  /** Locked enrollment. Requires supervised. */
  lockedEnrollment?: boolean | null | undefined;
  /** Shared iPad only: users cached on the device, 1 to 96. Null clears it. */
  maximumCachedUsers?: number | null | undefined;
  /** 1 to 125 characters, unique per token. */
  name?: string | null | undefined;
  /** Whether devices may pair with computers. */
  pairing?: PairingMode | null | undefined;
  /** Global ID of the profile. */
  profileId: string | number;
  /** Shared iPad. Requires WITH_USER_AFFINITY and supervised. */
  sharedIPad?: boolean | null | undefined;
  /** Setup Assistant panes to skip; replaces the list. */
  skippedPanes?: Array<SetupAssistantPane> | null | undefined;
  /** Supervised devices. */
  supervised?: boolean | null | undefined;
  /** With or without user affinity. */
  userAffinity?: UserAffinity | null | undefined;
};

/** New values for a token; omitted fields stay as they are. */
export type UpdateTokenInput = {
  /** The Apple ID that manages the token in Apple School Manager. */
  appleId?: string | null | undefined;
  /** A new name: unique, 1 to 100 characters. */
  name?: string | null | undefined;
  /** Global ID of the token. */
  tokenId: string | number;
};

/** Changes to a user; an omitted or null field keeps its value. The username cannot change. */
export type UpdateUserInput = {
  /** New display name (1 to 200 characters). */
  displayName?: string | null | undefined;
  /** Global ID of the user. */
  id: string | number;
  /** New password: 8 to 256 characters, taken exactly as given (spaces count). Stored only as a scrypt hash. */
  password?: string | null | undefined;
  /** New role. */
  role?: UserRole | null | undefined;
};

/** An Apple MDM push certificate and its private key, both PEM. */
export type UploadMdmPushCertificateInput = {
  /** The certificate from the Apple Push Certificates Portal, PEM (-----BEGIN CERTIFICATE-----). Its subject UID is the topic. */
  certificate: string;
  /** The private key the certificate request was made with, unencrypted PEM (PKCS#8 or PKCS#1). Stored encrypted, never shown again. */
  privateKey: string;
};

/** A server token downloaded from Apple School Manager, and what to call it. */
export type UploadTokenInput = {
  /** The Apple ID that downloaded the token in Apple School Manager; it is needed to renew the token. */
  appleId: string;
  /** Homeroom's name for the token: unique, 1 to 100 characters. */
  name: string;
  /** The token file (`.p7m`) as text, exactly as downloaded (S/MIME; PEM also works), or the base64 of its DER bytes. It must be encrypted to the pending public key (`generateEncryptionPublicKey`). */
  tokenFile: string;
};

/** Whether devices enroll with or without user affinity (seed 002). Shared iPad needs WITH_USER_AFFINITY. */
export type UserAffinity =
  /** The device is not affiliated with a user: for devices that do tasks without user data. Apps that need a user (Company Portal) do not work. */
  | 'WITHOUT_USER_AFFINITY'
  /** The device is affiliated with a user during setup (their Managed Apple Account). Required for Shared iPad. */
  | 'WITH_USER_AFFINITY';

/** Narrows the user list; every given condition must hold. */
export type UserFilterInput = {
  /** Only users with this role. */
  role?: UserRole | null | undefined;
  /** Only users whose username contains this text, in any case. */
  usernameContains?: string | null | undefined;
};

/** How a user import stands or ended. SUCCEEDED and FAILED are final. */
export type UserImportJobStatus =
  /** Stopped on an error (`errorCode`, `errorMessage`): users already created stay, and the rows not reached are FAILED with INTERNAL_SERVER_ERROR; import those again. */
  | 'FAILED'
  /** Stored with its rows, not started yet (a server takes it at once, or when it starts again). */
  | 'PENDING'
  /** Creating users, one chunk of rows after another. */
  | 'RUNNING'
  /** Ended: every row was dealt with, created or reported FAILED with its reason (`rows(statuses: [FAILED])` lists them). */
  | 'SUCCEEDED';

/** What became of one data row of a user import. */
export type UserImportRowStatus =
  /** The user was created. */
  | 'CREATED'
  /** Nothing was created for this row; `code` and `message` say why. */
  | 'FAILED'
  /** Waiting for its chunk: the user does not exist yet. */
  | 'PENDING';

/** A directory user's role at school. */
export type UserRole =
  /** A student. */
  | 'STUDENT'
  /** A teacher or other staff member. */
  | 'TEACHER';

/** A Wi-Fi network devices join by themselves when they return to service. */
export type WifiNetworkInput = {
  /** WPA2 or WPA3: the password (sealed at rest, never returned). NONE: omitted or null. */
  password?: string | null | undefined;
  /** How the network is secured. */
  security: WifiSecurity;
  /** The network name: 1 to 32 bytes in UTF-8, one line. */
  ssid: string;
};

/** How a Return to Service Wi-Fi network is secured (the Wi-Fi payload `EncryptionType`). */
export type WifiSecurity =
  /** An open network: no password (captive portals cannot be passed without a person). */
  | 'NONE'
  /** WPA2 Personal: a password of 8 to 63 printable ASCII characters, or 64 hex digits. */
  | 'WPA2'
  /** WPA3 Personal: a password of 8 to 63 printable ASCII characters. */
  | 'WPA3';

export type CreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateApiKeyMutation = { createApiKey: { secret: string, apiKey: { id: string, name: string, role: Role, description: string | null, prefix: string, active: boolean, createdBy: string, createdAt: string, permissions: Array<Permission> } } };

export type RevokeApiKeyMutationVariables = Exact<{
  input: RevokeApiKeyInput;
}>;


export type RevokeApiKeyMutation = { revokeApiKey: { apiKey: { id: string, name: string, active: boolean, revokedAt: string | null } } };

export type ApiKeysQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  includeRevoked?: boolean;
}>;


export type ApiKeysQuery = { apiKeys: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, name: string, role: Role, active: boolean } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type AssignmentJobFieldsFragment = { id: string, kind: AssignmentKind, status: AssignmentJobStatus, deviceCount: number, pendingCount: number, unchangedCount: number, cannotChangeCount: number, succeededCount: number, notAccessibleCount: number, failedCount: number, throttledCount: number, requiresWipeCount: number, appleCalls: number, percent: number, requestedBy: string, createdAt: string, startedAt: string | null, finishedAt: string | null, errorCode: string | null, errorMessage: string | null, token: { id: string }, profile: { id: string, name: string } | null };

export type AssignmentOutcomeFieldsFragment = { id: string, serialNumber: string, result: AssignmentResult, attempts: number, requiresWipe: boolean, retryAt: string | null, updatedAt: string, device: { id: string, serialNumber: string, profileStatus: DeviceProfileStatus } | null };

export type AssignmentPreviewFieldsFragment = { kind: AssignmentKind, willChangeCount: number, unchangedCount: number, cannotChangeCount: number, removedCount: number, otherTokenCount: number, unknownSerialCount: number, requiresWipeCount: number, unknownSerialNumbers: Array<string>, willChange: Array<{ id: string, serialNumber: string }>, unchanged: Array<{ id: string, serialNumber: string }>, cannotChange: Array<{ id: string, serialNumber: string }> };

export type AssignProfileMutationVariables = Exact<{
  input: AssignProfileInput;
}>;


export type AssignProfileMutation = { assignProfile: { job: { id: string, kind: AssignmentKind, status: AssignmentJobStatus, deviceCount: number, pendingCount: number, unchangedCount: number, cannotChangeCount: number, succeededCount: number, notAccessibleCount: number, failedCount: number, throttledCount: number, requiresWipeCount: number, appleCalls: number, percent: number, requestedBy: string, createdAt: string, startedAt: string | null, finishedAt: string | null, errorCode: string | null, errorMessage: string | null, token: { id: string }, profile: { id: string, name: string } | null } | null, preview: { kind: AssignmentKind, willChangeCount: number, unchangedCount: number, cannotChangeCount: number, removedCount: number, otherTokenCount: number, unknownSerialCount: number, requiresWipeCount: number, unknownSerialNumbers: Array<string>, willChange: Array<{ id: string, serialNumber: string }>, unchanged: Array<{ id: string, serialNumber: string }>, cannotChange: Array<{ id: string, serialNumber: string }> } | null } };

export type UnassignProfileMutationVariables = Exact<{
  input: UnassignProfileInput;
}>;


export type UnassignProfileMutation = { unassignProfile: { job: { id: string, kind: AssignmentKind, status: AssignmentJobStatus, deviceCount: number, pendingCount: number, unchangedCount: number, cannotChangeCount: number, succeededCount: number, notAccessibleCount: number, failedCount: number, throttledCount: number, requiresWipeCount: number, appleCalls: number, percent: number, requestedBy: string, createdAt: string, startedAt: string | null, finishedAt: string | null, errorCode: string | null, errorMessage: string | null, token: { id: string }, profile: { id: string, name: string } | null } | null, preview: { kind: AssignmentKind, willChangeCount: number, unchangedCount: number, cannotChangeCount: number, removedCount: number, otherTokenCount: number, unknownSerialCount: number, requiresWipeCount: number, unknownSerialNumbers: Array<string>, willChange: Array<{ id: string, serialNumber: string }>, unchanged: Array<{ id: string, serialNumber: string }>, cannotChange: Array<{ id: string, serialNumber: string }> } | null } };

export type AssignmentJobQueryVariables = Exact<{
  id: string | number;
  results?: Array<AssignmentResult> | AssignmentResult | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AssignmentJobQuery = { assignmentJob: { id: string, kind: AssignmentKind, status: AssignmentJobStatus, deviceCount: number, pendingCount: number, unchangedCount: number, cannotChangeCount: number, succeededCount: number, notAccessibleCount: number, failedCount: number, throttledCount: number, requiresWipeCount: number, appleCalls: number, percent: number, requestedBy: string, createdAt: string, startedAt: string | null, finishedAt: string | null, errorCode: string | null, errorMessage: string | null, outcomes: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, serialNumber: string, result: AssignmentResult, attempts: number, requiresWipe: boolean, retryAt: string | null, updatedAt: string, device: { id: string, serialNumber: string, profileStatus: DeviceProfileStatus } | null } }> }, token: { id: string }, profile: { id: string, name: string } | null } | null };

export type TokenAssignmentJobsQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TokenAssignmentJobsQuery = { node:
    | { __typename: 'ApiKey' }
    | { __typename: 'AssignmentJob' }
    | { __typename: 'AssignmentOutcome' }
    | { __typename: 'AuditEvent' }
    | { __typename: 'Device' }
    | { __typename: 'DeviceMigration' }
    | { __typename: 'EncryptionPublicKey' }
    | { __typename: 'EnrollmentProfile' }
    | { __typename: 'EnrollmentProgramToken', assignmentJobs: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, kind: AssignmentKind, status: AssignmentJobStatus, deviceCount: number, pendingCount: number, unchangedCount: number, cannotChangeCount: number, succeededCount: number, notAccessibleCount: number, failedCount: number, throttledCount: number, requiresWipeCount: number, appleCalls: number, percent: number, requestedBy: string, createdAt: string, startedAt: string | null, finishedAt: string | null, errorCode: string | null, errorMessage: string | null, token: { id: string }, profile: { id: string, name: string } | null } }> } }
    | { __typename: 'MdmPushCertificate' }
    | { __typename: 'Rehearsal' }
    | { __typename: 'SchoolManagerApiAccount' }
    | { __typename: 'SyncRun' }
    | { __typename: 'User' }
    | { __typename: 'UserImportJob' }
   | null };

export type TokenDeviceProfilesQueryVariables = Exact<{
  id: string | number;
  filter?: DeviceFilterInput | null | undefined;
  first?: number | null | undefined;
}>;


export type TokenDeviceProfilesQuery = { node:
    | { __typename: 'ApiKey' }
    | { __typename: 'AssignmentJob' }
    | { __typename: 'AssignmentOutcome' }
    | { __typename: 'AuditEvent' }
    | { __typename: 'Device' }
    | { __typename: 'DeviceMigration' }
    | { __typename: 'EncryptionPublicKey' }
    | { __typename: 'EnrollmentProfile' }
    | { __typename: 'EnrollmentProgramToken', devices: { totalCount: number, edges: Array<{ node: { id: string, serialNumber: string, profileStatus: DeviceProfileStatus, appleProfileUuid: string | null, requiresWipe: boolean, profile: { id: string } | null } }> } }
    | { __typename: 'MdmPushCertificate' }
    | { __typename: 'Rehearsal' }
    | { __typename: 'SchoolManagerApiAccount' }
    | { __typename: 'SyncRun' }
    | { __typename: 'User' }
    | { __typename: 'UserImportJob' }
   | null };

export type AssignmentNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type AssignmentNodeQuery = { node:
    | { __typename: 'ApiKey', id: string }
    | { __typename: 'AssignmentJob', id: string, kind: AssignmentKind, status: AssignmentJobStatus, deviceCount: number, pendingCount: number, unchangedCount: number, cannotChangeCount: number, succeededCount: number, notAccessibleCount: number, failedCount: number, throttledCount: number, requiresWipeCount: number, appleCalls: number, percent: number, requestedBy: string, createdAt: string, startedAt: string | null, finishedAt: string | null, errorCode: string | null, errorMessage: string | null, token: { id: string }, profile: { id: string, name: string } | null }
    | { __typename: 'AssignmentOutcome', id: string, serialNumber: string, result: AssignmentResult, attempts: number, requiresWipe: boolean, retryAt: string | null, updatedAt: string, device: { id: string, serialNumber: string, profileStatus: DeviceProfileStatus } | null }
    | { __typename: 'AuditEvent', id: string }
    | { __typename: 'Device', id: string }
    | { __typename: 'DeviceMigration', id: string }
    | { __typename: 'EncryptionPublicKey', id: string }
    | { __typename: 'EnrollmentProfile', id: string }
    | { __typename: 'EnrollmentProgramToken', id: string }
    | { __typename: 'MdmPushCertificate', id: string }
    | { __typename: 'Rehearsal', id: string }
    | { __typename: 'SchoolManagerApiAccount', id: string }
    | { __typename: 'SyncRun', id: string }
    | { __typename: 'User', id: string }
    | { __typename: 'UserImportJob', id: string }
   | null };

export type AssignmentJobProgressedSubscriptionVariables = Exact<{
  jobId: string | number;
}>;


export type AssignmentJobProgressedSubscription = { assignmentJobProgressed: { jobId: string, tokenId: string, kind: AssignmentKind, status: AssignmentJobStatus, batchSize: number, appleCalls: number, deviceCount: number, pendingCount: number, unchangedCount: number, cannotChangeCount: number, succeededCount: number, notAccessibleCount: number, failedCount: number, throttledCount: number, requiresWipeCount: number, percent: number, at: string, job: { id: string, status: AssignmentJobStatus } | null } };

export type AuditEventsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: AuditEventFilter | null | undefined;
}>;


export type AuditEventsQuery = { auditEvents: { totalCount: number, edges: Array<{ node: { id: string, occurredAt: string, actorName: string, action: string, outcome: AuditOutcome, errorCode: ErrorCode | null, errorMessage: string | null, requestId: string | null, targetIds: Array<string>, details: Record<string, unknown> | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AuditEventRecordedSubscriptionVariables = Exact<{
  action?: string | null | undefined;
}>;


export type AuditEventRecordedSubscription = { auditEventRecorded: { id: string, action: string, actorName: string, outcome: AuditOutcome, errorCode: ErrorCode | null, targetIds: Array<string> } };

export type DeviceEnrollmentFieldsFragment = { state: EnrollmentState, failureReason: string | null, udid: string | null, osVersion: string | null, buildVersion: string | null, productName: string | null, supervised: boolean | null, startedAt: string | null, enrolledAt: string | null, lastContactedAt: string | null, profile: { id: string, name: string } | null };

export type TokenDeviceEnrollmentsQueryVariables = Exact<{
  id: string | number;
  filter?: DeviceFilterInput | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TokenDeviceEnrollmentsQuery = { node:
    | { __typename: 'ApiKey' }
    | { __typename: 'AssignmentJob' }
    | { __typename: 'AssignmentOutcome' }
    | { __typename: 'AuditEvent' }
    | { __typename: 'Device' }
    | { __typename: 'DeviceMigration' }
    | { __typename: 'EncryptionPublicKey' }
    | { __typename: 'EnrollmentProfile' }
    | { __typename: 'EnrollmentProgramToken', devices: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, serialNumber: string, enrollment: { state: EnrollmentState, failureReason: string | null, udid: string | null, osVersion: string | null, buildVersion: string | null, productName: string | null, supervised: boolean | null, startedAt: string | null, enrolledAt: string | null, lastContactedAt: string | null, profile: { id: string, name: string } | null } } }> } }
    | { __typename: 'MdmPushCertificate' }
    | { __typename: 'Rehearsal' }
    | { __typename: 'SchoolManagerApiAccount' }
    | { __typename: 'SyncRun' }
    | { __typename: 'User' }
    | { __typename: 'UserImportJob' }
   | null };

export type DeviceEnrollmentNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type DeviceEnrollmentNodeQuery = { node:
    | { __typename: 'ApiKey', id: string }
    | { __typename: 'AssignmentJob', id: string }
    | { __typename: 'AssignmentOutcome', id: string }
    | { __typename: 'AuditEvent', id: string }
    | { __typename: 'Device', serialNumber: string, id: string, enrollment: { state: EnrollmentState, failureReason: string | null, udid: string | null, osVersion: string | null, buildVersion: string | null, productName: string | null, supervised: boolean | null, startedAt: string | null, enrolledAt: string | null, lastContactedAt: string | null, profile: { id: string, name: string } | null } }
    | { __typename: 'DeviceMigration', id: string }
    | { __typename: 'EncryptionPublicKey', id: string }
    | { __typename: 'EnrollmentProfile', id: string }
    | { __typename: 'EnrollmentProgramToken', id: string }
    | { __typename: 'MdmPushCertificate', id: string }
    | { __typename: 'Rehearsal', id: string }
    | { __typename: 'SchoolManagerApiAccount', id: string }
    | { __typename: 'SyncRun', id: string }
    | { __typename: 'User', id: string }
    | { __typename: 'UserImportJob', id: string }
   | null };

export type DeviceEnrollmentChangedSubscriptionVariables = Exact<{
  tokenId: string | number;
}>;


export type DeviceEnrollmentChangedSubscription = { deviceEnrollmentChanged: { snapshot: boolean, state: EnrollmentState | null, previousState: EnrollmentState | null, at: string, stateCounts: Array<{ state: EnrollmentState, count: number }> | null, device: { id: string, serialNumber: string, token: { id: string }, enrollment: { state: EnrollmentState, udid: string | null } } | null } };

export type DeviceEnrollmentUsersQueryVariables = Exact<{
  id: string | number;
}>;


export type DeviceEnrollmentUsersQuery = { node:
    | { __typename: 'ApiKey' }
    | { __typename: 'AssignmentJob' }
    | { __typename: 'AssignmentOutcome' }
    | { __typename: 'AuditEvent' }
    | { __typename: 'Device', serialNumber: string, enrollment: { state: EnrollmentState, failureReason: string | null, maximumResidentUsers: number | null, user: { username: string, displayName: string } | null, residentUsers: Array<{ username: string, displayName: string | null, firstSignedInAt: string, lastSignedInAt: string, user: { username: string } | null }> } }
    | { __typename: 'DeviceMigration' }
    | { __typename: 'EncryptionPublicKey' }
    | { __typename: 'EnrollmentProfile' }
    | { __typename: 'EnrollmentProgramToken' }
    | { __typename: 'MdmPushCertificate' }
    | { __typename: 'Rehearsal' }
    | { __typename: 'SchoolManagerApiAccount' }
    | { __typename: 'SyncRun' }
    | { __typename: 'User' }
    | { __typename: 'UserImportJob' }
   | null };

export type DeviceEnrollmentChangedWithProfileSubscriptionVariables = Exact<{
  tokenId: string | number;
}>;


export type DeviceEnrollmentChangedWithProfileSubscription = { deviceEnrollmentChanged: { state: EnrollmentState | null, device: { id: string, profile: { id: string, name: string } | null, enrollment: { state: EnrollmentState, profile: { name: string } | null } } | null } };

export type DeviceListFieldsFragment = { totalCount: number, nodes: Array<{ id: string, serialNumber: string, model: string | null, deviceFamily: string | null, os: string | null, profileStatus: DeviceProfileStatus, firstSeenAt: string }>, edges: Array<{ cursor: string }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } };

export type DeviceBySerialQueryVariables = Exact<{
  serialNumber: string;
}>;


export type DeviceBySerialQuery = { device: { id: string, serialNumber: string, token: { id: string, name: string } } | null };

export type AllDevicesQueryVariables = Exact<{
  filter?: DevicesFilterInput | null | undefined;
  orderBy?: DeviceOrderInput | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type AllDevicesQuery = { devices: { totalCount: number, nodes: Array<{ id: string, serialNumber: string, model: string | null, deviceFamily: string | null, os: string | null, profileStatus: DeviceProfileStatus, firstSeenAt: string }>, edges: Array<{ cursor: string }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type TokenDevicesOrderedQueryVariables = Exact<{
  id: string | number;
  filter?: DeviceFilterInput | null | undefined;
  orderBy?: DeviceOrderInput | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TokenDevicesOrderedQuery = { enrollmentProgramToken: { id: string, name: string, models: Array<{ model: string, deviceCount: number }>, devices: { totalCount: number, nodes: Array<{ id: string, serialNumber: string, model: string | null, deviceFamily: string | null, os: string | null, profileStatus: DeviceProfileStatus, firstSeenAt: string }>, edges: Array<{ cursor: string }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } } | null };

export type EnrollmentProfileByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type EnrollmentProfileByIdQuery = { enrollmentProfile: { id: string, name: string, token: { id: string } } | null };

export type DevicesWithProfilesQueryVariables = Exact<{
  filter?: DevicesFilterInput | null | undefined;
  withFacts: boolean;
}>;


export type DevicesWithProfilesQuery = { devices: { nodes: Array<{ serialNumber: string, profile: { name: string, deviceCount?: number, isDefault?: boolean } | null }> } };

export type DeviceMigrationFieldsFragment = { id: string, serialNumber: string, status: MigrationStatus, deadline: string, keptApps: Array<string>, reinstalledApps: Array<string>, activityId: string, activityType: string, activityStatus: string, failureReason: string | null, requestedAt: string, startedAt: string | null, finishedAt: string | null };

export type MigrationEligibilityQueryVariables = Exact<{
  tokenId: string | number;
  serialNumbers: Array<string> | string;
}>;


export type MigrationEligibilityQuery = { migrationEligibility: Array<{ serialNumber: string, eligible: boolean, reason: MigrationRefusalReason | null, message: string | null }> };

export type ScheduleDeviceMigrationMutationVariables = Exact<{
  input: ScheduleDeviceMigrationInput;
}>;


export type ScheduleDeviceMigrationMutation = { scheduleDeviceMigration: { activityId: string, migrations: Array<{ id: string, serialNumber: string, status: MigrationStatus, deadline: string, keptApps: Array<string>, reinstalledApps: Array<string>, activityId: string, activityType: string, activityStatus: string, failureReason: string | null, requestedAt: string, startedAt: string | null, finishedAt: string | null }> } };

export type UpdateDeviceMigrationDeadlineMutationVariables = Exact<{
  input: UpdateDeviceMigrationDeadlineInput;
}>;


export type UpdateDeviceMigrationDeadlineMutation = { updateDeviceMigrationDeadline: { activityId: string, migrations: Array<{ id: string, serialNumber: string, status: MigrationStatus, deadline: string, keptApps: Array<string>, reinstalledApps: Array<string>, activityId: string, activityType: string, activityStatus: string, failureReason: string | null, requestedAt: string, startedAt: string | null, finishedAt: string | null }> } };

export type CancelDeviceMigrationMutationVariables = Exact<{
  input: CancelDeviceMigrationInput;
}>;


export type CancelDeviceMigrationMutation = { cancelDeviceMigration: { activityId: string, migrations: Array<{ id: string, serialNumber: string, status: MigrationStatus, deadline: string, keptApps: Array<string>, reinstalledApps: Array<string>, activityId: string, activityType: string, activityStatus: string, failureReason: string | null, requestedAt: string, startedAt: string | null, finishedAt: string | null }> } };

export type TokenMigratingDevicesQueryVariables = Exact<{
  id: string | number;
  serial?: string | null | undefined;
}>;


export type TokenMigratingDevicesQuery = { node:
    | { __typename: 'ApiKey' }
    | { __typename: 'AssignmentJob' }
    | { __typename: 'AssignmentOutcome' }
    | { __typename: 'AuditEvent' }
    | { __typename: 'Device' }
    | { __typename: 'DeviceMigration' }
    | { __typename: 'EncryptionPublicKey' }
    | { __typename: 'EnrollmentProfile' }
    | { __typename: 'EnrollmentProgramToken', devices: { edges: Array<{ node: { id: string, serialNumber: string, requiresWipe: boolean, mdmMigrationDeadline: string | null, profile: { id: string, name: string } | null, enrollment: { state: EnrollmentState }, migration: { id: string, serialNumber: string, status: MigrationStatus, deadline: string, keptApps: Array<string>, reinstalledApps: Array<string>, activityId: string, activityType: string, activityStatus: string, failureReason: string | null, requestedAt: string, startedAt: string | null, finishedAt: string | null } | null } }> } }
    | { __typename: 'MdmPushCertificate' }
    | { __typename: 'Rehearsal' }
    | { __typename: 'SchoolManagerApiAccount' }
    | { __typename: 'SyncRun' }
    | { __typename: 'User' }
    | { __typename: 'UserImportJob' }
   | null };

export type MigrationProgressedSubscriptionVariables = Exact<{
  tokenId: string | number;
}>;


export type MigrationProgressedSubscription = { migrationProgressed: { snapshot: boolean, status: MigrationStatus | null, deviceId: string | null, at: string, statusCounts: Array<{ status: MigrationStatus, count: number }> | null, migration: { id: string, serialNumber: string, status: MigrationStatus, deadline: string, keptApps: Array<string>, reinstalledApps: Array<string>, activityId: string, activityType: string, activityStatus: string, failureReason: string | null, requestedAt: string, startedAt: string | null, finishedAt: string | null } | null } };

export type DeviceMigrationNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type DeviceMigrationNodeQuery = { node:
    | { __typename: 'ApiKey' }
    | { __typename: 'AssignmentJob' }
    | { __typename: 'AssignmentOutcome' }
    | { __typename: 'AuditEvent' }
    | { __typename: 'Device' }
    | { __typename: 'DeviceMigration', id: string, serialNumber: string, status: MigrationStatus, deadline: string, keptApps: Array<string>, reinstalledApps: Array<string>, activityId: string, activityType: string, activityStatus: string, failureReason: string | null, requestedAt: string, startedAt: string | null, finishedAt: string | null }
    | { __typename: 'EncryptionPublicKey' }
    | { __typename: 'EnrollmentProfile' }
    | { __typename: 'EnrollmentProgramToken' }
    | { __typename: 'MdmPushCertificate' }
    | { __typename: 'Rehearsal' }
    | { __typename: 'SchoolManagerApiAccount' }
    | { __typename: 'SyncRun' }
    | { __typename: 'User' }
    | { __typename: 'UserImportJob' }
   | null };

export type NodeQueryVariables = Exact<{
  id: string | number;
}>;


export type NodeQuery = { node:
    | { __typename: 'ApiKey', name: string, role: Role, id: string }
    | { __typename: 'AssignmentJob', id: string }
    | { __typename: 'AssignmentOutcome', id: string }
    | { __typename: 'AuditEvent', action: string, outcome: AuditOutcome, id: string }
    | { __typename: 'Device', id: string }
    | { __typename: 'DeviceMigration', id: string }
    | { __typename: 'EncryptionPublicKey', id: string }
    | { __typename: 'EnrollmentProfile', id: string }
    | { __typename: 'EnrollmentProgramToken', id: string }
    | { __typename: 'MdmPushCertificate', id: string }
    | { __typename: 'Rehearsal', id: string }
    | { __typename: 'SchoolManagerApiAccount', id: string }
    | { __typename: 'SyncRun', id: string }
    | { __typename: 'User', id: string }
    | { __typename: 'UserImportJob', id: string }
   | null };

export type NodesQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type NodesQuery = { nodes: Array<
    | { __typename: 'ApiKey', id: string }
    | { __typename: 'AssignmentJob', id: string }
    | { __typename: 'AssignmentOutcome', id: string }
    | { __typename: 'AuditEvent', id: string }
    | { __typename: 'Device', id: string }
    | { __typename: 'DeviceMigration', id: string }
    | { __typename: 'EncryptionPublicKey', id: string }
    | { __typename: 'EnrollmentProfile', id: string }
    | { __typename: 'EnrollmentProgramToken', id: string }
    | { __typename: 'MdmPushCertificate', id: string }
    | { __typename: 'Rehearsal', id: string }
    | { __typename: 'SchoolManagerApiAccount', id: string }
    | { __typename: 'SyncRun', id: string }
    | { __typename: 'User', id: string }
    | { __typename: 'UserImportJob', id: string }
   | null> };

export type EnrollmentProfileFieldsFragment = { id: string, name: string, description: string | null, userAffinity: UserAffinity, supervised: boolean, lockedEnrollment: boolean, sharedIPad: boolean, maximumCachedUsers: number | null, pairing: PairingMode, configuratorCertificates: Array<string>, awaitDeviceConfigured: boolean, departmentName: string | null, departmentPhone: string | null, skippedPanes: Array<SetupAssistantPane>, enrollmentUrl: string, appleProfileUuid: string, appleDefinedAt: string, isDefault: boolean, deviceCount: number, createdAt: string, updatedAt: string, token: { id: string, name: string } };

export type CreateEnrollmentProfileMutationVariables = Exact<{
  input: CreateEnrollmentProfileInput;
}>;


export type CreateEnrollmentProfileMutation = { createEnrollmentProfile: { enrollmentProfile: { id: string, name: string, description: string | null, userAffinity: UserAffinity, supervised: boolean, lockedEnrollment: boolean, sharedIPad: boolean, maximumCachedUsers: number | null, pairing: PairingMode, configuratorCertificates: Array<string>, awaitDeviceConfigured: boolean, departmentName: string | null, departmentPhone: string | null, skippedPanes: Array<SetupAssistantPane>, enrollmentUrl: string, appleProfileUuid: string, appleDefinedAt: string, isDefault: boolean, deviceCount: number, createdAt: string, updatedAt: string, token: { id: string, name: string } } } };

export type UpdateEnrollmentProfileMutationVariables = Exact<{
  input: UpdateEnrollmentProfileInput;
}>;


export type UpdateEnrollmentProfileMutation = { updateEnrollmentProfile: { sharedIPadTurnedOff: boolean, redefinedAtApple: boolean, devicesMoved: number, devicesNotMoved: number, assignmentErrorCode: ErrorCode | null, assignmentErrorMessage: string | null, enrollmentProfile: { id: string, name: string, description: string | null, userAffinity: UserAffinity, supervised: boolean, lockedEnrollment: boolean, sharedIPad: boolean, maximumCachedUsers: number | null, pairing: PairingMode, configuratorCertificates: Array<string>, awaitDeviceConfigured: boolean, departmentName: string | null, departmentPhone: string | null, skippedPanes: Array<SetupAssistantPane>, enrollmentUrl: string, appleProfileUuid: string, appleDefinedAt: string, isDefault: boolean, deviceCount: number, createdAt: string, updatedAt: string, token: { id: string, name: string } } } };

export type DeleteEnrollmentProfileMutationVariables = Exact<{
  input: DeleteEnrollmentProfileInput;
}>;


export type DeleteEnrollmentProfileMutation = { deleteEnrollmentProfile: { deletedEnrollmentProfileId: string, enrollmentProgramToken: { id: string, profileCount: number } } };

export type SetDefaultEnrollmentProfileMutationVariables = Exact<{
  input: SetDefaultEnrollmentProfileInput;
}>;


export type SetDefaultEnrollmentProfileMutation = { setDefaultEnrollmentProfile: { enrollmentProgramToken: { id: string, defaultProfile: { id: string, name: string } | null }, defaultProfile: { id: string, name: string, isDefault: boolean } | null } };

export type EnrollmentProfileNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type EnrollmentProfileNodeQuery = { node:
    | { id: string, name: string, description: string | null, userAffinity: UserAffinity, supervised: boolean, lockedEnrollment: boolean, sharedIPad: boolean, maximumCachedUsers: number | null, pairing: PairingMode, configuratorCertificates: Array<string>, awaitDeviceConfigured: boolean, departmentName: string | null, departmentPhone: string | null, skippedPanes: Array<SetupAssistantPane>, enrollmentUrl: string, appleProfileUuid: string, appleDefinedAt: string, isDefault: boolean, deviceCount: number, createdAt: string, updatedAt: string, token: { id: string, name: string } }
    | Record<PropertyKey, never>
   | null };

export type TokenEnrollmentProfilesQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type TokenEnrollmentProfilesQuery = { node:
    | { id: string, profileCount: number, defaultProfile: { id: string, name: string } | null, profiles: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, name: string, isDefault: boolean, deviceCount: number } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } }
    | Record<PropertyKey, never>
   | null };

export type RehearsalFieldsFragment = { id: string, status: RehearsalStatus, requestedCount: number, deviceCount: number, concurrency: number, doneCount: number, enrolledCount: number, unmanagedCount: number, failedCount: number, percent: number, startedBy: string, startedAt: string, finishedAt: string | null, errorMessage: string | null, failures: Array<{ reason: string, count: number }>, token: { id: string, name: string } };

export type StartRehearsalMutationVariables = Exact<{
  input: StartRehearsalInput;
}>;


export type StartRehearsalMutation = { startRehearsal: { rehearsal: { id: string, status: RehearsalStatus, requestedCount: number, deviceCount: number, concurrency: number, doneCount: number, enrolledCount: number, unmanagedCount: number, failedCount: number, percent: number, startedBy: string, startedAt: string, finishedAt: string | null, errorMessage: string | null, failures: Array<{ reason: string, count: number }>, token: { id: string, name: string } } } };

export type RehearsalQueryVariables = Exact<{
  id: string | number;
}>;


export type RehearsalQuery = { rehearsal: { id: string, status: RehearsalStatus, requestedCount: number, deviceCount: number, concurrency: number, doneCount: number, enrolledCount: number, unmanagedCount: number, failedCount: number, percent: number, startedBy: string, startedAt: string, finishedAt: string | null, errorMessage: string | null, failures: Array<{ reason: string, count: number }>, token: { id: string, name: string } } | null };

export type RehearsalSupportQueryVariables = Exact<{ [key: string]: never; }>;


export type RehearsalSupportQuery = { rehearsalSupport: { available: boolean, unavailableReason: string | null, maxCount: number, running: { id: string, status: RehearsalStatus } | null } };

export type RehearsalNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type RehearsalNodeQuery = { node:
    | { __typename: 'ApiKey', id: string }
    | { __typename: 'AssignmentJob', id: string }
    | { __typename: 'AssignmentOutcome', id: string }
    | { __typename: 'AuditEvent', id: string }
    | { __typename: 'Device', id: string }
    | { __typename: 'DeviceMigration', id: string }
    | { __typename: 'EncryptionPublicKey', id: string }
    | { __typename: 'EnrollmentProfile', id: string }
    | { __typename: 'EnrollmentProgramToken', id: string }
    | { __typename: 'MdmPushCertificate', id: string }
    | { __typename: 'Rehearsal', status: RehearsalStatus, enrolledCount: number, id: string }
    | { __typename: 'SchoolManagerApiAccount', id: string }
    | { __typename: 'SyncRun', id: string }
    | { __typename: 'User', id: string }
    | { __typename: 'UserImportJob', id: string }
   | null };

export type RehearsalProgressedSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type RehearsalProgressedSubscription = { rehearsalProgressed: { snapshot: boolean, rehearsal: { id: string, status: RehearsalStatus, doneCount: number, enrolledCount: number } } };

export type ReturnToServiceProfileFieldsFragment = { id: string, name: string, supervised: boolean, isReturnToService: boolean, returnToServiceWifi: { ssid: string, security: WifiSecurity, hasPassword: boolean } | null };

export type CreateReturnToServiceProfileMutationVariables = Exact<{
  input: CreateEnrollmentProfileInput;
}>;


export type CreateReturnToServiceProfileMutation = { createEnrollmentProfile: { enrollmentProfile: { id: string, name: string, supervised: boolean, isReturnToService: boolean, returnToServiceWifi: { ssid: string, security: WifiSecurity, hasPassword: boolean } | null } } };

export type UpdateReturnToServiceProfileMutationVariables = Exact<{
  input: UpdateEnrollmentProfileInput;
}>;


export type UpdateReturnToServiceProfileMutation = { updateEnrollmentProfile: { redefinedAtApple: boolean, enrollmentProfile: { id: string, name: string, supervised: boolean, isReturnToService: boolean, returnToServiceWifi: { ssid: string, security: WifiSecurity, hasPassword: boolean } | null } } };

export type SetEnrollmentProfileWifiMutationVariables = Exact<{
  input: SetEnrollmentProfileWifiInput;
}>;


export type SetEnrollmentProfileWifiMutation = { setEnrollmentProfileWifi: { enrollmentProfile: { id: string, name: string, supervised: boolean, isReturnToService: boolean, returnToServiceWifi: { ssid: string, security: WifiSecurity, hasPassword: boolean } | null } } };

export type EraseDeviceMutationVariables = Exact<{
  input: EraseDeviceInput;
}>;


export type EraseDeviceMutation = { eraseDevice: { commandUuid: string, returnToService: boolean, device: { id: string, serialNumber: string, enrollment: { state: EnrollmentState } } } };

export type SetSchoolManagerApiAccountMutationVariables = Exact<{
  input: SetSchoolManagerApiAccountInput;
}>;


export type SetSchoolManagerApiAccountMutation = { setSchoolManagerApiAccount: { replacedPrevious: boolean, schoolManagerApiAccount: { clientId: string, keyId: string, createdAt: string, updatedAt: string } } };

export type RemoveSchoolManagerApiAccountMutationVariables = Exact<{
  input: RemoveSchoolManagerApiAccountInput;
}>;


export type RemoveSchoolManagerApiAccountMutation = { removeSchoolManagerApiAccount: { removed: boolean } };

export type ReconcileWithSchoolManagerMutationVariables = Exact<{
  input: ReconcileWithSchoolManagerInput;
}>;


export type ReconcileWithSchoolManagerMutation = { reconcileWithSchoolManager: { devicesChecked: number, devicesReleased: number, devicesNotOnServer: number, devicesOnOtherServer: number, coverageRead: number, startedAt: string, finishedAt: string, token: { id: string } } };

export type TokenSchoolManagerDevicesQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  filter?: DeviceFilterInput | null | undefined;
}>;


export type TokenSchoolManagerDevicesQuery = { node:
    | { __typename: 'ApiKey' }
    | { __typename: 'AssignmentJob' }
    | { __typename: 'AssignmentOutcome' }
    | { __typename: 'AuditEvent' }
    | { __typename: 'Device' }
    | { __typename: 'DeviceMigration' }
    | { __typename: 'EncryptionPublicKey' }
    | { __typename: 'EnrollmentProfile' }
    | { __typename: 'EnrollmentProgramToken', id: string, schoolManagerApiAccount: { organizationId: string, clientId: string, keyId: string } | null, devices: { totalCount: number, edges: Array<{ node: { serialNumber: string, removedAt: string | null, releasedFromOrgAt: string | null, orderNumber: string | null, purchaseSourceType: string | null, appleCareStatus: string | null, appleCareDescription: string | null, appleCareEndsAt: string | null, schoolManagerCheckedAt: string | null } }> } }
    | { __typename: 'MdmPushCertificate' }
    | { __typename: 'Rehearsal' }
    | { __typename: 'SchoolManagerApiAccount' }
    | { __typename: 'SyncRun' }
    | { __typename: 'User' }
    | { __typename: 'UserImportJob' }
   | null };

export type SyncRunFieldsFragment = { id: string, kind: SyncKind, trigger: SyncTrigger, status: SyncRunStatus, phase: SyncPhase, startedAt: string, finishedAt: string | null, deadlineAt: string, pages: number, devicesSeen: number, devicesAdded: number, devicesUpdated: number, devicesRemoved: number, defaultProfileAssigned: number, estimatedTotal: number | null, percent: number | null, fallbackReason: SyncFallbackReason | null, errorCode: string | null, errorMessage: string | null, token: { id: string } };

export type DeviceFieldsFragment = { id: string, serialNumber: string, model: string | null, description: string | null, color: string | null, assetTag: string | null, os: string | null, deviceFamily: string | null, profileStatus: DeviceProfileStatus, appleProfileUuid: string | null, profileAssignTime: string | null, profilePushTime: string | null, deviceAssignedDate: string | null, deviceAssignedBy: string | null, firstSeenAt: string, lastSeenAt: string, removedAt: string | null, token: { id: string }, profile: { id: string, name: string } | null };

export type SyncDevicesMutationVariables = Exact<{
  input: SyncDevicesInput;
}>;


export type SyncDevicesMutation = { syncDevices: { run: { id: string, kind: SyncKind, trigger: SyncTrigger, status: SyncRunStatus, phase: SyncPhase, startedAt: string, finishedAt: string | null, deadlineAt: string, pages: number, devicesSeen: number, devicesAdded: number, devicesUpdated: number, devicesRemoved: number, defaultProfileAssigned: number, estimatedTotal: number | null, percent: number | null, fallbackReason: SyncFallbackReason | null, errorCode: string | null, errorMessage: string | null, token: { id: string } } } };

export type TokenSyncQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TokenSyncQuery = { node:
    | { __typename: 'ApiKey' }
    | { __typename: 'AssignmentJob' }
    | { __typename: 'AssignmentOutcome' }
    | { __typename: 'AuditEvent' }
    | { __typename: 'Device' }
    | { __typename: 'DeviceMigration' }
    | { __typename: 'EncryptionPublicKey' }
    | { __typename: 'EnrollmentProfile' }
    | { __typename: 'EnrollmentProgramToken', id: string, deviceCount: number, syncStatus: { state: SyncState, lastSyncAt: string | null, lastSuccessfulSyncAt: string | null, lastFullSyncAt: string | null, nextFullSyncAvailableAt: string, syncAvailableAt: string, currentRun: { id: string, kind: SyncKind, trigger: SyncTrigger, status: SyncRunStatus, phase: SyncPhase, startedAt: string, finishedAt: string | null, deadlineAt: string, pages: number, devicesSeen: number, devicesAdded: number, devicesUpdated: number, devicesRemoved: number, defaultProfileAssigned: number, estimatedTotal: number | null, percent: number | null, fallbackReason: SyncFallbackReason | null, errorCode: string | null, errorMessage: string | null, token: { id: string } } | null }, syncRuns: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, kind: SyncKind, trigger: SyncTrigger, status: SyncRunStatus, phase: SyncPhase, startedAt: string, finishedAt: string | null, deadlineAt: string, pages: number, devicesSeen: number, devicesAdded: number, devicesUpdated: number, devicesRemoved: number, defaultProfileAssigned: number, estimatedTotal: number | null, percent: number | null, fallbackReason: SyncFallbackReason | null, errorCode: string | null, errorMessage: string | null, token: { id: string } } }> } }
    | { __typename: 'MdmPushCertificate' }
    | { __typename: 'Rehearsal' }
    | { __typename: 'SchoolManagerApiAccount' }
    | { __typename: 'SyncRun' }
    | { __typename: 'User' }
    | { __typename: 'UserImportJob' }
   | null };

export type TokenDevicesQueryVariables = Exact<{
  id: string | number;
  filter?: DeviceFilterInput | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type TokenDevicesQuery = { node:
    | { __typename: 'ApiKey' }
    | { __typename: 'AssignmentJob' }
    | { __typename: 'AssignmentOutcome' }
    | { __typename: 'AuditEvent' }
    | { __typename: 'Device' }
    | { __typename: 'DeviceMigration' }
    | { __typename: 'EncryptionPublicKey' }
    | { __typename: 'EnrollmentProfile' }
    | { __typename: 'EnrollmentProgramToken', devices: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, serialNumber: string, model: string | null, description: string | null, color: string | null, assetTag: string | null, os: string | null, deviceFamily: string | null, profileStatus: DeviceProfileStatus, appleProfileUuid: string | null, profileAssignTime: string | null, profilePushTime: string | null, deviceAssignedDate: string | null, deviceAssignedBy: string | null, firstSeenAt: string, lastSeenAt: string, removedAt: string | null, token: { id: string }, profile: { id: string, name: string } | null } }> } }
    | { __typename: 'MdmPushCertificate' }
    | { __typename: 'Rehearsal' }
    | { __typename: 'SchoolManagerApiAccount' }
    | { __typename: 'SyncRun' }
    | { __typename: 'User' }
    | { __typename: 'UserImportJob' }
   | null };

export type SyncNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type SyncNodeQuery = { node:
    | { __typename: 'ApiKey', id: string }
    | { __typename: 'AssignmentJob', id: string }
    | { __typename: 'AssignmentOutcome', id: string }
    | { __typename: 'AuditEvent', id: string }
    | { __typename: 'Device', id: string, serialNumber: string, model: string | null, description: string | null, color: string | null, assetTag: string | null, os: string | null, deviceFamily: string | null, profileStatus: DeviceProfileStatus, appleProfileUuid: string | null, profileAssignTime: string | null, profilePushTime: string | null, deviceAssignedDate: string | null, deviceAssignedBy: string | null, firstSeenAt: string, lastSeenAt: string, removedAt: string | null, token: { id: string }, profile: { id: string, name: string } | null }
    | { __typename: 'DeviceMigration', id: string }
    | { __typename: 'EncryptionPublicKey', id: string }
    | { __typename: 'EnrollmentProfile', id: string }
    | { __typename: 'EnrollmentProgramToken', id: string }
    | { __typename: 'MdmPushCertificate', id: string }
    | { __typename: 'Rehearsal', id: string }
    | { __typename: 'SchoolManagerApiAccount', id: string }
    | { __typename: 'SyncRun', id: string, kind: SyncKind, trigger: SyncTrigger, status: SyncRunStatus, phase: SyncPhase, startedAt: string, finishedAt: string | null, deadlineAt: string, pages: number, devicesSeen: number, devicesAdded: number, devicesUpdated: number, devicesRemoved: number, defaultProfileAssigned: number, estimatedTotal: number | null, percent: number | null, fallbackReason: SyncFallbackReason | null, errorCode: string | null, errorMessage: string | null, token: { id: string } }
    | { __typename: 'User', id: string }
    | { __typename: 'UserImportJob', id: string }
   | null };

export type SyncProgressedSubscriptionVariables = Exact<{
  tokenId: string | number;
}>;


export type SyncProgressedSubscription = { syncProgressed: { snapshot: boolean, tokenId: string, runId: string | null, kind: SyncKind | null, status: SyncRunStatus | null, phase: SyncPhase, pages: number, devicesSeen: number, devicesAdded: number, devicesUpdated: number, devicesRemoved: number, defaultProfileAssigned: number, estimatedTotal: number | null, percent: number | null, at: string } };

export type SyncProgressedWithRunSubscriptionVariables = Exact<{
  tokenId: string | number;
}>;


export type SyncProgressedWithRunSubscription = { syncProgressed: { snapshot: boolean, runId: string | null, status: SyncRunStatus | null, run: { id: string, status: SyncRunStatus } | null } };

export type SyncCooldownSubscriptionVariables = Exact<{
  tokenId: string | number;
}>;


export type SyncCooldownSubscription = { syncCooldown: { syncAvailableInSeconds: number, fullSyncAvailableInSeconds: number, running: boolean } };

export type TokenMovedDevicesQueryVariables = Exact<{
  id: string | number;
  filter?: DeviceFilterInput | null | undefined;
  first?: number | null | undefined;
}>;


export type TokenMovedDevicesQuery = { node:
    | { __typename: 'ApiKey' }
    | { __typename: 'AssignmentJob' }
    | { __typename: 'AssignmentOutcome' }
    | { __typename: 'AuditEvent' }
    | { __typename: 'Device' }
    | { __typename: 'DeviceMigration' }
    | { __typename: 'EncryptionPublicKey' }
    | { __typename: 'EnrollmentProfile' }
    | { __typename: 'EnrollmentProgramToken', id: string, serverName: string, deviceCount: number, movedAwayDeviceCount: number, devices: { totalCount: number, edges: Array<{ node: { id: string, serialNumber: string, profileStatus: DeviceProfileStatus, requiresWipe: boolean, removedAt: string | null, movedAwayAt: string | null, movedAwayFrom: { id: string, serverName: string } | null, token: { id: string, serverName: string }, profile: { id: string, name: string } | null, enrollment: { state: EnrollmentState, profile: { name: string } | null } } }> } }
    | { __typename: 'MdmPushCertificate' }
    | { __typename: 'Rehearsal' }
    | { __typename: 'SchoolManagerApiAccount' }
    | { __typename: 'SyncRun' }
    | { __typename: 'User' }
    | { __typename: 'UserImportJob' }
   | null };

export type TokenHealthFieldsFragment = { snapshot: boolean, tokenId: string, status: TokenStatus, statusReason: string, expiresAt: string, expiresInSeconds: number, expiresInDays: number, termsAccepted: boolean, at: string, lastAppleError: { code: ErrorCode, appleCode: string | null, endpoint: string | null } | null };

export type TokenHealthChangedSubscriptionVariables = Exact<{
  tokenId: string | number;
}>;


export type TokenHealthChangedSubscription = { tokenHealthChanged: { snapshot: boolean, tokenId: string, status: TokenStatus, statusReason: string, expiresAt: string, expiresInSeconds: number, expiresInDays: number, termsAccepted: boolean, at: string, lastAppleError: { code: ErrorCode, appleCode: string | null, endpoint: string | null } | null } };

export type TokenHealthFieldsQueryVariables = Exact<{
  id: string | number;
}>;


export type TokenHealthFieldsQuery = { enrollmentProgramToken: { id: string, status: TokenStatus, statusReason: string, expiresAt: string, expiresInSeconds: number, expiresInDays: number, termsAccepted: boolean, lastAppleError: { code: ErrorCode } | null } | null };

export type TokenFieldsFragment = { id: string, name: string, appleId: string, tokenType: TokenType, organizationName: string, serverName: string, serverUuid: string, expiresAt: string, createdAt: string, updatedAt: string, deviceCount: number, profileCount: number, status: TokenStatus, statusReason: string, statusCheckedAt: string | null, sharedWithSchoolDataSync: boolean, lastAppleError: { code: ErrorCode, appleCode: string | null, message: string, endpoint: string | null, at: string } | null };

export type MdmPushCertificateQueryVariables = Exact<{ [key: string]: never; }>;


export type MdmPushCertificateQuery = { mdmPushCertificate: { id: string, topic: string, subject: string, serialNumber: string, expiresAt: string, status: MdmPushCertificateStatus, simulated: boolean, uploadedAt: string, updatedAt: string } | null };

export type UploadMdmPushCertificateMutationVariables = Exact<{
  input: UploadMdmPushCertificateInput;
}>;


export type UploadMdmPushCertificateMutation = { uploadMdmPushCertificate: { replacedPrevious: boolean, topicChanged: boolean, mdmPushCertificate: { id: string, topic: string, subject: string, expiresAt: string, status: MdmPushCertificateStatus, simulated: boolean } } };

export type EncryptionPublicKeyQueryVariables = Exact<{ [key: string]: never; }>;


export type EncryptionPublicKeyQuery = { encryptionPublicKey: { id: string, certificate: string, createdAt: string, expiresAt: string } | null };

export type GenerateEncryptionPublicKeyMutationVariables = Exact<{
  input?: GenerateEncryptionPublicKeyInput;
}>;


export type GenerateEncryptionPublicKeyMutation = { generateEncryptionPublicKey: { replacedPrevious: boolean, encryptionPublicKey: { id: string, certificate: string, createdAt: string, expiresAt: string } } };

export type UploadTokenMutationVariables = Exact<{
  input: UploadTokenInput;
}>;


export type UploadTokenMutation = { uploadToken: { token: { id: string, name: string, appleId: string, tokenType: TokenType, organizationName: string, serverName: string, serverUuid: string, expiresAt: string, createdAt: string, updatedAt: string, deviceCount: number, profileCount: number, status: TokenStatus, statusReason: string, statusCheckedAt: string | null, sharedWithSchoolDataSync: boolean, lastAppleError: { code: ErrorCode, appleCode: string | null, message: string, endpoint: string | null, at: string } | null } } };

export type RenewTokenMutationVariables = Exact<{
  input: RenewTokenInput;
}>;


export type RenewTokenMutation = { renewToken: { serverChanged: boolean, adoptedPendingKey: boolean, token: { id: string, name: string, appleId: string, tokenType: TokenType, organizationName: string, serverName: string, serverUuid: string, expiresAt: string, createdAt: string, updatedAt: string, deviceCount: number, profileCount: number, status: TokenStatus, statusReason: string, statusCheckedAt: string | null, sharedWithSchoolDataSync: boolean, lastAppleError: { code: ErrorCode, appleCode: string | null, message: string, endpoint: string | null, at: string } | null } } };

export type UpdateTokenMutationVariables = Exact<{
  input: UpdateTokenInput;
}>;


export type UpdateTokenMutation = { updateToken: { token: { id: string, name: string, appleId: string, tokenType: TokenType, organizationName: string, serverName: string, serverUuid: string, expiresAt: string, createdAt: string, updatedAt: string, deviceCount: number, profileCount: number, status: TokenStatus, statusReason: string, statusCheckedAt: string | null, sharedWithSchoolDataSync: boolean, lastAppleError: { code: ErrorCode, appleCode: string | null, message: string, endpoint: string | null, at: string } | null } } };

export type DeleteTokenMutationVariables = Exact<{
  input: DeleteTokenInput;
}>;


export type DeleteTokenMutation = { deleteToken: { deletedTokenId: string } };

export type RefreshTokenStatusMutationVariables = Exact<{
  input: RefreshTokenStatusInput;
}>;


export type RefreshTokenStatusMutation = { refreshTokenStatus: { token: { id: string, name: string, appleId: string, tokenType: TokenType, organizationName: string, serverName: string, serverUuid: string, expiresAt: string, createdAt: string, updatedAt: string, deviceCount: number, profileCount: number, status: TokenStatus, statusReason: string, statusCheckedAt: string | null, sharedWithSchoolDataSync: boolean, lastAppleError: { code: ErrorCode, appleCode: string | null, message: string, endpoint: string | null, at: string } | null } } };

export type ShareTokenWithSchoolDataSyncMutationVariables = Exact<{
  input: ShareTokenWithSchoolDataSyncInput;
}>;


export type ShareTokenWithSchoolDataSyncMutation = { shareTokenWithSchoolDataSync: { token: { id: string, name: string, sharedWithSchoolDataSync: boolean } } };

export type EnrollmentProgramTokensQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type EnrollmentProgramTokensQuery = { enrollmentProgramTokens: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, name: string, appleId: string, tokenType: TokenType, organizationName: string, serverName: string, serverUuid: string, expiresAt: string, createdAt: string, updatedAt: string, deviceCount: number, profileCount: number, status: TokenStatus, statusReason: string, statusCheckedAt: string | null, sharedWithSchoolDataSync: boolean, lastAppleError: { code: ErrorCode, appleCode: string | null, message: string, endpoint: string | null, at: string } | null } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type TokenNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type TokenNodeQuery = { node:
    | { __typename: 'ApiKey', id: string }
    | { __typename: 'AssignmentJob', id: string }
    | { __typename: 'AssignmentOutcome', id: string }
    | { __typename: 'AuditEvent', id: string }
    | { __typename: 'Device', id: string }
    | { __typename: 'DeviceMigration', id: string }
    | { __typename: 'EncryptionPublicKey', certificate: string, id: string }
    | { __typename: 'EnrollmentProfile', id: string }
    | { __typename: 'EnrollmentProgramToken', name: string, status: TokenStatus, statusReason: string, id: string, lastAppleError: { code: ErrorCode, appleCode: string | null, message: string, endpoint: string | null, at: string } | null }
    | { __typename: 'MdmPushCertificate', topic: string, id: string }
    | { __typename: 'Rehearsal', id: string }
    | { __typename: 'SchoolManagerApiAccount', id: string }
    | { __typename: 'SyncRun', id: string }
    | { __typename: 'User', id: string }
    | { __typename: 'UserImportJob', id: string }
   | null };

export type UserImportJobFieldsFragment = { id: string, status: UserImportJobStatus, rowCount: number, createdCount: number, failedCount: number, pendingCount: number, percent: number, requestedBy: string, createdAt: string, startedAt: string | null, finishedAt: string | null, errorCode: string | null, errorMessage: string | null };

export type UserImportRowFieldsFragment = { row: number, username: string | null, status: UserImportRowStatus, code: ErrorCode | null, message: string | null };

export type ImportUsersMutationVariables = Exact<{
  input: ImportUsersInput;
}>;


export type ImportUsersMutation = { importUsers: { job: { id: string, status: UserImportJobStatus, rowCount: number, createdCount: number, failedCount: number, pendingCount: number, percent: number, requestedBy: string, createdAt: string, startedAt: string | null, finishedAt: string | null, errorCode: string | null, errorMessage: string | null }, refusedRows: Array<{ row: number, username: string | null, status: UserImportRowStatus, code: ErrorCode | null, message: string | null }> } };

export type UserImportJobQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
  statuses?: Array<UserImportRowStatus> | UserImportRowStatus | null | undefined;
}>;


export type UserImportJobQuery = { userImportJob: { id: string, status: UserImportJobStatus, rowCount: number, createdCount: number, failedCount: number, pendingCount: number, percent: number, requestedBy: string, createdAt: string, startedAt: string | null, finishedAt: string | null, errorCode: string | null, errorMessage: string | null, rows: { totalCount: number, edges: Array<{ cursor: string, node: { row: number, username: string | null, status: UserImportRowStatus, code: ErrorCode | null, message: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type UserImportJobNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type UserImportJobNodeQuery = { node:
    | { __typename: 'ApiKey', id: string }
    | { __typename: 'AssignmentJob', id: string }
    | { __typename: 'AssignmentOutcome', id: string }
    | { __typename: 'AuditEvent', id: string }
    | { __typename: 'Device', id: string }
    | { __typename: 'DeviceMigration', id: string }
    | { __typename: 'EncryptionPublicKey', id: string }
    | { __typename: 'EnrollmentProfile', id: string }
    | { __typename: 'EnrollmentProgramToken', id: string }
    | { __typename: 'MdmPushCertificate', id: string }
    | { __typename: 'Rehearsal', id: string }
    | { __typename: 'SchoolManagerApiAccount', id: string }
    | { __typename: 'SyncRun', id: string }
    | { __typename: 'User', id: string }
    | { __typename: 'UserImportJob', status: UserImportJobStatus, rowCount: number, id: string }
   | null };

export type UserImportJobProgressedSubscriptionVariables = Exact<{
  jobId: string | number;
}>;


export type UserImportJobProgressedSubscription = { userImportJobProgressed: { jobId: string, snapshot: boolean, status: UserImportJobStatus, chunkSize: number, rowCount: number, createdCount: number, failedCount: number, pendingCount: number, percent: number, at: string, job: { id: string, status: UserImportJobStatus, createdCount: number } | null } };

export type UserFieldsFragment = { id: string, username: string, displayName: string, role: UserRole, createdAt: string, updatedAt: string };

export type UsersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  filter?: UserFilterInput | null | undefined;
}>;


export type UsersQuery = { users: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, username: string, displayName: string, role: UserRole, createdAt: string, updatedAt: string } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type UserNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type UserNodeQuery = { node:
    | { __typename: 'ApiKey', id: string }
    | { __typename: 'AssignmentJob', id: string }
    | { __typename: 'AssignmentOutcome', id: string }
    | { __typename: 'AuditEvent', id: string }
    | { __typename: 'Device', id: string }
    | { __typename: 'DeviceMigration', id: string }
    | { __typename: 'EncryptionPublicKey', id: string }
    | { __typename: 'EnrollmentProfile', id: string }
    | { __typename: 'EnrollmentProgramToken', id: string }
    | { __typename: 'MdmPushCertificate', id: string }
    | { __typename: 'Rehearsal', id: string }
    | { __typename: 'SchoolManagerApiAccount', id: string }
    | { __typename: 'SyncRun', id: string }
    | { __typename: 'User', username: string, role: UserRole, id: string }
    | { __typename: 'UserImportJob', id: string }
   | null };

export type CreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type CreateUserMutation = { createUser: { user: { id: string, username: string, displayName: string, role: UserRole, createdAt: string, updatedAt: string } } };

export type UpdateUserMutationVariables = Exact<{
  input: UpdateUserInput;
}>;


export type UpdateUserMutation = { updateUser: { user: { id: string, username: string, displayName: string, role: UserRole, createdAt: string, updatedAt: string } } };

export type DeleteUserMutationVariables = Exact<{
  input: DeleteUserInput;
}>;


export type DeleteUserMutation = { deleteUser: { deletedUserId: string } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { name: string, role: Role, permissions: Array<Permission>, apiKey: { id: string, prefix: string, lastUsedAt: string | null } | null } };

export const AssignmentJobFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssignmentJobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AssignmentJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"pendingCount"}},{"kind":"Field","name":{"kind":"Name","value":"unchangedCount"}},{"kind":"Field","name":{"kind":"Name","value":"cannotChangeCount"}},{"kind":"Field","name":{"kind":"Name","value":"succeededCount"}},{"kind":"Field","name":{"kind":"Name","value":"notAccessibleCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedCount"}},{"kind":"Field","name":{"kind":"Name","value":"throttledCount"}},{"kind":"Field","name":{"kind":"Name","value":"requiresWipeCount"}},{"kind":"Field","name":{"kind":"Name","value":"appleCalls"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<AssignmentJobFieldsFragment, unknown>;
export const AssignmentOutcomeFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssignmentOutcomeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AssignmentOutcome"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"requiresWipe"}},{"kind":"Field","name":{"kind":"Name","value":"retryAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"device"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"profileStatus"}}]}}]}}]} as unknown as DocumentNode<AssignmentOutcomeFieldsFragment, unknown>;
export const AssignmentPreviewFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssignmentPreviewFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AssignmentPreview"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"willChangeCount"}},{"kind":"Field","name":{"kind":"Name","value":"unchangedCount"}},{"kind":"Field","name":{"kind":"Name","value":"cannotChangeCount"}},{"kind":"Field","name":{"kind":"Name","value":"removedCount"}},{"kind":"Field","name":{"kind":"Name","value":"otherTokenCount"}},{"kind":"Field","name":{"kind":"Name","value":"unknownSerialCount"}},{"kind":"Field","name":{"kind":"Name","value":"requiresWipeCount"}},{"kind":"Field","name":{"kind":"Name","value":"willChange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cannotChange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unknownSerialNumbers"}}]}}]} as unknown as DocumentNode<AssignmentPreviewFieldsFragment, unknown>;
export const DeviceEnrollmentFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeviceEnrollmentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeviceEnrollment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"udid"}},{"kind":"Field","name":{"kind":"Name","value":"osVersion"}},{"kind":"Field","name":{"kind":"Name","value":"buildVersion"}},{"kind":"Field","name":{"kind":"Name","value":"productName"}},{"kind":"Field","name":{"kind":"Name","value":"supervised"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"enrolledAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastContactedAt"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<DeviceEnrollmentFieldsFragment, unknown>;
export const DeviceListFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeviceListFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeviceConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"deviceFamily"}},{"kind":"Field","name":{"kind":"Name","value":"os"}},{"kind":"Field","name":{"kind":"Name","value":"profileStatus"}},{"kind":"Field","name":{"kind":"Name","value":"firstSeenAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]} as unknown as DocumentNode<DeviceListFieldsFragment, unknown>;
export const DeviceMigrationFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeviceMigrationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeviceMigration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"keptApps"}},{"kind":"Field","name":{"kind":"Name","value":"reinstalledApps"}},{"kind":"Field","name":{"kind":"Name","value":"activityId"}},{"kind":"Field","name":{"kind":"Name","value":"activityType"}},{"kind":"Field","name":{"kind":"Name","value":"activityStatus"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<DeviceMigrationFieldsFragment, unknown>;
export const EnrollmentProfileFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EnrollmentProfileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentProfile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"userAffinity"}},{"kind":"Field","name":{"kind":"Name","value":"supervised"}},{"kind":"Field","name":{"kind":"Name","value":"lockedEnrollment"}},{"kind":"Field","name":{"kind":"Name","value":"sharedIPad"}},{"kind":"Field","name":{"kind":"Name","value":"maximumCachedUsers"}},{"kind":"Field","name":{"kind":"Name","value":"pairing"}},{"kind":"Field","name":{"kind":"Name","value":"configuratorCertificates"}},{"kind":"Field","name":{"kind":"Name","value":"awaitDeviceConfigured"}},{"kind":"Field","name":{"kind":"Name","value":"departmentName"}},{"kind":"Field","name":{"kind":"Name","value":"departmentPhone"}},{"kind":"Field","name":{"kind":"Name","value":"skippedPanes"}},{"kind":"Field","name":{"kind":"Name","value":"enrollmentUrl"}},{"kind":"Field","name":{"kind":"Name","value":"appleProfileUuid"}},{"kind":"Field","name":{"kind":"Name","value":"appleDefinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<EnrollmentProfileFieldsFragment, unknown>;
export const RehearsalFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RehearsalFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Rehearsal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requestedCount"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"concurrency"}},{"kind":"Field","name":{"kind":"Name","value":"doneCount"}},{"kind":"Field","name":{"kind":"Name","value":"enrolledCount"}},{"kind":"Field","name":{"kind":"Name","value":"unmanagedCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedCount"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"failures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"startedBy"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<RehearsalFieldsFragment, unknown>;
export const ReturnToServiceProfileFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReturnToServiceProfileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentProfile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"supervised"}},{"kind":"Field","name":{"kind":"Name","value":"isReturnToService"}},{"kind":"Field","name":{"kind":"Name","value":"returnToServiceWifi"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ssid"}},{"kind":"Field","name":{"kind":"Name","value":"security"}},{"kind":"Field","name":{"kind":"Name","value":"hasPassword"}}]}}]}}]} as unknown as DocumentNode<ReturnToServiceProfileFieldsFragment, unknown>;
export const SyncRunFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deadlineAt"}},{"kind":"Field","name":{"kind":"Name","value":"pages"}},{"kind":"Field","name":{"kind":"Name","value":"devicesSeen"}},{"kind":"Field","name":{"kind":"Name","value":"devicesAdded"}},{"kind":"Field","name":{"kind":"Name","value":"devicesUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"devicesRemoved"}},{"kind":"Field","name":{"kind":"Name","value":"defaultProfileAssigned"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedTotal"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"fallbackReason"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<SyncRunFieldsFragment, unknown>;
export const DeviceFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeviceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Device"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"assetTag"}},{"kind":"Field","name":{"kind":"Name","value":"os"}},{"kind":"Field","name":{"kind":"Name","value":"deviceFamily"}},{"kind":"Field","name":{"kind":"Name","value":"profileStatus"}},{"kind":"Field","name":{"kind":"Name","value":"appleProfileUuid"}},{"kind":"Field","name":{"kind":"Name","value":"profileAssignTime"}},{"kind":"Field","name":{"kind":"Name","value":"profilePushTime"}},{"kind":"Field","name":{"kind":"Name","value":"deviceAssignedDate"}},{"kind":"Field","name":{"kind":"Name","value":"deviceAssignedBy"}},{"kind":"Field","name":{"kind":"Name","value":"firstSeenAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSeenAt"}},{"kind":"Field","name":{"kind":"Name","value":"removedAt"}},{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<DeviceFieldsFragment, unknown>;
export const TokenHealthFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TokenHealthFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TokenHealthStatus"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"snapshot"}},{"kind":"Field","name":{"kind":"Name","value":"tokenId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresInSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"expiresInDays"}},{"kind":"Field","name":{"kind":"Name","value":"termsAccepted"}},{"kind":"Field","name":{"kind":"Name","value":"lastAppleError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"appleCode"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"}}]}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]} as unknown as DocumentNode<TokenHealthFieldsFragment, unknown>;
export const TokenFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TokenFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentProgramToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"appleId"}},{"kind":"Field","name":{"kind":"Name","value":"tokenType"}},{"kind":"Field","name":{"kind":"Name","value":"organizationName"}},{"kind":"Field","name":{"kind":"Name","value":"serverName"}},{"kind":"Field","name":{"kind":"Name","value":"serverUuid"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"profileCount"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"statusCheckedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastAppleError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"appleCode"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sharedWithSchoolDataSync"}}]}}]} as unknown as DocumentNode<TokenFieldsFragment, unknown>;
export const UserImportJobFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserImportJobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserImportJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedCount"}},{"kind":"Field","name":{"kind":"Name","value":"pendingCount"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}}]}}]} as unknown as DocumentNode<UserImportJobFieldsFragment, unknown>;
export const UserImportRowFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserImportRowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserImportRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"row"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<UserImportRowFieldsFragment, unknown>;
export const UserFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<UserFieldsFragment, unknown>;
export const CreateApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}}]}}]}}]}}]} as unknown as DocumentNode<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const RevokeApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RevokeApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]}}]} as unknown as DocumentNode<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const ApiKeysDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApiKeys"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"includeRevoked"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},"defaultValue":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiKeys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}},{"kind":"Argument","name":{"kind":"Name","value":"includeRevoked"},"value":{"kind":"Variable","name":{"kind":"Name","value":"includeRevoked"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ApiKeysQuery, ApiKeysQueryVariables>;
export const AssignProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AssignProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AssignProfileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AssignmentJobFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"preview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AssignmentPreviewFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssignmentJobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AssignmentJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"pendingCount"}},{"kind":"Field","name":{"kind":"Name","value":"unchangedCount"}},{"kind":"Field","name":{"kind":"Name","value":"cannotChangeCount"}},{"kind":"Field","name":{"kind":"Name","value":"succeededCount"}},{"kind":"Field","name":{"kind":"Name","value":"notAccessibleCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedCount"}},{"kind":"Field","name":{"kind":"Name","value":"throttledCount"}},{"kind":"Field","name":{"kind":"Name","value":"requiresWipeCount"}},{"kind":"Field","name":{"kind":"Name","value":"appleCalls"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssignmentPreviewFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AssignmentPreview"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"willChangeCount"}},{"kind":"Field","name":{"kind":"Name","value":"unchangedCount"}},{"kind":"Field","name":{"kind":"Name","value":"cannotChangeCount"}},{"kind":"Field","name":{"kind":"Name","value":"removedCount"}},{"kind":"Field","name":{"kind":"Name","value":"otherTokenCount"}},{"kind":"Field","name":{"kind":"Name","value":"unknownSerialCount"}},{"kind":"Field","name":{"kind":"Name","value":"requiresWipeCount"}},{"kind":"Field","name":{"kind":"Name","value":"willChange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cannotChange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unknownSerialNumbers"}}]}}]} as unknown as DocumentNode<AssignProfileMutation, AssignProfileMutationVariables>;
export const UnassignProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UnassignProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UnassignProfileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unassignProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AssignmentJobFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"preview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AssignmentPreviewFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssignmentJobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AssignmentJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"pendingCount"}},{"kind":"Field","name":{"kind":"Name","value":"unchangedCount"}},{"kind":"Field","name":{"kind":"Name","value":"cannotChangeCount"}},{"kind":"Field","name":{"kind":"Name","value":"succeededCount"}},{"kind":"Field","name":{"kind":"Name","value":"notAccessibleCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedCount"}},{"kind":"Field","name":{"kind":"Name","value":"throttledCount"}},{"kind":"Field","name":{"kind":"Name","value":"requiresWipeCount"}},{"kind":"Field","name":{"kind":"Name","value":"appleCalls"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssignmentPreviewFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AssignmentPreview"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"willChangeCount"}},{"kind":"Field","name":{"kind":"Name","value":"unchangedCount"}},{"kind":"Field","name":{"kind":"Name","value":"cannotChangeCount"}},{"kind":"Field","name":{"kind":"Name","value":"removedCount"}},{"kind":"Field","name":{"kind":"Name","value":"otherTokenCount"}},{"kind":"Field","name":{"kind":"Name","value":"unknownSerialCount"}},{"kind":"Field","name":{"kind":"Name","value":"requiresWipeCount"}},{"kind":"Field","name":{"kind":"Name","value":"willChange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cannotChange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unknownSerialNumbers"}}]}}]} as unknown as DocumentNode<UnassignProfileMutation, UnassignProfileMutationVariables>;
export const AssignmentJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AssignmentJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"results"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AssignmentResult"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignmentJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AssignmentJobFields"}},{"kind":"Field","name":{"kind":"Name","value":"outcomes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"results"},"value":{"kind":"Variable","name":{"kind":"Name","value":"results"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AssignmentOutcomeFields"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssignmentJobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AssignmentJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"pendingCount"}},{"kind":"Field","name":{"kind":"Name","value":"unchangedCount"}},{"kind":"Field","name":{"kind":"Name","value":"cannotChangeCount"}},{"kind":"Field","name":{"kind":"Name","value":"succeededCount"}},{"kind":"Field","name":{"kind":"Name","value":"notAccessibleCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedCount"}},{"kind":"Field","name":{"kind":"Name","value":"throttledCount"}},{"kind":"Field","name":{"kind":"Name","value":"requiresWipeCount"}},{"kind":"Field","name":{"kind":"Name","value":"appleCalls"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssignmentOutcomeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AssignmentOutcome"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"requiresWipe"}},{"kind":"Field","name":{"kind":"Name","value":"retryAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"device"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"profileStatus"}}]}}]}}]} as unknown as DocumentNode<AssignmentJobQuery, AssignmentJobQueryVariables>;
export const TokenAssignmentJobsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TokenAssignmentJobs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentProgramToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignmentJobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AssignmentJobFields"}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssignmentJobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AssignmentJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"pendingCount"}},{"kind":"Field","name":{"kind":"Name","value":"unchangedCount"}},{"kind":"Field","name":{"kind":"Name","value":"cannotChangeCount"}},{"kind":"Field","name":{"kind":"Name","value":"succeededCount"}},{"kind":"Field","name":{"kind":"Name","value":"notAccessibleCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedCount"}},{"kind":"Field","name":{"kind":"Name","value":"throttledCount"}},{"kind":"Field","name":{"kind":"Name","value":"requiresWipeCount"}},{"kind":"Field","name":{"kind":"Name","value":"appleCalls"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<TokenAssignmentJobsQuery, TokenAssignmentJobsQueryVariables>;
export const TokenDeviceProfilesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TokenDeviceProfiles"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DeviceFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentProgramToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"devices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"profileStatus"}},{"kind":"Field","name":{"kind":"Name","value":"appleProfileUuid"}},{"kind":"Field","name":{"kind":"Name","value":"requiresWipe"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TokenDeviceProfilesQuery, TokenDeviceProfilesQueryVariables>;
export const AssignmentNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AssignmentNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AssignmentJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AssignmentJobFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AssignmentOutcome"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AssignmentOutcomeFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssignmentJobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AssignmentJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"pendingCount"}},{"kind":"Field","name":{"kind":"Name","value":"unchangedCount"}},{"kind":"Field","name":{"kind":"Name","value":"cannotChangeCount"}},{"kind":"Field","name":{"kind":"Name","value":"succeededCount"}},{"kind":"Field","name":{"kind":"Name","value":"notAccessibleCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedCount"}},{"kind":"Field","name":{"kind":"Name","value":"throttledCount"}},{"kind":"Field","name":{"kind":"Name","value":"requiresWipeCount"}},{"kind":"Field","name":{"kind":"Name","value":"appleCalls"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssignmentOutcomeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AssignmentOutcome"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"requiresWipe"}},{"kind":"Field","name":{"kind":"Name","value":"retryAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"device"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"profileStatus"}}]}}]}}]} as unknown as DocumentNode<AssignmentNodeQuery, AssignmentNodeQueryVariables>;
export const AssignmentJobProgressedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"AssignmentJobProgressed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignmentJobProgressed"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"jobId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"tokenId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"batchSize"}},{"kind":"Field","name":{"kind":"Name","value":"appleCalls"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"pendingCount"}},{"kind":"Field","name":{"kind":"Name","value":"unchangedCount"}},{"kind":"Field","name":{"kind":"Name","value":"cannotChangeCount"}},{"kind":"Field","name":{"kind":"Name","value":"succeededCount"}},{"kind":"Field","name":{"kind":"Name","value":"notAccessibleCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedCount"}},{"kind":"Field","name":{"kind":"Name","value":"throttledCount"}},{"kind":"Field","name":{"kind":"Name","value":"requiresWipeCount"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<AssignmentJobProgressedSubscription, AssignmentJobProgressedSubscriptionVariables>;
export const AuditEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEventFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"targetIds"}},{"kind":"Field","name":{"kind":"Name","value":"details"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<AuditEventsQuery, AuditEventsQueryVariables>;
export const AuditEventRecordedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"AuditEventRecorded"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"action"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEventRecorded"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"action"},"value":{"kind":"Variable","name":{"kind":"Name","value":"action"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"targetIds"}}]}}]}}]} as unknown as DocumentNode<AuditEventRecordedSubscription, AuditEventRecordedSubscriptionVariables>;
export const TokenDeviceEnrollmentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TokenDeviceEnrollments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DeviceFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentProgramToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"devices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"enrollment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeviceEnrollmentFields"}}]}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeviceEnrollmentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeviceEnrollment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"udid"}},{"kind":"Field","name":{"kind":"Name","value":"osVersion"}},{"kind":"Field","name":{"kind":"Name","value":"buildVersion"}},{"kind":"Field","name":{"kind":"Name","value":"productName"}},{"kind":"Field","name":{"kind":"Name","value":"supervised"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"enrolledAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastContactedAt"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<TokenDeviceEnrollmentsQuery, TokenDeviceEnrollmentsQueryVariables>;
export const DeviceEnrollmentNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeviceEnrollmentNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Device"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"enrollment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeviceEnrollmentFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeviceEnrollmentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeviceEnrollment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"udid"}},{"kind":"Field","name":{"kind":"Name","value":"osVersion"}},{"kind":"Field","name":{"kind":"Name","value":"buildVersion"}},{"kind":"Field","name":{"kind":"Name","value":"productName"}},{"kind":"Field","name":{"kind":"Name","value":"supervised"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"enrolledAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastContactedAt"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<DeviceEnrollmentNodeQuery, DeviceEnrollmentNodeQueryVariables>;
export const DeviceEnrollmentChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DeviceEnrollmentChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tokenId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deviceEnrollmentChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tokenId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tokenId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"snapshot"}},{"kind":"Field","name":{"kind":"Name","value":"stateCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"previousState"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"device"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"enrollment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"udid"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DeviceEnrollmentChangedSubscription, DeviceEnrollmentChangedSubscriptionVariables>;
export const DeviceEnrollmentUsersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeviceEnrollmentUsers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Device"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"enrollment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"maximumResidentUsers"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"residentUsers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"firstSignedInAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSignedInAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DeviceEnrollmentUsersQuery, DeviceEnrollmentUsersQueryVariables>;
export const DeviceEnrollmentChangedWithProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DeviceEnrollmentChangedWithProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tokenId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deviceEnrollmentChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tokenId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tokenId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"device"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"enrollment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DeviceEnrollmentChangedWithProfileSubscription, DeviceEnrollmentChangedWithProfileSubscriptionVariables>;
export const DeviceBySerialDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeviceBySerial"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"serialNumber"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"device"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"serialNumber"},"value":{"kind":"Variable","name":{"kind":"Name","value":"serialNumber"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<DeviceBySerialQuery, DeviceBySerialQueryVariables>;
export const AllDevicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AllDevices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DevicesFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DeviceOrderInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"devices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeviceListFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeviceListFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeviceConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"deviceFamily"}},{"kind":"Field","name":{"kind":"Name","value":"os"}},{"kind":"Field","name":{"kind":"Name","value":"profileStatus"}},{"kind":"Field","name":{"kind":"Name","value":"firstSeenAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]} as unknown as DocumentNode<AllDevicesQuery, AllDevicesQueryVariables>;
export const TokenDevicesOrderedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TokenDevicesOrdered"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DeviceFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DeviceOrderInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollmentProgramToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"models"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"devices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeviceListFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeviceListFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeviceConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"deviceFamily"}},{"kind":"Field","name":{"kind":"Name","value":"os"}},{"kind":"Field","name":{"kind":"Name","value":"profileStatus"}},{"kind":"Field","name":{"kind":"Name","value":"firstSeenAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]} as unknown as DocumentNode<TokenDevicesOrderedQuery, TokenDevicesOrderedQueryVariables>;
export const EnrollmentProfileByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EnrollmentProfileById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollmentProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<EnrollmentProfileByIdQuery, EnrollmentProfileByIdQueryVariables>;
export const DevicesWithProfilesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DevicesWithProfiles"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DevicesFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withFacts"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"devices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withFacts"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"isDefault"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withFacts"}}}]}]}]}}]}}]}}]}}]} as unknown as DocumentNode<DevicesWithProfilesQuery, DevicesWithProfilesQueryVariables>;
export const MigrationEligibilityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MigrationEligibility"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tokenId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"serialNumbers"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"migrationEligibility"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tokenId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tokenId"}}},{"kind":"Argument","name":{"kind":"Name","value":"serialNumbers"},"value":{"kind":"Variable","name":{"kind":"Name","value":"serialNumbers"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<MigrationEligibilityQuery, MigrationEligibilityQueryVariables>;
export const ScheduleDeviceMigrationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScheduleDeviceMigration"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ScheduleDeviceMigrationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scheduleDeviceMigration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activityId"}},{"kind":"Field","name":{"kind":"Name","value":"migrations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeviceMigrationFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeviceMigrationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeviceMigration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"keptApps"}},{"kind":"Field","name":{"kind":"Name","value":"reinstalledApps"}},{"kind":"Field","name":{"kind":"Name","value":"activityId"}},{"kind":"Field","name":{"kind":"Name","value":"activityType"}},{"kind":"Field","name":{"kind":"Name","value":"activityStatus"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<ScheduleDeviceMigrationMutation, ScheduleDeviceMigrationMutationVariables>;
export const UpdateDeviceMigrationDeadlineDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateDeviceMigrationDeadline"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateDeviceMigrationDeadlineInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateDeviceMigrationDeadline"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activityId"}},{"kind":"Field","name":{"kind":"Name","value":"migrations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeviceMigrationFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeviceMigrationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeviceMigration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"keptApps"}},{"kind":"Field","name":{"kind":"Name","value":"reinstalledApps"}},{"kind":"Field","name":{"kind":"Name","value":"activityId"}},{"kind":"Field","name":{"kind":"Name","value":"activityType"}},{"kind":"Field","name":{"kind":"Name","value":"activityStatus"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<UpdateDeviceMigrationDeadlineMutation, UpdateDeviceMigrationDeadlineMutationVariables>;
export const CancelDeviceMigrationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelDeviceMigration"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CancelDeviceMigrationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelDeviceMigration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activityId"}},{"kind":"Field","name":{"kind":"Name","value":"migrations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeviceMigrationFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeviceMigrationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeviceMigration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"keptApps"}},{"kind":"Field","name":{"kind":"Name","value":"reinstalledApps"}},{"kind":"Field","name":{"kind":"Name","value":"activityId"}},{"kind":"Field","name":{"kind":"Name","value":"activityType"}},{"kind":"Field","name":{"kind":"Name","value":"activityStatus"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<CancelDeviceMigrationMutation, CancelDeviceMigrationMutationVariables>;
export const TokenMigratingDevicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TokenMigratingDevices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"serial"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentProgramToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"devices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"serialContains"},"value":{"kind":"Variable","name":{"kind":"Name","value":"serial"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"requiresWipe"}},{"kind":"Field","name":{"kind":"Name","value":"mdmMigrationDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"enrollment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}}]}},{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeviceMigrationFields"}}]}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeviceMigrationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeviceMigration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"keptApps"}},{"kind":"Field","name":{"kind":"Name","value":"reinstalledApps"}},{"kind":"Field","name":{"kind":"Name","value":"activityId"}},{"kind":"Field","name":{"kind":"Name","value":"activityType"}},{"kind":"Field","name":{"kind":"Name","value":"activityStatus"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<TokenMigratingDevicesQuery, TokenMigratingDevicesQueryVariables>;
export const MigrationProgressedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"MigrationProgressed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tokenId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"migrationProgressed"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tokenId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tokenId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"snapshot"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deviceId"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"migration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeviceMigrationFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeviceMigrationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeviceMigration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"keptApps"}},{"kind":"Field","name":{"kind":"Name","value":"reinstalledApps"}},{"kind":"Field","name":{"kind":"Name","value":"activityId"}},{"kind":"Field","name":{"kind":"Name","value":"activityType"}},{"kind":"Field","name":{"kind":"Name","value":"activityStatus"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<MigrationProgressedSubscription, MigrationProgressedSubscriptionVariables>;
export const DeviceMigrationNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeviceMigrationNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeviceMigration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeviceMigrationFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeviceMigrationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeviceMigration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"keptApps"}},{"kind":"Field","name":{"kind":"Name","value":"reinstalledApps"}},{"kind":"Field","name":{"kind":"Name","value":"activityId"}},{"kind":"Field","name":{"kind":"Name","value":"activityType"}},{"kind":"Field","name":{"kind":"Name","value":"activityStatus"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<DeviceMigrationNodeQuery, DeviceMigrationNodeQueryVariables>;
export const NodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Node"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApiKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}}]}}]}}]} as unknown as DocumentNode<NodeQuery, NodeQueryVariables>;
export const NodesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Nodes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<NodesQuery, NodesQueryVariables>;
export const CreateEnrollmentProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateEnrollmentProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateEnrollmentProfileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createEnrollmentProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollmentProfile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EnrollmentProfileFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EnrollmentProfileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentProfile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"userAffinity"}},{"kind":"Field","name":{"kind":"Name","value":"supervised"}},{"kind":"Field","name":{"kind":"Name","value":"lockedEnrollment"}},{"kind":"Field","name":{"kind":"Name","value":"sharedIPad"}},{"kind":"Field","name":{"kind":"Name","value":"maximumCachedUsers"}},{"kind":"Field","name":{"kind":"Name","value":"pairing"}},{"kind":"Field","name":{"kind":"Name","value":"configuratorCertificates"}},{"kind":"Field","name":{"kind":"Name","value":"awaitDeviceConfigured"}},{"kind":"Field","name":{"kind":"Name","value":"departmentName"}},{"kind":"Field","name":{"kind":"Name","value":"departmentPhone"}},{"kind":"Field","name":{"kind":"Name","value":"skippedPanes"}},{"kind":"Field","name":{"kind":"Name","value":"enrollmentUrl"}},{"kind":"Field","name":{"kind":"Name","value":"appleProfileUuid"}},{"kind":"Field","name":{"kind":"Name","value":"appleDefinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CreateEnrollmentProfileMutation, CreateEnrollmentProfileMutationVariables>;
export const UpdateEnrollmentProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateEnrollmentProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateEnrollmentProfileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateEnrollmentProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollmentProfile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EnrollmentProfileFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sharedIPadTurnedOff"}},{"kind":"Field","name":{"kind":"Name","value":"redefinedAtApple"}},{"kind":"Field","name":{"kind":"Name","value":"devicesMoved"}},{"kind":"Field","name":{"kind":"Name","value":"devicesNotMoved"}},{"kind":"Field","name":{"kind":"Name","value":"assignmentErrorCode"}},{"kind":"Field","name":{"kind":"Name","value":"assignmentErrorMessage"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EnrollmentProfileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentProfile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"userAffinity"}},{"kind":"Field","name":{"kind":"Name","value":"supervised"}},{"kind":"Field","name":{"kind":"Name","value":"lockedEnrollment"}},{"kind":"Field","name":{"kind":"Name","value":"sharedIPad"}},{"kind":"Field","name":{"kind":"Name","value":"maximumCachedUsers"}},{"kind":"Field","name":{"kind":"Name","value":"pairing"}},{"kind":"Field","name":{"kind":"Name","value":"configuratorCertificates"}},{"kind":"Field","name":{"kind":"Name","value":"awaitDeviceConfigured"}},{"kind":"Field","name":{"kind":"Name","value":"departmentName"}},{"kind":"Field","name":{"kind":"Name","value":"departmentPhone"}},{"kind":"Field","name":{"kind":"Name","value":"skippedPanes"}},{"kind":"Field","name":{"kind":"Name","value":"enrollmentUrl"}},{"kind":"Field","name":{"kind":"Name","value":"appleProfileUuid"}},{"kind":"Field","name":{"kind":"Name","value":"appleDefinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<UpdateEnrollmentProfileMutation, UpdateEnrollmentProfileMutationVariables>;
export const DeleteEnrollmentProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteEnrollmentProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteEnrollmentProfileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteEnrollmentProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedEnrollmentProfileId"}},{"kind":"Field","name":{"kind":"Name","value":"enrollmentProgramToken"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"profileCount"}}]}}]}}]}}]} as unknown as DocumentNode<DeleteEnrollmentProfileMutation, DeleteEnrollmentProfileMutationVariables>;
export const SetDefaultEnrollmentProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetDefaultEnrollmentProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetDefaultEnrollmentProfileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setDefaultEnrollmentProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollmentProgramToken"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"defaultProfile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"defaultProfile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}}]}}]}}]}}]} as unknown as DocumentNode<SetDefaultEnrollmentProfileMutation, SetDefaultEnrollmentProfileMutationVariables>;
export const EnrollmentProfileNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EnrollmentProfileNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentProfile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"EnrollmentProfileFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"EnrollmentProfileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentProfile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"userAffinity"}},{"kind":"Field","name":{"kind":"Name","value":"supervised"}},{"kind":"Field","name":{"kind":"Name","value":"lockedEnrollment"}},{"kind":"Field","name":{"kind":"Name","value":"sharedIPad"}},{"kind":"Field","name":{"kind":"Name","value":"maximumCachedUsers"}},{"kind":"Field","name":{"kind":"Name","value":"pairing"}},{"kind":"Field","name":{"kind":"Name","value":"configuratorCertificates"}},{"kind":"Field","name":{"kind":"Name","value":"awaitDeviceConfigured"}},{"kind":"Field","name":{"kind":"Name","value":"departmentName"}},{"kind":"Field","name":{"kind":"Name","value":"departmentPhone"}},{"kind":"Field","name":{"kind":"Name","value":"skippedPanes"}},{"kind":"Field","name":{"kind":"Name","value":"enrollmentUrl"}},{"kind":"Field","name":{"kind":"Name","value":"appleProfileUuid"}},{"kind":"Field","name":{"kind":"Name","value":"appleDefinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<EnrollmentProfileNodeQuery, EnrollmentProfileNodeQueryVariables>;
export const TokenEnrollmentProfilesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TokenEnrollmentProfiles"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentProgramToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"profileCount"}},{"kind":"Field","name":{"kind":"Name","value":"defaultProfile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"profiles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TokenEnrollmentProfilesQuery, TokenEnrollmentProfilesQueryVariables>;
export const StartRehearsalDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartRehearsal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartRehearsalInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startRehearsal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rehearsal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RehearsalFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RehearsalFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Rehearsal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requestedCount"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"concurrency"}},{"kind":"Field","name":{"kind":"Name","value":"doneCount"}},{"kind":"Field","name":{"kind":"Name","value":"enrolledCount"}},{"kind":"Field","name":{"kind":"Name","value":"unmanagedCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedCount"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"failures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"startedBy"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<StartRehearsalMutation, StartRehearsalMutationVariables>;
export const RehearsalDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Rehearsal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rehearsal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RehearsalFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RehearsalFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Rehearsal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requestedCount"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"concurrency"}},{"kind":"Field","name":{"kind":"Name","value":"doneCount"}},{"kind":"Field","name":{"kind":"Name","value":"enrolledCount"}},{"kind":"Field","name":{"kind":"Name","value":"unmanagedCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedCount"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"failures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"startedBy"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<RehearsalQuery, RehearsalQueryVariables>;
export const RehearsalSupportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RehearsalSupport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rehearsalSupport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"unavailableReason"}},{"kind":"Field","name":{"kind":"Name","value":"maxCount"}},{"kind":"Field","name":{"kind":"Name","value":"running"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<RehearsalSupportQuery, RehearsalSupportQueryVariables>;
export const RehearsalNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RehearsalNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Rehearsal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"enrolledCount"}}]}}]}}]}}]} as unknown as DocumentNode<RehearsalNodeQuery, RehearsalNodeQueryVariables>;
export const RehearsalProgressedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"RehearsalProgressed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rehearsalProgressed"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"snapshot"}},{"kind":"Field","name":{"kind":"Name","value":"rehearsal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"doneCount"}},{"kind":"Field","name":{"kind":"Name","value":"enrolledCount"}}]}}]}}]}}]} as unknown as DocumentNode<RehearsalProgressedSubscription, RehearsalProgressedSubscriptionVariables>;
export const CreateReturnToServiceProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateReturnToServiceProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateEnrollmentProfileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createEnrollmentProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollmentProfile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReturnToServiceProfileFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReturnToServiceProfileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentProfile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"supervised"}},{"kind":"Field","name":{"kind":"Name","value":"isReturnToService"}},{"kind":"Field","name":{"kind":"Name","value":"returnToServiceWifi"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ssid"}},{"kind":"Field","name":{"kind":"Name","value":"security"}},{"kind":"Field","name":{"kind":"Name","value":"hasPassword"}}]}}]}}]} as unknown as DocumentNode<CreateReturnToServiceProfileMutation, CreateReturnToServiceProfileMutationVariables>;
export const UpdateReturnToServiceProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateReturnToServiceProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateEnrollmentProfileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateEnrollmentProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollmentProfile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReturnToServiceProfileFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"redefinedAtApple"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReturnToServiceProfileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentProfile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"supervised"}},{"kind":"Field","name":{"kind":"Name","value":"isReturnToService"}},{"kind":"Field","name":{"kind":"Name","value":"returnToServiceWifi"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ssid"}},{"kind":"Field","name":{"kind":"Name","value":"security"}},{"kind":"Field","name":{"kind":"Name","value":"hasPassword"}}]}}]}}]} as unknown as DocumentNode<UpdateReturnToServiceProfileMutation, UpdateReturnToServiceProfileMutationVariables>;
export const SetEnrollmentProfileWifiDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetEnrollmentProfileWifi"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetEnrollmentProfileWifiInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setEnrollmentProfileWifi"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollmentProfile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReturnToServiceProfileFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReturnToServiceProfileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentProfile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"supervised"}},{"kind":"Field","name":{"kind":"Name","value":"isReturnToService"}},{"kind":"Field","name":{"kind":"Name","value":"returnToServiceWifi"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ssid"}},{"kind":"Field","name":{"kind":"Name","value":"security"}},{"kind":"Field","name":{"kind":"Name","value":"hasPassword"}}]}}]}}]} as unknown as DocumentNode<SetEnrollmentProfileWifiMutation, SetEnrollmentProfileWifiMutationVariables>;
export const EraseDeviceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EraseDevice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EraseDeviceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eraseDevice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"device"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"enrollment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"commandUuid"}},{"kind":"Field","name":{"kind":"Name","value":"returnToService"}}]}}]}}]} as unknown as DocumentNode<EraseDeviceMutation, EraseDeviceMutationVariables>;
export const SetSchoolManagerApiAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetSchoolManagerApiAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetSchoolManagerApiAccountInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setSchoolManagerApiAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replacedPrevious"}},{"kind":"Field","name":{"kind":"Name","value":"schoolManagerApiAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"keyId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]}}]} as unknown as DocumentNode<SetSchoolManagerApiAccountMutation, SetSchoolManagerApiAccountMutationVariables>;
export const RemoveSchoolManagerApiAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveSchoolManagerApiAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveSchoolManagerApiAccountInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeSchoolManagerApiAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removed"}}]}}]}}]} as unknown as DocumentNode<RemoveSchoolManagerApiAccountMutation, RemoveSchoolManagerApiAccountMutationVariables>;
export const ReconcileWithSchoolManagerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReconcileWithSchoolManager"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReconcileWithSchoolManagerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reconcileWithSchoolManager"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"devicesChecked"}},{"kind":"Field","name":{"kind":"Name","value":"devicesReleased"}},{"kind":"Field","name":{"kind":"Name","value":"devicesNotOnServer"}},{"kind":"Field","name":{"kind":"Name","value":"devicesOnOtherServer"}},{"kind":"Field","name":{"kind":"Name","value":"coverageRead"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<ReconcileWithSchoolManagerMutation, ReconcileWithSchoolManagerMutationVariables>;
export const TokenSchoolManagerDevicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TokenSchoolManagerDevices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DeviceFilterInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentProgramToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"schoolManagerApiAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizationId"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"keyId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"devices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"removedAt"}},{"kind":"Field","name":{"kind":"Name","value":"releasedFromOrgAt"}},{"kind":"Field","name":{"kind":"Name","value":"orderNumber"}},{"kind":"Field","name":{"kind":"Name","value":"purchaseSourceType"}},{"kind":"Field","name":{"kind":"Name","value":"appleCareStatus"}},{"kind":"Field","name":{"kind":"Name","value":"appleCareDescription"}},{"kind":"Field","name":{"kind":"Name","value":"appleCareEndsAt"}},{"kind":"Field","name":{"kind":"Name","value":"schoolManagerCheckedAt"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TokenSchoolManagerDevicesQuery, TokenSchoolManagerDevicesQueryVariables>;
export const SyncDevicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SyncDevices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SyncDevicesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncDevices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"run"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncRunFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deadlineAt"}},{"kind":"Field","name":{"kind":"Name","value":"pages"}},{"kind":"Field","name":{"kind":"Name","value":"devicesSeen"}},{"kind":"Field","name":{"kind":"Name","value":"devicesAdded"}},{"kind":"Field","name":{"kind":"Name","value":"devicesUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"devicesRemoved"}},{"kind":"Field","name":{"kind":"Name","value":"defaultProfileAssigned"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedTotal"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"fallbackReason"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<SyncDevicesMutation, SyncDevicesMutationVariables>;
export const TokenSyncDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TokenSync"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentProgramToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"syncStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"lastSyncAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessfulSyncAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastFullSyncAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextFullSyncAvailableAt"}},{"kind":"Field","name":{"kind":"Name","value":"syncAvailableAt"}},{"kind":"Field","name":{"kind":"Name","value":"currentRun"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncRunFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"syncRuns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncRunFields"}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deadlineAt"}},{"kind":"Field","name":{"kind":"Name","value":"pages"}},{"kind":"Field","name":{"kind":"Name","value":"devicesSeen"}},{"kind":"Field","name":{"kind":"Name","value":"devicesAdded"}},{"kind":"Field","name":{"kind":"Name","value":"devicesUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"devicesRemoved"}},{"kind":"Field","name":{"kind":"Name","value":"defaultProfileAssigned"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedTotal"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"fallbackReason"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<TokenSyncQuery, TokenSyncQueryVariables>;
export const TokenDevicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TokenDevices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DeviceFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentProgramToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"devices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeviceFields"}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeviceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Device"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"assetTag"}},{"kind":"Field","name":{"kind":"Name","value":"os"}},{"kind":"Field","name":{"kind":"Name","value":"deviceFamily"}},{"kind":"Field","name":{"kind":"Name","value":"profileStatus"}},{"kind":"Field","name":{"kind":"Name","value":"appleProfileUuid"}},{"kind":"Field","name":{"kind":"Name","value":"profileAssignTime"}},{"kind":"Field","name":{"kind":"Name","value":"profilePushTime"}},{"kind":"Field","name":{"kind":"Name","value":"deviceAssignedDate"}},{"kind":"Field","name":{"kind":"Name","value":"deviceAssignedBy"}},{"kind":"Field","name":{"kind":"Name","value":"firstSeenAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSeenAt"}},{"kind":"Field","name":{"kind":"Name","value":"removedAt"}},{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<TokenDevicesQuery, TokenDevicesQueryVariables>;
export const SyncNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SyncNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncRunFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Device"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeviceFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deadlineAt"}},{"kind":"Field","name":{"kind":"Name","value":"pages"}},{"kind":"Field","name":{"kind":"Name","value":"devicesSeen"}},{"kind":"Field","name":{"kind":"Name","value":"devicesAdded"}},{"kind":"Field","name":{"kind":"Name","value":"devicesUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"devicesRemoved"}},{"kind":"Field","name":{"kind":"Name","value":"defaultProfileAssigned"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedTotal"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"fallbackReason"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeviceFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Device"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"assetTag"}},{"kind":"Field","name":{"kind":"Name","value":"os"}},{"kind":"Field","name":{"kind":"Name","value":"deviceFamily"}},{"kind":"Field","name":{"kind":"Name","value":"profileStatus"}},{"kind":"Field","name":{"kind":"Name","value":"appleProfileUuid"}},{"kind":"Field","name":{"kind":"Name","value":"profileAssignTime"}},{"kind":"Field","name":{"kind":"Name","value":"profilePushTime"}},{"kind":"Field","name":{"kind":"Name","value":"deviceAssignedDate"}},{"kind":"Field","name":{"kind":"Name","value":"deviceAssignedBy"}},{"kind":"Field","name":{"kind":"Name","value":"firstSeenAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSeenAt"}},{"kind":"Field","name":{"kind":"Name","value":"removedAt"}},{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<SyncNodeQuery, SyncNodeQueryVariables>;
export const SyncProgressedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"SyncProgressed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tokenId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncProgressed"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tokenId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tokenId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"snapshot"}},{"kind":"Field","name":{"kind":"Name","value":"tokenId"}},{"kind":"Field","name":{"kind":"Name","value":"runId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"pages"}},{"kind":"Field","name":{"kind":"Name","value":"devicesSeen"}},{"kind":"Field","name":{"kind":"Name","value":"devicesAdded"}},{"kind":"Field","name":{"kind":"Name","value":"devicesUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"devicesRemoved"}},{"kind":"Field","name":{"kind":"Name","value":"defaultProfileAssigned"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedTotal"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]} as unknown as DocumentNode<SyncProgressedSubscription, SyncProgressedSubscriptionVariables>;
export const SyncProgressedWithRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"SyncProgressedWithRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tokenId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncProgressed"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tokenId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tokenId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"snapshot"}},{"kind":"Field","name":{"kind":"Name","value":"runId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"run"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<SyncProgressedWithRunSubscription, SyncProgressedWithRunSubscriptionVariables>;
export const SyncCooldownDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"SyncCooldown"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tokenId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncCooldown"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tokenId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tokenId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncAvailableInSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"fullSyncAvailableInSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"running"}}]}}]}}]} as unknown as DocumentNode<SyncCooldownSubscription, SyncCooldownSubscriptionVariables>;
export const TokenMovedDevicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TokenMovedDevices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DeviceFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentProgramToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serverName"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"movedAwayDeviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"devices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"profileStatus"}},{"kind":"Field","name":{"kind":"Name","value":"requiresWipe"}},{"kind":"Field","name":{"kind":"Name","value":"removedAt"}},{"kind":"Field","name":{"kind":"Name","value":"movedAwayAt"}},{"kind":"Field","name":{"kind":"Name","value":"movedAwayFrom"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serverName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serverName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"enrollment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TokenMovedDevicesQuery, TokenMovedDevicesQueryVariables>;
export const TokenHealthChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"TokenHealthChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tokenId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tokenHealthChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tokenId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tokenId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TokenHealthFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TokenHealthFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TokenHealthStatus"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"snapshot"}},{"kind":"Field","name":{"kind":"Name","value":"tokenId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresInSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"expiresInDays"}},{"kind":"Field","name":{"kind":"Name","value":"termsAccepted"}},{"kind":"Field","name":{"kind":"Name","value":"lastAppleError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"appleCode"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"}}]}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]} as unknown as DocumentNode<TokenHealthChangedSubscription, TokenHealthChangedSubscriptionVariables>;
export const TokenHealthFieldsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TokenHealthFields"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollmentProgramToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresInSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"expiresInDays"}},{"kind":"Field","name":{"kind":"Name","value":"termsAccepted"}},{"kind":"Field","name":{"kind":"Name","value":"lastAppleError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<TokenHealthFieldsQuery, TokenHealthFieldsQueryVariables>;
export const MdmPushCertificateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MdmPushCertificate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mdmPushCertificate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"simulated"}},{"kind":"Field","name":{"kind":"Name","value":"uploadedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<MdmPushCertificateQuery, MdmPushCertificateQueryVariables>;
export const UploadMdmPushCertificateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UploadMdmPushCertificate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UploadMdmPushCertificateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uploadMdmPushCertificate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replacedPrevious"}},{"kind":"Field","name":{"kind":"Name","value":"topicChanged"}},{"kind":"Field","name":{"kind":"Name","value":"mdmPushCertificate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"simulated"}}]}}]}}]}}]} as unknown as DocumentNode<UploadMdmPushCertificateMutation, UploadMdmPushCertificateMutationVariables>;
export const EncryptionPublicKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EncryptionPublicKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"encryptionPublicKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"certificate"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<EncryptionPublicKeyQuery, EncryptionPublicKeyQueryVariables>;
export const GenerateEncryptionPublicKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GenerateEncryptionPublicKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GenerateEncryptionPublicKeyInput"}}},"defaultValue":{"kind":"ObjectValue","fields":[]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generateEncryptionPublicKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replacedPrevious"}},{"kind":"Field","name":{"kind":"Name","value":"encryptionPublicKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"certificate"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]}}]} as unknown as DocumentNode<GenerateEncryptionPublicKeyMutation, GenerateEncryptionPublicKeyMutationVariables>;
export const UploadTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UploadToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UploadTokenInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uploadToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TokenFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TokenFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentProgramToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"appleId"}},{"kind":"Field","name":{"kind":"Name","value":"tokenType"}},{"kind":"Field","name":{"kind":"Name","value":"organizationName"}},{"kind":"Field","name":{"kind":"Name","value":"serverName"}},{"kind":"Field","name":{"kind":"Name","value":"serverUuid"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"profileCount"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"statusCheckedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastAppleError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"appleCode"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sharedWithSchoolDataSync"}}]}}]} as unknown as DocumentNode<UploadTokenMutation, UploadTokenMutationVariables>;
export const RenewTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RenewToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RenewTokenInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"renewToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serverChanged"}},{"kind":"Field","name":{"kind":"Name","value":"adoptedPendingKey"}},{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TokenFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TokenFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentProgramToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"appleId"}},{"kind":"Field","name":{"kind":"Name","value":"tokenType"}},{"kind":"Field","name":{"kind":"Name","value":"organizationName"}},{"kind":"Field","name":{"kind":"Name","value":"serverName"}},{"kind":"Field","name":{"kind":"Name","value":"serverUuid"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"profileCount"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"statusCheckedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastAppleError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"appleCode"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sharedWithSchoolDataSync"}}]}}]} as unknown as DocumentNode<RenewTokenMutation, RenewTokenMutationVariables>;
export const UpdateTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateTokenInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TokenFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TokenFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentProgramToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"appleId"}},{"kind":"Field","name":{"kind":"Name","value":"tokenType"}},{"kind":"Field","name":{"kind":"Name","value":"organizationName"}},{"kind":"Field","name":{"kind":"Name","value":"serverName"}},{"kind":"Field","name":{"kind":"Name","value":"serverUuid"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"profileCount"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"statusCheckedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastAppleError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"appleCode"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sharedWithSchoolDataSync"}}]}}]} as unknown as DocumentNode<UpdateTokenMutation, UpdateTokenMutationVariables>;
export const DeleteTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteTokenInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedTokenId"}}]}}]}}]} as unknown as DocumentNode<DeleteTokenMutation, DeleteTokenMutationVariables>;
export const RefreshTokenStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RefreshTokenStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RefreshTokenStatusInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refreshTokenStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TokenFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TokenFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentProgramToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"appleId"}},{"kind":"Field","name":{"kind":"Name","value":"tokenType"}},{"kind":"Field","name":{"kind":"Name","value":"organizationName"}},{"kind":"Field","name":{"kind":"Name","value":"serverName"}},{"kind":"Field","name":{"kind":"Name","value":"serverUuid"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"profileCount"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"statusCheckedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastAppleError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"appleCode"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sharedWithSchoolDataSync"}}]}}]} as unknown as DocumentNode<RefreshTokenStatusMutation, RefreshTokenStatusMutationVariables>;
export const ShareTokenWithSchoolDataSyncDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ShareTokenWithSchoolDataSync"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ShareTokenWithSchoolDataSyncInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shareTokenWithSchoolDataSync"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sharedWithSchoolDataSync"}}]}}]}}]}}]} as unknown as DocumentNode<ShareTokenWithSchoolDataSyncMutation, ShareTokenWithSchoolDataSyncMutationVariables>;
export const EnrollmentProgramTokensDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EnrollmentProgramTokens"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollmentProgramTokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TokenFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TokenFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentProgramToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"appleId"}},{"kind":"Field","name":{"kind":"Name","value":"tokenType"}},{"kind":"Field","name":{"kind":"Name","value":"organizationName"}},{"kind":"Field","name":{"kind":"Name","value":"serverName"}},{"kind":"Field","name":{"kind":"Name","value":"serverUuid"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"profileCount"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"statusCheckedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastAppleError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"appleCode"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sharedWithSchoolDataSync"}}]}}]} as unknown as DocumentNode<EnrollmentProgramTokensQuery, EnrollmentProgramTokensQueryVariables>;
export const TokenNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TokenNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentProgramToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"lastAppleError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"appleCode"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EncryptionPublicKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificate"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MdmPushCertificate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"topic"}}]}}]}}]}}]} as unknown as DocumentNode<TokenNodeQuery, TokenNodeQueryVariables>;
export const ImportUsersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImportUsers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImportUsersInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importUsers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserImportJobFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"refusedRows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserImportRowFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserImportJobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserImportJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedCount"}},{"kind":"Field","name":{"kind":"Name","value":"pendingCount"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserImportRowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserImportRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"row"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ImportUsersMutation, ImportUsersMutationVariables>;
export const UserImportJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UserImportJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"statuses"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UserImportRowStatus"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userImportJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserImportJobFields"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"statuses"},"value":{"kind":"Variable","name":{"kind":"Name","value":"statuses"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserImportRowFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserImportJobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserImportJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedCount"}},{"kind":"Field","name":{"kind":"Name","value":"pendingCount"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserImportRowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserImportRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"row"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<UserImportJobQuery, UserImportJobQueryVariables>;
export const UserImportJobNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UserImportJobNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserImportJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}}]}}]}}]}}]} as unknown as DocumentNode<UserImportJobNodeQuery, UserImportJobNodeQueryVariables>;
export const UserImportJobProgressedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"UserImportJobProgressed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userImportJobProgressed"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"jobId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"snapshot"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"chunkSize"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedCount"}},{"kind":"Field","name":{"kind":"Name","value":"pendingCount"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdCount"}}]}}]}}]}}]} as unknown as DocumentNode<UserImportJobProgressedSubscription, UserImportJobProgressedSubscriptionVariables>;
export const UsersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Users"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"UserFilterInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<UsersQuery, UsersQueryVariables>;
export const UserNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UserNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}}]} as unknown as DocumentNode<UserNodeQuery, UserNodeQueryVariables>;
export const CreateUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateUserInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<CreateUserMutation, CreateUserMutationVariables>;
export const UpdateUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateUserInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<UpdateUserMutation, UpdateUserMutationVariables>;
export const DeleteUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteUserInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedUserId"}}]}}]}}]} as unknown as DocumentNode<DeleteUserMutation, DeleteUserMutationVariables>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}}]}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;