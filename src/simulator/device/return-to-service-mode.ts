/**
 * The bootstrap token and the return-to-service mode of a virtual iPad (Apple, iPadOS 26: the
 * `SetBootstrapToken` and `ReturnToService` check-ins; reference device-enrollment.md 2.4 and 2.5).
 *
 * - Escrow: once enrolled, a supervised iPad set up by Automated Device Enrollment, on iPadOS 26 or
 *   later, whose MDM payload lists `com.apple.mdm.bootstraptoken` in `ServerCapabilities`, sends
 *   `SetBootstrapToken` with a token it keeps ({@link escrowBootstrapToken}). Any other device sends
 *   nothing. The escrow is best effort, as the enrollment does not hang on it: a refusal is traced
 *   (`CHECK_IN` with the status) and the device simply has no escrowed token.
 * - Return-to-service mode: a device whose cloud configuration says so (`IsRapidReturnToService`,
 *   the profile's `is_return_to_service`) asks its MDM to return to service when the person triggers
 *   it or its idle timeout expires ({@link askToReturn}): the `ReturnToService` check-in, signed like
 *   the others. An answer `Enabled` with both profiles makes it erase and come back as after
 *   EraseDevice with Return to Service (return-to-service.ts); any other answer leaves it as it is.
 *   The bootstrap token in the answer is compared with the one it escrowed, and the comparison traced.
 */
import { parse, type PlistValue } from 'plist';
import type { CloudConfiguration } from './apple-client.js';
import type { MdmPayload } from './enrollment-profile.js';
import { randomBytes, type RandomSource } from './identifiers.js';
import { bodyExcerpt, type HttpAnswer } from './http.js';
import type { MdmClient, PlistDict } from './mdm-client.js';
import type { ReturnToServiceRequest } from './return-to-service.js';
import type { Trace } from './trace.js';
import type { DeviceAtHome, IPadState } from './virtual-ipad-options.js';

/** The MDM payload's capability that says the server escrows bootstrap tokens. */
export const BOOTSTRAP_TOKEN_CAPABILITY = 'com.apple.mdm.bootstraptoken';
/** Set/GetBootstrapToken and the ReturnToService check-in exist on iPadOS from this major version. */
export const BOOTSTRAP_TOKEN_MINIMUM_OS_MAJOR = 26;
/** Bytes of a bootstrap token the virtual iPad makes up (Apple does not document its form; opaque data). */
export const BOOTSTRAP_TOKEN_BYTES = 32;

/** What triggers a return to service on the device: the person, or the idle timeout. */
export type ReturnToServiceTrigger = 'USER' | 'IDLE';

/** How the bootstrap token in an enabled answer compares with the escrowed one. */
export type BootstrapTokenCheck = 'MATCHES' | 'DIFFERS' | 'MISSING';

/** What came of {@link askToReturn}. */
export interface ReturnToServiceOutcome {
  /** The HTTP status of the check-in; null when it did not get through. */
  readonly status: number | null;
  /** Whether the MDM answered `Enabled` with both profiles (the device then erased and came back). */
  readonly enabled: boolean;
  /** The bootstrap token the answer carried, if any. */
  readonly bootstrapToken: Buffer | null;
  /** Compared with the escrowed one; null when not enabled. */
  readonly bootstrapTokenCheck: BootstrapTokenCheck | null;
  /** Where the device rests afterwards. */
  readonly state: IPadState;
}

/** What escrowing needs to know about the device. */
export interface EscrowFacts {
  readonly osVersion: string;
  readonly supervised: boolean;
  /** The cloud configuration it was set up from: null when not set up by Automated Device Enrollment. */
  readonly configuration: CloudConfiguration | null;
  readonly serverCapabilities: readonly string[];
}

function osMajor(osVersion: string): number {
  return Number.parseInt(osVersion.split('.')[0] ?? '', 10);
}

