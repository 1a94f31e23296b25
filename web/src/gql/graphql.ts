/* eslint-disable */
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

/** A range of instants: `from` included, `to` excluded; leave either out for an open end. */
export type DateTimeRangeInput = {
  /** At or after this instant. */
  from?: string | null | undefined;
  /** Before this instant (excluded); must be later than `from`. */
  to?: string | null | undefined;
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

/** The push certificate's health on the server's clock. */
export type MdmPushCertificateStatus =
  /** Valid for more than 30 days. */
  | 'ACTIVE'
  /** Expired: Apple no longer delivers pushes with it. Renew it (same Apple ID, so the topic stays the same) and upload it again. */
  | 'EXPIRED'
  /** Expires within 30 days: renew it at the Apple Push Certificates Portal with the same Apple ID, then upload it again. */
  | 'EXPIRING_SOON';

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

/** An API key's role: a fixed bundle of permissions, after Intune's Enrollment programs permissions. */
export type Role =
  /** Everything, including API key management, the user directory and the audit log. */
  | 'ADMIN'
  /** Reads tokens, profiles and devices; syncs devices; assigns and unassigns profiles; starts rehearsals (development). */
  | 'OPERATOR'
  /** Reads tokens, profiles and devices; changes nothing. */
  | 'READ_ONLY';

/** A token's default profile for new devices. */
export type SetDefaultEnrollmentProfileInput = {
  /** Global ID of one of the token's profiles; null clears the default. */
  profileId?: string | number | null | undefined;
  /** Global ID of the token. */
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

export type DeviceRowFragment = { id: string, serialNumber: string, model: string | null, os: string | null, profileStatus: DeviceProfileStatus, requiresWipe: boolean, removedAt: string | null, firstSeenAt: string, profile: { id: string, name: string } | null, enrollment: { state: EnrollmentState, lastContactedAt: string | null } };

export type TokenDevicesQueryVariables = Exact<{
  tokenId: string | number;
  first: number;
  after?: string | null | undefined;
  filter?: DeviceFilterInput | null | undefined;
  orderBy?: DeviceOrderInput | null | undefined;
}>;


export type TokenDevicesQuery = { node:
    | { id: string, devices: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, serialNumber: string, model: string | null, os: string | null, profileStatus: DeviceProfileStatus, requiresWipe: boolean, removedAt: string | null, firstSeenAt: string, profile: { id: string, name: string } | null, enrollment: { state: EnrollmentState, lastContactedAt: string | null } } }> } }
    | Record<PropertyKey, never>
   | null };

export type TokenModelsQueryVariables = Exact<{
  tokenId: string | number;
}>;


export type TokenModelsQuery = { node:
    | { id: string, models: Array<{ model: string, deviceCount: number }> }
    | Record<PropertyKey, never>
   | null };

export type AssignProfileMutationVariables = Exact<{
  input: AssignProfileInput;
}>;


export type AssignProfileMutation = { assignProfile: { preview: { kind: AssignmentKind, willChangeCount: number, unchangedCount: number, cannotChangeCount: number, requiresWipeCount: number, removedCount: number, otherTokenCount: number, unknownSerialCount: number, willChange: Array<{ id: string, serialNumber: string }> } | null, job: { id: string, status: AssignmentJobStatus, percent: number, deviceCount: number } | null } };

export type AssignmentJobProgressedSubscriptionVariables = Exact<{
  jobId: string | number;
}>;


export type AssignmentJobProgressedSubscription = { assignmentJobProgressed: { jobId: string, status: AssignmentJobStatus, percent: number, deviceCount: number, succeededCount: number, unchangedCount: number, failedCount: number, notAccessibleCount: number, throttledCount: number, cannotChangeCount: number, requiresWipeCount: number, pendingCount: number, appleCalls: number, at: string } };

export type WallDeviceFragment = { id: string, serialNumber: string, model: string | null, enrollment: { state: EnrollmentState, enrolledAt: string | null } };

export type EnrollmentWallQueryVariables = Exact<{
  tokenId: string | number;
  states: Array<EnrollmentState> | EnrollmentState;
}>;


export type EnrollmentWallQuery = { node:
    | { id: string, devices: { totalCount: number, edges: Array<{ node: { id: string, serialNumber: string, model: string | null, enrollment: { state: EnrollmentState, enrolledAt: string | null } } }> } }
    | Record<PropertyKey, never>
   | null };

export type DeviceEnrollmentChangedSubscriptionVariables = Exact<{
  tokenId: string | number;
}>;


export type DeviceEnrollmentChangedSubscription = { deviceEnrollmentChanged: { snapshot: boolean, at: string, state: EnrollmentState | null, previousState: EnrollmentState | null, stateCounts: Array<{ state: EnrollmentState, count: number }> | null, device: { id: string, serialNumber: string, model: string | null, enrollment: { state: EnrollmentState, enrolledAt: string | null } } | null } };

