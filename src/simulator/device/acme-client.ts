/**
 * A virtual iPad's ACME client: what iOS does with a `com.apple.security.acme` identity payload
 * (RFC 8555, draft-acme-device-attest), over HTTP only.
 *
 * 1. The device makes the identity key itself: P-384 (`KeyType` ECSECPrimeRandom, `KeySize` 384), as
 *    its Secure Enclave would for `HardwareBound`; it never leaves the device.
 * 2. A separate account key (P-256) opens an ACME account; the order names the profile's
 *    `ClientIdentifier` as its `permanent-identifier`.
 * 3. The authorization's `device-attest-01` challenge is met with Apple's attestation of the key:
 *    the device asks the simulated Apple (`POST /simulator/device-attestations`) for a chain vouching
 *    for its key, serial and UDID with SHA-256 of the challenge token as freshness code, and sends it
 *    as a CBOR attestation object `{fmt: "apple", attStmt: {x5c}, authData}`.
 * 4. It finalizes with a CSR signed by the key, polls the order, and downloads the certificate (PEM
 *    chain): the identity it signs its check-ins with.
 *
 * JWS with `jose`, CBOR with `cborg`, the CSR with asn1js and node:crypto. A `badNonce` refusal is
 * retried once with the nonce it came with, as RFC 8555 section 6.5 asks of clients.
 */
import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import { encode } from 'cborg';
import { FlattenedSign, type JWK } from 'jose';
import type { PlistValue } from 'plist';
import type { ImportedIdentity } from './device-crypto.js';
import { bodyExcerpt, send, type HttpAnswer, type Transport } from './http.js';

/** The payload's settings the device acts on. */
export interface AcmeSettings {
  readonly directoryUrl: string;
  readonly clientIdentifier: string;
  readonly keyType: 'ECSECPrimeRandom' | 'RSA';
  readonly keySize: number;
  readonly hardwareBound: boolean;
  readonly attest: boolean;
  /** The CSR's subject: RDNs of [type, value] pairs (`CN`, `O`, `OU`, `C`, `ST`, `L`). */
  readonly subject: ReadonlyArray<ReadonlyArray<readonly [string, string]>>;
}

/** The device as the ACME client knows it. */
export interface AcmeDevice {
  readonly serialNumber: string;
  readonly udid: string;
  /** The Apple simulator's base URL: where attestations come from. */
  readonly appleUrl: string;
  readonly osVersion?: string;
}

/** Why ACME did not yield an identity: the step and what the server said. */
export class AcmeClientError extends Error {
  constructor(
    readonly step: string,
    message: string,
    /** The problem document's type (`urn:ietf:params:acme:error:...`), when the server sent one. */
    readonly problemType: string | null = null,
  ) {
    super(`${step}: ${message}`);
    this.name = 'AcmeClientError';
  }
}

type Dict = { [key: string]: PlistValue };

/** The settings of a `com.apple.security.acme` payload, as iOS checks them. @throws AcmeClientError */
export function readAcmePayload(payload: Dict): AcmeSettings {
  const text = (key: string) => (typeof payload[key] === 'string' ? (payload[key] as string) : '');
  if (text('DirectoryURL') === '') throw new AcmeClientError('payload', 'the ACME payload has no DirectoryURL');
  if (text('ClientIdentifier') === '') throw new AcmeClientError('payload', 'the ACME payload has no ClientIdentifier');
  const keyType = text('KeyType');
  if (keyType !== 'ECSECPrimeRandom' && keyType !== 'RSA')
    throw new AcmeClientError('payload', `KeyType ${keyType || '(none)'} is not supported`);
  const keySize = typeof payload.KeySize === 'number' ? payload.KeySize : 0;
  const hardwareBound = payload.HardwareBound === true;
  // iOS: a hardware-bound key is a Secure Enclave key, and that is P-384 only.
  if (hardwareBound && (keyType !== 'ECSECPrimeRandom' || keySize !== 384))
    throw new AcmeClientError('payload', 'HardwareBound needs KeyType ECSECPrimeRandom with KeySize 384');
  if (keyType === 'ECSECPrimeRandom' && keySize !== 256 && keySize !== 384)
    throw new AcmeClientError('payload', `KeySize ${keySize} is not a supported curve`);
  const subject = Array.isArray(payload.Subject)
    ? payload.Subject.filter(Array.isArray).map((rdn) =>
        (rdn as PlistValue[])
          .filter((pair): pair is PlistValue[] => Array.isArray(pair) && pair.length === 2)
          .map((pair) => [String(pair[0]), String(pair[1])] as const),
      )
    : [];
  return {
    directoryUrl: text('DirectoryURL'),
    clientIdentifier: text('ClientIdentifier'),
    keyType,
    keySize,
    hardwareBound,
    attest: payload.Attest === true,
    subject,
  };
}

