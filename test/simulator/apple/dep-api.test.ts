import { describe, expect, it } from 'vitest';
import { allSerials, DAY_MS, depCall, mdmServer, request, signIn, startSimulator, testKeyPair, USER_AGENT } from './support.js';

interface Page {
  devices: Array<Record<string, unknown>>;
  cursor: string;
  more_to_follow: boolean;
  fetched_until: string;
}

const PROFILE = { profile_name: 'Students', url: 'https://homeroom.example/mdm/enroll', is_supervised: true, is_mdm_removable: false };

describe('GET /account', () => {
  it('describes the server and, from protocol 3, the organisation and its urls with limits 100/1000', async () => {
    const { sim, clock } = await startSimulator();
    const { call } = await mdmServer(sim, clock, 'Account MDM');
    const org = sim.portal.organization();
    const v3 = await call('GET', '/account', undefined, 3);
    expect(v3.status).toBe(200);
    expect(v3.headers['content-type']).toBe('application/json;charset=UTF8');
    const account = v3.json();
    expect(account).toMatchObject({
      server_name: 'Account MDM',
      org_name: org.org_name,
      org_email: org.org_email,
      org_phone: org.org_phone,
      org_address: org.org_address,
      org_id: org.org_id,
      org_id_hash: org.org_id_hash,
      org_type: 'edu',
      org_version: 'v2',
    });
    expect(account.admin_id).toMatch(new RegExp(`@${org.domain.replace('.', '\\.')}$`));
    const urls = account.urls as Array<{ uri: string; http_method: string[]; limit?: unknown }>;
    expect(urls.find((u) => u.uri === '/server/devices')).toEqual({
      uri: '/server/devices',
      http_method: ['POST'],
      limit: { default: 100, maximum: 1000 },
    });
    expect(urls.find((u) => u.uri === '/profile/devices')?.http_method).toEqual(['POST', 'PUT', 'DELETE']);
    const v2 = (await call('GET', '/account', undefined, 2)).json();
    expect(v2).not.toHaveProperty('org_id');
    expect(v2).not.toHaveProperty('urls');
  });
});

