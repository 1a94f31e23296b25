/**
 * How a virtual iPad answers MDM commands (reference: device-enrollment.md sections 2.5 to 2.7):
 *
 * - `DeviceConfigured`: Acknowledged; releases Setup Assistant when it is awaiting configuration;
 * - `DeviceInformation`: Acknowledged with `QueryResponses` for the asked keys it knows (all of
 *   them when `Queries` is absent);
 * - `Settings`: Acknowledged, with a per-item `Settings` result; `MaximumResidentUsers` is kept
 *   only while the device awaits configuration (Apple: it works only then) and is an item Error after;
 * - `InstallApplication`: Acknowledged (apps are not simulated; after a migration without erase the
 *   MDM takes over the apps the device kept this way);
 * - `EraseDevice`: Acknowledged; the device erases once the session ends, and with an enabled
 *   `ReturnToService` (Wi-Fi and MDM profiles) comes back by itself (`return-to-service.ts`);
 * - anything else: `Error` with MCMDMErrorDomain 12021 "Unknown command", as mdmb answers.
 *
 * Fault injection: `notNow(requestType, times)` makes the next `times` commands of that type answer
 * `NotNow` without acting, as a busy device does; the server is expected to send them again later.
 */
import type { PlistValue } from 'plist';
import type { PlistDict } from './mdm-client.js';

/** What the device knows about itself, for DeviceInformation. */
export interface DeviceFacts {
  readonly udid: string;
  readonly serialNumber: string;
  readonly deviceName: string;
  readonly osVersion: string;
  readonly buildVersion: string;
  readonly productName: string;
  readonly model: string;
  readonly modelName: string;
  readonly supervised: boolean;
  readonly multiUser: boolean;
  readonly languages: readonly string[];
  readonly awaitingConfiguration: boolean;
  readonly maximumResidentUsers: number | null;
}

/** The answer to one command, and what it changes on the device. */
export interface CommandOutcome {
  readonly requestType: string;
  readonly commandUuid: string;
  /** The `Status` sent back. */
  readonly answer: 'Acknowledged' | 'Error' | 'NotNow' | 'CommandFormatError';
  /** Result keys sent with the status (`QueryResponses`, `ErrorChain`, ...). */
  readonly result: PlistDict;
  readonly deviceConfigured?: true;
  readonly maximumResidentUsers?: number;
  /** EraseDevice: the device erases after the session, returning to service when this holds the profiles. */
  readonly erase?: EraseRequest;
}

/** What an EraseDevice asked for. */
export interface EraseRequest {
  /** `ReturnToService` with `Enabled` and both profiles (and the `BootstrapToken` when sent); null: a plain erase. */
  readonly returnToService: {
    readonly wifiProfileData: Buffer;
    readonly mdmProfileData: Buffer;
    readonly bootstrapToken: Buffer | null;
  } | null;
}

/** EraseDevice's ReturnToService, when enabled and complete. */
function eraseRequestOf(command: PlistDict): EraseRequest {
  const rts = command.ReturnToService;
  if (!isDict(rts) || rts.Enabled !== true) return { returnToService: null };
  const { WiFiProfileData: wifi, MDMProfileData: mdm, BootstrapToken: token } = rts;
  if (!(wifi instanceof Uint8Array) || !(mdm instanceof Uint8Array)) return { returnToService: null };
  const bootstrapToken = token instanceof Uint8Array ? Buffer.from(token) : null;
  return { returnToService: { wifiProfileData: Buffer.from(wifi), mdmProfileData: Buffer.from(mdm), bootstrapToken } };
}

/** The error chain of a command the device does not know (MCMDMErrorDomain 12021). */
export const UNKNOWN_COMMAND_ERROR_CHAIN: readonly PlistDict[] = [
  { ErrorCode: 12021, ErrorDomain: 'MCMDMErrorDomain', LocalizedDescription: 'Unknown command', USEnglishDescription: 'Unknown command' },
];

function isDict(value: PlistValue | undefined): value is PlistDict {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof Uint8Array);
}

