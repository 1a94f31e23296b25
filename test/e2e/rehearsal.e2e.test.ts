/**
 * The "first day of term" rehearsal end to end, over real HTTP only: `runScenario` reads the
 * token's devices from Homeroom's GraphQL API and powers on virtual iPads that ask the simulated
 * Apple for their configuration and enroll against Homeroom's MDM endpoints. The school is set up
 * through Homeroom's services (the setup is not what is under test); Homeroom's GraphQL answers
 * are then checked against the report.
 *
 * Identities are EC P-256 PKCS#12 (`MDM_IDENTITY=pkcs12`, `MDM_IDENTITY_KEY`) and passwords hashed at the cheapest cost, so
 * hundreds of enrollments take seconds of CPU rather than minutes; the flow is the same. The long
 * tests raise vitest's own 30 s ceiling (a loaded CI machine shares two cores among everything);
 * nothing here asserts how long anything takes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollmentProgramToken } from '../../src/entities/enrollment-program-token.entity.js';
import { createLogger } from '../../src/logger.js';
import { toGlobalId } from '../../src/global-id.js';
import { UserAffinity } from '../../src/entities/enrollment-profile.entity.js';
import { systemContext } from '../../src/platform/request-context.js';
import { graphqlRequest, runScenario, type ScenarioProgress } from '../../src/simulator/device/index.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { cartProfile, uploadSimulatedToken } from '../support/tokens.js';

const ctx = systemContext(createLogger('silent'));

async function school(
  t: TestServer,
  name: string,
  devices: number,
): Promise<{ token: EnrollmentProgramToken; tokenId: string; serials: string[] }> {
  const simulator = t.server.apple.simulator!;
  const token = await uploadSimulatedToken(t.server.services, simulator, ctx, { name, devices });
  const serials = simulator.portal
    .listDevices({ server: name, limit: devices })
    .map((device) => device.serial_number)
    .sort();
  expect(serials).toHaveLength(devices);
  return { token, tokenId: toGlobalId('EnrollmentProgramToken', token.id), serials };
}

async function assign(t: TestServer, profileId: number, serialNumbers: string[]): Promise<void> {
  const { done } = await t.server.services.assignments.assign(ctx, profileId, { serialNumbers });
  expect((await done)?.status).toBe('SUCCEEDED');
}

/** How many of the token's devices Homeroom shows in each enrollment state, over GraphQL. */
async function enrollmentStates(t: TestServer, tokenId: string): Promise<Record<string, number>> {
  const states = ['NOT_CONTACTED', 'ENROLLING', 'AWAITING_USER', 'AWAITING_CONFIGURATION', 'ENROLLED', 'FAILED'];
  const counts: Record<string, number> = {};
  for (const state of states) {
    const data = await graphqlRequest<{ node: { devices: { totalCount: number } } }>(
      { url: t.server.url, apiKey: t.keys.READ_ONLY },
      `query ($id: ID!, $states: [EnrollmentState!]) { node(id: $id) { ... on EnrollmentProgramToken { devices(filter: { enrollmentStates: $states }) { totalCount } } } }`,
      { id: tokenId, states: [state] },
    );
    if (data.node.devices.totalCount > 0) counts[state] = data.node.devices.totalCount;
  }
  return counts;
}