export type ProfileFieldsFragment = { id: string, name: string, description: string | null, isDefault: boolean, deviceCount: number, userAffinity: UserAffinity, supervised: boolean, lockedEnrollment: boolean, sharedIPad: boolean, maximumCachedUsers: number | null, pairing: PairingMode, configuratorCertificates: Array<string>, awaitDeviceConfigured: boolean, departmentName: string | null, departmentPhone: string | null, skippedPanes: Array<SetupAssistantPane>, enrollmentUrl: string, updatedAt: string };

export type TokenProfilesQueryVariables = Exact<{
  tokenId: string | number;
}>;


export type TokenProfilesQuery = { node:
    | { id: string, profiles: { totalCount: number, edges: Array<{ node: { id: string, name: string, description: string | null, isDefault: boolean, deviceCount: number, userAffinity: UserAffinity, supervised: boolean, lockedEnrollment: boolean, sharedIPad: boolean, maximumCachedUsers: number | null, pairing: PairingMode, configuratorCertificates: Array<string>, awaitDeviceConfigured: boolean, departmentName: string | null, departmentPhone: string | null, skippedPanes: Array<SetupAssistantPane>, enrollmentUrl: string, updatedAt: string } }> } }
    | Record<PropertyKey, never>
   | null };

export type ProfileOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type ProfileOptionsQuery = { panes: { enumValues: Array<{ name: string, description: string | null }> | null } | null, pairing: { enumValues: Array<{ name: string, description: string | null }> | null } | null, affinity: { enumValues: Array<{ name: string, description: string | null }> | null } | null };

export type CreateEnrollmentProfileMutationVariables = Exact<{
  input: CreateEnrollmentProfileInput;
}>;


export type CreateEnrollmentProfileMutation = { createEnrollmentProfile: { enrollmentProfile: { id: string, name: string, description: string | null, isDefault: boolean, deviceCount: number, userAffinity: UserAffinity, supervised: boolean, lockedEnrollment: boolean, sharedIPad: boolean, maximumCachedUsers: number | null, pairing: PairingMode, configuratorCertificates: Array<string>, awaitDeviceConfigured: boolean, departmentName: string | null, departmentPhone: string | null, skippedPanes: Array<SetupAssistantPane>, enrollmentUrl: string, updatedAt: string } } };

export type UpdateEnrollmentProfileMutationVariables = Exact<{
  input: UpdateEnrollmentProfileInput;
}>;


export type UpdateEnrollmentProfileMutation = { updateEnrollmentProfile: { redefinedAtApple: boolean, devicesMoved: number, devicesNotMoved: number, sharedIPadTurnedOff: boolean, assignmentErrorCode: ErrorCode | null, assignmentErrorMessage: string | null, enrollmentProfile: { id: string, name: string, description: string | null, isDefault: boolean, deviceCount: number, userAffinity: UserAffinity, supervised: boolean, lockedEnrollment: boolean, sharedIPad: boolean, maximumCachedUsers: number | null, pairing: PairingMode, configuratorCertificates: Array<string>, awaitDeviceConfigured: boolean, departmentName: string | null, departmentPhone: string | null, skippedPanes: Array<SetupAssistantPane>, enrollmentUrl: string, updatedAt: string } } };

export type SetDefaultEnrollmentProfileMutationVariables = Exact<{
  input: SetDefaultEnrollmentProfileInput;
}>;


export type SetDefaultEnrollmentProfileMutation = { setDefaultEnrollmentProfile: { defaultProfile: { id: string } | null } };

export type RehearsalStateFragment = { id: string, status: RehearsalStatus, deviceCount: number, doneCount: number, enrolledCount: number, unmanagedCount: number, failedCount: number, percent: number, errorMessage: string | null, finishedAt: string | null, failures: Array<{ reason: string, count: number }>, token: { id: string } };

export type RehearsalSupportQueryVariables = Exact<{ [key: string]: never; }>;


export type RehearsalSupportQuery = { rehearsalSupport: { available: boolean, unavailableReason: string | null, maxCount: number, running: { id: string, status: RehearsalStatus, deviceCount: number, doneCount: number, enrolledCount: number, unmanagedCount: number, failedCount: number, percent: number, errorMessage: string | null, finishedAt: string | null, failures: Array<{ reason: string, count: number }>, token: { id: string } } | null } };

export type StartRehearsalMutationVariables = Exact<{
  input: StartRehearsalInput;
}>;


export type StartRehearsalMutation = { startRehearsal: { rehearsal: { id: string, status: RehearsalStatus, deviceCount: number, doneCount: number, enrolledCount: number, unmanagedCount: number, failedCount: number, percent: number, errorMessage: string | null, finishedAt: string | null, failures: Array<{ reason: string, count: number }>, token: { id: string } } } };

