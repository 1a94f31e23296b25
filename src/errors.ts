/**
 * Homeroom's one error vocabulary.
 *
 * Services throw {@link HomeroomError} with a code from {@link ErrorCode}; the GraphQL layer
 * exposes the same enum in the schema and puts the code in `extensions.code`; the CLI prints it
 * and exits non-zero. A frontend can switch on `extensions.code` without parsing messages, so a
 * code, once shipped, keeps its meaning. Anything that is not a HomeroomError is a bug or an
 * outage, and reaches clients only as `INTERNAL_SERVER_ERROR`.
 *
 * The codes Apollo Server itself produces before a resolver runs (parse, validation, bad
 * request) are part of the enum too, so a client sees every code it can receive in one place.
 */
// The ID format only (no GraphQL): services name missing rows the way clients know them.
import { toGlobalId } from './global-id.js';
import { wordsOfKeys } from './words.js';

/** One line per code: shown in the schema, the README and `homeroom --help`. */
export const ERROR_CODE_DESCRIPTIONS = {
  UNAUTHENTICATED:
    'No API key, a key without the `Bearer ` scheme, an unknown key or a revoked key (the message says which). Send `Authorization: Bearer <key>` (HTTP) or `connectionParams.authorization` (websocket).',
  FORBIDDEN:
    'The API key is valid but its role lacks the permission the operation needs; `extensions.missingPermissions` lists what is missing.',
  NOT_FOUND: 'The ID names nothing this key can see (deleted, never existed, or malformed); the message repeats the global ID as sent.',
  BAD_USER_INPUT: 'An argument or input field is invalid; the message names it and `extensions.field` holds its path. Nothing was changed.',
  ALREADY_EXISTS:
    'Something with the same unique name already exists; the message names it. For a token file whose MDM server already has a token, `extensions.tokenId` is that token and `extensions.mutation` is `renewToken`. Nothing was changed.',
  LAST_ADMIN_KEY: 'Refused because it would leave no active ADMIN key. Create another ADMIN key first.',
  QUERY_TOO_DEEP: 'The operation nests fields deeper than the server allows; `extensions.maxDepth` gives the limit.',
  QUERY_TOO_COMPLEX:
    'The operation could return too much at once (page sizes multiply down the tree; counts cost 50), cannot be costed, or writes more fields, aliases and fragments than `extensions.maxFields`; `extensions.maxComplexity` gives the cost limit. Ask for smaller pages or fewer fields.',
  GRAPHQL_PARSE_FAILED: 'The document is not valid GraphQL syntax.',
  GRAPHQL_VALIDATION_FAILED: 'The document does not match the schema.',
  BAD_REQUEST: 'The HTTP request is not a GraphQL request the server understands.',
  REQUEST_TOO_LARGE:
    'The request body is larger than the server accepts (HTTP 413; `GRAPHQL_MAX_BODY_BYTES` for /graphql, `MDM_MAX_BODY_BYTES` for /mdm/*); `extensions.limitBytes` gives the limit. Nothing ran.',
  REQUEST_MALFORMED:
    'The request body cannot be read: not valid JSON, an unsupported charset or encoding, or cut off (HTTP 400 or 415). Nothing ran.',
  OPERATION_RESOLUTION_FAILURE: 'The document has several operations and `operationName` does not pick one.',
  PERSISTED_QUERY_NOT_FOUND:
    'Persisted query: the hash is unknown; send the full query once (with `GRAPHQL_TRUSTED_DOCUMENTS=only`, only hashes of the manifest are known).',
  PERSISTED_QUERY_NOT_SUPPORTED: 'Automatic persisted queries are switched off on this server.',
  INTERNAL_SERVER_ERROR:
    'Something unexpected failed on the server. The response carries `extensions.requestId`; the server log has the cause under that id.',
  OPERATION_TIMED_OUT:
    'The query ran longer than the server allows (`extensions.timeoutMs`) and was stopped at its next database read; fields not read yet are null. Ask for less at once (smaller pages, fewer counts or aliases).',
  RATE_LIMITED:
    "The API key spent its query-cost budget (`GRAPHQL_COST_BUDGET`, refilled at `GRAPHQL_COST_RESTORE_RATE` a second); nothing ran. `extensions.retryAfter` says in how many seconds this operation's cost is available again (HTTP 429 with `Retry-After`); `extensions.cost` shows the bucket.",
  UNTRUSTED_DOCUMENT:
    'The server runs only trusted documents (`GRAPHQL_TRUSTED_DOCUMENTS=only`) and this one is not in its manifest; nothing ran. Use the operations the manifest was built from, or send their `extensions.persistedQuery.sha256Hash`.',
  SERVICE_UNAVAILABLE:
    'The database cannot be reached right now; nothing was changed. The response carries `extensions.requestId`. Try again shortly (`/readyz` says when the server is ready again).',
  TOKEN_UNREADABLE:
    'The file is not an Apple server token: expected the `.p7m` downloaded from Apple School Manager (S/MIME, or PEM/DER PKCS#7). Nothing was changed.',
  TOKEN_WRONG_KEY:
    'The token was encrypted to another public key. Download a new token in Apple School Manager after uploading the key Homeroom gave you. Nothing was changed.',
  TOKEN_INVALID_CONTENT:
    'The token decrypts but its content is not a valid server token (a field is missing or malformed); `extensions.field` names it. Nothing was changed.',
  APPLE_TERMS_NOT_ACCEPTED:
    'Apple refuses requests until an administrator accepts the latest terms and conditions in Apple School Manager (`T_C_NOT_SIGNED`).',
  APPLE_TOKEN_REJECTED:
    "Apple refuses the server token (replaced by a newer download, expired, revoked or signed wrongly); `extensions.appleCode` has Apple's code. Download a new token for the MDM server and call `renewToken` with it.",
  APPLE_REQUEST_REJECTED:
    "Apple refused the request itself (`extensions.appleCode` has Apple's code, e.g. `INVALID_CURSOR`, `FLAGS_INVALID`, or `ACCESS_DENIED`: the MDM server lacks access to what was asked); the token got through and keeps its status. Repeating the request unchanged will not help.",
  APPLE_UNAVAILABLE:
    "Apple could not be reached or kept failing (network errors, HTTP 5xx or 429) after Homeroom's retries; `extensions.attempts` says how many. When Apple asked to wait longer than the request may (`Retry-After` beyond `APPLE_INTERACTIVE_MAX_WAIT_MS` for an operation someone waits on), `extensions.retryAfter` says in how many seconds to try again; else try again later.",
  MDM_PUSH_CERTIFICATE_REQUIRED:
    'Upload the Apple MDM push certificate first (`uploadMdmPushCertificate`): enrollment program tokens need it. Nothing was changed.',
  MDM_PUSH_CERTIFICATE_INVALID:
    'The push certificate or its private key cannot be used (not PEM, key does not match, expired, or the topic does not start with `com.apple.mgmt.`); the message says which. Nothing was changed.',
  ENCRYPTION_KEY_REQUIRED:
    'No public key is waiting for a token: call `generateEncryptionPublicKey`, upload that certificate in Apple School Manager, then download the token. Nothing was changed.',
  TOKEN_SERVER_MISMATCH:
    'The new token belongs to another MDM server than the one being renewed (`extensions.expectedServerUuid`, `extensions.actualServerUuid`). Pass `force: true` to switch servers. Nothing was changed.',
  TOKEN_IN_USE:
    'The token still has enrollment profiles or devices (`extensions.profiles`, `extensions.devices`); delete the profiles and release the devices in Apple School Manager first. Nothing was changed.',
  SDS_ALREADY_SHARED:
    'Another token is already shared with School Data Sync (`extensions.tokenId` names it); unshare it first. Nothing was changed.',
  PROFILE_RULE_VIOLATION:
    'The profile settings contradict each other (e.g. locked enrollment without supervision); `extensions.field` names the setting and the message the rule. Nothing was changed.',
  PROFILE_IN_USE:
    "The profile is its token's default or devices are assigned to it (`extensions.devices`); change those first. Nothing was changed.",
  SYNC_IN_PROGRESS:
    'A sync of this token is running and its 15 minutes are not over; `extensions.syncAvailableAt` says when another may start. Nothing was started.',
  SYNC_TOO_SOON:
    "A manual sync of this token started less than 15 minutes ago (Intune's rule: at most one manual sync per 15 minutes); `extensions.syncAvailableAt` says when the next may start. Nothing was started.",
  PROFILE_LIMIT_REACHED: 'The token already has the most enrollment profiles allowed (1000). Delete one first. Nothing was changed.',
  MDM_REQUEST_MALFORMED:
    'MDM endpoints (devices, not GraphQL): the body is not what the endpoint takes (a CMS-signed MachineInfo plist, or a check-in or connect plist with its keys). HTTP 400; nothing was changed.',
  MDM_SIGNATURE_INVALID:
    "MDM endpoints: the CMS signature (the MachineInfo's, or the `Mdm-Signature` header) is missing or does not match the body. HTTP 400; nothing was changed.",
  MDM_DEVICE_NOT_TRUSTED:
    "MDM endpoints: the MachineInfo is signed by a certificate that does not chain to a trusted device CA (Apple's, the simulator's where it is trusted, those of MDM_DEVICE_CA_FILE), or a certificate of its chain is not valid now; `reason` UNTRUSTED_ISSUER and the message name the issuer no trusted CA vouches for. HTTP 403; nothing was changed.",
  MDM_ENROLLMENT_REFUSED:
    'MDM endpoints: the device may not enroll through this URL; `reason` says why (UNKNOWN_PROFILE, UNKNOWN_SERIAL, OTHER_TOKEN, REMOVED, PROFILE_NOT_ASSIGNED). HTTP 403 (404 for UNKNOWN_PROFILE); nothing was changed.',
  MDM_DEVICE_NOT_ENROLLED:
    'MDM endpoints: a check-in or connect signed by an identity Homeroom did not issue, or by one replaced since, or for another UDID; or an Authenticate naming another serial number than the enrolled device (`reason` SERIAL_MISMATCH). HTTP 403; nothing was changed.',
  MDM_USER_AUTHENTICATION_REQUIRED:
    'MDM endpoints: the profile enrolls with user affinity and the device sent no valid user credentials (HTTP Basic). HTTP 401 with `WWW-Authenticate: Basic`; the device asks its user and tries again.',
  SIMULATOR_UNAVAILABLE:
    "Rehearsals power on virtual iPads, which only the built-in Apple simulator knows: this Homeroom talks to Apple (or to a simulator elsewhere), or does not trust the simulator's device CA (`MDM_TRUST_SIMULATOR_DEVICE_CA=false`). Run `homeroom simulate devices` against a Homeroom started with `APPLE_DEP_URL=simulator` instead. Nothing was started.",
  REHEARSAL_IN_PROGRESS:
    'A rehearsal is already running on this server (`extensions.rehearsalId` names it); two at once would power on the same iPads. Follow it with `rehearsalProgressed` and start the next when it ends. Nothing was started.',
  SCHOOL_MANAGER_ACCOUNT_INVALID:
    'The Apple School Manager API account cannot be used; `extensions.field` names the input and `extensions.reason` the problem: NOT_PEM, UNREADABLE, NOT_EC or NOT_P256 (the private key must be the P-256 key ASM generated, unencrypted PEM), CLIENT_ID_INVALID, KEY_ID_INVALID, NO_ORGANIZATION (the token names no organisation). Nothing was changed.',
  SCHOOL_MANAGER_ACCOUNT_REQUIRED:
    "The token's organisation has no Apple School Manager API account: create one in Apple School Manager (Settings, API) and store it with `setSchoolManagerApiAccount`. Nothing was done.",
  SCHOOL_MANAGER_CREDENTIALS_REJECTED:
    "Apple School Manager refused the API account's client assertion (`extensions.appleCode`, e.g. `invalid_client`): the client ID, key ID or private key is wrong, or the key was revoked. Store the account again with a new key.",
  MIGRATION_NOT_ELIGIBLE:
    'Some devices cannot migrate without erase: `extensions.refused` lists each `{serialNumber, reason}` (NOT_IN_ORGANIZATION, RELEASED_FROM_ORGANIZATION, PROVISIONAL_PERIOD, SHARED_IPAD, RETURN_TO_SERVICE, OS_TOO_OLD, MIGRATION_IN_PROGRESS, ALREADY_ENROLLED; `migrationEligibility` tells beforehand). Nothing was sent to Apple or changed.',
  MIGRATION_NOT_IN_PROGRESS:
    'Some devices have no migration under way (REQUESTED or STARTED) for this token to update or cancel: `extensions.serialNumbers` lists them. Nothing was sent to Apple or changed.',
  RETURN_TO_SERVICE_UNAVAILABLE:
    "The device cannot be erased now (with Return to Service, or at all); `extensions.reason` says why: NOT_ENROLLED, NOT_SUPERVISED, PROFILE_WITHOUT_RETURN_TO_SERVICE, NO_WIFI (set the profile's Wi-Fi with `setEnrollmentProfileWifi`), NO_BOOTSTRAP_TOKEN, NO_PUSH_CERTIFICATE or ERASE_PENDING (an erase already waits for the device). Nothing was queued.",
} satisfies Record<string, string>;

