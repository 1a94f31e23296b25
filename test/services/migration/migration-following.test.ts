/**
 * Following Apple's migration activities across a restart: Homeroom stops while Apple still works
 * on an activity (the simulator holds it IN_PROGRESS), and the next start reads it again until
 * Apple finishes, so the rows do not stay IN_PROGRESS forever. Apple is a simulator this test
 * starts, so it keeps its activities while Homeroom restarts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger.js';
import { ManualClock } from '../../../src/platform/clock.js';
import { systemContext } from '../../../src/platform/request-context.js';
import { startAppleSimulator, type RunningAppleSimulator } from '../../../src/simulator/apple/index.js';
import { DeviceMigrationNodeDocument, ScheduleDeviceMigrationDocument } from '../../generated/operations.js';
import { connectSchoolManager, migratingSchool, migrationProfile } from '../../support/migration.js';
import { startTestServer, type TestServer } from '../../support/server.js';

const HOUR = 3600 * 1000;

describe('migration activities', () => {
  const clock = new ManualClock(new Date(Math.floor(Date.now() / 1000) * 1000).toISOString());
  let apple: RunningAppleSimulator;
  let t: TestServer;
  let tokenId: string;
  let serials: string[];

  async function activityStatusOf(migrationId: string): Promise<string> {
    const res = await t.request(DeviceMigrationNodeDocument, { id: migrationId });
    expect(res.errors).toBeUndefined();
    const node = res.data!.node;
    if (node?.__typename !== 'DeviceMigration') throw new Error('not a migration');
    return node.activityStatus;
  }

  beforeAll(async () => {
    // Apple carries activities out an hour after they are made, or when the test says so.
    apple = await startAppleSimulator({ port: 0, host: '127.0.0.1', clock, devices: 0, schoolManagerActivityDelayMs: HOUR });
    t = await startTestServer({ clock, env: { APPLE_DEP_URL: apple.url } });
    // The built-in simulator's push certificate comes with it; with an Apple of the test's own, it is asked for.
    await t.server.services.pushCertificates.ensureSimulated(systemContext(createLogger('silent')));
    ({ tokenId, serials } = await migratingSchool(t, apple, { devices: 2, elsewhere: 2 }));
    await connectSchoolManager(t, apple, tokenId);
    await migrationProfile(t, tokenId);
  });
  afterAll(async () => {
    await t?.close();
    await apple?.close();
  });

  it('follows an activity left IN_PROGRESS by a stopped server once the next one starts, to COMPLETED', async () => {
    const scheduled = await t.request(ScheduleDeviceMigrationDocument, {
      input: { tokenId, serialNumbers: serials, deadlineInDays: 10 },
    });
    expect(scheduled.errors).toBeUndefined();
    const migrations = scheduled.data!.scheduleDeviceMigration.migrations;
    expect(migrations.map((migration) => migration.activityStatus)).toEqual(['IN_PROGRESS', 'IN_PROGRESS']);

    // Homeroom stops while Apple still works on it: the shutdown does not wait for Apple, and the rows keep IN_PROGRESS.
    await t.restart();
    expect(await activityStatusOf(migrations[0]!.id)).toBe('IN_PROGRESS');

    apple.schoolManager.completeActivities();
    await t.server.services.migrations.idle();
    for (const { id } of migrations) expect(await activityStatusOf(id)).toBe('COMPLETED');
    expect(apple.schoolManager.migrationDeadlines.get(serials[0]!)).toBe(new Date(clock.now().getTime() + 10 * 24 * HOUR).toISOString());
  });
});
