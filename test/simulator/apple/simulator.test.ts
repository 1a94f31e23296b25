import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { createAppleSimulator, startAppleSimulator } from '../../../src/simulator/apple/index.js';
import { allSerials, depCall, ManualClock, readToken, request, signIn, testKeyPair, USER_AGENT } from './support.js';

/** One scripted run: everything a client can observe that the seed should fix. */
async function script(seed: number) {
  const clock = new ManualClock();
  const sim = await startAppleSimulator({ clock, seed, devices: 25, orders: 2 });
  try {
    const created = sim.portal.createServer({ name: 'Same', publicKeyPem: testKeyPair().certificatePem });
    sim.portal.assignDevices('Same', { serials: allSerials(sim).slice(0, 12) });
    const token = readToken(created.token.content);
    const session = await signIn(sim, token, clock);
    const profile = (await depCall(sim, session, 'POST', '/profile', { profile_name: 'P', url: 'https://h.example/e' })).json<{
      profile_uuid: string;
    }>();
    const page = (await depCall(sim, session, 'POST', '/server/devices', { limit: 5 })).json<{ cursor: string; devices: unknown[] }>();
    return {
      organization: sim.portal.organization(),
      devices: sim.portal.listDevices(),
      server: created.server,
      token,
      session,
      profile: profile.profile_uuid,
      cursor: page.cursor,
      page: page.devices,
      order: sim.portal.addOrder({ count: 3 }),
    };
  } finally {
    await sim.close();
  }
}

describe('the simulator as a whole', () => {
  it('gives the same org, serials, server UUID, credentials, session token, profile UUID and cursor for the same seed', async () => {
    const [a, b, c] = await Promise.all([script(42), script(42), script(43)]);
    expect(b).toEqual(a);
    expect(c.organization).not.toEqual(a.organization);
    expect(c.devices.map((d) => d.serial_number)).not.toEqual(a.devices.map((d) => d.serial_number));
    expect(c.token.consumer_key).not.toBe(a.token.consumer_key);
  });

  it('generates an organisation of the requested size in the requested number of orders, all unassigned', () => {
    const sim = createAppleSimulator({ clock: new ManualClock(), devices: 1000, orders: 4 });
    const devices = sim.portal.listDevices();
    expect(devices).toHaveLength(1000);
    expect(new Set(devices.map((d) => d.serial_number)).size).toBe(1000);
    expect([...new Set(devices.map((d) => d.order_number))]).toEqual(['ORD-2026-0001', 'ORD-2026-0002', 'ORD-2026-0003', 'ORD-2026-0004']);
    expect(devices.every((d) => d.server_name === null && d.profile_status === 'empty')).toBe(true);
    expect(devices[0]!.order_date < devices[999]!.order_date).toBe(true);
    expect(() => createAppleSimulator({ devices: 500_001 })).toThrow(RangeError);
  });

  it('serves its whole surface from handle() inside any node:http server', async () => {
    const sim = createAppleSimulator({ clock: new ManualClock(), devices: 10 });
    const server = http.createServer(sim.handle);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const org = await request(`http://127.0.0.1:${port}/portal/organization`);
      expect(org.json()).toEqual(sim.portal.organization());
      const session = await request(`http://127.0.0.1:${port}/session`, { headers: { 'user-agent': USER_AGENT } });
      expect([session.status, session.text]).toEqual([400, 'parameter_absent']);
      expect((await request(`http://127.0.0.1:${port}/simulator/stats`)).json()).toEqual({ portal: 1, 'GET /session': 1, simulator: 1 });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('logs one line per request and closes while a keep-alive connection is open', async () => {
    const lines: string[] = [];
    const clock = new ManualClock();
    const sim = await startAppleSimulator({ clock, devices: 10, log: (line) => lines.push(line) });
    const agent = new http.Agent({ keepAlive: true });
    await new Promise<void>((resolve, reject) =>
      http.get(`${sim.url}/portal/servers`, { agent }, (res) => res.resume().on('end', resolve)).on('error', reject),
    );
    await sim.close();
    agent.destroy();
    expect(lines).toEqual([expect.stringMatching(/^GET \/portal\/servers 200 \d+ms$/)]);
    const again = await depCall({ url: sim.url }, undefined, 'GET', '/account').catch((error: Error) => error);
    expect(again).toBeInstanceOf(Error);
  });
});
