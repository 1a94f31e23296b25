/**
 * What devices send Homeroom's MDM endpoints and what Homeroom sends back, as XML property lists
 * (reference: device-enrollment.md sections 2.1, 2.4, 2.5): MachineInfo (enrollment), check-in
 * messages (Authenticate, TokenUpdate, CheckOut) and connect reports (Idle, or a command's result),
 * and the command Homeroom answers a connect with. Parsed and built with the `plist` library; a
 * body that is not a plist dictionary with the keys its kind needs is MDM_REQUEST_MALFORMED.
 */
import { build, parse, type PlistValue } from 'plist';
import { ErrorCode, HomeroomError } from '../errors.js';

/** A plist dictionary as parsed. */
type Dict = Record<string, PlistValue>;

/** MachineInfo, the plist a device signs and POSTs to the enrollment URL. */
export interface MachineInfo {
  readonly udid: string;
  readonly serialNumber: string;
  readonly product: string;
  /** Build version, e.g. `21F79`. */
  readonly version: string;
  /** Required from iOS 17; older devices leave it out. */
  readonly osVersion: string | null;
  readonly language: string | null;
}

export type CheckInMessage =
  | {
      readonly messageType: 'Authenticate';
      readonly udid: string;
      readonly topic: string;
      readonly serialNumber: string | null;
      readonly productName: string | null;
      readonly osVersion: string | null;
      readonly buildVersion: string | null;
    }
  | {
      readonly messageType: 'TokenUpdate';
      readonly udid: string;
      readonly topic: string;
      /** APNs token, hex. */
      readonly token: string;
      readonly pushMagic: string;
      readonly unlockToken: Buffer | null;
      readonly awaitingConfiguration: boolean;
      /** Set on the user channel (Shared iPad sign-ins); null on the device channel. */
      readonly userShortName: string | null;
      readonly userLongName: string | null;
    }
  | { readonly messageType: 'CheckOut'; readonly udid: string; readonly topic: string }
  | { readonly messageType: 'SetBootstrapToken'; readonly udid: string; readonly topic: string; readonly bootstrapToken: Buffer | null }
  | { readonly messageType: 'GetBootstrapToken'; readonly udid: string; readonly topic: string }
  /** A device in return-to-service mode asks for its configuration (iPadOS 26), then erases. */
  | { readonly messageType: 'ReturnToService'; readonly udid: string; readonly topic: string };

/** The connect statuses Apple defines. */
export const CONNECT_STATUSES = ['Idle', 'Acknowledged', 'Error', 'CommandFormatError', 'NotNow'] as const;
export type ConnectStatus = (typeof CONNECT_STATUSES)[number];

/** A device's connect request: Idle, or the result of the command `commandUuid`. */
export interface ConnectReport {
  readonly udid: string;
  readonly status: ConnectStatus;
  readonly commandUuid: string | null;
  /** `ErrorChain` entries, when the status is Error. */
  readonly errorChain: readonly Record<string, PlistValue>[];
  /** Every other key of the report (`QueryResponses`, ...), for the command's handler. */
  readonly result: Readonly<Dict>;
}

function malformed(message: string): HomeroomError {
  return new HomeroomError(ErrorCode.MDM_REQUEST_MALFORMED, message);
}

