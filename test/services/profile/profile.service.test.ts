import { randomBytes } from 'node:crypto';
import forge from 'node-forge';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appleConnection } from '../../../src/apple/apple-connection.js';
import { AuditEvent, AuditOutcome } from '../../../src/entities/audit-event.entity.js';
import { Device } from '../../../src/entities/device.entity.js';
import { EnrollmentProfile } from '../../../src/entities/enrollment-profile.entity.js';
import type { EnrollmentProgramToken } from '../../../src/entities/enrollment-program-token.entity.js';
import { ErrorCode } from '../../../src/errors.js';
import { createLogger } from '../../../src/logger.js';
import { ManualClock } from '../../../src/platform/clock.js';
import { createEventBus } from '../../../src/platform/events/event-bus.js';
import { Role } from '../../../src/permissions.js';
import { DeviceIdentityKind, PairingMode, UserAffinity } from '../../../src/entities/enrollment-profile.entity.js';
import { SETUP_ASSISTANT_PANES, SetupAssistantPane, type ProfileSettingsInput } from '../../../src/services/profile/profile-settings.js';
import type { RequestContext } from '../../../src/platform/request-context.js';
import { SecretBox } from '../../../src/platform/secret-box.js';
import { Services } from '../../../src/services/services.js';
import { startAppleSimulator, type RunningAppleSimulator } from '../../../src/simulator/apple/index.js';
import { homeroomErrorOf } from '../../support/assertions.js';
import { openTestDatabase, type OpenTestDatabase } from '../../support/database.js';
import { uploadSimulatedToken } from '../../support/tokens.js';

const PUBLIC_URL = 'https://homeroom.school.example';

/** Every key reference section 9 lists as valid on iOS/iPadOS, deprecated ones included. */
const REFERENCE_IOS_SKIP_KEYS = [
  'AppleID',
  'Diagnostics',
  'Location',
  'Passcode',
  'Restore',
  'Siri',
  'TOS',
  'Biometric',
  'Payment',
  'Zoom',
  'Android',
  'DisplayTone',
  'HomeButtonSensitivity',
  'MessagingActivationUsingPhoneNumber',
  'OnBoarding',
  'WatchMigration',
  'Privacy',
  'iMessageAndFaceTime',
  'ScreenTime',
  'SIMSetup',
  'SoftwareUpdate',
  'DeviceToDeviceMigration',
  'Appearance',
  'Keyboard',
  'SpokenLanguage',
  'Welcome',
  'RestoreCompleted',
  'UpdateCompleted',
  'AppStore',
  'Safety',
  'TermsOfAddress',
  'ActionButton',
  'EnableLockdownMode',
  'CameraButton',
  'Intelligence',
  'WebContentFiltering',
  'SafetyAndHandling',
  'Multitasking',
  'OSShowcase',
];

/** A self-signed certificate, as Apple Configurator's supervision identity would be. */
function configuratorCertificate(commonName: string): { pem: string; derBase64: string } {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 1024, e: 0x10001 });
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = keys.publicKey;
  certificate.serialNumber = '01';
  certificate.validity.notBefore = new Date('2026-01-01T00:00:00Z');
  certificate.validity.notAfter = new Date('2036-01-01T00:00:00Z');
  certificate.setSubject([{ name: 'commonName', value: commonName }]);
  certificate.setIssuer([{ name: 'commonName', value: commonName }]);
  certificate.sign(keys.privateKey, forge.md.sha256.create());
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes();
  return { pem: forge.pki.certificateToPem(certificate), derBase64: Buffer.from(der, 'binary').toString('base64') };
}

/** The seed's classroom iPad: supervised, locked, Shared iPad for a class of six. */
function classroomSettings(overrides: Partial<ProfileSettingsInput> = {}): ProfileSettingsInput {
  return {
    name: 'Year 5 classroom iPads',
    description: 'Shared iPads on the Year 5 trolley',
    userAffinity: UserAffinity.WITH_USER_AFFINITY,
    supervised: true,
    lockedEnrollment: true,
    sharedIPad: true,
    maximumCachedUsers: 6,
    pairing: PairingMode.DENY_ALL,
    configuratorCertificates: [],
    awaitDeviceConfigured: true,
    departmentName: 'Springfield Elementary IT',
    departmentPhone: '+1 555 0100',
    skippedPanes: [SetupAssistantPane.SIRI, SetupAssistantPane.PASSCODE, SetupAssistantPane.APPLE_PAY, SetupAssistantPane.ZOOM],
    ...overrides,
  };
}