/** Whether the device escrows a bootstrap token with its MDM (see the module comment). */
export function escrowsBootstrapToken(facts: EscrowFacts): boolean {
  return (
    facts.configuration !== null &&
    facts.supervised &&
    osMajor(facts.osVersion) >= BOOTSTRAP_TOKEN_MINIMUM_OS_MAJOR &&
    facts.serverCapabilities.includes(BOOTSTRAP_TOKEN_CAPABILITY)
  );
}

/** A bootstrap token the MDM handed back (a ReturnToService answer, an EraseDevice) against the one the device escrowed. */
export function checkBootstrapToken(escrowed: Buffer | null, handed: Buffer | null): BootstrapTokenCheck {
  if (!handed) return 'MISSING';
  return escrowed?.equals(handed) ? 'MATCHES' : 'DIFFERS';
}

/** Whether the cloud configuration puts the device in return-to-service mode. */
export function inReturnToServiceMode(configuration: CloudConfiguration | null): boolean {
  return configuration?.IsRapidReturnToService === true;
}

/**
 * Sends `SetBootstrapToken` with `token` on the device channel. Resolves true when the MDM took it
 * (200, traced `BOOTSTRAP_TOKEN_ESCROWED`); false otherwise, the refusal or the network error traced.
 */
export async function escrowBootstrapToken(
  client: MdmClient,
  message: { readonly topic: string; readonly udid: string; readonly awaitingConfiguration: boolean; readonly token: Buffer },
  trace: Trace,
): Promise<boolean> {
  const body: PlistDict = {
    MessageType: 'SetBootstrapToken',
    Topic: message.topic,
    UDID: message.udid,
    BootstrapToken: new Uint8Array(message.token),
    AwaitingConfiguration: message.awaitingConfiguration,
  };
  let answer: HttpAnswer;
  try {
    answer = await client.checkIn(body);
  } catch (error) {
    trace.add('CHECK_IN', { messageType: 'SetBootstrapToken', status: null, error: (error as Error).message });
    return false;
  }
  trace.add('CHECK_IN', { messageType: 'SetBootstrapToken', status: answer.status });
  if (answer.status !== 200) return false;
  // The token itself stays on the device: the trace carries only its length.
  trace.add('BOOTSTRAP_TOKEN_ESCROWED', { bytes: message.token.length });
  return true;
}

/**
 * At enrollment, after TokenUpdate: the escrow when the device makes one (kept `token`, as a
 * ReturnToService answer handed back, else a new one). Resolves with the token and whether the MDM took it.
 */
export async function escrowOnEnrollment(
  client: MdmClient,
  facts: Omit<EscrowFacts, 'serverCapabilities'> & { readonly mdm: MdmPayload; readonly udid: string; readonly awaiting: boolean },
  token: Buffer | null,
  random: RandomSource,
  trace: Trace,
): Promise<[token: Buffer | null, escrowed: boolean]> {
  if (!escrowsBootstrapToken({ ...facts, serverCapabilities: facts.mdm.serverCapabilities })) return [token, false];
  const kept = token ?? randomBytes(random, BOOTSTRAP_TOKEN_BYTES);
  const message = { topic: facts.mdm.topic, udid: facts.udid, awaitingConfiguration: facts.awaiting, token: kept };
  return [kept, await escrowBootstrapToken(client, message, trace)];
}

/** What asking to return to service needs from the device. */
export interface ReturnModeDevice extends DeviceAtHome {
  readonly configuration: CloudConfiguration | null;
  readonly supervised: boolean;
  /** The token the MDM took in SetBootstrapToken; null when none was escrowed. */
  readonly escrowedToken: Buffer | null;
  /** Erases and comes back as after EraseDevice with Return to Service, keeping `bootstrapToken`. */
  eraseAndReturn(request: ReturnToServiceRequest, detail: Record<string, unknown>, bootstrapToken: Buffer | null): Promise<IPadState>;
}

