/**
 * Device identities by ACME with Apple's Managed Device Attestation: the rules behind `/acme`
 * (`src/http/acme-routes.ts`), over the protocol in `src/mdm/acme/`.
 *
 * - An order is for a device that got an enrollment profile, and only that one: the profile's
 *   `com.apple.security.acme` payload carries a one-time `ClientIdentifier` issued here for the
 *   device (`issueClientIdentifier`), and the device orders with it as its `permanent-identifier`.
 *   Unknown, expired or used identifiers are refused (`rejectedIdentifier`).
 * - The `device-attest-01` challenge is met by an attestation whose chain ends at a trusted
 *   attestation root (Apple's; the simulator's when trusted), whose freshness code is SHA-256 of this
 *   challenge's token, and whose serial number (and UDID, when both sides know it) is the device's
 *   the identifier was issued for.
 * - Finalizing needs a CSR for the attested key. The certificate comes from Homeroom's MDM CA, and in
 *   the same transaction the identifier is used up and the device's enrollment row gets the
 *   certificate's serial and fingerprint: check-ins are pinned to it exactly as to a PKCS#12 identity.
 *
 * Every refusal is an {@link AcmeProblem} thrown before anything is written, or inside the
 * transaction that then rolls back: a refused request saves nothing (the nonce it spent aside).
 */
import crypto from 'node:crypto';
import { IsNull, type EntityManager } from 'typeorm';
import type { JWK } from 'jose';
import { AcmeAccount, AcmeClientIdentifier, AcmeOrder } from '../../entities/acme.entity.js';
import { DeviceEnrollment } from '../../entities/device-enrollment.entity.js';
import { normalizedSerial } from '../../crypto/x509.js';
import { issueAttestedIdentity } from '../../mdm/acme/acme-certificate.js';
import { buildAcmePayload, type AcmePayload } from '../../mdm/acme/acme-payload.js';
import {
  APPLE_ENTERPRISE_ATTESTATION_ROOT_CA_PEM,
  AttestationError,
  verifyAppleAttestation,
  type VerifiedAttestation,
} from '../../mdm/acme/apple-attestation.js';
import { verifyCsr } from '../../mdm/acme/csr.js';
import { verifyAcmeRequest, type VerifiedAcmeRequest } from '../../mdm/acme/jws.js';
import { NonceStore } from '../../mdm/acme/nonces.js';
import { AcmeProblem, notFound } from '../../mdm/acme/problems.js';
import {
  ACME_PATHS,
  accountUrl,
  authorizationJson,
  challengeJson,
  directoryOf,
  orderJson,
  orderUrl,
  PERMANENT_IDENTIFIER,
  type AcmeOrderView,
} from '../../mdm/acme/resources.js';
import type { ServiceDependencies } from '../service-dependencies.js';
import type { MdmAuthorityService } from './mdm-authority.service.js';
import type { DeviceIdentityIssuer } from './device-identity.js';
import type { IdentityPayload } from '../../mdm/mobileconfig.js';
import { certificateFingerprint } from './mdm-authentication.js';

/** Where the ACME server lives under PUBLIC_URL. */
export const ACME_BASE_PATH = '/acme';
/**
 * How long a profile's client identifier may start an order: the device runs ACME as it installs
 * the profile, seconds after getting it; an hour covers a slow network and a retry.
 */
export const CLIENT_IDENTIFIER_LIFETIME_MS = 60 * 60 * 1000;

/** An answer for the HTTP adapter: JSON (or a PEM chain), its status, and the Location when there is one. */
export interface AcmeAnswer {
  readonly status: number;
  readonly json?: unknown;
  readonly pemChain?: string;
  readonly location?: string;
}

/** What the enrollment profile needs for a device's ACME identity. */
export interface AcmeEnrollment {
  /** The one-time identifier (only its hash is stored). */
  readonly clientIdentifier: string;
  /** The `com.apple.security.acme` payload; `IdentityCertificateUUID` names its `PayloadUUID`. */
  readonly payload: AcmePayload;
}

