/**
 * Issue 3's acceptance, end to end over real HTTP: Homeroom's token crypto and DEP client
 * against the Apple simulator, which shares nothing with them but the wire. One manual clock
 * drives both sides, so cursor ages and Retry-After waits are exact and instant.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DepClient, type DepClientOptions } from '../../src/apple/dep-client.js';
import { generateTokenKeyPair, readServerToken, type ServerToken, type TokenKeyPair } from '../../src/apple/token-crypto.js';
import { ErrorCode } from '../../src/errors.js';
import { ManualClock } from '../../src/platform/clock.js';
import { startAppleSimulator, type RunningAppleSimulator } from '../../src/simulator/apple/index.js';
import { collect } from '../support/assertions.js';
import { depError } from './support/dep-error.js';

const DAY = 24 * 60 * 60 * 1000;
const USER_AGENT = 'homeroom-test/1';

let clock: ManualClock;
let simulator: RunningAppleSimulator;
let keyPair: TokenKeyPair;
let otherKeyPair: TokenKeyPair;
let serials: string[];
let sleeps: number[];

/** A client on the shared clock whose sleeps advance that clock instead of waiting. */
function clientFor(credentials: ServerToken, options: Partial<DepClientOptions> = {}): DepClient {
  return new DepClient({
    baseUrl: simulator.url,
    credentials,
    userAgent: USER_AGENT,
    clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.advance(ms);
    },
    random: () => 0.5,
    ...options,
  });
}

/** Creates an MDM server in the portal with its own key pair and returns a client holding its token. */
function newServer(name: string, assign: string[] = []): { client: DepClient; token: ServerToken } {
  const { token } = simulator.portal.createServer({ name, publicKeyPem: keyPair.certificatePem });
  if (assign.length) simulator.portal.assignDevices(name, { serials: assign });
  const credentials = readServerToken(token.content, keyPair);
  return { client: clientFor(credentials), token: credentials };
}

beforeAll(async () => {
  clock = new ManualClock('2026-09-01T08:00:00Z');
  simulator = await startAppleSimulator({ port: 0, host: '127.0.0.1', clock, seed: 3, devices: 6000, orders: 3 });
  keyPair = generateTokenKeyPair({ now: clock.now() });
  otherKeyPair = generateTokenKeyPair({ now: clock.now() });
  serials = simulator.portal.listDevices({}).map((d) => d.serial_number);
});

afterAll(async () => {
  await simulator?.close();
});

describe('token round trip', () => {
  it('generates a key, lets the portal issue a token to it, decrypts it, and reads /account with it', async () => {
    sleeps = [];
    const { client, token } = newServer('Round Trip MDM');
    expect(token.consumerKey).toMatch(/^CK_/);
    expect(token.accessTokenExpiry.getTime() - clock.now().getTime()).toBeGreaterThan(364 * DAY);
    const account = await client.account();
    expect(account.server_name).toBe('Round Trip MDM');
    expect(account.org_type).toBe('edu');
    expect(account.org_name).toBe(simulator.portal.organization().org_name);
  });

  it('refuses a token encrypted to another key with TOKEN_WRONG_KEY and garbage with TOKEN_UNREADABLE', () => {
    const { token } = simulator.portal.createServer({ name: 'Other Key MDM', publicKeyPem: otherKeyPair.certificatePem });
    expect(() => readServerToken(token.content, keyPair)).toThrow(expect.objectContaining({ code: ErrorCode.TOKEN_WRONG_KEY }));
    expect(() => readServerToken('this is not a token', keyPair)).toThrow(expect.objectContaining({ code: ErrorCode.TOKEN_UNREADABLE }));
  });

  it('decrypts a token issued to a certificate whose name is not ASCII (a school called Collège Sainte-Anne)', () => {
    const accented = generateTokenKeyPair({ commonName: 'Collège Sainte-Anne', now: clock.now() });
    const { token } = simulator.portal.createServer({ name: 'Accented MDM', publicKeyPem: accented.certificatePem });
    expect(readServerToken(token.content, accented).accessToken).toMatch(/^AT_/);
  });

  it('surfaces token_rejected as APPLE_TOKEN_REJECTED once the portal issued a newer token', async () => {
    sleeps = [];
    const { client } = newServer('Replaced MDM');
    await client.account();
    simulator.portal.downloadToken('Replaced MDM');
    simulator.expireSessions();
    const error = await depError(client.account());
    expect(error.code).toBe(ErrorCode.APPLE_TOKEN_REJECTED);
    expect(error.appleCode).toBe('token_rejected');
    expect(sleeps).toEqual([]);
  });
});