type Dict = { [key: string]: PlistValue };

function isDict(value: PlistValue | undefined): value is Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof Uint8Array);
}

function bytesOf(value: PlistValue | undefined): Buffer | null {
  return value instanceof Uint8Array && value.length > 0 ? Buffer.from(value) : null;
}

/** The answer's `ReturnToService` dictionary, or null when the body is not a plist with one. */
function readAnswer(body: Buffer): Dict | null {
  try {
    const root = parse(body.toString('utf8')) as PlistValue;
    return isDict(root) && isDict(root.ReturnToService) ? root.ReturnToService : null;
  } catch {
    return null;
  }
}

/** Why the device cannot ask to return to service now; null when it can. */
function refusal(device: ReturnModeDevice): string | null {
  if (device.busy) return 'it is running Setup Assistant';
  if (device.state !== 'HOME') return `it is ${device.state}, not at Home`;
  if (!device.enrollment || !device.client) return 'it is not enrolled in an MDM';
  if (!device.supervised || !inReturnToServiceMode(device.configuration))
    return 'it is not in return-to-service mode (no is_return_to_service in the cloud configuration it was set up from)';
  return null;
}

/**
 * The person (or the idle timeout) asks to return to service: the `ReturnToService` check-in, then
 * the erase and the return when enabled (resolving once the device rests again), else nothing.
 *
 * @throws Error, sending nothing, when the device is not at Home, enrolled and in return-to-service mode.
 */
export async function askToReturn(device: ReturnModeDevice, trigger: ReturnToServiceTrigger): Promise<ReturnToServiceOutcome> {
  const why = refusal(device);
  if (why) throw new Error(`${device.serialNumber} cannot return to service: ${why}`);
  const message: PlistDict = { MessageType: 'ReturnToService', Topic: device.enrollment!.topic, UDID: device.udid };
  let answer: HttpAnswer;
  try {
    answer = await device.client!.checkIn(message);
  } catch (error) {
    device.trace.add('CHECK_IN', { messageType: 'ReturnToService', status: null, error: (error as Error).message });
    device.trace.add('RETURN_TO_SERVICE_ANSWER', { trigger, status: null, enabled: false });
    return { status: null, enabled: false, bootstrapToken: null, bootstrapTokenCheck: null, state: device.state };
  }
  device.trace.add('CHECK_IN', { messageType: 'ReturnToService', status: answer.status });
  const dict = answer.status === 200 ? readAnswer(answer.body) : null;
  const wifiProfileData = bytesOf(dict?.WiFiProfileData);
  const mdmProfileData = bytesOf(dict?.MDMProfileData);
  const bootstrapToken = bytesOf(dict?.BootstrapToken);
  if (dict?.Enabled !== true || !wifiProfileData || !mdmProfileData) {
    // Not enabled, or not usable: the device stays as it is; the trace keeps what the MDM said.
    device.trace.add('RETURN_TO_SERVICE_ANSWER', {
      trigger,
      status: answer.status,
      enabled: dict?.Enabled === true,
      wifiProfileData: wifiProfileData !== null,
      mdmProfileData: mdmProfileData !== null,
      ...(dict ? {} : { body: bodyExcerpt(answer.body) }),
    });
    return { status: answer.status, enabled: false, bootstrapToken, bootstrapTokenCheck: null, state: device.state };
  }
  const bootstrapTokenCheck = checkBootstrapToken(device.escrowedToken, bootstrapToken);
  device.trace.add('RETURN_TO_SERVICE_ANSWER', { trigger, status: answer.status, enabled: true, bootstrapToken: bootstrapTokenCheck });
  const state = await device.eraseAndReturn(
    { wifiProfileData, mdmProfileData },
    { by: 'RETURN_TO_SERVICE', trigger, returnToService: true },
    bootstrapToken,
  );
  return { status: answer.status, enabled: true, bootstrapToken, bootstrapTokenCheck, state };
}
