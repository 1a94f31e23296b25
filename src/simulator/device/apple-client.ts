/**
 * What a virtual iPad asks Apple, over HTTP like everything else: the identity the factory burns
 * into it (`POST /simulator/device-identities`, once, when the device is made) and, at each run of
 * Setup Assistant, the cloud configuration lookup (`POST /activation/profile`). The device keeps
 * its own reading of the configuration rather than the Apple simulator's type: it must cope with
 * whatever comes over the wire.
 */
import { bodyExcerpt, send, type Transport } from './http.js';

/** The identity from the simulated Apple device CA. */
export interface FactoryIdentity {
  readonly certificatePem: string;
  /** PKCS#8 PEM, P-256. */
  readonly privateKeyPem: string;
  readonly caCertificatePem: string;
}

/** The cloud configuration as the device reads it (CamelCase keys, as iOS stores it). */
export interface CloudConfiguration {
  readonly IsSupervised: boolean;
  readonly IsMandatory: boolean;
  readonly IsMDMUnremovable: boolean;
  readonly AwaitDeviceConfigured: boolean;
  readonly IsMultiUser: boolean;
  readonly AllowPairing: boolean;
  readonly ConfigurationURL: string;
  readonly ConfigurationWebURL?: string;
  readonly SkipSetup: readonly string[];
  readonly OrganizationName: string;
  readonly OrganizationDepartment: string;
  readonly OrganizationPhone: string;
  readonly OrganizationEmail: string;
  readonly OrganizationSupportPhone: string;
  readonly OrganizationSupportEmail: string;
  readonly OrganizationMagic: string;
  readonly ProfileUUID?: string;
  /** Every other key Apple sent, untouched. */
  readonly [key: string]: unknown;
}

/** Apple's answer to the lookup. */
export type ActivationAnswer = { managed: true; configuration: CloudConfiguration } | { managed: false; reason: string };

/** Apple did not answer the lookup (or the identity request) usefully. */
export class AppleRequestError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'AppleRequestError';
  }
}

function base(appleUrl: string): string {
  return appleUrl.replace(/\/+$/, '');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Asks the factory for an identity. */
export async function fetchFactoryIdentity(
  appleUrl: string,
  serial: string,
  udid: string,
  transport?: Transport,
): Promise<FactoryIdentity> {
  const answer = await send(
    `${base(appleUrl)}/simulator/device-identities`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ serial, udid }) },
    transport,
  );
  if (answer.status !== 200) {
    throw new AppleRequestError(
      `the Apple simulator refused an identity for ${serial}: ${answer.status} ${bodyExcerpt(answer.body)}`,
      answer.status,
    );
  }
  const json = JSON.parse(answer.body.toString('utf8')) as unknown;
  if (!isObject(json) || typeof json.certificatePem !== 'string' || typeof json.privateKeyPem !== 'string') {
    throw new AppleRequestError('the Apple simulator answered the identity request without a certificate and key');
  }
  return { certificatePem: json.certificatePem, privateKeyPem: json.privateKeyPem, caCertificatePem: String(json.caCertificatePem ?? '') };
}

function readConfiguration(raw: Record<string, unknown>): CloudConfiguration {
  const flag = (key: string, fallback = false) => (typeof raw[key] === 'boolean' ? (raw[key] as boolean) : fallback);
  const text = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : '');
  const skip = Array.isArray(raw.SkipSetup) ? raw.SkipSetup.filter((key): key is string => typeof key === 'string') : [];
  return {
    ...raw,
    IsSupervised: flag('IsSupervised'),
    IsMandatory: flag('IsMandatory'),
    IsMDMUnremovable: flag('IsMDMUnremovable'),
    AwaitDeviceConfigured: flag('AwaitDeviceConfigured'),
    IsMultiUser: flag('IsMultiUser'),
    AllowPairing: flag('AllowPairing', true),
    ConfigurationURL: text('ConfigurationURL'),
    SkipSetup: skip,
    OrganizationName: text('OrganizationName'),
    OrganizationDepartment: text('OrganizationDepartment'),
    OrganizationPhone: text('OrganizationPhone'),
    OrganizationEmail: text('OrganizationEmail'),
    OrganizationSupportPhone: text('OrganizationSupportPhone'),
    OrganizationSupportEmail: text('OrganizationSupportEmail'),
    OrganizationMagic: text('OrganizationMagic'),
  };
}

/** The cloud configuration lookup, as the device makes it after the network comes up. */
export async function lookUpActivation(appleUrl: string, serial: string, transport?: Transport): Promise<ActivationAnswer> {
  const answer = await send(
    `${base(appleUrl)}/activation/profile`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'RequestProfileConfiguration', sn: serial }),
    },
    transport,
  );
  if (answer.status !== 200) {
    throw new AppleRequestError(`the activation lookup answered ${answer.status} ${bodyExcerpt(answer.body)}`, answer.status);
  }
  let json: unknown;
  try {
    json = JSON.parse(answer.body.toString('utf8'));
  } catch {
    throw new AppleRequestError('the activation lookup answered something that is not JSON', answer.status);
  }
  if (!isObject(json) || typeof json.managed !== 'boolean') throw new AppleRequestError('the activation lookup answered without `managed`');
  if (!json.managed) return { managed: false, reason: typeof json.reason === 'string' ? json.reason : 'UNKNOWN' };
  if (!isObject(json.configuration)) throw new AppleRequestError('the activation lookup said managed but sent no configuration');
  const configuration = readConfiguration(json.configuration);
  if (configuration.ConfigurationURL === '') throw new AppleRequestError('the cloud configuration has no ConfigurationURL');
  return { managed: true, configuration };
}
