/**
 * A virtual iPad's options and what it shows of itself (its state, its enrollment, the Remote
 * Management pane), apart from the device's state machine in `virtual-ipad.ts`.
 */
import type { MdmPayload } from './enrollment-profile.js';
import type { Fetch } from './http.js';
import type { RandomSource } from './identifiers.js';
import type { SignatureDigest } from './device-crypto.js';
import type { KeySource } from './scep-client.js';
import type { CredentialsSource } from './users.js';
import type { MdmClient } from './mdm-client.js';
import type { Trace } from './trace.js';

/** Where the device rests, or that it is running Setup Assistant. */
export type IPadState = 'OFF' | 'SETUP_ASSISTANT' | 'HOME' | 'FAILED';

/** Everything about a virtual iPad that is not its serial can be left to defaults. */
export interface VirtualIPadOptions {
  /** The Apple simulator's base URL (identity, activation lookup). */
  appleUrl: string;
  serialNumber: string;
  /** Default: 40 upper-case hex digits from `random`. */
  udid?: string;
  /** Default `iPad13,18` (iPad, 10th generation). */
  productType?: string;
  /** Default `17.5`. Decides which panes exist (Apple Intelligence from 18.0, Lockdown Mode from 17.1). */
  osVersion?: string;
  /** Default `21F79`. */
  buildVersion?: string;
  /** Default `en`. */
  language?: string;
  /** Default `US`. */
  region?: string;
  /** DeviceInformation's DeviceName; default `iPad`. */
  deviceName?: string;
  /** DeviceInformation's Model (model number); default `MPQ03LL/A`. */
  model?: string;
  /** Trace times. Default: the system clock. */
  clock?: { now(): Date };
  /** UDID, push token, push magic, unlock token. Default `Math.random`. */
  random?: RandomSource;
  /** Between connect polls while awaiting DeviceConfigured; default 1000 ms. */
  connectPollIntervalMs?: number;
  /** Polls before giving up on DeviceConfigured (the device ends FAILED); default 300. */
  maxConnectPolls?: number;
  /** How the device waits; default `setTimeout`. */
  sleep?: (ms: number) => Promise<void>;
  /** Digest of `Mdm-Signature`; default `sha256` (`sha1` as older devices). */
  signatureDigest?: SignatureDigest;
  /** Time allowed for one HTTP exchange; default 30 s. */
  requestTimeoutMs?: number;
  /** Every request goes through it; default the global `fetch`. Fault injection: a network that fails on cue. */
  fetch?: Fetch;
  /** What the person types when the enrollment asks for a user (user affinity); absent: nobody signs in. */
  credentials?: CredentialsSource;
  /** Attempts at the sign-in pane before Setup Assistant gives up; default 3. */
  maxSignInAttempts?: number;
  /** Where a SCEP enrollment's device key comes from; default a new RSA key from Node's generator (libuv's pool). */
  scepKeys?: KeySource;
}

/** What the device learned from its enrollment profile and check-ins. */
export interface DeviceEnrollment extends Omit<MdmPayload, 'identityCertificateUuid'> {
  /** The MDM-issued identity's certificate serial, upper-case hex. */
  readonly identitySerial: string;
  readonly identityCertificatePem: string;
  /** The APNs token sent in TokenUpdate, hex. */
  readonly pushToken: string;
  readonly pushMagic: string;
  /** The user signed in at enrollment (user affinity); null when the MDM asked for nobody. */
  readonly user: string | null;
}

/** What the Remote Management pane showed. */
export interface RemoteManagementPane {
  readonly organizationName: string;
  readonly department: string;
  /** `OrganizationSupportPhone`, else `OrganizationPhone`. */
  readonly phone: string;
  /** `OrganizationSupportEmail`, else `OrganizationEmail`. */
  readonly email: string;
}

/**
 * What an action taken on the device at Home (a user signing in, asking to return to service) reads
 * of it, whatever else the action needs: the modules that carry them out take these and add theirs.
 */
export interface DeviceAtHome {
  readonly serialNumber: string;
  readonly udid: string;
  readonly trace: Trace;
  readonly state: IPadState;
  /** A Setup Assistant run is under way. */
  readonly busy: boolean;
  readonly enrollment: DeviceEnrollment | null;
  readonly client: MdmClient | null;
}