export const ErrorCode = wordsOfKeys(ERROR_CODE_DESCRIPTIONS);
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Extra, machine-readable facts about a failure, merged into `extensions`. */
export type ErrorDetails = Record<string, unknown>;

/**
 * An expected failure with a stable code. The message is written for the person at the
 * keyboard (a school IT admin): it says what is wrong and, when there is one, what to do.
 */
export class HomeroomError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'HomeroomError';
  }
}

/** A bad argument: names the input field, which frontends use to place the message. */
export function badInput(field: string, message: string): HomeroomError {
  return new HomeroomError(ErrorCode.BAD_USER_INPUT, `${field}: ${message}`, { field });
}

/** NOT_FOUND for an ID as the client sent it (a global ID, or a CLI argument). */
export function notFound(what: string, id: string): HomeroomError {
  return new HomeroomError(ErrorCode.NOT_FOUND, `No ${what} with id ${id}.`, { id });
}

/**
 * NOT_FOUND for rows a service looked up by their keys. Clients know rows only by global ID,
 * so the message and `extensions` give the global IDs of `typeName` (what the client sent,
 * since global IDs have one spelling), never the internal keys: `id` for one, `ids` for several.
 */
export function rowNotFound(what: string, typeName: string, keys: readonly (number | string)[]): HomeroomError {
  const ids = keys.map((key) => toGlobalId(typeName, key));
  return new HomeroomError(ErrorCode.NOT_FOUND, `No ${what} with id ${ids.join(', ')}.`, ids.length === 1 ? { id: ids[0] } : { ids });
}

export function isHomeroomError(error: unknown): error is HomeroomError {
  return error instanceof HomeroomError;
}