describe('fetch and sync', () => {
  it('fetches 2,500 devices with limit 1000 in 3 pages, then answers EXHAUSTED_CURSOR on the last cursor', async () => {
    sleeps = [];
    const mine = serials.slice(0, 2500);
    const { client } = newServer('Fetch MDM', mine);
    const pages = await collect(client.fetchDevices({ limit: 1000 }));
    expect(pages.map((p) => p.devices.length)).toEqual([1000, 1000, 500]);
    expect(pages.map((p) => p.moreToFollow)).toEqual([true, true, false]);
    expect(new Set(pages.flatMap((p) => p.devices.map((d) => d.serial_number)))).toEqual(new Set(mine));
    const error = await depError(client.fetchDevicesPage({ cursor: pages[2]!.cursor, limit: 1000 }));
    expect(error.code).toBe(ErrorCode.APPLE_REQUEST_REJECTED);
    expect(error.appleCode).toBe('EXHAUSTED_CURSOR');
    expect(error.status).toBe(400);
  });

  it('syncs added, modified and deleted devices after portal changes, and refuses an 8-day-old cursor with EXPIRED_CURSOR', async () => {
    sleeps = [];
    const mine = serials.slice(2500, 2600);
    const { client } = newServer('Sync MDM', mine);
    simulator.portal.createServer({ name: 'Elsewhere MDM', publicKeyPem: keyPair.certificatePem });
    const fetched = await collect(client.fetchDevices({ limit: 1000 }));
    const cursor = fetched.at(-1)!.cursor;

    clock.advance(60_000);
    const order = simulator.portal.addOrder({ count: 3 });
    simulator.portal.assignDevices('Sync MDM', { orderNumbers: [order.orderNumber] });
    simulator.portal.moveDevices([mine[0]!], 'Elsewhere MDM');
    simulator.portal.releaseDevices([mine[1]!]);
    const defined = await client.defineProfile({
      profile_name: 'Students',
      url: 'https://homeroom.example/mdm/enroll',
      is_mdm_removable: true,
    });
    await client.assignProfile(defined.profile_uuid, [mine[2]!]);

    const changes = (await collect(client.syncDevices({ cursor, limit: 1000 }))).flatMap((p) => p.devices);
    const ops = (serial: string) => changes.filter((d) => d.serial_number === serial).map((d) => d.op_type);
    for (const serial of order.serials) expect(ops(serial)).toContain('added');
    expect(ops(mine[0]!)).toContain('deleted');
    expect(ops(mine[1]!)).toContain('deleted');
    expect(ops(mine[2]!)).toContain('modified');
    expect(changes.every((d) => typeof d.op_date === 'string')).toBe(true);

    clock.advance(8 * DAY);
    const expired = await depError(client.syncDevicesPage({ cursor, limit: 100 }));
    expect(expired.appleCode).toBe('EXPIRED_CURSOR');
    expect(expired.code).toBe(ErrorCode.APPLE_REQUEST_REJECTED);
  });
});

