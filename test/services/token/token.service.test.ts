import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeAll, afterAll, beforeEach, describe, expect, it } from 'vitest';
import { appleConnection } from '../../../src/apple/apple-connection.js';
import { depApiError } from '../../../src/apple/dep-errors.js';
import { generateTokenKeyPair } from '../../../src/apple/token-crypto.js';
import { AuditEvent, AuditOutcome } from '../../../src/entities/audit-event.entity.js';
import { Device } from '../../../src/entities/device.entity.js';
import { EncryptionKey } from '../../../src/entities/encryption-key.entity.js';
import { EnrollmentProfile } from '../../../src/entities/enrollment-profile.entity.js';
import { EnrollmentProgramToken } from '../../../src/entities/enrollment-program-token.entity.js';
import { MdmPushCertificate } from '../../../src/entities/mdm-push-certificate.entity.js';
import { ErrorCode } from '../../../src/errors.js';
import { createLogger } from '../../../src/logger.js';
import { ManualClock } from '../../../src/platform/clock.js';
import { createEventBus } from '../../../src/platform/events/event-bus.js';
import { Role } from '../../../src/permissions.js';
import type { RequestContext } from '../../../src/platform/request-context.js';
import { SecretBox } from '../../../src/platform/secret-box.js';
import { Services } from '../../../src/services/services.js';
import { TokenStatus, TokenType } from '../../../src/entities/enrollment-program-token.entity.js';
import { startAppleSimulator, type RunningAppleSimulator } from '../../../src/simulator/apple/index.js';
import { homeroomErrorOf } from '../../support/assertions.js';
import { emptyFoundationTables, openTestDatabase, type OpenTestDatabase } from '../../support/database.js';

const START = '2026-09-01T08:00:00.000Z';
const DAY_MS = 24 * 60 * 60 * 1000;

