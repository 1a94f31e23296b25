/**
 * Virtual iPads: devices that power on, run Setup Assistant, ask the simulated Apple for their
 * cloud configuration and enroll in an MDM over HTTP, as real iPads do. Start here:
 * `VirtualIPad.create({ appleUrl, serialNumber })`, then `powerOn()`; many at once with
 * `runScenario` (a rehearsal). README.md beside this file has the flow, the trace, the pane table,
 * the failure reasons and the choices made where Apple documents nothing.
 */
export { VirtualIPad } from './virtual-ipad.js';
export type { DeviceEnrollment, IPadState, RemoteManagementPane, VirtualIPadOptions } from './virtual-ipad-options.js';
export { readWifiProfile } from './return-to-service.js';
export type { ReturnToServiceRequest, WifiNetwork } from './return-to-service.js';
export { BOOTSTRAP_TOKEN_CAPABILITY, BOOTSTRAP_TOKEN_MINIMUM_OS_MAJOR } from './return-to-service-mode.js';
export type { BootstrapTokenCheck, ReturnToServiceOutcome, ReturnToServiceTrigger } from './return-to-service-mode.js';
export { MigrationAssistant, MIGRATION_MINIMUM_OS_MAJOR } from './migration.js';
export type { MigrationOptions, MigrationPrompt } from './migration.js';
export { FAILURE_REASONS } from './failure.js';
export type { DeviceFailure, FailureReason } from './failure.js';
export { DEFAULT_MAX_SIGN_IN_ATTEMPTS, SHARED_IPAD_USER_ID } from './users.js';
export type { Credentials, CredentialsSource, ResidentUser } from './users.js';
export type { Fetch } from './http.js';
export type { ConnectSessionResult } from './connect-session.js';
export { UNKNOWN_COMMAND_ERROR_CHAIN } from './commands.js';
export type { CommandOutcome, DeviceFacts, EraseRequest } from './commands.js';
export type { CloudConfiguration } from './apple-client.js';
export type { SignatureDigest } from './device-crypto.js';
export { HELLO_PANES, SETUP_PANES, helloPanes, remainingPanes } from './setup-assistant.js';
export type { SetupPane } from './setup-assistant.js';
export type { TraceEntry, TraceStep } from './trace.js';
export { seededRandom } from './identifiers.js';
export { planScenario, runScenario } from './scenario.js';
// Every type of the rehearsal runner (options, progress, report) is public.
export type * from './scenario.js';
export { STAGES, percentile, stageDurations } from './stages.js';
export type { Stage } from './stages.js';
export { directoryUsernames, graphqlRequest, HomeroomApiError, tokenDevices } from './homeroom-api.js';
export type { HomeroomApi, TokenDevice } from './homeroom-api.js';
