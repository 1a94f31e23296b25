/**
 * The DEP client over real HTTP against a scripted fake Apple (test/apple/support/fake-apple.ts): wire headers,
 * the OAuth sign-in and session life cycle, retries and Retry-After on an injected clock and sleep, error codes,
 * cursor paging, and batching of device lists. No real waiting: sleeps are recorded and advance the clock.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEP_CONTENT_TYPE, DepClient, type DepClientOptions, type DevicePage } from '../../src/apple/dep-client.js';
import type { DepDevice } from '../../src/apple/dep-types.js';
import { ErrorCode } from '../../src/errors.js';
import { ManualClock } from '../../src/platform/clock.js';
import { collect, homeroomErrorOf } from '../support/assertions.js';
import { depError } from './support/dep-error.js';
import { FakeApple, type FakeCredentials, type FakeHandler, type FakeRequest } from './support/fake-apple.js';

const CREDENTIALS: FakeCredentials = {
  consumerKey:
    'CK_48dd68d198350f51258e885ce9a5c37ab7f98543c4a697323d75682a6c10a32501cb247e3db08105db868f73f2c972bdb6ae77112aea803b9219eb52689d42e6',
  consumerSecret:
    'CS_34c7b2b531a600d99a0e4edcf4a78ded79b86ef318118c2f5bcfee1b011108c32d5302df801adbe29d446eb78f02b13144e323eb9aad51c79f01e50cb45c3a68',
  accessToken:
    'AT_927696831c59ba510cfe4ec1a69e5267c19881257d4bca2906a99d0785b785a6f6fdeb09774954fdd5e2d0ad952e3af52c6d8d2f21c924ba0caf4a031c158b89',
  accessSecret:
    'AS_c31afd7a09691d83548489336e8ff1cb11b82b6bca13f793344496a556b1f4972eaff4dde6deb5ac9cf076fdfa97ec97699c34d515947b9cf9ed31c99dded6ba',
};
const USER_AGENT = 'homeroom/0.1.0 (+tests)';

let fake: FakeApple;
let clock: ManualClock;
let sleeps: number[];
let sessions: string[];

function clientFor(options: Partial<DepClientOptions> = {}): DepClient {
  return new DepClient({
    baseUrl: `${fake.url}/`,
    credentials: CREDENTIALS,
    userAgent: USER_AGENT,
    clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.advance(ms);
    },
    random: () => 0.5,
    onSession: (session) => sessions.push(session),
    ...options,
  });
}

function device(serial: string): DepDevice {
  return {
    serial_number: serial,
    model: 'IPAD',
    description: 'IPAD WI-FI 64GB',
    os: 'iPadOS',
    device_family: 'iPad',
    profile_status: 'empty',
  };
}

const ACCOUNT = {
  server_name: 'Homeroom',
  server_uuid: '677cab70-fe18-11e2-b778-0800200c9a66',
  admin_id: 'it@school.example',
  org_name: 'School',
};

beforeEach(async () => {
  fake = await FakeApple.start(CREDENTIALS);
  fake.route('GET /account', () => ({ body: ACCOUNT }));
  clock = new ManualClock('2026-09-01T08:00:00Z');
  sleeps = [];
  sessions = [];
});

afterEach(async () => {
  await fake.close();
});

describe('wire format', () => {
  it('sends User-Agent, protocol version 10 and the UTF8 content type on /session and every data call, the session on data calls only', async () => {
    fake.route('POST /devices/disown', (r) => ({
      body: { devices: Object.fromEntries((r.json as { devices: string[] }).devices.map((s) => [s, 'SUCCESS'])) },
    }));
    const client = clientFor();
    await client.account();
    await client.disownDevices(['S1']);
    expect(fake.endpoints()).toEqual(['GET /session', 'GET /account', 'POST /devices/disown']);
    for (const request of fake.requests) {
      expect(request.headers['user-agent'], request.endpoint).toBe(USER_AGENT);
      expect(request.headers['x-server-protocol-version'], request.endpoint).toBe('10');
      expect(request.headers['content-type'], request.endpoint).toBe(DEP_CONTENT_TYPE);
    }
    const [signIn, account, disown] = fake.requests as [FakeRequest, FakeRequest, FakeRequest];
    expect(signIn.headers['x-adm-auth-session']).toBeUndefined();
    expect(signIn.body).toBe('');
    expect(account.headers['x-adm-auth-session']).toBe('session-1');
    expect(account.headers.authorization).toBeUndefined();
    expect(disown.headers['x-adm-auth-session']).toBe('session-1');
    expect(disown.json).toEqual({ devices: ['S1'] });
  });

  it('sends the configured protocol version instead of 10', async () => {
    await clientFor({ protocolVersion: 7 }).account();
    expect(fake.requests.map((r) => r.headers['x-server-protocol-version'])).toEqual(['7', '7']);
  });

  it('signs /session so that an independent HMAC-SHA1 verifies it, with the clock as timestamp and a fresh hex nonce', async () => {
    const account = await clientFor().account();
    expect(account).toEqual(ACCOUNT);
    const [signIn] = fake.requestsTo('GET /session');
    expect(signIn!.oauth).toMatchObject({
      realm: 'ADM',
      oauth_consumer_key: CREDENTIALS.consumerKey,
      oauth_token: CREDENTIALS.accessToken,
      oauth_signature_method: 'HMAC-SHA1',
      oauth_version: '1.0',
      oauth_timestamp: String(Date.parse('2026-09-01T08:00:00Z') / 1000),
    });
    expect(signIn!.oauth!.oauth_nonce).toMatch(/^[0-9a-f]{32,}$/);
    expect(sessions).toEqual(['session-1']);
  });
});

describe('sessions', () => {
  it('signs in once and reuses the session, also for concurrent first calls', async () => {
    const client = clientFor();
    await Promise.all([client.account(), client.account(), client.account()]);
    await client.account();
    expect(fake.requestsTo('GET /session')).toHaveLength(1);
    expect(fake.requestsTo('GET /account').map((r) => r.headers['x-adm-auth-session'])).toEqual(Array(4).fill('session-1'));
    expect(client.currentSession).toBe('session-1');
  });

  it('starts from initialSession without signing in', async () => {
    fake.sessions.add('saved-session');
    await clientFor({ initialSession: 'saved-session' }).account();
    expect(fake.endpoints()).toEqual(['GET /account']);
    expect(fake.requests[0]!.headers['x-adm-auth-session']).toBe('saved-session');
  });

  it('adopts a rotated X-ADM-Auth-Session from a response and reports it through onSession', async () => {
    fake.script('GET /account', (_request, apple) => {
      apple.sessions.add('rotated-7');
      return { body: ACCOUNT, headers: { 'X-ADM-Auth-Session': 'rotated-7' } };
    });
    const client = clientFor();
    await client.account();
    await client.account();
    expect(fake.requestsTo('GET /account').map((r) => r.headers['x-adm-auth-session'])).toEqual(['session-1', 'rotated-7']);
    expect(sessions).toEqual(['session-1', 'rotated-7']);
    expect(fake.requestsTo('GET /session')).toHaveLength(1);
  });

  it('on 401 signs in again once and replays the request with the same body', async () => {
    fake.route('POST /profile/devices', () => ({ body: { profile_uuid: 'P1', devices: { S1: 'SUCCESS', S2: 'SUCCESS' } } }));
    const client = clientFor();
    await client.account();
    fake.expireSessions();
    const result = await client.assignProfile('P1', ['S1', 'S2']);
    expect(result.results).toEqual({ S1: 'SUCCESS', S2: 'SUCCESS' });
    expect(fake.endpoints()).toEqual(['GET /session', 'GET /account', 'POST /profile/devices', 'GET /session', 'POST /profile/devices']);
    const [first, replay] = fake.requestsTo('POST /profile/devices') as [FakeRequest, FakeRequest];
    expect(first.headers['x-adm-auth-session']).toBe('session-1');
    expect(replay.headers['x-adm-auth-session']).toBe('session-2');
    expect(replay.body).toBe(first.body);
    expect(replay.json).toEqual({ profile_uuid: 'P1', devices: ['S1', 'S2'] });
    expect(sessions).toEqual(['session-1', 'session-2']);
    expect(sleeps).toEqual([]);
  });

  it('treats 403 FORBIDDEN (session invalid) like 401: one re-sign-in and replay', async () => {
    fake.script('GET /account', { status: 403, body: 'FORBIDDEN' });
    const account = await clientFor().account();
    expect(account).toEqual(ACCOUNT);
    expect(fake.endpoints()).toEqual(['GET /session', 'GET /account', 'GET /session', 'GET /account']);
  });

  it('fails with APPLE_TERMS_NOT_ACCEPTED on 403 T_C_NOT_SIGNED without signing in again', async () => {
    fake.script('GET /account', { status: 403, body: 'T_C_NOT_SIGNED' });
    const error = await depError(clientFor().account());
    expect(error.code).toBe(ErrorCode.APPLE_TERMS_NOT_ACCEPTED);
    expect(error).toMatchObject({ status: 403, appleCode: 'T_C_NOT_SIGNED', endpoint: 'GET /account', attempts: 1 });
    expect(fake.endpoints()).toEqual(['GET /session', 'GET /account']);
  });

  it('fails with APPLE_TERMS_NOT_ACCEPTED when /session itself answers 403 T_C_NOT_SIGNED', async () => {
    fake.script('GET /session', { status: 403, body: 'T_C_NOT_SIGNED' });
    const error = await depError(clientFor().account());
    expect(error.code).toBe(ErrorCode.APPLE_TERMS_NOT_ACCEPTED);
    expect(error.endpoint).toBe('GET /session');
    expect(fake.endpoints()).toEqual(['GET /session']);
  });

  it('fails with APPLE_TOKEN_REJECTED when a 401 comes back again after the re-sign-in', async () => {
    fake.script('GET /account', { status: 401, body: 'UNAUTHORIZED' }, { status: 401, body: 'UNAUTHORIZED' });
    const error = await depError(clientFor().account());
    expect(error.code).toBe(ErrorCode.APPLE_TOKEN_REJECTED);
    expect(error).toMatchObject({ status: 401, appleCode: 'UNAUTHORIZED', endpoint: 'GET /account', attempts: 2 });
    expect(error.details).toEqual({ status: 401, appleCode: 'UNAUTHORIZED', endpoint: 'GET /account', attempts: 2 });
    expect(fake.endpoints()).toEqual(['GET /session', 'GET /account', 'GET /session', 'GET /account']);
  });

  it('fails with APPLE_TOKEN_REJECTED and the appleCode when /session answers 401 token_rejected, without retrying', async () => {
    fake.script('GET /session', { status: 401, body: 'token_rejected' });
    const error = await depError(clientFor().account());
    expect(error.code).toBe(ErrorCode.APPLE_TOKEN_REJECTED);
    expect(error).toMatchObject({ status: 401, appleCode: 'token_rejected', endpoint: 'GET /session', attempts: 1 });
    expect(sleeps).toEqual([]);
    expect(sessions).toEqual([]);
  });

  it('fails with APPLE_TOKEN_REJECTED when the secrets are wrong (the fake refuses the signature)', async () => {
    const error = await depError(clientFor({ credentials: { ...CREDENTIALS, accessSecret: 'AS_wrong' } }).account());
    expect(error.code).toBe(ErrorCode.APPLE_TOKEN_REJECTED);
    expect(error.appleCode).toBe('signature_invalid');
  });

  it('fails with APPLE_REQUEST_REJECTED, not a token refusal, on ACCESS_DENIED from a data call, without signing in again', async () => {
    fake.script('GET /account', { status: 403, body: 'ACCESS_DENIED' });
    const error = await depError(clientFor().account());
    expect(error.code).toBe(ErrorCode.APPLE_REQUEST_REJECTED);
    expect(error.appleCode).toBe('ACCESS_DENIED');
    expect(fake.endpoints()).toEqual(['GET /session', 'GET /account']);
  });
});

describe('retries', () => {
  it('waits the Retry-After delta of a 503 (7 s) and then succeeds', async () => {
    fake.script('GET /account', { status: 503, headers: { 'Retry-After': '7' } });
    expect(await clientFor().account()).toEqual(ACCOUNT);
    expect(sleeps).toEqual([7000]);
    expect(fake.requestsTo('GET /account')).toHaveLength(2);
  });

  it('reads a Retry-After HTTP-date relative to the injected clock', async () => {
    const at = new Date(clock.now().getTime() + 12_000).toUTCString();
    fake.script('GET /account', { status: 503, headers: { 'Retry-After': at } });
    await clientFor().account();
    expect(sleeps).toEqual([12_000]);
  });

  it('honours Retry-After on 429, and backs off when a 429 has none', async () => {
    fake.script('GET /account', { status: 429, body: 'TOO_MANY_REQUESTS', headers: { 'Retry-After': '3' } }, { status: 429 });
    await clientFor().account();
    expect(sleeps).toEqual([3000, 500]);
  });

  it('backs off with full jitter on 500 (random 0.5 of 500 ms, then of 1000 ms) and then succeeds', async () => {
    fake.script('GET /account', { status: 500 }, { status: 500, headers: { 'Retry-After': '60' } });
    await clientFor().account();
    // A 500's Retry-After is not honoured: only 429 and 503 carry one by the contract.
    expect(sleeps).toEqual([250, 500]);
  });

  it('gives up with APPLE_UNAVAILABLE after 5 failed attempts', async () => {
    fake.script('GET /account', ...Array.from({ length: 5 }, () => ({ status: 500 })));
    const error = await depError(clientFor().account());
    expect(error.code).toBe(ErrorCode.APPLE_UNAVAILABLE);
    expect(error).toMatchObject({ status: 500, appleCode: null, endpoint: 'GET /account', attempts: 5 });
    expect(error.message).toContain('5 attempts');
    expect(sleeps).toEqual([250, 500, 1000, 2000]);
  });

  it('honours a custom maxAttempts and backoff', async () => {
    fake.script('GET /account', { status: 502 }, { status: 502 });
    const error = await depError(clientFor({ retry: { maxAttempts: 2, baseDelayMs: 100 } }).account());
    expect(error).toMatchObject({ code: ErrorCode.APPLE_UNAVAILABLE, attempts: 2 });
    expect(sleeps).toEqual([50]);
  });

  it('gives up at once with APPLE_UNAVAILABLE when Retry-After exceeds maxRetryAfterMs', async () => {
    fake.script('GET /account', { status: 503, headers: { 'Retry-After': '3600' } });
    const error = await depError(clientFor({ retry: { maxRetryAfterMs: 60_000 } }).account());
    expect(error.code).toBe(ErrorCode.APPLE_UNAVAILABLE);
    expect(error.details).toMatchObject({ retryAfterMs: 3_600_000, attempts: 1, status: 503 });
    expect(sleeps).toEqual([]);
  });

  it('with a waitLimitMs of 5 s, answers a 503 Retry-After: 20 at once with APPLE_UNAVAILABLE and retryAfter 20, waiting nothing', async () => {
    fake.script('GET /account', ...Array.from({ length: 5 }, () => ({ status: 503, headers: { 'Retry-After': '20' } })));
    const error = await depError(clientFor({ retry: { waitLimitMs: () => 5000 } }).account());
    expect(error.code).toBe(ErrorCode.APPLE_UNAVAILABLE);
    expect(error.details).toMatchObject({ retryAfter: 20, retryAfterMs: 20_000, attempts: 1, status: 503 });
    expect(error.message).toContain('Try again in 20 s.');
    expect(sleeps).toEqual([]);
    expect(fake.requestsTo('GET /account')).toHaveLength(1);
  });

  it('with a waitLimitMs, waits shorter Retry-Afters up to the total, then gives up with the next one as retryAfter', async () => {
    fake.script('GET /account', ...Array.from({ length: 5 }, () => ({ status: 503, headers: { 'Retry-After': '2' } })));
    const error = await depError(clientFor({ retry: { waitLimitMs: () => 5000 } }).account());
    expect(error).toMatchObject({ code: ErrorCode.APPLE_UNAVAILABLE, attempts: 3, details: { retryAfter: 2 } });
    expect(sleeps).toEqual([2000, 2000]);
  });

  it('without a waitLimitMs (background work), waits out each 503 Retry-After: 20', async () => {
    fake.script('GET /account', { status: 503, headers: { 'Retry-After': '20' } }, { status: 503, headers: { 'Retry-After': '20' } });
    expect(await clientFor({ retry: { waitLimitMs: () => null } }).account()).toEqual(ACCOUNT);
    expect(sleeps).toEqual([20_000, 20_000]);
  });

  it('retries /session failures too, signing each attempt with a new nonce', async () => {
    fake.script('GET /session', { status: 503, headers: { 'Retry-After': '1' } });
    await clientFor().account();
    const nonces = fake.requestsTo('GET /session').map((r) => r.oauth?.oauth_nonce);
    expect(nonces).toHaveLength(2);
    expect(nonces[0]).not.toBe(nonces[1]);
    expect(sleeps).toEqual([1000]);
  });

  it('retries a connection cut by the server', async () => {
    fake.script('GET /account', { destroy: true });
    expect(await clientFor().account()).toEqual(ACCOUNT);
    expect(fake.requestsTo('GET /account')).toHaveLength(2);
    expect(sleeps).toEqual([250]);
  });

  it('gives up with APPLE_UNAVAILABLE and status null when the connection is refused', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await depError(clientFor({ baseUrl: `http://127.0.0.1:${port}`, retry: { maxAttempts: 3 } }).account());
    expect(error).toMatchObject({
      code: ErrorCode.APPLE_UNAVAILABLE,
      status: null,
      appleCode: null,
      endpoint: 'GET /session',
      attempts: 3,
    });
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.cause).toBeInstanceOf(Error);
    expect(sleeps).toEqual([250, 500]);
  });

  it('aborts an attempt that outlives requestTimeoutMs and retries it', async () => {
    fake.script('GET /account', { hang: true });
    expect(await clientFor({ requestTimeoutMs: 100 }).account()).toEqual(ACCOUNT);
    expect(fake.requestsTo('GET /account')).toHaveLength(2);
    expect(sleeps).toEqual([250]);
  });

  it('names the timeout when the last attempt timed out (APPLE_UNAVAILABLE)', async () => {
    fake.script('GET /account', { hang: true });
    const error = await depError(clientFor({ requestTimeoutMs: 50, retry: { maxAttempts: 1 } }).account());
    expect(error).toMatchObject({ code: ErrorCode.APPLE_UNAVAILABLE, status: null, attempts: 1 });
    expect(error.message).toContain('timed out after 50 ms');
  });

  it('never retries a 400 and reports it as APPLE_REQUEST_REJECTED', async () => {
    fake.script('POST /server/devices', { status: 400, body: 'INVALID_CURSOR' });
    const error = await depError(clientFor().fetchDevicesPage({ cursor: 'garbage' }));
    expect(error).toMatchObject({ code: ErrorCode.APPLE_REQUEST_REJECTED, status: 400, appleCode: 'INVALID_CURSOR', attempts: 1 });
    expect(fake.requestsTo('POST /server/devices')).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('reads bare and JSON-quoted error bodies alike', async () => {
    fake.script('POST /devices/sync', { status: 400, body: 'EXPIRED_CURSOR' }, { status: 400, body: '"EXPIRED_CURSOR"' });
    const client = clientFor();
    const bare = await depError(client.syncDevicesPage({ cursor: 'old' }));
    const quoted = await depError(client.syncDevicesPage({ cursor: 'old' }));
    expect([bare.appleCode, quoted.appleCode]).toEqual(['EXPIRED_CURSOR', 'EXPIRED_CURSOR']);
    expect([bare.code, quoted.code]).toEqual([ErrorCode.APPLE_REQUEST_REJECTED, ErrorCode.APPLE_REQUEST_REJECTED]);
  });

  it('reports an unreadable 200 as APPLE_UNAVAILABLE without retrying', async () => {
    fake.script('GET /account', { status: 200, body: '<html>maintenance</html>' });
    const error = await depError(clientFor().account());
    expect(error).toMatchObject({ code: ErrorCode.APPLE_UNAVAILABLE, status: 200, attempts: 1 });
    expect(error.message).toContain('not JSON');
  });
});

describe('device pages', () => {
  /** Three pages of two devices, cursors c1..c3, following the request's cursor. */
  function threePages(path: 'POST /server/devices' | 'POST /devices/sync', echoAt?: string): void {
    fake.route(path, (request) => {
      const cursor = (request.json as { cursor?: string }).cursor;
      if (cursor !== undefined && cursor === echoAt) return { body: { cursor, devices: [device('E1')], more_to_follow: true } };
      const index = cursor === undefined ? 0 : Number(cursor.slice(1));
      return {
        body: {
          cursor: `c${index + 1}`,
          devices: [device(`S${index * 2 + 1}`), device(`S${index * 2 + 2}`)],
          fetched_until: '2026-09-01T07:59:59Z',
          more_to_follow: index < 2,
        },
      };
    });
  }

  it('fetchDevices follows the cursor through 3 pages', async () => {
    threePages('POST /server/devices');
    const pages = await collect(clientFor().fetchDevices({ limit: 2 }));
    expect(pages.map((p) => [p.cursor, p.moreToFollow, p.devices.map((d) => d.serial_number)])).toEqual([
      ['c1', true, ['S1', 'S2']],
      ['c2', true, ['S3', 'S4']],
      ['c3', false, ['S5', 'S6']],
    ]);
    expect(pages.every((p) => p.fetchedUntil?.toISOString() === '2026-09-01T07:59:59.000Z' && !p.cursorEchoed)).toBe(true);
    expect(fake.requestsTo('POST /server/devices').map((r) => r.json)).toEqual([
      { limit: 2 },
      { cursor: 'c1', limit: 2 },
      { cursor: 'c2', limit: 2 },
    ]);
  });

  it('stops iterating when Apple echoes the cursor with more_to_follow, flagging cursorEchoed', async () => {
    threePages('POST /server/devices', 'c1');
    const pages = await collect(clientFor().fetchDevices());
    expect(pages.map((p) => [p.cursor, p.moreToFollow, p.cursorEchoed])).toEqual([
      ['c1', true, false],
      ['c1', true, true],
    ]);
    expect(fake.requestsTo('POST /server/devices')).toHaveLength(2);
  });

  it('syncDevices starts from the given cursor on /devices/sync and keeps op_type and op_date', async () => {
    fake.route('POST /devices/sync', (request) => {
      const cursor = (request.json as { cursor: string }).cursor;
      const last = cursor === 's2';
      return {
        body: {
          cursor: last ? 's3' : 's2',
          devices: [{ ...device(cursor), op_type: last ? 'deleted' : 'added', op_date: '2026-09-01T07:00:00Z' }],
          more_to_follow: !last,
          fetched_until: '0001-01-01T00:00:00Z',
        },
      };
    });
    const pages: DevicePage[] = await collect(clientFor().syncDevices({ cursor: 's1' }));
    expect(pages.map((p) => p.devices[0]!.op_type)).toEqual(['added', 'deleted']);
    expect(pages.map((p) => p.fetchedUntil)).toEqual([null, null]);
    expect(fake.requestsTo('POST /devices/sync').map((r) => r.json)).toEqual([{ cursor: 's1' }, { cursor: 's2' }]);
  });

  it('refuses a sync without a cursor and a page limit above 1000 with BAD_USER_INPUT, before calling Apple', async () => {
    const client = clientFor();
    expect((await homeroomErrorOf(client.syncDevicesPage({ cursor: '' }))).code).toBe(ErrorCode.BAD_USER_INPUT);
    expect((await homeroomErrorOf(client.fetchDevicesPage({ limit: 1001 }))).details).toEqual({ field: 'limit' });
    expect((await homeroomErrorOf(client.fetchDevicesPage({ limit: 0 }))).code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(fake.requests).toEqual([]);
  });

  it("accepts more_to_follow spelled as a string, as in Apple's 2018 example", async () => {
    fake.route('POST /server/devices', () => ({
      body: { cursor: 'x', devices: [], fetched_until: '2026-09-01T07:00:00Z', more_to_follow: 'false' },
    }));
    const [page] = await collect(clientFor().fetchDevices());
    expect(page).toMatchObject({ moreToFollow: false, devices: [] });
  });

  it('reports a page without a cursor as APPLE_UNAVAILABLE (unexpected response)', async () => {
    fake.route('POST /server/devices', () => ({ body: { devices: [], more_to_follow: false } }));
    const error = await depError(clientFor().fetchDevicesPage());
    expect(error.code).toBe(ErrorCode.APPLE_UNAVAILABLE);
    expect(error.message).toContain('no cursor');
  });
});