const sha256Hex = (text: string) => crypto.createHash('sha256').update(text).digest('hex');
const randomId = () => crypto.randomBytes(16).toString('base64url');

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class AcmeIssuanceService {
  /** Replay-Nonce values; in memory (see `nonces.ts` for why). */
  readonly nonces: NonceStore;
  private readonly roots: crypto.X509Certificate[];

  constructor(
    private readonly deps: Pick<ServiceDependencies, 'database' | 'clock' | 'publicUrl'>,
    private readonly authority: Pick<MdmAuthorityService, 'authority'>,
    options: {
      /** Attestation roots besides Apple's Enterprise Attestation Root CA (the simulator's, when trusted). */
      readonly extraAttestationRoots?: readonly string[];
      readonly clientIdentifierLifetimeMs?: number;
    } = {},
  ) {
    this.nonces = new NonceStore(() => deps.clock.now().getTime());
    this.roots = [APPLE_ENTERPRISE_ATTESTATION_ROOT_CA_PEM, ...(options.extraAttestationRoots ?? [])].map(
      (pem) => new crypto.X509Certificate(pem),
    );
    this.lifetimeMs = options.clientIdentifierLifetimeMs ?? CLIENT_IDENTIFIER_LIFETIME_MS;
  }

  private readonly lifetimeMs: number;

  /** `<PUBLIC_URL>/acme`: the base every ACME URL is made from and checked against. */
  baseUrl(): string {
    return `${this.deps.publicUrl()}${ACME_BASE_PATH}`;
  }

  /**
   * A new one-time client identifier for the device, and the ACME payload carrying it, for the
   * enrollment profile being built. Identifiers issued to the device before are dropped (with their
   * orders): only the newest profile's may be used. `tx`, when given, is the enrollment's transaction.
   */
  async issueClientIdentifier(
    device: { readonly deviceId: number; readonly serialNumber: string; readonly udid: string | null },
    options: { readonly tx?: EntityManager; readonly payloadUuid?: string } = {},
  ): Promise<AcmeEnrollment> {
    const issued = this.newClientIdentifier(device, options.payloadUuid);
    if (options.tx) await issued.persist(options.tx);
    else await this.deps.database.transaction((tx) => issued.persist(tx));
    return { clientIdentifier: issued.clientIdentifier, payload: issued.payload };
  }

  /**
   * The ACME kind for enrollment: the profile carries the ACME payload; the identifier is stored
   * inside the enrollment's transaction, and the certificate (and the pin) comes when the device
   * finalizes its order.
   */
  issuer(): DeviceIdentityIssuer {
    return {
      prepare: (device) => {
        const issued = this.newClientIdentifier(device);
        return Promise.resolve({
          payload: issued.payload as unknown as IdentityPayload,
          issued: null,
          persist: (tx) => issued.persist(tx),
        });
      },
    };
  }

  private newClientIdentifier(
    device: { readonly deviceId: number; readonly serialNumber: string; readonly udid: string | null },
    payloadUuid?: string,
  ): AcmeEnrollment & { persist(tx: EntityManager): Promise<void> } {
    const now = this.deps.clock.now();
    const clientIdentifier = crypto.randomBytes(24).toString('base64url');
    return {
      clientIdentifier,
      payload: buildAcmePayload({
        directoryUrl: `${this.baseUrl()}${ACME_PATHS.directory}`,
        clientIdentifier,
        serialNumber: device.serialNumber,
        ...(payloadUuid ? { payloadUuid } : {}),
      }),
      persist: async (tx) => {
        await tx.delete(AcmeClientIdentifier, { deviceId: device.deviceId });
        await tx.insert(AcmeClientIdentifier, {
          identifierHash: sha256Hex(clientIdentifier),
          deviceId: device.deviceId,
          serialNumber: device.serialNumber,
          udid: device.udid,
          expiresAt: new Date(now.getTime() + this.lifetimeMs),
          usedAt: null,
          createdAt: now,
        });
      },
    };
  }

  directory(): AcmeAnswer {
    return { status: 200, json: directoryOf(this.baseUrl()) };
  }

  /** newAccount (RFC 8555 section 7.3): the account of the request's key, made when new. */
  async newAccount(body: Buffer): Promise<AcmeAnswer> {
    const request = await this.verify(body, ACME_PATHS.newAccount, 'jwk');
    const payload = isObject(request.payload) ? request.payload : {};
    const thumbprint = request.thumbprint!;
    const existing = await this.deps.database.manager.findOneBy(AcmeAccount, { thumbprint });
    if (existing) return { status: 200, json: { status: 'valid' }, location: accountUrl(this.baseUrl(), existing.id) };
    if (payload.onlyReturnExisting === true) throw new AcmeProblem('accountDoesNotExist', 'No account has this key.');
    const id = randomId();
    await this.deps.database.transaction((tx) =>
      tx.insert(AcmeAccount, { id, thumbprint, jwk: request.jwk as Record<string, string>, createdAt: this.deps.clock.now() }),
    );
    return { status: 201, json: { status: 'valid' }, location: accountUrl(this.baseUrl(), id) };
  }

  /** newOrder (section 7.4): one `permanent-identifier`, a client identifier this server issued, unused and unexpired. */
  async newOrder(body: Buffer): Promise<AcmeAnswer> {
    const request = await this.verify(body, ACME_PATHS.newOrder, 'kid');
    const accountId = this.accountIdOf(request);
    const identifiers = isObject(request.payload) ? request.payload.identifiers : undefined;
    if (!Array.isArray(identifiers) || identifiers.length !== 1 || !isObject(identifiers[0]))
      throw new AcmeProblem('malformed', 'An order names exactly one identifier.');
    const { type, value } = identifiers[0];
    if (type !== PERMANENT_IDENTIFIER || typeof value !== 'string')
      throw new AcmeProblem('rejectedIdentifier', `Only ${PERMANENT_IDENTIFIER} identifiers (the profile's ClientIdentifier) are issued.`);
    const now = this.deps.clock.now();
    const granted = await this.deps.database.manager.findOneBy(AcmeClientIdentifier, { identifierHash: sha256Hex(value) });
    if (!granted)
      throw new AcmeProblem(
        'rejectedIdentifier',
        'This client identifier was not issued with an enrollment profile (or a newer profile replaced it).',
      );
    if (granted.usedAt) throw new AcmeProblem('rejectedIdentifier', 'This client identifier was used already.');
    if (granted.expiresAt.getTime() <= now.getTime()) throw new AcmeProblem('rejectedIdentifier', 'This client identifier expired.');
    const order = {
      id: randomId(),
      accountId,
      clientIdentifierId: granted.id,
      status: 'pending' as const,
      identifierValue: value,
      authorizationStatus: 'pending' as const,
      token: crypto.randomBytes(32).toString('base64url'),
      expiresAt: granted.expiresAt,
      validatedAt: null,
      attestedPublicKey: null,
      attestedSerialNumber: null,
      attestedUdid: null,
      certificateChain: null,
      createdAt: now,
    };
    await this.deps.database.transaction((tx) => tx.insert(AcmeOrder, order));
    return { status: 201, json: orderJson(this.baseUrl(), this.viewOf(order as AcmeOrder)), location: orderUrl(this.baseUrl(), order.id) };
  }

  /** POST-as-GET of an order. */
  async order(body: Buffer, id: string): Promise<AcmeAnswer> {
    const order = await this.ownOrder(await this.verify(body, `${ACME_PATHS.order}${id}`, 'kid'), id);
    return { status: 200, json: orderJson(this.baseUrl(), this.viewOf(order)) };
  }

  /** POST-as-GET of an order's authorization. */
  async authorization(body: Buffer, id: string): Promise<AcmeAnswer> {
    const order = await this.ownOrder(await this.verify(body, `${ACME_PATHS.authorization}${id}`, 'kid'), id);
    return { status: 200, json: authorizationJson(this.baseUrl(), this.viewOf(order)) };
  }

  /**
   * The device's answer to its `device-attest-01` challenge: `{attObj}`, the attestation object,
   * base64url. Met once; answered again, the challenge just reports itself.
   */
  async challenge(body: Buffer, id: string): Promise<AcmeAnswer> {
    const request = await this.verify(body, `${ACME_PATHS.challenge}${id}`, 'kid');
    const order = await this.ownOrder(request, id);
    const answer = (current: AcmeOrder): AcmeAnswer => ({
      status: 200,
      json: challengeJson(this.baseUrl(), this.viewOf(current)),
    });
    if (order.authorizationStatus !== 'pending' || request.payload === null) return answer(order);
    const now = this.deps.clock.now();
    if (order.expiresAt.getTime() <= now.getTime()) throw new AcmeProblem('unauthorized', 'The order expired.');
    const attObj = isObject(request.payload) ? request.payload.attObj : undefined;
    if (typeof attObj !== 'string' || attObj === '')
      throw new AcmeProblem('malformed', 'device-attest-01 is answered with {"attObj": <base64url attestation object>}.');
    const granted = await this.deps.database.manager.findOneByOrFail(AcmeClientIdentifier, { id: order.clientIdentifierId });
    const attested = this.attestation(Buffer.from(attObj, 'base64url'), order.token, now);
    if (attested.serialNumber.toUpperCase() !== granted.serialNumber.toUpperCase())
      throw new AcmeProblem(
        'badAttestationStatement',
        `The attestation is for device ${attested.serialNumber}, not ${granted.serialNumber} that this profile was issued to.`,
      );
    if (attested.udid !== null && granted.udid !== null && attested.udid.toUpperCase() !== granted.udid.toUpperCase())
      throw new AcmeProblem('badAttestationStatement', `The attested UDID ${attested.udid} is not the enrolling device's.`);
    const updated = await this.deps.database.transaction(async (tx) => {
      const result = await tx.update(
        AcmeOrder,
        { id: order.id, authorizationStatus: 'pending' },
        {
          authorizationStatus: 'valid',
          status: 'ready',
          validatedAt: now,
          attestedPublicKey: attested.publicKeySpki.toString('base64'),
          attestedSerialNumber: attested.serialNumber,
          attestedUdid: attested.udid,
        },
      );
      if (result.affected === 0) throw new AcmeProblem('unauthorized', 'The challenge was answered meanwhile.');
      return tx.findOneByOrFail(AcmeOrder, { id: order.id });
    });
    return answer(updated);
  }

  /**
   * finalize (section 7.4): `{csr}` for the attested key. Issues the identity, uses up the client
   * identifier and pins the device's enrollment to the certificate, in one transaction.
   */
  async finalize(body: Buffer, id: string): Promise<AcmeAnswer> {
    const request = await this.verify(body, `${ACME_PATHS.finalize}${id}`, 'kid');
    const order = await this.ownOrder(request, id);
    if (order.status !== 'ready')
      throw new AcmeProblem(
        'orderNotReady',
        `The order is ${this.viewOf(order).status}, not ready (answer its device-attest-01 challenge first).`,
      );
    const now = this.deps.clock.now();
    if (order.expiresAt.getTime() <= now.getTime()) throw new AcmeProblem('unauthorized', 'The order expired.');
    const encoded = isObject(request.payload) ? request.payload.csr : undefined;
    if (typeof encoded !== 'string' || encoded === '') throw new AcmeProblem('malformed', 'finalize takes {"csr": <base64url DER CSR>}.');
    const csr = verifyCsr(Buffer.from(encoded, 'base64url'));
    if (csr.publicKeySpki.toString('base64') !== order.attestedPublicKey)
      throw new AcmeProblem('badCSR', 'The CSR is not for the key Apple attested (the certificate goes to the hardware-bound key only).');
    const granted = await this.deps.database.manager.findOneByOrFail(AcmeClientIdentifier, { id: order.clientIdentifierId });
    const issued = issueAttestedIdentity(await this.authority.authority(), {
      serialNumber: granted.serialNumber,
      udid: order.attestedUdid ?? granted.udid,
      publicKeySpki: csr.publicKeySpki,
      now,
    });
    await this.deps.database.transaction(async (tx) => {
      const used = await tx.update(AcmeClientIdentifier, { id: granted.id, usedAt: IsNull() }, { usedAt: now });
      if (used.affected === 0) throw new AcmeProblem('unauthorized', 'This client identifier has had its certificate already.');
      const enrollment = await tx.findOneBy(DeviceEnrollment, { deviceId: granted.deviceId });
      if (!enrollment) throw new AcmeProblem('unauthorized', `Device ${granted.serialNumber} has no enrollment to issue an identity for.`);
      await tx.update(
        DeviceEnrollment,
        { deviceId: granted.deviceId },
        {
          identitySerial: normalizedSerial(issued.serialNumber),
          identityFingerprint: certificateFingerprint(new crypto.X509Certificate(issued.certificatePem)),
        },
      );
      await tx.update(AcmeOrder, { id: order.id }, { status: 'valid', certificateChain: issued.chainPem });
    });
    const done = await this.deps.database.manager.findOneByOrFail(AcmeOrder, { id: order.id });
    return { status: 200, json: orderJson(this.baseUrl(), this.viewOf(done)), location: orderUrl(this.baseUrl(), order.id) };
  }

  /** POST-as-GET of the certificate chain (section 7.4.2), PEM. */
  async certificate(body: Buffer, id: string): Promise<AcmeAnswer> {
    const order = await this.ownOrder(await this.verify(body, `${ACME_PATHS.certificate}${id}`, 'kid'), id);
    if (!order.certificateChain) throw notFound('certificate');
    return { status: 200, pemChain: order.certificateChain };
  }

  private attestation(attestationObject: Buffer, token: string, now: Date): VerifiedAttestation {
    try {
      return verifyAppleAttestation(attestationObject, { token, roots: this.roots, now });
    } catch (error) {
      if (error instanceof AttestationError) throw new AcmeProblem('badAttestationStatement', error.message);
      throw error;
    }
  }

  private verify(body: Buffer, path: string, keyFrom: 'jwk' | 'kid'): Promise<VerifiedAcmeRequest> {
    const accountPrefix = `${this.baseUrl()}${ACME_PATHS.account}`;
    return verifyAcmeRequest(body, {
      url: `${this.baseUrl()}${path}`,
      nonces: this.nonces,
      keyFrom,
      accountKey: async (kid) => {
        if (!kid.startsWith(accountPrefix)) return null;
        const account = await this.deps.database.manager.findOneBy(AcmeAccount, { id: kid.slice(accountPrefix.length) });
        return account ? (account.jwk as JWK) : null;
      },
    });
  }

  private accountIdOf(request: VerifiedAcmeRequest): string {
    return request.kid!.slice(`${this.baseUrl()}${ACME_PATHS.account}`.length);
  }

  /** The order `id` of the requesting account; another account's is as unknown as a missing one. */
  private async ownOrder(request: VerifiedAcmeRequest, id: string): Promise<AcmeOrder> {
    const order = await this.deps.database.manager.findOneBy(AcmeOrder, { id });
    if (!order || order.accountId !== this.accountIdOf(request)) throw notFound('order');
    return order;
  }

  private viewOf(order: AcmeOrder): AcmeOrderView {
    const expired = order.status !== 'valid' && order.expiresAt.getTime() <= this.deps.clock.now().getTime();
    return {
      id: order.id,
      status: expired ? 'invalid' : order.status,
      expires: order.expiresAt,
      identifier: { type: PERMANENT_IDENTIFIER, value: order.identifierValue },
      authorizationStatus: expired && order.authorizationStatus === 'pending' ? 'invalid' : order.authorizationStatus,
      token: order.token,
      validatedAt: order.validatedAt,
      hasCertificate: order.certificateChain !== null,
    };
  }
}
