/**
 * ACME issuance end to end over real HTTP: the `/acme` router on a test express server, the
 * simulated Apple's attestation CA (trusted here as the simulator's), and the virtual iPad's ACME
 * client. Then every refusal the rules name, each one checked to leave the database as it was.
 */
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import http from 'node:http';
import express from 'express';
import { FlattenedSign } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AcmeAccount, AcmeClientIdentifier, AcmeOrder } from '../../../src/entities/acme.entity.js';
import { DeviceEnrollment } from '../../../src/entities/device-enrollment.entity.js';
import { acmeRoutes } from '../../../src/http/acme-routes.js';
import { createLogger } from '../../../src/logger.js';
import { AcmeIssuanceService } from '../../../src/services/enrollment/acme-issuance.js';
import { certificateFingerprint } from '../../../src/services/enrollment/mdm-authentication.js';
import { AttestationCertificateAuthority } from '../../../src/simulator/apple/attestation-ca.js';
import { AcmeClientError, obtainAcmeIdentity, readAcmePayload, type AcmeDevice } from '../../../src/simulator/device/acme-client.js';
import { startSyncHarness, type SyncHarness } from '../sync/harness.js';

const udidOf = (index: number) => `00008101-${(0x1e30590c08001e + index).toString(16).toUpperCase().padStart(16, '0')}`;