describe('device lists in batches', () => {
  const serials = Array.from({ length: 2500 }, (_, i) => `SER${String(i).padStart(5, '0')}`);

  it('assigns 2,500 serials in 3 POSTs of at most 1000, merging results and the longest retry_after_seconds', async () => {
    let call = 0;
    fake.route('POST /profile/devices', (request) => {
      call += 1;
      const { devices, profile_uuid } = request.json as { devices: string[]; profile_uuid: string };
      const results: Record<string, string> = Object.fromEntries(devices.map((s) => [s, 'SUCCESS']));
      if (call === 1) delete results[devices[0]!]; // Apple forgets one serial: it must count as FAILED
      if (call === 2) results[devices[1]!] = 'THROTTLED';
      if (call === 3) results[devices[2]!] = 'NOT_ACCESSIBLE';
      const retry = call === 2 ? { retry_after_seconds: 90 } : call === 3 ? { retry_after_seconds: 30 } : {};
      return { body: { profile_uuid, devices: results, ...retry } };
    });
    const result = await clientFor().assignProfile('PROFILE-1', [...serials, serials[0]!]);
    const posts = fake.requestsTo('POST /profile/devices');
    expect(posts.map((r) => (r.json as { devices: string[] }).devices.length)).toEqual([1000, 1000, 500]);
    expect(posts.every((r) => (r.json as { profile_uuid: string }).profile_uuid === 'PROFILE-1')).toBe(true);
    expect(posts.flatMap((r) => (r.json as { devices: string[] }).devices)).toEqual(serials);
    expect(result.calls).toBe(3);
    expect(result.retryAfterSeconds).toBe(90);
    expect(Object.keys(result.results)).toHaveLength(2500);
    expect(result.results[serials[0]!]).toBe('FAILED');
    expect(result.results[serials[1001]!]).toBe('THROTTLED');
    expect(result.results[serials[2002]!]).toBe('NOT_ACCESSIBLE');
    expect(Object.values(result.results).filter((s) => s === 'SUCCESS')).toHaveLength(2497);
  });

  it('yields each assign batch as it completes, keeping the results of earlier batches when a later one fails', async () => {
    const succeed: FakeHandler = (request) => {
      const { devices } = request.json as { devices: string[] };
      return { body: { profile_uuid: 'P', devices: Object.fromEntries(devices.map((s) => [s, 'SUCCESS'])) } };
    };
    fake.script('POST /profile/devices', succeed, { status: 404, body: 'NOT_FOUND' });
    const seen: number[] = [];
    const error = await depError(
      (async () => {
        for await (const batch of clientFor().assignProfileBatches('P', serials)) seen.push(batch.serials.length);
      })(),
    );
    expect(seen).toEqual([1000]);
    expect(error).toMatchObject({ code: ErrorCode.APPLE_REQUEST_REJECTED, appleCode: 'NOT_FOUND', endpoint: 'POST /profile/devices' });
  });

  it('makes no call for an empty serial list', async () => {
    const client = clientFor();
    expect(await client.assignProfile('P', [])).toEqual({ results: {}, retryAfterSeconds: null, calls: 0 });
    expect(await client.removeProfile([])).toEqual({});
    expect(await client.deviceDetails([])).toEqual({});
    expect(fake.requests).toEqual([]);
  });

  it('removes profiles with DELETE /profile/devices and a JSON body, in batches of 1000, missing serials FAILED', async () => {
    fake.route('DELETE /profile/devices', (request) => {
      const { devices } = request.json as { devices: string[] };
      return { body: { devices: Object.fromEntries(devices.slice(1).map((s) => [s, 'SUCCESS'])) } };
    });
    const results = await clientFor().removeProfile(serials.slice(0, 1500));
    const deletes = fake.requestsTo('DELETE /profile/devices');
    expect(deletes.map((r) => (r.json as { devices: string[] }).devices.length)).toEqual([1000, 500]);
    expect(deletes[0]!.headers['content-type']).toBe(DEP_CONTENT_TYPE);
    expect(deletes[0]!.json).not.toHaveProperty('profile_uuid');
    expect(results[serials[0]!]).toBe('FAILED');
    expect(results[serials[1000]!]).toBe('FAILED');
    expect(Object.values(results).filter((s) => s === 'SUCCESS')).toHaveLength(1498);
  });

  it('disowns with POST /devices/disown in batches of 1000', async () => {
    fake.route('POST /devices/disown', (request) => {
      const { devices } = request.json as { devices: string[] };
      return { body: { devices: Object.fromEntries(devices.map((s) => [s, 'NOT_ACCESSIBLE'])) } };
    });
    const results = await clientFor().disownDevices(serials.slice(0, 1001));
    expect(fake.requestsTo('POST /devices/disown').map((r) => (r.json as { devices: string[] }).devices.length)).toEqual([1000, 1]);
    expect(new Set(Object.values(results))).toEqual(new Set(['NOT_ACCESSIBLE']));
  });

  it('reads device details keyed by serial, NOT_FOUND included', async () => {
    fake.route('POST /devices', () => ({
      body: { devices: { S1: { ...device('S1'), response_status: 'SUCCESS' }, S9: { response_status: 'NOT_FOUND' } } },
    }));
    const details = await clientFor().deviceDetails(['S1', 'S9']);
    expect(details).toEqual({ S1: { ...device('S1'), response_status: 'SUCCESS' }, S9: { response_status: 'NOT_FOUND' } });
    expect(fake.requestsTo('POST /devices')[0]!.json).toEqual({ devices: ['S1', 'S9'] });
  });
});

