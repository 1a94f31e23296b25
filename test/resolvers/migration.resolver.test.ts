import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock.js';
import type { RunningAppleSimulator } from '../../src/simulator/apple/index.js';
import {
  CancelDeviceMigrationDocument,
  MigrationEligibilityDocument,
  ScheduleDeviceMigrationDocument,
  SyncDevicesDocument,
  TokenMigratingDevicesDocument,
  UpdateDeviceMigrationDeadlineDocument,
} from '../generated/operations.js';
import { connectSchoolManager, migratingSchool, migrationProfile, OTHER_MDM_SERVER } from '../support/migration.js';
import { startTestServer, type TestServer } from '../support/server.js';

const DAY = 24 * 3600 * 1000;

/** The migration mutations over GraphQL, against the simulated Apple: update, cancel, and their refusals. */
describe('migration mutations', () => {
  const clock = new ManualClock(new Date(Math.floor(Date.now() / 1000) * 1000).toISOString());
  let t: TestServer;
  let apple: RunningAppleSimulator;
  let tokenId: string;
  let serials: string[];

  beforeAll(async () => {
    t = await startTestServer({ clock });
    apple = t.server.apple.simulator!;
    ({ tokenId, serials } = await migratingSchool(t, apple, { devices: 3, elsewhere: 3 }));
  });
  afterAll(() => t.close());

  async function syncedDeadline(serial: string): Promise<string | null | undefined> {
    clock.advance(3600 * 1000);
    expect((await t.request(SyncDevicesDocument, { input: { tokenId } })).errors).toBeUndefined();
    await t.server.services.sync.idle();
    const res = await t.request(TokenMigratingDevicesDocument, { id: tokenId, serial });
    const node = res.data!.node;
    if (node?.__typename !== 'EnrollmentProgramToken') throw new Error('not a token');
    return node.devices.edges.find((edge) => edge.node.serialNumber === serial)?.node.mdmMigrationDeadline;
  }

  it('refuses to schedule without an API account with SCHOOL_MANAGER_ACCOUNT_REQUIRED, and without a profile that awaits configuration with BAD_USER_INPUT', async () => {
    const schedule = { input: { tokenId, serialNumbers: [serials[0]!], deadlineInDays: 10 } };
    expect((await t.request(ScheduleDeviceMigrationDocument, schedule)).errors?.[0]?.extensions?.code).toBe(
      'SCHOOL_MANAGER_ACCOUNT_REQUIRED',
    );
    await connectSchoolManager(t, apple, tokenId);
    expect((await t.request(ScheduleDeviceMigrationDocument, schedule)).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'profileId',
    });
    expect(apple.schoolManager.migrationDeadlines.size).toBe(0);
  });

  it('moves a deadline at Apple, cancels a migration (CANCELLED), and refuses both for a device without one with MIGRATION_NOT_IN_PROGRESS', async () => {
    await migrationProfile(t, tokenId);
    const [first, second, third] = serials as [string, string, string];
    const scheduled = await t.request(ScheduleDeviceMigrationDocument, {
      input: { tokenId, serialNumbers: [first, second], deadlineInDays: 10 },
    });
    expect(scheduled.errors).toBeUndefined();
    await t.server.services.migrations.idle();
    expect(apple.schoolManager.migrationDeadlines.get(first)).toBe(new Date(clock.now().getTime() + 10 * DAY).toISOString());
    expect(await syncedDeadline(first)).toBe(new Date(clock.now().getTime() + 10 * DAY - 3600 * 1000).toISOString());

    const updated = await t.request(UpdateDeviceMigrationDeadlineDocument, {
      input: { tokenId, serialNumbers: [first], deadlineInDays: 30 },
    });
    expect(updated.errors).toBeUndefined();
    const deadline = new Date(clock.now().getTime() + 30 * DAY).toISOString();
    expect(updated.data!.updateDeviceMigrationDeadline.migrations).toMatchObject([
      { serialNumber: first, status: 'REQUESTED', deadline, activityType: 'UPDATE_MDM_MIGRATION_DEADLINE' },
    ]);
    await t.server.services.migrations.idle();
    expect(apple.schoolManager.migrationDeadlines.get(first)).toBe(deadline);

    const cancelled = await t.request(CancelDeviceMigrationDocument, { input: { tokenId, serialNumbers: [second] } });
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data!.cancelDeviceMigration.migrations).toMatchObject([{ serialNumber: second, status: 'CANCELLED' }]);
    await t.server.services.migrations.idle();
    expect(apple.schoolManager.migrationDeadlines.has(second)).toBe(false);
    // The sync sees both as `modified` devices the token lists: the moved deadline, and none after the cancel.
    expect(await syncedDeadline(first)).toBe(deadline);
    expect(await syncedDeadline(second)).toBeNull();

    const refusedUpdate = await t.request(UpdateDeviceMigrationDeadlineDocument, {
      input: { tokenId, serialNumbers: [second, third], deadlineInDays: 5 },
    });
    expect(refusedUpdate.errors?.[0]?.extensions).toMatchObject({ code: 'MIGRATION_NOT_IN_PROGRESS', serialNumbers: [second, third] });
    const refusedCancel = await t.request(CancelDeviceMigrationDocument, { input: { tokenId, serialNumbers: [first, third] } });
    expect(refusedCancel.errors?.[0]?.extensions).toMatchObject({ code: 'MIGRATION_NOT_IN_PROGRESS', serialNumbers: [third] });
    // Nothing changed: the first still has its moved deadline and its migration.
    expect(apple.schoolManager.migrationDeadlines.get(first)).toBe(deadline);
    expect((await t.server.services.migrations.findBySerials([first]))[0]).toMatchObject({ status: 'REQUESTED' });
  });

  it('refuses an iPad added with Apple Configurator less than 30 days ago with reason PROVISIONAL_PERIOD, sending nothing, and lets it migrate once the period ended', async () => {
    // Apple: a device added with Apple Configurator migrates only after its 30-day provisional period.
    const { serials: added } = apple.portal.addOrder({ count: 1, manuallyAdded: true, date: new Date(clock.now().getTime() - 5 * DAY) });
    const serial = added[0]!;
    apple.portal.assignDevices(OTHER_MDM_SERVER, { serials: [serial] });
    const eligibility = async () =>
      (await t.request(MigrationEligibilityDocument, { tokenId, serialNumbers: [serial] })).data!.migrationEligibility[0];
    expect(await eligibility()).toMatchObject({ eligible: false, reason: 'PROVISIONAL_PERIOD' });
    const refused = await t.request(ScheduleDeviceMigrationDocument, { input: { tokenId, serialNumbers: [serial], deadlineInDays: 10 } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'MIGRATION_NOT_ELIGIBLE',
      refused: [{ serialNumber: serial, reason: 'PROVISIONAL_PERIOD' }],
    });
    expect(apple.schoolManager.migrationDeadlines.has(serial)).toBe(false);

    clock.advance(25 * DAY);
    expect(await eligibility()).toMatchObject({ eligible: true, reason: null });
  });
});