export type RehearsalProgressedSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type RehearsalProgressedSubscription = { rehearsalProgressed: { snapshot: boolean, rehearsal: { id: string, status: RehearsalStatus, deviceCount: number, doneCount: number, enrolledCount: number, unmanagedCount: number, failedCount: number, percent: number, errorMessage: string | null, finishedAt: string | null, failures: Array<{ reason: string, count: number }>, token: { id: string } } } };

export type TokenHealthFragment = { id: string, name: string, serverName: string, organizationName: string, appleId: string, status: TokenStatus, statusReason: string, statusCheckedAt: string | null, expiresAt: string, deviceCount: number, profileCount: number, lastAppleError: { code: ErrorCode, appleCode: string | null, message: string, endpoint: string | null, at: string } | null, syncStatus: { state: SyncState, lastSuccessfulSyncAt: string | null, syncAvailableAt: string } };

export type SetupStateQueryVariables = Exact<{ [key: string]: never; }>;


export type SetupStateQuery = { mdmPushCertificate: { id: string, topic: string, subject: string, status: MdmPushCertificateStatus, expiresAt: string, simulated: boolean } | null, encryptionPublicKey: { id: string, certificate: string, createdAt: string, expiresAt: string } | null };

export type TokensQueryVariables = Exact<{ [key: string]: never; }>;


export type TokensQuery = { enrollmentProgramTokens: { totalCount: number, edges: Array<{ node: { id: string, name: string, serverName: string, organizationName: string, appleId: string, status: TokenStatus, statusReason: string, statusCheckedAt: string | null, expiresAt: string, deviceCount: number, profileCount: number, lastAppleError: { code: ErrorCode, appleCode: string | null, message: string, endpoint: string | null, at: string } | null, syncStatus: { state: SyncState, lastSuccessfulSyncAt: string | null, syncAvailableAt: string } } }> } };

export type UploadMdmPushCertificateMutationVariables = Exact<{
  input: UploadMdmPushCertificateInput;
}>;


export type UploadMdmPushCertificateMutation = { uploadMdmPushCertificate: { replacedPrevious: boolean, topicChanged: boolean, mdmPushCertificate: { id: string, topic: string, status: MdmPushCertificateStatus, expiresAt: string, simulated: boolean } } };

export type GenerateEncryptionPublicKeyMutationVariables = Exact<{
  input: GenerateEncryptionPublicKeyInput;
}>;


export type GenerateEncryptionPublicKeyMutation = { generateEncryptionPublicKey: { replacedPrevious: boolean, encryptionPublicKey: { id: string, certificate: string, createdAt: string, expiresAt: string } } };

export type UploadTokenMutationVariables = Exact<{
  input: UploadTokenInput;
}>;


export type UploadTokenMutation = { uploadToken: { token: { id: string, name: string, serverName: string, organizationName: string, appleId: string, status: TokenStatus, statusReason: string, statusCheckedAt: string | null, expiresAt: string, deviceCount: number, profileCount: number, lastAppleError: { code: ErrorCode, appleCode: string | null, message: string, endpoint: string | null, at: string } | null, syncStatus: { state: SyncState, lastSuccessfulSyncAt: string | null, syncAvailableAt: string } } } };

export type RefreshTokenStatusMutationVariables = Exact<{
  input: RefreshTokenStatusInput;
}>;


export type RefreshTokenStatusMutation = { refreshTokenStatus: { token: { id: string, name: string, serverName: string, organizationName: string, appleId: string, status: TokenStatus, statusReason: string, statusCheckedAt: string | null, expiresAt: string, deviceCount: number, profileCount: number, lastAppleError: { code: ErrorCode, appleCode: string | null, message: string, endpoint: string | null, at: string } | null, syncStatus: { state: SyncState, lastSuccessfulSyncAt: string | null, syncAvailableAt: string } } } };

export type TokenHealthChangedSubscriptionVariables = Exact<{
  tokenId: string | number;
}>;


export type TokenHealthChangedSubscription = { tokenHealthChanged: { tokenId: string, status: TokenStatus, statusReason: string, expiresAt: string, expiresInDays: number, termsAccepted: boolean, snapshot: boolean, at: string, lastAppleError: { code: ErrorCode, appleCode: string | null, message: string, endpoint: string | null, at: string } | null } };

export type SyncRunRowFragment = { id: string, kind: SyncKind, trigger: SyncTrigger, status: SyncRunStatus, phase: SyncPhase, startedAt: string, finishedAt: string | null, devicesSeen: number, devicesAdded: number, devicesUpdated: number, devicesRemoved: number, percent: number | null, fallbackReason: SyncFallbackReason | null, errorCode: string | null, errorMessage: string | null };

export type TokenSyncQueryVariables = Exact<{
  tokenId: string | number;
}>;


