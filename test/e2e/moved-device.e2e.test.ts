import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock.js';
import type { RunningAppleSimulator } from '../../src/simulator/apple/index.js';
import { VirtualIPad } from '../../src/simulator/device/index.js';
import {
  AssignProfileDocument,
  CreateEnrollmentProfileDocument,
  GenerateEncryptionPublicKeyDocument,
  SetDefaultEnrollmentProfileDocument,
  SyncDevicesDocument,
  TokenMovedDevicesDocument,
  UploadTokenDocument,
  type CreateEnrollmentProfileInput,
  type DeviceFilterInput,
} from '../generated/operations.js';
import { startTestServer, type TestServer } from '../support/server.js';

const HOUR = 3600 * 1000;
const OLD_SERVER = 'Riverside Homeroom';
const NEW_SERVER = 'Hillside Homeroom';

/**
 * Issue 14, defect 1, over real HTTP only: the school's admin at the simulated Apple School Manager
 * portal (its HTTP API, as `asm` uses it), a frontend's GraphQL calls, and a virtual iPad. The iPad
 * enrolls under one token, the admin moves it in ASM to another MDM server whose token is in
 * Homeroom too, both tokens sync, and GraphQL shows the wipe it now needs and where it went.
 */
describe('an enrolled iPad moved in Apple School Manager to another token’s MDM server', () => {
  // One clock for Homeroom, the simulated Apple and the iPad: syncs an hour apart are never too soon. Whole seconds,
  // as Apple's dates are.
  const clock = new ManualClock(new Date(Math.floor(Date.now() / 1000) * 1000).toISOString());
  let t: TestServer;
  let apple: RunningAppleSimulator;

  /** The simulated portal's HTTP API (what `asm` calls). */
  async function portal<T>(path: string, body: unknown): Promise<T> {
    const response = await fetch(`${apple.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.ok).toBe(true);
    return (await response.json()) as T;
  }

  /** Homeroom's key, an MDM server made for it in ASM, `devices` new iPads assigned to it, its token uploaded: the token's ID. */
  async function school(name: string, serverName: string, devices: number): Promise<{ tokenId: string; serials: string[] }> {
    const key = (await t.request(GenerateEncryptionPublicKeyDocument, {})).data!.generateEncryptionPublicKey.encryptionPublicKey;
    const created = await portal<{ token: { content: string } }>('/portal/servers', { name: serverName, publicKeyPem: key.certificate });
    let serials: string[] = [];
    if (devices > 0) {
      ({ serials } = await portal<{ serials: string[] }>('/portal/orders', { count: devices }));
      await portal(`/portal/servers/${encodeURIComponent(serverName)}/devices`, { serials });
    }
    const uploaded = await t.request(UploadTokenDocument, {
      input: { name, appleId: `it@${name.toLowerCase()}.example`, tokenFile: created.token.content },
    });
    expect(uploaded.errors).toBeUndefined();
    await t.server.services.sync.idle();
    return { tokenId: uploaded.data!.uploadToken.token.id, serials };
  }

  async function createProfile(tokenId: string, input: Omit<CreateEnrollmentProfileInput, 'tokenId'>): Promise<string> {
    const res = await t.request(CreateEnrollmentProfileDocument, { input: { tokenId, ...input } });
    expect(res.errors).toBeUndefined();
    return res.data!.createEnrollmentProfile.enrollmentProfile.id;
  }

  async function sync(tokenId: string): Promise<void> {
    clock.advance(HOUR);
    const res = await t.request(SyncDevicesDocument, { input: { tokenId } });
    expect(res.errors).toBeUndefined();
    await t.server.services.sync.idle();
  }

  async function tokenDevices(tokenId: string, filter: DeviceFilterInput) {
    const res = await t.request(TokenMovedDevicesDocument, { id: tokenId, filter, first: 10 });
    expect(res.errors).toBeUndefined();
    const node = res.data!.node;
    if (node?.__typename !== 'EnrollmentProgramToken') throw new Error('not a token');
    return node;
  }

  const cart = {
    userAffinity: 'WITHOUT_USER_AFFINITY',
    supervised: true,
    lockedEnrollment: false,
    sharedIPad: false,
    pairing: 'DENY_ALL',
    awaitDeviceConfigured: false,
    skippedPanes: [],
  } satisfies Omit<CreateEnrollmentProfileInput, 'tokenId' | 'name'>;

  beforeAll(async () => {
    t = await startTestServer({ clock });
    apple = t.server.apple.simulator!;
  });
  afterAll(() => t.close());

  it('the new token shows it requiresWipe with its own profile; the old token lists it moved away (when, where), beside deviceCount', async () => {
    const riverside = await school('Riverside', OLD_SERVER, 3);
    const hillside = await school('Hillside', NEW_SERVER, 0);
    const [serial, , kept] = riverside.serials as [string, string, string];

    const libraryCarts = await createProfile(riverside.tokenId, { ...cart, name: 'Library carts' });
    const assigned = await t.request(AssignProfileDocument, { input: { profileId: libraryCarts, devices: { serialNumbers: [serial] } } });
    expect(assigned.errors).toBeUndefined();
    await t.server.services.assignments.idle();
    const ipad = await VirtualIPad.create({ appleUrl: apple.url, serialNumber: serial, clock, connectPollIntervalMs: 5 });
    expect(await ipad.powerOn()).toBe('HOME');
    expect(ipad.managed).toBe(true);

    // Hillside gives every new device its own profile.
    const labCarts = await createProfile(hillside.tokenId, { ...cart, name: 'Lab carts' });
    const defaulted = await t.request(SetDefaultEnrollmentProfileDocument, { input: { tokenId: hillside.tokenId, profileId: labCarts } });
    expect(defaulted.errors).toBeUndefined();

    clock.advance(HOUR);
    const movedAt = clock.now().toISOString();
    const moved = await portal<{ moved: string[] }>('/portal/devices/move', { serials: [serial], toServer: NEW_SERVER });
    expect(moved.moved).toEqual([serial]);
    await sync(hillside.tokenId);
    await sync(riverside.tokenId);

    // The new token: Apple holds Lab carts for it, the iPad still runs Library carts until it is wiped.
    const atNew = await tokenDevices(hillside.tokenId, { requiresWipe: true });
    expect(atNew).toMatchObject({ deviceCount: 1, movedAwayDeviceCount: 0, devices: { totalCount: 1 } });
    expect(atNew.devices.edges[0]!.node).toMatchObject({
      serialNumber: serial,
      requiresWipe: true,
      profileStatus: 'ASSIGNED',
      profile: { name: 'Lab carts' },
      enrollment: { state: 'ENROLLED', profile: { name: 'Library carts' } },
      movedAwayAt: movedAt,
      movedAwayFrom: { id: riverside.tokenId, serverName: OLD_SERVER },
      token: { id: hillside.tokenId, serverName: NEW_SERVER },
    });

    // The old token: no longer among its devices, but not lost either.
    const atOld = await tokenDevices(riverside.tokenId, { movedAway: true });
    expect(atOld).toMatchObject({ deviceCount: 2, movedAwayDeviceCount: 1, devices: { totalCount: 1 } });
    expect(atOld.devices.edges[0]!.node).toMatchObject({
      serialNumber: serial,
      movedAwayAt: movedAt,
      token: { serverName: NEW_SERVER },
      removedAt: null,
    });
    const listed = await tokenDevices(riverside.tokenId, {});
    expect(listed.devices.edges.map((edge) => edge.node.serialNumber)).not.toContain(serial);
    expect(listed.devices.edges.map((edge) => edge.node.serialNumber)).toContain(kept);
    expect((await tokenDevices(riverside.tokenId, { removed: true })).devices.totalCount).toBe(0);
  });
});