describe('ACME issuance with device-attest-01 (RFC 8555, Apple attestation)', () => {
  let h: SyncHarness;
  let server: http.Server;
  let baseUrl: string;
  let acme: AcmeIssuanceService;
  let serials: string[];
  let deviceIds: Map<string, number>;
  let tokenId: number;
  let router: express.Router;
  /** What a (re)started Homeroom serves at /acme: a new service has none of the old one's nonces. */
  const mount = (service: AcmeIssuanceService) => {
    acme = service;
    router = acmeRoutes(service, createLogger('silent'));
  };
  const newService = () =>
    new AcmeIssuanceService({ database: h.opened.database, clock: h.clock, publicUrl: () => baseUrl }, h.services.mdmAuthority, {
      extraAttestationRoots: [h.simulator.attestationRootPem()],
    });

  beforeAll(async () => {
    h = await startSyncHarness();
    const { token } = await h.newToken('acme school', 4);
    tokenId = token.id;
    serials = h.appleSerials('acme school');
    deviceIds = new Map();
    for (const serial of serials) deviceIds.set(serial, (await h.device(serial)).id);
    const app = express();
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    mount(newService());
    app.use('/acme', (req, res, next) => router(req, res, next));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await h.close();
  });

  /** The device's enrollment row, as `enroll` leaves it for an ACME profile: ENROLLING, no identity yet. */
  async function enrolling(serial: string): Promise<void> {
    const index = serials.indexOf(serial);
    await h.opened.dataSource.manager.save(DeviceEnrollment, {
      deviceId: deviceIds.get(serial)!,
      tokenId,
      state: 'ENROLLING' as const,
      udid: udidOf(index),
      identitySerial: null,
      identityFingerprint: null,
      startedAt: h.clock.now(),
      updatedAt: h.clock.now(),
    });
  }

  /** The profile's ACME payload for the device, read back as the device reads it. */
  async function profileFor(serial: string) {
    const issued = await acme.issueClientIdentifier({
      deviceId: deviceIds.get(serial)!,
      serialNumber: serial,
      udid: udidOf(serials.indexOf(serial)),
    });
    return { ...issued, settings: readAcmePayload(issued.payload as never) };
  }

  const deviceOf = (serial: string): AcmeDevice => ({
    serialNumber: serial,
    udid: udidOf(serials.indexOf(serial)),
    appleUrl: h.simulator.url,
  });

  async function counts() {
    const manager = h.opened.dataSource.manager;
    return {
      accounts: await manager.count(AcmeAccount),
      orders: await manager.count(AcmeOrder),
      readyOrValid: (await manager.find(AcmeOrder)).filter((o) => o.status !== 'pending').length,
      used: (await manager.find(AcmeClientIdentifier)).filter((c) => c.usedAt !== null).length,
      pinned: (await manager.find(DeviceEnrollment)).filter((e) => e.identityFingerprint !== null).length,
    };
  }

  beforeEach(async () => {
    for (const serial of serials) await enrolling(serial);
  });

  it('issues the device a certificate for its own P-384 key and pins its enrollment to it', async () => {
    const serial = serials[0]!;
    const { settings, payload } = await profileFor(serial);
    expect(payload).toMatchObject({
      PayloadType: 'com.apple.security.acme',
      DirectoryURL: `${baseUrl}/acme/directory`,
      KeySize: 384,
      KeyType: 'ECSECPrimeRandom',
      HardwareBound: true,
      Attest: true,
      Subject: [[['CN', serial]], [['O', 'Homeroom device identity']]],
    });
    const identity = await obtainAcmeIdentity(settings, deviceOf(serial));
    const certificate = new crypto.X509Certificate(identity.certificatePem);
    expect(identity.privateKey.asymmetricKeyDetails?.namedCurve).toBe('secp384r1');
    expect(certificate.subject).toContain(`CN=${serial}`);
    expect(certificate.checkIssued(new crypto.X509Certificate(await h.services.mdmAuthority.certificatePem()))).toBe(true);
    expect(identity.chainPem.match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
    const row = await h.opened.dataSource.manager.findOneByOrFail(DeviceEnrollment, { deviceId: deviceIds.get(serial)! });
    expect(row.identityFingerprint).toBe(certificateFingerprint(certificate));
    expect(row.identitySerial).toBe(certificate.serialNumber.replace(/^0+/, ''));
    const identifier = await h.opened.dataSource.manager.findOneByOrFail(AcmeClientIdentifier, { deviceId: deviceIds.get(serial)! });
    expect(identifier.usedAt).not.toBeNull();
    // The identifier is stored hashed only.
    expect(identifier.identifierHash).not.toBe(settings.clientIdentifier);
  });

  it('keeps orders across a restart: the device retries its badNonce once and finishes with the new process', async () => {
    const serial = serials[1]!;
    const { settings } = await profileFor(serial);
    const identity = await obtainAcmeIdentity(
      settings,
      deviceOf(serial),
      {},
      {
        tamperAttestation: (x5c) => {
          mount(newService());
          return x5c;
        },
      },
    );
    const row = await h.opened.dataSource.manager.findOneByOrFail(DeviceEnrollment, { deviceId: deviceIds.get(serial)! });
    expect(row.identityFingerprint).toBe(certificateFingerprint(new crypto.X509Certificate(identity.certificatePem)));
  });

  it('refuses a CSR for a key other than the attested one (badCSR), saving nothing', async () => {
    const serial = serials[0]!;
    const { settings } = await profileFor(serial);
    const before = await counts();
    const refused = await obtainAcmeIdentity(
      settings,
      deviceOf(serial),
      {},
      {
        csrKey: crypto.generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey,
      },
    ).catch((error: unknown) => error);
    expect((refused as AcmeClientError).problemType).toBe('urn:ietf:params:acme:error:badCSR');
    const after = await counts();
    // The order got as far as ready (its challenge was met); no identifier used, no enrollment re-pinned.
    expect({ used: after.used, pinned: after.pinned }).toEqual({ used: before.used, pinned: before.pinned });
  });

  it('refuses a second order with a used client identifier (rejectedIdentifier), saving nothing', async () => {
    const serial = serials[1]!;
    const { settings } = await profileFor(serial);
    await obtainAcmeIdentity(settings, deviceOf(serial));
    const before = await counts();
    const refused = await obtainAcmeIdentity(settings, deviceOf(serial)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AcmeClientError);
    expect((refused as AcmeClientError).problemType).toBe('urn:ietf:params:acme:error:rejectedIdentifier');
    // The refused client opened an account (a key of its own): that is all it left.
    expect(await counts()).toEqual({ ...before, accounts: before.accounts + 1 });
  });

  it('refuses an attestation of another device (its serial) with badAttestationStatement, saving nothing', async () => {
    const { settings } = await profileFor(serials[2]!);
    const before = await counts();
    const refused = await obtainAcmeIdentity(settings, deviceOf(serials[3]!)).catch((error: unknown) => error);
    expect((refused as AcmeClientError).problemType).toBe('urn:ietf:params:acme:error:badAttestationStatement');
    expect((refused as AcmeClientError).message).toContain(`not ${serials[2]}`);
    const after = await counts();
    expect(after).toEqual({ ...before, accounts: before.accounts + 1, orders: before.orders + 1 });
  });

  it('refuses an attestation made for another challenge (wrong freshness code) with badAttestationStatement', async () => {
    const serial = serials[2]!;
    const { settings } = await profileFor(serial);
    const before = await counts();
    const refused = await obtainAcmeIdentity(
      settings,
      deviceOf(serial),
      {},
      {
        tamperAttestation: (_x5c, token) => {
          const other = h.simulator.attestDevice({
            serial,
            udid: udidOf(serials.indexOf(serial)),
            publicKey: crypto
              .generateKeyPairSync('ec', { namedCurve: 'P-384' })
              .publicKey.export({ type: 'spki', format: 'der' })
              .toString('base64'),
            freshnessCode: crypto.createHash('sha256').update(`${token}x`).digest('base64'),
          });
          return other.x5c.map((der) => new Uint8Array(Buffer.from(der, 'base64')));
        },
      },
    ).catch((error: unknown) => error);
    expect((refused as AcmeClientError).problemType).toBe('urn:ietf:params:acme:error:badAttestationStatement');
    expect((refused as AcmeClientError).message).toContain('freshness code');
    const after = await counts();
    expect({ ...after, accounts: 0, orders: 0 }).toEqual({ ...before, accounts: 0, orders: 0 });
  });

  it('refuses an attestation under an untrusted root, and one whose signature is broken, with badAttestationStatement', async () => {
    const serial = serials[3]!;
    const rogue = AttestationCertificateAuthority.create(h.clock.now());
    for (const tamper of [
      (_x5c: Uint8Array[], token: string) =>
        rogue
          .attest(
            {
              serial,
              udid: udidOf(serials.indexOf(serial)),
              publicKey: crypto
                .generateKeyPairSync('ec', { namedCurve: 'P-384' })
                .publicKey.export({ type: 'spki', format: 'der' })
                .toString('base64'),
              freshnessCode: crypto.createHash('sha256').update(token).digest('base64'),
            },
            h.clock.now(),
          )
          .x5c.map((der) => new Uint8Array(Buffer.from(der, 'base64'))),
      (x5c: Uint8Array[]) => {
        const leaf = Buffer.from(x5c[0]!);
        leaf[leaf.length - 10]! ^= 0xff;
        return [new Uint8Array(leaf), ...x5c.slice(1)];
      },
    ]) {
      const { settings } = await profileFor(serial);
      const before = await counts();
      const refused = await obtainAcmeIdentity(settings, deviceOf(serial), {}, { tamperAttestation: tamper }).catch(
        (error: unknown) => error,
      );
      expect((refused as AcmeClientError).problemType).toBe('urn:ietf:params:acme:error:badAttestationStatement');
      const after = await counts();
      expect({ ...after, accounts: 0, orders: 0 }).toEqual({ ...before, accounts: 0, orders: 0 });
    }
  });

  describe('signed requests', () => {
    const accountKey = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const { kty, crv, x, y } = crypto.createPublicKey(accountKey).export({ format: 'jwk' });
    const jwk = { kty, crv, x, y } as Record<string, string>;

    async function nonce(): Promise<string> {
      return (await fetch(`${baseUrl}/acme/new-nonce`, { method: 'HEAD' })).headers.get('replay-nonce')!;
    }
    async function post(url: string, protectedHeader: Record<string, unknown>, payload: unknown, key: crypto.KeyObject = accountKey) {
      const jws = await new FlattenedSign(new TextEncoder().encode(JSON.stringify(payload)))
        .setProtectedHeader({ alg: 'ES256', url, ...protectedHeader })
        .sign(key);
      return fetch(url, { method: 'POST', headers: { 'content-type': 'application/jose+json' }, body: JSON.stringify(jws) });
    }

    it('answers the directory and every response with a Replay-Nonce', async () => {
      const directory = await fetch(`${baseUrl}/acme/directory`);
      expect(await directory.json()).toEqual({
        newNonce: `${baseUrl}/acme/new-nonce`,
        newAccount: `${baseUrl}/acme/new-account`,
        newOrder: `${baseUrl}/acme/new-order`,
        meta: { externalAccountRequired: false },
      });
      expect(await nonce()).toMatch(/^[A-Za-z0-9_-]{22}$/);
    });

    it('refuses a replayed nonce with badNonce (problem+json, a fresh nonce to retry with), saving nothing', async () => {
      const url = `${baseUrl}/acme/new-account`;
      const used = await nonce();
      const first = await post(url, { nonce: used, jwk }, { termsOfServiceAgreed: true });
      expect(first.status).toBe(201);
      const before = await counts();
      const replay = await post(url, { nonce: used, jwk }, { termsOfServiceAgreed: true });
      expect(replay.status).toBe(400);
      expect(replay.headers.get('content-type')).toContain('application/problem+json');
      expect(((await replay.json()) as { type: string }).type).toBe('urn:ietf:params:acme:error:badNonce');
      expect(replay.headers.get('replay-nonce')).toBeTruthy();
      expect(await counts()).toEqual(before);
    });

    it('refuses a bad JWS: signed by another key (unauthorized), for another URL (unauthorized), alg none (badSignatureAlgorithm)', async () => {
      const url = `${baseUrl}/acme/new-account`;
      const before = await counts();
      const other = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
      const forged = await post(url, { nonce: await nonce(), jwk }, { termsOfServiceAgreed: true }, other);
      expect(forged.status).toBe(403);
      expect(((await forged.json()) as { type: string }).type).toBe('urn:ietf:params:acme:error:unauthorized');
      const elsewhere = await post(`${baseUrl}/acme/new-order`, { nonce: await nonce(), jwk }, {});
      expect(elsewhere.status).toBe(400);
      const misdirected = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/jose+json' },
        body: JSON.stringify(
          await new FlattenedSign(new TextEncoder().encode('{}'))
            .setProtectedHeader({ alg: 'ES256', url: `${baseUrl}/acme/new-order`, nonce: await nonce(), jwk })
            .sign(accountKey),
        ),
      });
      expect(((await misdirected.json()) as { type: string }).type).toBe('urn:ietf:params:acme:error:unauthorized');
      const header = Buffer.from(JSON.stringify({ alg: 'none', url, nonce: await nonce(), jwk })).toString('base64url');
      const unsigned = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/jose+json' },
        body: JSON.stringify({ protected: header, payload: Buffer.from('{}').toString('base64url'), signature: '' }),
      });
      expect(((await unsigned.json()) as { type: string }).type).toBe('urn:ietf:params:acme:error:badSignatureAlgorithm');
      const garbage = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/jose+json' }, body: 'not json' });
      expect(((await garbage.json()) as { type: string }).type).toBe('urn:ietf:params:acme:error:malformed');
      expect(await counts()).toEqual(before);
    });

    it("answers another account's order as unknown (404 malformed), so accounts cannot read or finalize each other's orders", async () => {
      const serial = serials[3]!;
      const { clientIdentifier } = await profileFor(serial);
      const owner = await post(`${baseUrl}/acme/new-account`, { nonce: await nonce(), jwk }, { termsOfServiceAgreed: true });
      const order = await post(
        `${baseUrl}/acme/new-order`,
        { nonce: await nonce(), kid: owner.headers.get('location') },
        {
          identifiers: [{ type: 'permanent-identifier', value: clientIdentifier }],
        },
      );
      expect(order.status).toBe(201);
      const orderUrl = order.headers.get('location')!;
      const otherKey = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
      const otherJwk = (({ kty, crv, x, y }) => ({ kty, crv, x, y }))(crypto.createPublicKey(otherKey).export({ format: 'jwk' }));
      const other = await post(
        `${baseUrl}/acme/new-account`,
        { nonce: await nonce(), jwk: otherJwk },
        { termsOfServiceAgreed: true },
        otherKey,
      );
      const peek = await fetch(orderUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/jose+json' },
        body: JSON.stringify(
          await new FlattenedSign(new Uint8Array(0))
            .setProtectedHeader({ alg: 'ES256', url: orderUrl, nonce: await nonce(), kid: other.headers.get('location')! })
            .sign(otherKey),
        ),
      });
      expect(peek.status).toBe(404);
      expect(((await peek.json()) as { type: string }).type).toBe('urn:ietf:params:acme:error:malformed');
    });

    it('refuses an order for an identifier Homeroom never issued (rejectedIdentifier) and an unknown account (accountDoesNotExist)', async () => {
      const before = await counts();
      const unknown = await post(
        `${baseUrl}/acme/new-order`,
        { nonce: await nonce(), kid: `${baseUrl}/acme/account/nobody` },
        {
          identifiers: [{ type: 'permanent-identifier', value: 'x' }],
        },
      );
      expect(((await unknown.json()) as { type: string }).type).toBe('urn:ietf:params:acme:error:accountDoesNotExist');
      const created = await post(`${baseUrl}/acme/new-account`, { nonce: await nonce(), jwk }, { termsOfServiceAgreed: true });
      const kid = created.headers.get('location')!;
      const guessed = await post(
        `${baseUrl}/acme/new-order`,
        { nonce: await nonce(), kid },
        {
          identifiers: [{ type: 'permanent-identifier', value: crypto.randomBytes(24).toString('base64url') }],
        },
      );
      expect(guessed.status).toBe(400);
      expect(((await guessed.json()) as { type: string }).type).toBe('urn:ietf:params:acme:error:rejectedIdentifier');
      expect((await counts()).orders).toBe(before.orders);
    });
  });
});