export type TokenSyncQuery = { node:
    | { id: string, syncStatus: { state: SyncState, lastSuccessfulSyncAt: string | null, lastFullSyncAt: string | null, syncAvailableAt: string, nextFullSyncAvailableAt: string }, syncRuns: { totalCount: number, edges: Array<{ node: { id: string, kind: SyncKind, trigger: SyncTrigger, status: SyncRunStatus, phase: SyncPhase, startedAt: string, finishedAt: string | null, devicesSeen: number, devicesAdded: number, devicesUpdated: number, devicesRemoved: number, percent: number | null, fallbackReason: SyncFallbackReason | null, errorCode: string | null, errorMessage: string | null } }> } }
    | Record<PropertyKey, never>
   | null };

export type SyncDevicesMutationVariables = Exact<{
  input: SyncDevicesInput;
}>;


export type SyncDevicesMutation = { syncDevices: { run: { id: string, kind: SyncKind, trigger: SyncTrigger, status: SyncRunStatus, phase: SyncPhase, startedAt: string, finishedAt: string | null, devicesSeen: number, devicesAdded: number, devicesUpdated: number, devicesRemoved: number, percent: number | null, fallbackReason: SyncFallbackReason | null, errorCode: string | null, errorMessage: string | null } } };

export type SyncProgressedSubscriptionVariables = Exact<{
  tokenId: string | number;
}>;


export type SyncProgressedSubscription = { syncProgressed: { snapshot: boolean, runId: string | null, kind: SyncKind | null, status: SyncRunStatus | null, phase: SyncPhase, percent: number | null, pages: number, devicesSeen: number, devicesAdded: number, devicesUpdated: number, devicesRemoved: number, estimatedTotal: number | null, at: string } };

export type SyncCooldownSubscriptionVariables = Exact<{
  tokenId: string | number;
}>;


export type SyncCooldownSubscription = { syncCooldown: { syncAvailableInSeconds: number, fullSyncAvailableInSeconds: number, running: boolean } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { name: string, role: Role, permissions: Array<Permission> } };

