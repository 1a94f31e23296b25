import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTokenKeyPair } from '../../src/apple/token-crypto.js';
import { EnrollmentProfile } from '../../src/entities/enrollment-profile.entity.js';
import { EnrollmentProgramToken } from '../../src/entities/enrollment-program-token.entity.js';
import { MdmPushCertificate } from '../../src/entities/mdm-push-certificate.entity.js';
import { integerKeyOf } from '../../src/global-id.js';
import { ManualClock } from '../../src/platform/clock.js';
import { Role } from '../../src/permissions.js';
import type { RunningAppleSimulator } from '../../src/simulator/apple/index.js';
import {
  AuditEventsDocument,
  DeleteTokenDocument,
  EncryptionPublicKeyDocument,
  EnrollmentProgramTokensDocument,
  GenerateEncryptionPublicKeyDocument,
  MdmPushCertificateDocument,
  RefreshTokenStatusDocument,
  RenewTokenDocument,
  ShareTokenWithSchoolDataSyncDocument,
  TokenNodeDocument,
  UpdateTokenDocument,
  UploadMdmPushCertificateDocument,
  UploadTokenDocument,
} from '../generated/operations.js';
import { pushCertificate } from '../support/push-certificate.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * The token path as a frontend drives it, over HTTP against the embedded Apple simulator. The
 * tests share one server and run in order: each starts from the state the previous one left.
 */