describe('profile assignment', () => {
  it('assigns 2,500 serials in 3 calls of at most 1000 and the simulator shows them on the profile', async () => {
    sleeps = [];
    const mine = serials.slice(3000, 5500);
    const { client } = newServer('Assign MDM', mine);
    const { profile_uuid } = await client.defineProfile({
      profile_name: 'Year 7',
      url: 'https://homeroom.example/mdm/enroll',
      is_mdm_removable: true,
    });
    const before = simulator.stats()['POST /profile/devices'] ?? 0;
    const result = await client.assignProfile(profile_uuid, mine);
    expect(result.calls).toBe(3);
    expect((simulator.stats()['POST /profile/devices'] ?? 0) - before).toBe(3);
    expect(Object.values(result.results).every((s) => s === 'SUCCESS')).toBe(true);
    const shown = simulator.portal.listDevices({ server: 'Assign MDM' });
    expect(shown.filter((d) => d.profile_uuid === profile_uuid)).toHaveLength(2500);
  });

  it('reports throttled serials as THROTTLED with retry_after_seconds', async () => {
    sleeps = [];
    const mine = serials.slice(5500, 5510);
    const { client } = newServer('Throttled MDM', mine);
    const { profile_uuid } = await client.defineProfile({
      profile_name: 'Busy',
      url: 'https://homeroom.example/mdm/enroll',
      is_mdm_removable: true,
    });
    simulator.faults.add({ kind: 'throttle', count: 4, retryAfterSeconds: 90 });
    const result = await client.assignProfile(profile_uuid, mine);
    expect(Object.values(result.results).filter((s) => s === 'THROTTLED')).toHaveLength(4);
    expect(Object.values(result.results).filter((s) => s === 'SUCCESS')).toHaveLength(6);
    expect(result.retryAfterSeconds).toBe(90);
  });

  it('retries a 503 after its Retry-After on the shared clock, and gives up with APPLE_UNAVAILABLE after its bound', async () => {
    sleeps = [];
    const mine = serials.slice(5510, 5520);
    const { client } = newServer('Unavailable MDM', mine);
    await client.account();
    simulator.faults.add({ kind: 'http', status: 503, retryAfter: 120, endpoint: 'POST /server/devices', times: 1 });
    const page = await client.fetchDevicesPage({ limit: 100 });
    expect(page.devices).toHaveLength(10);
    expect(sleeps).toEqual([120_000]);

    sleeps = [];
    const bounded = clientFor(newServer('Down MDM', serials.slice(5520, 5525)).token, { retry: { maxAttempts: 3 } });
    simulator.faults.add({ kind: 'http', status: 503, retryAfter: 5, endpoint: 'POST /server/devices', times: 10 });
    const error = await depError(bounded.fetchDevicesPage({ limit: 100 }));
    expect(error.code).toBe(ErrorCode.APPLE_UNAVAILABLE);
    expect(error.status).toBe(503);
    expect(error.attempts).toBe(3);
    expect(sleeps).toEqual([5000, 5000]);
    simulator.faults.clear();
  });
});

describe('activation service', () => {
  it("returns the assigned profile's configuration for an assigned serial and 'not managed' otherwise", async () => {
    sleeps = [];
    const [assigned, noProfile] = serials.slice(5530, 5532) as [string, string];
    const unassigned = serials[5990]!;
    const { client } = newServer('Activation MDM', [assigned, noProfile]);
    const { profile_uuid } = await client.defineProfile({
      profile_name: 'Shared carts',
      url: 'https://homeroom.example/mdm/enroll',
      is_supervised: true,
      is_mdm_removable: false,
      department: 'IT',
      support_phone_number: '+44 20 7946 0000',
      skip_setup_items: ['Siri', 'Location'],
    });
    await client.assignProfile(profile_uuid, [assigned]);

    const managed = simulator.activation.lookup(assigned);
    expect(managed).toMatchObject({
      managed: true,
      configuration: {
        ConfigurationURL: 'https://homeroom.example/mdm/enroll',
        IsSupervised: true,
        IsMDMUnremovable: true,
        OrganizationDepartment: 'IT',
        OrganizationSupportPhone: '+44 20 7946 0000',
        SkipSetup: ['Siri', 'Location'],
        OrganizationName: simulator.portal.organization().org_name,
      },
    });
    const [details] = Object.values(await client.deviceDetails([assigned]));
    expect(details?.profile_status).toBe('pushed');

    expect(simulator.activation.lookup(noProfile)).toMatchObject({ managed: false });
    expect(simulator.activation.lookup(unassigned)).toMatchObject({ managed: false });
  });
});
