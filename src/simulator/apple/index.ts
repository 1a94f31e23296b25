/**
 * The simulated Apple: the Device Assignment API, the Apple School Manager portal and the
 * activation service an iPad asks at power-on. Written from the public reference, independently
 * of Homeroom's own Apple client, so the two check each other. Start here: `startAppleSimulator`.
 */
export { createAppleSimulator, startAppleSimulator } from './simulator.js';
export type { AppleSimulator, AppleSimulatorOptions, RunningAppleSimulator } from './simulator.js';
export { Portal, PortalError } from './portal.js';
export type { AssignDevicesResult, OrderSummary, PortalDevice, ServerSummary } from './portal.js';
export { ActivationService } from './activation.js';
export type { ActivationResult, CloudConfiguration, NotManagedReason } from './activation.js';
export { AttestationCaError } from './attestation-ca.js';
export type { AttestationRequest, DeviceAttestation } from './attestation-ca.js';
export { DeviceCaError } from './device-ca.js';
export type { DeviceIdentityBundle, DeviceIdentityRequest } from './device-ca.js';
export { Faults } from './faults.js';
export type { DelayFault, EchoCursorFault, FailAssignFault, Fault, HttpFault, ThrottleFault } from './faults.js';
export type { SimulatedOrganization } from './organization.js';
export type { TokenFile } from './token-file.js';
export { DEP_ROUTES, INVALID_USER_AGENT, MAX_DEVICES_PER_CALL, PAGE_LIMIT } from './dep-api.js';
export { CURSOR_LIFETIME_MS } from './cursors.js';
export {
  SchoolManagerApi,
  ACTIVITY_TYPES,
  ASM_ASSERTION_AUDIENCE,
  ASM_TOKEN_PATH,
  ASM_MAX_LIMIT,
  mdmServerId,
} from './school-manager-api.js';
export type { ActivityType, CreatedApiAccount } from './school-manager-api.js';