const NAME_OIDS: Readonly<Record<string, string>> = {
  CN: '2.5.4.3',
  O: '2.5.4.10',
  OU: '2.5.4.11',
  C: '2.5.4.6',
  ST: '2.5.4.8',
  L: '2.5.4.7',
};
const ECDSA_WITH_SHA384 = '1.2.840.10045.4.3.3';
const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';
const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';

/** A PKCS#10 request for `privateKey`'s public key, signed by it, DER. */
export function buildCsr(privateKey: crypto.KeyObject, subject: AcmeSettings['subject']): Buffer {
  const spki = crypto.createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const name = new asn1js.Sequence({
    value: subject.map(
      (rdn) =>
        new asn1js.Set({
          value: rdn.map(
            ([type, value]) =>
              new asn1js.Sequence({
                value: [
                  new asn1js.ObjectIdentifier({ value: NAME_OIDS[type] ?? type }),
                  type === 'C' ? new asn1js.PrintableString({ value }) : new asn1js.Utf8String({ value }),
                ],
              }),
          ),
        }),
    ),
  });
  const info = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 0 }),
      name,
      asn1js.fromBER(new Uint8Array(spki)).result,
      // attributes [0] IMPLICIT SET OF Attribute: none.
      new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [] }),
    ],
  });
  const infoDer = Buffer.from(info.toBER(false));
  const ec = privateKey.asymmetricKeyType === 'ec';
  const curve = privateKey.asymmetricKeyDetails?.namedCurve;
  const digest = ec && curve === 'secp384r1' ? 'sha384' : 'sha256';
  const algorithm = ec ? (digest === 'sha384' ? ECDSA_WITH_SHA384 : ECDSA_WITH_SHA256) : SHA256_WITH_RSA;
  const signature = crypto.sign(digest, infoDer, privateKey);
  const csr = new asn1js.Sequence({
    value: [
      info,
      new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: algorithm }), ...(ec ? [] : [new asn1js.Null()])] }),
      new asn1js.BitString({ valueHex: new Uint8Array(signature) }),
    ],
  });
  return Buffer.from(csr.toBER(false));
}

/** The device's identity key, as the payload asks for it. */
function newIdentityKey(settings: AcmeSettings): crypto.KeyObject {
  if (settings.keyType === 'RSA') return crypto.generateKeyPairSync('rsa', { modulusLength: settings.keySize || 2048 }).privateKey;
  return crypto.generateKeyPairSync('ec', { namedCurve: settings.keySize === 256 ? 'P-256' : 'P-384' }).privateKey;
}

/** One ACME conversation: the account key, the last nonce, the account URL. */
class AcmeSession {
  private nonce: string | null = null;
  private accountUrl: string | null = null;
  private readonly accountKey = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  private readonly jwk: JWK;
  private directory: Record<string, unknown> = {};

  constructor(
    private readonly directoryUrl: string,
    private readonly transport: Transport,
  ) {
    const { kty, crv, x, y } = crypto.createPublicKey(this.accountKey).export({ format: 'jwk' });
    this.jwk = { kty, crv, x, y } as JWK;
  }

