import { describe, expect, it } from 'vitest';
import { PortalError } from '../../../src/simulator/apple/index.js';
import { allSerials, getSession, readToken, request, startSimulator, testKeyPair } from './support.js';

const YEAR_MS = 365 * 24 * 3600 * 1000;

describe('creating servers and downloading tokens', () => {
  it('creates a server from the uploaded certificate and issues a token only that key can read, valid for a year', async () => {
    const { sim, clock } = await startSimulator();
    const { server, token } = sim.portal.createServer({ name: 'Homeroom', publicKeyPem: testKeyPair().certificatePem });
    expect(server).toMatchObject({ server_name: 'Homeroom', device_count: 0, token_expiry: '2027-09-01T08:00:00Z' });
    expect(server.server_uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(server.admin_id).toBe(sim.portal.organization().people[0]);
    expect(token.fileName).toBe('Homeroom_Token_2026-09-01T08-00-00Z_smime.p7m');
    const json = readToken(token.content);
    expect(Object.keys(json)).toEqual(['consumer_key', 'consumer_secret', 'access_token', 'access_secret', 'access_token_expiry']);
    expect(Date.parse(json.access_token_expiry) - clock.now().getTime()).toBe(YEAR_MS);
    expect(json.access_token.endsWith(`O${clock.now().getTime()}`)).toBe(true);
    expect(() => readToken(token.content, testKeyPair('intruder'))).toThrow();
  });

  it('refuses a taken name with SERVER_NAME_TAKEN and a bad certificate with INVALID_CERTIFICATE', async () => {
    const { sim } = await startSimulator();
    sim.portal.createServer({ name: 'Taken', publicKeyPem: testKeyPair().certificatePem });
    expect(() => sim.portal.createServer({ name: 'Taken', publicKeyPem: testKeyPair().certificatePem })).toThrow(
      expect.objectContaining({ code: 'SERVER_NAME_TAKEN', status: 400 }),
    );
    expect(() => sim.portal.createServer({ name: 'Bad', publicKeyPem: 'hello' })).toThrow(
      expect.objectContaining({ code: 'INVALID_CERTIFICATE' }),
    );
    expect(() => sim.portal.downloadToken('Nobody')).toThrow(PortalError);
  });

  it('replaces the credentials on a new download: the old token gets token_rejected, the new one signs in', async () => {
    const { sim, clock } = await startSimulator();
    const first = readToken(sim.portal.createServer({ name: 'Renewed', publicKeyPem: testKeyPair().certificatePem }).token.content);
    clock.advance(1000);
    const second = readToken(sim.portal.downloadToken('Renewed').content);
    expect(second.consumer_key).toBe(first.consumer_key);
    expect(second.access_token).not.toBe(first.access_token);
    expect((await getSession(sim, first, clock)).text).toBe('token_rejected');
    expect((await getSession(sim, second, clock)).status).toBe(200);
  });

  it('encrypts a new download to a newly uploaded certificate when one is given', async () => {
    const { sim } = await startSimulator();
    sim.portal.createServer({ name: 'Rekeyed', publicKeyPem: testKeyPair().certificatePem });
    const file = sim.portal.downloadToken('Rekeyed', { publicKeyPem: testKeyPair('new-key').certificatePem });
    expect(readToken(file.content, testKeyPair('new-key')).consumer_key).toMatch(/^CK_/);
  });

  it('expires a token on request: /session answers token_expired', async () => {
    const { sim, clock } = await startSimulator();
    const token = readToken(sim.portal.createServer({ name: 'Expiring', publicKeyPem: testKeyPair().certificatePem }).token.content);
    sim.portal.expireToken('Expiring');
    expect(sim.portal.listServers()[0]!.token_expiry).toBe('2026-09-01T07:59:59Z');
    const response = await getSession(sim, token, clock);
    expect([response.status, response.text]).toEqual([401, 'token_expired']);
  });
});

describe('assigning devices', () => {
  it('assigns by serials, by order number and by CSV, reporting assigned, moved, unknown and unchanged', async () => {
    const { sim } = await startSimulator({ devices: 30, orders: 3 });
    const key = testKeyPair().certificatePem;
    sim.portal.createServer({ name: 'A', publicKeyPem: key });
    sim.portal.createServer({ name: 'B', publicKeyPem: key });
    const serials = allSerials(sim);
    expect(sim.portal.assignDevices('A', { serials: [serials[0]!, 'NOPE'] })).toEqual({
      assigned: [serials[0]],
      moved: [],
      unknown: ['NOPE'],
      unchanged: [],
    });
    const order = sim.portal.listDevices()[0]!.order_number;
    const byOrder = sim.portal.assignDevices('B', { orderNumbers: [order] });
    expect(byOrder.moved).toEqual([serials[0]]);
    expect(byOrder.assigned).toHaveLength(9);
    const csv = `Serial Number,Model\r\n${serials[20]},iPad\r\n"${serials[21]}",iPad\r\n${serials[0]!.toLowerCase()}\r\n`;
    expect(sim.portal.assignDevices('B', { csv })).toEqual({
      assigned: [serials[20], serials[21]],
      moved: [],
      unknown: [],
      unchanged: [serials[0]],
    });
    expect(sim.portal.listServers().map((s) => [s.server_name, s.device_count])).toEqual([
      ['A', 0],
      ['B', 12],
    ]);
    expect(() => sim.portal.assignDevices('B', { orderNumbers: ['ORD-0000'] })).toThrow(
      expect.objectContaining({ code: 'ORDER_NOT_FOUND', status: 404 }),
    );
  });

  it('moves, unassigns and releases devices; released ones leave the organisation', async () => {
    const { sim } = await startSimulator({ devices: 10 });
    const key = testKeyPair().certificatePem;
    sim.portal.createServer({ name: 'A', publicKeyPem: key });
    sim.portal.createServer({ name: 'B', publicKeyPem: key });
    const serials = allSerials(sim);
    sim.portal.assignDevices('A', { serials: serials.slice(0, 4) });
    expect(sim.portal.moveDevices([serials[0]!, serials[9]!], 'B')).toMatchObject({ moved: [serials[0]], assigned: [serials[9]] });
    expect(sim.portal.unassignDevices([serials[1]!, 'NOPE'])).toEqual({ unassigned: [serials[1]], unknown: ['NOPE'] });
    expect(sim.portal.releaseDevices([serials[2]!])).toEqual({ released: [serials[2]], unknown: [] });
    expect(sim.portal.listDevices({ server: 'A' }).map((d) => d.serial_number)).toEqual([serials[3]]);
    expect(sim.portal.listDevices({ server: 'B' }).map((d) => d.serial_number)).toEqual([serials[0], serials[9]]);
    expect(allSerials(sim)).toHaveLength(9);
    expect(sim.portal.listDevices().find((d) => d.serial_number === serials[1])).toMatchObject({
      server_name: null,
      profile_status: 'empty',
    });
  });

  it('adds orders of new unassigned devices with unique serials and ORD-<year>-<n> numbers', async () => {
    const { sim } = await startSimulator({ devices: 20, orders: 2 });
    const order = sim.portal.addOrder({ count: 5, model: 'iPad Air (5th generation)' });
    expect(order.orderNumber).toBe('ORD-2026-0003');
    expect(order.serials).toHaveLength(5);
    const devices = sim.portal.listDevices({ orderNumber: order.orderNumber });
    expect(
      devices.every((d) => d.model === 'iPad Air (5th generation)' && d.server_name === null && d.order_date === '2026-09-01T08:00:00Z'),
    ).toBe(true);
    expect(new Set(allSerials(sim)).size).toBe(25);
    expect(sim.portal.addOrder({ count: 1, orderNumber: 'PO-77' }).orderNumber).toBe('PO-77');
    expect(() => sim.portal.addOrder({ count: 1, orderNumber: 'PO-77' })).toThrow(expect.objectContaining({ code: 'ORDER_NUMBER_TAKEN' }));
    expect(() => sim.portal.addOrder({ count: 1, model: 'Newton' })).toThrow(expect.objectContaining({ code: 'UNKNOWN_MODEL' }));
    expect(() => sim.portal.addOrder({ count: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_REQUEST' }));
  });

  it('lists orders oldest first with the devices still in the organisation', async () => {
    const { sim } = await startSimulator({ devices: 20, orders: 2 });
    const added = sim.portal.addOrder({ count: 4 });
    sim.portal.releaseDevices([added.serials[0]!]);
    const orders = sim.portal.listOrders();
    expect(orders.map((o) => o.order_number)).toEqual(['ORD-2026-0001', 'ORD-2026-0002', added.orderNumber]);
    expect(orders.reduce((sum, o) => sum + o.device_count, 0)).toBe(23);
    expect(orders.at(-1)).toMatchObject({ device_count: 3 });
    const http = (await (await fetch(`${sim.url}/portal/orders`)).json()) as { orders: unknown[] };
    expect(http.orders).toEqual(orders);
  });

  it('requires and accepts terms', async () => {
    const { sim } = await startSimulator();
    sim.portal.requireTermsAcceptance();
    expect(sim.portal.termsRequired()).toBe(true);
    sim.portal.acceptTerms();
    expect(sim.portal.termsRequired()).toBe(false);
  });
});

describe('the portal over HTTP', () => {
  it('runs the whole flow as JSON under /portal', async () => {
    const { sim } = await startSimulator({ devices: 12, orders: 2 });
    const post = (path: string, body: unknown) =>
      request(`${sim.url}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    const organization = await request(`${sim.url}/portal/organization`);
    expect(organization.json()).toEqual(sim.portal.organization());

    const created = await post('/portal/servers', { name: 'Web MDM', publicKeyPem: testKeyPair().certificatePem });
    expect(created.status).toBe(201);
    const { server, token } = created.json<{ server: { server_name: string }; token: { fileName: string; content: string } }>();
    expect(server.server_name).toBe('Web MDM');
    expect(readToken(token.content).consumer_key).toMatch(/^CK_/);
    const taken = await post('/portal/servers', { name: 'Web MDM', publicKeyPem: testKeyPair().certificatePem });
    expect([taken.status, taken.json()]).toEqual([400, { error: { code: 'SERVER_NAME_TAKEN', message: expect.any(String) } }]);

    const renewed = await post(`/portal/servers/${encodeURIComponent('Web MDM')}/token`, {});
    expect(readToken(renewed.json<{ content: string }>().content).access_token).not.toBe(readToken(token.content).access_token);

    const order = (await request(`${sim.url}/portal/devices`)).json<{ total: number; devices: Array<{ order_number: string }> }>();
    expect(order.total).toBe(12);
    const assigned = await post(`/portal/servers/${encodeURIComponent('Web MDM')}/devices`, {
      orderNumbers: [order.devices[0]!.order_number],
    });
    expect(assigned.json<{ assigned: string[] }>().assigned).toHaveLength(6);
    const listed = await request(`${sim.url}/portal/devices?server=${encodeURIComponent('Web MDM')}&limit=2`);
    expect(listed.json<{ total: number; devices: unknown[] }>()).toMatchObject({ total: 6, devices: [{}, {}] });

    const serials = allSerials(sim);
    await post('/portal/servers', { name: 'Other', publicKeyPem: testKeyPair().certificatePem });
    expect((await post('/portal/devices/move', { serials: [serials[0]], toServer: 'Other' })).json()).toMatchObject({
      moved: [serials[0]],
    });
    expect((await post('/portal/devices/release', { serials: [serials[1]] })).json()).toEqual({ released: [serials[1]], unknown: [] });
    const added = await post('/portal/orders', { count: 3 });
    expect([added.status, added.json<{ serials: string[] }>().serials.length]).toEqual([201, 3]);
    expect((await post('/portal/terms/require', {})).json()).toEqual({ termsRequired: true });
    expect((await post('/portal/terms/accept', {})).json()).toEqual({ termsRequired: false });
    expect((await request(`${sim.url}/portal/servers`)).json<{ servers: unknown[] }>().servers).toHaveLength(2);

    const missing = await post('/portal/servers/Nobody/token', {});
    expect([missing.status, missing.json<{ error: { code: string } }>().error.code]).toEqual([404, 'SERVER_NOT_FOUND']);
    const nowhere = await request(`${sim.url}/portal/nowhere`);
    expect(nowhere.status).toBe(404);
    const broken = await post('/portal/orders', '{');
    expect([broken.status, broken.json<{ error: { code: string } }>().error.code]).toEqual([400, 'MALFORMED_REQUEST_BODY']);
  });
});