describe('POST /server/devices (fetch)', () => {
  it('lists 2,500 devices in 3 pages of 1000 in assignment order, then answers EXHAUSTED_CURSOR for the last cursor', async () => {
    const { sim, clock } = await startSimulator({ devices: 3000 });
    const mine = allSerials(sim).slice(0, 2500);
    const { call } = await mdmServer(sim, clock, 'Fetch MDM', mine);
    const pages: Page[] = [];
    let cursor: string | undefined;
    do {
      const response = await call('POST', '/server/devices', { limit: 1000, ...(cursor ? { cursor } : {}) });
      expect(response.status).toBe(200);
      pages.push(response.json<Page>());
      cursor = pages.at(-1)!.cursor;
    } while (pages.at(-1)!.more_to_follow);
    expect(pages.map((p) => p.devices.length)).toEqual([1000, 1000, 500]);
    expect(pages.flatMap((p) => p.devices.map((d) => d.serial_number))).toEqual(mine);
    expect(pages.every((p) => p.fetched_until === '2026-09-01T08:00:00Z')).toBe(true);
    expect(pages[0]!.devices[0]).not.toHaveProperty('op_type');
    const again = await call('POST', '/server/devices', { limit: 1000, cursor });
    expect([again.status, again.text]).toEqual([400, 'EXHAUSTED_CURSOR']);
    expect(again.headers['content-type']).toBe('text/plain;charset=UTF8');
  });

  it('writes devices as Apple does: iPadOS from protocol 7, iOS below, no os before 2, profile fields only once assigned', async () => {
    const { sim, clock } = await startSimulator();
    const [first] = allSerials(sim);
    const { call } = await mdmServer(sim, clock, 'Wire MDM', [first!]);
    const device = (version: number) => call('POST', '/server/devices', {}, version).then((r) => r.json<Page>().devices[0]!);
    const v10 = await device(10);
    expect(v10).toEqual({
      serial_number: first,
      model: expect.stringMatching(/^iPad/),
      description: expect.stringMatching(/^IPAD .*WI-FI/),
      color: expect.any(String),
      os: 'iPadOS',
      device_family: 'iPad',
      profile_status: 'empty',
      device_assigned_date: '2026-09-01T08:00:00Z',
      device_assigned_by: expect.stringMatching(/@/),
    });
    expect((await device(6)).os).toBe('iOS');
    expect(await device(1)).not.toHaveProperty('os');
  });

  it('uses limit 100 by default, clamps a limit over 1000 to 1000 and refuses a limit that is not a positive integer', async () => {
    const { sim, clock } = await startSimulator({ devices: 1200 });
    const { call } = await mdmServer(sim, clock, 'Limit MDM', allSerials(sim));
    expect((await call('POST', '/server/devices', {})).json<Page>().devices).toHaveLength(100);
    expect((await call('POST', '/server/devices')).json<Page>().devices).toHaveLength(100);
    expect((await call('POST', '/server/devices', { limit: 5000 })).json<Page>().devices).toHaveLength(1000);
    const bad = await call('POST', '/server/devices', { limit: 0 });
    expect([bad.status, bad.text]).toEqual([400, 'MALFORMED_REQUEST_BODY']);
  });

  it('lists what was on the server when the fetch started: later additions wait for sync, later removals still show', async () => {
    const { sim, clock } = await startSimulator({ devices: 30 });
    const serials = allSerials(sim);
    const { call } = await mdmServer(sim, clock, 'Snapshot MDM', serials.slice(0, 20));
    sim.portal.createServer({ name: 'Other', publicKeyPem: testKeyPair().certificatePem });
    const first = (await call('POST', '/server/devices', { limit: 5 })).json<Page>();
    sim.portal.assignDevices('Snapshot MDM', { serials: serials.slice(20, 25) });
    sim.portal.moveDevices([serials[10]!], 'Other');
    const rest: Page[] = [];
    let cursor = first.cursor;
    for (;;) {
      const page = (await call('POST', '/server/devices', { limit: 5, cursor })).json<Page>();
      rest.push(page);
      cursor = page.cursor;
      if (!page.more_to_follow) break;
    }
    const listed = [...first.devices, ...rest.flatMap((p) => p.devices)].map((d) => d.serial_number);
    expect(listed).toEqual(serials.slice(0, 20));
    const changes = (await call('POST', '/devices/sync', { cursor })).json<Page>().devices;
    expect(changes.map((d) => [d.serial_number, d.op_type])).toEqual([
      ...serials.slice(20, 25).map((s) => [s, 'added']),
      [serials[10], 'deleted'],
    ]);
  });

  it('answers an empty server with no devices and more_to_follow false', async () => {
    const { sim, clock } = await startSimulator();
    const { call } = await mdmServer(sim, clock, 'Empty MDM');
    const page = (await call('POST', '/server/devices', {})).json<Page>();
    expect(page).toMatchObject({ devices: [], more_to_follow: false });
    expect(typeof page.cursor).toBe('string');
  });
});