function queryResponses(queries: PlistValue | undefined, facts: DeviceFacts): PlistDict {
  const known: PlistDict = {
    UDID: facts.udid,
    SerialNumber: facts.serialNumber,
    DeviceName: facts.deviceName,
    OSVersion: facts.osVersion,
    BuildVersion: facts.buildVersion,
    ProductName: facts.productName,
    Model: facts.model,
    ModelName: facts.modelName,
    IsSupervised: facts.supervised,
    IsMultiUser: facts.multiUser,
    IsActivationLockEnabled: false,
    AwaitingConfiguration: facts.awaitingConfiguration,
    Languages: [...facts.languages],
  };
  if (facts.maximumResidentUsers !== null) known.MaximumResidentUsers = facts.maximumResidentUsers;
  const asked = Array.isArray(queries) ? queries.filter((query): query is string => typeof query === 'string') : Object.keys(known);
  const responses: PlistDict = {};
  for (const key of asked) if (key in known) responses[key] = known[key]!;
  return responses;
}

/** Answers commands; holds the NotNow faults. */
export class CommandResponder {
  private readonly notNowLeft = new Map<string, number>();

  /** The next `times` commands of `requestType` answer NotNow. */
  notNow(requestType: string, times = 1): void {
    this.notNowLeft.set(requestType, (this.notNowLeft.get(requestType) ?? 0) + times);
  }

  /** The answer to `envelope` (`{CommandUUID, Command: {RequestType, ...}}`), given what the device is now. */
  answer(envelope: PlistDict, facts: DeviceFacts): CommandOutcome {
    const commandUuid = typeof envelope.CommandUUID === 'string' ? envelope.CommandUUID : '';
    const command = isDict(envelope.Command) ? envelope.Command : null;
    const requestType = command && typeof command.RequestType === 'string' ? command.RequestType : '';
    if (!command || requestType === '') return { requestType, commandUuid, answer: 'CommandFormatError', result: {} };

    const left = this.notNowLeft.get(requestType) ?? 0;
    if (left > 0) {
      this.notNowLeft.set(requestType, left - 1);
      return { requestType, commandUuid, answer: 'NotNow', result: {} };
    }

    switch (requestType) {
      case 'DeviceConfigured':
        return { requestType, commandUuid, answer: 'Acknowledged', result: {}, deviceConfigured: true };
      case 'DeviceInformation':
        return { requestType, commandUuid, answer: 'Acknowledged', result: { QueryResponses: queryResponses(command.Queries, facts) } };
      case 'Settings':
        return this.settings(command, facts, commandUuid);
      case 'InstallApplication':
        // Apps are not simulated: the device says it installed (or took over, after a migration) the app.
        return { requestType, commandUuid, answer: 'Acknowledged', result: {} };
      case 'EraseDevice':
        return { requestType, commandUuid, answer: 'Acknowledged', result: {}, erase: eraseRequestOf(command) };
      default:
        return {
          requestType,
          commandUuid,
          answer: 'Error',
          result: { ErrorChain: UNKNOWN_COMMAND_ERROR_CHAIN.map((entry) => ({ ...entry })) },
        };
    }
  }

  private settings(command: PlistDict, facts: DeviceFacts, commandUuid: string): CommandOutcome {
    const items = Array.isArray(command.Settings) ? command.Settings.filter(isDict) : [];
    let maximumResidentUsers: number | undefined;
    const results = items.map((item): PlistDict => {
      const name = typeof item.Item === 'string' ? item.Item : '';
      if (name === 'MaximumResidentUsers') {
        const value = item.MaximumResidentUsers;
        if (!facts.awaitingConfiguration || typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
          return { Item: name, Status: 'Error' };
        }
        maximumResidentUsers = value;
      }
      return { Item: name, Status: 'Acknowledged' };
    });
    return {
      requestType: 'Settings',
      commandUuid,
      answer: 'Acknowledged',
      result: { Settings: results },
      ...(maximumResidentUsers === undefined ? {} : { maximumResidentUsers }),
    };
  }
}
