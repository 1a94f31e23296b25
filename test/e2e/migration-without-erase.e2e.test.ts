import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock.js';
import type { RunningAppleSimulator } from '../../src/simulator/apple/index.js';
import { MigrationAssistant, VirtualIPad } from '../../src/simulator/device/index.js';
import {
  AssignProfileDocument,
  CreateEnrollmentProfileDocument,
  MigrationEligibilityDocument,
  MigrationProgressedDocument,
  ScheduleDeviceMigrationDocument,
  SyncDevicesDocument,
  TokenMigratingDevicesDocument,
  type CreateEnrollmentProfileInput,
  type MigrationProgressedSubscription,
} from '../generated/operations.js';
import { connectSchoolManager, migratingSchool, OTHER_MDM_SERVER } from '../support/migration.js';
import { startTestServer, Subscription, type TestServer } from '../support/server.js';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const KEPT_APPS = ['com.example.reader', 'com.example.notes'];

/**
 * Over real HTTP only: iPads the school manages with another MDM server are moved to Homeroom's
 * server with a migration deadline through the Apple School Manager API. Homeroom gives them a
 * profile that awaits configuration when the sync sees them (with Apple's `mdm_migration_deadline`,
 * never `requiresWipe`); one user migrates early from the prompt, the other iPad is forced at the
 * deadline (fake clock); both enroll without erase, get their kept apps taken over, and end
 * ENROLLED. A Shared iPad is refused with its reason, and nothing is sent to Apple for it.
 */