describe('ProfileService', () => {
  let opened: OpenTestDatabase;
  let simulator: RunningAppleSimulator;
  let clock: ManualClock;
  let services: Services;
  let token: EnrollmentProgramToken;
  let tokenCount = 0;
  const logger = createLogger('silent');
  const ctx: RequestContext = {
    requestId: 'req-admin',
    actor: { kind: 'apiKey', apiKeyId: 1, name: 'root-admin', role: Role.ADMIN },
    logger,
  };

  beforeAll(async () => {
    opened = await openTestDatabase();
    clock = new ManualClock('2026-09-01T08:00:00.000Z');
    simulator = await startAppleSimulator({ clock, seed: 4, devices: 40 });
    services = new Services({
      database: opened.database,
      clock,
      events: createEventBus(),
      secretBox: new SecretBox(randomBytes(32)),
      apple: appleConnection(simulator.url, 'homeroom-test/1', { clock }),
      publicUrl: () => PUBLIC_URL,
    });
  });
  afterAll(async () => {
    await simulator?.close();
    await opened?.close();
  });
  beforeEach(async () => {
    simulator.faults.clear();
    tokenCount += 1;
    token = await uploadSimulatedToken(services, simulator, ctx, { name: `Springfield ${tokenCount}` });
  });

  const appleProfile = (uuid: string) => services.appleSessions.callApple(token.id, (client) => client.getProfile(uuid));
  const calls = (endpoint: string) => simulator.stats()[endpoint] ?? 0;

  /** This test's events of `action` (those concerning its token), newest first. */
  async function auditEvents(action: string): Promise<AuditEvent[]> {
    const target = { type: 'EnrollmentProgramToken', key: token.id };
    return (await services.audit.list({ action, target }, { first: 500 })).edges.map((e) => e.node);
  }

  /** Device rows of the token assigned to `profile`, for serials the simulator assigned to the token's server. */
  async function assignDevices(profile: EnrollmentProfile, count: number): Promise<string[]> {
    const { serials } = simulator.portal.addOrder({ count });
    simulator.portal.assignDevices(token.serverName, { serials });
    const result = await services.appleSessions.callApple(token.id, (client) => client.assignProfile(profile.appleProfileUuid, serials));
    expect(Object.values(result.results).every((status) => status === 'SUCCESS')).toBe(true);
    const now = clock.now();
    const rows = serials.map((serialNumber) => ({
      tokenId: token.id,
      serialNumber,
      profileStatus: 'assigned',
      appleProfileUuid: profile.appleProfileUuid,
      profileId: profile.id,
      firstSeenAt: now,
      lastSeenAt: now,
      removedAt: null,
    }));
    for (let i = 0; i < rows.length; i += 500) {
      await opened.dataSource
        .createQueryBuilder()
        .insert()
        .into(Device)
        .values(rows.slice(i, i + 500))
        .updateEntity(false)
        .execute();
    }
    return serials;
  }

  describe('create', () => {
    it('defines the profile at Apple with every setting mapped, and stores it with Apple’s UUID and a stable enrollment URL', async () => {
      const before = calls('POST /profile');
      const profile = await services.profiles.create(ctx, token.id, classroomSettings());
      expect(calls('POST /profile')).toBe(before + 1);
      expect(profile).toMatchObject({
        tokenId: token.id,
        name: 'Year 5 classroom iPads',
        description: 'Shared iPads on the Year 5 trolley',
        userAffinity: 'WITH_USER_AFFINITY',
        supervised: true,
        lockedEnrollment: true,
        sharedIPad: true,
        maximumCachedUsers: 6,
        pairing: 'DENY_ALL',
        awaitDeviceConfigured: true,
        departmentName: 'Springfield Elementary IT',
        departmentPhone: '+1 555 0100',
        appleDefinedAt: clock.now(),
        createdAt: clock.now(),
      });
      expect(profile.enrollmentKey).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(profile.appleProfileUuid).toMatch(/^[0-9a-f]{32}$/i);
      expect(profile.skippedPanes).toEqual(['Passcode', 'Payment', 'Zoom', 'Siri']);
      expect(services.profiles.enrollmentUrl(profile)).toBe(`${PUBLIC_URL}/mdm/enroll/${profile.enrollmentKey}`);

      const defined = await appleProfile(profile.appleProfileUuid);
      expect(defined).toMatchObject({
        profile_name: 'Year 5 classroom iPads',
        url: `${PUBLIC_URL}/mdm/enroll/${profile.enrollmentKey}`,
        is_supervised: true,
        is_mdm_removable: false,
        is_multi_user: true,
        is_mandatory: true,
        await_device_configured: true,
        allow_pairing: false,
        department: 'Springfield Elementary IT',
        support_phone_number: '+1 555 0100',
        skip_setup_items: ['Passcode', 'Payment', 'Zoom', 'Siri'],
      });
      expect(defined).not.toHaveProperty('supervising_host_certs');

      const [event] = await auditEvents('createEnrollmentProfile');
      expect(event).toMatchObject({ outcome: AuditOutcome.SUCCEEDED, actorName: 'root-admin' });
      expect(event!.targets.map((t) => [t.targetType, t.targetKey])).toEqual(
        expect.arrayContaining([
          ['EnrollmentProfile', String(profile.id)],
          ['EnrollmentProgramToken', String(token.id)],
        ]),
      );
    });

    it('maps every pane to its Apple key, each once, and knows every key of reference section 9 for iOS', async () => {
      const all = Object.values(SetupAssistantPane);
      const profile = await services.profiles.create(ctx, token.id, classroomSettings({ skippedPanes: [...all, ...all] }));
      const keys = profile.skippedPanes;
      expect([...keys].sort()).toEqual([...REFERENCE_IOS_SKIP_KEYS].sort());
      expect((await appleProfile(profile.appleProfileUuid)).skip_setup_items).toEqual(keys);
      const deprecated = all
        .filter((pane) => SETUP_ASSISTANT_PANES[pane].deprecationReason)
        .map((pane) => SETUP_ASSISTANT_PANES[pane].appleKey);
      expect(deprecated.sort()).toEqual(['DisplayTone', 'HomeButtonSensitivity', 'OnBoarding', 'Zoom']);
    });

    it('refuses locked enrollment without supervision with PROFILE_RULE_VIOLATION naming lockedEnrollment, before asking Apple, and audits the refusal', async () => {
      const before = calls('POST /profile');
      const error = await homeroomErrorOf(
        services.profiles.create(ctx, token.id, classroomSettings({ supervised: false, sharedIPad: false, maximumCachedUsers: null })),
      );
      expect(error.code).toBe(ErrorCode.PROFILE_RULE_VIOLATION);
      expect(error.details).toEqual({ field: 'lockedEnrollment' });
      expect(error.message).toContain('supervised');
      expect(calls('POST /profile')).toBe(before);
      expect(await opened.dataSource.getRepository(EnrollmentProfile).countBy({ tokenId: token.id })).toBe(0);
      const [event] = await auditEvents('createEnrollmentProfile');
      expect(event).toMatchObject({ outcome: AuditOutcome.FAILED, errorCode: 'PROFILE_RULE_VIOLATION' });
    });

    it.each([
      ['Shared iPad without user affinity', { userAffinity: UserAffinity.WITHOUT_USER_AFFINITY }, 'sharedIPad'],
      ['Shared iPad unsupervised', { supervised: false, lockedEnrollment: false }, 'sharedIPad'],
      ['maximum cached users without Shared iPad', { sharedIPad: false }, 'maximumCachedUsers'],
      ['certificate pairing without certificates', { pairing: PairingMode.ALLOW_CONFIGURATOR_BY_CERTIFICATE }, 'configuratorCertificates'],
    ])('refuses %s with PROFILE_RULE_VIOLATION naming %s', async (_what, overrides, field) => {
      const error = await homeroomErrorOf(
        services.profiles.create(ctx, token.id, classroomSettings(overrides as Partial<ProfileSettingsInput>)),
      );
      expect(error.code).toBe(ErrorCode.PROFILE_RULE_VIOLATION);
      expect(error.details).toEqual({ field });
    });

    it.each([
      ['name', { name: 'n'.repeat(126) }],
      ['name', { name: '   ' }],
      ['description', { description: 'd'.repeat(1001) }],
      ['departmentName', { departmentName: 'd'.repeat(126) }],
      ['departmentPhone', { departmentPhone: '5'.repeat(51) }],
      ['maximumCachedUsers', { maximumCachedUsers: 0 }],
      ['maximumCachedUsers', { maximumCachedUsers: 97 }],
      [
        'configuratorCertificates.0',
        { pairing: PairingMode.ALLOW_CONFIGURATOR_BY_CERTIFICATE, configuratorCertificates: ['not a certificate'] },
      ],
    ])('refuses a bad %s with BAD_USER_INPUT naming it', async (field, overrides) => {
      const error = await homeroomErrorOf(
        services.profiles.create(ctx, token.id, classroomSettings(overrides as Partial<ProfileSettingsInput>)),
      );
      expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
      expect(error.details).toEqual({ field });
    });

    it('accepts Apple’s limits exactly: a 125-character name (emoji count once), 125-character department, 50-character phone', async () => {
      const name = '🍎'.repeat(125);
      const profile = await services.profiles.create(
        ctx,
        token.id,
        classroomSettings({ name, departmentName: 'd'.repeat(125), departmentPhone: '5'.repeat(50), maximumCachedUsers: 96 }),
      );
      expect(profile.name).toBe(name);
      expect((await appleProfile(profile.appleProfileUuid)).profile_name).toBe(name);
    });

    it('pairs by certificate: PEM and base64 DER accepted, stored as PEM, sent to Apple as base64 DER; other modes take none', async () => {
      const a = configuratorCertificate('Configurator A');
      const b = configuratorCertificate('Configurator B');
      const profile = await services.profiles.create(
        ctx,
        token.id,
        classroomSettings({
          pairing: PairingMode.ALLOW_CONFIGURATOR_BY_CERTIFICATE,
          configuratorCertificates: [a.pem, b.derBase64, a.derBase64],
        }),
      );
      const stored = profile.configuratorCertificates;
      expect(stored).toHaveLength(2);
      expect(stored[0]).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
      const defined = await appleProfile(profile.appleProfileUuid);
      expect(defined).toMatchObject({ allow_pairing: false, supervising_host_certs: [a.derBase64, b.derBase64] });

      const tooMany = Array.from({ length: 11 }, (_, i) => configuratorCertificate(`Host ${i}`).pem);
      const error = await homeroomErrorOf(
        services.profiles.create(
          ctx,
          token.id,
          classroomSettings({ name: 'eleven', pairing: PairingMode.ALLOW_CONFIGURATOR_BY_CERTIFICATE, configuratorCertificates: tooMany }),
        ),
      );
      expect(error).toMatchObject({ code: ErrorCode.PROFILE_RULE_VIOLATION, details: { field: 'configuratorCertificates' } });
      const other = await homeroomErrorOf(
        services.profiles.create(
          ctx,
          token.id,
          classroomSettings({ name: 'all', pairing: PairingMode.ALLOW_ALL, configuratorCertificates: [a.pem] }),
        ),
      );
      expect(other).toMatchObject({ code: ErrorCode.PROFILE_RULE_VIOLATION, details: { field: 'configuratorCertificates' } });
    });

    it('refuses a name the token already has with ALREADY_EXISTS; another token may use it', async () => {
      await services.profiles.create(ctx, token.id, classroomSettings());
      const error = await homeroomErrorOf(services.profiles.create(ctx, token.id, classroomSettings({ name: ' Year 5 classroom iPads ' })));
      expect(error).toMatchObject({ code: ErrorCode.ALREADY_EXISTS, details: { field: 'name' } });
      const other = await uploadSimulatedToken(services, simulator, ctx, { name: `Other ${tokenCount}` });
      await expect(services.profiles.create(ctx, other.id, classroomSettings())).resolves.toMatchObject({ tokenId: other.id });
    });

    it('refuses the 1001st profile of a token with PROFILE_LIMIT_REACHED, before asking Apple', async () => {
      const now = clock.now();
      const rows = Array.from({ length: 1000 }, (_, i) => ({
        tokenId: token.id,
        name: `Profile ${i}`,
        enrollmentKey: `limit-${token.id}-${i}`,
        userAffinity: UserAffinity.WITHOUT_USER_AFFINITY,
        supervised: true,
        lockedEnrollment: false,
        sharedIPad: false,
        maximumCachedUsers: null,
        pairing: PairingMode.DENY_ALL,
        configuratorCertificates: [],
        awaitDeviceConfigured: false,
        skippedPanes: [],
        appleProfileUuid: `uuid-${i}`,
        appleDefinedAt: now,
        createdAt: now,
        updatedAt: now,
      }));
      for (let i = 0; i < rows.length; i += 250) {
        await opened.dataSource
          .createQueryBuilder()
          .insert()
          .into(EnrollmentProfile)
          .values(rows.slice(i, i + 250))
          .updateEntity(false)
          .execute();
      }
      const before = calls('POST /profile');
      const error = await homeroomErrorOf(services.profiles.create(ctx, token.id, classroomSettings()));
      expect(error).toMatchObject({ code: ErrorCode.PROFILE_LIMIT_REACHED, details: { limit: 1000 } });
      expect(calls('POST /profile')).toBe(before);
    });

    it('surfaces Apple’s refusal (FLAGS_INVALID) with its code and stores nothing', async () => {
      simulator.faults.add({ kind: 'http', status: 400, endpoint: 'POST /profile', body: 'FLAGS_INVALID' });
      const error = await homeroomErrorOf(services.profiles.create(ctx, token.id, classroomSettings()));
      expect(error.code).toBe(ErrorCode.APPLE_REQUEST_REJECTED);
      expect(error.details).toMatchObject({ appleCode: 'FLAGS_INVALID' });
      expect(await opened.dataSource.getRepository(EnrollmentProfile).countBy({ tokenId: token.id })).toBe(0);
      const [event] = await auditEvents('createEnrollmentProfile');
      expect(event).toMatchObject({ outcome: AuditOutcome.FAILED, errorCode: 'APPLE_REQUEST_REJECTED' });
    });

    it('refuses an unknown token with NOT_FOUND', async () => {
      const error = await homeroomErrorOf(services.profiles.create(ctx, 999_999, classroomSettings()));
      expect(error.code).toBe(ErrorCode.NOT_FOUND);
    });
  });

  describe('update', () => {
    it('turns Shared iPad and its cached users off when user affinity goes off, says so, and defines the new settings at Apple', async () => {
      const created = await services.profiles.create(ctx, token.id, classroomSettings());
      const result = await services.profiles.update(ctx, created.id, { userAffinity: UserAffinity.WITHOUT_USER_AFFINITY });
      expect(result).toMatchObject({ sharedIPadTurnedOff: true, redefinedAtApple: true, devicesMoved: 0, devicesNotMoved: 0 });
      expect(result.profile).toMatchObject({ userAffinity: 'WITHOUT_USER_AFFINITY', sharedIPad: false, maximumCachedUsers: null });
      expect(result.profile.appleProfileUuid).not.toBe(created.appleProfileUuid);
      expect(result.profile.enrollmentKey).toBe(created.enrollmentKey);
      expect(await appleProfile(result.profile.appleProfileUuid)).toMatchObject({
        is_multi_user: false,
        url: services.profiles.enrollmentUrl(created),
      });
      const [event] = await auditEvents('updateEnrollmentProfile');
      expect(event).toMatchObject({ outcome: AuditOutcome.SUCCEEDED });
      expect(event!.details).toMatchObject({ sharedIPadTurnedOff: true, changed: ['userAffinity'], devicesMoved: 0 });
    });

    it('turns Shared iPad off when supervision goes off (with locked enrollment), and refuses the contradiction asked for explicitly', async () => {
      const created = await services.profiles.create(ctx, token.id, classroomSettings());
      const refused = await homeroomErrorOf(
        services.profiles.update(ctx, created.id, { supervised: false, lockedEnrollment: false, sharedIPad: true }),
      );
      expect(refused).toMatchObject({ code: ErrorCode.PROFILE_RULE_VIOLATION, details: { field: 'sharedIPad' } });
      const cached = await homeroomErrorOf(
        services.profiles.update(ctx, created.id, { supervised: false, lockedEnrollment: false, maximumCachedUsers: 4 }),
      );
      expect(cached).toMatchObject({ code: ErrorCode.PROFILE_RULE_VIOLATION, details: { field: 'maximumCachedUsers' } });
      const locked = await homeroomErrorOf(services.profiles.update(ctx, created.id, { supervised: false }));
      expect(locked).toMatchObject({ code: ErrorCode.PROFILE_RULE_VIOLATION, details: { field: 'lockedEnrollment' } });
      const result = await services.profiles.update(ctx, created.id, { supervised: false, lockedEnrollment: false });
      expect(result.sharedIPadTurnedOff).toBe(true);
      expect(result.profile).toMatchObject({
        supervised: false,
        sharedIPad: false,
        maximumCachedUsers: null,
        userAffinity: 'WITH_USER_AFFINITY',
      });
    });

    it('changes only Homeroom fields without a new Apple definition, and clears nullable fields with null', async () => {
      const created = await services.profiles.create(ctx, token.id, classroomSettings());
      const before = calls('POST /profile');
      clock.advance(60_000);
      const result = await services.profiles.update(ctx, created.id, { description: null, maximumCachedUsers: 30 });
      expect(result).toMatchObject({ redefinedAtApple: false, sharedIPadTurnedOff: false });
      expect(result.profile).toMatchObject({ description: null, maximumCachedUsers: 30, appleProfileUuid: created.appleProfileUuid });
      expect(result.profile.updatedAt).toEqual(clock.now());
      expect(result.profile.appleDefinedAt).toEqual(created.appleDefinedAt);
      expect(calls('POST /profile')).toBe(before);
      const cleared = await services.profiles.update(ctx, created.id, { departmentName: null, departmentPhone: null, name: null });
      expect(cleared.redefinedAtApple).toBe(true);
      expect(cleared.profile).toMatchObject({ name: created.name, departmentName: null, departmentPhone: null });
      const defined = await appleProfile(cleared.profile.appleProfileUuid);
      expect(defined).not.toHaveProperty('department');
      expect(defined).not.toHaveProperty('support_phone_number');
    });

    it("keeps the identity kind as Homeroom's own setting: set and cleared (null: the server's default) without a new Apple definition", async () => {
      const created = await services.profiles.create(
        ctx,
        token.id,
        classroomSettings({ name: 'Kinds', identityKind: DeviceIdentityKind.PKCS12 }),
      );
      expect(created.identityKind).toBe(DeviceIdentityKind.PKCS12);
      expect(await appleProfile(created.appleProfileUuid)).not.toHaveProperty('identityKind');
      const before = calls('POST /profile');
      const scep = await services.profiles.update(ctx, created.id, { identityKind: DeviceIdentityKind.SCEP });
      expect(scep).toMatchObject({ redefinedAtApple: false, profile: { identityKind: DeviceIdentityKind.SCEP } });
      const kept = await services.profiles.update(ctx, created.id, { description: 'still SCEP' });
      expect(kept.profile.identityKind).toBe(DeviceIdentityKind.SCEP);
      const cleared = await services.profiles.update(ctx, created.id, { identityKind: null });
      expect(cleared.profile.identityKind).toBeNull();
      expect(calls('POST /profile')).toBe(before);
      const refused = await homeroomErrorOf(services.profiles.update(ctx, created.id, { identityKind: 'P12' as DeviceIdentityKind }));
      expect(refused).toMatchObject({ code: ErrorCode.BAD_USER_INPUT });
    });

    it('moves 2,500 assigned devices to the new Apple profile in batches of 1000, and the simulator shows all of them on the new UUID', async () => {
      const created = await services.profiles.create(ctx, token.id, classroomSettings());
      const serials = await assignDevices(created, 2500);
      const assignCalls = calls('POST /profile/devices');
      const result = await services.profiles.update(ctx, created.id, {
        skippedPanes: [SetupAssistantPane.SIRI],
        departmentName: 'District IT',
      });
      expect(result).toMatchObject({ redefinedAtApple: true, devicesMoved: 2500, devicesNotMoved: 0, assignmentError: null });
      const newUuid = result.profile.appleProfileUuid;
      expect(newUuid).not.toBe(created.appleProfileUuid);
      expect(calls('POST /profile/devices') - assignCalls).toBe(3);

      const atApple = simulator.portal
        .listDevices({ server: token.serverName, limit: 10_000 })
        .filter((d) => serials.includes(d.serial_number));
      expect(atApple).toHaveLength(2500);
      expect(atApple.every((d) => d.profile_uuid === newUuid && d.profile_status === 'assigned')).toBe(true);
      const rows = await opened.dataSource.getRepository(Device).findBy({ profileId: created.id });
      expect(rows).toHaveLength(2500);
      expect(rows.every((d) => d.appleProfileUuid === newUuid)).toBe(true);
      expect((await services.profiles.factsFor([result.profile])).get(created.id)).toEqual({ deviceCount: 2500, isDefault: false });
      const [event] = await auditEvents('updateEnrollmentProfile');
      expect(event!.details).toMatchObject({ devicesMoved: 2500, devicesNotMoved: 0, appleProfileUuid: newUuid });
    });

    it('counts devices Apple throttles as not moved and leaves them on the old UUID', async () => {
      const created = await services.profiles.create(ctx, token.id, classroomSettings());
      const serials = await assignDevices(created, 5);
      simulator.faults.add({ kind: 'throttle', serials: serials.slice(0, 2), retryAfterSeconds: 60 });
      const result = await services.profiles.update(ctx, created.id, { departmentName: 'District IT' });
      expect(result).toMatchObject({ devicesMoved: 3, devicesNotMoved: 2, assignmentError: null });
      const rows = await opened.dataSource.getRepository(Device).findBy({ profileId: created.id });
      const onOld = rows.filter((d) => d.appleProfileUuid === created.appleProfileUuid).map((d) => d.serialNumber);
      expect(onOld.sort()).toEqual(serials.slice(0, 2).sort());
    });

    it('keeps the new definition when moving devices fails midway, and says why and how many did not move', async () => {
      const created = await services.profiles.create(ctx, token.id, classroomSettings());
      await assignDevices(created, 1500);
      simulator.faults.add({ kind: 'http', status: 400, endpoint: 'POST /profile/devices', body: 'DEVICE_ID_REQUIRED', onCall: 2 });
      const result = await services.profiles.update(ctx, created.id, { departmentName: 'District IT' });
      expect(result).toMatchObject({ redefinedAtApple: true, devicesMoved: 1000, devicesNotMoved: 500 });
      expect(result.assignmentError).toMatchObject({ code: ErrorCode.APPLE_REQUEST_REJECTED });
      expect(result.profile.departmentName).toBe('District IT');
    });

    it('leaves the profile and its devices unchanged when Apple refuses the new definition', async () => {
      const created = await services.profiles.create(ctx, token.id, classroomSettings());
      await assignDevices(created, 3);
      simulator.faults.add({ kind: 'http', status: 400, endpoint: 'POST /profile', body: 'FLAGS_INVALID' });
      const assignCalls = calls('POST /profile/devices');
      const error = await homeroomErrorOf(services.profiles.update(ctx, created.id, { name: 'Renamed' }));
      expect(error).toMatchObject({ code: ErrorCode.APPLE_REQUEST_REJECTED, details: { appleCode: 'FLAGS_INVALID' } });
      expect(calls('POST /profile/devices')).toBe(assignCalls);
      expect(await services.profiles.findById(created.id)).toEqual(created);
      const rows = await opened.dataSource.getRepository(Device).findBy({ profileId: created.id });
      expect(rows.every((d) => d.appleProfileUuid === created.appleProfileUuid)).toBe(true);
      const [event] = await auditEvents('updateEnrollmentProfile');
      expect(event).toMatchObject({ outcome: AuditOutcome.FAILED, errorCode: 'APPLE_REQUEST_REJECTED' });
    });

    it('drops the configurator certificates when pairing changes to another mode, unless the change names some', async () => {
      const host = configuratorCertificate('Cart Mac');
      const created = await services.profiles.create(
        ctx,
        token.id,
        classroomSettings({ pairing: PairingMode.ALLOW_CONFIGURATOR_BY_CERTIFICATE, configuratorCertificates: [host.pem] }),
      );
      const refused = await homeroomErrorOf(
        services.profiles.update(ctx, created.id, { pairing: PairingMode.DENY_ALL, configuratorCertificates: [host.pem] }),
      );
      expect(refused).toMatchObject({ code: ErrorCode.PROFILE_RULE_VIOLATION, details: { field: 'configuratorCertificates' } });
      const result = await services.profiles.update(ctx, created.id, { pairing: PairingMode.ALLOW_ALL });
      expect(result.profile).toMatchObject({ pairing: 'ALLOW_ALL', configuratorCertificates: [] });
      const defined = await appleProfile(result.profile.appleProfileUuid);
      expect(defined).toMatchObject({ allow_pairing: true });
      expect(defined).not.toHaveProperty('supervising_host_certs');
    });

    it('runs two updates of one profile one after the other, so its devices end on the UUID the profile keeps', async () => {
      const created = await services.profiles.create(ctx, token.id, classroomSettings());
      const serials = await assignDevices(created, 1200);
      const [first, second] = await Promise.all([
        services.profiles.update(ctx, created.id, { departmentName: 'First' }),
        services.profiles.update(ctx, created.id, { departmentPhone: '+1 555 0199' }),
      ]);
      expect([first.devicesMoved, second.devicesMoved]).toEqual([1200, 1200]);
      const kept = (await services.profiles.findById(created.id))!;
      expect(kept).toMatchObject({
        departmentName: 'First',
        departmentPhone: '+1 555 0199',
        appleProfileUuid: second.profile.appleProfileUuid,
      });
      const atApple = simulator.portal
        .listDevices({ server: token.serverName, limit: 10_000 })
        .filter((d) => serials.includes(d.serial_number));
      expect(new Set(atApple.map((d) => d.profile_uuid))).toEqual(new Set([kept.appleProfileUuid]));
    });

    it('refuses a rename to another profile’s name with ALREADY_EXISTS, and an unknown profile with NOT_FOUND', async () => {
      await services.profiles.create(ctx, token.id, classroomSettings({ name: 'Library' }));
      const created = await services.profiles.create(ctx, token.id, classroomSettings());
      const error = await homeroomErrorOf(services.profiles.update(ctx, created.id, { name: 'Library' }));
      expect(error).toMatchObject({ code: ErrorCode.ALREADY_EXISTS, details: { field: 'name' } });
      expect((await homeroomErrorOf(services.profiles.update(ctx, 999_999, { name: 'x' }))).code).toBe(ErrorCode.NOT_FOUND);
    });
  });

  describe('delete and default', () => {
    it('refuses to delete the default profile or one with devices (PROFILE_IN_USE, with the count), then deletes it once free', async () => {
      const created = await services.profiles.create(ctx, token.id, classroomSettings());
      const serials = await assignDevices(created, 2);
      await services.profiles.setDefault(ctx, token.id, created.id);
      const error = await homeroomErrorOf(services.profiles.delete(ctx, created.id));
      expect(error).toMatchObject({ code: ErrorCode.PROFILE_IN_USE, details: { devices: 2, isDefault: true } });
      expect(error.message).toContain('default');

      await services.profiles.setDefault(ctx, token.id, null);
      // One device left the token (Apple stopped listing it); the other is still assigned.
      clock.advance(1000);
      await opened.dataSource.getRepository(Device).update({ serialNumber: serials[0]! }, { removedAt: clock.now() });
      const stillUsed = await homeroomErrorOf(services.profiles.delete(ctx, created.id));
      expect(stillUsed).toMatchObject({ code: ErrorCode.PROFILE_IN_USE, details: { devices: 1, isDefault: false } });

      await opened.dataSource.getRepository(Device).update({ serialNumber: serials[1]! }, { profileId: null });
      const deleted = await services.profiles.delete(ctx, created.id);
      expect(deleted.id).toBe(created.id);
      expect(await services.profiles.findById(created.id)).toBeNull();
      const removed = await opened.dataSource.getRepository(Device).findOneByOrFail({ serialNumber: serials[0]! });
      expect(removed.profileId).toBeNull();
      const events = await auditEvents('deleteEnrollmentProfile');
      expect(events.map((e) => e.outcome)).toEqual([AuditOutcome.SUCCEEDED, AuditOutcome.FAILED, AuditOutcome.FAILED]);
    });

    it('sets and clears the token’s default, refuses another token’s profile, and reports isDefault', async () => {
      const a = await services.profiles.create(ctx, token.id, classroomSettings({ name: 'A' }));
      const b = await services.profiles.create(ctx, token.id, classroomSettings({ name: 'B' }));
      const set = await services.profiles.setDefault(ctx, token.id, b.id);
      expect(set.token.defaultProfileId).toBe(b.id);
      expect(set.profile?.id).toBe(b.id);
      expect((await services.profiles.findDefault(set.token))?.id).toBe(b.id);
      const facts = await services.profiles.factsFor([a, b]);
      expect([facts.get(a.id)?.isDefault, facts.get(b.id)?.isDefault]).toEqual([false, true]);

      const other = await uploadSimulatedToken(services, simulator, ctx, { name: `Other default ${tokenCount}` });
      const error = await homeroomErrorOf(services.profiles.setDefault(ctx, other.id, a.id));
      expect(error).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, details: { field: 'profileId' } });

      const cleared = await services.profiles.setDefault(ctx, token.id, null);
      expect(cleared).toMatchObject({ profile: null, token: { defaultProfileId: null } });
      expect(await services.profiles.findDefault(cleared.token)).toBeNull();
      const events = await auditEvents('setDefaultEnrollmentProfile');
      expect(events.map((e) => e.outcome)).toEqual([AuditOutcome.SUCCEEDED, AuditOutcome.SUCCEEDED]);
      const refused = await services.audit.list(
        { action: 'setDefaultEnrollmentProfile', target: { type: 'EnrollmentProfile', key: a.id } },
        { first: 10 },
      );
      expect(refused.edges.map((e) => [e.node.outcome, e.node.errorCode])).toEqual([[AuditOutcome.FAILED, 'BAD_USER_INPUT']]);
    });
  });

  describe('listForToken', () => {
    it('lists a token’s profiles by name, page by page, and no other token’s', async () => {
      for (const name of ['delta', 'alpha', 'charlie', 'bravo']) await services.profiles.create(ctx, token.id, classroomSettings({ name }));
      const first = await services.profiles.listForToken(token.id, { first: 3 });
      expect(first.edges.map((e) => e.node.name)).toEqual(['alpha', 'bravo', 'charlie']);
      expect(first.pageInfo.hasNextPage).toBe(true);
      expect(await first.totalCount()).toBe(4);
      const next = await services.profiles.listForToken(token.id, { first: 3, after: first.pageInfo.endCursor });
      expect(next.edges.map((e) => e.node.name)).toEqual(['delta']);
      const back = await services.profiles.listForToken(token.id, { last: 2, before: next.pageInfo.startCursor });
      expect(back.edges.map((e) => e.node.name)).toEqual(['bravo', 'charlie']);
    });
  });
});