describe('TokenService', () => {
  let opened: OpenTestDatabase;
  let clock: ManualClock;
  let secretBox: SecretBox;
  let simulator: RunningAppleSimulator;
  let services: Services;
  const ctx: RequestContext = {
    requestId: 'req-tokens',
    actor: { kind: 'apiKey', apiKeyId: 1, name: 'root-admin', role: Role.ADMIN },
    logger: createLogger('silent'),
  };

  beforeAll(async () => {
    opened = await openTestDatabase();
  });
  afterAll(() => opened.close());
  beforeEach(async () => {
    for (const entity of [Device, EnrollmentProfile, EnrollmentProgramToken, EncryptionKey, MdmPushCertificate]) {
      await opened.dataSource.createQueryBuilder().delete().from(entity).execute();
    }
    await emptyFoundationTables(opened.dataSource);
    clock = new ManualClock(START);
    secretBox = new SecretBox(randomBytes(32));
    simulator = await startAppleSimulator({ port: 0, clock, devices: 20 });
    services = new Services({
      database: opened.database,
      clock,
      events: createEventBus(),
      secretBox,
      apple: appleConnection(simulator.url, 'homeroom-test/1', { clock }),
      publicUrl: () => 'https://homeroom.school.example',
    });
  });
  afterEach(() => simulator.close());

  const tokenRow = (id: number) => opened.dataSource.manager.findOneByOrFail(EnrollmentProgramToken, { id });
  const audit = (action: string) => opened.dataSource.manager.find(AuditEvent, { where: { action }, order: { id: 'ASC' } });
  const credentialsOf = (row: EnrollmentProgramToken) =>
    JSON.parse(secretBox.openText(row.sealedCredentials, `token:${row.serverUuid}:credentials`)) as Record<string, string>;

  /** An MDM server on the portal made for a fresh public key, and its token file. */
  async function newServer(serverName: string) {
    const { key } = await services.tokens.generateEncryptionPublicKey(ctx);
    const { server, token } = simulator.portal.createServer({ name: serverName, publicKeyPem: key.certificatePem });
    return { server, file: token.content, key };
  }

  /** The whole admin path: push certificate, public key, portal server, upload. */
  async function uploaded(name = 'Main campus', serverName = `${name} MDM`) {
    await services.pushCertificates.ensureSimulated(ctx);
    const { server, file } = await newServer(serverName);
    const token = await services.tokens.upload(ctx, { name, appleId: 'it-admin@school.example', tokenFile: file });
    // The upload started the token's first device sync; let it end so its Apple calls stay out of the test's counts.
    await services.sync.idle();
    return { token: (await services.tokens.findById(token.id))!, server, serverName };
  }

  describe('encryption public key', () => {
    it('generates a certificate to upload in ASM, kept as the pending key, valid 30 days, and audited', async () => {
      expect(await services.tokens.pendingEncryptionKey()).toBeNull();
      const { key, replacedPrevious } = await services.tokens.generateEncryptionPublicKey(ctx);
      expect(replacedPrevious).toBe(false);
      expect(key.certificatePem).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
      expect(key.sealedPrivateKey).not.toContain('PRIVATE KEY');
      expect(key.expiresAt.getTime() - clock.now().getTime()).toBe(30 * DAY_MS);
      expect(await services.tokens.pendingEncryptionKey()).toMatchObject({ id: key.id, certificatePem: key.certificatePem });
      expect(await audit('generateEncryptionPublicKey')).toEqual([expect.objectContaining({ outcome: AuditOutcome.SUCCEEDED })]);
    });

    it('replaces the pending key when asked again, and says so', async () => {
      const first = await services.tokens.generateEncryptionPublicKey(ctx);
      const second = await services.tokens.generateEncryptionPublicKey(ctx, { commonName: 'Homeroom (North district)' });
      expect(second.replacedPrevious).toBe(true);
      expect(second.key.certificatePem).not.toBe(first.key.certificatePem);
      expect(await opened.dataSource.manager.find(EncryptionKey)).toEqual([expect.objectContaining({ id: second.key.id })]);
      expect(await services.tokens.findEncryptionKeyById(first.key.id)).toBeNull();
    });

    it('refuses a common name that is too long with BAD_USER_INPUT', async () => {
      const error = await homeroomErrorOf(services.tokens.generateEncryptionPublicKey(ctx, { commonName: 'x'.repeat(65) }));
      expect(error).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, details: { field: 'commonName' } });
    });
  });

  describe('upload', () => {
    it('stores the token with what Apple says about the server and organisation, one year of validity, ACTIVE', async () => {
      const { token, server } = await uploaded('Main campus', 'Homeroom Main');
      expect(token).toMatchObject({
        name: 'Main campus',
        appleId: 'it-admin@school.example',
        tokenType: TokenType.APPLE_SCHOOL_MANAGER,
        organizationName: simulator.portal.organization().org_name,
        serverName: 'Homeroom Main',
        serverUuid: server.server_uuid,
        accessTokenExpiry: new Date('2027-09-01T08:00:00.000Z'),
        sharedWithSchoolDataSync: false,
        createdAt: clock.now(),
      });
      expect(services.tokens.statusOf(await tokenRow(token.id))).toEqual({
        status: TokenStatus.ACTIVE,
        reason: 'Apple accepts the token; it expires on 2027-09-01T08:00:00.000Z.',
      });
      // The key pair moved onto the token, and the session Apple issued was kept.
      expect(await services.tokens.pendingEncryptionKey()).toBeNull();
      expect((await tokenRow(token.id)).sealedSession).toEqual(expect.any(String));
      expect(await audit('uploadToken')).toEqual([
        expect.objectContaining({
          outcome: AuditOutcome.SUCCEEDED,
          details: expect.objectContaining({ name: 'Main campus', serverUuid: server.server_uuid }),
        }),
      ]);
    });

    it('keeps no OAuth secret or private key in clear anywhere in the database', async () => {
      const { token } = await uploaded();
      const row = await tokenRow(token.id);
      const credentials = credentialsOf(row);
      const privateKeyBody = secretBox.openText(row.sealedPrivateKey, `token:${row.serverUuid}:private-key`).split('\n')[1]!;
      const secrets = [credentials['consumerSecret']!, credentials['accessSecret']!, credentials['accessToken']!, privateKeyBody];
      expect(secrets.every((s) => s.length >= 40)).toBe(true);
      const dump: string[] = [];
      for (const table of ['mdm_push_certificate', 'encryption_key', 'enrollment_program_token', 'audit_event']) {
        dump.push(JSON.stringify(await opened.dataSource.query(`SELECT * FROM ${table}`)));
      }
      const pushKey = (await opened.dataSource.manager.find(MdmPushCertificate))[0]!;
      expect(dump.join('\n')).toContain(pushKey.topic);
      for (const secret of secrets) expect(dump.join('\n')).not.toContain(secret);
      if (opened.testDb.config.type === 'sqlite') {
        const file = opened.testDb.config.path;
        const bytes = [file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f).toString('latin1'));
        expect(bytes.join('')).toContain(row.serverUuid);
        for (const secret of secrets) expect(bytes.join('')).not.toContain(secret);
      }
    });

    it('refuses any upload before the push certificate with MDM_PUSH_CERTIFICATE_REQUIRED, before checking the input', async () => {
      const error = await homeroomErrorOf(services.tokens.upload(ctx, { name: '', appleId: 'nobody', tokenFile: '' }));
      expect(error.code).toBe(ErrorCode.MDM_PUSH_CERTIFICATE_REQUIRED);
      expect(await audit('uploadToken')).toEqual([
        expect.objectContaining({ outcome: AuditOutcome.FAILED, errorCode: ErrorCode.MDM_PUSH_CERTIFICATE_REQUIRED }),
      ]);
    });

    it.each([
      ['name', { name: '  ', appleId: 'a@school.example', tokenFile: 'x' }],
      ['name', { name: 'n'.repeat(101), appleId: 'a@school.example', tokenFile: 'x' }],
      ['appleId', { name: 'Main', appleId: 'not an address', tokenFile: 'x' }],
      ['tokenFile', { name: 'Main', appleId: 'a@school.example', tokenFile: '  ' }],
      ['tokenFile', { name: 'Main', appleId: 'a@school.example', tokenFile: 'x'.repeat(256 * 1024 + 1) }],
    ])('refuses a bad %s with BAD_USER_INPUT naming it', async (field, input) => {
      await services.pushCertificates.ensureSimulated(ctx);
      await services.tokens.generateEncryptionPublicKey(ctx);
      const error = await homeroomErrorOf(services.tokens.upload(ctx, input));
      expect(error).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, details: { field } });
    });

    it('refuses an upload without a pending public key with ENCRYPTION_KEY_REQUIRED', async () => {
      await services.pushCertificates.ensureSimulated(ctx);
      const keyPair = generateTokenKeyPair({ now: clock.now() });
      const { token: file } = simulator.portal.createServer({ name: 'Elsewhere', publicKeyPem: keyPair.certificatePem });
      const error = await homeroomErrorOf(
        services.tokens.upload(ctx, { name: 'Main', appleId: 'a@school.example', tokenFile: file.content }),
      );
      expect(error.code).toBe(ErrorCode.ENCRYPTION_KEY_REQUIRED);
    });

    it('refuses garbage with TOKEN_UNREADABLE and a token for another key with TOKEN_WRONG_KEY, keeping the pending key', async () => {
      await services.pushCertificates.ensureSimulated(ctx);
      const { key } = await services.tokens.generateEncryptionPublicKey(ctx);
      const garbage = await homeroomErrorOf(
        services.tokens.upload(ctx, { name: 'Main', appleId: 'a@school.example', tokenFile: 'this is not a token' }),
      );
      expect(garbage.code).toBe(ErrorCode.TOKEN_UNREADABLE);
      const other = generateTokenKeyPair({ now: clock.now() });
      const { token: file } = simulator.portal.createServer({ name: 'For another MDM', publicKeyPem: other.certificatePem });
      const wrongKey = await homeroomErrorOf(
        services.tokens.upload(ctx, { name: 'Main', appleId: 'a@school.example', tokenFile: file.content }),
      );
      expect(wrongKey.code).toBe(ErrorCode.TOKEN_WRONG_KEY);
      expect(await opened.dataSource.manager.count(EnrollmentProgramToken)).toBe(0);
      expect(await services.tokens.pendingEncryptionKey()).toMatchObject({ id: key.id });
      expect((await audit('uploadToken')).map((e) => e.errorCode)).toEqual([ErrorCode.TOKEN_UNREADABLE, ErrorCode.TOKEN_WRONG_KEY]);
    });

    it('answers ALREADY_EXISTS naming renewToken and the existing token when the same .p7m is uploaded twice, changing nothing', async () => {
      await services.pushCertificates.ensureSimulated(ctx);
      const { file } = await newServer('Twice MDM');
      const token = await services.tokens.upload(ctx, { name: 'Twice', appleId: 'a@school.example', tokenFile: file });
      await services.sync.idle();
      const row = await tokenRow(token.id);
      const accountCalls = () => simulator.stats()['GET /account'] ?? 0;
      const callsBefore = accountCalls();

      // No key pending (the first upload used it), and again with a key pending for another server.
      for (const pendingKey of [false, true]) {
        const key = pendingKey ? (await services.tokens.generateEncryptionPublicKey(ctx)).key : null;
        const error = await homeroomErrorOf(
          services.tokens.upload(ctx, { name: 'Twice again', appleId: 'a@school.example', tokenFile: file }),
        );
        expect(error).toMatchObject({
          code: ErrorCode.ALREADY_EXISTS,
          details: {
            field: 'tokenFile',
            tokenId: token.id,
            existingTokenName: 'Twice',
            serverUuid: row.serverUuid,
            mutation: 'renewToken',
          },
        });
        expect(error.message).toContain('renewToken');
        expect(error.message).not.toContain('generateEncryptionPublicKey');
        expect(await services.tokens.pendingEncryptionKey()).toEqual(key);
      }
      expect(accountCalls()).toBe(callsBefore);
      expect(await opened.dataSource.manager.count(EnrollmentProgramToken)).toBe(1);
      expect(await tokenRow(token.id)).toEqual(row);
    });

    it('accepts the token as base64 of its DER bytes', async () => {
      await services.pushCertificates.ensureSimulated(ctx);
      const { file } = await newServer('DER upload');
      const base64 = file.slice(file.indexOf('\r\n\r\n') + 4).replace(/\s+/g, '');
      const token = await services.tokens.upload(ctx, { name: 'DER', appleId: 'a@school.example', tokenFile: base64 });
      expect(token.serverName).toBe('DER upload');
    });

    it('refuses a second token of the same MDM server with ALREADY_EXISTS (renew it instead), and a taken name before asking Apple', async () => {
      const { serverName, token } = await uploaded('Main');
      const { key } = await services.tokens.generateEncryptionPublicKey(ctx);
      const again = simulator.portal.downloadToken(serverName, { publicKeyPem: key.certificatePem });
      const sameServer = await homeroomErrorOf(
        services.tokens.upload(ctx, { name: 'Copy', appleId: 'a@school.example', tokenFile: again.content }),
      );
      expect(sameServer).toMatchObject({ code: ErrorCode.ALREADY_EXISTS, details: { field: 'tokenFile', existingTokenName: 'Main' } });
      expect(sameServer.message).toContain('renewToken');
      const sessionsBefore = simulator.stats()['GET /session'] ?? 0;
      const nameTaken = await homeroomErrorOf(
        services.tokens.upload(ctx, { name: 'Main', appleId: 'a@school.example', tokenFile: again.content }),
      );
      expect(nameTaken).toMatchObject({ code: ErrorCode.ALREADY_EXISTS, details: { field: 'name' } });
      expect(simulator.stats()['GET /session'] ?? 0).toBe(sessionsBefore);
      expect(await opened.dataSource.manager.count(EnrollmentProgramToken)).toBe(1);
      expect((await tokenRow(token.id)).sealedCredentials).toBe(token.sealedCredentials);
    });

    it('stores nothing when Apple refuses: terms not accepted -> APPLE_TERMS_NOT_ACCEPTED', async () => {
      await services.pushCertificates.ensureSimulated(ctx);
      const { file, key } = await newServer('Terms pending');
      simulator.portal.requireTermsAcceptance();
      const error = await homeroomErrorOf(services.tokens.upload(ctx, { name: 'Main', appleId: 'a@school.example', tokenFile: file }));
      expect(error).toMatchObject({ code: ErrorCode.APPLE_TERMS_NOT_ACCEPTED, details: { appleCode: 'T_C_NOT_SIGNED' } });
      expect(await opened.dataSource.manager.count(EnrollmentProgramToken)).toBe(0);
      expect(await services.tokens.pendingEncryptionKey()).toMatchObject({ id: key.id });
    });
  });

  describe('callApple and status', () => {
    it('reuses the saved session, and saves the new one after Apple drops it', async () => {
      const { token } = await uploaded();
      const signIns = () => simulator.stats()['GET /session'] ?? 0;
      const before = signIns();
      const account = await services.appleSessions.callApple(token.id, (client) => client.account());
      expect(account.server_uuid).toBe(token.serverUuid);
      expect(signIns()).toBe(before);
      simulator.expireSessions();
      await services.appleSessions.callApple(token.id, (client) => client.account());
      expect(signIns()).toBe(before + 1);
      const saved = (await tokenRow(token.id)).sealedSession;
      expect(saved).not.toBe(token.sealedSession);
      await services.appleSessions.callApple(token.id, (client) => client.account());
      expect(signIns()).toBe(before + 1);
      expect((await tokenRow(token.id)).sealedSession).toBe(saved);
    });

    it('answers NOT_FOUND for an unknown token', async () => {
      const error = await homeroomErrorOf(services.appleSessions.callApple(999_999, (client) => client.account()));
      expect(error.code).toBe(ErrorCode.NOT_FOUND);
    });

    it('records TERMS_NOT_ACCEPTED when Apple wants the terms accepted, and ACTIVE again once they are', async () => {
      const { token } = await uploaded();
      simulator.portal.requireTermsAcceptance();
      simulator.expireSessions();
      const error = await homeroomErrorOf(services.appleSessions.callApple(token.id, (client) => client.account()));
      expect(error.code).toBe(ErrorCode.APPLE_TERMS_NOT_ACCEPTED);
      const refused = await tokenRow(token.id);
      expect(services.tokens.statusOf(refused)).toMatchObject({ status: TokenStatus.TERMS_NOT_ACCEPTED, reason: error.message });
      clock.advance(60_000);
      const refreshed = await services.tokens.refreshStatus(ctx, token.id);
      expect(services.tokens.statusOf(refreshed).status).toBe(TokenStatus.TERMS_NOT_ACCEPTED);
      expect(refreshed.statusCheckedAt).toEqual(clock.now());
      simulator.portal.acceptTerms();
      expect(services.tokens.statusOf(await services.tokens.refreshStatus(ctx, token.id)).status).toBe(TokenStatus.ACTIVE);
      expect((await audit('refreshTokenStatus')).map((e) => e.details?.['status'])).toEqual(['TERMS_NOT_ACCEPTED', 'ACTIVE']);
    });

    it('records REJECTED when the token was replaced by a newer download, and a renewal with that download makes it ACTIVE', async () => {
      const { token, serverName } = await uploaded();
      const newer = simulator.portal.downloadToken(serverName);
      const refreshed = await services.tokens.refreshStatus(ctx, token.id);
      const status = services.tokens.statusOf(refreshed);
      expect(status.status).toBe(TokenStatus.REJECTED);
      expect(status.reason).toContain('download a new token');
      expect(status.reason).toContain('renewToken');
      expect(status.reason).not.toContain('uploadToken');
      expect(refreshed.sealedSession).toBeNull();
      expect(refreshed).toMatchObject({
        lastAppleErrorCode: ErrorCode.APPLE_TOKEN_REJECTED,
        lastAppleErrorAppleCode: 'token_rejected',
        lastAppleErrorEndpoint: 'GET /session',
        lastAppleErrorAt: clock.now(),
      });
      const renewed = await services.tokens.renew(ctx, { tokenId: token.id, tokenFile: newer.content });
      expect(services.tokens.statusOf(renewed.token).status).toBe(TokenStatus.ACTIVE);
      expect(await tokenRow(token.id)).toMatchObject({ lastAppleErrorCode: null, lastAppleErrorAt: null });
      await services.appleSessions.callApple(token.id, (client) => client.account());
    });

    it('keeps a token ACTIVE after a 403 ACCESS_DENIED on a data call (APPLE_REQUEST_REJECTED), recording it as the last Apple error until a call succeeds', async () => {
      const { token } = await uploaded();
      simulator.faults.add({ kind: 'http', status: 403, endpoint: 'GET /account' });
      clock.advance(60_000);
      const error = await homeroomErrorOf(services.appleSessions.callApple(token.id, (client) => client.account()));
      expect(error).toMatchObject({
        code: ErrorCode.APPLE_REQUEST_REJECTED,
        details: { appleCode: 'ACCESS_DENIED', endpoint: 'GET /account' },
      });
      expect(error.message).not.toMatch(/new token|download|uploadToken/i);
      const denied = await tokenRow(token.id);
      expect(denied).toMatchObject({
        status: TokenStatus.ACTIVE,
        statusReason: null,
        sealedSession: token.sealedSession,
        lastAppleErrorCode: ErrorCode.APPLE_REQUEST_REJECTED,
        lastAppleErrorAppleCode: 'ACCESS_DENIED',
        lastAppleErrorMessage: error.message,
        lastAppleErrorEndpoint: 'GET /account',
        lastAppleErrorAt: clock.now(),
      });
      expect(services.tokens.statusOf(denied).status).toBe(TokenStatus.ACTIVE);

      await services.appleSessions.callApple(token.id, (client) => client.account());
      expect(await tokenRow(token.id)).toMatchObject({
        lastAppleErrorCode: null,
        lastAppleErrorAppleCode: null,
        lastAppleErrorMessage: null,
        lastAppleErrorEndpoint: null,
        lastAppleErrorAt: null,
      });
    });

    it('says EXPIRING_SOON within 30 days of the expiry and EXPIRED after it, on the clock, whatever Apple said last', async () => {
      const { token } = await uploaded();
      clock.set('2027-08-02T07:59:59.999Z');
      expect(services.tokens.statusOf(await tokenRow(token.id)).status).toBe(TokenStatus.ACTIVE);
      clock.set('2027-08-02T08:00:00.000Z');
      const soon = services.tokens.statusOf(await tokenRow(token.id));
      expect(soon).toMatchObject({ status: TokenStatus.EXPIRING_SOON });
      expect(soon.reason).toContain('(in 30 days)');
      clock.set('2027-09-01T08:00:00.000Z');
      const refreshed = await services.tokens.refreshStatus(ctx, token.id);
      expect(services.tokens.statusOf(refreshed)).toMatchObject({ status: TokenStatus.EXPIRED });
      expect(refreshed.status).toBe(TokenStatus.REJECTED);
    });

    it("does not let a call's verdict overwrite a renewal that landed while it ran", async () => {
      const { token, serverName } = await uploaded();
      const newer = simulator.portal.downloadToken(serverName);
      const error = await homeroomErrorOf(
        services.appleSessions.callApple(token.id, async () => {
          await services.tokens.renew(ctx, { tokenId: token.id, tokenFile: newer.content });
          throw depApiError({ status: 401, appleCode: 'token_rejected', session: true, endpoint: 'GET /session', attempts: 1 });
        }),
      );
      expect(error.code).toBe(ErrorCode.APPLE_TOKEN_REJECTED);
      expect(services.tokens.statusOf(await tokenRow(token.id)).status).toBe(TokenStatus.ACTIVE);
    });
  });

  describe('renew', () => {
    it('takes a new download for the same MDM server: new credentials and expiry, same profiles and devices', async () => {
      const { token, serverName } = await uploaded();
      clock.advance(300 * DAY_MS);
      const newer = simulator.portal.downloadToken(serverName);
      const renewed = await services.tokens.renew(ctx, {
        tokenId: token.id,
        appleId: 'new-admin@school.example',
        tokenFile: newer.content,
      });
      expect(renewed).toMatchObject({ serverChanged: false, adoptedPendingKey: false });
      expect(renewed.token).toMatchObject({
        id: token.id,
        appleId: 'new-admin@school.example',
        serverUuid: token.serverUuid,
        // One calendar year after the download (a leap day falls in it).
        accessTokenExpiry: new Date('2028-06-28T08:00:00.000Z'),
        updatedAt: clock.now(),
      });
      expect(credentialsOf(await tokenRow(token.id))['accessToken']).not.toBe(credentialsOf(token)['accessToken']);
      expect(services.tokens.statusOf(await tokenRow(token.id)).status).toBe(TokenStatus.ACTIVE);
      expect(await audit('renewToken')).toEqual([
        expect.objectContaining({ outcome: AuditOutcome.SUCCEEDED, details: expect.objectContaining({ serverChanged: false }) }),
      ]);
    });

    it("refuses another server's token with TOKEN_SERVER_MISMATCH and leaves the token unchanged; force switches servers", async () => {
      const { token } = await uploaded('Main', 'Main MDM');
      const { token: otherFile, server: otherServer } = simulator.portal.createServer({
        name: 'Other MDM',
        publicKeyPem: token.certificatePem,
      });
      const before = await tokenRow(token.id);
      const error = await homeroomErrorOf(services.tokens.renew(ctx, { tokenId: token.id, tokenFile: otherFile.content }));
      expect(error).toMatchObject({
        code: ErrorCode.TOKEN_SERVER_MISMATCH,
        details: { expectedServerUuid: token.serverUuid, actualServerUuid: otherServer.server_uuid },
      });
      expect(await tokenRow(token.id)).toEqual(before);
      const forced = await services.tokens.renew(ctx, { tokenId: token.id, tokenFile: otherFile.content, force: true });
      expect(forced).toMatchObject({ serverChanged: true });
      expect(forced.token).toMatchObject({ serverUuid: otherServer.server_uuid, serverName: 'Other MDM', name: 'Main' });
      expect((await services.appleSessions.callApple(token.id, (client) => client.account())).server_name).toBe('Other MDM');
    });

    it('decrypts with the pending key when the new download was made for it, and the token keeps that key', async () => {
      const { token, serverName } = await uploaded();
      const { key } = await services.tokens.generateEncryptionPublicKey(ctx);
      const newer = simulator.portal.downloadToken(serverName, { publicKeyPem: key.certificatePem });
      const renewed = await services.tokens.renew(ctx, { tokenId: token.id, tokenFile: newer.content });
      expect(renewed).toMatchObject({ adoptedPendingKey: true, token: { certificatePem: key.certificatePem } });
      expect(await services.tokens.pendingEncryptionKey()).toBeNull();
      // The next renewal decrypts with the adopted key, from the token itself.
      const next = simulator.portal.downloadToken(serverName);
      expect(await services.tokens.renew(ctx, { tokenId: token.id, tokenFile: next.content })).toMatchObject({ adoptedPendingKey: false });
    });

    it('refuses garbage (TOKEN_UNREADABLE) and a token for an unknown key (TOKEN_WRONG_KEY), leaving the token unchanged', async () => {
      const { token, serverName } = await uploaded();
      await services.tokens.generateEncryptionPublicKey(ctx);
      const before = await tokenRow(token.id);
      const garbage = await homeroomErrorOf(services.tokens.renew(ctx, { tokenId: token.id, tokenFile: 'MIIB garbage' }));
      expect(garbage.code).toBe(ErrorCode.TOKEN_UNREADABLE);
      const stranger = generateTokenKeyPair({ now: clock.now() });
      const foreign = simulator.portal.downloadToken(serverName, { publicKeyPem: stranger.certificatePem });
      const wrongKey = await homeroomErrorOf(services.tokens.renew(ctx, { tokenId: token.id, tokenFile: foreign.content }));
      expect(wrongKey.code).toBe(ErrorCode.TOKEN_WRONG_KEY);
      expect(await tokenRow(token.id)).toEqual(before);
      expect((await audit('renewToken')).map((e) => e.errorCode)).toEqual([ErrorCode.TOKEN_UNREADABLE, ErrorCode.TOKEN_WRONG_KEY]);
    });

    it('answers NOT_FOUND for an unknown token', async () => {
      const error = await homeroomErrorOf(services.tokens.renew(ctx, { tokenId: 424242, tokenFile: 'x' }));
      expect(error.code).toBe(ErrorCode.NOT_FOUND);
    });
  });

  describe('update, delete, School Data Sync, list', () => {
    it('renames a token and changes its Apple ID; a taken name is ALREADY_EXISTS', async () => {
      const { token } = await uploaded('Main');
      const { token: second } = await uploaded('Second');
      clock.advance(1000);
      const updated = await services.tokens.update(ctx, { tokenId: token.id, name: '  North campus ', appleId: 'north@school.example' });
      expect(updated).toMatchObject({ name: 'North campus', appleId: 'north@school.example', updatedAt: clock.now() });
      expect(await services.tokens.update(ctx, { tokenId: token.id })).toMatchObject({ name: 'North campus' });
      const taken = await homeroomErrorOf(services.tokens.update(ctx, { tokenId: token.id, name: second.name }));
      expect(taken).toMatchObject({ code: ErrorCode.ALREADY_EXISTS, details: { field: 'name' } });
      const badAppleId = await homeroomErrorOf(services.tokens.update(ctx, { tokenId: token.id, appleId: 'north' }));
      expect(badAppleId).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, details: { field: 'appleId' } });
      expect((await audit('updateToken')).map((e) => e.outcome)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'FAILED', 'FAILED']);
    });

    it('refuses to delete a token with profiles or assigned devices (TOKEN_IN_USE says how many), then deletes it with its removed devices', async () => {
      const { token } = await uploaded();
      const now = clock.now();
      const manager = opened.dataSource.manager;
      const profile = await manager.save(
        Object.assign(new EnrollmentProfile(), {
          tokenId: token.id,
          name: 'Classroom',
          enrollmentKey: 'k'.repeat(22),
          description: null,
          userAffinity: 'WITHOUT_USER_AFFINITY',
          supervised: true,
          lockedEnrollment: false,
          sharedIPad: false,
          maximumCachedUsers: null,
          pairing: 'DENY_ALL',
          configuratorCertificates: [],
          awaitDeviceConfigured: false,
          departmentName: null,
          departmentPhone: null,
          skippedPanes: [],
          appleProfileUuid: 'A'.repeat(32),
          appleDefinedAt: now,
          createdAt: now,
          updatedAt: now,
        }),
      );
      const device = (serialNumber: string, removedAt: Date | null) =>
        Object.assign(new Device(), {
          tokenId: token.id,
          serialNumber,
          profileStatus: 'empty',
          firstSeenAt: now,
          lastSeenAt: now,
          removedAt,
        });
      await manager.save([device('DMPAAAA00001', null), device('DMPAAAA00002', null), device('DMPAAAA00003', now)]);

      const inUse = await homeroomErrorOf(services.tokens.delete(ctx, token.id));
      expect(inUse).toMatchObject({ code: ErrorCode.TOKEN_IN_USE, details: { profiles: 1, devices: 2 } });
      expect(inUse.message).toContain('1 enrollment profile and 2 devices');
      await manager.delete(EnrollmentProfile, { id: profile.id });
      await manager.update(Device, { tokenId: token.id }, { removedAt: now });
      expect(await services.tokens.delete(ctx, token.id)).toBe(token.id);
      expect(await services.tokens.findById(token.id)).toBeNull();
      expect(await manager.count(Device)).toBe(0);
      expect((await audit('deleteToken')).map((e) => [e.outcome, e.errorCode])).toEqual([
        ['FAILED', 'TOKEN_IN_USE'],
        ['SUCCEEDED', null],
      ]);
    });

    it('shares at most one token with School Data Sync: SDS_ALREADY_SHARED names the other', async () => {
      const { token: a } = await uploaded('A');
      const { token: b } = await uploaded('B');
      expect(await services.tokens.shareWithSchoolDataSync(ctx, { tokenId: a.id, shared: true })).toMatchObject({
        sharedWithSchoolDataSync: true,
      });
      expect(await services.tokens.shareWithSchoolDataSync(ctx, { tokenId: a.id, shared: true })).toMatchObject({
        sharedWithSchoolDataSync: true,
      });
      const error = await homeroomErrorOf(services.tokens.shareWithSchoolDataSync(ctx, { tokenId: b.id, shared: true }));
      expect(error).toMatchObject({ code: ErrorCode.SDS_ALREADY_SHARED, details: { tokenId: a.id, tokenName: 'A' } });
      await services.tokens.shareWithSchoolDataSync(ctx, { tokenId: a.id, shared: false });
      expect(await services.tokens.shareWithSchoolDataSync(ctx, { tokenId: b.id, shared: true })).toMatchObject({
        sharedWithSchoolDataSync: true,
      });
      expect((await tokenRow(a.id)).sharedWithSchoolDataSync).toBe(false);
    });

    it('lists tokens by name, paging forward and backward', async () => {
      for (const name of ['Charlie', 'Alpha', 'Bravo']) await uploaded(name);
      const first = await services.tokens.list({ first: 2 });
      expect(first.edges.map((e) => e.node.name)).toEqual(['Alpha', 'Bravo']);
      expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      const rest = await services.tokens.list({ first: 2, after: first.pageInfo.endCursor });
      expect(rest.edges.map((e) => e.node.name)).toEqual(['Charlie']);
      expect(rest.pageInfo.hasNextPage).toBe(false);
      const back = await services.tokens.list({ last: 2, before: rest.pageInfo.startCursor });
      expect(back.edges.map((e) => e.node.name)).toEqual(['Alpha', 'Bravo']);
      expect(await first.totalCount()).toBe(3);
      const bad = await homeroomErrorOf(services.tokens.list({ after: 'not-a-cursor' }));
      expect(bad).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, details: { field: 'after' } });
    });
  });
});