describe('migration without erase', () => {
  const clock = new ManualClock(new Date(Math.floor(Date.now() / 1000) * 1000).toISOString());
  let t: TestServer;
  let apple: RunningAppleSimulator;
  let tokenId: string;
  let migrating: [string, string];
  let shared: string;

  async function createProfile(input: Omit<CreateEnrollmentProfileInput, 'tokenId'>): Promise<string> {
    const res = await t.request(CreateEnrollmentProfileDocument, { input: { tokenId, ...input } });
    expect(res.errors).toBeUndefined();
    return res.data!.createEnrollmentProfile.enrollmentProfile.id;
  }

  async function sync(): Promise<void> {
    clock.advance(HOUR);
    const res = await t.request(SyncDevicesDocument, { input: { tokenId } });
    expect(res.errors).toBeUndefined();
    await t.server.services.sync.idle();
  }

  async function deviceOf(serial: string) {
    const res = await t.request(TokenMigratingDevicesDocument, { id: tokenId, serial });
    expect(res.errors).toBeUndefined();
    const node = res.data!.node;
    if (node?.__typename !== 'EnrollmentProgramToken') throw new Error('not a token');
    return node.devices.edges.find((edge) => edge.node.serialNumber === serial)?.node ?? null;
  }

  const base = {
    userAffinity: 'WITHOUT_USER_AFFINITY',
    supervised: true,
    lockedEnrollment: true,
    pairing: 'DENY_ALL',
    skippedPanes: [],
  } satisfies Partial<CreateEnrollmentProfileInput>;

  beforeAll(async () => {
    t = await startTestServer({ clock });
    apple = t.server.apple.simulator!;
    // The Shared iPad is Homeroom's already; the two others are managed by the MDM the school leaves.
    const school = await migratingSchool(t, apple, { devices: 3, elsewhere: 2 });
    tokenId = school.tokenId;
    migrating = [school.serials[0]!, school.serials[1]!];
    shared = school.serials[2]!;
    await connectSchoolManager(t, apple, tokenId);
  });
  afterAll(() => t.close());

  it('refuses a Shared iPad with MIGRATION_NOT_ELIGIBLE and reason SHARED_IPAD, sending nothing to Apple', async () => {
    const cartProfile = await createProfile({
      ...base,
      name: 'Library carts',
      userAffinity: 'WITH_USER_AFFINITY',
      sharedIPad: true,
      awaitDeviceConfigured: true,
    });
    const assigned = await t.request(AssignProfileDocument, { input: { profileId: cartProfile, devices: { serialNumbers: [shared] } } });
    expect(assigned.errors).toBeUndefined();
    await t.server.services.assignments.idle();

    const verdicts = await t.request(MigrationEligibilityDocument, { tokenId, serialNumbers: [shared, migrating[0], 'NOSUCHSERIAL'] });
    expect(verdicts.errors).toBeUndefined();
    expect(verdicts.data!.migrationEligibility).toEqual([
      { serialNumber: shared, eligible: false, reason: 'SHARED_IPAD', message: expect.stringContaining('Shared iPad') },
      { serialNumber: migrating[0], eligible: true, reason: null, message: null },
      { serialNumber: 'NOSUCHSERIAL', eligible: false, reason: 'NOT_IN_ORGANIZATION', message: expect.any(String) },
    ]);

    const tooFar = await t.request(ScheduleDeviceMigrationDocument, {
      input: { tokenId, serialNumbers: [migrating[0]], deadlineInDays: 91 },
    });
    expect(tooFar.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deadlineInDays' });
    const notEligible = await t.request(ScheduleDeviceMigrationDocument, {
      input: { tokenId, serialNumbers: [migrating[0], shared], deadlineInDays: 14 },
    });
    expect(notEligible.errors?.[0]?.extensions).toMatchObject({
      code: 'MIGRATION_NOT_ELIGIBLE',
      refused: [{ serialNumber: shared, reason: 'SHARED_IPAD' }],
    });
    // Nothing was sent: Apple still has the eligible device on the other server, without a deadline.
    expect(apple.schoolManager.migrationDeadlines.has(migrating[0])).toBe(false);
    expect((await deviceOf(migrating[0]))?.migration ?? null).toBeNull();
  });

  it('refuses a device whose profile is set up for Return to Service with reason RETURN_TO_SERVICE', async () => {
    const rtsProfile = await createProfile({
      ...base,
      name: 'Loaner iPads',
      sharedIPad: false,
      isReturnToService: true,
      awaitDeviceConfigured: true,
    });
    const assigned = await t.request(AssignProfileDocument, { input: { profileId: rtsProfile, devices: { serialNumbers: [shared] } } });
    expect(assigned.errors).toBeUndefined();
    await t.server.services.assignments.idle();

    const verdicts = await t.request(MigrationEligibilityDocument, { tokenId, serialNumbers: [shared] });
    expect(verdicts.data!.migrationEligibility).toEqual([
      { serialNumber: shared, eligible: false, reason: 'RETURN_TO_SERVICE', message: expect.stringContaining('Return to Service') },
    ]);
  });

  it('moves two iPads from another MDM server without erase: one migrates from the prompt, one at the deadline; both end ENROLLED', async () => {
    const heldProfile = await createProfile({ ...base, name: 'Migrated iPads', sharedIPad: false, awaitDeviceConfigured: true });
    // The iPads run iPadOS 26 at Home, managed by the other MDM (Apple had no profile of Homeroom's for them).
    const assistants: MigrationAssistant[] = [];
    for (const serialNumber of migrating) {
      const ipad = await VirtualIPad.create({
        appleUrl: apple.url,
        serialNumber,
        osVersion: '26.1',
        clock,
        connectPollIntervalMs: 10,
        maxConnectPolls: 1000,
      });
      expect(await ipad.powerOn()).toBe('HOME');
      const assistant = new MigrationAssistant(ipad, { appleUrl: apple.url, clock });
      assistant.enrollElsewhere(OTHER_MDM_SERVER);
      expect(await assistant.check()).toBeNull();
      assistants.push(assistant);
    }

    const progress = new Subscription(t.wsClient(), MigrationProgressedDocument, { tokenId });
    await t.nextOperationStarted();
    expect((await progress.next()).migrationProgressed).toMatchObject({ snapshot: true, migration: null });

    const scheduled = await t.request(ScheduleDeviceMigrationDocument, {
      input: { tokenId, serialNumbers: migrating, deadlineInDays: 7, profileId: heldProfile, keptApps: KEPT_APPS },
    });
    expect(scheduled.errors).toBeUndefined();
    const payload = scheduled.data!.scheduleDeviceMigration;
    expect(payload.migrations.map((m) => [m.serialNumber, m.status, m.activityType])).toEqual(
      migrating.map((serial) => [serial, 'REQUESTED', 'ASSIGN_DEVICES_WITH_MDM_MIGRATION_DEADLINE']),
    );
    const deadline = new Date(payload.migrations[0]!.deadline);
    expect(deadline.getTime()).toBe(clock.now().getTime() + 7 * DAY);
    await t.server.services.migrations.idle();

    // Apple moved them to Homeroom's server with the deadline; the sync sees it and holds a profile for them.
    await sync();
    for (const serial of migrating) {
      const device = await deviceOf(serial);
      expect(device).toMatchObject({
        requiresWipe: false,
        mdmMigrationDeadline: deadline.toISOString(),
        profile: { name: 'Migrated iPads' },
        migration: { status: 'REQUESTED', activityStatus: 'COMPLETED', keptApps: KEPT_APPS },
      });
    }

    // The first iPad's user migrates from the prompt.
    const [early, late] = assistants as [MigrationAssistant, MigrationAssistant];
    expect(await early.check()).toEqual({ organizationName: expect.any(String), deadline });
    expect(await early.migrateNow()).toBe('HOME');
    expect(early.ipad.failure).toBeNull();
    expect(early.enrolledElsewhere).toBeNull();

    // The second waits: nothing happens before the deadline, then the device migrates by itself.
    expect(await late.tick()).toBeNull();
    clock.advance(7 * DAY + HOUR);
    expect(await late.tick()).toBe('HOME');
    expect(late.ipad.failure).toBeNull();

    for (const assistant of assistants) {
      const ipad = assistant.ipad;
      const steps = ipad.trace.map((entry) => entry.step);
      expect(steps).not.toContain('ERASE');
      expect(steps.filter((step) => step === 'POWER_ON')).toHaveLength(1);
      expect(ipad.managed && ipad.deviceConfiguredReceived()).toBe(true);
      // DeviceConfigured came after the kept apps were taken over.
      const commands = ipad.stepsOf('COMMAND').map((entry) => entry.detail?.requestType);
      expect(commands.filter((type) => type === 'InstallApplication')).toHaveLength(KEPT_APPS.length);
      expect(commands.lastIndexOf('InstallApplication')).toBeLessThan(commands.indexOf('DeviceConfigured'));
      const device = await deviceOf(ipad.serialNumber);
      expect(device).toMatchObject({
        requiresWipe: false,
        enrollment: { state: 'ENROLLED' },
        migration: { status: 'SUCCESS', reinstalledApps: KEPT_APPS, failureReason: null },
      });
    }
    expect(early.ipad.stepsOf('MIGRATION')[0]?.detail).toMatchObject({ from: OTHER_MDM_SERVER, forced: false });
    expect(late.ipad.stepsOf('MIGRATION')[0]?.detail).toMatchObject({ from: OTHER_MDM_SERVER, forced: true });

    // The stream told each step, ending with both SUCCESS.
    const statuses = new Map<string, string[]>();
    const record = (value: MigrationProgressedSubscription) => {
      const { migration, status } = value.migrationProgressed;
      statuses.set(migration!.serialNumber, [...(statuses.get(migration!.serialNumber) ?? []), status!]);
    };
    while ([...migrating].some((serial) => statuses.get(serial)?.at(-1) !== 'SUCCESS' || (statuses.get(serial)?.length ?? 0) < 4))
      record(await progress.next());
    for (const serial of migrating) expect(statuses.get(serial)).toEqual(['REQUESTED', 'REQUESTED', 'STARTED', 'SUCCESS']);
    progress.close();
  }, 120_000);
});
