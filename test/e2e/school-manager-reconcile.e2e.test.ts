import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock.js';
import type { RunningAppleSimulator } from '../../src/simulator/apple/index.js';
import {
  GenerateEncryptionPublicKeyDocument,
  ReconcileWithSchoolManagerDocument,
  SetSchoolManagerApiAccountDocument,
  SyncDevicesDocument,
  TokenSchoolManagerDevicesDocument,
  UploadTokenDocument,
  type DeviceFilterInput,
} from '../generated/operations.js';
import { startTestServer, type TestServer } from '../support/server.js';

const HOUR = 3600 * 1000;

/**
 * Over real HTTP only: the admin at the simulated Apple School Manager portal (as `asm` does it)
 * creates an MDM server and an API account, Homeroom gets the token and the account through
 * GraphQL, and a device released from the organisation, which DEP does not report, is found by
 * the reconcile with the School Manager API: on demand, and after the next sync.
 */
describe('reconcile with the Apple School Manager API', () => {
  const clock = new ManualClock(new Date(Math.floor(Date.now() / 1000) * 1000).toISOString());
  let t: TestServer;
  let apple: RunningAppleSimulator;

  async function portal<T>(path: string, body: unknown): Promise<T> {
    const response = await fetch(`${apple.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.ok).toBe(true);
    return (await response.json()) as T;
  }

  async function devicesOf(tokenId: string, filter: DeviceFilterInput = {}) {
    const res = await t.request(TokenSchoolManagerDevicesDocument, { id: tokenId, first: 10, filter });
    expect(res.errors).toBeUndefined();
    const node = res.data!.node;
    if (node?.__typename !== 'EnrollmentProgramToken') throw new Error('not a token');
    return node;
  }

  beforeAll(async () => {
    t = await startTestServer({ clock });
    apple = t.server.apple.simulator!;
  });
  afterAll(() => t.close());

  it('marks a device released from the organisation (no DEP event) with Apple’s date, and enriches the others', async () => {
    const key = (await t.request(GenerateEncryptionPublicKeyDocument, {})).data!.generateEncryptionPublicKey.encryptionPublicKey;
    const created = await portal<{ token: { content: string } }>('/portal/servers', {
      name: 'Reconcile MDM',
      publicKeyPem: key.certificate,
    });
    const { serials } = await portal<{ serials: string[] }>('/portal/orders', { count: 4 });
    await portal('/portal/servers/Reconcile%20MDM/devices', { serials });
    const uploaded = await t.request(UploadTokenDocument, {
      input: { name: 'Reconcile', appleId: 'it@reconcile.example', tokenFile: created.token.content },
    });
    expect(uploaded.errors).toBeUndefined();
    const tokenId = uploaded.data!.uploadToken.token.id;
    await t.server.services.sync.idle();

    const account = await portal<{ clientId: string; keyId: string; privateKeyPem: string }>('/portal/api-accounts', { name: 'Homeroom' });
    const stored = await t.request(SetSchoolManagerApiAccountDocument, {
      input: { tokenId, clientId: account.clientId, keyId: account.keyId, privateKey: account.privateKeyPem },
    });
    expect(stored.errors).toBeUndefined();
    expect(stored.data!.setSchoolManagerApiAccount).toMatchObject({
      replacedPrevious: false,
      schoolManagerApiAccount: { clientId: account.clientId, keyId: account.keyId },
    });

    // Released in ASM the way DEP does not report: the token's sync sees no change.
    clock.advance(HOUR);
    const releasedAt = clock.now().toISOString();
    const [released, second] = serials as [string, string];
    await portal('/portal/devices/release', { serials: [released], depEvent: false });

    const reconciled = await t.request(ReconcileWithSchoolManagerDocument, { input: { tokenId } });
    expect(reconciled.errors).toBeUndefined();
    expect(reconciled.data!.reconcileWithSchoolManager).toMatchObject({
      devicesChecked: 4,
      devicesReleased: 1,
      devicesNotOnServer: 0,
      coverageRead: 3,
    });

    const after = await devicesOf(tokenId);
    expect(after.schoolManagerApiAccount).toMatchObject({ clientId: account.clientId });
    const bySerial = new Map(after.devices.edges.map((edge) => [edge.node.serialNumber, edge.node]));
    expect(bySerial.get(released)).toMatchObject({ releasedFromOrgAt: releasedAt, removedAt: null });
    for (const serial of serials.slice(1)) {
      const device = bySerial.get(serial)!;
      expect(device.releasedFromOrgAt).toBeNull();
      expect(device.orderNumber).toMatch(/^ORD-/);
      expect(['APPLE', 'RESELLER']).toContain(device.purchaseSourceType);
      expect(['ACTIVE', 'INACTIVE']).toContain(device.appleCareStatus);
      expect(device.appleCareDescription).toMatch(/Limited Warranty|AppleCare\+/);
      expect(device.schoolManagerCheckedAt).not.toBeNull();
    }

    // After the next sync, the reconcile runs by itself and finds the next release.
    clock.advance(HOUR);
    const laterAt = clock.now().toISOString();
    await portal('/portal/devices/release', { serials: [second], depEvent: false });
    clock.advance(HOUR);
    const synced = await t.request(SyncDevicesDocument, { input: { tokenId } });
    expect(synced.errors).toBeUndefined();
    await t.server.services.sync.idle();
    await t.server.services.schoolManager.idle();
    const later = new Map((await devicesOf(tokenId)).devices.edges.map((edge) => [edge.node.serialNumber, edge.node]));
    // DEP's sync said nothing of it: it is not removed, only released.
    expect(later.get(second)).toMatchObject({ releasedFromOrgAt: laterAt, removedAt: null });
    expect(later.get(released)).toMatchObject({ releasedFromOrgAt: releasedAt });
    const onlyReleased = await devicesOf(tokenId, { releasedFromOrg: true });
    expect(onlyReleased.devices.edges.map((edge) => edge.node.serialNumber).sort()).toEqual([released, second].sort());
    expect((await devicesOf(tokenId, { releasedFromOrg: false })).devices.totalCount).toBe(2);
  });
});