/** The body as a plist dictionary. Only XML plists are taken: it is what devices send. */
export function parsePlistDict(body: Buffer, what: string): Dict {
  const text = body.toString('utf8').trimStart();
  // Checked first: the XML parser logs to the console for anything it cannot read.
  if (!text.startsWith('<?xml') && !text.startsWith('<plist') && !text.startsWith('<!DOCTYPE')) {
    throw malformed(`The ${what} is not an XML property list.`);
  }
  let value: PlistValue;
  try {
    value = parse(text);
  } catch (error) {
    throw malformed(`The ${what} is not a readable property list (${(error as Error).message.split('\n')[0]}).`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Date || value instanceof Uint8Array) {
    throw malformed(`The ${what} is not a property-list dictionary.`);
  }
  return value as Dict;
}

function requiredString(dict: Dict, key: string, what: string): string {
  const value = dict[key];
  if (typeof value !== 'string' || value.trim() === '') throw malformed(`The ${what} has no ${key}.`);
  return value.trim();
}

function optionalString(dict: Dict, key: string): string | null {
  const value = dict[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function data(dict: Dict, key: string): Buffer | null {
  const value = dict[key];
  return value instanceof Uint8Array ? Buffer.from(value) : null;
}

export function parseMachineInfo(content: Buffer): MachineInfo {
  const dict = parsePlistDict(content, 'MachineInfo');
  return {
    udid: requiredString(dict, 'UDID', 'MachineInfo'),
    serialNumber: requiredString(dict, 'SERIAL', 'MachineInfo').toUpperCase(),
    product: requiredString(dict, 'PRODUCT', 'MachineInfo'),
    version: requiredString(dict, 'VERSION', 'MachineInfo'),
    osVersion: optionalString(dict, 'OS_VERSION'),
    language: optionalString(dict, 'LANGUAGE'),
  };
}

export function parseCheckIn(body: Buffer): CheckInMessage {
  const dict = parsePlistDict(body, 'check-in message');
  const messageType = requiredString(dict, 'MessageType', 'check-in message');
  const udid = requiredString(dict, 'UDID', messageType);
  const topic = requiredString(dict, 'Topic', messageType);
  switch (messageType) {
    case 'Authenticate':
      return {
        messageType,
        udid,
        topic,
        serialNumber: optionalString(dict, 'SerialNumber')?.toUpperCase() ?? null,
        productName: optionalString(dict, 'ProductName'),
        osVersion: optionalString(dict, 'OSVersion'),
        buildVersion: optionalString(dict, 'BuildVersion'),
      };
    case 'TokenUpdate': {
      const token = data(dict, 'Token');
      if (!token || token.length === 0) throw malformed('The TokenUpdate has no Token.');
      return {
        messageType,
        udid,
        topic,
        token: token.toString('hex'),
        pushMagic: requiredString(dict, 'PushMagic', 'TokenUpdate'),
        unlockToken: data(dict, 'UnlockToken'),
        awaitingConfiguration: dict.AwaitingConfiguration === true,
        userShortName: optionalString(dict, 'UserShortName'),
        userLongName: optionalString(dict, 'UserLongName'),
      };
    }
    case 'CheckOut':
    case 'GetBootstrapToken':
    case 'ReturnToService':
      return { messageType, udid, topic };
    case 'SetBootstrapToken':
      // An empty or missing token clears the escrowed one (Apple: the device sends none to remove it).
      return { messageType, udid, topic, bootstrapToken: data(dict, 'BootstrapToken') };
    default:
      throw malformed(`Homeroom does not handle the check-in message ${messageType}.`);
  }
}

export function parseConnectReport(body: Buffer): ConnectReport {
  const dict = parsePlistDict(body, 'connect request');
  const udid = requiredString(dict, 'UDID', 'connect request');
  const status = requiredString(dict, 'Status', 'connect request');
  if (!(CONNECT_STATUSES as readonly string[]).includes(status)) throw malformed(`Unknown connect Status ${status}.`);
  const commandUuid = optionalString(dict, 'CommandUUID');
  if (status !== 'Idle' && !commandUuid) throw malformed(`A ${status} report needs the CommandUUID it answers.`);
  const chain = dict.ErrorChain;
  const errorChain = Array.isArray(chain)
    ? chain.filter(
        (entry): entry is Dict =>
          typeof entry === 'object' &&
          entry !== null &&
          !Array.isArray(entry) &&
          !(entry instanceof Date) &&
          !(entry instanceof Uint8Array),
      )
    : [];
  return { udid, status: status as ConnectStatus, commandUuid, errorChain, result: dict };
}

/** GetBootstrapToken's answer: the escrowed token, or an empty dictionary when there is none. */
export function bootstrapTokenPlist(token: Buffer | null): string {
  return build(token && token.length > 0 ? { BootstrapToken: token } : {});
}

/** The body answering a connect with one command. */
export function commandPlist(commandUuid: string, command: Readonly<Record<string, PlistValue>>): string {
  return build({ CommandUUID: commandUuid, Command: command as Dict });
}