describe('POST /devices/sync', () => {
  it('returns added, modified and deleted changes after the cursor, with op_date, the same serial possibly repeated', async () => {
    const { sim, clock } = await startSimulator({ devices: 40 });
    const serials = allSerials(sim);
    const { call } = await mdmServer(sim, clock, 'Sync MDM', serials.slice(0, 10));
    sim.portal.createServer({ name: 'Elsewhere', publicKeyPem: testKeyPair().certificatePem });
    const { cursor } = (await call('POST', '/server/devices', { limit: 1000 })).json<Page>();

    clock.advance(60_000);
    const order = sim.portal.addOrder({ count: 2 });
    sim.portal.assignDevices('Sync MDM', { orderNumbers: [order.orderNumber] });
    clock.advance(60_000);
    sim.portal.moveDevices([serials[0]!], 'Elsewhere');
    sim.portal.releaseDevices([serials[1]!]);
    const profile = (await call('POST', '/profile', PROFILE)).json<{ profile_uuid: string }>().profile_uuid;
    await call('POST', '/profile/devices', { profile_uuid: profile, devices: [serials[2]] });
    await call('DELETE', '/profile/devices', { devices: [serials[2]] });

    const response = await call('POST', '/devices/sync', { cursor, limit: 1000 });
    expect(response.status).toBe(200);
    const page = response.json<Page>();
    expect(page.more_to_follow).toBe(false);
    expect(page.devices.map((d) => [d.serial_number, d.op_type, d.op_date])).toEqual([
      [order.serials[0], 'added', '2026-09-01T08:01:00Z'],
      [order.serials[1], 'added', '2026-09-01T08:01:00Z'],
      [serials[0], 'deleted', '2026-09-01T08:02:00Z'],
      [serials[1], 'deleted', '2026-09-01T08:02:00Z'],
      [serials[2], 'modified', '2026-09-01T08:02:00Z'],
      [serials[2], 'modified', '2026-09-01T08:02:00Z'],
    ]);
    expect(page.devices[0]!.device_assigned_date).toBe('2026-09-01T08:01:00Z');
    expect(page.devices[2]).not.toHaveProperty('profile_status');
    expect(page.devices[4]).toMatchObject({ profile_status: 'assigned', profile_uuid: profile });
    expect(page.devices[5]).toMatchObject({ profile_status: 'removed', profile_uuid: profile });

    const next = (await call('POST', '/devices/sync', { cursor: page.cursor })).json<Page>();
    expect(next).toMatchObject({ devices: [], more_to_follow: false });
  });

  it('pages through the change log with limit and more_to_follow', async () => {
    const { sim, clock } = await startSimulator({ devices: 250 });
    const { call } = await mdmServer(sim, clock, 'Paging MDM');
    let { cursor } = (await call('POST', '/server/devices', {})).json<Page>();
    sim.portal.assignDevices('Paging MDM', { serials: allSerials(sim) });
    const sizes: number[] = [];
    for (;;) {
      const page = (await call('POST', '/devices/sync', { cursor })).json<Page>();
      sizes.push(page.devices.length);
      cursor = page.cursor;
      if (!page.more_to_follow) break;
    }
    expect(sizes).toEqual([100, 100, 50]);
  });

  it('answers CURSOR_REQUIRED without a cursor, INVALID_CURSOR for garbage, an altered cursor or another server’s', async () => {
    const { sim, clock } = await startSimulator();
    const a = await mdmServer(sim, clock, 'A');
    const b = await mdmServer(sim, clock, 'B');
    const { cursor } = (await a.call('POST', '/server/devices', {})).json<Page>();
    const decoded = Buffer.from(cursor, 'base64').toString();
    const altered = Buffer.from(decoded.replace(/:(\d+):/, (_m, n: string) => `:${Number(n) + 1}:`)).toString('base64');
    const outcomes = await Promise.all([
      a.call('POST', '/devices/sync', {}),
      a.call('POST', '/devices/sync', { cursor: 'not-a-cursor!' }),
      a.call('POST', '/devices/sync', { cursor: Buffer.from('1:2:3').toString('base64') }),
      a.call('POST', '/devices/sync', { cursor: altered }),
      b.call('POST', '/devices/sync', { cursor }),
      b.call('POST', '/server/devices', { cursor }),
    ]);
    expect(outcomes.map((r) => [r.status, r.text])).toEqual([
      [400, 'CURSOR_REQUIRED'],
      [400, 'INVALID_CURSOR'],
      [400, 'INVALID_CURSOR'],
      [400, 'INVALID_CURSOR'],
      [400, 'INVALID_CURSOR'],
      [400, 'INVALID_CURSOR'],
    ]);
  });

  it('answers EXPIRED_CURSOR for a cursor 8 simulated days old, on sync and on fetch', async () => {
    const { sim, clock } = await startSimulator();
    const { token, call } = await mdmServer(sim, clock, 'Old MDM', allSerials(sim).slice(0, 3));
    const { cursor } = (await call('POST', '/server/devices', {})).json<Page>();
    clock.advance(6 * DAY_MS);
    const early = await depCall(sim, await signIn(sim, token, clock), 'POST', '/devices/sync', { cursor });
    expect(early.status).toBe(200);
    clock.advance(2 * DAY_MS);
    const session = await signIn(sim, token, clock);
    const sync = await depCall(sim, session, 'POST', '/devices/sync', { cursor });
    expect([sync.status, sync.text]).toEqual([400, 'EXPIRED_CURSOR']);
    const fetch = await depCall(sim, session, 'POST', '/server/devices', { cursor });
    expect([fetch.status, fetch.text]).toEqual([400, 'EXPIRED_CURSOR']);
  });
});

