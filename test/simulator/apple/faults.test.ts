import { describe, expect, it } from 'vitest';
import { Faults } from '../../../src/simulator/apple/faults.js';
import { allSerials, mdmServer, request, startSimulator } from './support.js';

const PROFILE = { profile_name: 'P', url: 'https://h.example/enroll' };

interface Page {
  devices: Array<Record<string, unknown>>;
  cursor: string;
  more_to_follow: boolean;
}

describe('Faults', () => {
  it('fires an http fault on the Nth matching call, times times, then disarms', () => {
    const faults = new Faults();
    faults.add({ kind: 'http', status: 500, endpoint: 'POST /server/devices', onCall: 2, times: 2 });
    const statuses = Array.from({ length: 4 }, () => faults.onCall('POST /server/devices', true).failure?.status ?? 200);
    expect(statuses).toEqual([200, 500, 500, 200]);
    expect(faults.onCall('GET /account', true).failure).toBeNull();
    expect(faults.list()).toEqual([]);
  });

  it('matches any Device Assignment call without an endpoint, but not the activation service', () => {
    const faults = new Faults();
    faults.add({ kind: 'http', status: 429 });
    expect(faults.onCall('POST /activation/profile', false).failure).toBeNull();
    expect(faults.onCall('GET /session', true).failure).toEqual({
      status: 429,
      body: 'TOO_MANY_REQUESTS',
      retryAfter: null,
      httpDateSeconds: 120,
    });
  });

  it('refuses faults that make no sense', () => {
    const faults = new Faults();
    expect(() => faults.add({ kind: 'http', status: 200 })).toThrow(/status/);
    expect(() => faults.add({ kind: 'throttle', retryAfterSeconds: -1 })).toThrow(/retryAfterSeconds/);
    expect(() => faults.add({ kind: 'fail-assign', count: 0 })).toThrow(/count/);
    expect(() => faults.add({ kind: 'fail-assign', serials: 'S1' } as never)).toThrow(/serials/);
    expect(() => faults.add({ kind: 'fail-assign', times: 1.5 })).toThrow(/times/);
    expect(() => faults.add({ kind: 'nope' } as never)).toThrow(/unknown fault kind/);
    expect(faults.list()).toEqual([]);
  });

  it('fails named serials, or the first count of a call, or all of it, on times assign calls', () => {
    const faults = new Faults();
    faults.add({ kind: 'fail-assign', serials: ['B', 'Z'] });
    expect(faults.failAssign(['C'])).toBeNull();
    expect(faults.failAssign(['A', 'B', 'C'])).toEqual(new Set(['B']));
    faults.add({ kind: 'fail-assign', count: 2, times: 2 });
    expect(faults.failAssign(['A', 'B', 'C'])).toEqual(new Set(['A', 'B']));
    expect(faults.failAssign(['C', 'D', 'E'])).toEqual(new Set(['C', 'D']));
    faults.add({ kind: 'fail-assign' });
    expect(faults.failAssign(['A', 'B', 'C'])).toEqual(new Set(['A', 'B', 'C']));
    expect(faults.failAssign(['A'])).toBeNull();
  });

  it('leaves serials a throttle picked to the throttle, and is not used up by a call where the throttle took all of its serials', () => {
    const faults = new Faults();
    faults.add({ kind: 'throttle', serials: ['A'], retryAfterSeconds: 5 });
    faults.add({ kind: 'fail-assign', serials: ['A', 'B'], times: 2 });
    const first = faults.throttle(['A', 'B'])!;
    expect(faults.failAssign(['A', 'B'], first.throttled)).toEqual(new Set(['B']));
    faults.add({ kind: 'throttle', serials: ['A'], retryAfterSeconds: 5 });
    expect(faults.failAssign(['A'], faults.throttle(['A'])!.throttled)).toBeNull();
    expect(faults.failAssign(['A'], faults.throttle(['A'])?.throttled)).toEqual(new Set(['A']));
    expect(faults.list()).toEqual([]);
  });
});