  async open(): Promise<void> {
    const answer = await send(this.directoryUrl, { method: 'GET' }, this.transport);
    if (answer.status !== 200) throw new AcmeClientError('directory', `GET ${this.directoryUrl} answered ${answer.status}`);
    this.directory = JSON.parse(answer.body.toString('utf8')) as Record<string, unknown>;
    const head = await send(this.endpoint('newNonce'), { method: 'HEAD' }, this.transport);
    this.nonce = head.headers.get('replay-nonce');
    if (!this.nonce) throw new AcmeClientError('new-nonce', 'no Replay-Nonce');
  }

  endpoint(name: string): string {
    const url = this.directory[name];
    if (typeof url !== 'string') throw new AcmeClientError('directory', `the directory has no ${name}`);
    return url;
  }

  /** A signed POST (payload null: POST-as-GET); retried once on badNonce. */
  async post(step: string, url: string, payload: unknown, options: { expect?: number[] } = {}): Promise<HttpAnswer> {
    for (let attempt = 0; ; attempt += 1) {
      const header: Record<string, unknown> = { alg: 'ES256', nonce: this.nonce, url };
      if (this.accountUrl) header.kid = this.accountUrl;
      else header.jwk = this.jwk;
      const bytes = payload === null ? new Uint8Array(0) : new TextEncoder().encode(JSON.stringify(payload));
      const jws = await new FlattenedSign(bytes).setProtectedHeader(header).sign(this.accountKey);
      const answer = await send(
        url,
        { method: 'POST', headers: { 'content-type': 'application/jose+json' }, body: JSON.stringify(jws) },
        this.transport,
      );
      this.nonce = answer.headers.get('replay-nonce') ?? this.nonce;
      if ((options.expect ?? [200, 201]).includes(answer.status)) return answer;
      const problem = answer.contentType.startsWith('application/problem+json')
        ? (JSON.parse(answer.body.toString('utf8')) as { type?: string; detail?: string })
        : null;
      if (problem?.type === 'urn:ietf:params:acme:error:badNonce' && attempt === 0) continue;
      throw new AcmeClientError(step, `${answer.status} ${problem?.detail ?? bodyExcerpt(answer.body)}`, problem?.type ?? null);
    }
  }

  async newAccount(): Promise<void> {
    const answer = await this.post('new-account', this.endpoint('newAccount'), { termsOfServiceAgreed: true });
    this.accountUrl = answer.headers.get('location');
    if (!this.accountUrl) throw new AcmeClientError('new-account', 'no Location');
  }
}

const jsonOf = (answer: HttpAnswer) => JSON.parse(answer.body.toString('utf8')) as Record<string, unknown>;

/** The simulated Apple's attestation of `key` for the device, with `freshnessCode` bound in: the x5c chain, DER. */
export async function fetchAttestation(
  device: AcmeDevice,
  key: crypto.KeyObject,
  freshnessCode: Buffer,
  transport: Transport,
): Promise<Uint8Array[]> {
  const url = `${device.appleUrl}/simulator/device-attestations`;
  const answer = await send(
    url,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        serial: device.serialNumber,
        udid: device.udid,
        publicKey: crypto.createPublicKey(key).export({ type: 'spki', format: 'der' }).toString('base64'),
        freshnessCode: freshnessCode.toString('base64'),
        ...(device.osVersion ? { osVersion: device.osVersion } : {}),
      }),
    },
    transport,
  );
  if (answer.status !== 200) throw new AcmeClientError('attestation', `POST ${url} answered ${answer.status}: ${bodyExcerpt(answer.body)}`);
  const { x5c } = jsonOf(answer) as { x5c: string[] };
  return x5c.map((der) => new Uint8Array(Buffer.from(der, 'base64')));
}

/** The CBOR attestation object of draft-acme-device-attest for Apple's format. */
export function attestationObject(x5c: readonly Uint8Array[]): Uint8Array {
  return encode({ fmt: 'apple', attStmt: { x5c: [...x5c] }, authData: new Uint8Array(0) });
}

