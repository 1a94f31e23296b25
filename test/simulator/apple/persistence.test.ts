import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { SchoolManagerClient } from '../../../src/apple/asm-api/asm-client.js';
import { startAppleSimulator } from '../../../src/simulator/apple/index.js';
import { allSerials, depCall, ManualClock, mdmServer, readToken, signIn, testKeyPair } from './support.js';

function tempStatePath(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apple-sim-'));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, 'nested', 'apple.json');
}

interface Page {
  devices: Array<Record<string, unknown>>;
  cursor: string;
}

describe('persistence', () => {
  it('keeps org, servers, credentials, profiles, devices and change log across a restart; sessions do not survive', async () => {
    const statePath = tempStatePath();
    const clock = new ManualClock();
    const first = await startAppleSimulator({ clock, seed: 5, devices: 40, statePath });
    const serials = allSerials(first);
    const { token, session, call } = await mdmServer(first, clock, 'Kept MDM', serials.slice(0, 10));
    const uuid = (await call('POST', '/profile', { profile_name: 'P', url: 'https://h.example/e', devices: serials.slice(0, 2) })).json<{
      profile_uuid: string;
    }>().profile_uuid;
    const { cursor } = (await call('POST', '/server/devices', { limit: 1000 })).json<Page>();
    clock.advance(1000);
    first.portal.releaseDevices([serials[5]!]);
    const apiAccount = first.schoolManager.createApiAccount('Kept API');
    const releasedAt = clock.now().getTime();
    first.portal.requireTermsAcceptance();
    first.portal.acceptTerms();
    const order = first.portal.addOrder({ count: 2 });
    const configured = first.portal.addOrder({ count: 1, manuallyAdded: true });
    const before = { org: first.portal.organization(), servers: first.portal.listServers(), devices: first.portal.listDevices() };
    await first.close();
    expect(fs.readdirSync(path.dirname(statePath))).toEqual(['apple.json']);

    const second = await startAppleSimulator({ clock, seed: 999, devices: 7, statePath });
    try {
      expect(second.seed).toBe(5);
      expect(second.portal.organization()).toEqual(before.org);
      expect(second.portal.listServers()).toEqual(before.servers);
      expect(second.portal.listDevices()).toEqual(before.devices);
      expect(second.schoolManager.accounts.get(apiAccount.clientId)).toMatchObject({ keyId: apiAccount.keyId, name: 'Kept API' });
      // The account's key still signs in after the restart, and the release keeps its date.
      const asm = new SchoolManagerClient({
        apiUrl: second.url,
        tokenUrl: `${second.url}/auth/oauth2/token`,
        scope: 'school.api',
        credentials: apiAccount,
        userAgent: 'homeroom-test/1',
        clock,
      });
      expect((await asm.orgDevice(serials[5]!))!.attributes.releasedFromOrgDateTime).toBe(new Date(releasedAt).toISOString());
      // Added with Apple Configurator, and still so after the restart.
      expect((await asm.orgDevice(configured.serials[0]!))!.attributes.purchaseSourceType).toBe('MANUALLY_ADDED');
      expect((await asm.orgDevice(order.serials[0]!))!.attributes.purchaseSourceType).not.toBe('MANUALLY_ADDED');
      expect((await depCall(second, session, 'GET', '/account')).status).toBe(403);
      const fresh = await signIn(second, token, clock);
      const profile = await depCall(second, fresh, 'GET', `/profile?profile_uuid=${uuid}`);
      expect(profile.json()).toMatchObject({ profile_name: 'P', profile_uuid: uuid });
      const sync = (await depCall(second, fresh, 'POST', '/devices/sync', { cursor })).json<Page>();
      expect(sync.devices.map((d) => [d.serial_number, d.op_type])).toEqual([[serials[5], 'deleted']]);
      const next = second.portal.addOrder({ count: 2 });
      expect(next.orderNumber).not.toBe(order.orderNumber);
      expect(next.serials.some((serial) => before.devices.some((d) => d.serial_number === serial))).toBe(false);
      const renewed = readToken(second.portal.downloadToken('Kept MDM').content, testKeyPair());
      expect(renewed.consumer_key).toBe(token.consumer_key);
      expect(renewed.access_token).not.toBe(token.access_token);
    } finally {
      await second.close();
    }
  });

  it('keeps the profile a device had on the server it left across a restart, so it still comes back removed', async () => {
    const statePath = tempStatePath();
    const clock = new ManualClock();
    const first = await startAppleSimulator({ clock, seed: 6, devices: 10, statePath });
    const [device, plain] = allSerials(first);
    const { call } = await mdmServer(first, clock, 'Memory MDM', [device!, plain!]);
    const uuid = (await call('POST', '/profile', { profile_name: 'P', url: 'https://h.example/e', devices: [device] })).json<{
      profile_uuid: string;
    }>().profile_uuid;
    first.portal.unassignDevices([device!, plain!]);
    await first.close();
    const saved = JSON.parse(fs.readFileSync(statePath, 'utf8')) as { devices: unknown[][] };
    expect(saved.devices.filter((row) => row.length === 6)).toEqual([
      [device, expect.any(Number), expect.any(Number), expect.any(Number), 1, [0, uuid, expect.any(Number)]],
    ]);

    const second = await startAppleSimulator({ clock, statePath });
    try {
      second.portal.assignDevices('Memory MDM', { serials: [device!, plain!] });
      const listed = second.portal.listDevices({ server: 'Memory MDM' });
      expect(listed.find((d) => d.serial_number === device)).toMatchObject({ profile_status: 'removed', profile_uuid: uuid });
      expect(listed.find((d) => d.serial_number === plain)).toMatchObject({ profile_status: 'empty' });
    } finally {
      await second.close();
    }
  });

  it('loads a state file written before devices remembered their last profile: those devices come back empty', async () => {
    const statePath = tempStatePath();
    const clock = new ManualClock();
    const first = await startAppleSimulator({ clock, seed: 7, devices: 5, statePath });
    const [device] = allSerials(first);
    const { call } = await mdmServer(first, clock, 'Old File MDM', [device!]);
    await call('POST', '/profile', { profile_name: 'P', url: 'https://h.example/e', devices: [device] });
    first.portal.unassignDevices([device!]);
    await first.close();
    const saved = JSON.parse(fs.readFileSync(statePath, 'utf8')) as { devices: unknown[][] };
    saved.devices = saved.devices.map((row) => row.slice(0, 5));
    fs.writeFileSync(statePath, JSON.stringify(saved));

    const second = await startAppleSimulator({ clock, statePath });
    try {
      second.portal.assignDevices('Old File MDM', { serials: [device!] });
      const [listed] = second.portal.listDevices({ server: 'Old File MDM' });
      expect(listed).toMatchObject({ serial_number: device, profile_status: 'empty' });
      expect(listed).not.toHaveProperty('profile_uuid');
    } finally {
      await second.close();
    }
  });

  it('saves on save() and writes nothing without a statePath', async () => {
    const statePath = tempStatePath();
    const clock = new ManualClock();
    const sim = await startAppleSimulator({ clock, seed: 2, devices: 10, statePath, saveDebounceMs: 60_000 });
    try {
      await sim.save();
      const saved = JSON.parse(fs.readFileSync(statePath, 'utf8')) as { format: string; devices: unknown[] };
      expect(saved.format).toBe('homeroom-apple-simulator');
      expect(saved.devices).toHaveLength(10);
      sim.portal.addOrder({ count: 5 });
      await sim.save();
      expect((JSON.parse(fs.readFileSync(statePath, 'utf8')) as { devices: unknown[] }).devices).toHaveLength(15);
    } finally {
      await sim.close();
    }
    const memoryOnly = await startAppleSimulator({ clock, devices: 10 });
    await memoryOnly.save();
    await memoryOnly.close();
  });

  it('refuses a state file that is not its own', async () => {
    const statePath = tempStatePath();
    fs.mkdirSync(path.dirname(statePath), { recursive: true });
    fs.writeFileSync(statePath, JSON.stringify({ hello: 'world' }));
    await expect(startAppleSimulator({ statePath })).rejects.toThrow(/not a homeroom-apple-simulator v1 state file/);
  });

  it('names the file and what to do when the state file is cut short', async () => {
    const statePath = tempStatePath();
    fs.mkdirSync(path.dirname(statePath), { recursive: true });
    fs.writeFileSync(statePath, '{"format":"homeroom-apple-sim');
    await expect(startAppleSimulator({ statePath })).rejects.toThrow(`cannot load its state file ${statePath}`);
    await expect(startAppleSimulator({ statePath })).rejects.toThrow(/Move it away to start a new organisation/);
  });
});
