/**
 * The School Manager API client against the simulated Apple over real HTTP: client assertion and
 * token caching, paging by `links.next`, 429 with `Retry-After` honoured on the injected clock,
 * POST never replayed after a 5xx, activities and their CSV logs. Sleeps are recorded, never waited.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SchoolManagerClient, type SchoolManagerClientOptions } from '../../../src/apple/asm-api/asm-client.js';
import { sameServerId } from '../../../src/apple/asm-api/asm-types.js';
import { generateTokenKeyPair } from '../../../src/apple/token-crypto.js';
import { ErrorCode } from '../../../src/errors.js';
import { ManualClock } from '../../../src/platform/clock.js';
import { startAppleSimulator, type CreatedApiAccount, type RunningAppleSimulator } from '../../../src/simulator/apple/index.js';
import { homeroomErrorOf } from '../../support/assertions.js';

let apple: RunningAppleSimulator;
let clock: ManualClock;
let sleeps: number[];
let account: CreatedApiAccount;

function clientFor(options: Partial<SchoolManagerClientOptions> = {}): SchoolManagerClient {
  return new SchoolManagerClient({
    apiUrl: apple.url,
    tokenUrl: `${apple.url}/auth/oauth2/token`,
    scope: 'school.api',
    credentials: { clientId: account.clientId, keyId: account.keyId, privateKeyPem: account.privateKeyPem },
    userAgent: 'homeroom-test/1',
    clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.advance(ms);
    },
    random: () => 0.5,
    ...options,
  });
}

async function allSerials(client: SchoolManagerClient, limit?: number): Promise<{ serials: string[]; pages: number }> {
  const serials: string[] = [];
  let pages = 0;
  for await (const page of client.orgDevices(limit)) {
    pages += 1;
    serials.push(...page.map((device) => device.attributes.serialNumber));
  }
  return { serials, pages };
}

beforeEach(async () => {
  clock = new ManualClock('2026-11-02T09:00:00.000Z');
  sleeps = [];
  apple = await startAppleSimulator({ clock, seed: 7, devices: 25, schoolManagerActivityDelayMs: 60_000 });
  account = apple.schoolManager.createApiAccount('Homeroom');
});
afterEach(() => apple.close());

describe('SchoolManagerClient against the simulator', () => {
  it('pages orgDevices by links.next and signs in once: the access token is cached until it expires', async () => {
    const client = clientFor();
    const { serials, pages } = await allSerials(client, 10);
    expect(pages).toBe(3);
    expect(new Set(serials).size).toBe(25);
    expect(client.stats.tokenRequests).toBe(1);
    await client.mdmServers();
    expect(client.stats.tokenRequests).toBe(1);
    clock.advance(3600 * 1000);
    await client.mdmServers();
    expect(client.stats.tokenRequests).toBe(2);
  });

  it('reads a device with Apple’s attributes, its assigned server, AppleCare coverage; unknown serials are null', async () => {
    const client = clientFor();
    const first = (await client.orgDevices().next()).value![0]!;
    const serial = first.attributes.serialNumber;
    expect(first.attributes).toMatchObject({ productFamily: 'iPad', status: 'UNASSIGNED', releasedFromOrgDateTime: null });
    expect(first.attributes.orderNumber).toMatch(/^ORD-/);
    expect(['APPLE', 'RESELLER']).toContain(first.attributes.purchaseSourceType);
    expect((await client.orgDevice(serial))!.id).toBe(serial);
    expect(await client.orgDevice('NOSUCHSERIAL1')).toBeNull();
    expect(await client.assignedServerId(serial)).toBeNull();
    const coverage = await client.appleCareCoverage(serial);
    expect(coverage[0]!.attributes).toMatchObject({ description: 'Limited Warranty', paymentType: 'NONE' });
  });

  it('honours 429 Retry-After on GET (waits the seconds Apple asked, on the injected clock)', async () => {
    apple.faults.add({ kind: 'http', status: 429, endpoint: 'GET /v1/mdmServers', retryAfter: 7 });
    const client = clientFor();
    await client.mdmServers();
    expect(sleeps).toEqual([7000]);
  });

  it('a real rate limit answers 429 with Retry-After until the minute is over, and the client waits it out', async () => {
    await apple.close();
    apple = await startAppleSimulator({ clock, seed: 7, devices: 25, schoolManagerRequestsPerMinute: 2 });
    account = apple.schoolManager.createApiAccount('Homeroom');
    const client = clientFor();
    const { pages } = await allSerials(client, 5);
    expect(pages).toBe(5);
    expect(sleeps.length).toBeGreaterThanOrEqual(1);
    expect(sleeps.every((ms) => ms > 0 && ms <= 60_000)).toBe(true);
  });

  it('retries a GET after 500 but never replays POST /v1/orgDeviceActivities after a 500: APPLE_UNAVAILABLE, attempts 1', async () => {
    const client = clientFor();
    apple.faults.add({ kind: 'http', status: 500, endpoint: 'GET /v1/mdmServers' });
    await client.mdmServers();
    expect(sleeps).toHaveLength(1);
    const serial = (await client.orgDevices().next()).value![0]!.id;
    apple.faults.add({ kind: 'http', status: 500, endpoint: 'POST /v1/orgDeviceActivities', times: 3 });
    const error = await homeroomErrorOf(client.createActivity({ activityType: 'ASSIGN_DEVICES', serials: [serial], mdmServerId: 'X' }));
    expect(error.code).toBe(ErrorCode.APPLE_UNAVAILABLE);
    expect(error.details).toMatchObject({ attempts: 1, status: 500 });
    expect(apple.stats()['POST /v1/orgDeviceActivities']).toBe(1);
  });

  it('a wrong key is refused at the token endpoint: SCHOOL_MANAGER_CREDENTIALS_REJECTED (invalid_client), nothing retried', async () => {
    const other = apple.schoolManager.createApiAccount('Other');
    const client = clientFor({ credentials: { clientId: account.clientId, keyId: account.keyId, privateKeyPem: other.privateKeyPem } });
    const error = await homeroomErrorOf(client.mdmServers());
    expect(error.code).toBe(ErrorCode.SCHOOL_MANAGER_CREDENTIALS_REJECTED);
    expect(error.details).toMatchObject({ appleCode: 'invalid_client' });
    expect(apple.stats()['POST /auth/oauth2/token']).toBe(1);
  });

  it('assigns through an activity: IN_PROGRESS, then COMPLETED_WITH_SUCCESS with a per-serial CSV log; the device shows its server', async () => {
    const client = clientFor();
    const created = apple.portal.createServer({ name: 'Homeroom MDM', publicKeyPem: testCertificate() });
    const servers = await client.mdmServers();
    const server = servers.find((candidate) => candidate.attributes.serverName === 'Homeroom MDM')!;
    expect(sameServerId(server.id, created.server.server_uuid)).toBe(true);
    const [a, b] = (await client.orgDevices(2).next()).value!.map((device: { id: string }) => device.id) as [string, string];
    const activity = await client.createActivity({
      activityType: 'ASSIGN_DEVICES',
      serials: [a, b, 'NOSUCHSERIAL1'],
      mdmServerId: server.id,
    });
    expect(activity.attributes).toMatchObject({ status: 'IN_PROGRESS', activityType: 'ASSIGN_DEVICES' });
    apple.schoolManager.completeActivities();
    const done = (await client.activity(activity.id))!;
    expect(done.attributes).toMatchObject({ status: 'COMPLETED', subStatus: 'COMPLETED_WITH_PARTIAL_FAILURE' });
    const csv = await client.activityLog(done.attributes.downloadUrl!);
    expect(csv.split('\r\n')).toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(`^${a},SUCCESS,`)), expect.stringMatching(/^NOSUCHSERIAL1,FAILED,/)]),
    );
    expect(sameServerId((await client.assignedServerId(a))!, created.server.server_uuid)).toBe(true);
    const onServer: string[] = [];
    for await (const page of client.mdmServerSerials(server.id)) onServer.push(...page);
    expect(onServer.sort()).toEqual([a, b].sort());
  });
});

function testCertificate(): string {
  return generateTokenKeyPair().certificatePem;
}