describe('profiles', () => {
  it('defines a profile with POST /profile and reads it back with GET /profile?profile_uuid=', async () => {
    const profile = {
      profile_name: 'Year 7 iPads',
      url: 'https://homeroom.example/mdm/enroll',
      is_supervised: true,
      is_mdm_removable: false,
    };
    fake.route('POST /profile', () => ({ body: { profile_uuid: '88fc4e378fea4021a94b2d7268fbf767' } }));
    fake.route('GET /profile', (request) => ({ body: { ...profile, profile_uuid: request.query.get('profile_uuid') } }));
    const client = clientFor();
    const defined = await client.defineProfile(profile);
    expect(defined).toEqual({ profile_uuid: '88fc4e378fea4021a94b2d7268fbf767' });
    expect(fake.requestsTo('POST /profile')[0]!.json).toEqual(profile);
    expect(await client.getProfile(defined.profile_uuid)).toEqual({ ...profile, profile_uuid: defined.profile_uuid });
    expect(fake.requestsTo('GET /profile')[0]!.query.get('profile_uuid')).toBe(defined.profile_uuid);
  });

  it('reports an unknown profile UUID as APPLE_REQUEST_REJECTED NOT_FOUND', async () => {
    const error = await depError(clientFor().getProfile('nope'));
    expect(error).toMatchObject({ code: ErrorCode.APPLE_REQUEST_REJECTED, status: 404, appleCode: 'NOT_FOUND', endpoint: 'GET /profile' });
  });
});
