/**
 * The device's MDM wire (reference: device-enrollment.md sections 2.1, 2.4, 2.5): the enrollment
 * POST of CMS-signed MachineInfo, check-ins (`PUT CheckInURL`, `application/x-apple-aspen-mdm-checkin`)
 * and connects (`PUT ServerURL`, `application/x-apple-aspen-mdm`). With `SignMessage`, every
 * check-in and connect carries `Mdm-Signature`: base64 of a detached CMS SignedData over the exact
 * body bytes, by the identity the MDM issued. (Without it a real device proves itself with a TLS
 * client certificate, which plain HTTP cannot carry, so such a device is simply unauthenticated.)
 * Bodies are XML plists built with the `plist` library.
 */
import { build, type PlistValue } from 'plist';
import { signCms, type SignatureDigest, type SigningIdentity } from './device-crypto.js';
import { send, type HttpAnswer, type Transport } from './http.js';

/** A plist dictionary. */
export type PlistDict = { [key: string]: PlistValue };

/** What MachineInfo says about the device. */
export interface MachineFacts {
  readonly udid: string;
  readonly serialNumber: string;
  readonly productType: string;
  readonly buildVersion: string;
  readonly osVersion: string;
  readonly language: string;
}

/** MachineInfo (Apple's keys: UDID, SERIAL, PRODUCT, VERSION = build, OS_VERSION, LANGUAGE) as an XML plist. */
export function machineInfoPlist(facts: MachineFacts): string {
  return build({
    UDID: facts.udid,
    SERIAL: facts.serialNumber,
    PRODUCT: facts.productType,
    VERSION: facts.buildVersion,
    OS_VERSION: facts.osVersion,
    LANGUAGE: facts.language,
  });
}

/** MachineInfo signed by the factory identity, content attached: the enrollment request's body. */
export function signedMachineInfo(facts: MachineFacts, factoryIdentity: SigningIdentity, signingTime: Date): Buffer {
  return signCms(Buffer.from(machineInfoPlist(facts), 'utf8'), factoryIdentity, { detached: false, digest: 'sha256', signingTime });
}

/**
 * `POST ConfigurationURL` with signed MachineInfo. After a 401 asking for a user, the device sends
 * the same body again with `Authorization: Basic` (user affinity).
 */
export function postMachineInfo(
  url: string,
  signed: Buffer,
  options: { authorization?: string; transport?: Transport } = {},
): Promise<HttpAnswer> {
  const headers: Record<string, string> = { 'content-type': 'application/pkcs7-signature' };
  if (options.authorization) headers.authorization = options.authorization;
  return send(url, { method: 'POST', headers, body: signed }, options.transport);
}

/** The MDM endpoints of one enrollment. */
export interface MdmEndpoints {
  readonly serverUrl: string;
  readonly checkInUrl: string;
  readonly signMessage: boolean;
}

/** Check-ins and connects for one enrollment, signed with its identity. */
export class MdmClient {
  constructor(
    private readonly endpoints: MdmEndpoints,
    private readonly identity: SigningIdentity,
    private readonly options: { digest: SignatureDigest; clock: { now(): Date }; transport?: Transport },
  ) {}

  /** `PUT CheckInURL` with a check-in message (`MessageType` and its keys). */
  checkIn(message: PlistDict): Promise<HttpAnswer> {
    return this.put(this.endpoints.checkInUrl, 'application/x-apple-aspen-mdm-checkin', message);
  }

  /** `PUT ServerURL` with a connect report (`UDID`, `Status`, and a command's result). */
  connect(report: PlistDict): Promise<HttpAnswer> {
    return this.put(this.endpoints.serverUrl, 'application/x-apple-aspen-mdm', report);
  }

  /** The `Mdm-Signature` value for `body`. */
  signature(body: Buffer): string {
    return signCms(body, this.identity, { detached: true, digest: this.options.digest, signingTime: this.options.clock.now() }).toString(
      'base64',
    );
  }

  private put(url: string, contentType: string, dict: PlistDict): Promise<HttpAnswer> {
    const body = Buffer.from(build(dict), 'utf8');
    const headers: Record<string, string> = { 'content-type': contentType, 'user-agent': 'MDM/1.0' };
    if (this.endpoints.signMessage) headers['mdm-signature'] = this.signature(body);
    return send(url, { method: 'PUT', headers, body }, this.options.transport);
  }
}