describe('a rehearsal against a real Homeroom', () => {
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer({ env: { MDM_IDENTITY: 'pkcs12', MDM_IDENTITY_KEY: 'ec-p256', USER_PASSWORD_SCRYPT_LOG_N: '10' } });
  });
  afterAll(() => t.close());

  it('powers on 40 iPads without user affinity: the assigned ones enroll, the others end unmanaged, a lost network fails as injected', async () => {
    const { token, tokenId, serials } = await school(t, 'Riverside', 40);
    const profile = await t.server.services.profiles.create(ctx, token.id, { ...cartProfile('Year 7 carts'), awaitDeviceConfigured: true });
    const assigned = serials.slice(0, 30);
    await assign(t, profile.id, assigned);

    const progress: ScenarioProgress[] = [];
    const report = await runScenario({
      homeroomUrl: t.server.url,
      apiKey: t.keys.READ_ONLY,
      appleUrl: t.server.apple.simulator!.url,
      tokenId,
      count: 40,
      concurrency: 8,
      seed: 3,
      faults: { networkFailures: 2 },
      pollIntervalMs: 20,
      onProgress: (p) => progress.push(p),
    });

    const offline = new Set(report.faults.networkFailures);
    expect(offline.size).toBe(2);
    const assignedOnline = assigned.filter((serial) => !offline.has(serial)).length;
    expect(report).toMatchObject({
      count: 40,
      enrolled: assignedOnline,
      unmanaged: 40 - 2 - assignedOnline,
      failed: { NETWORK_FAILURE: 2 },
      unexpectedFailures: 0,
    });
    expect(report.devices.filter((d) => d.result === 'FAILED').every((d) => d.expected && d.fault === 'NETWORK_FAILURE')).toBe(true);
    expect(report.stages.total.count).toBe(40);
    expect(report.stages.enrollment.count).toBe(assignedOnline);
    expect(report.stages.awaitingConfiguration.count).toBe(assignedOnline);
    expect(report.stages.total.p95Ms).toBeGreaterThanOrEqual(report.stages.total.p50Ms);
    expect(progress).toHaveLength(40);
    expect(progress.at(-1)).toEqual({ done: 40, total: 40, enrolled: report.enrolled, unmanaged: report.unmanaged, failed: 2 });

    // Homeroom agrees: the unmanaged and the offline iPads never reached it.
    expect(await enrollmentStates(t, tokenId)).toEqual({ ENROLLED: assignedOnline, NOT_CONTACTED: 40 - assignedOnline });
  }, 300_000);

  it('the same seed picks the same devices and faults again', async () => {
    const { token, tokenId, serials } = await school(t, 'Lakeside', 12);
    const profile = await t.server.services.profiles.create(ctx, token.id, cartProfile('Lakeside carts'));
    await assign(t, profile.id, serials);
    const options = {
      homeroomUrl: t.server.url,
      apiKey: t.keys.READ_ONLY,
      appleUrl: t.server.apple.simulator!.url,
      tokenId,
      count: 6,
      seed: 11,
      faults: { networkFailures: 1 },
    };
    const [first, second] = [await runScenario(options), await runScenario(options)];
    expect(second.devices.map((d) => d.serialNumber)).toEqual(first.devices.map((d) => d.serialNumber));
    expect(second.faults).toEqual(first.faults);
    expect(second.enrolled).toBe(5);
  });

  it('Shared iPads keeping 2 users: 3 sign-ins each from the given users are counted, one eviction each; other iPads sign nobody in', async () => {
    const { token, tokenId, serials } = await school(t, 'Brookside', 6);
    const shared = await t.server.services.profiles.create(ctx, token.id, {
      ...cartProfile('Brookside shared'),
      userAffinity: UserAffinity.WITH_USER_AFFINITY,
      sharedIPad: true,
      maximumCachedUsers: 2,
      awaitDeviceConfigured: true,
    });
    const carts = await t.server.services.profiles.create(ctx, token.id, cartProfile('Brookside carts'));
    await assign(t, shared.id, serials.slice(0, 4));
    await assign(t, carts.id, serials.slice(4));
    const teacher = { username: 'teacher@brookside.example', password: 'chalk and talk 1' };
    await t.server.services.users.create(ctx, { ...teacher, displayName: 'Teacher', role: 'TEACHER' });
    const students = Array.from({ length: 5 }, (_, i) => `pupil${i + 1}@students.brookside.example`);

    const report = await runScenario({
      homeroomUrl: t.server.url,
      apiKey: t.keys.READ_ONLY,
      appleUrl: t.server.apple.simulator!.url,
      tokenId,
      concurrency: 3,
      credentials: [teacher],
      sharedSignIns: { perDevice: 3, users: students },
      pollIntervalMs: 20,
    });

    expect(report).toMatchObject({ count: 6, enrolled: 6, unexpectedFailures: 0 });
    expect(report.sharedSignIns).toEqual({ devices: 4, signedIn: 12, evicted: 4, failed: 0 });
    const sharedSerials = new Set(serials.slice(0, 4));
    for (const device of report.devices) {
      if (!sharedSerials.has(device.serialNumber)) {
        expect(device.sharedSignIns).toBeUndefined();
        continue;
      }
      expect(device.sharedSignIns!.signedIn).toHaveLength(3);
      expect(device.sharedSignIns!.evicted).toEqual([device.sharedSignIns!.signedIn[0]]);
      expect(device.sharedSignIns!.signedIn.every((user) => students.includes(user))).toBe(true);
    }

    // Homeroom's view over GraphQL: two resident users on each Shared iPad.
    const data = await graphqlRequest<{
      node: { devices: { edges: Array<{ node: { serialNumber: string; enrollment: { residentUsers: unknown[] } | null } }> } };
    }>(
      { url: t.server.url, apiKey: t.keys.ADMIN },
      'query ($id: ID!) { node(id: $id) { ... on EnrollmentProgramToken { devices(first: 10) { edges { node { serialNumber enrollment { residentUsers { username } } } } } } } }',
      { id: tokenId },
    );
    const resident = data.node.devices.edges.filter((edge) => sharedSerials.has(edge.node.serialNumber));
    expect(resident.map((edge) => edge.node.enrollment?.residentUsers.length)).toEqual([2, 2, 2, 2]);
  }, 300_000);

  it('200 iPads, 20 unassigned, 10 typing a wrong password: exactly 170 enrolled, 20 unmanaged, 10 failed WRONG_CREDENTIALS', async () => {
    const { token, tokenId, serials } = await school(t, 'Hillside', 200);
    const profile = await t.server.services.profiles.create(ctx, token.id, {
      ...cartProfile('Hillside 1:1'),
      userAffinity: UserAffinity.WITH_USER_AFFINITY,
      awaitDeviceConfigured: true,
    });
    await assign(t, profile.id, serials.slice(0, 180));
    const students = Array.from({ length: 180 }, (_, i) => ({
      username: `student${String(i + 1).padStart(3, '0')}@students.hillside.example`,
      password: `correct horse battery ${i + 1}`,
    }));
    for (const [i, student] of students.entries()) {
      await t.server.services.users.create(ctx, { ...student, displayName: `Student ${i + 1}`, role: 'STUDENT' });
    }

    const report = await runScenario({
      homeroomUrl: t.server.url,
      apiKey: t.keys.READ_ONLY,
      appleUrl: t.server.apple.simulator!.url,
      tokenId,
      count: 200,
      concurrency: 25,
      seed: 1,
      credentials: students,
      faults: { wrongPassword: 10 },
      pollIntervalMs: 50,
    });

    expect(report).toMatchObject({ count: 200, enrolled: 170, unmanaged: 20, failed: { WRONG_CREDENTIALS: 10 }, unexpectedFailures: 0 });
    expect(report.faults.wrongPassword).toHaveLength(10);
    const wrong = report.devices.filter((d) => d.fault === 'WRONG_PASSWORD');
    expect(wrong.every((d) => d.result === 'FAILED' && d.reason === 'WRONG_CREDENTIALS' && d.expected)).toBe(true);
    const enrolled = report.devices.filter((d) => d.result === 'ENROLLED');
    expect(enrolled.every((d) => typeof d.user === 'string' && d.user.endsWith('@students.hillside.example'))).toBe(true);

    // Homeroom's own view, over GraphQL: the same three numbers.
    expect(await enrollmentStates(t, tokenId)).toEqual({ ENROLLED: 170, FAILED: 10, NOT_CONTACTED: 20 });
  }, 900_000);
});