export const DeviceRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeviceRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Device"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"os"}},{"kind":"Field","name":{"kind":"Name","value":"profileStatus"}},{"kind":"Field","name":{"kind":"Name","value":"requiresWipe"}},{"kind":"Field","name":{"kind":"Name","value":"removedAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstSeenAt"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"enrollment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"lastContactedAt"}}]}}]}}]} as unknown as DocumentNode<DeviceRowFragment, unknown>;
export const WallDeviceFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WallDevice"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Device"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"enrollment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"enrolledAt"}}]}}]}}]} as unknown as DocumentNode<WallDeviceFragment, unknown>;
export const ProfileFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentProfile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"userAffinity"}},{"kind":"Field","name":{"kind":"Name","value":"supervised"}},{"kind":"Field","name":{"kind":"Name","value":"lockedEnrollment"}},{"kind":"Field","name":{"kind":"Name","value":"sharedIPad"}},{"kind":"Field","name":{"kind":"Name","value":"maximumCachedUsers"}},{"kind":"Field","name":{"kind":"Name","value":"pairing"}},{"kind":"Field","name":{"kind":"Name","value":"configuratorCertificates"}},{"kind":"Field","name":{"kind":"Name","value":"awaitDeviceConfigured"}},{"kind":"Field","name":{"kind":"Name","value":"departmentName"}},{"kind":"Field","name":{"kind":"Name","value":"departmentPhone"}},{"kind":"Field","name":{"kind":"Name","value":"skippedPanes"}},{"kind":"Field","name":{"kind":"Name","value":"enrollmentUrl"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<ProfileFieldsFragment, unknown>;
export const RehearsalStateFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RehearsalState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Rehearsal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"doneCount"}},{"kind":"Field","name":{"kind":"Name","value":"enrolledCount"}},{"kind":"Field","name":{"kind":"Name","value":"unmanagedCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedCount"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"failures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<RehearsalStateFragment, unknown>;
export const TokenHealthFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TokenHealth"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentProgramToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"serverName"}},{"kind":"Field","name":{"kind":"Name","value":"organizationName"}},{"kind":"Field","name":{"kind":"Name","value":"appleId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"statusCheckedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"profileCount"}},{"kind":"Field","name":{"kind":"Name","value":"lastAppleError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"appleCode"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}},{"kind":"Field","name":{"kind":"Name","value":"syncStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessfulSyncAt"}},{"kind":"Field","name":{"kind":"Name","value":"syncAvailableAt"}}]}}]}}]} as unknown as DocumentNode<TokenHealthFragment, unknown>;
export const SyncRunRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncRunRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"devicesSeen"}},{"kind":"Field","name":{"kind":"Name","value":"devicesAdded"}},{"kind":"Field","name":{"kind":"Name","value":"devicesUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"devicesRemoved"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"fallbackReason"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}}]}}]} as unknown as DocumentNode<SyncRunRowFragment, unknown>;
export const TokenDevicesDocument = {"__meta__":{"hash":"84b3765129cda4bef592b66861bd7d22dd526f69c0d5cc33377b06459682b08e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TokenDevices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tokenId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DeviceFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DeviceOrderInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tokenId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentProgramToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"devices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeviceRow"}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeviceRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Device"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"os"}},{"kind":"Field","name":{"kind":"Name","value":"profileStatus"}},{"kind":"Field","name":{"kind":"Name","value":"requiresWipe"}},{"kind":"Field","name":{"kind":"Name","value":"removedAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstSeenAt"}},{"kind":"Field","name":{"kind":"Name","value":"profile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"enrollment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"lastContactedAt"}}]}}]}}]} as unknown as DocumentNode<TokenDevicesQuery, TokenDevicesQueryVariables>;
export const TokenModelsDocument = {"__meta__":{"hash":"b0b48ed7fd886142cbeedd61ac098087b5ab4b8cba0b9969b7c6428b553fd99e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TokenModels"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tokenId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tokenId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentProgramToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"models"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TokenModelsQuery, TokenModelsQueryVariables>;
export const AssignProfileDocument = {"__meta__":{"hash":"c937c541e0bde68a9c84f6b1f47e92751be00a27461a19c9cfb328b3fb1e03da"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AssignProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AssignProfileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"preview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"willChangeCount"}},{"kind":"Field","name":{"kind":"Name","value":"unchangedCount"}},{"kind":"Field","name":{"kind":"Name","value":"cannotChangeCount"}},{"kind":"Field","name":{"kind":"Name","value":"requiresWipeCount"}},{"kind":"Field","name":{"kind":"Name","value":"removedCount"}},{"kind":"Field","name":{"kind":"Name","value":"otherTokenCount"}},{"kind":"Field","name":{"kind":"Name","value":"unknownSerialCount"}},{"kind":"Field","name":{"kind":"Name","value":"willChange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}}]}}]}}]}}]} as unknown as DocumentNode<AssignProfileMutation, AssignProfileMutationVariables>;
export const AssignmentJobProgressedDocument = {"__meta__":{"hash":"22f865495ac87ceb383c47dcb2d269b863244b9da2d1efde4f7abaf698465245"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"AssignmentJobProgressed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignmentJobProgressed"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"jobId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"succeededCount"}},{"kind":"Field","name":{"kind":"Name","value":"unchangedCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedCount"}},{"kind":"Field","name":{"kind":"Name","value":"notAccessibleCount"}},{"kind":"Field","name":{"kind":"Name","value":"throttledCount"}},{"kind":"Field","name":{"kind":"Name","value":"cannotChangeCount"}},{"kind":"Field","name":{"kind":"Name","value":"requiresWipeCount"}},{"kind":"Field","name":{"kind":"Name","value":"pendingCount"}},{"kind":"Field","name":{"kind":"Name","value":"appleCalls"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]} as unknown as DocumentNode<AssignmentJobProgressedSubscription, AssignmentJobProgressedSubscriptionVariables>;
export const EnrollmentWallDocument = {"__meta__":{"hash":"07413dc345a5fa1bc5271721e1e9fc86e5615e044e305a2c50dd1ed3df405142"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EnrollmentWall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tokenId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"states"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentState"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tokenId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentProgramToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"devices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"500"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"enrollmentStates"},"value":{"kind":"Variable","name":{"kind":"Name","value":"states"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WallDevice"}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WallDevice"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Device"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"enrollment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"enrolledAt"}}]}}]}}]} as unknown as DocumentNode<EnrollmentWallQuery, EnrollmentWallQueryVariables>;
export const DeviceEnrollmentChangedDocument = {"__meta__":{"hash":"6ea4be39c414d921a2afe57b92c6f5fd992b6f0904dce656dcc85073bb04ccaa"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DeviceEnrollmentChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tokenId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deviceEnrollmentChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tokenId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tokenId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"snapshot"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"previousState"}},{"kind":"Field","name":{"kind":"Name","value":"stateCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"device"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WallDevice"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WallDevice"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Device"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"enrollment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"enrolledAt"}}]}}]}}]} as unknown as DocumentNode<DeviceEnrollmentChangedSubscription, DeviceEnrollmentChangedSubscriptionVariables>;
export const TokenProfilesDocument = {"__meta__":{"hash":"03c44067d299fa527b8b250decc67c5bfac2720af5e5bd7dce822bc0a6a102d9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TokenProfiles"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tokenId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tokenId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentProgramToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"profiles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileFields"}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentProfile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"userAffinity"}},{"kind":"Field","name":{"kind":"Name","value":"supervised"}},{"kind":"Field","name":{"kind":"Name","value":"lockedEnrollment"}},{"kind":"Field","name":{"kind":"Name","value":"sharedIPad"}},{"kind":"Field","name":{"kind":"Name","value":"maximumCachedUsers"}},{"kind":"Field","name":{"kind":"Name","value":"pairing"}},{"kind":"Field","name":{"kind":"Name","value":"configuratorCertificates"}},{"kind":"Field","name":{"kind":"Name","value":"awaitDeviceConfigured"}},{"kind":"Field","name":{"kind":"Name","value":"departmentName"}},{"kind":"Field","name":{"kind":"Name","value":"departmentPhone"}},{"kind":"Field","name":{"kind":"Name","value":"skippedPanes"}},{"kind":"Field","name":{"kind":"Name","value":"enrollmentUrl"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<TokenProfilesQuery, TokenProfilesQueryVariables>;
export const ProfileOptionsDocument = {"__meta__":{"hash":"15aeceff4dcccb7bf51cc34a559f174842e1628fcbf7b6636a78774131e7ae0d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProfileOptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"panes"},"name":{"kind":"Name","value":"__type"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"SetupAssistantPane","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enumValues"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"includeDeprecated"},"value":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"pairing"},"name":{"kind":"Name","value":"__type"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"PairingMode","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enumValues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"affinity"},"name":{"kind":"Name","value":"__type"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"UserAffinity","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enumValues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]} as unknown as DocumentNode<ProfileOptionsQuery, ProfileOptionsQueryVariables>;
export const CreateEnrollmentProfileDocument = {"__meta__":{"hash":"7f7eee30ecf90352f1793a0376bcc79704e5d8d9279b722ccd846ad9976c5c99"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateEnrollmentProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateEnrollmentProfileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createEnrollmentProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollmentProfile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentProfile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"userAffinity"}},{"kind":"Field","name":{"kind":"Name","value":"supervised"}},{"kind":"Field","name":{"kind":"Name","value":"lockedEnrollment"}},{"kind":"Field","name":{"kind":"Name","value":"sharedIPad"}},{"kind":"Field","name":{"kind":"Name","value":"maximumCachedUsers"}},{"kind":"Field","name":{"kind":"Name","value":"pairing"}},{"kind":"Field","name":{"kind":"Name","value":"configuratorCertificates"}},{"kind":"Field","name":{"kind":"Name","value":"awaitDeviceConfigured"}},{"kind":"Field","name":{"kind":"Name","value":"departmentName"}},{"kind":"Field","name":{"kind":"Name","value":"departmentPhone"}},{"kind":"Field","name":{"kind":"Name","value":"skippedPanes"}},{"kind":"Field","name":{"kind":"Name","value":"enrollmentUrl"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<CreateEnrollmentProfileMutation, CreateEnrollmentProfileMutationVariables>;
export const UpdateEnrollmentProfileDocument = {"__meta__":{"hash":"4a1dfabda3d9a1ccabcc53d95c3c51429463245d7928c590d07fb8fe8f67ac47"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateEnrollmentProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateEnrollmentProfileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateEnrollmentProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"redefinedAtApple"}},{"kind":"Field","name":{"kind":"Name","value":"devicesMoved"}},{"kind":"Field","name":{"kind":"Name","value":"devicesNotMoved"}},{"kind":"Field","name":{"kind":"Name","value":"sharedIPadTurnedOff"}},{"kind":"Field","name":{"kind":"Name","value":"assignmentErrorCode"}},{"kind":"Field","name":{"kind":"Name","value":"assignmentErrorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"enrollmentProfile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProfileFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProfileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentProfile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"userAffinity"}},{"kind":"Field","name":{"kind":"Name","value":"supervised"}},{"kind":"Field","name":{"kind":"Name","value":"lockedEnrollment"}},{"kind":"Field","name":{"kind":"Name","value":"sharedIPad"}},{"kind":"Field","name":{"kind":"Name","value":"maximumCachedUsers"}},{"kind":"Field","name":{"kind":"Name","value":"pairing"}},{"kind":"Field","name":{"kind":"Name","value":"configuratorCertificates"}},{"kind":"Field","name":{"kind":"Name","value":"awaitDeviceConfigured"}},{"kind":"Field","name":{"kind":"Name","value":"departmentName"}},{"kind":"Field","name":{"kind":"Name","value":"departmentPhone"}},{"kind":"Field","name":{"kind":"Name","value":"skippedPanes"}},{"kind":"Field","name":{"kind":"Name","value":"enrollmentUrl"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<UpdateEnrollmentProfileMutation, UpdateEnrollmentProfileMutationVariables>;
export const SetDefaultEnrollmentProfileDocument = {"__meta__":{"hash":"d91a1fb9387c1464f7a0f370f3675201f1d6e59aa32e185e05e53f30b2fb2348"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetDefaultEnrollmentProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetDefaultEnrollmentProfileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setDefaultEnrollmentProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"defaultProfile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<SetDefaultEnrollmentProfileMutation, SetDefaultEnrollmentProfileMutationVariables>;
export const RehearsalSupportDocument = {"__meta__":{"hash":"f4f263fbb328cb5953c03df9cbe2b2ccfc39dd09a7d6fe49bb5ed4a0fdef5090"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RehearsalSupport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rehearsalSupport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"unavailableReason"}},{"kind":"Field","name":{"kind":"Name","value":"maxCount"}},{"kind":"Field","name":{"kind":"Name","value":"running"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RehearsalState"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RehearsalState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Rehearsal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"doneCount"}},{"kind":"Field","name":{"kind":"Name","value":"enrolledCount"}},{"kind":"Field","name":{"kind":"Name","value":"unmanagedCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedCount"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"failures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<RehearsalSupportQuery, RehearsalSupportQueryVariables>;
export const StartRehearsalDocument = {"__meta__":{"hash":"367be9ce5e6175dc477528f2ac0899a648fdd42ea31f8cd84904a60c43fcba5b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartRehearsal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartRehearsalInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startRehearsal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rehearsal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RehearsalState"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RehearsalState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Rehearsal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"doneCount"}},{"kind":"Field","name":{"kind":"Name","value":"enrolledCount"}},{"kind":"Field","name":{"kind":"Name","value":"unmanagedCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedCount"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"failures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<StartRehearsalMutation, StartRehearsalMutationVariables>;
export const RehearsalProgressedDocument = {"__meta__":{"hash":"0ade180b1a789a88f97e0f85d105e3e38c401a5b18960832970587d1bd8e33e7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"RehearsalProgressed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rehearsalProgressed"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"snapshot"}},{"kind":"Field","name":{"kind":"Name","value":"rehearsal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RehearsalState"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RehearsalState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Rehearsal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"doneCount"}},{"kind":"Field","name":{"kind":"Name","value":"enrolledCount"}},{"kind":"Field","name":{"kind":"Name","value":"unmanagedCount"}},{"kind":"Field","name":{"kind":"Name","value":"failedCount"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"failures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<RehearsalProgressedSubscription, RehearsalProgressedSubscriptionVariables>;
export const SetupStateDocument = {"__meta__":{"hash":"2415e992b432774e869fcfc1ff34528b9127702974f4708410c6a67989d69319"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SetupState"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mdmPushCertificate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"simulated"}}]}},{"kind":"Field","name":{"kind":"Name","value":"encryptionPublicKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"certificate"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<SetupStateQuery, SetupStateQueryVariables>;
export const TokensDocument = {"__meta__":{"hash":"a88c7cf0882b7d2b0ef38180f49a39d51e120fbe3dafd1ad10c423de33e52936"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Tokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollmentProgramTokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TokenHealth"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TokenHealth"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentProgramToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"serverName"}},{"kind":"Field","name":{"kind":"Name","value":"organizationName"}},{"kind":"Field","name":{"kind":"Name","value":"appleId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"statusCheckedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"profileCount"}},{"kind":"Field","name":{"kind":"Name","value":"lastAppleError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"appleCode"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}},{"kind":"Field","name":{"kind":"Name","value":"syncStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessfulSyncAt"}},{"kind":"Field","name":{"kind":"Name","value":"syncAvailableAt"}}]}}]}}]} as unknown as DocumentNode<TokensQuery, TokensQueryVariables>;
export const UploadMdmPushCertificateDocument = {"__meta__":{"hash":"4e6466ca9083d3336e6402a2397f353b2140e885830d45764a28c8facf5678ae"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UploadMdmPushCertificate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UploadMdmPushCertificateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uploadMdmPushCertificate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replacedPrevious"}},{"kind":"Field","name":{"kind":"Name","value":"topicChanged"}},{"kind":"Field","name":{"kind":"Name","value":"mdmPushCertificate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"simulated"}}]}}]}}]}}]} as unknown as DocumentNode<UploadMdmPushCertificateMutation, UploadMdmPushCertificateMutationVariables>;
export const GenerateEncryptionPublicKeyDocument = {"__meta__":{"hash":"d1b77059dd7a423853ce698583891e01250c55424719674045a3596791854687"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GenerateEncryptionPublicKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GenerateEncryptionPublicKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generateEncryptionPublicKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replacedPrevious"}},{"kind":"Field","name":{"kind":"Name","value":"encryptionPublicKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"certificate"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]}}]} as unknown as DocumentNode<GenerateEncryptionPublicKeyMutation, GenerateEncryptionPublicKeyMutationVariables>;
export const UploadTokenDocument = {"__meta__":{"hash":"dea70ab6ae8f08e31aba6617c49057e6fde5c00ed608dff028e6fae3e45b055d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UploadToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UploadTokenInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uploadToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TokenHealth"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TokenHealth"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentProgramToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"serverName"}},{"kind":"Field","name":{"kind":"Name","value":"organizationName"}},{"kind":"Field","name":{"kind":"Name","value":"appleId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"statusCheckedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"profileCount"}},{"kind":"Field","name":{"kind":"Name","value":"lastAppleError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"appleCode"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}},{"kind":"Field","name":{"kind":"Name","value":"syncStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessfulSyncAt"}},{"kind":"Field","name":{"kind":"Name","value":"syncAvailableAt"}}]}}]}}]} as unknown as DocumentNode<UploadTokenMutation, UploadTokenMutationVariables>;
export const RefreshTokenStatusDocument = {"__meta__":{"hash":"ab48946b49c3d86fc8ded62f59bbc06435de19b70285c8ee674c9a2e8efe24ce"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RefreshTokenStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RefreshTokenStatusInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refreshTokenStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TokenHealth"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TokenHealth"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentProgramToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"serverName"}},{"kind":"Field","name":{"kind":"Name","value":"organizationName"}},{"kind":"Field","name":{"kind":"Name","value":"appleId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"statusCheckedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"deviceCount"}},{"kind":"Field","name":{"kind":"Name","value":"profileCount"}},{"kind":"Field","name":{"kind":"Name","value":"lastAppleError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"appleCode"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}},{"kind":"Field","name":{"kind":"Name","value":"syncStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessfulSyncAt"}},{"kind":"Field","name":{"kind":"Name","value":"syncAvailableAt"}}]}}]}}]} as unknown as DocumentNode<RefreshTokenStatusMutation, RefreshTokenStatusMutationVariables>;
export const TokenHealthChangedDocument = {"__meta__":{"hash":"eb59781bb68b08a4cf0c1c0fc74fe58a7f478d1caf26a8e5c081ef5ccd976bf8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"TokenHealthChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tokenId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tokenHealthChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tokenId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tokenId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tokenId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresInDays"}},{"kind":"Field","name":{"kind":"Name","value":"termsAccepted"}},{"kind":"Field","name":{"kind":"Name","value":"lastAppleError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"appleCode"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}},{"kind":"Field","name":{"kind":"Name","value":"snapshot"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]} as unknown as DocumentNode<TokenHealthChangedSubscription, TokenHealthChangedSubscriptionVariables>;
export const TokenSyncDocument = {"__meta__":{"hash":"abcc563cc3cf0629a74a6bff8408ac7a3342dbe460f13d8019f67daf3830788f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TokenSync"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tokenId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tokenId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnrollmentProgramToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"syncStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessfulSyncAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastFullSyncAt"}},{"kind":"Field","name":{"kind":"Name","value":"syncAvailableAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextFullSyncAvailableAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"syncRuns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncRunRow"}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncRunRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"devicesSeen"}},{"kind":"Field","name":{"kind":"Name","value":"devicesAdded"}},{"kind":"Field","name":{"kind":"Name","value":"devicesUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"devicesRemoved"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"fallbackReason"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}}]}}]} as unknown as DocumentNode<TokenSyncQuery, TokenSyncQueryVariables>;
export const SyncDevicesDocument = {"__meta__":{"hash":"f0c9669846aa0001c9be62551318bd7dc5dd7af1fa564850891dd4d52abd4c47"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SyncDevices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SyncDevicesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncDevices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"run"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SyncRunRow"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SyncRunRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SyncRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"devicesSeen"}},{"kind":"Field","name":{"kind":"Name","value":"devicesAdded"}},{"kind":"Field","name":{"kind":"Name","value":"devicesUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"devicesRemoved"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"fallbackReason"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}}]}}]} as unknown as DocumentNode<SyncDevicesMutation, SyncDevicesMutationVariables>;
export const SyncProgressedDocument = {"__meta__":{"hash":"15bf96d0efbf4fcd3d8508126012671de17d424620c61b5f5a3fc8d4bef810a1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"SyncProgressed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tokenId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncProgressed"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tokenId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tokenId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"snapshot"}},{"kind":"Field","name":{"kind":"Name","value":"runId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"pages"}},{"kind":"Field","name":{"kind":"Name","value":"devicesSeen"}},{"kind":"Field","name":{"kind":"Name","value":"devicesAdded"}},{"kind":"Field","name":{"kind":"Name","value":"devicesUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"devicesRemoved"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedTotal"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]} as unknown as DocumentNode<SyncProgressedSubscription, SyncProgressedSubscriptionVariables>;
export const SyncCooldownDocument = {"__meta__":{"hash":"5c41879b5ae42ce972e957714d2d3af8c6cd65a0941b685798e3512f8e85939d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"SyncCooldown"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tokenId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncCooldown"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tokenId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tokenId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncAvailableInSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"fullSyncAvailableInSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"running"}}]}}]}}]} as unknown as DocumentNode<SyncCooldownSubscription, SyncCooldownSubscriptionVariables>;
export const ViewerDocument = {"__meta__":{"hash":"7dd25630dfebfbf75ac66b1f5f92ee2dea571249b5f9cdb98b9d76b9237e1f88"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;