describe('POST /devices and /devices/disown', () => {
  it('details this server’s devices with response_status SUCCESS and others as NOT_FOUND', async () => {
    const { sim, clock } = await startSimulator();
    const [mine, theirs] = allSerials(sim);
    const { call } = await mdmServer(sim, clock, 'Details MDM', [mine!]);
    const response = await call('POST', '/devices', { devices: [mine, theirs, 'NOSUCHSERIAL'] });
    expect(response.json()).toEqual({
      devices: {
        [mine!]: expect.objectContaining({ serial_number: mine, response_status: 'SUCCESS', profile_status: 'empty' }),
        [theirs!]: { response_status: 'NOT_FOUND' },
        NOSUCHSERIAL: { response_status: 'NOT_FOUND' },
      },
    });
    const empty = await call('POST', '/devices', { devices: [] });
    expect([empty.status, empty.text]).toEqual([400, 'DEVICE_ID_REQUIRED']);
  });

  it('disowns this server’s devices (they leave the organisation, logged deleted) and not others', async () => {
    const { sim, clock } = await startSimulator();
    const [mine, theirs] = allSerials(sim);
    const { call } = await mdmServer(sim, clock, 'Disown MDM', [mine!]);
    const { cursor } = (await call('POST', '/server/devices', {})).json<Page>();
    const response = await call('POST', '/devices/disown', { devices: [mine, theirs] });
    expect(response.json()).toEqual({ devices: { [mine!]: 'SUCCESS', [theirs!]: 'NOT_ACCESSIBLE' } });
    expect(allSerials(sim)).not.toContain(mine);
    const sync = (await call('POST', '/devices/sync', { cursor })).json<Page>();
    expect(sync.devices.map((d) => [d.serial_number, d.op_type])).toEqual([[mine, 'deleted']]);
  });
});

