/**
 * The device's reading of an MDM enrollment profile (reference: device-enrollment.md section 2.3):
 * the `.mobileconfig` the enrollment URL answers with, plain XML or CMS-signed (told apart by the
 * `<?xml` prefix, as Fleet's test client does). It needs one `com.apple.mdm` payload and the
 * identity payload its `IdentityCertificateUUID` names; identity payloads install first, then the
 * MDM payload (mdmb sorts payloads the same way), then anything else.
 *
 * A profile iOS would refuse is refused here with the reason, and the device ends FAILED: an
 * `IdentityCertificateUUID` naming no identity payload, a `Topic` outside `com.apple.mgmt.`, no
 * `ServerURL`, `AccessRights` of 0, a PKCS#12 that does not open with its `Password`, a SCEP payload
 * without `URL`, or an ACME payload without what it needs. A SCEP or ACME identity is obtained by the
 * device afterwards (`scep-client.ts`, `acme-client.ts`).
 */
import { parse, type PlistValue } from 'plist';
import { AcmeClientError, readAcmePayload, type AcmeSettings } from './acme-client.js';
import { openPkcs12, signedContentOf, type ImportedIdentity } from './device-crypto.js';
import type { ScepPayload } from './scep-client.js';

type Dict = { [key: string]: PlistValue };

/** The `com.apple.mdm` payload, as the device keeps it. */
export interface MdmPayload {
  readonly topic: string;
  readonly serverUrl: string;
  /** `CheckInURL`, or `ServerURL` when absent (Apple's default). */
  readonly checkInUrl: string;
  readonly signMessage: boolean;
  readonly accessRights: number;
  readonly serverCapabilities: readonly string[];
  readonly checkOutWhenRemoved: boolean;
  readonly identityCertificateUuid: string;
}

/** A profile ready to install. */
export interface EnrollmentProfile {
  readonly identifier: string;
  readonly uuid: string;
  readonly mdm: MdmPayload;
  /** The identity the profile carries (PKCS#12); null when the device must fetch it (SCEP or ACME). */
  readonly identity: ImportedIdentity | null;
  /** The SCEP payload the device enrolls with before the MDM payload; null unless the identity comes by SCEP. */
  readonly scep: ScepPayload | null;
  /** The ACME payload's settings, when the identity comes by ACME (`acme-client.ts`). */
  readonly acme: AcmeSettings | null;
  /** Payload types in the order the device installs them. */
  readonly installOrder: readonly string[];
  /** Whether the profile came CMS-signed. */
  readonly signed: boolean;
}

/** A profile the device will not install; `reason` is what the trace and the failure show. */
export class ProfileRefusedError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ProfileRefusedError';
  }
}

/** Identity payloads: installed first, since the MDM payload refers to one. */
const IDENTITY_TYPES = new Set(['com.apple.security.pkcs12', 'com.apple.security.scep', 'com.apple.security.acme']);
const CERTIFICATE_TYPES = new Set(['com.apple.security.root', 'com.apple.security.pem', 'com.apple.security.pkcs1']);

function isDict(value: PlistValue | undefined): value is Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof Uint8Array);
}

function installRank(type: string): number {
  if (CERTIFICATE_TYPES.has(type)) return 0;
  if (IDENTITY_TYPES.has(type)) return 1;
  if (type === 'com.apple.mdm') return 2;
  return 3;
}

/** The profile's XML text: the body itself, or the content of a CMS-signed body. */
function xmlOf(body: Buffer): { text: string; signed: boolean } {
  const text = body.toString('utf8').replace(/^\uFEFF/, '');
  if (text.trimStart().startsWith('<?xml') || text.trimStart().startsWith('<plist')) return { text, signed: false };
  let content: Buffer;
  try {
    content = signedContentOf(body);
  } catch (error) {
    throw new ProfileRefusedError(`the profile is neither an XML plist nor CMS-signed (${(error as Error).message})`);
  }
  return { text: content.toString('utf8'), signed: true };
}

