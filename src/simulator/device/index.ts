/**
 * Virtual iPads: devices that power on, run Setup Assistant, ask the simulated Apple for their
 * cloud configuration and enroll in an MDM over HTTP, as real iPads do. Start here:
 * `VirtualIPad.create({ appleUrl, serialNumber })`, then `powerOn()`. README.md beside this file
 * has the flow, the trace, the pane table and the choices made where Apple documents nothing.
 */
export { VirtualIPad } from './virtual-ipad.js';
export type { DeviceEnrollment, DeviceFailure, IPadState, RemoteManagementPane, VirtualIPadOptions } from './virtual-ipad.js';
export type { ConnectSessionResult } from './connect-session.js';
export { UNKNOWN_COMMAND_ERROR_CHAIN } from './commands.js';
export type { CommandOutcome, DeviceFacts } from './commands.js';
export type { CloudConfiguration } from './apple-client.js';
export type { SignatureDigest } from './device-crypto.js';
export { HELLO_PANES, SETUP_PANES, helloPanes, remainingPanes } from './setup-assistant.js';
export type { SetupPane } from './setup-assistant.js';
export type { TraceEntry, TraceStep } from './trace.js';