describe('profiles', () => {
  it('defines immutable profiles with a new 32-hex UUID each time and returns them on GET with profile_uuid', async () => {
    const { sim, clock } = await startSimulator();
    const { call } = await mdmServer(sim, clock, 'Profile MDM');
    const first = (await call('POST', '/profile', PROFILE)).json<{ profile_uuid: string }>();
    const second = (await call('POST', '/profile', PROFILE)).json<{ profile_uuid: string }>();
    expect(first.profile_uuid).toMatch(/^[0-9a-f]{32}$/);
    expect(second.profile_uuid).not.toBe(first.profile_uuid);
    expect(first).not.toHaveProperty('devices');
    const fetched = await call('GET', `/profile?profile_uuid=${first.profile_uuid}`);
    expect(fetched.json()).toEqual({ ...PROFILE, profile_uuid: first.profile_uuid });
  });

  it('answers PROFILE_UUID_REQUIRED without a uuid and 404 NOT_FOUND for an unknown one or another server’s', async () => {
    const { sim, clock } = await startSimulator();
    const a = await mdmServer(sim, clock, 'A');
    const b = await mdmServer(sim, clock, 'B');
    const uuid = (await a.call('POST', '/profile', PROFILE)).json<{ profile_uuid: string }>().profile_uuid;
    const missing = await a.call('GET', '/profile');
    const unknown = await a.call('GET', '/profile?profile_uuid=0000');
    const foreign = await b.call('GET', `/profile?profile_uuid=${uuid}`);
    expect([missing.status, missing.text]).toEqual([400, 'PROFILE_UUID_REQUIRED']);
    expect([unknown.status, unknown.text]).toEqual([404, 'NOT_FOUND']);
    expect([foreign.status, foreign.text]).toEqual([404, 'NOT_FOUND']);
  });

  it.each([
    [{ url: 'https://x.example' }, 'CONFIG_NAME_REQUIRED'],
    [{ profile_name: 'x'.repeat(126), url: 'https://x.example' }, 'CONFIG_NAME_INVALID'],
    [{ profile_name: 'P' }, 'CONFIG_URL_REQUIRED'],
    [{ profile_name: 'P', url: 'not a url' }, 'CONFIG_URL_INVALID'],
    [{ profile_name: 'P', url: 'https://x.example', department: 'd'.repeat(126) }, 'DEPARTMENT_INVALID'],
    [{ profile_name: 'P', url: 'https://x.example', is_mdm_removable: false }, 'FLAGS_INVALID'],
    [{ profile_name: 'P', url: 'https://x.example', org_magic: 'm'.repeat(257) }, 'MAGIC_INVALID'],
    [{ profile_name: 'P', url: 'https://x.example', support_phone_number: 'call me maybe' }, 'SUPPORT_PHONE_INVALID'],
    [{ profile_name: 'P', url: 'https://x.example', support_email_address: 'nobody' }, 'SUPPORT_EMAIL_INVALID'],
    [{ profile_name: 'P', url: 'https://x.example', language: 'English' }, 'LOCALE_INVALID'],
    [{ profile_name: 'P', url: 'https://x.example', region: 'gb' }, 'LOCALE_INVALID'],
  ])('refuses %j with 400 %s', async (profile, code) => {
    const { sim, clock } = await startSimulator();
    const { call } = await mdmServer(sim, clock, 'Validation MDM');
    const response = await call('POST', '/profile', profile);
    expect([response.status, response.text]).toEqual([400, code]);
  });

  it('assigns at define time and reports per serial', async () => {
    const { sim, clock } = await startSimulator();
    const [mine, theirs] = allSerials(sim);
    const { call } = await mdmServer(sim, clock, 'Define MDM', [mine!]);
    const response = (await call('POST', '/profile', { ...PROFILE, devices: [mine, theirs] })).json<{
      profile_uuid: string;
      devices: unknown;
    }>();
    expect(response.devices).toEqual({ [mine!]: 'SUCCESS', [theirs!]: 'NOT_ACCESSIBLE' });
    expect(sim.portal.listDevices({ server: 'Define MDM' })[0]).toMatchObject({
      profile_status: 'assigned',
      profile_uuid: response.profile_uuid,
    });
  });

  it('assigns 2,500 serials in 3 calls of 1000 (POST and PUT alike), with NOT_ACCESSIBLE for serials of other servers', async () => {
    const { sim, clock } = await startSimulator({ devices: 2600 });
    const serials = allSerials(sim);
    const mine = serials.slice(0, 2500);
    const { call } = await mdmServer(sim, clock, 'Assign MDM', mine);
    const uuid = (await call('POST', '/profile', PROFILE)).json<{ profile_uuid: string }>().profile_uuid;
    const results: Record<string, string> = {};
    for (const [i, method] of (['POST', 'PUT', 'POST'] as const).entries()) {
      const response = await call(method, '/profile/devices', { profile_uuid: uuid, devices: mine.slice(i * 1000, (i + 1) * 1000) });
      expect(response.status).toBe(200);
      const body = response.json<{ profile_uuid: string; devices: Record<string, string> }>();
      expect(body.profile_uuid).toBe(uuid);
      expect(body).not.toHaveProperty('retry_after_seconds');
      Object.assign(results, body.devices);
    }
    expect(Object.keys(results)).toHaveLength(2500);
    expect(Object.values(results).every((status) => status === 'SUCCESS')).toBe(true);
    expect(
      sim.portal.listDevices({ server: 'Assign MDM' }).filter((d) => d.profile_uuid === uuid && d.profile_status === 'assigned'),
    ).toHaveLength(2500);
    const foreign = (await call('POST', '/profile/devices', { profile_uuid: uuid, devices: [serials[2550]] })).json<{ devices: unknown }>();
    expect(foreign.devices).toEqual({ [serials[2550]!]: 'NOT_ACCESSIBLE' });
    expect((await call('GET', '/profile/devices')).status).toBe(405);
  });

  it('answers PROFILE_UUID_REQUIRED, DEVICE_ID_REQUIRED, 404 NOT_FOUND and TOO_MANY_DEVICES (over 1000) on assign', async () => {
    const { sim, clock } = await startSimulator();
    const { call } = await mdmServer(sim, clock, 'Errors MDM');
    const uuid = (await call('POST', '/profile', PROFILE)).json<{ profile_uuid: string }>().profile_uuid;
    const tooMany = Array.from({ length: 1001 }, (_, i) => `SERIAL${i}`);
    const outcomes = [
      await call('POST', '/profile/devices', { devices: ['X'] }),
      await call('POST', '/profile/devices', { profile_uuid: uuid }),
      await call('POST', '/profile/devices', { profile_uuid: 'ffff', devices: ['X'] }),
      await call('POST', '/profile/devices', { profile_uuid: uuid, devices: tooMany }),
    ];
    expect(outcomes.map((r) => [r.status, r.text])).toEqual([
      [400, 'PROFILE_UUID_REQUIRED'],
      [400, 'DEVICE_ID_REQUIRED'],
      [404, 'NOT_FOUND'],
      [400, 'TOO_MANY_DEVICES'],
    ]);
    expect((await call('POST', '/profile/devices', { profile_uuid: uuid, devices: [] })).json()).toEqual({
      profile_uuid: uuid,
      devices: {},
    });
  });

  it('shows a device assigned back to the server it left with its old profile_uuid as removed in fetch, sync, details and the portal', async () => {
    const { sim, clock } = await startSimulator();
    const [device, other] = allSerials(sim);
    const { call } = await mdmServer(sim, clock, 'Return MDM', [device!, other!]);
    sim.portal.createServer({ name: 'Other MDM', publicKeyPem: testKeyPair().certificatePem });
    const uuid = (await call('POST', '/profile', { ...PROFILE, devices: [device, other] })).json<{ profile_uuid: string }>().profile_uuid;
    const { cursor } = (await call('POST', '/server/devices', {})).json<Page>();
    clock.advance(60_000);
    sim.portal.unassignDevices([device!]);
    sim.portal.moveDevices([other!], 'Other MDM');
    clock.advance(60_000);
    sim.portal.assignDevices('Return MDM', { serials: [device!, other!] });

    const returned = {
      serial_number: device,
      profile_status: 'removed',
      profile_uuid: uuid,
      profile_assign_time: '2026-09-01T08:00:00Z',
      device_assigned_date: '2026-09-01T08:02:00Z',
    };
    const fetched = (await call('POST', '/server/devices', {})).json<Page>();
    expect(fetched.devices.find((d) => d.serial_number === device)).toMatchObject(returned);
    expect(fetched.devices.find((d) => d.serial_number === device)).not.toHaveProperty('profile_push_time');
    expect(fetched.devices.find((d) => d.serial_number === other)).toMatchObject({ profile_status: 'empty' });
    expect(fetched.devices.find((d) => d.serial_number === other)).not.toHaveProperty('profile_uuid');
    const synced = (await call('POST', '/devices/sync', { cursor })).json<Page>();
    expect(synced.devices.filter((d) => d.op_type === 'added' && d.serial_number === device)).toEqual([
      expect.objectContaining({ ...returned, op_date: '2026-09-01T08:02:00Z' }),
    ]);
    const details = (await call('POST', '/devices', { devices: [device] })).json<{ devices: Record<string, unknown> }>();
    expect(details.devices[device!]).toMatchObject({ ...returned, response_status: 'SUCCESS' });
    expect(sim.portal.listDevices({ server: 'Return MDM' }).find((d) => d.serial_number === device)).toMatchObject({
      profile_status: 'removed',
      profile_uuid: uuid,
    });
    expect(sim.activation.lookup(device!)).toEqual({ managed: false, reason: 'NO_PROFILE' });
  });

  it('removes whatever profile a device has with DELETE (profile_uuid ignored), NOT_ACCESSIBLE for others', async () => {
    const { sim, clock } = await startSimulator();
    const [mine, theirs] = allSerials(sim);
    const { call } = await mdmServer(sim, clock, 'Remove MDM', [mine!]);
    const uuid = (await call('POST', '/profile', { ...PROFILE, devices: [mine] })).json<{ profile_uuid: string }>().profile_uuid;
    const response = await call('DELETE', '/profile/devices', { devices: [mine, theirs], profile_uuid: 'ignored' });
    expect(response.json()).toEqual({ devices: { [mine!]: 'SUCCESS', [theirs!]: 'NOT_ACCESSIBLE' } });
    const details = (await call('POST', '/devices', { devices: [mine] })).json<{ devices: Record<string, Record<string, unknown>> }>();
    expect(details.devices[mine!]).toMatchObject({ profile_status: 'removed', profile_uuid: uuid });
    const missing = await call('DELETE', '/profile/devices', {});
    expect([missing.status, missing.text]).toEqual([400, 'DEVICE_ID_REQUIRED']);
  });
});