describe('enrollment program tokens over GraphQL', () => {
  const clock = new ManualClock('2026-09-01T08:00:00.000Z');
  let t: TestServer;
  let apple: RunningAppleSimulator;
  let tokenId: string;
  /** The `.p7m` the first test uploaded. */
  let firstFile: string;
  const SERVER = 'Homeroom Main';

  beforeAll(async () => {
    t = await startTestServer({ clock });
    apple = t.server.apple.simulator!;
  });
  afterAll(() => t.close());

  const codeOf = (res: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.['code'];
  const tokens = async (key?: string) =>
    (await t.request(EnrollmentProgramTokensDocument, { first: 100 }, key)).data!.enrollmentProgramTokens;
  const auditOf = async (action: string) =>
    (await t.request(AuditEventsDocument, { first: 100, filter: { action } })).data!.auditEvents.edges.map((e) => e.node);
  /** A fresh public key from Homeroom, and an MDM server made for it on the portal. */
  async function serverFor(name: string) {
    const key = (await t.request(GenerateEncryptionPublicKeyDocument, {})).data!.generateEncryptionPublicKey.encryptionPublicKey;
    return apple.portal.createServer({ name, publicKeyPem: key.certificate });
  }

  it('shows the simulated push certificate the embedded demo generated, and says it is simulated', async () => {
    const certificate = (await t.request(MdmPushCertificateDocument, {}, t.keys[Role.READ_ONLY])).data!.mdmPushCertificate;
    expect(certificate).toMatchObject({ simulated: true, status: 'ACTIVE', expiresAt: '2027-09-01T08:00:00.000Z' });
    expect(certificate!.topic).toMatch(/^com\.apple\.mgmt\.External\./);
    expect(certificate!.subject).toMatch(/^APSP:.* \(simulated\)$/);
  });

  it('refuses a token upload with MDM_PUSH_CERTIFICATE_REQUIRED while there is no push certificate', async () => {
    await t.server.dataSource.manager.clear(MdmPushCertificate);
    expect((await t.request(MdmPushCertificateDocument, {})).data?.mdmPushCertificate).toBeNull();
    const res = await t.request(UploadTokenDocument, { input: { name: 'Main', appleId: 'it@school.example', tokenFile: 'x' } });
    expect(codeOf(res)).toBe('MDM_PUSH_CERTIFICATE_REQUIRED');
  });

  it('uploads the push certificate as ADMIN (READ_ONLY gets FORBIDDEN) and shows its topic, expiry and status to every role', async () => {
    const upload = pushCertificate({ notAfter: new Date('2027-08-01T00:00:00Z') });
    const input = { certificate: upload.certificate, privateKey: upload.privateKey };
    expect(codeOf(await t.request(UploadMdmPushCertificateDocument, { input }, t.keys[Role.READ_ONLY]))).toBe('FORBIDDEN');
    const bad = await t.request(UploadMdmPushCertificateDocument, {
      input: { ...input, privateKey: pushCertificate({ freshKey: true }).privateKey },
    });
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'MDM_PUSH_CERTIFICATE_INVALID',
      field: 'privateKey',
      reason: 'key-mismatch',
    });
    const res = await t.request(UploadMdmPushCertificateDocument, { input });
    expect(res.data?.uploadMdmPushCertificate).toMatchObject({
      replacedPrevious: false,
      topicChanged: false,
      mdmPushCertificate: { topic: upload.topic, expiresAt: '2027-08-01T00:00:00.000Z', status: 'ACTIVE', simulated: false },
    });
    const shown = (await t.request(MdmPushCertificateDocument, {}, t.keys[Role.READ_ONLY])).data!.mdmPushCertificate!;
    expect(shown).toMatchObject({ topic: upload.topic, status: 'ACTIVE', uploadedAt: '2026-09-01T08:00:00.000Z' });
    expect((await t.request(TokenNodeDocument, { id: shown.id })).data?.node).toMatchObject({
      __typename: 'MdmPushCertificate',
      topic: upload.topic,
    });
  });

  it('takes the whole token path: public key, portal token, upload; the token shows the org, server, a year of validity, ACTIVE', async () => {
    const generated = (await t.request(GenerateEncryptionPublicKeyDocument, {})).data!.generateEncryptionPublicKey;
    expect(generated.replacedPrevious).toBe(false);
    expect(generated.encryptionPublicKey.certificate).toMatch(/^-----BEGIN CERTIFICATE-----/);
    const pending = (await t.request(EncryptionPublicKeyDocument, {}, t.keys[Role.READ_ONLY])).data!.encryptionPublicKey;
    expect(pending).toEqual(generated.encryptionPublicKey);
    const { server, token: file } = apple.portal.createServer({ name: SERVER, publicKeyPem: pending!.certificate });

    firstFile = file.content;
    const res = await t.request(UploadTokenDocument, {
      input: { name: 'Main campus', appleId: 'it-admin@school.example', tokenFile: file.content },
    });
    expect(res.errors).toBeUndefined();
    const token = res.data!.uploadToken.token;
    tokenId = token.id;
    expect(token.lastAppleError).toBeNull();
    expect(token).toMatchObject({
      name: 'Main campus',
      appleId: 'it-admin@school.example',
      tokenType: 'APPLE_SCHOOL_MANAGER',
      organizationName: apple.portal.organization().org_name,
      serverName: SERVER,
      serverUuid: server.server_uuid,
      expiresAt: '2027-09-01T08:00:00.000Z',
      createdAt: '2026-09-01T08:00:00.000Z',
      deviceCount: 0,
      profileCount: 0,
      status: 'ACTIVE',
      statusCheckedAt: '2026-09-01T08:00:00.000Z',
      sharedWithSchoolDataSync: false,
    });
    expect(token.statusReason).toContain('2027-09-01');
    expect((await t.request(EncryptionPublicKeyDocument, {})).data!.encryptionPublicKey).toBeNull();
    expect((await tokens(t.keys[Role.READ_ONLY])).edges.map((e) => e.node.id)).toEqual([tokenId]);
    expect((await t.request(TokenNodeDocument, { id: tokenId }, t.keys[Role.OPERATOR])).data?.node).toMatchObject({
      __typename: 'EnrollmentProgramToken',
      name: 'Main campus',
      status: 'ACTIVE',
    });
    expect((await auditOf('uploadToken')).map((e) => [e.outcome, e.errorCode, e.targetIds])).toEqual([
      ['SUCCEEDED', null, [tokenId]],
      ['FAILED', 'MDM_PUSH_CERTIFICATE_REQUIRED', []],
    ]);
  });

  it('answers ALREADY_EXISTS naming renewToken and the existing token’s global ID when the same .p7m is uploaded twice, changing nothing', async () => {
    const before = (await tokens()).edges.map((e) => e.node);
    const again = await t.request(UploadTokenDocument, {
      input: { name: 'Main campus again', appleId: 'it-admin@school.example', tokenFile: firstFile },
    });
    expect(again.data ?? null).toBeNull();
    expect(again.errors?.[0]?.extensions).toMatchObject({
      code: 'ALREADY_EXISTS',
      field: 'tokenFile',
      tokenId,
      existingTokenName: 'Main campus',
      mutation: 'renewToken',
    });
    expect(again.errors?.[0]?.message).toContain('renewToken');
    expect(again.errors?.[0]?.message).toContain(tokenId);
    expect(again.errors?.[0]?.message).not.toMatch(/generateEncryptionPublicKey|uploadToken with/);
    expect((await tokens()).edges.map((e) => e.node)).toEqual(before);
    expect((await t.request(EncryptionPublicKeyDocument, {})).data!.encryptionPublicKey).toBeNull();
  });

  it('keeps no OAuth secret or private key in clear in the database file', async () => {
    const row = await t.server.dataSource.manager.findOneByOrFail(EnrollmentProgramToken, {
      id: integerKeyOf(tokenId, 'EnrollmentProgramToken')!,
    });
    const box = t.server.services.deps.secretBox;
    const credentials = JSON.parse(box.openText(row.sealedCredentials, `token:${row.serverUuid}:credentials`)) as Record<string, string>;
    const privateKeyLines = box.openText(row.sealedPrivateKey, `token:${row.serverUuid}:private-key`).split('\n').slice(1, 4);
    const secrets = [credentials['consumerSecret']!, credentials['accessSecret']!, credentials['accessToken']!, ...privateKeyLines];
    const config = t.config.database;
    const contents =
      config.type === 'sqlite'
        ? [config.path, `${config.path}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f).toString('latin1'))
        : [JSON.stringify(await t.server.dataSource.query('SELECT * FROM enrollment_program_token'))];
    const text = contents.join('');
    expect(text).toContain(row.serverUuid);
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThan(30);
      expect(text).not.toContain(secret);
    }
  });

  it('refuses garbage (TOKEN_UNREADABLE) and a token for another key (TOKEN_WRONG_KEY), leaving the stored token unchanged', async () => {
    const before = await tokens();
    await t.request(GenerateEncryptionPublicKeyDocument, {});
    const garbage = await t.request(UploadTokenDocument, {
      input: { name: 'Second', appleId: 'it@school.example', tokenFile: 'not a token' },
    });
    expect(codeOf(garbage)).toBe('TOKEN_UNREADABLE');
    const stranger = generateTokenKeyPair({ now: clock.now() });
    const foreign = apple.portal.createServer({ name: 'Someone else', publicKeyPem: stranger.certificatePem });
    const wrongKey = await t.request(UploadTokenDocument, {
      input: { name: 'Second', appleId: 'it@school.example', tokenFile: foreign.token.content },
    });
    expect(codeOf(wrongKey)).toBe('TOKEN_WRONG_KEY');
    expect(await tokens()).toEqual(before);
    expect((await auditOf('uploadToken')).filter((e) => e.outcome === 'FAILED').map((e) => e.errorCode)).toEqual(
      expect.arrayContaining(['TOKEN_UNREADABLE', 'TOKEN_WRONG_KEY']),
    );
  });

  it("refuses a renewal with another server's token with TOKEN_SERVER_MISMATCH and leaves the token unchanged", async () => {
    const before = await tokens();
    const other = await serverFor('Another MDM server');
    const res = await t.request(RenewTokenDocument, { input: { tokenId, tokenFile: other.token.content } });
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'TOKEN_SERVER_MISMATCH',
      expectedServerUuid: before.edges[0]!.node.serverUuid,
      actualServerUuid: other.server.server_uuid,
    });
    expect(await tokens()).toEqual(before);
  });

  it('renews with a new download of the same server', async () => {
    clock.advance(60 * 60 * 1000);
    const newer = apple.portal.downloadToken(SERVER);
    const res = await t.request(RenewTokenDocument, { input: { tokenId, tokenFile: newer.content } });
    expect(res.data?.renewToken).toMatchObject({
      serverChanged: false,
      adoptedPendingKey: false,
      token: { id: tokenId, status: 'ACTIVE', expiresAt: '2027-09-01T09:00:00.000Z', updatedAt: '2026-09-01T09:00:00.000Z' },
    });
  });

  it('refuses every token change from READ_ONLY and OPERATOR keys with FORBIDDEN', async () => {
    for (const key of [t.keys[Role.READ_ONLY], t.keys[Role.OPERATOR]]) {
      expect(codeOf(await t.request(GenerateEncryptionPublicKeyDocument, {}, key))).toBe('FORBIDDEN');
      expect(codeOf(await t.request(UploadTokenDocument, { input: { name: 'x', appleId: 'a@b.c', tokenFile: 'x' } }, key))).toBe(
        'FORBIDDEN',
      );
      expect(codeOf(await t.request(RenewTokenDocument, { input: { tokenId, tokenFile: 'x' } }, key))).toBe('FORBIDDEN');
      expect(codeOf(await t.request(UpdateTokenDocument, { input: { tokenId, name: 'x' } }, key))).toBe('FORBIDDEN');
      expect(codeOf(await t.request(DeleteTokenDocument, { input: { tokenId } }, key))).toBe('FORBIDDEN');
      expect(codeOf(await t.request(RefreshTokenStatusDocument, { input: { tokenId } }, key))).toBe('FORBIDDEN');
      expect(codeOf(await t.request(ShareTokenWithSchoolDataSyncDocument, { input: { tokenId, shared: true } }, key))).toBe('FORBIDDEN');
    }
    expect((await auditOf('deleteToken')).filter((e) => e.errorCode === 'FORBIDDEN')).toHaveLength(2);
  });

  it('keeps a token ACTIVE after a 403 ACCESS_DENIED on a data call, and shows it as lastAppleError until a call succeeds', async () => {
    apple.faults.add({ kind: 'http', status: 403, endpoint: 'GET /account' });
    const denied = await t.request(RefreshTokenStatusDocument, { input: { tokenId } });
    expect(denied.errors?.[0]?.extensions).toMatchObject({ code: 'APPLE_REQUEST_REJECTED', appleCode: 'ACCESS_DENIED' });
    expect(denied.errors?.[0]?.message).not.toMatch(/new token|download|uploadToken/i);
    const token = (await t.request(TokenNodeDocument, { id: tokenId }, t.keys[Role.READ_ONLY])).data?.node;
    if (token?.__typename !== 'EnrollmentProgramToken') throw new Error('not a token');
    expect(token.status).toBe('ACTIVE');
    expect(token.statusReason).not.toMatch(/download|uploadToken/);
    expect(token.lastAppleError).toEqual({
      code: 'APPLE_REQUEST_REJECTED',
      appleCode: 'ACCESS_DENIED',
      message: denied.errors?.[0]?.message,
      endpoint: 'GET /account',
      at: clock.now().toISOString(),
    });

    const refreshed = await t.request(RefreshTokenStatusDocument, { input: { tokenId } });
    expect(refreshed.data!.refreshTokenStatus.token).toMatchObject({ status: 'ACTIVE', lastAppleError: null });
  });

  it('shows TERMS_NOT_ACCEPTED when the portal wants the terms accepted, and ACTIVE once they are', async () => {
    apple.portal.requireTermsAcceptance();
    apple.expireSessions();
    const refused = await t.request(RefreshTokenStatusDocument, { input: { tokenId } });
    expect(refused.errors).toBeUndefined();
    expect(refused.data!.refreshTokenStatus.token).toMatchObject({ status: 'TERMS_NOT_ACCEPTED' });
    expect(refused.data!.refreshTokenStatus.token.statusReason).toContain('terms');
    expect((await tokens(t.keys[Role.READ_ONLY])).edges[0]!.node.status).toBe('TERMS_NOT_ACCEPTED');
    apple.portal.acceptTerms();
    expect((await t.request(RefreshTokenStatusDocument, { input: { tokenId } })).data!.refreshTokenStatus.token.status).toBe('ACTIVE');
  });

  it('shows REJECTED once the token is replaced by a new download on the portal, until that download is uploaded', async () => {
    const newer = apple.portal.downloadToken(SERVER);
    const refused = (await t.request(RefreshTokenStatusDocument, { input: { tokenId } })).data!.refreshTokenStatus.token;
    expect(refused.status).toBe('REJECTED');
    expect(refused.statusReason).toContain('new token');
    expect(refused.statusReason).toContain('renewToken');
    expect(refused.statusReason).not.toContain('uploadToken');
    expect(refused.lastAppleError).toMatchObject({ code: 'APPLE_TOKEN_REJECTED', appleCode: 'token_rejected', endpoint: 'GET /session' });
    const renewed = await t.request(RenewTokenDocument, { input: { tokenId, tokenFile: newer.content } });
    expect(renewed.data?.renewToken.token.status).toBe('ACTIVE');
  });

  it('renames a token; lists tokens by name; a second token cannot share School Data Sync while the first does', async () => {
    const renamed = await t.request(UpdateTokenDocument, { input: { tokenId, name: 'North campus' } });
    expect(renamed.data?.updateToken.token).toMatchObject({ id: tokenId, name: 'North campus', appleId: 'it-admin@school.example' });
    const second = await serverFor('Homeroom Annex');
    const uploaded = await t.request(UploadTokenDocument, {
      input: { name: 'Annex', appleId: 'annex@school.example', tokenFile: second.token.content },
    });
    const annexId = uploaded.data!.uploadToken.token.id;
    expect((await tokens()).edges.map((e) => e.node.name)).toEqual(['Annex', 'North campus']);

    const shared = await t.request(ShareTokenWithSchoolDataSyncDocument, { input: { tokenId, shared: true } });
    expect(shared.data?.shareTokenWithSchoolDataSync.token).toMatchObject({ id: tokenId, sharedWithSchoolDataSync: true });
    const refused = await t.request(ShareTokenWithSchoolDataSyncDocument, { input: { tokenId: annexId, shared: true } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'SDS_ALREADY_SHARED', tokenId, tokenName: 'North campus' });
    expect(refused.errors?.[0]?.message).toContain('North campus');
    const audited = (await auditOf('shareTokenWithSchoolDataSync')).filter((e) => e.errorCode === 'SDS_ALREADY_SHARED');
    expect(audited).toHaveLength(1);
  });

  it('refuses deleteToken with TOKEN_IN_USE while a profile is left, then deletes the token', async () => {
    const row = await t.server.dataSource.manager.findOneByOrFail(EnrollmentProgramToken, { name: 'Annex' });
    const now = clock.now();
    const profile = await t.server.dataSource.manager.save(
      Object.assign(new EnrollmentProfile(), {
        tokenId: row.id,
        name: 'Library iPads',
        enrollmentKey: 'library-ipads-key-00001',
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
        appleProfileUuid: 'B'.repeat(32),
        appleDefinedAt: now,
        createdAt: now,
        updatedAt: now,
      }),
    );
    const annexId = (await tokens()).edges.find((e) => e.node.name === 'Annex')!.node.id;
    expect((await t.request(TokenNodeDocument, { id: annexId })).data?.node).toMatchObject({ name: 'Annex' });
    const refused = await t.request(DeleteTokenDocument, { input: { tokenId: annexId } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'TOKEN_IN_USE', profiles: 1, devices: 0 });
    expect((await tokens()).edges.find((e) => e.node.id === annexId)?.node.profileCount).toBe(1);
    await t.server.dataSource.manager.delete(EnrollmentProfile, { id: profile.id });
    const deleted = await t.request(DeleteTokenDocument, { input: { tokenId: annexId } });
    expect(deleted.data?.deleteToken.deletedTokenId).toBe(annexId);
    expect((await t.request(TokenNodeDocument, { id: annexId })).data?.node).toBeNull();
    expect((await auditOf('deleteToken')).map((e) => e.outcome)).toContain('SUCCEEDED');
  });

  it('answers NOT_FOUND for an ID that is not a token', async () => {
    const res = await t.request(UpdateTokenDocument, { input: { tokenId: 'garbage', name: 'x' } });
    expect(codeOf(res)).toBe('NOT_FOUND');
  });

  it('shows EXPIRED once the clock passes the expiry, also after asking Apple', async () => {
    clock.set('2027-08-20T00:00:00.000Z');
    expect((await tokens()).edges[0]!.node.status).toBe('EXPIRING_SOON');
    clock.set('2027-09-02T00:00:00.000Z');
    expect((await tokens()).edges[0]!.node).toMatchObject({ status: 'EXPIRED' });
    const refreshed = await t.request(RefreshTokenStatusDocument, { input: { tokenId } });
    expect(refreshed.errors).toBeUndefined();
    expect(refreshed.data!.refreshTokenStatus.token.status).toBe('EXPIRED');
    expect((await t.request(MdmPushCertificateDocument, {})).data!.mdmPushCertificate!.status).toBe('EXPIRED');
  });
});