describe('faults over HTTP', () => {
  it('throttles the first N serials of the next assign call: THROTTLED plus retry_after_seconds at protocol 10', async () => {
    const { sim, clock } = await startSimulator();
    const mine = allSerials(sim).slice(0, 10);
    const { call } = await mdmServer(sim, clock, 'Throttle MDM', mine);
    const uuid = (await call('POST', '/profile', PROFILE)).json<{ profile_uuid: string }>().profile_uuid;
    sim.faults.add({ kind: 'throttle', count: 4, retryAfterSeconds: 90 });
    const throttled = (await call('POST', '/profile/devices', { profile_uuid: uuid, devices: mine })).json<{
      devices: Record<string, string>;
      retry_after_seconds?: number;
    }>();
    expect(mine.map((serial) => throttled.devices[serial])).toEqual([...Array(4).fill('THROTTLED'), ...Array(6).fill('SUCCESS')]);
    expect(throttled.retry_after_seconds).toBe(90);
    const next = (await call('POST', '/profile/devices', { profile_uuid: uuid, devices: mine })).json<{
      devices: Record<string, string>;
    }>();
    expect(Object.values(next.devices).every((status) => status === 'SUCCESS')).toBe(true);
    expect(next).not.toHaveProperty('retry_after_seconds');
  });

  it('throttles named serials without retry_after_seconds at protocol 9, and reports FAILED below 9', async () => {
    const { sim, clock } = await startSimulator();
    const mine = allSerials(sim).slice(0, 3);
    const { call } = await mdmServer(sim, clock, 'Old Protocol MDM', mine);
    const uuid = (await call('POST', '/profile', PROFILE)).json<{ profile_uuid: string }>().profile_uuid;
    sim.faults.add({ kind: 'throttle', serials: [mine[1]!], retryAfterSeconds: 30, times: 2 });
    const v9 = (await call('POST', '/profile/devices', { profile_uuid: uuid, devices: mine }, 9)).json();
    expect(v9).toEqual({ profile_uuid: uuid, devices: { [mine[0]!]: 'SUCCESS', [mine[1]!]: 'THROTTLED', [mine[2]!]: 'SUCCESS' } });
    const v8 = (await call('PUT', '/profile/devices', { profile_uuid: uuid, devices: mine }, 8)).json();
    expect(v8).toEqual({ profile_uuid: uuid, devices: { [mine[0]!]: 'SUCCESS', [mine[1]!]: 'FAILED', [mine[2]!]: 'SUCCESS' } });
  });

  it('answers FAILED for the chosen serials of an assign call without assigning them; the retry assigns them', async () => {
    const { sim, clock } = await startSimulator();
    const mine = allSerials(sim).slice(0, 4);
    const { call } = await mdmServer(sim, clock, 'Failing MDM', mine);
    const uuid = (await call('POST', '/profile', PROFILE)).json<{ profile_uuid: string }>().profile_uuid;
    const { cursor } = (await call('POST', '/server/devices', {})).json<Page>();
    const added = await request(`${sim.url}/simulator/faults`, {
      method: 'POST',
      body: { kind: 'fail-assign', serials: [mine[1], mine[3]] },
    });
    expect(added.status).toBe(201);
    const failed = (await call('POST', '/profile/devices', { profile_uuid: uuid, devices: mine })).json();
    expect(failed).toEqual({
      profile_uuid: uuid,
      devices: { [mine[0]!]: 'SUCCESS', [mine[1]!]: 'FAILED', [mine[2]!]: 'SUCCESS', [mine[3]!]: 'FAILED' },
    });
    const details = (await call('POST', '/devices', { devices: mine })).json<{ devices: Record<string, Record<string, unknown>> }>();
    expect(mine.map((serial) => details.devices[serial]!.profile_status)).toEqual(['assigned', 'empty', 'assigned', 'empty']);
    const sync = (await call('POST', '/devices/sync', { cursor })).json<Page>();
    expect(sync.devices.map((d) => d.serial_number)).toEqual([mine[0], mine[2]]);
    const retry = (await call('PUT', '/profile/devices', { profile_uuid: uuid, devices: [mine[1], mine[3]] })).json();
    expect(retry).toEqual({ profile_uuid: uuid, devices: { [mine[1]!]: 'SUCCESS', [mine[3]!]: 'SUCCESS' } });
  });

  it('answers FAILED at every protocol version and never on DELETE /profile/devices', async () => {
    const { sim, clock } = await startSimulator();
    const mine = allSerials(sim).slice(0, 2);
    const { call } = await mdmServer(sim, clock, 'Failing Remove MDM', mine);
    const uuid = (await call('POST', '/profile', { ...PROFILE, devices: mine })).json<{ profile_uuid: string }>().profile_uuid;
    sim.faults.add({ kind: 'fail-assign', count: 1, times: 2 });
    const removed = (await call('DELETE', '/profile/devices', { devices: mine })).json();
    expect(removed).toEqual({ devices: { [mine[0]!]: 'SUCCESS', [mine[1]!]: 'SUCCESS' } });
    expect(sim.faults.list()).toHaveLength(1);
    for (const protocol of [1, 10]) {
      const response = (await call('POST', '/profile/devices', { profile_uuid: uuid, devices: mine }, protocol)).json();
      expect(response).toEqual({ profile_uuid: uuid, devices: { [mine[0]!]: 'FAILED', [mine[1]!]: 'SUCCESS' } });
    }
    expect(sim.faults.list()).toEqual([]);
  });

  it('reports THROTTLED, not FAILED, for a serial both a throttle and a fail-assign fault pick', async () => {
    const { sim, clock } = await startSimulator();
    const mine = allSerials(sim).slice(0, 3);
    const { call } = await mdmServer(sim, clock, 'Both Faults MDM', mine);
    const uuid = (await call('POST', '/profile', PROFILE)).json<{ profile_uuid: string }>().profile_uuid;
    sim.faults.add({ kind: 'fail-assign', serials: [mine[0]!, mine[1]!] });
    sim.faults.add({ kind: 'throttle', serials: [mine[0]!], retryAfterSeconds: 60 });
    const response = (await call('POST', '/profile/devices', { profile_uuid: uuid, devices: mine })).json();
    expect(response).toEqual({
      profile_uuid: uuid,
      devices: { [mine[0]!]: 'THROTTLED', [mine[1]!]: 'FAILED', [mine[2]!]: 'SUCCESS' },
      retry_after_seconds: 60,
    });
  });

  it('answers 503 with Retry-After seconds, or an HTTP-date on the simulator clock, and an empty body', async () => {
    const { sim, clock } = await startSimulator();
    const { call } = await mdmServer(sim, clock, 'Unavailable MDM');
    sim.faults.add({ kind: 'http', status: 503, retryAfter: 120, endpoint: 'POST /server/devices' });
    const seconds = await call('POST', '/server/devices', {});
    expect([seconds.status, seconds.text, seconds.headers['retry-after']]).toEqual([503, '', '120']);
    sim.faults.add({ kind: 'http', status: 503, retryAfter: 'http-date', httpDateSeconds: 30 });
    const date = await call('GET', '/account');
    expect(date.headers['retry-after']).toBe('Tue, 01 Sep 2026 08:00:30 GMT');
    expect((await call('POST', '/server/devices', {})).status).toBe(200);
  });

  it('fails the activation service only when a fault names it', async () => {
    const { sim } = await startSimulator();
    const lookup = () =>
      request(`${sim.url}/activation/profile`, { method: 'POST', body: { action: 'RequestProfileConfiguration', sn: 'X' } });
    sim.faults.add({ kind: 'http', status: 500 });
    expect((await lookup()).status).toBe(200);
    sim.faults.clear();
    sim.faults.add({ kind: 'http', status: 503, endpoint: 'POST /activation/profile', retryAfter: 'http-date' });
    const failed = await lookup();
    expect([failed.status, failed.text, failed.headers['retry-after']]).toEqual([503, '', 'Tue, 01 Sep 2026 08:02:00 GMT']);
  });

  it('answers 500 on the Nth call only', async () => {
    const { sim, clock } = await startSimulator();
    const { call } = await mdmServer(sim, clock, 'Flaky MDM');
    sim.faults.add({ kind: 'http', status: 500, endpoint: 'GET /account', onCall: 3 });
    const statuses = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await call('GET', '/account')).status);
    expect(statuses).toEqual([200, 200, 500, 200, 200]);
  });

  it('echoes the cursor it was sent with more_to_follow true (fetch and sync), once per fault', async () => {
    const { sim, clock } = await startSimulator();
    const { call } = await mdmServer(sim, clock, 'Echo MDM', allSerials(sim).slice(0, 5));
    const first = (await call('POST', '/server/devices', { limit: 2 })).json<Page>();
    sim.faults.add({ kind: 'echo-cursor', times: 2 });
    const echoed = (await call('POST', '/server/devices', { limit: 2, cursor: first.cursor })).json<Page>();
    expect(echoed).toMatchObject({ cursor: first.cursor, more_to_follow: true });
    expect(echoed.devices).toHaveLength(2);
    const synced = (await call('POST', '/devices/sync', { cursor: first.cursor })).json<Page>();
    expect(synced).toMatchObject({ cursor: first.cursor, more_to_follow: true });
    const normal = (await call('POST', '/server/devices', { limit: 2, cursor: first.cursor })).json<Page>();
    expect(normal.cursor).not.toBe(first.cursor);
  });

  it('delays an answer without changing it', async () => {
    const { sim, clock } = await startSimulator();
    const { call } = await mdmServer(sim, clock, 'Slow MDM');
    sim.faults.add({ kind: 'delay', ms: 5, endpoint: 'GET /account' });
    expect((await call('GET', '/account')).status).toBe(200);
    expect(sim.faults.list()).toEqual([]);
  });

  it('adds, lists and clears faults with /simulator/faults', async () => {
    const { sim, clock } = await startSimulator();
    const { call } = await mdmServer(sim, clock, 'Control MDM');
    const added = await request(`${sim.url}/simulator/faults`, {
      method: 'POST',
      body: [{ kind: 'http', status: 429, retryAfter: 7, endpoint: 'GET /account' }, { kind: 'echo-cursor' }],
    });
    expect([added.status, added.json()]).toEqual([201, { ids: [expect.any(String), expect.any(String)] }]);
    expect((await request(`${sim.url}/simulator/faults`)).json<{ faults: unknown[] }>().faults).toHaveLength(2);
    const limited = await call('GET', '/account');
    expect([limited.status, limited.text, limited.headers['retry-after']]).toEqual([429, 'TOO_MANY_REQUESTS', '7']);
    expect((await request(`${sim.url}/simulator/faults`, { method: 'DELETE' })).status).toBe(204);
    expect(sim.faults.list()).toEqual([]);
    const invalid = await request(`${sim.url}/simulator/faults`, { method: 'POST', body: { kind: 'http', status: 99 } });
    expect([invalid.status, invalid.json<{ error: { code: string } }>().error.code]).toEqual([400, 'INVALID_FAULT']);
    const badCount = await request(`${sim.url}/simulator/faults`, { method: 'POST', body: { kind: 'fail-assign', count: -2 } });
    expect([badCount.status, badCount.json<{ error: { code: string } }>().error.code]).toEqual([400, 'INVALID_FAULT']);
  });
});