describe('the gate every call passes', () => {
  it('answers 404 for an unknown path and 405 with Allow for a wrong method', async () => {
    const { sim, clock } = await startSimulator();
    const { call } = await mdmServer(sim, clock, 'Gate MDM');
    const unknown = await call('GET', '/nope');
    const wrong = await call('GET', '/server/devices');
    expect([unknown.status, unknown.text]).toEqual([404, 'NOT_FOUND']);
    expect([wrong.status, wrong.text, wrong.headers.allow]).toEqual([405, 'METHOD_NOT_ALLOWED', 'POST']);
  });

  it('answers 400 USER_AGENT_MISSING and USER_AGENT_INVALID on data calls', async () => {
    const { sim, clock } = await startSimulator();
    const { session } = await mdmServer(sim, clock, 'UA MDM');
    const missing = await depCall(sim, session, 'GET', '/account', undefined, { headers: { 'user-agent': undefined } });
    const invalid = await depCall(sim, session, 'GET', '/account', undefined, { headers: { 'user-agent': 'nanodep-godep/0' } });
    expect([missing.status, missing.text]).toEqual([400, 'USER_AGENT_MISSING']);
    expect([invalid.status, invalid.text]).toEqual([400, 'USER_AGENT_INVALID']);
  });

  it('answers 403 T_C_NOT_SIGNED on data calls while terms are required', async () => {
    const { sim, clock } = await startSimulator();
    const { call } = await mdmServer(sim, clock, 'Terms MDM');
    sim.portal.requireTermsAcceptance();
    const refused = await call('GET', '/account');
    expect([refused.status, refused.text]).toEqual([403, 'T_C_NOT_SIGNED']);
    sim.portal.acceptTerms();
    expect((await call('GET', '/account')).status).toBe(200);
  });

  it('answers 400 MALFORMED_REQUEST_BODY for a body that is not JSON or not an object', async () => {
    const { sim, clock } = await startSimulator();
    const { call } = await mdmServer(sim, clock, 'Body MDM');
    const broken = await call('POST', '/server/devices', '{"limit": ');
    const array = await call('POST', '/devices', [1, 2]);
    expect([broken.status, broken.text]).toEqual([400, 'MALFORMED_REQUEST_BODY']);
    expect([array.status, array.text]).toEqual([400, 'MALFORMED_REQUEST_BODY']);
  });

  it('writes error codes JSON-quoted in depsim style', async () => {
    const { sim, clock } = await startSimulator({ errorBodyStyle: 'depsim' });
    const { call } = await mdmServer(sim, clock, 'Depsim MDM');
    const response = await call('POST', '/devices/sync', { cursor: 'garbage' });
    expect([response.status, response.text, response.headers['content-type']]).toEqual([
      400,
      '"INVALID_CURSOR"',
      'text/plain;charset=UTF8',
    ]);
  });

  it('counts calls by endpoint in stats()', async () => {
    const { sim, clock } = await startSimulator();
    const { call } = await mdmServer(sim, clock, 'Stats MDM');
    await call('GET', '/account');
    await call('GET', '/account');
    await request(`${sim.url}/nowhere`, { headers: { 'user-agent': USER_AGENT } });
    expect(sim.stats()).toMatchObject({ 'GET /session': 1, 'GET /account': 2, unknown: 1 });
  });
});