/** What the client may be told to do differently, for tests of the server's refusals. */
export interface AcmeClientOverrides {
  /** Replaces the attestation chain the device sends (given the one Apple made). */
  readonly tamperAttestation?: (x5c: Uint8Array[], token: string) => Promise<Uint8Array[]> | Uint8Array[];
  /** Signs the CSR with this key instead of the attested one. */
  readonly csrKey?: crypto.KeyObject;
}

/**
 * Runs ACME for the payload and returns the identity: the device's key and the certificate Homeroom
 * issued for it. @throws AcmeClientError (with the step and the server's problem) when refused.
 */
export async function obtainAcmeIdentity(
  settings: AcmeSettings,
  device: AcmeDevice,
  transport: Transport = {},
  overrides: AcmeClientOverrides = {},
): Promise<ImportedIdentity & { readonly chainPem: string }> {
  const key = newIdentityKey(settings);
  const session = new AcmeSession(settings.directoryUrl, transport);
  await session.open();
  await session.newAccount();
  const created = await session.post('new-order', session.endpoint('newOrder'), {
    identifiers: [{ type: 'permanent-identifier', value: settings.clientIdentifier }],
  });
  const orderUrl = created.headers.get('location');
  if (!orderUrl) throw new AcmeClientError('new-order', 'no Location');
  let order = jsonOf(created);
  const [authorizationUrl] = order.authorizations as string[];
  const authorization = jsonOf(await session.post('authorization', authorizationUrl!, null));
  const challenge = (authorization.challenges as Array<Record<string, string>>).find((c) => c.type === 'device-attest-01');
  if (!challenge) throw new AcmeClientError('authorization', 'no device-attest-01 challenge offered');
  if (authorization.status === 'pending') {
    const token = challenge.token!;
    let x5c = await fetchAttestation(device, key, crypto.createHash('sha256').update(token).digest(), transport);
    if (overrides.tamperAttestation) x5c = await overrides.tamperAttestation(x5c, token);
    await session.post('challenge', challenge.url!, { attObj: Buffer.from(attestationObject(x5c)).toString('base64url') });
  }
  order = await poll(session, orderUrl, order, (status) => status !== 'pending');
  if (order.status !== 'ready') throw new AcmeClientError('order', `the order is ${String(order.status)}, not ready`);
  const finalized = await session.post('finalize', order.finalize as string, {
    csr: buildCsr(overrides.csrKey ?? key, settings.subject).toString('base64url'),
  });
  order = await poll(session, orderUrl, jsonOf(finalized), (status) => status !== 'processing');
  if (order.status !== 'valid' || typeof order.certificate !== 'string')
    throw new AcmeClientError('finalize', `the order is ${String(order.status)}, not valid`);
  const download = await session.post('certificate', order.certificate, null, { expect: [200] });
  const chainPem = download.body.toString('utf8');
  const first = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(chainPem);
  if (!first) throw new AcmeClientError('certificate', 'the download holds no PEM certificate');
  const certificate = new crypto.X509Certificate(first[0]);
  if (
    !certificate.publicKey
      .export({ type: 'spki', format: 'der' })
      .equals(crypto.createPublicKey(key).export({ type: 'spki', format: 'der' }))
  )
    throw new AcmeClientError('certificate', "the certificate is not for the device's key");
  return {
    certificatePem: certificate.toString(),
    certificateDer: Buffer.from(certificate.raw),
    privateKey: key,
    serialNumber: certificate.serialNumber.toUpperCase(),
    chainPem,
  };
}

/** The order until `done` says so (a few rounds: Homeroom validates and issues synchronously). */
async function poll(session: AcmeSession, url: string, first: Record<string, unknown>, done: (status: unknown) => boolean) {
  let order = first;
  for (let round = 0; !done(order.status) && round < 10; round += 1) {
    if (round > 0) await new Promise((resolve) => setTimeout(resolve, 50 * round));
    order = jsonOf(await session.post('order', url, null));
  }
  return order;
}