/** Reads and checks an enrollment profile. @throws ProfileRefusedError */
export function readEnrollmentProfile(body: Buffer): EnrollmentProfile {
  const { text, signed } = xmlOf(body);
  let root: PlistValue;
  try {
    root = parse(text);
  } catch (error) {
    throw new ProfileRefusedError(`the profile is not a readable property list (${(error as Error).message.split('\n')[0]})`);
  }
  if (!isDict(root) || root.PayloadType !== 'Configuration' || !Array.isArray(root.PayloadContent)) {
    throw new ProfileRefusedError('the profile is not a Configuration with PayloadContent');
  }
  const payloads = root.PayloadContent.filter(isDict);
  const mdmPayloads = payloads.filter((payload) => payload.PayloadType === 'com.apple.mdm');
  if (mdmPayloads.length !== 1) throw new ProfileRefusedError(`the profile has ${mdmPayloads.length} com.apple.mdm payloads, not one`);
  const mdm = mdmPayloads[0]!;

  const identityUuid = typeof mdm.IdentityCertificateUUID === 'string' ? mdm.IdentityCertificateUUID : '';
  const identityPayload = payloads.find(
    (payload) => IDENTITY_TYPES.has(String(payload.PayloadType)) && payload.PayloadUUID === identityUuid,
  );
  if (!identityPayload) throw new ProfileRefusedError(`IdentityCertificateUUID ${identityUuid || '(none)'} names no identity payload`);
  const identityType = String(identityPayload.PayloadType);
  if (!['com.apple.security.pkcs12', 'com.apple.security.scep', 'com.apple.security.acme'].includes(identityType)) {
    throw new ProfileRefusedError(`the identity payload is ${identityType}; this simulator installs PKCS#12, SCEP and ACME`);
  }
  const topic = typeof mdm.Topic === 'string' ? mdm.Topic : '';
  if (!topic.startsWith('com.apple.mgmt.')) throw new ProfileRefusedError(`the Topic ${topic || '(none)'} does not start com.apple.mgmt.`);
  const serverUrl = typeof mdm.ServerURL === 'string' ? mdm.ServerURL : '';
  if (serverUrl === '') throw new ProfileRefusedError('the MDM payload has no ServerURL');
  const accessRights = typeof mdm.AccessRights === 'number' ? mdm.AccessRights : 0;
  if (accessRights === 0) throw new ProfileRefusedError('the MDM payload has AccessRights 0');

  const scep = identityType === 'com.apple.security.scep' ? scepPayloadOf(identityPayload) : null;
  const acme = identityType === 'com.apple.security.acme' ? acmeSettingsOf(identityPayload) : null;
  const identity = scep || acme ? null : pkcs12IdentityOf(identityPayload);

  const capabilities = Array.isArray(mdm.ServerCapabilities)
    ? mdm.ServerCapabilities.filter((c): c is string => typeof c === 'string')
    : [];
  const installOrder = payloads
    .map((payload, index) => ({ type: String(payload.PayloadType), index }))
    .sort((a, b) => installRank(a.type) - installRank(b.type) || a.index - b.index)
    .map((entry) => entry.type);
  return {
    identifier: typeof root.PayloadIdentifier === 'string' ? root.PayloadIdentifier : '',
    uuid: typeof root.PayloadUUID === 'string' ? root.PayloadUUID : '',
    signed,
    identity,
    scep,
    acme,
    installOrder,
    mdm: {
      topic,
      serverUrl,
      checkInUrl: typeof mdm.CheckInURL === 'string' && mdm.CheckInURL !== '' ? mdm.CheckInURL : serverUrl,
      signMessage: mdm.SignMessage === true,
      accessRights,
      serverCapabilities: capabilities,
      checkOutWhenRemoved: mdm.CheckOutWhenRemoved === true,
      identityCertificateUuid: identityUuid,
    },
  };
}

function pkcs12IdentityOf(payload: Dict): ImportedIdentity {
  const p12 = payload.PayloadContent;
  if (!(p12 instanceof Uint8Array)) throw new ProfileRefusedError('the PKCS#12 payload has no data');
  try {
    return openPkcs12(Buffer.from(p12), typeof payload.Password === 'string' ? payload.Password : '');
  } catch (error) {
    throw new ProfileRefusedError(`the PKCS#12 payload does not open (${(error as Error).message})`);
  }
}

function acmeSettingsOf(payload: Dict): AcmeSettings {
  try {
    return readAcmePayload(payload);
  } catch (error) {
    if (error instanceof AcmeClientError) throw new ProfileRefusedError(error.message);
    throw error;
  }
}

/** The SCEP payload's content; `Subject` as an array of RDNs of `[type, value]` pairs. */
function scepPayloadOf(payload: Dict): ScepPayload {
  const content = payload.PayloadContent;
  if (!isDict(content)) throw new ProfileRefusedError('the SCEP payload has no PayloadContent dictionary');
  const url = typeof content.URL === 'string' ? content.URL : '';
  if (url === '') throw new ProfileRefusedError('the SCEP payload has no URL');
  const keyType = content['Key Type'] ?? 'RSA';
  if (keyType !== 'RSA') throw new ProfileRefusedError(`the SCEP payload asks for a ${String(keyType)} key; iOS makes RSA keys only`);
  const subject = Array.isArray(content.Subject)
    ? content.Subject.filter(Array.isArray).map((rdn) =>
        rdn
          .filter((pair): pair is PlistValue[] => Array.isArray(pair) && pair.length === 2)
          .map((pair) => [String(pair[0]), String(pair[1])] as const),
      )
    : [];
  return {
    url,
    challenge: typeof content.Challenge === 'string' ? content.Challenge : null,
    subject,
    keySize: typeof content.Keysize === 'number' ? content.Keysize : 1024,
    name: typeof content.Name === 'string' ? content.Name : null,
  };
}
